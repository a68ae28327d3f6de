"""Which views and touches count in the anonymous usage statistics (no window)."""

from __future__ import annotations

from kiosk.session.history import CONTACT
from kiosk.session.kiosk_session import KioskSession, StaffStep
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



def visits(recorder: UsageRecorder) -> int:
    return sum(count for _day, count in recorder.report().visits_per_day())


def test_the_touches_that_lead_to_the_staff_hold_are_no_visit(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.touched()  # a tap to wake the screen: the first touch of a "visit"...
    session.touched()  # the press on the clinic's name
    session.touched()  # the finger trembling while held
    assert recorder.flush()  # ...already written before the hold completes
    session.open_staff_access()
    assert not in_visit(recorder)
    session.touched()  # typing the PIN
    session.close_staff()
    assert visits(recorder) == 0
    session.touched()  # the next patient
    assert visits(recorder) == 1


def test_a_patients_visit_that_read_a_page_before_the_hold_still_counts_once(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.touched()
    session.navigate("safety")
    session.go_home()
    session.touched()  # the press on the clinic's name, in the middle of the visit
    session.open_staff_access()
    assert in_visit(recorder)
    session.close_staff()
    session.touched()
    session.navigate("future")
    session.reset()
    assert visits(recorder) == 1
    assert sorted(counted(recorder)) == [("future", "en", 1), ("safety", "en", 1)]


def test_a_patient_who_holds_the_name_by_chance_first_is_counted_from_the_next_touch(
    session: KioskSession, recorder: UsageRecorder
) -> None:
    session.touched()  # a long press on the name, the first thing the patient does
    session.open_staff_access()
    session.leave_staff(StaffStep.PIN)  # no PIN: they close the pad
    session.touched()
    session.navigate("safety")
    session.reset()
    assert visits(recorder) == 1 and counted(recorder) == [("safety", "en", 1)]
