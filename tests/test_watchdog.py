"""The systemd notify protocol: which socket, how often, and nothing without systemd."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Options, build_window
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.watchdog import (
    SystemdNotifier,
    SystemdWatchdog,
    notify_address,
    watchdog_interval_ms,
)


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[socket.socket]:
    """A unix datagram socket standing in for systemd's notify socket."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.setblocking(False)
        yield sock


def received(sock: socket.socket) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(sock.recv(4096).decode())
        except BlockingIOError:
            return messages


@pytest.mark.parametrize(("value", "address"), [
    ("/run/systemd/notify", "/run/systemd/notify"),
    ("@/org/freedesktop/systemd1/notify", "\0/org/freedesktop/systemd1/notify"),
    ("", None), ("@", None), ("relative/path", None),
])
def test_notify_socket_names_a_path_or_an_abstract_socket(value: str,
                                                            address: str | None) -> None:
    assert notify_address({"NOTIFY_SOCKET": value}) == address
    assert notify_address({}) is None


def test_the_ping_interval_is_half_the_watchdog_timeout() -> None:
    assert watchdog_interval_ms({"WATCHDOG_USEC": "15000000"}, 10, 1) == 7500
    assert watchdog_interval_ms({}, 10, 1) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "soon"}, 10, 1) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "0"}, 10, 1) is None


def test_under_cage_the_watchdog_of_the_parent_is_ours_and_no_other() -> None:
    """systemd names the unit's main process (cage, the kiosk's parent) in WATCHDOG_PID."""
    usec = {"WATCHDOG_USEC": "15000000"}
    assert watchdog_interval_ms({**usec, "WATCHDOG_PID": "10"}, 10, 1) == 7500
    assert watchdog_interval_ms({**usec, "WATCHDOG_PID": "1"}, 10, 1) == 7500
    assert watchdog_interval_ms({**usec, "WATCHDOG_PID": "77"}, 10, 1) is None


def test_without_notify_socket_nothing_is_opened_or_sent(qtbot: QtBot) -> None:
    notifier = SystemdNotifier({"WATCHDOG_USEC": "200000"})
    assert not notifier.enabled
    assert not notifier.notify("READY=1")
    watchdog = SystemdWatchdog(notifier=notifier)
    watchdog.ready()
    qtbot.wait(250)
    assert watchdog.pings == 0


def test_ready_waits_for_the_first_paint_then_pings_follow(
    qtbot: QtBot, listener: socket.socket, data_dir: Path
) -> None:
    """Wired as ``kiosk.app.run`` wires it: READY=1 once home has painted, not before."""
    environ = {"NOTIFY_SOCKET": listener.getsockname(), "WATCHDOG_USEC": "100000"}
    window, _choice = build_window(Options(data_dir=data_dir, size=(800, 600)))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    watchdog = SystemdWatchdog(window, SystemdNotifier(environ))
    AfterFirstPaint(window.home_screen, watchdog.ready)
    qtbot.wait(100)
    assert received(listener) == [], "nothing before the window is shown and painted"
    window.present()
    qtbot.wait_until(lambda: watchdog.pings >= 2)
    messages = received(listener)
    assert messages[0] == "READY=1"
    assert set(messages[1:]) == {"WATCHDOG=1"}
    watchdog.stop()


def test_a_vanished_socket_is_logged_not_fatal(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert notifier.enabled
    assert not notifier.notify("WATCHDOG=1")
    assert "could not tell systemd" in caplog.text
    notifier.close()
    assert not notifier.enabled


def test_a_full_queue_never_blocks_the_gui_thread(listener: socket.socket) -> None:
    """Nobody reading (a stalled service manager): sends fail at once, they never wait."""
    notifier = SystemdNotifier({"NOTIFY_SOCKET": listener.getsockname()})
    results = [notifier.notify("WATCHDOG=1") for _ in range(5000)]
    assert results[0] and not results[-1]
    received(listener)
    assert notifier.notify("WATCHDOG=1"), "sends again once the queue has room"
    notifier.close()
