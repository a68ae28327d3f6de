"""What reception staff see on the PIN pad and the staff panel (issue 20, point 9).

The PIN's length hinted before it is typed, a changed PIN confirmed, Exit greyed with its
reason in kiosk mode and confirmed out of it, step buttons greyed at their ends, the
Usage list with today first, and Usage closing back to the staff panel.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session.kiosk_session import StaffStep
from kiosk.session.pin import hash_pin
from kiosk.settings import IDLE_TIMEOUT_CHOICES
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.exit_confirm import ExitConfirm
from kiosk.ui.panels.staff_panel import StaffPanel
from kiosk.ui.widgets.usage_chart import day_label
from tests.helpers import PIN, WindowFactory, hold_clinic_name, tap_button, type_pin, write_settings

NEW_PIN = "97531"


@pytest.fixture
def staff_ready(data_dir: Path) -> Path:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    return data_dir


def open_staff_panel(qtbot: QtBot, window: MainWindow) -> StaffPanel:
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    panel = window.overlays.staff_panel
    assert panel.isVisible()
    return panel


def test_the_pad_says_how_many_digits_a_pin_has(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory) -> None:
    window = make_window()
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    assert pad.message.isVisible() and pad.message.text() == "A PIN has 4 to 8 digits."
    window.session.set_language("sw")
    assert pad.message.text() == "PIN ina tarakimu 4 hadi 8."


def test_a_new_pin_is_confirmed_on_the_staff_panel_until_it_closes(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory) -> None:
    window = make_window()
    panel = open_staff_panel(qtbot, window)
    assert not panel.notice.isVisible()
    tap_button(qtbot, panel.change_pin_button)
    pad = window.overlays.pin_pad
    assert pad.message.text() == "A PIN has 4 to 8 digits."
    type_pin(qtbot, pad, NEW_PIN)
    type_pin(qtbot, pad, NEW_PIN)
    assert panel.isVisible() and panel.notice.isVisible()
    assert panel.notice.text() == "PIN changed. Use the new PIN from now on."
    tap_button(qtbot, panel.close_button)
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, pad, NEW_PIN)
    assert panel.isVisible() and not panel.notice.isVisible(), "said once, not for ever"


def test_exit_is_greyed_in_kiosk_mode_with_the_reason_and_asks_first_without_it(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory) -> None:
    write_settings(staff_ready, kiosk_mode=True)
    window = make_window()
    panel = open_staff_panel(qtbot, window)
    assert not panel.exit_button.isEnabled()
    assert panel.exit_reason.isVisible()
    assert panel.exit_reason.text() == "Switch it off to exit the app."
    assert panel.kiosk_label.text() == "Kiosk mode", "said under the switch it is about"
    tap_button(qtbot, panel.kiosk_button)
    assert panel.exit_button.isEnabled() and not panel.exit_reason.isVisible()
    with qtbot.assertNotEmitted(window.session.exit_requested):
        tap_button(qtbot, panel.exit_button)
    confirm = panel.findChild(ExitConfirm)
    assert confirm is not None and confirm.isVisible()
    assert confirm.message.text().startswith("Exit the kiosk program?")
    tap_button(qtbot, confirm.close_button)  # Cancel: still running, panel still open
    assert not confirm.isVisible() and panel.isVisible()
    tap_button(qtbot, panel.exit_button)
    with qtbot.waitSignal(window.session.exit_requested):
        tap_button(qtbot, confirm.exit_button)


@pytest.mark.parametrize(("idle_s", "shorter", "longer"), [
    (IDLE_TIMEOUT_CHOICES[0], False, True),
    (IDLE_TIMEOUT_CHOICES[1], True, True),
    (IDLE_TIMEOUT_CHOICES[-1], True, False),
])
def test_idle_minus_and_plus_are_greyed_at_their_ends(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory,
        idle_s: int, shorter: bool, longer: bool) -> None:
    write_settings(staff_ready, idle_timeout_s=idle_s)
    panel = open_staff_panel(qtbot, make_window())
    assert panel.idle_shorter.isEnabled() is shorter
    assert panel.idle_longer.isEnabled() is longer


def test_stepping_to_the_end_greys_the_button_at_once(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory) -> None:
    write_settings(staff_ready, idle_timeout_s=IDLE_TIMEOUT_CHOICES[1], default_text_step=1)
    panel = open_staff_panel(qtbot, make_window())
    tap_button(qtbot, panel.idle_shorter)
    assert f"after {IDLE_TIMEOUT_CHOICES[0]} s" in panel.idle_label.text()
    assert not panel.idle_shorter.isEnabled() and panel.idle_longer.isEnabled()
    tap_button(qtbot, panel.text_smaller)
    assert not panel.text_smaller.isEnabled() and panel.text_larger.isEnabled()


def test_usage_lists_today_first_and_closing_it_returns_to_the_staff_panel(
        qtbot: QtBot, staff_ready: Path, make_window: WindowFactory) -> None:
    window = make_window()
    panel = open_staff_panel(qtbot, window)
    tap_button(qtbot, panel.usage_button)
    usage = window.overlays.usage_panel
    assert usage.isVisible()
    labels = [label for label, _value in usage.visits.bars]
    today = datetime.now().date()
    assert labels[0] == day_label(today)
    assert labels[1] == day_label(today - timedelta(days=1))
    tap_button(qtbot, usage.close_button)
    assert not usage.isVisible() and panel.isVisible()
    assert window.session.staff is StaffStep.PANEL


@pytest.mark.parametrize(("language", "said_language", "said_size"), [
    ("en", "Saved: the next visit starts in Kiswahili.",
     "Saved: the next visit starts at text size 2 of 4."),
    ("sw", "Imehifadhiwa: ziara ijayo itaanza kwa Kiswahili.",
     "Imehifadhiwa: ziara ijayo itaanza na ukubwa wa maandishi 2 kati ya 4."),
])
def test_a_start_setting_says_it_counts_from_the_next_visit(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory, language: str,
    said_language: str, said_size: str,
) -> None:
    """Nothing on screen changes when staff pick the start language: the panel says why."""
    write_settings(staff_ready, default_language=language)
    window = make_window()
    panel = open_staff_panel(qtbot, window)
    assert not panel.notice.isVisible()
    tap_button(qtbot, panel.language_buttons["sw"])
    assert panel.notice.isVisible() and panel.notice.text() == said_language
    tap_button(qtbot, panel.text_larger)
    assert panel.notice.text() == said_size
    assert window.session.language == language, "this visit's screen is left as it is"
    tap_button(qtbot, panel.close_button)
    panel = open_staff_panel(qtbot, window)
    assert not panel.notice.isVisible(), "the note is about what was just done"
