"""The bundle IT copies, checked after ``make build`` (skipped where dist/ is missing).

It holds the program and the install files, and every library it loads from the system
is in ``kiosk.system_libraries`` (so install.sh installs it and self-test names it): ``ldd``
runs over every library and plugin as the bundle runs them (``LD_LIBRARY_PATH`` at
``_internal``), and each system path is mapped to its Debian package with ``dpkg -S``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.system_libraries import PRIVATE_LIBRARIES, SYSTEM_LIBRARIES

KNOWN = {**SYSTEM_LIBRARIES, **PRIVATE_LIBRARIES}

pytestmark = [
    pytest.mark.spawns_processes,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle only"),
]

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "tigoni-kiosk"
# In every Debian system, minimal or not (Priority: required).
BASE_SONAMES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                "libresolv.so.2",
                "libutil.so.1", "ld-linux-x86-64.so.2", "linux-vdso.so.1",
                "ld-linux-aarch64.so.1"}


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / "tigoni-kiosk").is_file():
        pytest.skip("no dist/tigoni-kiosk: run `make build` first (.ci/run does)")
    return BUNDLE


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(root: Path) -> dict[str, set[str]]:
    """soname -> the system paths it resolves to, for every ELF file in the bundle."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(root / "_internal")}
    resolved: dict[str, set[str]] = {}
    for path in elf_files(root):
        output = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                env=env, check=False).stdout
        for line in output.splitlines():
            name, _arrow, rest = line.strip().partition(" => ")
            target = rest.split(" (", 1)[0].strip()
            if "not found" in rest:
                resolved.setdefault(name, set()).add("not found")
            elif target.startswith("/") and not target.startswith(str(root)):
                resolved.setdefault(name, set()).add(target)
    return resolved


def test_the_bundle_holds_the_program_and_its_install_files(bundle: Path) -> None:
    for name in ("tigoni-kiosk", "install.sh", "uninstall.sh", "tigoni-kiosk.service.in",
                 "system-packages.txt", "README-IT.txt"):
        assert (bundle / name).is_file(), name
    assert list(bundle.parent.glob("tigoni-kiosk-*-linux-*.tar.gz")), "the packed bundle"
    readme = (bundle / "README-IT.txt").read_text(encoding="utf-8")
    assert "copy the WHOLE folder" in readme and "sudo ./install.sh" in readme


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd missing")
def test_every_library_loaded_from_the_system_is_known(bundle: Path) -> None:
    libraries = system_libraries(bundle)
    missing = sorted(name for name, paths in libraries.items() if "not found" in paths)
    assert not missing, f"not found on this machine (install them, then list them): {missing}"
    unknown = sorted(set(libraries) - BASE_SONAMES - set(KNOWN))
    assert not unknown, f"add these to kiosk/system_libraries.py: {unknown}"
    assert {"libwayland-client.so.0", "libwayland-cursor.so.0"} <= set(libraries)


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="not a Debian system")
def test_each_library_is_mapped_to_the_package_that_holds_it(bundle: Path) -> None:
    for soname, paths in system_libraries(bundle).items():
        if soname in BASE_SONAMES:
            continue
        for path in paths:
            owners = set()
            for candidate in {path, os.path.realpath(path), "/usr" + path}:
                result = subprocess.run(["dpkg", "-S", candidate], capture_output=True,
                                        text=True, check=False)
                owners |= {line.split(":", 1)[0] for line in result.stdout.splitlines()}
            assert owners & set(KNOWN[soname].split("|")), (soname, path, owners)


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "xcb"])
def test_every_library_the_running_program_loads_from_the_system_is_known(
    bundle: Path, data_dir: Path, platform: str
) -> None:
    """What the dynamic loader really loads (LD_DEBUG), dlopen'd plugins included.

    Without a display or compositor the wayland and xcb plugins fail to connect, but only
    after their libraries are loaded, which is what is checked here; Qt then falls back
    to the offscreen plugin named after them (without it the kiosk would rightly stop
    before Qt, saying there is no screen).
    """
    wanted = platform if platform == "offscreen" else f"{platform};offscreen"
    env = {**os.environ, "LD_DEBUG": "files", "QT_QPA_PLATFORM": wanted}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DISPLAY", None)
    result = subprocess.run([str(bundle / "tigoni-kiosk"), "--data-dir", str(data_dir),
                             "--exit-after-first-paint"], capture_output=True, text=True,
                            env=env, timeout=180, check=False)
    loaded = {Path(line.split("calling init: ", 1)[1].split()[0]).name
              for line in (result.stdout + result.stderr).splitlines()
              if "calling init: " in line and str(bundle) not in line}
    plugin = {"offscreen": "libqoffscreen", "wayland": "libqwayland", "xcb": "libqxcb"}
    assert plugin[platform] in result.stdout + result.stderr, "the plugin was loaded"
    unknown = sorted(loaded - BASE_SONAMES - set(KNOWN))
    assert not unknown, f"add these to kiosk/system_libraries.py: {unknown}"


@pytest.mark.skipif(shutil.which("apt-cache") is None, reason="not a Debian system")
def test_each_package_is_in_the_debian_archive() -> None:
    """Every line of the list names a package apt can install here (one of 'a|b')."""
    from kiosk.system_libraries import packages

    names = [name for line in packages() for name in line.split("|")]
    policy = subprocess.run(["apt-cache", "policy", "libc6", *names], capture_output=True,
                            text=True, check=False).stdout
    known = {line[:-1].split(":")[0] for line in policy.splitlines()
             if line.endswith(":") and not line.startswith(" ")}
    if "libc6" not in known:
        pytest.skip("apt has no package lists here (run apt-get update)")
    unknown = [line for line in packages() if not known & set(line.split("|"))]
    assert not unknown
