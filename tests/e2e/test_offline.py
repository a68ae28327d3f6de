"""No network, ever: a whole session of the kiosk opens no socket and loads no network code.

The one exception is systemd's notify socket (``NOTIFY_SOCKET``): a unix datagram socket
to the service manager on the same machine, for ``READY=1`` and the watchdog pings.  The
session below runs with one, and that socket is the only one it may open or send to.

Python's audit hooks see every ``socket.*`` event raised from Python code (connect,
getaddrinfo, bind...).  Qt's own networking would bypass them, so the test also proves
QtNetwork is never imported.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.commands.screenshots import all_screen_ids
from kiosk.watchdog import SystemdWatchdog
from tests.helpers import WindowFactory, tap_button

_recording: list[tuple[str, tuple[object, ...]]] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _recording is not None and event.startswith("socket."):
        _recording.append((event, args))


sys.addaudithook(_audit)


@pytest.fixture
def socket_events() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    global _recording
    _recording = []
    events = _recording
    yield events
    _recording = None


@pytest.fixture
def notify_listener(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """systemd's notify socket, as the installed unit gives it, with a fast watchdog."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(tmp_path / "notify"))
        listener.settimeout(10)
        monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify"))
        monkeypatch.setenv("WATCHDOG_USEC", "100000")
        monkeypatch.delenv("WATCHDOG_PID", raising=False)
        yield listener


def is_the_notify_socket(event: str, args: tuple[object, ...], address: str) -> bool:
    """Opening a unix datagram socket, or sending to the notify socket's address."""
    if event == "socket.__new__":
        family, kind = args[1], args[2]
        return family == socket.AF_UNIX and isinstance(kind, int) \
            and kind & ~socket.SOCK_CLOEXEC == socket.SOCK_DGRAM
    return event == "socket.sendto" and args[1] == address


def test_a_full_session_touches_no_network(
    qtbot: QtBot, make_window: WindowFactory, notify_listener: socket.socket,
    socket_events: list[tuple[str, tuple[object, ...]]], tmp_path: Path, data_dir: Path,
) -> None:
    window = make_window((1920, 1080))
    watchdog = SystemdWatchdog(window)
    watchdog.ready()
    for screen_id in all_screen_ids(window):
        window.session.navigate(screen_id)
        qtbot.wait(1)
    tap_button(qtbot, window.nav_bar.contact_button)
    tap_button(qtbot, window.nav_bar.help_button)
    tap_button(qtbot, window.nav_bar.home_button)
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert main(["--data-dir", str(data_dir), "self-test"]) == 0
    assert main(["--data-dir", str(data_dir), "screenshots", str(tmp_path / "s")]) == 0
    qtbot.wait_until(lambda: watchdog.pings >= 2)
    watchdog.stop()
    address = notify_listener.getsockname()
    assert [(event, args) for event, args in socket_events
            if not is_the_notify_socket(event, args, address)] == []
    assert any(event == "socket.sendto" for event, _args in socket_events), \
        "the session did tell systemd it is alive (else this proves nothing about it)"
    assert notify_listener.recv(100) == b"READY=1"
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_audit_hook_does_see_sockets(
    socket_events: list[tuple[str, tuple[object, ...]]],
) -> None:
    """Guard against a hook that records nothing: a real socket call must show up."""
    import socket

    with pytest.raises(OSError):
        socket.getaddrinfo("host.invalid", 80)
    assert "socket.getaddrinfo" in [event for event, _args in socket_events]
