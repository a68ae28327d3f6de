"""A double tap acts once: the second tap, just after the screen changed, is swallowed.

Two taps 120 ms apart on a home tile: the first opens the page, the second lands on the
new page, where a link lies under the finger; it must not follow it.  The same with touch
points and with a touchscreen that sends mouse events; a deliberate tap after the quiet
window acts; a drag or flick started inside the window still scrolls.  The guard's clock
is a fake one the test moves on, so no test waits real time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.session.history import HOME
from kiosk.ui.kiosk_guard import SCREEN_CHANGE_QUIET_S
from kiosk.ui.main_window import MainWindow
from tests.helpers import WindowFactory, _touch_device, drag, tap_button, tile_titled, touch_drag

# One paragraph of links, wrapped edge to edge: there is a link under any finger.
LINKS = "".join(["[Safety and side effects, read about them here.](page:safety)"] * 40)


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1e9  # far from any real monotonic reading the window was made with

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def link_page_content(content_copy: Path) -> Path:
    """Content whose "How it works" page is links from top to bottom: any stray tap on
    it follows one to the safety page."""
    page = content_copy / "en" / "how-it-works.md"
    front, _sep, _body = page.read_text(encoding="utf-8").partition("\n---\n")
    page.write_text(f"{front}\n---\n{LINKS}\n", encoding="utf-8")
    return content_copy


@pytest.fixture
def kiosk(make_window: WindowFactory, link_page_content: Path, clock: FakeClock) -> MainWindow:
    """A 1280x800 kiosk with the quiet-after-a-change rule on and a fake clock."""
    window = make_window((1280, 800), link_page_content)
    window.lockdown.guard.clock = clock
    window.lockdown.guard.quiet_s = SCREEN_CHANGE_QUIET_S
    return window


def mouse_tap(window: MainWindow, at: QPoint) -> None:
    """A touchscreen that sends mouse events: press and release at ``at``."""
    handle = window.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def touch_tap(window: MainWindow, at: QPoint) -> None:
    """A touchscreen that sends touch points: one finger down and up at ``at``."""
    QTest.touchEvent(window, _touch_device()).press(0, at, window).commit()
    QTest.touchEvent(window, _touch_device()).release(0, at, window).commit()


TAPS = pytest.mark.parametrize("tap_at", [mouse_tap, touch_tap], ids=["mouse", "touch"])


def tile_point(window: MainWindow, title: str) -> QPoint:
    tile = tile_titled(window, title)
    return tile.mapTo(window, tile.rect().center())


@TAPS
def test_the_second_tap_of_a_double_tap_does_not_follow_the_link_under_it(
    qtbot: QtBot, kiosk: MainWindow, clock: FakeClock, tap_at: Callable[..., None]
) -> None:
    where = tile_point(kiosk, "How it works")
    tap_at(kiosk, where)
    assert kiosk.session.current_screen == "how-it-works"
    clock.advance(0.120)
    tap_at(kiosk, where)
    qtbot.wait(50)
    assert kiosk.session.current_screen == "how-it-works", "the second tap acted on the new page"
    assert kiosk.session.history.can_go_back and kiosk.page_screen.isVisible()


@TAPS
def test_without_the_quiet_window_that_second_tap_would_follow_a_link(
    qtbot: QtBot, kiosk: MainWindow, clock: FakeClock, tap_at: Callable[..., None]
) -> None:
    """The control: the page above really has a link under the finger."""
    kiosk.lockdown.guard.quiet_s = 0.0
    where = tile_point(kiosk, "How it works")
    tap_at(kiosk, where)
    clock.advance(0.120)
    tap_at(kiosk, where)
    qtbot.wait_until(lambda: kiosk.session.current_screen == "safety")


@TAPS
def test_a_deliberate_tap_after_the_quiet_window_acts(
    qtbot: QtBot, kiosk: MainWindow, clock: FakeClock, tap_at: Callable[..., None]
) -> None:
    where = tile_point(kiosk, "How it works")
    tap_at(kiosk, where)
    clock.advance(0.120)
    tap_at(kiosk, where)  # swallowed
    clock.advance(SCREEN_CHANGE_QUIET_S)  # well after the page changed
    tap_at(kiosk, where)
    qtbot.wait_until(lambda: kiosk.session.current_screen == "safety")


def test_a_double_tap_on_help_leaves_the_help_panel_open(
    qtbot: QtBot, kiosk: MainWindow, clock: FakeClock
) -> None:
    """Panels count too: the second tap would land on the backdrop and close it."""
    tap_button(qtbot, kiosk.nav_bar.help_button)
    assert kiosk.overlays.help_panel.is_open
    clock.advance(0.120)
    button = kiosk.nav_bar.help_button
    mouse_tap(kiosk, button.mapTo(kiosk, button.rect().center()))
    assert kiosk.overlays.help_panel.is_open
    assert kiosk.session.current_screen == HOME


@pytest.mark.parametrize(("tap_at", "gesture"), [(touch_tap, touch_drag), (mouse_tap, drag)],
                         ids=["touch-drag", "mouse-drag"])
def test_a_drag_just_after_the_page_changed_still_scrolls(
    qtbot: QtBot, kiosk: MainWindow, clock: FakeClock, tap_at: Callable[..., None],
    gesture: Callable[..., None],
) -> None:
    tap_at(kiosk, tile_point(kiosk, "Safety and side effects"))
    assert kiosk.session.current_screen == "safety"
    clock.advance(0.120)  # the finger comes down again at once (for the rule), and swipes
    # In real time the swipe starts after Qt's double-click interval: a press that Qt
    # takes for a double click's second press (Qt's interval, not our rule) is not
    # scrolled by QScroller at all, guard or not.  The tap and the swipe use the same
    # kind of input, so their timestamps come from one clock.
    qtbot.wait(QGuiApplication.styleHints().mouseDoubleClickInterval() + 50)
    view = kiosk.page_screen.view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = view.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    gesture(qtbot, viewport, start, QPoint(start.x(), 60))
    qtbot.wait_until(lambda: bar.value() > 200, timeout=3000)
    assert kiosk.session.current_screen == "safety"
