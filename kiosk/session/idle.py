"""The idle cycle: active -> "Still reading?" warning with a countdown -> attract.

A state machine with its own two ``QTimer``s (QtCore only, no widgets).  The timers call
``idle_elapsed`` and ``tick``; tests call the same two methods to step the cycle with no
real waiting.  Durations are read when each phase starts, so a new idle timeout chosen by
staff applies from the next touch.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal


class IdleState(Enum):
    """Where the idle cycle is."""

    ACTIVE = "active"  # someone is using the kiosk; the idle timer runs
    WARNING = "warning"  # "Still reading?" counts down to the privacy reset
    ATTRACT = "attract"  # reset done; the attract screen waits for a touch


class IdleCycle(QObject):
    """Idle timer and warning countdown; ``timed_out`` asks for the privacy reset."""

    state_changed = Signal(IdleState)
    countdown_changed = Signal(int)  # whole seconds left in the warning
    timed_out = Signal()

    def __init__(self, idle_seconds: Callable[[], int], warning_seconds: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle_seconds = idle_seconds
        self._warning_seconds = warning_seconds
        self.state = IdleState.ACTIVE
        self.seconds_left = 0
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.idle_elapsed)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self.tick)

    def restart(self) -> None:
        """Active again, with the whole idle time ahead (a touch, Keep reading, a wake)."""
        self.tick_timer.stop()
        self.idle_timer.start(self._idle_seconds() * 1000)
        self._enter(IdleState.ACTIVE)

    def keep_reading(self) -> None:
        """The warning was dismissed before it ran out: active again."""
        if self.state is IdleState.WARNING and self.seconds_left > 0:
            self.restart()

    def touched(self) -> None:
        """Activity: restarts the idle time while active.

        During the warning and on the attract screen a touch belongs to the panel or
        screen it lands on, which answers with ``keep_reading`` or ``restart``.
        """
        if self.state is IdleState.ACTIVE:
            self.idle_timer.start(self._idle_seconds() * 1000)

    def idle_elapsed(self) -> None:
        """No touch for the idle time: warn, and count down."""
        if self.state is not IdleState.ACTIVE:
            return
        self.idle_timer.stop()
        self.seconds_left = max(1, self._warning_seconds())
        self.tick_timer.start()
        self._enter(IdleState.WARNING)
        self.countdown_changed.emit(self.seconds_left)

    def tick(self) -> None:
        """One second of the warning gone; at zero the visit times out."""
        if self.state is not IdleState.WARNING:
            return
        self.seconds_left -= 1
        if self.seconds_left > 0:
            self.countdown_changed.emit(self.seconds_left)
            return
        self.tick_timer.stop()
        self.timed_out.emit()

    def rest(self) -> None:
        """The reset is done: wait on the attract screen, no timers running."""
        self.idle_timer.stop()
        self.tick_timer.stop()
        self._enter(IdleState.ATTRACT)

    def stop(self) -> None:
        """No more idle handling (the window is closing)."""
        self.idle_timer.stop()
        self.tick_timer.stop()

    def _enter(self, state: IdleState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)
