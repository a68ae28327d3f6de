"""Staff screens keep their size whatever text size a patient chose, and re-fit their words.

A patient may leave the kiosk at the largest text size before staff come: the PIN pad,
the staff panel, Usage and the exit confirmation then still show every key and row
without scrolling (the window's scale, text factor 1.0), while Help keeps the patient's
size.  When a pad's message grows while it is shown (the first lock-out: "Try again in
1 minute." wraps), the card grows with it instead of the keys scrolling away.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session.pin import hash_pin
from kiosk.session.text_size import LARGEST_STEP
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.panel import Panel
from tests.helpers import PIN, WindowFactory, hold_clinic_name, tap_button, type_pin, write_settings
from tests.ui.test_staff_panel_fits import assert_all_in_view, body_scrolls

SIZES = [(1920, 1080), (1366, 768)]


def font_px(label: QLabel) -> int:
    label.ensurePolished()
    return QFont(label.font()).pixelSize()


def assert_fits(window: MainWindow, panel: Panel, what: str) -> None:
    assert panel.isVisible(), what
    assert not body_scrolls(panel), f"{what} scrolls"
    assert_all_in_view(window, panel)


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("language", ["en", "sw"])
def test_staff_screens_fit_at_the_largest_text_size(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, size: tuple[int, int],
    language: str,
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50,
                   default_text_step=LARGEST_STEP, default_language=language)
    window = make_window(size)
    assert window.session.text_step == LARGEST_STEP
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    assert_fits(window, pad, "the PIN pad")
    for digit in PIN:
        tap_button(qtbot, pad.digit_buttons[digit])
    assert_fits(window, pad, "the PIN pad with digits typed")
    tap_button(qtbot, pad.ok_button)
    staff = window.overlays.staff_panel
    assert_fits(window, staff, "the staff panel")
    assert not window.session.kiosk_mode  # Exit works
    tap_button(qtbot, staff.exit_button)
    confirm = staff.findChild(QWidget, "ExitConfirm")
    assert isinstance(confirm, Panel)
    assert_fits(window, confirm, "the exit confirmation")
    tap_button(qtbot, confirm.close_button)
    tap_button(qtbot, staff.usage_button)
    assert_fits(window, window.overlays.usage_panel, "the Usage page")


def test_staff_words_keep_their_size_and_help_grows(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    pad_title, help_title = font_px(pad.title), font_px(window.overlays.help_panel.title)
    pad.close_panel()
    for _step in range(LARGEST_STEP):
        tap_button(qtbot, window.nav_bar.larger_button)
    assert window.session.text_step == LARGEST_STEP
    assert font_px(window.overlays.help_panel.title) > help_title, "Help follows the patient"
    hold_clinic_name(qtbot, window)
    assert font_px(pad.title) == pad_title, "the PIN pad keeps the staff size"


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("language", ["en", "sw"])
def test_the_first_lock_out_message_leaves_every_key_in_view(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, size: tuple[int, int],
    language: str,
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50,
                   default_language=language)
    window = make_window(size)
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    assert_fits(window, pad, "the PIN pad")
    for _attempt in range(5):
        type_pin(qtbot, pad, "1111")
    assert pad.entry.locked
    assert pad.message.text() == pad.message.text().strip() and "1" in pad.message.text()
    assert_fits(window, pad, "the PIN pad locked")
    assert pad.message.height() >= pad.message.heightForWidth(pad.message.width())
