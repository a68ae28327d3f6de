"""Which views and touches count in the anonymous usage statistics (no window)."""

from __future__ import annotations

from kiosk.session.history import CONTACT
from kiosk.session.kiosk_session import KioskSession
from kiosk.stats import UsageRecorder
from tests.session.conftest import in_visit


def counted(recorder: UsageRecorder) -> list[tuple[str, str, int]]:
    assert recorder.flush()
    return [(page, language, views)
            for _day, page, language, views in recorder.report().daily_page_counts()]


def test_pages_count_in_the_language_read_and_home_never_does(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.touched()
    session.navigate("safety")
    session.go_home()
    session.navigate(CONTACT)
    session.set_language("sw")  # the contact page, now read in Kiswahili
    assert sorted(counted(recorder)) == [(CONTACT, "en", 1), (CONTACT, "sw", 1),
                                         ("safety", "en", 1)]


def test_nothing_counts_while_staff_have_the_kiosk(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.open_staff_access()
    session.touched()
    session.navigate("safety")
    assert not recorder.in_visit
    session.close_staff()
    session.navigate("future")
    assert counted(recorder) == [("future", "en", 1)]


def test_a_touch_opens_a_visit_the_reset_ends_and_attract_touches_do_not_reopen(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.touched()
    assert in_visit(recorder)
    session.reset()
    assert not in_visit(recorder)
    session.touched()  # the touch that ends the attract screen is not a visit yet
    assert not in_visit(recorder)
    session.idle.restart()
    session.touched()
    assert in_visit(recorder)
