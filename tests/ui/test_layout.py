"""At every supported screen size, every screen fits: nothing overlaps, nothing spills out.

Checked on the live widget tree, the way a patient sees it: visible controls (tiles,
buttons, titles and the reading area) must lie inside the window, must not overlap each
other, must be tall enough to touch, and their text must fit their height.
"""

from __future__ import annotations

import pytest

from tests.helpers import SIZES, WindowFactory, assert_screen_fits


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
