"""The PIN pad's lock-out counts down and unlocks by itself on a real X server (issue 20).

Staff met a pad frozen at "Try again in 115 s" when they opened it during a lock-out,
and after a restart one that stayed locked at "30 s" after the lock had ended.  Here the
real kiosk runs on its own Xvfb; the hidden gesture, the keys and Close are pressed
through the X server (XTest), and what the server holds on screen is read back
(``XGetImage``): the words change second by second, and the keys come back and open the
staff panel without closing the pad first.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.session.pin import hash_pin
from tests.helpers import PIN, write_settings
from tests.x11.conftest import Kiosk
from tests.x11.xlib import click, hold, screen_pixels

pytestmark = pytest.mark.spawns_processes  # Xvfb and the kiosk itself

SAVED_LOCK_S = 12  # left of a lock-out when the kiosk starts again
HINT = "A PIN has 4 to 8 digits."


def seconds_said(state: dict[str, Any]) -> int:
    """The wait the pad says, in seconds ("in 1 minute" is 60)."""
    message = state["message"]
    if found := re.search(r"Try again in (\d+) seconds?\.", message):
        return int(found.group(1))
    if found := re.search(r"Try again in (\d+) minutes?\.", message):
        return 60 * int(found.group(1))
    raise AssertionError(f"the pad does not say how long to wait: {message!r}")


def open_pad(kiosk: Kiosk) -> dict[str, Any]:
    """Hold the clinic's name through X until the PIN pad shows; its state."""
    hold(kiosk.display, kiosk.state()["clinic_name"], 0.6)
    kiosk.do("settle")
    state = kiosk.state()
    assert state["pin_pad_open"], "holding the clinic's name opens the PIN pad"
    return state


def type_on_pad(kiosk: Kiosk, digits: str) -> None:
    """Tap each digit, then OK, through the X server."""
    keys = kiosk.state()["keys"]
    for key in [*digits, "ok"]:
        click(kiosk.display, keys[key])
        time.sleep(0.15)
    kiosk.do("settle")


def test_after_a_restart_during_a_lock_out_the_pad_counts_down_and_unlocks_by_itself(
        start_kiosk: Callable[[], Kiosk], data_dir: Path) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=300, lock_out={
        "failures": 0, "locks": 1, "locked_until": time.time() + SAVED_LOCK_S})
    kiosk = start_kiosk()
    first = open_pad(kiosk)
    assert not first["keys_work"]
    said = [seconds_said(first)]
    assert 0 < said[0] <= SAVED_LOCK_S
    words_drawn = screen_pixels(kiosk.display, first["message_rect"])
    locked_key = screen_pixels(kiosk.display, first["keys"]["5"])
    click(kiosk.display, first["keys"]["5"])
    kiosk.do("settle")
    assert kiosk.state()["digits_typed"] == 0, "a locked pad takes no digits"

    time.sleep(2.2)
    later = kiosk.state()
    said.append(seconds_said(later))
    assert said[1] < said[0], f"the countdown is frozen at {said[0]} seconds"
    assert screen_pixels(kiosk.display, later["message_rect"]) != words_drawn, (
        "the new number is drawn on the screen, not only set")

    deadline = time.monotonic() + SAVED_LOCK_S + 20
    state = later
    while not state["keys_work"]:
        assert time.monotonic() < deadline, f"still locked: {state['message']!r}"
        assert state["pin_pad_open"], "the pad stays open while it counts"
        said.append(seconds_said(state))
        time.sleep(0.5)
        state = kiosk.state()
    assert said == sorted(said, reverse=True), f"the count went up: {said}"
    assert len(set(said)) >= 3, f"it did not count second by second: {said}"
    assert state["message"] == HINT
    assert screen_pixels(kiosk.display, state["keys"]["5"]) != locked_key, (
        "the keys are drawn as working again")

    type_on_pad(kiosk, PIN)
    assert kiosk.state()["staff_panel_open"], "the pad, never closed, opens the staff panel"


def test_a_lock_out_started_now_counts_down_and_keeps_counting_when_the_pad_reopens(
        start_kiosk: Callable[[], Kiosk], data_dir: Path) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=300)
    kiosk = start_kiosk()
    open_pad(kiosk)
    wrong = "0000" if PIN != "0000" else "1111"
    for _ in range(5):
        type_on_pad(kiosk, wrong)
    state = kiosk.state()
    assert not state["keys_work"]
    started = seconds_said(state)  # "1 minute", or "59 seconds" a moment later
    assert 50 <= started <= 60, state["message"]
    words_drawn = screen_pixels(kiosk.display, state["message_rect"])
    time.sleep(2.2)
    state = kiosk.state()
    counting = seconds_said(state)
    assert counting < min(started, 60), f"the pad still says {state['message']!r}"
    assert screen_pixels(kiosk.display, state["message_rect"]) != words_drawn

    click(kiosk.display, state["keys"]["close"])
    kiosk.do("settle")
    assert not kiosk.state()["pin_pad_open"]
    time.sleep(1.5)
    reopened = open_pad(kiosk)
    assert not reopened["keys_work"]
    first = seconds_said(reopened)
    assert first < counting, "reopened during the lock-out, it carries on from now"
    time.sleep(2.2)
    assert seconds_said(kiosk.state()) < first, "and keeps counting down"
