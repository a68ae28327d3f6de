"""Kiosk mode for reception: hidden gesture, PIN pad, staff panel, lock-down, idle reset.

Timeouts are shortened through the settings file, never by sleeping longer than they
last.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Options, build_window
from kiosk.cli import main
from kiosk.session.history import HOME
from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.exit_confirm import ExitConfirm
from tests.helpers import (
    PIN,
    WindowFactory,
    hold_clinic_name,
    tap,
    tap_button,
    tile_titled,
    type_pin,
    window_point,
    write_settings,
)


@pytest.fixture
def staff_ready(data_dir: Path) -> Path:
    """A data folder with a PIN set and a short hold for the hidden gesture."""
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    return data_dir


def test_a_short_press_on_the_name_does_nothing(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    tap(qtbot, window.home_screen.clinic_name)
    assert not window.staff_hold.timer.isActive(), "the lift ends the hold: nothing left to fire"
    assert not window.overlays.pin_pad.isVisible()


def test_a_swipe_that_starts_on_the_name_is_not_a_hold(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    """Through the window system, as a finger does: the home screen's scroller takes the
    swipe, so the name never sees the finger lift; the swipe must still not count."""
    write_settings(staff_ready, staff_hold_ms=400)
    window = make_window()
    label = window.home_screen.clinic_name
    handle = window.windowHandle()
    start = label.mapTo(window, label.rect().center())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 13):
        QTest.mouseMove(handle, start - QPoint(0, 8 * step), 16)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start - QPoint(0, 96), 16)
    assert not window.staff_hold.timer.isActive(), "the swipe ended the hold: nothing left to fire"
    assert not window.overlays.pin_pad.isVisible()


def test_right_pin_opens_the_staff_panel(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    hold_clinic_name(qtbot, window)
    assert window.overlays.pin_pad.display.text() == "\u2013"
    for digit in PIN[:3]:
        tap_button(qtbot, window.overlays.pin_pad.digit_buttons[digit])
    assert window.overlays.pin_pad.display.text().count("\u25cf") == 3, "dots, never the digits"
    assert not window.overlays.pin_pad.ok_button.isEnabled()
    tap_button(qtbot, window.overlays.pin_pad.digit_buttons[PIN[3]])
    tap_button(qtbot, window.overlays.pin_pad.ok_button)
    assert window.overlays.staff_panel.isVisible()
    assert not window.overlays.pin_pad.isVisible()
    assert "0.1" in window.overlays.staff_panel.version.text()


def test_wrong_pins_lock_the_pad_and_the_lock_survives_a_restart(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, "1111")
    assert window.overlays.pin_pad.message.text() == "Wrong PIN. Tries left: 4."
    for _ in range(4):
        type_pin(qtbot, window.overlays.pin_pad, "1111")
    assert "Try again in 1 minute." in window.overlays.pin_pad.message.text()
    assert not window.overlays.pin_pad.digit_buttons["2"].isEnabled()
    assert not window.overlays.staff_panel.isVisible()
    window.close()

    restarted = make_window()
    hold_clinic_name(qtbot, restarted)
    assert "Too many wrong PINs" in restarted.overlays.pin_pad.message.text()
    assert restarted.session.staff_access.try_pin(PIN).value == "locked", "even the right PIN waits"
    saved = (staff_ready / "settings.json").read_text()
    assert PIN not in saved and "1111" not in saved


def test_no_pin_set_tells_staff_to_ask_it(qtbot: QtBot, data_dir: Path,
                                          make_window: WindowFactory) -> None:
    write_settings(data_dir, staff_hold_ms=50, kiosk_mode=True)
    window = make_window()
    hold_clinic_name(qtbot, window)
    assert window.overlays.pin_pad.message.text() == "No staff PIN is set: ask IT."
    assert not any(button.isEnabled() for button in window.overlays.pin_pad.digit_buttons.values())
    assert window.session.kiosk_mode


def test_staff_switch_kiosk_mode_off_and_exit_only_then(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    write_settings(staff_ready, kiosk_mode=True)
    window = make_window()
    assert window.isFullScreen()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    panel = window.overlays.staff_panel
    assert not panel.exit_button.isEnabled()
    assert not window.close(), "no way out while kiosk mode is on"
    tap_button(qtbot, panel.kiosk_button)
    assert not window.session.kiosk_mode and not window.isFullScreen()
    assert panel.exit_button.isEnabled()
    assert json.loads((staff_ready / "settings.json").read_text())["kiosk_mode"] is False
    tap_button(qtbot, panel.exit_button)  # asks first
    confirm = panel.findChild(ExitConfirm)
    assert confirm is not None and confirm.isVisible()
    with qtbot.waitSignal(window.session.exit_requested):
        tap_button(qtbot, confirm.exit_button)


KEYS = [
    ("Alt+F4", Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ("Escape", Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ("Ctrl+Q", Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ("Ctrl+W", Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ("F11", Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
]


@pytest.mark.parametrize(("name", "key", "modifier"), KEYS, ids=[k[0] for k in KEYS])
def test_kiosk_mode_refuses_keys(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, name: str,
    key: Qt.Key, modifier: Qt.KeyboardModifier,
) -> None:
    write_settings(data_dir, kiosk_mode=True)
    window = make_window()
    window.session.navigate("safety")
    handle = window.windowHandle()
    QTest.keyClick(handle, key, modifier)  # as a keyboard's keys arrive
    QTest.keyClick(handle, Qt.Key.Key_F11)
    qtbot.keyClick(window.page_screen.view, key, modifier)  # straight to a widget
    assert window.isVisible() and window.isFullScreen(), name
    assert window.session.current_screen == "safety"


def test_keys_stay_refused_after_staff_switch_kiosk_mode_off_and_on(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    """Switching the window's flags makes Qt a new native window: the rules follow it."""
    write_settings(data_dir, kiosk_mode=True)
    window = make_window()
    window.session.set_kiosk_mode(False)
    window.session.set_kiosk_mode(True)
    qtbot.wait_until(lambda: window.isFullScreen())
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and window.isFullScreen()


