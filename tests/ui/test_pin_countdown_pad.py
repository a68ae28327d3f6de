"""The PIN pad during a lock-out, as staff see it: the wait counts down and the keys come back.

The real pad in the real window; the lock-out's clock is injected, and the pad's own
one-second QTimer does the asking.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session.pin import hash_pin
from kiosk.session.staff import StaffAccess
from kiosk.ui.main_window import MainWindow
from tests.helpers import PIN, WindowFactory, hold_clinic_name, type_pin, write_settings


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = time.time()  # settings loading caps a saved lock against the real clock

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def staff_pin(data_dir: Path) -> Path:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    return data_dir


def with_clock(window: MainWindow, clock: Clock) -> None:
    """Give the window's session a PIN check on ``clock`` (as a start of the kiosk makes it)."""
    access = StaffAccess(window.store, clock=clock, monotonic=clock)
    window.session.staff_access = window.session.pin_entry.access = access


def test_the_lock_out_counts_down_while_shown_and_the_pad_unlocks_by_itself(
        qtbot: QtBot, staff_pin: Path, make_window: WindowFactory) -> None:
    window, clock = make_window(), Clock()
    with_clock(window, clock)
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    for _ in range(5):
        type_pin(qtbot, pad, "1357")
    assert pad.message.text() == "Too many wrong PINs. Try again in 1 minute."
    assert not pad.digit_buttons["1"].isEnabled() and pad.countdown.isActive()
    clock.now += 15
    qtbot.waitUntil(lambda: pad.message.text().endswith("Try again in 45 seconds."),
                    timeout=3000)
    clock.now += 44
    qtbot.waitUntil(lambda: pad.message.text().endswith("Try again in 1 second."),
                    timeout=3000)
    clock.now += 1
    qtbot.waitUntil(lambda: pad.digit_buttons["1"].isEnabled(), timeout=3000)
    assert pad.message.text() == "A PIN has 4 to 8 digits." and not pad.countdown.isActive()
    type_pin(qtbot, pad, PIN)
    assert window.overlays.staff_panel.isVisible()


def test_a_pad_opened_after_a_restart_during_a_lock_out_unlocks_when_it_ends(
        qtbot: QtBot, staff_pin: Path, make_window: WindowFactory) -> None:
    clock = Clock()
    first = make_window()
    with_clock(first, clock)
    hold_clinic_name(qtbot, first)
    for _ in range(5):
        type_pin(qtbot, first.overlays.pin_pad, "1357")
    first.close()
    clock.now += 30
    restarted = make_window()
    with_clock(restarted, clock)  # reads the saved lock-out, as a start does
    hold_clinic_name(qtbot, restarted)
    pad = restarted.overlays.pin_pad
    assert pad.message.text() == "Too many wrong PINs. Try again in 30 seconds."
    clock.now += 30
    qtbot.waitUntil(lambda: pad.digit_buttons["1"].isEnabled(), timeout=3000)
    assert pad.ok_button.isEnabled() is False  # nothing typed yet
    type_pin(qtbot, pad, PIN)
    assert restarted.overlays.staff_panel.isVisible()


def test_kiswahili_says_the_wait_in_minutes(
        qtbot: QtBot, staff_pin: Path, make_window: WindowFactory) -> None:
    window, clock = make_window(), Clock()
    with_clock(window, clock)
    window.session.set_language("sw")
    hold_clinic_name(qtbot, window)
    for _ in range(5):
        type_pin(qtbot, window.overlays.pin_pad, "1357")
    assert window.overlays.pin_pad.message.text() == (
        "Umekosea PIN mara nyingi. Jaribu tena baada ya dakika 1.")
