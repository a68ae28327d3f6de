"""systemd's service notifications: ``READY=1`` after the first paint, ``WATCHDOG=1`` after.

The installed unit (``build/linux/tigoni-kiosk.service.in``) is ``Type=notify`` with
``WatchdogSec=15``.  The kiosk tells systemd it is up once the home screen has painted,
then pings from a timer on the GUI thread's event loop at half of ``WATCHDOG_USEC``.  A
hung event loop (a deadlock, a stuck driver call, a runaway loop) stops the pings, and
systemd kills the unit and starts it again (``Restart=always``).

The protocol is the documented one of sd_notify(3), written out here in a few lines: one
datagram per message to the ``AF_UNIX`` socket named by ``NOTIFY_SOCKET`` (a leading
``@`` means Linux's abstract namespace).  systemd calls that protocol its stable interface
and recommends exactly this over linking libsystemd.  PyPI's ``systemd-python`` is a C
extension that needs libsystemd at build and run time (and has no Windows build);
``sdnotify`` is these same lines, unreleased since 2017.  Neither is worth a dependency
in the bundle, and owning the lines keeps the one socket the kiosk may ever open (see
``tests/test_offline.py``) in plain view.

Nothing at all happens when ``NOTIFY_SOCKET`` is unset (Windows, development, tests).

Debug aid: ``TIGONI_KIOSK_DEBUG_HANG_AFTER_MS=N`` blocks the GUI thread for good N ms
after ``READY=1``, to see the watchdog at work (tests; IT on a test machine).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
WATCHDOG_PID = "WATCHDOG_PID"
DEBUG_HANG = "TIGONI_KIOSK_DEBUG_HANG_AFTER_MS"


def notify_address(environ: Mapping[str, str]) -> str | None:
    """The socket address ``NOTIFY_SOCKET`` names, ``@`` turned into a leading NUL.

    ``None`` when it is unset, empty or not an absolute path or abstract name (as
    sd_notify(3) does, anything else is ignored).
    """
    name = environ.get(NOTIFY_SOCKET, "")
    if name.startswith("@") and len(name) > 1:
        return "\0" + name[1:]
    return name if name.startswith("/") else None


def watchdog_interval_ms(environ: Mapping[str, str], pid: int, parent_pid: int) -> int | None:
    """How often to ping, in ms: half of ``WATCHDOG_USEC``; ``None`` if no watchdog.

    ``WATCHDOG_PID``, when set, names the unit's main process.  Under cage that is cage,
    our parent (the kiosk runs as its client), so the kiosk pings for it; a value naming
    any other process means the watchdog is not ours (sd_watchdog_enabled(3) does the
    same, without the parent case).
    """
    try:
        usec = int(environ.get(WATCHDOG_USEC, ""))
    except ValueError:
        return None
    owner = environ.get(WATCHDOG_PID, "")
    if usec <= 0 or (owner and owner not in (str(pid), str(parent_pid))):
        return None
    return max(1, usec // 2000)


class SystemdNotifier:
    """Sends sd_notify(3) state strings, or nothing when ``NOTIFY_SOCKET`` is unset."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ
        self.address = notify_address(self.environ)
        self._socket: socket.socket | None = None
        self._failing = False
        if self.address is not None and os.name == "posix":
            import socket  # only under systemd: start-up without it is ~2 ms quicker

            self._socket = socket.socket(socket.AF_UNIX,  # type: ignore[attr-defined,unused-ignore]
                                         socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            # Never block the GUI thread: a full queue (nobody reading) drops the message.
            self._socket.setblocking(False)

    @property
    def enabled(self) -> bool:
        """Whether a service manager listens."""
        return self._socket is not None

    def notify(self, state: str) -> bool:
        """Send one state string such as ``READY=1``; ``False`` if not sent (logged).

        Never waits: if the service manager's queue is full the message is dropped.
        """
        if self._socket is None or self.address is None:
            return False
        try:
            self._socket.sendto(state.encode("utf-8"), self.address)
        except OSError as error:
            if not self._failing:  # once per run of failures, not on every ping
                log.warning("could not tell systemd %r: %s", state, error)
            self._failing = True
            return False
        self._failing = False
        return True

    def close(self) -> None:
        """Close the socket (sending nothing more)."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None


class SystemdWatchdog(QObject):
    """``ready()`` sends ``READY=1`` and starts ``WATCHDOG=1`` pings on this thread's loop.

    Make it on the GUI thread: the pings prove that thread's event loop still runs.
    """

    def __init__(self, parent: QObject | None = None,
                 notifier: SystemdNotifier | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier or SystemdNotifier()
        environ = self.notifier.environ
        self.interval_ms = watchdog_interval_ms(environ, os.getpid(), os.getppid()) \
            if self.notifier.enabled else None
        self.pings = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.ping)
        self._hang_after_ms = _debug_hang_ms(environ)

    def ready(self) -> None:
        """The kiosk is up (call after the first paint): tell systemd, start pinging."""
        if not self.notifier.enabled:
            return
        self.notifier.notify("READY=1")
        if self.interval_ms is not None:
            self._timer.start(self.interval_ms)
            log.info("systemd watchdog: a ping every %d ms", self.interval_ms)
        if self._hang_after_ms is not None:
            QTimer.singleShot(self._hang_after_ms, _hang)

    def ping(self) -> None:
        """One ``WATCHDOG=1``: the event loop is alive."""
        if self.notifier.notify("WATCHDOG=1"):
            self.pings += 1

    def stop(self) -> None:
        """No more pings (tests; program exit)."""
        self._timer.stop()
        self.notifier.close()


def _debug_hang_ms(environ: Mapping[str, str]) -> int | None:
    try:
        return max(0, int(environ[DEBUG_HANG]))
    except (KeyError, ValueError):
        return None


def _hang() -> None:
    """Block the event loop for good (debug aid only)."""
    log.warning("%s: blocking the GUI thread for good", DEBUG_HANG)
    while True:
        time.sleep(3600)
