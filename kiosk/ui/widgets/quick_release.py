"""Buttons that act on release before they are drawn again.

Qt repaints a released button at once, before it emits ``clicked``.  A kiosk button
usually changes the screen, which paints over that picture straight away, so the button
is drawn again in the next paint pass instead: the patient sees the new screen sooner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton


def release_then_repaint(button: QAbstractButton, release: Callable[[QMouseEvent], None],
                         event: QMouseEvent) -> None:
    """Run Qt's ``release`` (which clicks) with the button's drawing held until after."""
    button.setUpdatesEnabled(False)
    try:
        release(event)
    finally:
        button.setUpdatesEnabled(True)  # schedules the redraw for the next pass
