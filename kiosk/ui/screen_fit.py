"""Keep a full-screen window filling the screen it has, whatever happens to that screen.

A kiosk's monitor gets rotated to portrait, switched to another resolution, unplugged and
plugged back.  ``ScreenFit`` listens where Qt reports each of these
(``QScreen.geometryChanged``, ``QWindow.screenChanged``, ``QGuiApplication.screenRemoved``
and ``primaryScreenChanged``) and, once the burst of signals is over (a zero timer), puts a
full-screen window back over its screen's whole geometry.  If the window's screen is gone
it moves to the primary screen.  The window re-lays itself out from its ``resizeEvent``.

A window that is not full screen (IT with kiosk mode off) is left where it is.  Under a
Wayland compositor the compositor sizes full-screen windows itself; this then only
confirms what it did.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class ScreenFit(QObject):
    """Re-fits ``window`` (a top-level widget, shown) on screen changes; lives as its child."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._handle: QWindow | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refit)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "make the QApplication first"
        app.screenAdded.connect(self._watch)
        app.screenRemoved.connect(self._screen_removed)
        app.primaryScreenChanged.connect(self._schedule)
        for screen in QGuiApplication.screens():
            self._watch(screen)
        self._follow_handle()

    def _watch(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(self._schedule)

    def _follow_handle(self) -> None:
        """Listen to the window's native window (a new one after its flags change)."""
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.screenChanged.connect(self._schedule)
            self._handle = handle

    def _schedule(self, *_changed: object) -> None:
        self._pending.start()

    def _screen_removed(self, screen: QScreen) -> None:
        handle = self._window.windowHandle()
        primary = QGuiApplication.primaryScreen()
        if handle is not None and primary is not None and primary is not screen \
                and handle.screen() in (screen, None):
            log.info("screen %s went away: moving to %s", screen.name(), primary.name())
            handle.setScreen(primary)
        self._schedule()

    def target_screen(self) -> QScreen | None:
        """The screen the window should fill: its own, else the primary one."""
        screen = self._window.screen()
        if screen is None or screen not in QGuiApplication.screens():
            return QGuiApplication.primaryScreen()
        return screen

    def refit(self) -> None:
        """Fill the target screen now, if the window is full screen and does not yet."""
        self._follow_handle()
        window = self._window
        if not window.isVisible() \
                or not window.windowState() & Qt.WindowState.WindowFullScreen:
            return
        screen = self.target_screen()
        if screen is None:
            return
        handle = window.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        geometry = screen.geometry()
        if window.geometry() != geometry:
            log.info("screen %s is now %dx%d: re-fitting the window", screen.name(),
                     geometry.width(), geometry.height())
            window.setGeometry(geometry)
            window.showFullScreen()
