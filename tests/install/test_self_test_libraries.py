"""``self-test`` in the bundle names each missing system library and its Debian package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import resources, system_libraries
from kiosk.cli import main

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def test_missing_names_the_library_and_the_package() -> None:
    table = {"libtigoni-absent.so.7": "libtigoni-absent7t64|libtigoni-absent7",
             "libc.so.6": "libc6"}
    assert system_libraries.missing(table) == [
        "libtigoni-absent.so.7 is missing: install the Debian package libtigoni-absent7t64 "
        "or libtigoni-absent7"]


def test_self_test_in_the_bundle_fails_naming_a_missing_library(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path,
    content_copy: Path,
) -> None:
    monkeypatch.setattr(resources, "is_frozen", lambda: True)  # only the check asks it
    monkeypatch.setattr(system_libraries, "SYSTEM_LIBRARIES",
                        {**system_libraries.SYSTEM_LIBRARIES,
                         "libwayland-absent.so.0": "libwayland-absent0"})
    assert main(["--data-dir", str(data_dir), "self-test", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert ("FAILED libraries: libwayland-absent.so.0 is missing: install the Debian package "
            "libwayland-absent0") in out
    assert "system libraries: FAILED" in out
    assert out.strip().endswith("self-test FAILED: 1 problem(s)"), "only the library"
