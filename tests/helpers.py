"""Small helpers to act on the kiosk as a patient would: find things and tap them."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPointingDevice, QTextCursor, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.tiles import Tile


def visible_tiles(window: MainWindow) -> list[Tile]:
    """Tiles the patient can see on the current screen."""
    return [tile for tile in window.findChildren(Tile) if tile.isVisible()]


def tile_titled(window: MainWindow, title: str) -> Tile:
    """The visible tile with this title."""
    for tile in visible_tiles(window):
        if tile.title == title:
            return tile
    shown = [tile.title for tile in visible_tiles(window)]
    raise AssertionError(f"no visible tile {title!r}; visible: {shown}")


def window_point(widget: QWidget, point: QPoint) -> tuple[QWindow, QPoint]:
    """The native window showing ``widget``, and ``point`` in that window's coordinates.

    Input is sent to the window, as a touchscreen's arrives: Qt then delivers it to the
    widget under that point, and the kiosk's window-level rules see it first.
    """
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None, f"{top!r} has no window yet (not shown)"
    return handle, widget.mapTo(top, point)


def tap(qtbot: QtBot, widget: QWidget, position: QPoint | None = None) -> None:
    """A quick finger tap (press and release) on ``widget``, where it is on screen."""
    assert widget.isVisible(), f"{widget!r} is not visible"
    point = position if position is not None else widget.rect().center()
    handle, at = window_point(widget, point)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def tap_button(qtbot: QtBot, button: QAbstractButton) -> None:
    """Tap a button in the middle."""
    tap(qtbot, button)


def link_targets(browser: QTextBrowser) -> list[str]:
    """The target of every link in the document shown, in reading order."""
    found: list[str] = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href:
                found.append(href)
            iterator += 1
        block = block.next()
    return found


def _link_cursor(browser: QTextBrowser, href_start: str) -> QTextCursor:
    """A cursor inside the first link whose target starts with ``href_start``."""
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().startswith(href_start):
                cursor = browser.textCursor()
                cursor.setPosition(fragment.position() + 1)
                return cursor
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link starting with {href_start!r}")


def link_rect(browser: QTextBrowser, href_start: str) -> QRect:
    """Where on the viewport the first link whose target starts with ``href_start`` is."""
    return browser.cursorRect(_link_cursor(browser, href_start))


def tap_link(qtbot: QtBot, browser: QTextBrowser, href_start: str) -> None:
    """Scroll a link into view and tap it."""
    browser.setTextCursor(_link_cursor(browser, href_start))
    browser.ensureCursorVisible()
    tap(qtbot, browser.viewport(), link_rect(browser, href_start).center())


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger drag as a touchscreen that sends mouse events delivers it: press, move in
    small steps about one frame (16 ms) apart, release."""
    handle, at = window_point(widget, start)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    for step in range(1, steps + 1):
        qtbot.wait(16)
        point = start + (end - start) * (step / steps)
        QTest.mouseMove(handle, window_point(widget, point)[1])
    qtbot.wait(16)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       window_point(widget, end)[1])


@lru_cache(maxsize=1)
def _touch_device() -> QPointingDevice:
    return QTest.createTouchDevice()


def touch_drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint,
               steps: int = 12) -> None:
    """The same drag from a real touchscreen: touch points, not mouse events."""
    device = _touch_device()
    QTest.touchEvent(widget, device).press(0, start, widget).commit()
    for step in range(1, steps + 1):
        qtbot.wait(16)
        point = start + (end - start) * (step / steps)
        QTest.touchEvent(widget, device).move(0, point, widget).commit()
    qtbot.wait(16)
    QTest.touchEvent(widget, device).release(0, end, widget).commit()
