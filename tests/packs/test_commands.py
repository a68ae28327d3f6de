"""The real ``tigoni-kiosk`` commands for packs, as IT types them (issue #18)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.spawns_processes
def test_keygen_pack_and_install_pack_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert kiosk("keygen", str(tmp_path / "keys")).returncode == 0
    made = kiosk("pack", "content", str(tmp_path / "c.tkpack"), "--key",
                 str(tmp_path / "keys" / "content-signing.key"), "--version", "7",
                 "--signer", "Clinic office")
    assert made.returncode == 0, made.stderr
    files = sum(1 for path in Path("content").rglob("*") if path.is_file())
    assert made.stdout.startswith(
        f"Wrote {tmp_path / 'c.tkpack'}: content pack 7, {files} files")
    refused = kiosk("--data-dir", str(data), "install-pack", str(tmp_path / "c.tkpack"))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "c.tkpack: refused: no trusted key in the data folder's trusted-keys/ (IT must "
        "place the clinic's content-signing.pub there)"]
    (data / "trusted-keys").mkdir()
    shutil.copy(tmp_path / "keys" / "content-signing.pub", data / "trusted-keys")
    done = kiosk("--data-dir", str(data), "install-pack", str(tmp_path / "c.tkpack"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        done.stdout.strip()] and "Installed content pack 7 signed by Clinic office" in done.stdout
    again = kiosk("--data-dir", str(data), "install-pack", str(tmp_path / "c.tkpack"))
    assert again.returncode == 1 and len(again.stderr.splitlines()) == 1
    assert "version 7 is not newer than the installed version 7" in again.stderr
    log = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "installed content pack c.tkpack (version 7" in log
    assert "version 7 is not newer" in log
    check = kiosk("--data-dir", str(data), "check")
    assert check.returncode == 0 and "(signed content pack in the data folder)" in check.stdout
