"""Every staff screen closes itself after the staff timeout; staff access is never a visit.

The staff timeout is not waited for: the test checks the session's staff timer runs,
then fires it (``staff_timer.timeout``), as its 30 s running out would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.erase_usage import EraseUsageConfirm
from kiosk.ui.panels.exit_confirm import ExitConfirm
from tests.helpers import (
    PIN,
    WindowFactory,
    hold_clinic_name,
    tap,
    tap_button,
    type_pin,
    write_settings,
)
from tests.stats.helpers import total_visits

NEW_PIN = "13579"


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, make_window: WindowFactory) -> MainWindow:
    """A kiosk with a PIN, a short hold and kiosk mode off (so Exit can be asked)."""
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50, kiosk_mode=False)
    return make_window()


def pin_pad_half_typed(qtbot: QtBot, window: MainWindow) -> QWidget:
    hold_clinic_name(qtbot, window)
    for digit in PIN[:2]:
        tap_button(qtbot, window.overlays.pin_pad.digit_buttons[digit])
    return window.overlays.pin_pad.display


def staff_panel(qtbot: QtBot, window: MainWindow) -> QWidget:
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    return window.overlays.staff_panel.version


def change_pin_half_typed(qtbot: QtBot, window: MainWindow) -> QWidget:
    staff_panel(qtbot, window)
    tap_button(qtbot, window.overlays.staff_panel.change_pin_button)
    pad = window.overlays.pin_pad
    type_pin(qtbot, pad, NEW_PIN)  # chosen; now "Type the new PIN again"
    tap_button(qtbot, pad.digit_buttons[NEW_PIN[0]])
    return pad.display


def erase_confirmation(qtbot: QtBot, window: MainWindow) -> QWidget:
    staff_panel(qtbot, window)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    tap_button(qtbot, window.overlays.usage_panel.erase_button)
    confirm = window.overlays.usage_panel.findChild(EraseUsageConfirm)
    assert confirm is not None and confirm.isVisible()
    return confirm.message


def exit_confirmation(qtbot: QtBot, window: MainWindow) -> QWidget:
    staff_panel(qtbot, window)
    tap_button(qtbot, window.overlays.staff_panel.exit_button)
    confirm = window.overlays.staff_panel.findChild(ExitConfirm)
    assert confirm is not None and confirm.isVisible()
    return confirm.message


@pytest.mark.parametrize("open_screen", [
    pin_pad_half_typed, staff_panel, change_pin_half_typed, erase_confirmation,
    exit_confirmation,
], ids=["PIN pad", "staff panel", "change-PIN pad", "erase confirmation",
        "exit confirmation"])
def test_every_staff_screen_closes_after_the_staff_timeout_without_a_touch(
    qtbot: QtBot, window: MainWindow,
    open_screen: Callable[[QtBot, MainWindow], QWidget],
) -> None:
    before = window.settings.pin_hash
    on_top = open_screen(qtbot, window)
    timer = window.session.staff_timer
    assert timer.isActive() and timer.interval() == 30_000
    timer.stop()
    tap(qtbot, on_top)  # a touch anywhere on it
    assert timer.isActive(), "a touch starts the 30 s again"

    timer.timeout.emit()  # 30 s without a touch
    staff_screens = [window.overlays.pin_pad, window.overlays.staff_panel,
                     window.overlays.usage_panel]
    staff_screens += window.overlays.usage_panel.findChildren(EraseUsageConfirm)
    staff_screens += window.overlays.staff_panel.findChildren(ExitConfirm)
    assert not [screen.objectName() for screen in staff_screens if screen.isVisible()]
    assert window.home_screen.isVisible()
    assert window.settings.pin_hash == before, "nothing typed on a pad is used"
    hold_clinic_name(qtbot, window)
    assert window.overlays.pin_pad.display.text() == "\u2013", "the typed digits are forgotten"
    assert window.overlays.pin_pad.title.text() == "Staff PIN"


def test_close_on_the_change_pin_pad_goes_back_to_the_staff_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    change_pin_half_typed(qtbot, window)
    tap_button(qtbot, window.overlays.pin_pad.close_button)
    panel = window.overlays.staff_panel
    assert panel.isVisible() and not window.overlays.pin_pad.isVisible()
    assert not panel.notice.isVisible(), "no PIN was changed"


def test_opening_the_staff_panel_counts_no_visit(
    qtbot: QtBot, counted: MainWindow, data_dir: Path
) -> None:
    window = counted  # a fresh data folder, recording as the installed kiosk does
    tap(qtbot, window.home_screen.clinic_name)  # a tap to wake the screen
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    assert window.overlays.usage_panel.visits.total == 0
    tap_button(qtbot, window.overlays.usage_panel.close_button)
    tap_button(qtbot, window.overlays.staff_panel.close_button)
    assert window.recorder.flush()
    assert total_visits(data_dir) == 0
