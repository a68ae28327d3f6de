"""Where the patient is and the way back: the Back button's trail."""

from __future__ import annotations

from kiosk.session.history import CONTACT, HOME, History


def test_a_new_visit_starts_at_home_with_nowhere_to_go_back_to() -> None:
    history = History()
    assert history.current == HOME and not history.can_go_back
    assert history.back() == HOME


def test_back_retraces_the_trail_one_screen_at_a_time() -> None:
    history = History()
    for screen in ("conditions", "conditions/depression", CONTACT):
        history.visit(screen)
    assert [history.back(), history.back(), history.back()] == [
        "conditions/depression", "conditions", HOME]
    assert not history.can_go_back


def test_going_round_a_circle_of_links_never_grows_the_trail() -> None:
    history = History()
    for _ in range(50):
        for screen in ("safety", "future", "safety"):
            history.visit(screen)
    assert history.current == "safety"
    assert history.back() == HOME


def test_home_and_clear_forget_the_trail() -> None:
    history = History()
    history.visit("safety")
    history.visit(HOME)
    assert history.current == HOME and not history.can_go_back
    history.visit("future")
    history.clear()
    assert history.current == HOME and not history.can_go_back
