"""Run something once a widget has been painted for the first time.

Work that the first picture does not need (the window's input rules, the usage
recorder's writer, the idle-time warm-up, the start-up benchmark's report) waits for
it, so the kiosk shows its home screen sooner.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls ``then`` right after the paint pass in which ``watched`` was first painted.

    It watches ``watched`` and every widget inside it until the first ``Paint`` event
    among them (a widget covered by opaque children gets none of its own), then stops;
    the call comes from a zero timer, so the whole paint pass has finished by then.
    """

    def __init__(self, watched: QWidget, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then = then
        self._watched = [watched, *watched.findChildren(QWidget)]
        for widget in self._watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint and self._watched:
            for widget in self._watched:
                with contextlib.suppress(RuntimeError):  # deleted since (replaced tiles)
                    widget.removeEventFilter(self)
            self._watched = []
            QTimer.singleShot(0, self._then)
        return False
