"""The Linux installer puts the bundle and a self-restarting systemd unit in place."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.spawns_processes

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "build" / "linux" / "install.sh"
UNINSTALL = REPO / "build" / "linux" / "uninstall.sh"


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle" / "tigoni-kiosk"
    (bundle / "_internal" / "content").mkdir(parents=True)
    program = bundle / "tigoni-kiosk"
    program.write_text("#!/bin/sh\necho kiosk\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return bundle


def install(prefix: Path, bundle: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), "--prefix", str(prefix), "--bundle",
                           str(bundle), *extra], capture_output=True, text=True, check=False)


def test_install_writes_bundle_and_unit(tmp_path: Path, fake_bundle: Path) -> None:
    prefix = tmp_path / "root"
    result = install(prefix, fake_bundle, "--user", "kioskuser")
    assert result.returncode == 0, result.stderr
    program = prefix / "opt" / "tigoni-kiosk" / "tigoni-kiosk"
    assert os.access(program, os.X_OK)
    unit = (prefix / "etc" / "systemd" / "system" / "tigoni-kiosk.service").read_text()
    assert "ExecStart=/usr/bin/cage -- /opt/tigoni-kiosk/tigoni-kiosk --kiosk" in unit
    assert "Restart=always" in unit
    assert "StartLimitIntervalSec=0" in unit
    assert "User=kioskuser" in unit
    assert "WantedBy=graphical.target" in unit
    assert "@" not in unit.replace("getty@tty1", ""), "every placeholder must be filled in"


def test_reinstall_replaces_the_old_bundle(tmp_path: Path, fake_bundle: Path) -> None:
    prefix = tmp_path / "root"
    assert install(prefix, fake_bundle).returncode == 0
    stale = prefix / "opt" / "tigoni-kiosk" / "stale-file"
    stale.write_text("old", encoding="utf-8")
    assert install(prefix, fake_bundle).returncode == 0
    assert not stale.exists()


def test_install_without_a_bundle_explains(tmp_path: Path) -> None:
    result = install(tmp_path / "root", tmp_path / "nothing-here")
    assert result.returncode == 1
    assert "no bundle found" in result.stderr


def test_uninstall_removes_what_install_wrote(tmp_path: Path, fake_bundle: Path) -> None:
    prefix = tmp_path / "root"
    assert install(prefix, fake_bundle).returncode == 0
    result = subprocess.run(["bash", str(UNINSTALL), "--prefix", str(prefix)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert not (prefix / "opt" / "tigoni-kiosk").exists()
    assert not (prefix / "etc" / "systemd" / "system" / "tigoni-kiosk.service").exists()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_unit_passes_systemd_analyze_verify(tmp_path: Path, fake_bundle: Path) -> None:
    prefix = tmp_path / "root"
    assert install(prefix, fake_bundle).returncode == 0
    # verify resolves everything inside --root: give it the system's own units and a
    # stand-in for cage (verify only checks that ExecStart's program exists).
    (prefix / "usr" / "lib" / "systemd").mkdir(parents=True)
    (prefix / "usr" / "lib" / "systemd" / "system").symlink_to("/usr/lib/systemd/system")
    cage = prefix / "usr" / "bin" / "cage"
    cage.parent.mkdir(parents=True)
    cage.write_text("#!/bin/sh\n", encoding="utf-8")
    cage.chmod(0o755)
    unit = prefix / "etc" / "systemd" / "system" / "tigoni-kiosk.service"
    probe = tmp_path / "probe.service"  # can verify run here at all? (no PID 1 needed)
    probe.write_text("[Service]\nExecStart=/bin/true\n", encoding="utf-8")
    probed = subprocess.run(["systemd-analyze", "verify", str(probe)], capture_output=True,
                            text=True, check=False)
    if probed.returncode != 0:
        pytest.skip(f"systemd-analyze verify does not work here: {probed.stderr.strip()}")
    result = subprocess.run(["systemd-analyze", "verify", f"--root={prefix}", str(unit)],
                            capture_output=True, text=True, check=False)
    relevant = [line for line in result.stderr.splitlines() if "tigoni-kiosk.service" in line]
    assert result.returncode == 0 and not relevant, result.stderr
