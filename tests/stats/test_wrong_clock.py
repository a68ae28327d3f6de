"""Usage counts under a wrong wall clock: nothing is deleted on its word, no count is lost.

A kiosk PC with a flat clock battery and no network boots with any date.  The clock is
injected: ``advance`` is time passing, ``jump`` is the wall clock being set.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.stats import RETENTION_DAYS, UsageRecorder
from tests.stats.helpers import NOON, FakeClock, rows, total_views, total_visits

WRONG = datetime(2045, 7, 15, 9, 0)


def recorder_on(data_dir: Path, clock: FakeClock) -> UsageRecorder:
    return UsageRecorder(data_dir, clock=clock, monotonic=clock.monotonic, flush_interval=60)


def thirty_days_of_history(data_dir: Path) -> FakeClock:
    """60 page views and 30 visits, one visit a day for the 30 days up to NOON."""
    clock = FakeClock(NOON - timedelta(days=29))
    recorder = recorder_on(data_dir, clock)
    for _ in range(30):
        recorder.visit_started("en")
        recorder.page_viewed("safety", "en")
        recorder.page_viewed("how-it-works", "en")
        clock.advance(minutes=3)
        recorder.visit_ended()
        assert recorder.flush()
        clock.advance(days=1, minutes=-3)
    recorder.close()
    assert (total_views(data_dir), total_visits(data_dir)) == (60, 30)
    return clock


def days_counted(data_dir: Path) -> list[str]:
    return [str(day) for (day,) in rows(data_dir, "SELECT DISTINCT day FROM page_views "
                                                  "ORDER BY day")]


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.INFO, logger="kiosk.stats"):
        yield caplog


def test_a_start_with_the_clock_at_2045_deletes_no_history(
    data_dir: Path, warnings: pytest.LogCaptureFixture
) -> None:
    thirty_days_of_history(data_dir)
    recorder_on(data_dir, FakeClock(WRONG)).close()
    assert (total_views(data_dir), total_visits(data_dir)) == (60, 30)
    assert "not pruning, the clock says 2045-07-15, 6814 days after the newest counts " \
           "(2026-11-18)" in warnings.text


def test_a_clock_years_ahead_that_runs_on_for_days_then_is_corrected_deletes_nothing(
    data_dir: Path, warnings: pytest.LogCaptureFixture
) -> None:
    thirty_days_of_history(data_dir)
    clock = FakeClock(WRONG)
    recorder = recorder_on(data_dir, clock)
    for _ in range(3):  # three days at 2045: each new day the writer considers pruning
        recorder.visit_started("sw")
        recorder.page_viewed("contact", "sw")
        recorder.visit_ended()
        assert recorder.flush()
        clock.advance(days=1)
    assert "no counts at all from 2026-11-18 to 2045-07-15 looks like a clock that " \
           "jumped ahead" in warnings.text
    clock.jump(NOON + timedelta(days=1))  # corrected while running
    recorder.page_viewed("safety", "en")
    assert recorder.flush()
    recorder.close()

    assert total_views(data_dir) == 60 + 3 + 1
    assert total_visits(data_dir) == 30 + 3
    assert "earlier than the newest counts (2045-07-17)" in warnings.text
    assert days_counted(data_dir)[0] == (NOON - timedelta(days=29)).date().isoformat()


def test_a_backward_jump_neither_loses_nor_doubles_a_days_counts(
    data_dir: Path, warnings: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(datetime(2026, 11, 18, 0, 30))
    recorder = recorder_on(data_dir, clock)
    for _ in range(4):
        recorder.page_viewed("safety", "en")
    assert recorder.flush()
    clock.jump(datetime(2026, 11, 17, 23, 50))  # set back 40 minutes, over midnight
    for _ in range(3):
        recorder.page_viewed("safety", "en")
    assert recorder.flush()
    clock.jump(datetime(2026, 11, 18, 0, 35))
    recorder.page_viewed("safety", "en")
    recorder.close()

    assert rows(data_dir, "SELECT day, views FROM page_views ORDER BY day") == [
        ("2026-11-17", 3), ("2026-11-18", 5)]
    assert "not pruning, the clock says 2026-11-17, earlier than the newest counts" \
        in warnings.text


def test_a_forward_jump_past_the_plausible_gap_waits_then_prunes_on_a_day_with_counts(
    data_dir: Path, warnings: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(NOON - timedelta(days=RETENTION_DAYS + 5))
    recorder = recorder_on(data_dir, clock)
    recorder.page_viewed("old", "en")  # 405 days ago: due for deletion
    assert recorder.flush()
    for age in range(60, -1, -1):  # then two months of daily use up to NOON
        clock.jump(NOON - timedelta(days=age))
        recorder.page_viewed("recent", "en")
        assert recorder.flush()
    recorder.close()
    assert "not pruning" in warnings.text  # the jump from 405 to 60 days ago
    assert rows(data_dir, "SELECT page_id, SUM(views) FROM page_views GROUP BY page_id") == [
        ("recent", 61)]
    assert "usage counts: deleted 1 day counters older than" in warnings.text


def test_a_visit_is_timed_on_the_monotonic_clock_and_counted_on_the_day_it_began(
    data_dir: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 18, 23, 58))
    recorder = recorder_on(data_dir, clock)
    recorder.visit_started("en")
    clock.advance(minutes=3)  # past midnight
    clock.jump(clock.now - timedelta(hours=5))  # and the wall clock is set back
    recorder.visit_ended()
    recorder.visit_started("sw")
    clock.advance(minutes=1)
    clock.jump(clock.now + timedelta(hours=30))  # a jump ahead mid-visit: still short
    recorder.visit_ended()
    recorder.close()
    assert rows(data_dir, "SELECT day, language, visits, under_2_min, min_2_to_5, "
                          "over_15_min FROM visit_counts ORDER BY day, language") == [
        ("2026-11-18", "en", 1, 0, 1, 0), ("2026-11-18", "sw", 1, 1, 0, 0)]


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (POSIX)")
def test_days_are_the_local_date(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """UTC+14 (a POSIX rule, no tzdata needed): most of the day it is not the UTC date."""
    monkeypatch.setenv("TZ", "<+14>-14")
    time.tzset()
    try:
        recorder = UsageRecorder(data_dir, flush_interval=60)
        recorder.page_viewed("safety", "en")
        recorder.close()
        local_today = date.fromtimestamp(time.time())
    finally:
        monkeypatch.undo()
        time.tzset()
    assert days_counted(data_dir) == [local_today.isoformat()]
