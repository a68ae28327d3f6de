"""The set-up behind `make run` and `make test`: quiet when all is well, exact when not.

The script is run for real.  For the user who is not root and lacks Qt's system
libraries, a stand-in ``dpkg-query`` reports every package missing, so the test needs
no machine without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.spawns_processes
ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = ROOT / "build" / "bootstrap.sh"


def as_ordinary_user() -> list[str]:
    """Run what follows as an ordinary user (``nobody`` when the tests run as root)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_an_ordinary_user_gets_the_exact_root_commands() -> None:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root and util-linux's setpriv is missing, so the test "
                    "cannot act as an ordinary user")
    # pytest's own temporary folders are private to the user running the tests.
    home = Path(tempfile.mkdtemp(prefix="bootstrap-user-"))
    home.chmod(0o755)
    fake_bin = home / "bin"
    fake_bin.mkdir()
    (fake_bin / "dpkg-query").write_text("#!/bin/sh\necho 'unknown ok not-installed'\n")
    (fake_bin / "dpkg-query").chmod(0o755)
    # A copy, since the clone itself may lie in a folder only its owner can enter.
    script = home / "build" / "bootstrap.sh"
    script.parent.mkdir()
    shutil.copy(BOOTSTRAP, script)
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    try:
        result = subprocess.run([*as_ordinary_user(), "bash", str(script), "run"],
                                env=env, capture_output=True, text=True, timeout=60,
                                check=False)
    finally:
        shutil.rmtree(home)
    assert result.returncode == 1
    assert result.stdout == ""
    command = ("apt-get update && apt-get install -y --no-install-recommends "
               "libgl1 libegl1 libglib2.0-0")
    assert f"su -c '{command}" in result.stderr
    assert "libxcb-cursor0" in result.stderr  # a window needs the X libraries too
    assert "sudo apt-get install" not in result.stderr  # sudo is not a given on Debian


def test_set_up_on_a_ready_machine_prints_nothing() -> None:
    if shutil.which("uv") is None:
        pytest.skip("uv is not on the PATH of this test run, so set-up would install it")
    result = subprocess.run(["bash", str(BOOTSTRAP), "test"], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
