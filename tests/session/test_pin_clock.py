"""PIN lock-outs under a wrong wall clock: timed on the monotonic clock, capped when loaded.

The issue's case: five wrong PINs while the clock read 2045, then the clock corrected to
2026, must not lock the pad for 18 years.  Clocks are injected: ``wall`` is the clock a
flat battery or a correction sets, ``elapsed`` the monotonic clock nobody sets.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session.pin import FIRST_LOCK_SECONDS, LONGEST_LOCK_SECONDS, hash_pin
from kiosk.session.staff import PinResult, StaffAccess
from kiosk.settings import SettingsStore
from tests.helpers import PIN, WindowFactory, hold_clinic_name, type_pin, write_settings

IN_2045 = datetime(2045, 7, 15, 9, 0).timestamp()
IN_2026 = datetime(2026, 11, 18, 9, 0).timestamp()


class Clocks:
    """A wall clock and a monotonic clock, moved by hand."""

    def __init__(self, wall: float) -> None:
        self.now = wall
        self.elapsed = 5000.0

    def wall(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.elapsed

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.elapsed += seconds


def access_for(data_dir: Path, clocks: Clocks) -> StaffAccess:
    """Staff access as a fresh start of the kiosk makes it (settings read from disk)."""
    return StaffAccess(SettingsStore(data_dir), clock=clocks.wall, monotonic=clocks.monotonic)


@pytest.fixture
def staff_pin(data_dir: Path) -> Path:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    return data_dir


def five_wrong_pins(access: StaffAccess) -> None:
    for _ in range(4):
        assert access.try_pin("0000") is PinResult.WRONG
    assert access.try_pin("0000") is PinResult.LOCKED


def test_a_lock_at_2045_lasts_60_seconds_once_the_clock_is_corrected(staff_pin: Path) -> None:
    clocks = Clocks(IN_2045)
    access = access_for(staff_pin, clocks)
    five_wrong_pins(access)
    clocks.now = IN_2026  # corrected while running
    assert access.seconds_locked() == FIRST_LOCK_SECONDS
    assert access.try_pin(PIN) is PinResult.LOCKED
    clocks.advance(FIRST_LOCK_SECONDS)
    assert access.seconds_locked() == 0
    assert access.try_pin(PIN) is PinResult.ACCEPTED


@pytest.mark.parametrize("jump", [+86_400.0, -86_400.0, +20 * 365 * 86_400.0],
                         ids=["a day ahead", "a day back", "twenty years ahead"])
def test_a_wall_clock_jump_neither_shortens_nor_stretches_a_lock(staff_pin: Path,
                                                                 jump: float) -> None:
    clocks = Clocks(IN_2026)
    access = access_for(staff_pin, clocks)
    five_wrong_pins(access)
    clocks.advance(10)
    clocks.now += jump
    assert access.seconds_locked() == FIRST_LOCK_SECONDS - 10
    assert access.try_pin(PIN) is PinResult.LOCKED


def test_a_lock_saved_at_2045_is_capped_when_a_2026_start_loads_it(staff_pin: Path) -> None:
    clocks = Clocks(IN_2045)
    five_wrong_pins(access_for(staff_pin, clocks))
    clocks.now = IN_2026  # the kiosk restarts with the right date
    restarted = access_for(staff_pin, clocks)
    assert 0 < restarted.seconds_locked() <= LONGEST_LOCK_SECONDS
    clocks.advance(LONGEST_LOCK_SECONDS)
    assert restarted.try_pin(PIN) is PinResult.ACCEPTED


def test_a_restart_does_not_unlock_the_pad(staff_pin: Path) -> None:
    clocks = Clocks(IN_2026)
    five_wrong_pins(access_for(staff_pin, clocks))
    clocks.advance(20)
    restarted = access_for(staff_pin, clocks)
    assert restarted.seconds_locked() == FIRST_LOCK_SECONDS - 20
    assert restarted.try_pin(PIN) is PinResult.LOCKED


def test_the_pad_says_60_seconds_not_18_years(qtbot: QtBot, staff_pin: Path,
                                               make_window: WindowFactory) -> None:
    window = make_window()
    clocks = Clocks(IN_2045)
    access = StaffAccess(window.store, clock=clocks.wall, monotonic=clocks.monotonic)
    window.session.staff_access = window.session.pin_entry.access = access
    hold_clinic_name(qtbot, window)
    pad = window.overlays.pin_pad
    for _ in range(5):
        type_pin(qtbot, pad, "1357")
    clocks.now = IN_2026
    qtbot.waitUntil(lambda: "in 1 minute." in pad.message.text(), timeout=3000)
    assert not pad.ok_button.isEnabled() and not pad.digit_buttons["1"].isEnabled()
    clocks.advance(FIRST_LOCK_SECONDS)
    qtbot.waitUntil(lambda: pad.digit_buttons["1"].isEnabled(), timeout=3000)
    type_pin(qtbot, pad, PIN)
    assert window.overlays.staff_panel.isVisible()
