"""Whether a screen can be reached, asked before Qt is (Linux and other X11/Wayland systems).

With no display Qt aborts (exit 134) with a message that blames a missing library and
advises reinstalling.  ``screen_problem`` answers first, from the environment Qt itself
reads (``QT_QPA_PLATFORM``, ``WAYLAND_DISPLAY``, ``WAYLAND_SOCKET``, ``XDG_RUNTIME_DIR``,
``DISPLAY``), by connecting to the display server's local socket the way libwayland and
libxcb do.  It opens no network connection: a display on another host (``host:0``, SSH
forwarding) is left for Qt to try.  Windows and macOS always have a screen.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

NO_SCREEN = ("no screen found; run it under X or Wayland, or set QT_QPA_PLATFORM=offscreen "
             "to try it without one")
# Qt platform plugins that draw without a display server.
_NEEDS_NO_SERVER = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
_LOCAL_X = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")


def screen_problem(environ: Mapping[str, str] | None = None,
                   platform: str = sys.platform) -> str | None:
    """``NO_SCREEN`` when Qt would find no screen to open, else ``None``.

    ``environ`` defaults to ``os.environ``.  ``QT_QPA_PLATFORM`` may name one plugin or a
    ``;``-separated list tried in order (``wayland;xcb``); with none set, Qt tries
    Wayland and X11, so either will do.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    env = os.environ if environ is None else environ
    wanted = [name.split(":", 1)[0].strip().lower()
              for name in env.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if not wanted:
        return None if _wayland_reachable(env, explicit=False) or _x_reachable(env) \
            else NO_SCREEN
    for name in wanted:
        if name.startswith(_NEEDS_NO_SERVER):
            return None
        if name.startswith("wayland") and _wayland_reachable(env, explicit=True):
            return None
        if name == "xcb" and _x_reachable(env):
            return None
        if not name.startswith(("wayland", "xcb")):
            return None  # a plugin this module does not know: let Qt decide
    return NO_SCREEN


def _wayland_reachable(env: Mapping[str, str], explicit: bool) -> bool:
    """Like ``wl_display_connect(NULL)``: ``WAYLAND_SOCKET``, else the named socket.

    libwayland falls back to ``wayland-0``, but Qt only chooses Wayland unasked when
    ``WAYLAND_DISPLAY`` is set, so the fallback counts only when Wayland was asked for.
    """
    if env.get("WAYLAND_SOCKET"):
        return True
    name = env.get("WAYLAND_DISPLAY") or ("wayland-0" if explicit else "")
    if not name:
        return False
    path = Path(name)
    if not path.is_absolute():
        runtime = env.get("XDG_RUNTIME_DIR")
        if not runtime:
            return False
        path = Path(runtime) / name
    return _connects(str(path))


def _x_reachable(env: Mapping[str, str]) -> bool:
    """Like ``xcb_connect(NULL)`` for a local display (``:0``, ``unix:1.0``)."""
    display = env.get("DISPLAY", "")
    if not display:
        return False
    local = _LOCAL_X.match(display)
    if local is None:
        return True  # another host, or a launchd path: not ours to probe
    path = f"/tmp/.X11-unix/X{local.group(1)}"
    return _connects(path) or (sys.platform.startswith("linux") and _connects("\0" + path))


def _connects(address: str) -> bool:
    """Whether a local stream socket at ``address`` accepts a connection."""
    import socket  # only when a display is probed: offscreen starts never load it

    if not hasattr(socket, "AF_UNIX"):
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2.0)
        try:
            probe.connect(address)
        except OSError:
            return False
    return True
