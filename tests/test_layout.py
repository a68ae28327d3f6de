"""At every supported screen size, every screen fits: nothing overlaps, nothing spills out.

Checked on the live widget tree, the way a patient sees it: visible controls (tiles,
buttons, titles and the reading area) must lie inside the window, must not overlap each
other, must be tall enough to touch, and their text must fit their height.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser, QWidget

from kiosk.commands.screenshots import all_screen_ids
from kiosk.ui.main_window import MainWindow
from tests.conftest import SIZES, WindowFactory, settle_layout

MIN_TOUCH_HEIGHT_AT_1080P = 72


def visible_controls(window: MainWindow) -> list[QWidget]:
    controls: list[QWidget] = []
    for kind in (QAbstractButton, QLabel, QTextBrowser):
        controls.extend(w for w in window.findChildren(kind) if w.isVisible())
    return [w for w in controls if not isinstance(w.parentWidget(), QAbstractButton)]


def window_rect(widget: QWidget, window: MainWindow) -> QRect:
    """The part of ``widget`` actually on screen (clipped by scroll areas), in window px.

    For a label that is where its text is drawn (inside its margins)."""
    visible = widget.visibleRegion().boundingRect()
    if isinstance(widget, QLabel):
        visible = visible.intersected(widget.contentsRect())
    return QRect(widget.mapTo(window, visible.topLeft()), visible.size())


def assert_screen_fits(window: MainWindow, size: tuple[int, int],
                      check_touch_size: bool = True) -> None:
    """On every screen: controls inside the window, not overlapping, text not clipped."""
    assert (window.width(), window.height()) == size
    frame = window.rect()
    for screen_id in all_screen_ids(window):
        window.session.go_home()
        window.session.navigate(screen_id)
        settle_layout()
        controls = visible_controls(window)
        assert len(controls) >= 3, screen_id
        rects = [(control, window_rect(control, window)) for control in controls]
        for control, rect in rects:
            if rect.isEmpty():
                continue
            name = control.objectName() or type(control).__name__
            assert frame.contains(rect), f"{screen_id}: {name} {rect} leaves the window"
            if isinstance(control, QLabel) and control.wordWrap():
                needed = control.heightForWidth(control.width())
                assert needed <= control.height() + 1, f"{screen_id}: {name} text is clipped"
            if check_touch_size and isinstance(control, QAbstractButton):
                scale = window.look.metrics.scale
                assert control.height() >= MIN_TOUCH_HEIGHT_AT_1080P * scale, name
        for index, (first, first_rect) in enumerate(rects):
            for second, second_rect in rects[index + 1 :]:
                if first.isAncestorOf(second) or second.isAncestorOf(first):
                    continue
                overlap = first_rect.intersected(second_rect)
                assert overlap.isEmpty(), (
                    f"{screen_id} at {size}: {first.objectName() or first} overlaps "
                    f"{second.objectName() or second} by {overlap}"
                )


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_control_overlaps_or_leaves_the_window(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    assert_screen_fits(make_window(size), size)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_home_tiles_fit_without_scrolling(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    scroll = window.home_screen.tile_scroll.verticalScrollBar()
    assert scroll.maximum() == 0, "a patient should see every topic on the home screen"
    columns = window.home_screen.grid.columns
    assert columns == (2 if size[0] < size[1] else 4)
