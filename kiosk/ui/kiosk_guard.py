"""The kiosk's rules for input, watched where input arrives: the window.

Installed on the window (Qt's ``QWindow``), it sees every touch, click, drag and key
before any widget does, and none of the thousands of paint and layout events widgets
pass among themselves, which an application-wide filter would see too (in Python, that
cost about 1.3 ms on every tap).

* Any touch, click, drag or key counts as activity (the idle timer listens).
* Only the left button (what a touchscreen sends) reaches the widgets: no context menus.
* In kiosk mode the keys that leave or change the window are swallowed: Escape, F11,
  Alt+F4 and every Ctrl, Alt or Meta shortcut (Ctrl+Q, Ctrl+W...).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})
_BUTTONS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.MouseButtonDblClick})
_BLOCKED_KEYS = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_F4, Qt.Key.Key_Close,
                           Qt.Key.Key_Exit, Qt.Key.Key_Menu, Qt.Key.Key_Meta})
_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)


def is_blocked_key(event: QKeyEvent) -> bool:
    """Whether kiosk mode refuses this key press."""
    return (Qt.Key(event.key()) in _BLOCKED_KEYS
            or bool(event.modifiers() & _SHORTCUT_MODIFIERS))


class KioskGuard(QObject):
    """Install on the window's ``QWindow``; ``locked`` turns the key rules on."""

    activity = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locked = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _BUTTONS and isinstance(event, QMouseEvent) \
                and event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton):
            return True  # a right or middle click: a context menu, never a tap
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


def _has_buttons(event: QEvent) -> bool:
    buttons = getattr(event, "buttons", None)
    return bool(buttons()) if callable(buttons) else False
