"""``tigoni-kiosk check``: clean content passes; a broken copy fails naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


def test_check_passes_on_the_bundled_content(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert last_line.startswith("content OK: ")


def test_check_fails_on_a_broken_copy_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = content_copy / "en" / "future.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Read [more](page:missing-page).")
    page.write_text("\n".join(lines), encoding="utf-8")
    line_number = len(lines)
    monkeypatch.chdir(content_copy.parent)
    assert main(["check", str(content_copy)]) == 1
    out = capsys.readouterr().out
    expected = f"content/en/future.md:{line_number}: link to a page that does not exist"
    assert f"{expected}: 'page:missing-page'" in out


def test_help_explains_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("check", "screenshots", "--data-dir", "--content", "--size", "--lang"):
        assert word in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk import __version__

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"tigoni-kiosk {__version__}"


def test_a_mistyped_command_is_refused_not_run_as_the_kiosk(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["chekc", "--data-dir", str(data_dir)])
    assert exit_info.value.code == 2
    assert "chekc" in capsys.readouterr().err
