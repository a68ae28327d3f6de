"""The staff flow and staff defaults as logic: steps, auto-close, audit, one write path."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.session.pin import hash_pin
from kiosk.session.text_size import LARGEST_STEP
from kiosk.settings import IDLE_TIMEOUT_CHOICES, SettingsStore
from tests.session.conftest import SessionFactory, staff_step


def test_staff_steps_are_announced_and_closing_one_panel_is_only_for_that_one(
    qtbot: QtBot, session: KioskSession
) -> None:
    steps: list[StaffStep] = []
    session.staff_changed.connect(steps.append)
    session.open_staff_access()
    session.open_staff_panel()
    session.leave_staff(StaffStep.PIN)  # the pad closing as the panel opens
    assert session.staff is StaffStep.PANEL
    session.show_usage()
    session.leave_staff(StaffStep.USAGE)  # Usage closed: back to the staff panel
    assert session.staff_timer.isActive(), "the panel closes itself again after a while"
    session.leave_staff(StaffStep.PANEL)
    assert steps == [StaffStep.PIN, StaffStep.PANEL, StaffStep.USAGE, StaffStep.PANEL,
                     StaffStep.CLOSED]


def test_the_staff_panel_closes_itself_unless_touched(
    qtbot: QtBot, make_session: SessionFactory
) -> None:
    session = make_session(staff_panel_timeout_s=30)
    session.open_staff_panel()
    assert session.staff_timer.isActive() and session.staff_timer.interval() == 30_000
    session.staff_timer.stop()
    session.touched()
    assert session.staff_timer.isActive(), "a touch starts the countdown again"
    with qtbot.wait_signal(session.staff_changed) as closed:
        session.staff_timer.timeout.emit()
    assert closed.args == [StaffStep.CLOSED]
    session.touched()
    assert not session.staff_timer.isActive()


def test_the_idle_timeout_steps_through_the_choices_from_the_nearest(
    make_session: SessionFactory, store: SettingsStore
) -> None:
    session = make_session(idle_timeout_s=100)  # hand-edited: not one of the choices
    assert session.defaults.step_idle_timeout(1) == 120
    for _ in IDLE_TIMEOUT_CHOICES:
        session.defaults.step_idle_timeout(1)
    assert store.settings.idle_timeout_s == IDLE_TIMEOUT_CHOICES[-1]
    for _ in IDLE_TIMEOUT_CHOICES:
        session.defaults.step_idle_timeout(-1)
    assert store.settings.idle_timeout_s == IDLE_TIMEOUT_CHOICES[0]


def test_start_language_and_text_step_are_saved_and_used_by_the_next_visit(
    session: KioskSession, store: SettingsStore
) -> None:
    session.defaults.set_language("sw")
    for _ in range(LARGEST_STEP + 2):
        session.defaults.step_text(1)
    assert store.path is not None
    saved = SettingsStore(store.path.parent).settings
    assert (saved.default_language, saved.default_text_step) == ("sw", LARGEST_STEP)
    session.reset()
    assert (session.language, session.text_step) == ("sw", LARGEST_STEP)


def _on_change_pin_pad(session: KioskSession) -> None:
    session.open_staff_panel()
    session.change_pin()


def _on_confirm_pad(session: KioskSession) -> None:
    _on_change_pin_pad(session)
    for key in "5555":
        session.press_pin_key(key)
    session.press_pin_key("ok")  # now "Type the new PIN again"


def _on_usage(session: KioskSession) -> None:
    session.open_staff_panel()
    session.show_usage()


@pytest.mark.parametrize("open_step", [
    KioskSession.open_staff_access, _on_change_pin_pad, _on_confirm_pad, _on_usage,
    KioskSession.open_staff_panel,
], ids=["PIN entry pad", "change-PIN pad", "confirm new PIN", "Usage", "staff panel"])
def test_every_staff_step_closes_after_the_staff_timeout_and_forgets_the_digits(
    qtbot: QtBot, make_session: SessionFactory, open_step: Callable[[KioskSession], None]
) -> None:
    session = make_session(staff_panel_timeout_s=30, pin_hash=hash_pin("2468"))
    open_step(session)
    session.press_pin_key("5")  # a digit typed on a pad (nothing on the panels)
    session.press_pin_key("5")
    assert session.staff_timer.isActive() and session.staff_timer.interval() == 30_000
    session.staff_timer.stop()
    session.touched()
    assert session.staff_timer.isActive(), "a touch starts the countdown again"
    with qtbot.wait_signal(session.staff_changed) as closed:
        session.staff_timer.timeout.emit()
    assert closed.args == [StaffStep.CLOSED]
    assert session.pin_entry.typed == ""
    assert not session.staff_timer.isActive()


def test_closing_the_change_pin_pad_goes_back_to_the_staff_panel_with_the_pin_unchanged(
    make_session: SessionFactory, store: SettingsStore
) -> None:
    session = make_session(pin_hash=hash_pin("2468"))
    before = store.settings.pin_hash
    _on_confirm_pad(session)
    session.press_pin_key("5")
    session.leave_staff(StaffStep.PIN)  # the pad's Close
    assert staff_step(session) is StaffStep.PANEL
    assert not session.pin_just_changed and session.pin_entry.typed == ""
    assert session.staff_timer.isActive()
    assert store.settings.pin_hash == before
    session.open_staff_access()
    session.leave_staff(StaffStep.PIN)  # the PIN entry pad's Close: staff never got in
    assert staff_step(session) is StaffStep.CLOSED


def test_staff_access_closing_is_written_to_the_audit_trail(
    make_session: SessionFactory, caplog: pytest.LogCaptureFixture
) -> None:
    session = make_session(staff_panel_timeout_s=45)
    with caplog.at_level(logging.INFO, logger="kiosk.audit"):
        _on_usage(session)
        session.staff_timed_out()
        session.open_staff_panel()
        session.leave_staff(StaffStep.PANEL)
        session.open_staff_access()
        session.staff_timed_out()
        _on_change_pin_pad(session)
        session.reset()
        session.staff_timed_out()  # nothing open: nothing to say
    assert [r.getMessage() for r in caplog.records if r.name == "kiosk.audit"] == [
        "staff panel (Usage) closed after 45 s without a touch",
        "staff panel closed by staff",
        "PIN pad closed after 45 s without a touch",
        "staff panel (Change PIN) closed by the privacy reset",
    ]


def test_the_staff_panel_opened_is_logged_only_when_the_pin_opens_it(
    make_session: SessionFactory, caplog: pytest.LogCaptureFixture
) -> None:
    session = make_session(pin_hash=hash_pin("2468"))
    with caplog.at_level(logging.INFO, logger="kiosk.audit"):
        session.open_staff_access()
        for key in "2468":
            session.press_pin_key(key)
        session.press_pin_key("ok")
        session.show_usage()
        session.leave_staff(StaffStep.USAGE)
        session.change_pin()
        session.leave_staff(StaffStep.PIN)
        assert staff_step(session) is StaffStep.PANEL
    opened = [r for r in caplog.records if r.getMessage() == "staff panel opened"]
    assert len(opened) == 1
