"""No network, ever: a whole session of the kiosk opens no socket and loads no network code.

Python's audit hooks see every ``socket.*`` event raised from Python code (connect,
getaddrinfo, bind...).  Qt's own networking would bypass them, so the test also proves
QtNetwork is never imported.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.commands.screenshots import all_screen_ids
from tests.helpers import WindowFactory, tap_button

_recording: list[str] | None = None


def _audit(event: str, _args: tuple[object, ...]) -> None:
    if _recording is not None and event.startswith("socket."):
        _recording.append(event)


sys.addaudithook(_audit)


@pytest.fixture
def socket_events() -> Iterator[list[str]]:
    global _recording
    _recording = []
    events = _recording
    yield events
    _recording = None


def test_a_full_session_touches_no_network(
    qtbot: QtBot, make_window: WindowFactory, socket_events: list[str],
    tmp_path: Path, data_dir: Path,
) -> None:
    window = make_window((1920, 1080))
    for screen_id in all_screen_ids(window):
        window.session.navigate(screen_id)
        qtbot.wait(1)
    tap_button(qtbot, window.nav_bar.contact_button)
    tap_button(qtbot, window.nav_bar.help_button)
    tap_button(qtbot, window.nav_bar.home_button)
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert main(["--data-dir", str(data_dir), "self-test"]) == 0
    assert main(["--data-dir", str(data_dir), "screenshots", str(tmp_path / "s")]) == 0
    assert socket_events == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_audit_hook_does_see_sockets(socket_events: list[str]) -> None:
    """Guard against a hook that records nothing: a real socket call must show up."""
    import socket

    with pytest.raises(OSError):
        socket.getaddrinfo("host.invalid", 80)
    assert "socket.getaddrinfo" in socket_events
