"""The kiosk as systemd runs it: a process that says READY=1, then pings until it hangs.

The test is systemd here: it listens on its own unix datagram socket, hands it to a real
kiosk process (offscreen) as ``NOTIFY_SOCKET`` with a short ``WATCHDOG_USEC``, and counts
what arrives.  Counts are taken over a window, never timed exactly.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.watchdog import DEBUG_HANG

pytestmark = [pytest.mark.spawns_processes, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("TIGONI_BUNDLE", REPO / "dist" / "tigoni-kiosk" / "tigoni-kiosk"))
PING_USEC = 200_000  # a ping every 100 ms


@pytest.fixture(params=["source", "bundle"])
def program(request: pytest.FixtureRequest) -> list[str]:
    """The kiosk from the source tree, and the frozen bundle where one is built."""
    if request.param == "source":
        return [sys.executable, "-m", "kiosk"]
    if not os.access(BUNDLE, os.X_OK):
        pytest.skip(f"no kiosk bundle at {BUNDLE}: build it with `make build` first")
    return [str(BUNDLE)]


def start_kiosk(program: list[str], data_dir: Path, notify_socket: str,
                **extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": notify_socket,
           "WATCHDOG_USEC": str(PING_USEC), **extra}
    env.pop("WATCHDOG_PID", None)
    return subprocess.Popen([*program, "--data-dir", str(data_dir), "--size", "800x600"],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


@pytest.fixture
def kiosks() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        process.kill()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def receive(sock: socket.socket, timeout: float) -> str | None:
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except TimeoutError:
        return None


def collect(sock: socket.socket, seconds: float) -> list[str]:
    """Every message in the next ``seconds``."""
    end = time.monotonic() + seconds
    messages = []
    while (left := end - time.monotonic()) > 0:
        message = receive(sock, left)
        if message is not None:
            messages.append(message)
    return messages


def test_ready_after_the_first_paint_then_a_ping_every_half_interval(
    program: list[str], tmp_path: Path, data_dir: Path,
    kiosks: list[subprocess.Popen[bytes]],
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        kiosk = start_kiosk(program, data_dir, str(tmp_path / "notify"))
        kiosks.append(kiosk)
        first = receive(sock, 60)
        assert first == "READY=1", "no READY=1 within 60 s"
        messages = collect(sock, 3.0)
    assert set(messages) == {"WATCHDOG=1"}
    # 3 s at one ping per 100 ms is 30; a busy machine delays timers, never hurries them.
    assert 10 <= len(messages) <= 36, len(messages)
    assert kiosk.poll() is None


def test_a_blocked_event_loop_stops_the_pings(
    program: list[str], data_dir: Path, kiosks: list[subprocess.Popen[bytes]]
) -> None:
    """Through an abstract socket (``@name``), as systemd's own notify socket may be."""
    name = f"tigoni-test-notify-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        kiosk = start_kiosk(program, data_dir, "@" + name, **{DEBUG_HANG: "1000"})
        kiosks.append(kiosk)
        assert receive(sock, 60) == "READY=1"
        before = collect(sock, 1.0)
        assert "WATCHDOG=1" in before, "it pinged while its event loop ran"
        collect(sock, 0.5)  # the hang begins about 1 s after READY=1
        after = collect(sock, 2.0)  # twenty intervals
    assert after == [], "a hung GUI thread must stop the pings"
    assert kiosk.poll() is None, "hung, not exited: only the watchdog can end it"
