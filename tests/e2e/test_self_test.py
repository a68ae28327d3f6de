"""``tigoni-kiosk self-test`` passes on good content and names each failure on bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


def test_self_test_passes_and_summarises(
    capsys: pytest.CaptureFixture[str], data_dir: Path, content_copy: Path
) -> None:
    assert main(["--data-dir", str(data_dir), "self-test", "--content", str(content_copy)]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("self-test passed")
    for check in ("content", "fonts", "icons", "images", "screens"):
        assert f"  {check}" in out


@pytest.mark.qt_log_ignore("Cannot read file .*synapse.svg")
def test_self_test_fails_naming_a_broken_image(
    capsys: pytest.CaptureFixture[str], data_dir: Path, content_copy: Path
) -> None:
    picture = content_copy / "illustrations" / "synapse.svg"
    picture.parent.mkdir()
    picture.write_text("this is not an SVG drawing", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "self-test", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out
    assert "illustrations/synapse.svg" in out
