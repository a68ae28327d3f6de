"""A real Wayland compositor for end-to-end tests: sway's headless backend, grim, swaymsg.

cage is what the installed unit runs, but cage 0.1.4's headless backend shows clients
black or stale (see the platform notes), so the tests use sway (wlroots too) with
``WLR_BACKENDS=headless`` and the pixman renderer: one virtual output, HEADLESS-1.

sway refuses to run as root.  As root (CI), sway runs as an ordinary user
(``TIGONI_E2E_USER``, default ``kioskci``; CI creates it) in its own ``XDG_RUNTIME_DIR``;
the kiosk, grim and swaymsg connect to its sockets by absolute path as the test's own
user, so the kiosk can run from wherever the checkout is.  Where something is missing,
or sway will not start, the test is skipped with the reason.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

E2E_USER = os.environ.get("TIGONI_E2E_USER", "kioskci")
CONFIG = """\
output HEADLESS-1 mode {width}x{height}
xwayland disable
default_border none
"""


@dataclass
class Sway:
    """A running headless sway and what its clients need to reach it."""

    process: subprocess.Popen[bytes]
    runtime_dir: Path
    display: Path
    ipc: Path
    client_dir: Path

    def client_env(self, **extra: str) -> dict[str, str]:
        """The environment for a Wayland client of this sway (the kiosk, grim, swaymsg)."""
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("WAYLAND_", "QT_QPA", "SWAYSOCK", "DISPLAY"))}
        env.update(WAYLAND_DISPLAY=str(self.display), SWAYSOCK=str(self.ipc),
                   XDG_RUNTIME_DIR=str(self.client_dir), QT_QPA_PLATFORM="wayland")
        env.update(extra)
        return env

    def capture(self, path: Path) -> QImage:
        """A picture of the whole output, taken by grim (a null image if it failed)."""
        result = subprocess.run(["grim", str(path)], env=self.client_env(),
                                capture_output=True, check=False, timeout=30)
        return QImage(str(path)) if result.returncode == 0 else QImage()

    def msg(self, *command: str) -> None:
        """Run a sway command (``output HEADLESS-1 transform 90``) and check it worked."""
        subprocess.run(["swaymsg", *command], env=self.client_env(), check=True,
                       capture_output=True, timeout=30)


def _skip_reason() -> str | None:
    missing = [tool for tool in ("sway", "grim", "swaymsg") if shutil.which(tool) is None]
    if missing:
        return (f"{' and '.join(missing)} not installed, so the kiosk cannot be tried under a "
                "real Wayland compositor (apt-get install sway grim)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(E2E_USER)
        except KeyError:
            return (f"running as root and there is no ordinary user {E2E_USER!r} to run sway "
                    f"as (sway refuses root): useradd -m {E2E_USER}")
    return None


def _as_user() -> dict[str, object]:
    """Popen arguments that run sway as the ordinary user when we are root."""
    if os.geteuid() != 0:
        return {}
    user = pwd.getpwnam(E2E_USER)
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@contextmanager
def headless_sway(size: tuple[int, int] = (1920, 1080)) -> Iterator[Sway]:
    """Start sway with one headless output of ``size``; skip the test if it cannot."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    runtime_dir = Path(tempfile.mkdtemp(prefix="tigoni-sway-"))
    client_dir = Path(tempfile.mkdtemp(prefix="tigoni-client-"))
    user = _as_user()
    if user:
        os.chown(runtime_dir, int(str(user["user"])), int(str(user["group"])))
    config = runtime_dir / "config"
    config.write_text(CONFIG.format(width=size[0], height=size[1]), encoding="utf-8")
    config.chmod(0o644)
    log_path = client_dir / "sway.log"
    home = pwd.getpwuid(int(str(user["user"]))).pw_dir if user else str(Path.home())
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
           "XDG_RUNTIME_DIR": str(runtime_dir), "WLR_BACKENDS": "headless",
           "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman"}
    with log_path.open("wb") as log:
        process = subprocess.Popen(["sway", "-c", str(config)], env=env, stdout=log,
                                   stderr=subprocess.STDOUT, **user)  # type: ignore[call-overload]
    try:
        display, ipc = _wait_for_sockets(process, runtime_dir, log_path)
        yield Sway(process, runtime_dir, display, ipc, client_dir)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(runtime_dir, ignore_errors=True)
        shutil.rmtree(client_dir, ignore_errors=True)


def _wait_for_sockets(process: subprocess.Popen[bytes], runtime_dir: Path,
                      log_path: Path) -> tuple[Path, Path]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-3:]
            pytest.skip(f"sway would not start on this machine (exit {process.returncode}): "
                        + " / ".join(tail))
        displays = [p for p in runtime_dir.glob("wayland-*") if not p.name.endswith(".lock")]
        ipcs = list(runtime_dir.glob("sway-ipc.*.sock"))
        if displays and ipcs:
            return displays[0], ipcs[0]
        time.sleep(0.1)
    pytest.skip("sway started but opened no Wayland socket within 30 s on this machine")


def is_blank(image: QImage) -> bool:
    """Whether a picture is one flat colour (a black or empty output), or no picture."""
    if image.isNull():
        return True
    small = image.scaled(64, 36).convertToFormat(QImage.Format.Format_RGB32)
    return len({small.pixel(x, y) for x in range(64) for y in range(36)}) < 4


def difference(first: QImage, second: QImage, tolerance: int = 48) -> float:
    """The share of pixels (0 to 1) where any channel differs by more than ``tolerance``.

    Both pictures are compared at half size (so a pixel is 2x2 of the screen; about half
    a million of them at 1920x1080); 1.0 if their sizes differ.
    """
    if first.size() != second.size() or first.isNull():
        return 1.0
    half = first.size() / 2

    def prepared(image: QImage) -> bytes:
        scaled = image.scaled(half, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        return bytes(scaled.convertToFormat(QImage.Format.Format_RGB32).constBits())

    a, b = prepared(first), prepared(second)
    pixels = len(a) // 4
    differing = sum(
        1 for i in range(0, len(a), 4)
        if abs(a[i] - b[i]) > tolerance or abs(a[i + 1] - b[i + 1]) > tolerance
        or abs(a[i + 2] - b[i + 2]) > tolerance)
    return differing / pixels


def wait_for(check: Callable[[], bool], seconds: float, step: float = 0.25) -> bool:
    """Poll ``check`` until it is true or ``seconds`` have passed; whether it came true."""
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)
