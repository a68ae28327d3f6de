"""Screens that paint their own background once, so nothing behind them is painted.

Qt paints a window back to front: the window, the kiosk's root, the stack of screens,
the screen, its scroll area and its contents each fill the same pixels with the same
colour (about six full-window fills per tap, most of a tap's paint time).  A widget
marked opaque promises to paint every pixel of itself; Qt then leaves out everything
behind it.  ``OpaqueArea`` keeps that promise by drawing its style-sheet background
itself; ``paint_background`` does the same for widgets that cannot derive from it.

The colour is the widget's palette background, which the style sheet sets: the same
colour the style sheet would have drawn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


def make_opaque(widget: QWidget) -> None:
    """Mark ``widget`` as painting all of itself (see ``paint_background``)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


def paint_background(widget: QWidget, painter: QPainter) -> None:
    """Fill ``widget`` with its background colour (Qt no longer does it for us)."""
    painter.fillRect(widget.rect(), widget.palette().brush(widget.backgroundRole()))


class OpaqueArea(QWidget):
    """A plain container that paints its own, opaque, style-sheet background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_opaque(self)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_background(self, painter)
        painter.end()
