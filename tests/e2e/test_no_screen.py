"""Starting the kiosk where there is no screen: one plain line and exit 2, never Qt's abort.

Qt alone aborts (exit 134) and blames a missing library.  These start the real program
as a process with the environment a newcomer's terminal or an SSH session has.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.display import NO_SCREEN, screen_problem

pytestmark = pytest.mark.spawns_processes
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")


def start_kiosk(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in DISPLAY_VARIABLES}
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )


def unused_x_display() -> str:
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


@pytest.mark.parametrize("extra", [
    {},
    {"DISPLAY": "UNUSED"},
    {"DISPLAY": "UNUSED", "QT_QPA_PLATFORM": "xcb"},
    {"WAYLAND_DISPLAY": "wayland-gone", "XDG_RUNTIME_DIR": "TMP",
     "QT_QPA_PLATFORM": "wayland;xcb"},
], ids=["nothing-set", "x-display-not-running", "xcb-asked", "like-the-systemd-unit"])
def test_with_no_screen_it_says_so_in_one_line_and_exits_2(
    tmp_path: Path, extra: dict[str, str]
) -> None:
    wanted = {key: (unused_x_display() if value == "UNUSED" else
                    str(tmp_path) if value == "TMP" else value)
              for key, value in extra.items()}
    result = start_kiosk(tmp_path, **wanted)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [f"tigoni-kiosk: {NO_SCREEN}"]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "Reinstalling" not in result.stderr
    assert result.stdout == ""


def test_offscreen_needs_no_screen_and_starts(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in DISPLAY_VARIABLES}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "data"),
         "--exit-after-first-paint"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")


@pytest.fixture
def listening_socket(tmp_path: Path) -> Iterator[Path]:
    """A local stream socket that accepts connections, as a display server's does."""
    path = tmp_path / "wayland-test"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    yield path
    server.close()


def test_a_wayland_socket_that_answers_is_a_screen(listening_socket: Path) -> None:
    runtime = str(listening_socket.parent)
    assert screen_problem({"WAYLAND_DISPLAY": listening_socket.name,
                           "XDG_RUNTIME_DIR": runtime}, "linux") is None
    assert screen_problem({"WAYLAND_DISPLAY": str(listening_socket),
                           "QT_QPA_PLATFORM": "wayland"}, "linux") is None
    # Asked for X only, a Wayland socket is no help.
    assert screen_problem({"WAYLAND_DISPLAY": str(listening_socket),
                           "QT_QPA_PLATFORM": "xcb"}, "linux") == NO_SCREEN


def test_a_socket_left_behind_by_a_dead_server_is_no_screen(tmp_path: Path) -> None:
    path = tmp_path / "wayland-stale"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    assert path.exists()
    assert screen_problem({"WAYLAND_DISPLAY": str(path)}, "linux") == NO_SCREEN


@pytest.mark.parametrize("environ", [
    {"QT_QPA_PLATFORM": "offscreen"},
    {"QT_QPA_PLATFORM": "minimal"},
    {"QT_QPA_PLATFORM": "eglfs"},
    {"DISPLAY": "clinic-office-pc:0"},  # another host: Qt tries it, we open no network
    {"WAYLAND_SOCKET": "5"},  # a compositor handed us a connected socket
])
def test_platforms_and_displays_it_does_not_probe(environ: dict[str, str]) -> None:
    assert screen_problem(environ, "linux") is None


def test_windows_always_has_a_screen() -> None:
    assert screen_problem({}, "win32") is None
    assert screen_problem({}, "linux") == NO_SCREEN
