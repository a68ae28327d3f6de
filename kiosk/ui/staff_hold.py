"""The hidden gesture that opens the staff PIN pad: press and hold the clinic's name.

A press starts a timer of ``staff_hold_ms``; lifting the finger, moving it more than
``HOLD_SLOP`` px, or a swipe the home screen's scroller takes, stops it.  When it runs
out, ``held`` is emitted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QScroller, QWidget

HOLD_SLOP = 24  # px a finger may wander during the hidden press-and-hold
_ENDS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd,
                   QEvent.Type.TouchCancel, QEvent.Type.Leave})


class StaffHold(QObject):
    """Watches ``target`` for a long still press; ``scroll_area`` is the swipe to ignore."""

    held = Signal()

    def __init__(self, target: QWidget, scroll_area: QWidget, hold_ms: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hold_ms = hold_ms
        self._from = QPoint()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.held)
        target.installEventFilter(self)
        QScroller.scroller(scroll_area).stateChanged.connect(self._scroller_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.timer.start(self._hold_ms())
            if isinstance(event, QMouseEvent):
                self._from = event.globalPosition().toPoint()
        elif (kind is QEvent.Type.MouseMove and self.timer.isActive()
              and isinstance(event, QMouseEvent)
              and (event.globalPosition().toPoint() - self._from).manhattanLength() > HOLD_SLOP):
            self.timer.stop()  # the finger moved: a swipe, not a hold
        elif kind in _ENDS:
            self.timer.stop()
        return False

    def _scroller_moved(self, state: QScroller.State) -> None:
        if state in (QScroller.State.Dragging, QScroller.State.Scrolling):
            self.timer.stop()
