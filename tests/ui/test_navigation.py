"""A patient taps through the kiosk: tiles, sub-topics, links, Back, Home, scrolling."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScroller, QWidget
from pytestqt.qtbot import QtBot

from kiosk.commands.screenshots import all_screen_ids
from kiosk.session.history import CONTACT, HOME
from kiosk.ui.main_window import MainWindow
from tests.helpers import WindowFactory, drag, tap, tap_button, tap_link, tile_titled, touch_drag


def test_home_shows_clinic_name_welcome_and_a_tile_per_section(window: MainWindow) -> None:
    assert window.home_screen.isVisible()
    assert window.home_screen.clinic_name.text() == "Tigoni Treatment Centre"
    assert "Tap a topic" in window.home_screen.welcome.text()
    titles = [tile.title for tile in window.home_screen.grid.tiles]
    assert titles == [page.title for page in window.library.sections()]
    assert len(titles) == 8


def test_tap_a_tile_and_the_section_shows(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    assert window.page_screen.isVisible()
    assert window.page_screen.title.text() == "Safety and side effects"
    assert "side effects" in window.page_screen.view.toPlainText()


def test_section_with_subtopics_offers_them_as_tiles(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Conditions being studied"))
    tap(qtbot, tile_titled(window, "Trauma and PTSD"))
    assert window.page_screen.title.text() == "Trauma and PTSD"
    assert tile_titled(window, "Trauma and PTSD").isChecked()
    assert not tile_titled(window, "Anxiety").isChecked()


def test_back_and_home_return(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "How it is given"))
    tap(qtbot, tile_titled(window, "IV infusion"))
    assert window.session.current_screen == "how-it-is-given/iv-infusion"
    tap_button(qtbot, window.nav_bar.back_button)
    assert window.page_screen.title.text() == "How it is given"
    tap(qtbot, tile_titled(window, "IM injection"))
    tap_button(qtbot, window.nav_bar.home_button)
    assert window.session.current_screen == HOME
    assert window.home_screen.isVisible()
    assert not window.nav_bar.back_button.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_the_bar_buttons_stay_put_when_back_and_home_appear(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    bar = window.nav_bar
    others = [bar.smaller_button, bar.larger_button, bar.contrast_button,
              bar.language_button, bar.contact_button, bar.help_button]
    on_home = [button.geometry() for button in others]
    assert not bar.back_button.isVisible() and not bar.home_button.isVisible()
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    qtbot.wait_until(lambda: bar.home_button.isVisible())
    assert [button.geometry() for button in others] == on_home, \
        "a patient's next tap must land where the button was"


def test_an_internal_link_opens_its_target(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Conditions being studied"))
    tap_link(qtbot, window.page_screen.view, "page:conditions/anxiety")
    assert window.session.current_screen == "conditions/anxiety"
    assert window.page_screen.title.text() == "Anxiety"
    tap_button(qtbot, window.nav_bar.back_button)
    assert window.session.current_screen == "conditions"


@pytest.mark.parametrize("gesture", [touch_drag, drag], ids=["touch-drag", "mouse-drag"])
def test_a_long_page_scrolls_when_dragged(
    qtbot: QtBot, make_window: WindowFactory, gesture: Callable[..., None]
) -> None:
    window = make_window((1280, 800))
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    view = window.page_screen.view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the safety page should be longer than one screen here"
    viewport = view.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    gesture(qtbot, viewport, start, QPoint(start.x(), 60))
    qtbot.waitUntil(lambda: bar.value() > 200, timeout=3000)
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert not view.textCursor().hasSelection()
    assert window.session.current_screen == "safety", "a drag must not count as a tap on a link"


def test_every_page_renders_non_empty_text(qtbot: QtBot, window: MainWindow) -> None:
    for screen_id in all_screen_ids(window)[1:]:
        window.session.navigate(screen_id)
        screen = window.contact_screen if screen_id == CONTACT else window.page_screen
        assert screen.isVisible()
        text = screen.view.toPlainText().strip()
        assert len(text) > 40, f"{screen_id} shows almost nothing: {text!r}"
        assert screen.title.text() == window.library.pages[screen_id].title


def test_a_missing_page_gets_a_friendly_message(window: MainWindow) -> None:
    window.session.navigate("no/such/page")
    assert window.page_screen.isVisible()
    assert "not available" in window.page_screen.view.toPlainText()
    window.session.go_back()
    assert window.session.current_screen == HOME


def test_idle_moments_get_every_page_ready_before_it_is_tapped(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A patient's first tap on a page is as quick as a return visit."""
    page_ids = [p for p in window.library.pages if p not in (HOME, "home", CONTACT)]
    view = window.page_screen.view
    qtbot.wait_until(lambda: all(view.is_ready(p) for p in page_ids))
    assert window.session.current_screen == HOME, "warming up shows nothing"
    window.session.set_text_step(2)
    assert not view.is_ready("safety"), "a new text size needs new layouts"
    qtbot.wait_until(lambda: all(view.is_ready(p) for p in page_ids))
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    assert window.session.current_screen == "safety"


def test_a_tapped_tile_is_redrawn_with_the_new_page_not_before_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt would repaint a released button before acting; a tile's picture waits for the
    page it opens, so the patient sees the new page sooner."""
    tap(qtbot, tile_titled(window, "Conditions being studied"))
    tile = tile_titled(window, "Anxiety")
    paints = PaintCount(tile)
    QTest.mousePress(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    assert tile.isDown()
    paints.count = 0
    QTest.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    assert window.session.current_screen == "conditions/anxiety"
    assert paints.count == 0, "not redrawn inside the tap"
    qtbot.wait_until(lambda: paints.count > 0)
    assert not tile.isDown()


class PaintCount(QObject):
    """Counts a widget's paint events."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Paint:
            self.count += 1
        return False
