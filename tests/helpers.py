"""What the tests share: windows, taps and drags as a patient makes them, staff's PIN,
settings files, and the check that a screen fits.  One module, imported by every test
that needs it (tests never import each other)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QPointingDevice, QTextCursor, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.commands.screenshots import all_screen_ids
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.pin_pad import PinPad
from kiosk.ui.widgets.tiles import Tile

REPOSITORY = Path(__file__).resolve().parent.parent
TESTS = REPOSITORY / "tests"
SIZES = [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)]
WindowFactory = Callable[..., MainWindow]
PIN = "2468"


def write_settings(data_dir: Path, **values: object) -> None:
    path = data_dir / "settings.json"
    current = json.loads(path.read_text()) if path.exists() else {}
    current.update(values)
    path.write_text(json.dumps(current), encoding="utf-8")


def settle_layout() -> None:
    """Deliver the layout requests Qt has queued, as the event loop would before painting."""
    for _ in range(5):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


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


def reveal(widget: QWidget) -> None:
    """Scroll ``widget`` fully into view, as a finger would drag a panel or screen first."""
    if widget.visibleRegion().boundingRect() == widget.rect():
        return
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def tap(qtbot: QtBot, widget: QWidget, position: QPoint | None = None) -> None:
    """A quick finger tap (press and release) on ``widget``, where it is on screen."""
    assert widget.isVisible(), f"{widget!r} is not visible"
    if position is None:
        reveal(widget)
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


# --- staff ---------------------------------------------------------------------------


def hold_clinic_name(qtbot: QtBot, window: MainWindow) -> None:
    """Press and hold the clinic's name until the hidden gesture fires.

    Through the window, as a finger does: the kiosk's own rules (activity, usage counts)
    see the press before the name does.
    """
    label = window.home_screen.clinic_name
    handle, at = window_point(label, label.rect().center())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(window.overlays.pin_pad.isVisible, timeout=2000)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def type_pin(qtbot: QtBot, pad: PinPad, pin: str) -> None:
    for digit in pin:
        tap_button(qtbot, pad.digit_buttons[digit])
    tap_button(qtbot, pad.ok_button)


# --- every screen fits ------------------------------------------------------------------


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