def test_kiosk_rules_apply_from_the_first_paint(qtbot: QtBot, data_dir: Path) -> None:
    """The rules' filter goes in just after the first picture, before anyone can touch."""
    write_settings(data_dir, kiosk_mode=True)
    window, _choice = build_window(Options(data_dir=data_dir))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    assert not window.lockdown.watching_input, "nothing is watched before the window is shown"
    window.present()
    qtbot.wait_until(lambda: window.lockdown.watching_input)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert window.isFullScreen(), "Escape is refused as soon as the kiosk is up"


def test_the_same_keys_work_for_it_when_kiosk_mode_is_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Twin of the refusal test: proves the keys would have acted."""
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F11)
    assert window.isFullScreen()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_a_right_click_opens_no_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Only what a finger sends reaches the kiosk: no context menu, even on page text."""
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    view = window.page_screen.view
    handle, at = window_point(view.viewport(), view.viewport().rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(50)
    assert QApplication.activePopupWidget() is None
    assert window.session.current_screen == "safety"


def test_kiosk_mode_refuses_close_and_minimise(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, kiosk_mode=True)
    window = make_window()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert not window.close()
    assert window.isVisible() and window.isFullScreen()
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized(), timeout=2000)


def test_kiosk_mode_persists_and_kiosk_flag_forces_it(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    from kiosk.app import Options, build_window

    forced, _choice = build_window(Options(data_dir=data_dir, kiosk=True))
    qtbot.add_widget(forced, before_close_func=lambda w: w.shutdown())
    assert forced.session.kiosk_mode
    forced.shutdown()
    again = make_window()
    assert again.session.kiosk_mode and again.isFullScreen()


def test_idle_warning_keep_reading_then_full_reset(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, default_language="en")
    window = make_window()
    # Shorter than the file allows (30 s and 5 s at least), so set in memory, not in the file.
    window.settings.idle_timeout_s, window.settings.warning_s = 1, 1
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    window.page_screen.view.verticalScrollBar().setValue(300)
    qtbot.waitUntil(window.overlays.still_reading.isVisible, timeout=3000)
    assert "Still reading?" in window.overlays.still_reading.title.text()
    tap_button(qtbot, window.overlays.still_reading.close_button)
    assert not window.overlays.still_reading.isVisible()
    assert window.session.current_screen == "safety", "keep reading keeps the page"
    window.overlays.help_panel.open_panel()
    window.overlays.link_panel.show_link("https://www.nice.org.uk/guidance/ta854", "NICE")
    with qtbot.waitSignal(window.session.session_reset, timeout=5000):
        pass
    assert window.session.current_screen == HOME and window.home_screen.isVisible()
    assert not window.session.history.can_go_back
    assert not any(panel.isVisible() for panel in window.overlays.panels())
    assert window.page_screen.view.verticalScrollBar().value() == 0
    assert window.overlays.attract.isVisible() and window.overlays.attract.animating


def test_attract_swallows_the_first_touch(qtbot: QtBot, window: MainWindow) -> None:
    window.overlays.attract.start()
    tile = tile_titled(window, "How it works")
    where = tile.mapTo(window.overlays.attract.host, tile.rect().center())
    tap(qtbot, window.overlays.attract, QPoint(where))
    assert not window.overlays.attract.isVisible() and not window.overlays.attract.animating
    assert window.session.current_screen == HOME, "the touch that wakes the kiosk must not act"
    tap(qtbot, tile)
    assert window.session.current_screen == "how-it-works"


def test_the_attract_screen_lets_go_of_its_pictures_when_woken(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A full-screen animation's pictures (about 8 MB) are not kept while patients read."""
    window.overlays.attract.start()
    qtbot.wait_until(lambda: window.overlays.attract.holds_pictures)
    tap(qtbot, window.overlays.attract, QPoint(20, 20))
    assert not window.overlays.attract.isVisible()
    assert not window.overlays.attract.holds_pictures


def test_staff_panel_closes_itself(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    window.settings.staff_panel_timeout_s = 1  # shorter than the file allows (10 s at least)
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    assert window.overlays.staff_panel.isVisible()
    qtbot.waitUntil(lambda: not window.overlays.staff_panel.isVisible(), timeout=3000)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_ends_on_home_with_the_traceback_logged(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tap(qtbot, tile_titled(window, "Conditions being studied"))

    def broken(*_args: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(window.page_screen, "show_page_in", broken)
    with caplog.at_level(logging.ERROR):
        tap(qtbot, tile_titled(window, "Anxiety"))
    assert window.session.current_screen == HOME and window.home_screen.isVisible()
    records = [r for r in caplog.records if r.exc_info and "simulated bug" in str(r.exc_info[1])]
    assert len(records) == 1
    assert window.crash_guard.caught == 1


def test_set_pin_reads_stdin_and_stores_only_a_hash(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 0
    saved = (data_dir / "settings.json").read_text()
    assert "97531" not in saved and "scrypt$" in saved
    monkeypatch.setattr("sys.stdin", io.StringIO("12a\n"))
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 1
    assert "4 to 8 digits" in capsys.readouterr().err
