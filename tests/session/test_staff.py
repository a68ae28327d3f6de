"""The staff flow and staff defaults as logic: steps, auto-close, one write path."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.session.text_size import LARGEST_STEP
from kiosk.settings import IDLE_TIMEOUT_CHOICES, SettingsStore
from tests.session.conftest import SessionFactory


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
