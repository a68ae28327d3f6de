"""Every screen is drawn on its theme's background, in both colour schemes.

The screens paint their own background (so Qt skips everything behind them); a screen
that forgot to would show stale pixels from the screen before it.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.session.history import CONTACT
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, Palette
from tests.helpers import tap_button


def _corners(image: QImage, inset: int = 3, right_bar: int = 0) -> set[str]:
    """The colours at the four corners; ``right_bar``: px of scroll bar along the right."""
    right, bottom = image.width() - 1 - inset - right_bar, image.height() - 1 - inset
    return {image.pixelColor(x, y).name() for x, y in
            ((inset, inset), (right, inset), (inset, bottom), (right, bottom))}


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_each_screen_shows_the_theme_background(
    qtbot: QtBot, window: MainWindow, palette: Palette
) -> None:
    if palette is HIGH_CONTRAST:
        tap_button(qtbot, window.nav_bar.contrast_button)
    background = palette.background.lower()
    for screen_id in ("safety", CONTACT, "how-it-is-given", "home"):
        window.session.navigate(screen_id)
        qtbot.wait(20)
        screen = window.stack.currentWidget()
        assert screen is not None
        # A screen that scrolls as a whole (contact) has its scroll bar at the right edge.
        scroll = getattr(screen, "scroll_area", None)
        bar = scroll.verticalScrollBar() if scroll is not None else None
        right_bar = bar.width() if bar is not None and bar.isVisible() else 0
        assert _corners(screen.grab().toImage(), right_bar=right_bar) == {background}, \
            screen_id
        view = getattr(screen, "view", None)
        if view is not None and screen_id != "home":
            viewport = view.viewport().grab().toImage()
            assert viewport.pixelColor(2, viewport.height() - 3).name() == background
    bar = window.nav_bar.grab().toImage()
    assert bar.pixelColor(2, 2).name() == palette.primary.lower()
