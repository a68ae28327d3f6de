"""What a person at a real X server sees and does, through Xlib, XFixes and XTest (ctypes).

- ``visible_cursor_pixels``: the pointer the server really shows (``XFixesGetCursorImage``);
- ``screen_pixels``: the pixels of a rectangle of the screen (``XGetImage``), to tell
  whether what is drawn there changed;
- ``click`` / ``hold``: a real pointer press and release (``XTestFakeButtonEvent``), which
  reaches the kiosk as any mouse or touch screen's would.

ctypes on the system's ``libX11.so.6``, ``libXfixes.so.3`` and ``libXtst.so.6`` rather
than python-xlib: a handful of calls and no new Python dependency.  ``missing()`` says
which library is absent, for a skip that names the Debian package.
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

Rect = tuple[int, int, int, int]  # x, y, width, height in screen pixels

_LIBRARIES = {"libX11.so.6": "libx11-6", "libXfixes.so.3": "libxfixes3",
              "libXtst.so.6": "libxtst6"}
_ALL_PLANES = ctypes.c_ulong(-1).value
_Z_PIXMAP = 2


class CursorImage(ctypes.Structure):
    """``XFixesCursorImage`` from ``<X11/extensions/Xfixes.h>``."""

    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_short),
                ("width", ctypes.c_ushort), ("height", ctypes.c_ushort),
                ("xhot", ctypes.c_ushort), ("yhot", ctypes.c_ushort),
                ("cursor_serial", ctypes.c_ulong),
                ("pixels", ctypes.POINTER(ctypes.c_ulong)),  # ARGB, one per long
                ("atom", ctypes.c_ulong), ("name", ctypes.c_char_p)]


class XImage(ctypes.Structure):
    """The leading, stable fields of ``XImage`` from ``<X11/Xlib.h>``."""

    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int),
                ("xoffset", ctypes.c_int), ("format", ctypes.c_int),
                ("data", ctypes.POINTER(ctypes.c_char)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int)]


def missing() -> str | None:
    """Why the X libraries cannot be loaded (naming the Debian packages), or None."""
    for name, package in _LIBRARIES.items():
        try:
            ctypes.CDLL(name)
        except OSError as error:
            return f"the X library {name} is missing (Debian: {package}): {error}"
    return None


def _libraries() -> tuple[Any, Any, Any]:
    xlib = ctypes.CDLL("libX11.so.6")
    xfixes = ctypes.CDLL("libXfixes.so.3")
    xtst = ctypes.CDLL("libXtst.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XGetImage.restype = ctypes.POINTER(XImage)
    xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                               ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    xfixes.XFixesGetCursorImage.restype = ctypes.POINTER(CursorImage)
    xfixes.XFixesGetCursorImage.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                          ctypes.c_int, ctypes.c_ulong]
    xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                          ctypes.c_ulong]
    return xlib, xfixes, xtst


@contextmanager
def _display(name: str) -> Iterator[tuple[Any, Any, Any, int]]:
    xlib, xfixes, xtst = _libraries()
    handle = xlib.XOpenDisplay(name.encode())
    assert handle, f"cannot open X display {name}"
    try:
        yield xlib, xfixes, xtst, handle
    finally:
        xlib.XCloseDisplay(handle)


def visible_cursor_pixels(display: str) -> int:
    """How many pixels of the cursor the X server shows now are not fully transparent."""
    with _display(display) as (xlib, xfixes, _xtst, handle):
        image = xfixes.XFixesGetCursorImage(handle)
        assert image, "XFixesGetCursorImage returned nothing"
        try:
            cursor = image.contents
            count = cursor.width * cursor.height
            return sum(1 for i in range(count) if (cursor.pixels[i] >> 24) & 0xFF)
        finally:
            xlib.XFree(image)


def screen_pixels(display: str, rect: Rect) -> bytes:
    """The pixels the X server holds for ``rect`` of the root window, row by row."""
    x, y, width, height = rect
    with _display(display) as (xlib, _xfixes, _xtst, handle):
        image = xlib.XGetImage(handle, xlib.XDefaultRootWindow(handle), x, y, width, height,
                               _ALL_PLANES, _Z_PIXMAP)
        assert image, f"XGetImage returned nothing for {rect}"
        try:
            contents = image.contents
            size = contents.bytes_per_line * contents.height
            data = ctypes.string_at(contents.data, size)
            xlib.XFree(contents.data)
            return data
        finally:
            xlib.XFree(image)


def centre(rect: Rect) -> tuple[int, int]:
    """The middle of ``rect``."""
    x, y, width, height = rect
    return x + width // 2, y + height // 2


def hold(display: str, rect: Rect, seconds: float) -> None:
    """Press the first pointer button in the middle of ``rect``, keep it down, let go."""
    x, y = centre(rect)
    with _display(display) as (xlib, _xfixes, xtst, handle):
        xtst.XTestFakeMotionEvent(handle, -1, x, y, 0)
        xtst.XTestFakeButtonEvent(handle, 1, 1, 0)
        xlib.XSync(handle, 0)
        time.sleep(seconds)
        xtst.XTestFakeButtonEvent(handle, 1, 0, 0)
        xlib.XSync(handle, 0)


def click(display: str, rect: Rect) -> None:
    """A quick press and release in the middle of ``rect``: a tap."""
    hold(display, rect, 0.05)
