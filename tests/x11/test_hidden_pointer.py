"""Kiosk mode hides the pointer on a real X server, however it was switched on (issue 20).

The test starts its own Xvfb, runs the real kiosk on it (``QT_QPA_PLATFORM=xcb``, in a
subprocess: the rest of the suite is offscreen, and a process has one platform), switches
kiosk mode through the staff panel, and reads the cursor the X server really shows with
XFixes (``XFixesGetCursorImage``), not Qt's idea of it.  ctypes on the system's
``libXfixes.so.3`` rather than python-xlib: one call, and no new Python dependency.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.session.pin import hash_pin
from tests.helpers import PIN, write_settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.spawns_processes  # Xvfb and the kiosk itself


class CursorImage(ctypes.Structure):
    """``XFixesCursorImage`` from ``<X11/extensions/Xfixes.h>``."""

    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_short),
                ("width", ctypes.c_ushort), ("height", ctypes.c_ushort),
                ("xhot", ctypes.c_ushort), ("yhot", ctypes.c_ushort),
                ("cursor_serial", ctypes.c_ulong),
                ("pixels", ctypes.POINTER(ctypes.c_ulong)),  # ARGB, one per long
                ("atom", ctypes.c_ulong), ("name", ctypes.c_char_p)]


def _x_libraries() -> tuple[ctypes.CDLL, ctypes.CDLL] | str:
    """libX11 and libXfixes, or why they cannot be loaded."""
    try:
        xlib = ctypes.CDLL("libX11.so.6")
        xfixes = ctypes.CDLL("libXfixes.so.3")
    except OSError as error:
        return f"the X libraries are missing (Debian: libx11-6 libxfixes3): {error}"
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xfixes.XFixesGetCursorImage.restype = ctypes.POINTER(CursorImage)
    xfixes.XFixesGetCursorImage.argtypes = [ctypes.c_void_p]
    return xlib, xfixes


def visible_cursor_pixels(display: str) -> int:
    """How many pixels of the cursor the X server shows now are not fully transparent."""
    libraries = _x_libraries()
    assert not isinstance(libraries, str), libraries
    xlib, xfixes = libraries
    handle = xlib.XOpenDisplay(display.encode())
    assert handle, f"cannot open X display {display}"
    try:
        image = xfixes.XFixesGetCursorImage(handle)
        assert image, "XFixesGetCursorImage returned nothing"
        try:
            cursor = image.contents
            count = cursor.width * cursor.height
            return sum(1 for i in range(count) if (cursor.pixels[i] >> 24) & 0xFF)
        finally:
            xlib.XFree(image)
    finally:
        xlib.XCloseDisplay(handle)


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[str]:
    """A fresh Xvfb on a free display number; yields ``:N``."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("the hidden pointer needs a real X server: Xvfb is missing "
                    "(Debian: xvfb; .ci/run installs it)")
    if isinstance(why := _x_libraries(), str):
        pytest.skip(why)
    read_end, write_end = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0",
                               "1280x1024x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=20)


class Kiosk:
    """The real kiosk on ``display``, driven by ``tests.x11.kiosk_driver``."""

    def __init__(self, display: str, data_dir: Path) -> None:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.x11.kiosk_driver", str(data_dir)], cwd=ROOT,
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def do(self, command: str) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer == "ready", f"{command}: {answer or 'the kiosk ended'}"

    def close(self) -> None:
        stdin, stdout = self.process.stdin, self.process.stdout
        if self.process.poll() is None and stdin is not None:
            stdin.write("quit\n")
            stdin.flush()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (stdin, stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def kiosk_on_x(x_server: str, data_dir: Path) -> Iterator[tuple[str, Kiosk, Path]]:
    write_settings(data_dir, pin_hash=hash_pin(PIN))
    kiosk = Kiosk(x_server, data_dir)
    try:
        yield x_server, kiosk, data_dir
    finally:
        kiosk.close()


def test_kiosk_mode_switched_on_from_the_staff_panel_hides_the_pointer_and_off_shows_it(
        kiosk_on_x: tuple[str, Kiosk, Path]) -> None:
    display, kiosk, _data_dir = kiosk_on_x
    kiosk.do("settle")
    assert visible_cursor_pixels(display) > 0, "an ordinary window shows the pointer"
    kiosk.do("kiosk-on")
    assert visible_cursor_pixels(display) == 0, "kiosk mode must hide the pointer"
    kiosk.do("kiosk-off")
    assert visible_cursor_pixels(display) > 0, "kiosk mode off shows the pointer again"
    kiosk.do("kiosk-on")
    assert visible_cursor_pixels(display) == 0, "and hides it again the second time"


def test_a_kiosk_started_in_kiosk_mode_hides_the_pointer_until_switched_off(
        x_server: str, data_dir: Path) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), kiosk_mode=True)
    kiosk = Kiosk(x_server, data_dir)
    try:
        kiosk.do("settle")
        assert visible_cursor_pixels(x_server) == 0
        kiosk.do("kiosk-off")
        assert visible_cursor_pixels(x_server) > 0
    finally:
        kiosk.close()
