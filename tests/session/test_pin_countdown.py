"""The lock-out as the pad says it: plain minutes or seconds, counting down, unlocking itself.

No window and no real waiting: ``StaffAccess`` gets a monotonic clock the test moves, and
``PinEntry.lock_wait`` is asked the way the pad asks it each second.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.session.pin import FIRST_LOCK_SECONDS, hash_pin
from kiosk.session.pin_entry import LockWait, PadMode, PinEntry, WaitUnit
from kiosk.session.staff import StaffAccess
from kiosk.settings import SettingsStore
from tests.helpers import PIN, write_settings


class Clock:
    """Seconds that pass only when the test says so (wall and monotonic move together)."""

    def __init__(self) -> None:
        self.now = time.time()  # settings loading caps a saved lock against the real clock

    def __call__(self) -> float:
        return self.now


def entry_for(data_dir: Path, clock: Clock) -> PinEntry:
    """The pad's logic as a fresh start of the kiosk makes it (settings read from disk)."""
    return PinEntry(StaffAccess(SettingsStore(data_dir), clock=clock, monotonic=clock))


def keys_work(entry: PinEntry) -> bool:
    """Asked afresh each time, as the pad does (mypy would take an attribute as fixed)."""
    return entry.can_type


def wait(entry: PinEntry) -> LockWait | None:
    """The wait the pad shows now, asked afresh."""
    return entry.lock_wait


def lock(entry: PinEntry) -> None:
    for _ in range(5):
        for digit in "1357":
            entry.press(digit)
        entry.press("ok")


@pytest.fixture
def staff_pin(data_dir: Path) -> Path:
    write_settings(data_dir, pin_hash=hash_pin(PIN))
    return data_dir


@pytest.mark.parametrize(("seconds", "said"), [
    (900, LockWait(15, WaitUnit.MINUTES)),
    (120, LockWait(2, WaitUnit.MINUTES)),
    (115, LockWait(2, WaitUnit.MINUTES)),  # never promises less time than is left
    (61, LockWait(2, WaitUnit.MINUTES)),
    (60, LockWait(1, WaitUnit.MINUTES)),
    (59, LockWait(59, WaitUnit.SECONDS)),
    (45, LockWait(45, WaitUnit.SECONDS)),
    (1, LockWait(1, WaitUnit.SECONDS)),
])
def test_a_wait_is_said_in_whole_minutes_then_seconds(seconds: int, said: LockWait) -> None:
    assert LockWait.of(seconds) == said


def test_the_wait_counts_down_each_second_and_the_pad_unlocks_by_itself(
        staff_pin: Path) -> None:
    clock = Clock()
    entry = entry_for(staff_pin, clock)
    lock(entry)
    assert wait(entry) == LockWait(1, WaitUnit.MINUTES)
    assert not keys_work(entry)
    clock.now += 1
    assert wait(entry) == LockWait(59, WaitUnit.SECONDS)
    clock.now += 14
    assert wait(entry) == LockWait(45, WaitUnit.SECONDS)
    clock.now += FIRST_LOCK_SECONDS - 15
    assert wait(entry) is None
    assert keys_work(entry) and not entry.locked
    for digit in PIN:
        entry.press(digit)
    assert entry.press("ok").value == "accepted"


def test_after_a_restart_during_a_lock_out_the_rest_of_it_counts_down_and_ends(
        staff_pin: Path) -> None:
    clock = Clock()
    lock(entry_for(staff_pin, clock))
    clock.now += 30
    restarted = entry_for(staff_pin, clock)
    assert wait(restarted) == LockWait(30, WaitUnit.SECONDS)
    clock.now += 30
    assert wait(restarted) is None
    assert keys_work(restarted)


def test_choosing_a_new_pin_is_never_locked(staff_pin: Path) -> None:
    clock = Clock()
    entry = entry_for(staff_pin, clock)
    lock(entry)
    entry.start(PadMode.NEW)
    assert wait(entry) is None
    assert keys_work(entry)
