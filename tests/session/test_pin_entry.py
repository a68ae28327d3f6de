"""PIN entry and the lock-out as logic: modes, notes, digits, staff access (no window)."""

from __future__ import annotations

import pytest

from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.session.pin import (
    ATTEMPTS_BEFORE_LOCK,
    FIRST_LOCK_SECONDS,
    LONGEST_LOCK_SECONDS,
    MAX_DIGITS,
    LockOut,
    hash_pin,
)
from kiosk.session.pin_entry import Note, Outcome, PadMode
from kiosk.settings import SettingsStore
from tests.session.conftest import Clock, SessionFactory, pad_state, staff_step

PIN = "2468"


def type_pin(session: KioskSession, pin: str) -> Outcome:
    for digit in pin:
        session.press_pin_key(digit)
    return session.press_pin_key("ok")


@pytest.fixture
def with_pin(make_session: SessionFactory) -> KioskSession:
    session = make_session(pin_hash=hash_pin(PIN))
    session.open_staff_access()
    return session


def test_the_right_pin_opens_the_staff_panel(with_pin: KioskSession) -> None:
    assert with_pin.staff is StaffStep.PIN and with_pin.pin_entry.mode is PadMode.ENTER
    assert type_pin(with_pin, PIN) is Outcome.ACCEPTED
    assert staff_step(with_pin) is StaffStep.PANEL and with_pin.pin_entry.typed == ""


def test_digits_are_capped_deleted_and_ok_needs_enough_of_them(with_pin: KioskSession) -> None:
    entry = with_pin.pin_entry
    for _ in range(MAX_DIGITS + 3):
        with_pin.press_pin_key("1")
    assert entry.typed == "1" * MAX_DIGITS
    for _ in range(MAX_DIGITS - 2):
        with_pin.press_pin_key("delete")
    assert entry.typed == "11" and not entry.can_submit
    assert with_pin.press_pin_key("ok") is Outcome.TYPING and entry.note is Note.NONE


def test_a_wrong_pin_says_so_and_the_next_digit_clears_the_note(with_pin: KioskSession) -> None:
    assert type_pin(with_pin, "1111") is Outcome.TYPING
    entry = with_pin.pin_entry
    assert entry.note is Note.WRONG and with_pin.staff_access.attempts_left == 4
    with_pin.press_pin_key("1")
    assert pad_state(entry)[1] is Note.NONE


def test_five_wrong_pins_lock_the_pad_until_the_clock_says_so(
    with_pin: KioskSession, clock: Clock
) -> None:
    for _ in range(ATTEMPTS_BEFORE_LOCK):
        type_pin(with_pin, "1111")
    entry = with_pin.pin_entry
    assert (entry.locked, entry.can_type) == (True, False)
    assert with_pin.staff_access.seconds_locked() == FIRST_LOCK_SECONDS
    assert type_pin(with_pin, PIN) is Outcome.TYPING, "even the right PIN waits"
    clock.now += FIRST_LOCK_SECONDS
    assert (entry.locked, entry.can_type) == (False, True)
    assert type_pin(with_pin, PIN) is Outcome.ACCEPTED


def test_each_lock_is_twice_as_long_up_to_fifteen_minutes() -> None:
    lock_out = LockOut()
    lengths = []
    for _ in range(7):
        for _ in range(ATTEMPTS_BEFORE_LOCK):
            lock_out.record_failure(0.0)
        lengths.append(lock_out.seconds_left(0.0))
    assert lengths == [60, 120, 240, 480, LONGEST_LOCK_SECONDS, LONGEST_LOCK_SECONDS,
                       LONGEST_LOCK_SECONDS]


def test_the_lock_out_survives_a_restart(
    with_pin: KioskSession, make_session: SessionFactory, store: SettingsStore
) -> None:
    for _ in range(ATTEMPTS_BEFORE_LOCK):
        type_pin(with_pin, "1111")
    assert store.path is not None
    reloaded = SettingsStore(store.path.parent)
    assert reloaded.settings.lock_out.locks == 1


def test_without_a_pin_the_pad_says_ask_it_and_takes_no_digits(session: KioskSession) -> None:
    session.open_staff_access()
    assert session.pin_entry.no_pin
    session.press_pin_key("1")
    assert session.pin_entry.typed == ""


def test_choosing_a_new_pin_needs_it_twice_and_the_right_length(
    with_pin: KioskSession,
) -> None:
    type_pin(with_pin, PIN)
    with_pin.change_pin()
    entry = with_pin.pin_entry
    assert (with_pin.staff, entry.mode) == (StaffStep.PIN, PadMode.NEW)
    type_pin(with_pin, "12")
    assert pad_state(entry) == (PadMode.NEW, Note.NONE), "OK waits for 4 digits"
    type_pin(with_pin, "1357")
    assert pad_state(entry) == (PadMode.CONFIRM, Note.NONE)
    type_pin(with_pin, "1358")
    assert pad_state(entry) == (PadMode.NEW, Note.DIFFERENT)
    type_pin(with_pin, "1357")
    assert type_pin(with_pin, "1357") is Outcome.PIN_CHANGED
    assert staff_step(with_pin) is StaffStep.PANEL
    with_pin.open_staff_access()
    assert type_pin(with_pin, PIN) is Outcome.TYPING
    assert type_pin(with_pin, "1357") is Outcome.ACCEPTED
