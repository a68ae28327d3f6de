"""The kiosk's rules for input, watched where input arrives: the window.

Installed on the window (Qt's ``QWindow``), it sees every touch, click, drag and key
before any widget does, and none of the thousands of paint and layout events widgets
pass among themselves, which an application-wide filter would see too (in Python, that
cost about 1.3 ms on every tap).

* Any touch, click, drag or key counts as activity (the idle timer listens).
* Only the left button (what a touchscreen sends) reaches the widgets: no context menus.
* In kiosk mode the keys that leave or change the window are swallowed: Escape, F11,
  Alt+F4 and every Ctrl, Alt or Meta shortcut (Ctrl+Q, Ctrl+W...).
* For ``SCREEN_CHANGE_QUIET_S`` after every screen or panel change (the window calls
  ``screen_changed``) a tap is swallowed: the second tap of a double tap would otherwise
  act on the new screen, on whatever lies under the finger there.  A press that starts
  in that window is held back; if the finger then moves further than Qt's drag distance
  it is a drag, and the press is let through late, so scrolling and flicking still work;
  if the finger lifts first it was a tap, and press and release are both swallowed.
  Touches reach the window as mouse events (Qt turns the touches no widget takes into
  mouse events, and no kiosk widget takes touches), so one rule covers touchscreens
  that send touch points and those that send mouse events.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent

log = logging.getLogger(__name__)

SCREEN_CHANGE_QUIET_S = 0.3
"""Seconds after a screen or panel change in which taps are swallowed (double taps are
at most about 250 ms apart; a deliberate tap on a new screen comes well after that)."""

_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})
_BUTTONS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.MouseButtonDblClick})
_BLOCKED_KEYS = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_F4, Qt.Key.Key_Close,
                           Qt.Key.Key_Exit, Qt.Key.Key_Menu, Qt.Key.Key_Meta})
_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick})
_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)


def is_blocked_key(event: QKeyEvent) -> bool:
    """Whether kiosk mode refuses this key press."""
    return (Qt.Key(event.key()) in _BLOCKED_KEYS
            or bool(event.modifiers() & _SHORTCUT_MODIFIERS))


class KioskGuard(QObject):
    """Install on the window's ``QWindow``; ``locked`` turns the key rules on.

    ``clock`` (monotonic seconds) and ``quiet_s`` are there for tests to replace.
    """

    activity = Signal()
    quiet_s: float = SCREEN_CHANGE_QUIET_S

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.locked = False
        self.clock = clock
        self._changed_at = float("-inf")
        self._held: tuple[QObject, QMouseEvent, QPointF] | None = None  # press held back
        self._replaying = False

    def screen_changed(self, *_what: object) -> None:
        """A screen or panel has just changed: swallow taps for ``quiet_s`` from now."""
        self._changed_at = self.clock()

    def watch_for_changes(self, widget: QObject) -> None:
        """Treat ``widget`` being shown or hidden (a panel, a screen) as a change."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide):
            if watched.isWidgetType():  # a watched panel or screen, not the window
                self.screen_changed()
            return False
        if kind in _BUTTONS and isinstance(event, QMouseEvent) \
                and event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton):
            return True  # a right or middle click: a context menu, never a tap
        if isinstance(event, QMouseEvent) and self._hold_taps(watched, event):
            if kind is not QEvent.Type.MouseMove:
                self.activity.emit()  # a swallowed tap is still someone at the screen
            return True
        if kind in _ACTIVITY:
            if kind is not QEvent.Type.MouseMove or _has_buttons(event):
                self.activity.emit()
            if (self.locked and kind is QEvent.Type.KeyPress
                    and isinstance(event, QKeyEvent) and is_blocked_key(event)):
                return True
        if (self.locked and kind is QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and is_blocked_key(event)):
            event.accept()
            return True
        return False

    def _hold_taps(self, watched: QObject, event: QMouseEvent) -> bool:
        """The quiet-after-a-change rule: whether to swallow this mouse event."""
        if self._replaying:
            return False
        kind = event.type()
        if kind is QEvent.Type.MouseButtonPress:
            self._held = None  # a new press: whatever was held has ended
        if self._held is None:
            if kind in _PRESSES and self.clock() - self._changed_at < self.quiet_s:
                if kind is QEvent.Type.MouseButtonPress:
                    self._held = (watched, event.clone(), event.position())
                return True  # a double click there is the second tap: never a press
            return False
        if kind is QEvent.Type.MouseMove:
            _target, _press, start = self._held
            moved = (event.position() - start).manhattanLength()
            if moved < QGuiApplication.styleHints().startDragDistance():
                return True
            self._let_drag_through()
            return False
        if kind is QEvent.Type.MouseButtonRelease:
            self._held = None
            log.debug("a tap just after a screen change was swallowed")
        return True  # the release ends the swallowed tap; a double click belongs to it

    def _let_drag_through(self) -> None:
        """The held press became a drag: deliver the press now, then its moves."""
        assert self._held is not None
        target, press, _start = self._held
        self._held = None
        self._replaying = True
        try:
            QCoreApplication.sendEvent(target, press)
        finally:
            self._replaying = False


def _has_buttons(event: QEvent) -> bool:
    buttons = getattr(event, "buttons", None)
    return bool(buttons()) if callable(buttons) else False
