"""install.sh and uninstall.sh as IT runs them (issue 20, points 4, 5, 6 and 7).

``--prefix`` writes files under a folder and prints each system command ("would run:")
instead of running it, so these tests see exactly what the scripts would do to a PC.
"""

from __future__ import annotations

import stat
import subprocess
import tarfile
from pathlib import Path

import pytest

from kiosk.system_libraries import packages

pytestmark = pytest.mark.spawns_processes

LINUX = Path(__file__).resolve().parents[2] / "build" / "linux"
SHIPPED = ("install.sh", "uninstall.sh", "tigoni-kiosk.service.in", "system-packages.txt",
           "README-IT.txt")


def bash(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(script), *args], capture_output=True, text=True,
                          check=False, timeout=120)


def would_run(output: str) -> list[str]:
    return [line.split("would run: ", 1)[1] for line in output.splitlines()
            if "would run: " in line]


@pytest.fixture
def packed_bundle(tmp_path: Path) -> Path:
    """A small stand-in bundle, packed by the same script ``make build`` runs."""
    bundle = tmp_path / "dist" / "tigoni-kiosk"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "tigoni-kiosk"
    program.write_text("#!/bin/sh\necho kiosk\n", encoding="utf-8")
    program.chmod(0o755)
    result = bash(LINUX / "package.sh", str(bundle), "9.9.9")
    assert result.returncode == 0, result.stderr
    return bundle


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_help_prints_the_usage_text_only(script: str) -> None:
    result = bash(LINUX / script, "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(("Install the Tigoni", "Remove the Tigoni"))
    assert f"sudo ./{script}" in result.stdout
    for script_line in ("set -euo", "here=", "#!/", "while [", "usage()", "USAGE"):
        assert script_line not in result.stdout


def test_make_build_packs_the_program_with_everything_it_needs_to_install(
    packed_bundle: Path,
) -> None:
    for name in SHIPPED:
        assert (packed_bundle / name).is_file(), name
    for script in ("install.sh", "uninstall.sh"):
        assert (packed_bundle / script).stat().st_mode & stat.S_IXUSR
    [packed] = list(packed_bundle.parent.glob("tigoni-kiosk-9.9.9-linux-*.tar.gz"))
    with tarfile.open(packed) as tar:
        names = set(tar.getnames())
    assert {f"tigoni-kiosk/{name}" for name in (*SHIPPED, "tigoni-kiosk")} <= names


def test_install_from_inside_the_copied_bundle_installs_cage_and_every_library(
    tmp_path: Path, packed_bundle: Path
) -> None:
    root = tmp_path / "root"
    result = bash(packed_bundle / "install.sh", "--prefix", str(root), "--user", "kiosk-x1")
    assert result.returncode == 0, result.stderr
    assert (root / "opt" / "tigoni-kiosk" / "tigoni-kiosk").is_file()
    unit = (root / "etc" / "systemd" / "system" / "tigoni-kiosk.service").read_text()
    assert "User=kiosk-x1" in unit
    commands = would_run(result.stdout)
    [apt] = [command for command in commands if command.startswith("apt-get install")]
    installed = apt.split()[4:]
    assert installed[0] == "cage"
    for package in packages():
        assert any(name in package.split("|") for name in installed), package
    assert "libwayland-client0" in installed and "libwayland-cursor0" in installed
    assert "systemctl set-default graphical.target" in commands
    assert any(command.startswith("useradd") and "kiosk-x1" in command
               for command in commands)
    assert commands[-1] == ("/opt/tigoni-kiosk/tigoni-kiosk self-test "
                            "--data-dir /tmp/tigoni-kiosk-self-test")
    assert result.stdout.splitlines()[-1].endswith("nothing was started, and self-test "
                                                   "was not run)"), "a try-out says so"


def test_uninstall_puts_the_pc_back_as_it_was(tmp_path: Path, packed_bundle: Path) -> None:
    root = tmp_path / "root"
    assert bash(packed_bundle / "install.sh", "--prefix", str(root),
                "--user", "kiosk-x2").returncode == 0
    state = (root / "etc" / "tigoni-kiosk" / "install-state").read_text()
    assert "created_user=yes" in state
    previous = next(line.split("=", 1)[1] for line in state.splitlines()
                    if line.startswith("previous_default_target="))
    (root / "var" / "lib" / "tigoni-kiosk").mkdir(parents=True)

    result = bash(packed_bundle / "uninstall.sh", "--prefix", str(root))
    assert result.returncode == 0, result.stderr
    commands = would_run(result.stdout)
    assert "systemctl disable --now tigoni-kiosk.service" in commands
    assert f"systemctl set-default {previous}" in commands
    assert "systemctl enable getty@tty1.service" in commands
    assert "systemctl start getty@tty1.service" in commands
    assert "userdel --remove kiosk-x2" in commands
    assert "cage" in result.stdout and "stay" in result.stdout  # said plainly
    assert not (root / "opt" / "tigoni-kiosk").exists()
    assert not (root / "etc" / "systemd" / "system" / "tigoni-kiosk.service").exists()
    assert not (root / "etc" / "tigoni-kiosk").exists()
    assert (root / "var" / "lib" / "tigoni-kiosk").is_dir(), "kept without --purge"


def test_uninstall_keeps_a_user_that_was_there_before(
    tmp_path: Path, packed_bundle: Path
) -> None:
    root = tmp_path / "root"
    assert bash(packed_bundle / "install.sh", "--prefix", str(root),
                "--user", "root").returncode == 0
    result = bash(packed_bundle / "uninstall.sh", "--prefix", str(root), "--purge")
    assert result.returncode == 0, result.stderr
    assert not any(command.startswith("userdel") for command in would_run(result.stdout))


def test_the_committed_package_list_is_the_one_the_code_checks() -> None:
    from kiosk.system_libraries import render

    assert (LINUX / "system-packages.txt").read_text(encoding="utf-8") == render()


def test_a_dry_run_never_says_it_did_what_it_only_printed(
    tmp_path: Path, packed_bundle: Path
) -> None:
    root = tmp_path / "root"
    assert bash(packed_bundle / "install.sh", "--prefix", str(root),
                "--user", "kiosk-x3").returncode == 0
    result = bash(packed_bundle / "uninstall.sh", "--prefix", str(root))
    assert result.returncode == 0, result.stderr
    assert "userdel --remove kiosk-x3" in would_run(result.stdout)
    assert "removed the user" not in result.stdout.replace("would have removed the user", "")
    assert "would have removed the user kiosk-x3" in result.stdout
    assert "the PC boots to" not in result.stdout, "only printed: it would"


def test_a_second_uninstall_changes_nothing_it_has_no_record_of(
    tmp_path: Path, packed_bundle: Path
) -> None:
    root = tmp_path / "root"
    assert bash(packed_bundle / "install.sh", "--prefix", str(root),
                "--user", "kiosk-x4").returncode == 0
    assert bash(packed_bundle / "uninstall.sh", "--prefix", str(root)).returncode == 0
    result = bash(packed_bundle / "uninstall.sh", "--prefix", str(root))
    assert result.returncode == 0, result.stderr
    commands = would_run(result.stdout)
    assert not any(command.startswith(("systemctl set-default", "userdel"))
                   for command in commands), commands
    assert "no record of what install.sh changed" in result.stdout
    assert "it was there before the kiosk" not in result.stdout, "it cannot know"
    assert "boot target is left as it is" in result.stdout
