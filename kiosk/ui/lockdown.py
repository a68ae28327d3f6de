"""Kiosk lock-down of the window: flags, cursor, full screen, refused keys and closing.

``Lockdown`` installs the input rules (``kiosk_guard.KioskGuard``) where input arrives,
the window's ``QWindow``, from the first paint on; in kiosk mode it makes the window
frameless, on top, full screen and cursor-less, and the window asks it before closing,
leaving full screen or acting on a key.

The pointer is hidden twice over: a blank cursor on the window itself and the
application's override cursor, both set again after the window is shown.  Changing the
window flags makes a new native window, and on X11 that window came up with the ordinary
arrow (issue 20: kiosk mode switched on from the staff panel left the pointer showing).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.settings import Settings
from kiosk.ui.kiosk_guard import KioskGuard


class Lockdown(QObject):
    """The lock-down of one top-level ``window``; ``locked`` follows kiosk mode."""

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.guard = KioskGuard(self)
        self.locked = settings.kiosk_mode  # the guard's key rules follow from ``apply`` on
        self.closing = False  # set by ``release``: the program is ending, let it close
        self.watching_input = False  # the guard sees every touch and key (after first paint)
        self._watched: QWindow | None = None
        self._blank_override = False  # whether the override cursor is ours, set

    def install_guard(self) -> None:
        """Watch input where it arrives: the window (made anew when its flags change)."""
        handle = self.window.windowHandle()
        if handle is None or self.closing:
            return
        if self._watched is not None and self._watched is not handle:
            with contextlib.suppress(RuntimeError):  # the old window may be gone already
                self._watched.removeEventFilter(self.guard)
        if self._watched is not handle:
            handle.installEventFilter(self.guard)
            self._watched = handle
        self.watching_input = True

    def apply(self) -> None:
        """As kiosk mode says: locked down, or back to an ordinary window.

        Locked down is full screen, frameless, on top, and without a cursor unless the
        settings' ``hide_cursor`` is off.
        """
        window, on, hide_cursor = self.window, self.settings.kiosk_mode, self.settings.hide_cursor
        self.locked = self.guard.locked = on
        was_visible = window.isVisible()
        flags = Qt.WindowType.Window
        if on:
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        if window.windowFlags() != flags:
            window.setWindowFlags(flags)
        if on:
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                window.setGeometry(screen.geometry())
            window.showFullScreen()
        elif was_visible:
            window.showNormal()
        self._hide_pointer(on and hide_cursor)
        if on and hide_cursor:  # once more when the new native window is mapped
            QTimer.singleShot(0, self, lambda: self._hide_pointer(
                self.locked and self.settings.hide_cursor))
        if self.watching_input:
            self.install_guard()  # new flags can mean a new window to watch

    def _hide_pointer(self, hidden: bool) -> None:
        """Blank pointer over the window (set afresh), or the ordinary one back."""
        if self._blank_override:
            QGuiApplication.restoreOverrideCursor()
            self._blank_override = False
        if not hidden or self.closing:
            self.window.unsetCursor()
            return
        self.window.setCursor(Qt.CursorShape.BlankCursor)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        self._blank_override = True

    def refuses_close(self) -> bool:
        """Whether a close request is refused (kiosk mode, unless the program ends)."""
        return self.locked and not self.closing

    def state_changed(self) -> None:
        """The window was minimised or left full screen: in kiosk mode, undo it."""
        window = self.window
        if self.locked and (window.isMinimized() or not window.isFullScreen()):
            QTimer.singleShot(0, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if self.locked:
            self.window.setWindowState(Qt.WindowState.WindowFullScreen)
            self.window.showFullScreen()

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keyboard conveniences for IT when kiosk mode is off; True if the key was used.

        F11 toggles full screen, Escape leaves it, Ctrl+Q and Ctrl+W close the window.
        In kiosk mode the guard swallows all of these before they arrive, and any that
        come another way (sent straight to a widget) do nothing.
        """
        window = self.window
        if self.locked:
            event.accept()
            return True
        key, control = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_F11:
            window.showNormal() if window.isFullScreen() else window.showFullScreen()
        elif key == Qt.Key.Key_Escape and window.isFullScreen():
            window.showNormal()
        elif control and key in (Qt.Key.Key_Q, Qt.Key.Key_W):
            window.close()
        else:
            return False
        return True

    def release(self) -> None:
        """For good (program exit, tests): closing allowed, the guard removed."""
        self.closing = True
        self.locked = self.guard.locked = False
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):
                self._watched.removeEventFilter(self.guard)
            self._watched = None
        self.watching_input = False
