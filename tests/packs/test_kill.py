"""A kill at any moment of an install leaves the kiosk showing good content (issue #18).

A real ``tigoni-kiosk install-pack`` process is stopped at each named point of the
install (``TIGONI_PACK_PAUSE_AT``) and killed with SIGKILL.  The kiosk must then show
pack 1 (killed before the switch) or pack 2 (after it), complete and passing
``check``; and the next install must succeed and leave no leftovers behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.packs.install import PAUSE_VARIABLE, content_errors, install_pack
from kiosk.packs.shown import installed_pack_dir
from kiosk.packs.state import read_state
from tests.packs.kit import Office, marker, shown_welcome

BEFORE_SWITCH = ("verified", "unpacking", "unpacked", "checked", "renamed")
AFTER_SWITCH = ("switched", "cleaned")


@pytest.mark.spawns_processes
@pytest.mark.parametrize("point", BEFORE_SWITCH + AFTER_SWITCH)
def test_kill_9_during_install_leaves_good_content(tmp_path: Path, point: str) -> None:
    office = Office.make(tmp_path)
    install_pack(office.pack(1), office.data_dir)
    pack = office.pack(2)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--data-dir", str(office.data_dir), "install-pack",
         str(pack)], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, PAUSE_VARIABLE: point})
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.strip() == f"pack-install paused at {point}"
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    expected = 1 if point in BEFORE_SWITCH else 2
    assert shown_welcome(office.data_dir) == marker(expected)
    found = installed_pack_dir(office.data_dir)
    assert found is not None and content_errors(found[1]) == []
    install_pack(office.pack(3), office.data_dir)  # the next install is not disturbed
    assert shown_welcome(office.data_dir) == marker(3)
    state = read_state(office.data_dir)
    assert state.previous is not None and state.previous.version == expected
    folders = {p.name for p in (office.data_dir / "packs").iterdir() if p.is_dir()}
    assert folders == {"v3", f"v{expected}"}
