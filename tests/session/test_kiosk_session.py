"""The visit with no window: navigation, reading choices, reset, recovery, kiosk mode."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.session.history import CONTACT, HOME
from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.session.text_size import LARGEST_STEP
from kiosk.settings import SettingsStore
from tests.session.conftest import SessionFactory


def test_navigation_signals_each_screen_and_keeps_the_way_back(
    qtbot: QtBot, session: KioskSession
) -> None:
    shown: list[str] = []
    session.screen_changed.connect(shown.append)
    session.navigate("conditions")
    session.navigate(CONTACT)
    session.go_back()
    session.go_home()
    assert shown == ["conditions", CONTACT, "conditions", HOME]
    assert not session.history.can_go_back


def test_languages_cycle_through_the_content_and_unknown_ones_fall_back_to_english(
    make_session: SessionFactory,
) -> None:
    session = make_session(languages=("en", "sw"), default_language="xx")
    assert session.language == "en" and session.following_language == "sw"
    session.next_language()
    assert session.language == "sw" and session.following_language == "en"
    session.set_language("fr")
    assert session.language == "en"
    single = make_session(languages=("en",))
    single.next_language()
    assert single.language == "en" and single.following_language is None


def test_the_text_step_is_clamped_once_for_every_way_in(
    qtbot: QtBot, make_session: SessionFactory
) -> None:
    session = make_session(default_text_step=100)  # a hand-edited settings file
    assert session.text_step == LARGEST_STEP
    with qtbot.assert_not_emitted(session.look_changed):
        session.set_text_step(LARGEST_STEP + 1)
    with qtbot.wait_signal(session.look_changed):
        session.set_text_step(-5)
    assert session.text_step == 0


def test_the_reset_forgets_the_patient_and_restores_the_defaults(
    qtbot: QtBot, make_session: SessionFactory
) -> None:
    session = make_session(default_language="sw", default_text_step=1, high_contrast=False)
    session.navigate("safety")
    session.navigate("future")
    session.set_language("en")
    session.set_text_step(3)
    session.set_high_contrast(True)
    session.open_staff_access()
    with qtbot.wait_signal(session.session_reset):
        session.reset()
    assert (session.current_screen, session.history.can_go_back) == (HOME, False)
    assert (session.language, session.text_step, session.high_contrast) == ("sw", 1, False)
    assert session.staff is StaffStep.CLOSED and session.pin_entry.typed == ""


def test_recovery_closes_staff_and_goes_home_keeping_the_reading_choices(
    qtbot: QtBot, session: KioskSession
) -> None:
    session.navigate("safety")
    session.set_text_step(2)
    session.open_staff_access()
    with qtbot.wait_signals([session.recovered, session.screen_changed]):
        session.recover()
    assert session.current_screen == HOME and session.staff is StaffStep.CLOSED
    assert session.text_step == 2


def test_kiosk_mode_is_saved_at_once_and_announced(
    qtbot: QtBot, session: KioskSession, store: SettingsStore
) -> None:
    with qtbot.wait_signal(session.kiosk_mode_changed) as changed:
        session.set_kiosk_mode(True)
    assert changed.args == [True] and session.kiosk_mode
    assert store.path is not None and SettingsStore(store.path.parent).settings.kiosk_mode


def test_exit_is_refused_in_kiosk_mode(qtbot: QtBot, session: KioskSession) -> None:
    session.set_kiosk_mode(True)
    with qtbot.assert_not_emitted(session.exit_requested):
        session.request_exit()
    session.set_kiosk_mode(False)
    with qtbot.wait_signal(session.exit_requested):
        session.request_exit()
