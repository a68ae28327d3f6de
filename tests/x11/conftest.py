"""A real X server (Xvfb) for each test, and the real kiosk on it, driven line by line.

The kiosk runs in a subprocess (``tests.x11.kiosk_driver``) with ``QT_QPA_PLATFORM=xcb``:
the rest of the suite is offscreen, and a process has one platform.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.x11 import xlib

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def x_server() -> Iterator[str]:
    """A fresh Xvfb on a free display number; yields ``:N``."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("this test needs a real X server: Xvfb is missing "
                    "(Debian: xvfb; .ci/run installs it)")
    if (why := xlib.missing()) is not None:
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
    """The real kiosk on ``display``, driven by ``tests.x11.kiosk_driver``'s commands."""

    def __init__(self, display: str, data_dir: Path) -> None:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.x11.kiosk_driver", str(data_dir)], cwd=ROOT,
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def _ask(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def do(self, command: str) -> None:
        """Run ``command`` and wait until the window has settled after it."""
        answer = self._ask(command)
        assert answer == "ready", f"{command}: {answer or 'the kiosk ended'}"

    def state(self) -> dict[str, Any]:
        """What the window shows now, as ``kiosk_driver`` reports it (rects on screen)."""
        answer = self._ask("state")
        assert answer.startswith("state "), f"state: {answer or 'the kiosk ended'}"
        state: dict[str, Any] = json.loads(answer.removeprefix("state "))
        return state

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
def start_kiosk(x_server: str, data_dir: Path) -> Iterator[Any]:
    """Call it to start the real kiosk on the test's X server (after writing settings)."""
    started: list[Kiosk] = []

    def start() -> Kiosk:
        kiosk = Kiosk(x_server, data_dir)
        started.append(kiosk)
        kiosk.do("settle")
        return kiosk

    yield start
    for kiosk in started:
        kiosk.close()
