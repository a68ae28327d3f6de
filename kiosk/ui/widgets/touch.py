"""Touch behaviour shared by every scrolling area: kinetic, finger-following scrolling.

Qt turns touches that no widget takes into mouse events, and many kiosk touchscreens only
send mouse events, so a left-button drag gesture serves both: the content follows the
finger and keeps gliding after a flick.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)


def make_kinetic(area: QAbstractScrollArea) -> QScroller:
    """Let ``area`` be dragged and flicked like a phone screen."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    policy = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    properties.setScrollMetric(
        QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, policy
    )
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, policy)
    scroller.setScrollerProperties(properties)
    return scroller


def fill_with_scrolling(screen: QWidget, content: QWidget) -> QScrollArea:
    """Make ``content`` all of ``screen``, scrolling up and down as a whole, by touch.

    The scroll area gets a viewport made here, not Qt's own: fetching Qt's into Python
    makes PySide load every widget class it has (about 12 ms at start-up) to find its type.
    """
    area = QScrollArea(screen)
    area.setViewport(QWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    make_kinetic(area)
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area
