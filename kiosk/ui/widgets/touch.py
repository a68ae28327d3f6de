"""Touch behaviour shared by every scrolling area: kinetic, finger-following scrolling.

Qt turns touches that no widget takes into mouse events, and many kiosk touchscreens only
send mouse events, so a left-button drag gesture serves both: the content follows the
finger and keeps gliding after a flick.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties


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
