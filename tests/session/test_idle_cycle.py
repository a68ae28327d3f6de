"""The idle cycle, stepped with no real waiting: active -> "Still reading?" -> attract."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.session.history import HOME
from kiosk.session.idle import IdleState
from kiosk.session.kiosk_session import KioskSession
from tests.session.conftest import SessionFactory, idle_state


def test_a_new_session_is_active_with_the_idle_time_ahead(session: KioskSession) -> None:
    assert session.idle.state is IdleState.ACTIVE
    assert session.idle.idle_timer.isActive()
    assert session.idle.idle_timer.interval() == session.settings.idle_timeout_s * 1000


def test_idle_time_up_warns_and_counts_down_each_second(
    qtbot: QtBot, make_session: SessionFactory
) -> None:
    session = make_session(warning_s=3)
    counted: list[int] = []
    session.idle.countdown_changed.connect(counted.append)
    with qtbot.wait_signal(session.idle.state_changed) as warned:
        session.idle.idle_elapsed()
    assert warned.args == [IdleState.WARNING]
    assert not session.idle.idle_timer.isActive() and session.idle.tick_timer.isActive()
    session.idle.tick()
    session.idle.tick()
    assert counted == [3, 2, 1]
    assert session.idle.state is IdleState.WARNING


def test_the_countdown_at_zero_resets_the_visit_and_shows_attract(
    qtbot: QtBot, make_session: SessionFactory
) -> None:
    session = make_session(warning_s=2)
    session.navigate("safety")
    session.idle.idle_elapsed()
    session.idle.tick()
    with qtbot.wait_signal(session.session_reset):
        session.idle.tick()
    assert session.idle.state is IdleState.ATTRACT
    assert session.current_screen == HOME
    assert not session.idle.idle_timer.isActive() and not session.idle.tick_timer.isActive()


def test_keep_reading_goes_back_to_active_with_the_whole_idle_time(
    qtbot: QtBot, session: KioskSession
) -> None:
    session.navigate("safety")
    session.idle.idle_elapsed()
    with qtbot.assert_not_emitted(session.session_reset):
        session.idle.keep_reading()
        for _ in range(session.settings.warning_s + 1):
            session.idle.tick()  # a countdown still running would reset the visit
    assert session.idle.state is IdleState.ACTIVE
    assert session.idle.idle_timer.isActive() and not session.idle.tick_timer.isActive()
    assert session.current_screen == "safety"


def test_touches_during_the_warning_or_attract_leave_the_cycle_alone(
    session: KioskSession,
) -> None:
    """A touch then belongs to the panel or attract screen it lands on, which answers."""
    session.idle.idle_elapsed()
    session.touched()
    assert session.idle.state is IdleState.WARNING
    session.reset()
    session.touched()
    assert idle_state(session) is IdleState.ATTRACT
    assert not session.idle.idle_timer.isActive()
    session.idle.restart()  # the touch that dismisses the attract screen
    assert idle_state(session) is IdleState.ACTIVE and session.idle.idle_timer.isActive()


def test_a_touch_while_active_restarts_the_idle_time(make_session: SessionFactory) -> None:
    session = make_session(idle_timeout_s=90)
    session.settings.idle_timeout_s = 30  # staff chose a shorter time meanwhile
    session.touched()
    assert session.idle.idle_timer.interval() == 30_000
    session.idle.idle_elapsed()
    session.idle.idle_elapsed()  # a second timeout changes nothing
    assert session.idle.seconds_left == session.settings.warning_s


def test_keep_reading_after_the_countdown_ran_out_changes_nothing(
    session: KioskSession,
) -> None:
    """The reset closes the warning too; that close is not a patient's Keep reading."""
    session.settings.warning_s = 1
    session.session_reset.connect(session.idle.keep_reading)  # as the closing panel does
    session.idle.idle_elapsed()
    session.idle.tick()
    assert session.idle.state is IdleState.ATTRACT
    assert not session.idle.idle_timer.isActive()
