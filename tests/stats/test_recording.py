"""Usage statistics: recorded off the tap's path as day counters, read back, exported,
pruned and repaired.

Every test works on a real SQLite file in a temporary data folder and checks it through
its own connection, so nothing is taken from the recorder's word alone.  Time comes from
a fake clock, so counts can be made on any day.
"""

from __future__ import annotations

import csv
import logging
import random
import signal
import sqlite3
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from kiosk.session.history import HOME
from kiosk.stats import (
    CSV_HEADER,
    DATABASE_FILE,
    RETENTION_DAYS,
    UsageRecorder,
    UsageReport,
    parse_day,
    store,
)
from kiosk.ui.main_window import MainWindow
from tests.helpers import tap, tap_button, tile_titled
from tests.stats.helpers import (
    NOON,
    FakeClock,
    assert_a_prefix_of_the_views,
    kill_after_commits,
    rows,
    total_views,
    total_visits,
    views_by_page,
)

REPOSITORY = Path(__file__).resolve().parents[2]
PAGES = ("how-it-works", "conditions/depression", "safety", "contact", "treatment-day")
VISIT_COLUMNS = "day, language, visits, under_2_min, min_2_to_5, min_5_to_15, over_15_min"


def view_count(data_dir: Path) -> int:
    return total_views(data_dir)


def file_state(data_dir: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of the database and its log."""
    state = {}
    for path in sorted(data_dir.glob(f"{DATABASE_FILE}*")):
        info = path.stat()
        state[path.name] = (info.st_size, info.st_mtime_ns)
    return state


# --- recording ----------------------------------------------------------------------------


def test_views_are_recorded_and_read_back(recorder: UsageRecorder, data_dir: Path) -> None:
    recorder.touched("en")
    recorder.page_viewed("safety", "en")
    recorder.page_viewed("safety", "en")
    recorder.page_viewed("conditions/depression", "sw")
    assert recorder.flush()

    stored = rows(data_dir, "SELECT day, page_id, language, views FROM page_views "
                            "ORDER BY page_id")
    assert stored == [("2026-11-18", "conditions/depression", "sw", 1),
                      ("2026-11-18", "safety", "en", 2)]
    assert recorder.report().daily_page_counts() == [
        ("2026-11-18", "conditions/depression", "sw", 1), ("2026-11-18", "safety", "en", 2)]
    assert recorder.committed_views == 3


def test_only_day_counters_are_kept(recorder: UsageRecorder, data_dir: Path) -> None:
    """No row per view or visit, no hour, nothing that links a view to a visit."""
    recorder.touched("en")
    recorder.page_viewed("safety", "en")
    assert recorder.flush()
    names = [name for (name,) in rows(data_dir, "SELECT name FROM sqlite_master "
                                                "WHERE type = 'table' ORDER BY name")]
    assert names == ["page_views", "visit_counts"]
    columns = {table: [row[1] for row in rows(data_dir, f"PRAGMA table_info({table})")]
               for table in names}
    assert columns == {"page_views": ["day", "page_id", "language", "views"],
                       "visit_counts": ["day", "language", "visits", "under_2_min",
                                        "min_2_to_5", "min_5_to_15", "over_15_min"]}
    assert rows(data_dir, "PRAGMA journal_mode") == [("wal",)]
    assert rows(data_dir, "PRAGMA user_version") == [(2,)]


def test_a_tap_does_not_touch_the_disk(recorder: UsageRecorder, data_dir: Path) -> None:
    before = file_state(data_dir)
    for index in range(200):
        recorder.page_viewed(PAGES[index % len(PAGES)], "en")
    time.sleep(0.2)  # the writer is awake and holding the batch, not writing it
    assert file_state(data_dir) == before
    assert view_count(data_dir) == 0

    assert recorder.flush()
    assert file_state(data_dir) != before
    assert view_count(data_dir) == 200


def test_at_start_up_the_database_waits_for_the_writer(data_dir: Path) -> None:
    """The kiosk's recorder opens nothing before its first paint, then records as ever."""
    recorder = UsageRecorder(data_dir, open_now=False)
    try:
        assert not (data_dir / DATABASE_FILE).exists()
        recorder.start()
        recorder.page_viewed("safety", "en")
        assert recorder.flush()
        assert view_count(data_dir) == 1
    finally:
        recorder.close()


def test_a_recorder_not_yet_started_starts_with_its_first_event(data_dir: Path) -> None:
    recorder = UsageRecorder(data_dir, open_now=False)
    try:
        recorder.page_viewed("safety", "en")
        assert recorder.flush()
        assert view_count(data_dir) == 1
    finally:
        recorder.close()


def test_a_tap_is_far_quicker_than_the_write_it_defers(recorder: UsageRecorder) -> None:
    """A batch of taps, each timed, then the flush that writes them, twenty times over."""
    taps, writes = [], []
    for _ in range(20):
        for index in range(10):
            started = time.perf_counter()
            recorder.page_viewed(PAGES[index % len(PAGES)], "en")
            taps.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert recorder.flush()
        writes.append(time.perf_counter() - started)
    assert median(taps) * 10 < median(writes), (median(taps), median(writes))


def test_the_writer_commits_on_its_own_after_the_interval(data_dir: Path) -> None:
    recorder = UsageRecorder(data_dir, flush_interval=0.05)
    try:
        recorder.page_viewed("safety", "en")
        deadline = time.monotonic() + 10
        while recorder.committed_views < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert view_count(data_dir) == 1
    finally:
        recorder.close()


def test_visits_are_split_by_the_idle_reset(recorder: UsageRecorder, data_dir: Path,
                                            clock: FakeClock) -> None:
    recorder.page_viewed("home-before-any-touch", "en")
    recorder.touched("en")
    recorder.page_viewed("how-it-works", "en")
    clock.advance(minutes=4, seconds=50)
    recorder.touched("en")  # still the same visit
    recorder.page_viewed("safety", "en")
    recorder.visit_ended()  # the idle reset
    recorder.visit_ended()  # a second reset without a touch changes nothing
    assert not recorder.in_visit
    clock.advance(hours=1)
    recorder.touched("sw")
    recorder.page_viewed("contact", "sw")
    recorder.close()  # closing ends the open visit

    assert rows(data_dir, f"SELECT {VISIT_COLUMNS} FROM visit_counts ORDER BY language") == [
        ("2026-11-18", "en", 1, 0, 1, 0, 0), ("2026-11-18", "sw", 1, 1, 0, 0, 0)]
    assert rows(data_dir, "SELECT page_id, views FROM page_views ORDER BY page_id") == [
        ("contact", 1), ("home-before-any-touch", 1), ("how-it-works", 1), ("safety", 1)]


def test_visit_lengths_fall_in_coarse_buckets(recorder: UsageRecorder, data_dir: Path,
                                              clock: FakeClock) -> None:
    for minutes in (0, 1.99, 2, 4.99, 5, 14.99, 15, 240):
        recorder.visit_started("en")
        clock.advance(minutes=minutes)
        recorder.visit_ended()
    assert recorder.flush()
    assert rows(data_dir, f"SELECT {VISIT_COLUMNS} FROM visit_counts") == [
        ("2026-11-18", "en", 8, 2, 2, 2, 2)]


def test_a_visit_still_open_is_counted_without_a_length(data_dir: Path,
                                                        clock: FakeClock) -> None:
    recorder = UsageRecorder(data_dir, clock=clock, monotonic=clock.monotonic,
                             flush_interval=60)
    recorder.visit_started("en")
    recorder.visit_started("sw")  # a new visit ends the open one
    assert recorder.flush()
    assert rows(data_dir, f"SELECT {VISIT_COLUMNS} FROM visit_counts ORDER BY language") == [
        ("2026-11-18", "en", 1, 1, 0, 0, 0), ("2026-11-18", "sw", 1, 0, 0, 0, 0)]
    recorder.close()


def test_recording_after_close_is_ignored(data_dir: Path) -> None:
    recorder = UsageRecorder(data_dir, flush_interval=60)
    recorder.page_viewed("safety", "en")
    recorder.close()
    recorder.close()
    recorder.page_viewed("safety", "en")
    assert not recorder.enabled
    assert not recorder.flush()
    assert view_count(data_dir) == 1


# --- the window's wiring, as the package docstring describes it --------------------------


def wire(window: MainWindow, recorder: UsageRecorder) -> None:
    """Connect the recorder the way ``kiosk.stats`` asks, from outside the window."""

    def touched() -> None:
        if not window.overlays.staff_panel.is_open and not window.overlays.pin_pad.is_open:
            recorder.touched(window.session.language)

    def shown(screen_id: str) -> None:
        if screen_id != HOME:
            recorder.page_viewed(screen_id, window.session.language)

    window.lockdown.guard.activity.connect(touched)
    window.session.screen_changed.connect(shown)
    window.session.session_reset.connect(recorder.visit_ended)


def test_navigation_records_views_and_the_idle_reset_splits_visits(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    stats_dir = tmp_path / "stats"
    recorder = UsageRecorder(stats_dir, flush_interval=60)
    wire(window, recorder)
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    tap_button(qtbot, window.nav_bar.home_button)
    tap(qtbot, tile_titled(window, "Conditions being studied"))
    tap(qtbot, tile_titled(window, "Trauma and PTSD"))
    window.session.reset()  # what the idle timer does
    tile = tile_titled(window, "How it works")
    attract = window.overlays.attract
    tap(qtbot, attract, QPoint(tile.mapTo(attract.host, tile.rect().center())))
    tap(qtbot, tile)
    recorder.close()

    assert rows(stats_dir, "SELECT language, visits FROM visit_counts") == [("en", 2)]
    assert rows(stats_dir, "SELECT page_id, views FROM page_views ORDER BY page_id") == [
        ("conditions", 1), ("conditions/trauma-ptsd", 1), ("how-it-works", 1), ("safety", 1)]


# --- queries and export -------------------------------------------------------------------


def test_visits_per_day_lists_every_day_with_zeros(recorder: UsageRecorder,
                                                   clock: FakeClock) -> None:
    today = NOON.date()
    expected: Counter[date] = Counter()
    for days_back, visits in ((0, 3), (1, 1), (7, 2), (29, 4), (30, 5), (45, 1)):
        clock.now = NOON - timedelta(days=days_back)
        for _ in range(visits):
            recorder.visit_started("en")
            recorder.visit_ended()
        expected[today - timedelta(days=days_back)] += visits
    clock.now = NOON

    per_day = recorder.report().visits_per_day(days=30)
    assert [day for day, _count in per_day] == [today - timedelta(days=n)
                                                 for n in range(29, -1, -1)]
    assert per_day == [(day, expected[day]) for day, _count in per_day]
    assert sum(count for _day, count in per_day) == 3 + 1 + 2 + 4


def test_top_pages_counts_this_month_only(recorder: UsageRecorder, clock: FakeClock) -> None:
    views = {"safety": 5, "how-it-works": 3, "contact": 3, "future": 1}
    for page, count in views.items():
        for index in range(count):
            recorder.page_viewed(page, "en" if index % 2 else "sw")
    clock.now = datetime(2026, 10, 31, 23, 0)  # last month: not counted
    for _ in range(9):
        recorder.page_viewed("future", "en")
    report = recorder.report()

    assert report.top_pages(month_of=NOON.date()) == [
        ("safety", 5), ("contact", 3), ("how-it-works", 3), ("future", 1)]
    assert report.top_pages(month_of=NOON.date(), limit=2) == [("safety", 5), ("contact", 3)]
    assert report.top_pages(month_of=date(2026, 10, 2)) == [("future", 9)]


def test_export_matches_the_database(recorder: UsageRecorder, clock: FakeClock,
                                     data_dir: Path, tmp_path: Path) -> None:
    generator = random.Random(10)
    recorded: Counter[tuple[str, str, str]] = Counter()
    for _ in range(600):
        clock.now = NOON - timedelta(days=generator.randrange(60),
                                     hours=generator.randrange(10))
        page, language = generator.choice(PAGES), generator.choice(("en", "sw"))
        recorder.page_viewed(page, language)
        recorded[(clock.now.date().isoformat(), page, language)] += 1
    since = NOON.date() - timedelta(days=20)
    report = recorder.report()
    everything, recent = tmp_path / "all.csv", tmp_path / "recent.csv"

    assert report.export_csv(everything) == len(recorded)
    assert report.export_csv(recent, since=since) < len(recorded)

    def read(path: Path) -> list[list[str]]:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))

    direct = rows(data_dir, "SELECT day, page_id, language, views FROM page_views "
                            "ORDER BY day, page_id, language")
    exported = read(everything)
    assert exported[0] == list(CSV_HEADER)
    assert exported[1:] == [[*(str(value) for value in row), ""] for row in direct]
    assert {(day, page, language): int(views) for day, page, language, views, _kiosk
            in exported[1:]} == dict(recorded)
    assert read(recent)[1:] == [row for row in exported[1:] if row[0] >= since.isoformat()]


def test_a_missing_database_reads_as_no_data(tmp_path: Path) -> None:
    report = UsageReport(tmp_path / "never-used")
    assert report.visits_per_day(days=3, today=NOON.date()) == [
        (NOON.date() - timedelta(days=n), 0) for n in (2, 1, 0)]
    assert report.top_pages() == []
    assert report.export_csv(tmp_path / "out.csv") == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines() == [
        ",".join(CSV_HEADER)]
    assert report.warning == ""
    assert not (tmp_path / "never-used").exists()


def test_parse_day() -> None:
    assert parse_day("2026-02-28") == date(2026, 2, 28)
    for wrong in ("28/02/2026", "2026-02-30", "yesterday"):
        with pytest.raises(ValueError, match="2026-01-31"):
            parse_day(wrong)


# --- retention ----------------------------------------------------------------------------


def test_counts_older_than_400_days_are_removed_at_open(data_dir: Path) -> None:
    today = NOON.date()
    old = FakeClock()
    recorder = UsageRecorder(data_dir, clock=old, monotonic=old.monotonic, flush_interval=60)
    for age in (RETENTION_DAYS + 30, RETENTION_DAYS + 1, RETENTION_DAYS, RETENTION_DAYS - 1, 0):
        old.now = NOON - timedelta(days=age)
        recorder.visit_started("en")
        recorder.page_viewed(f"page-{age}", "en")
    recorder.close()
    assert view_count(data_dir) == 5

    UsageRecorder(data_dir, clock=FakeClock(), flush_interval=60).close()

    kept_days = [today - timedelta(days=age) for age in (RETENTION_DAYS, RETENTION_DAYS - 1, 0)]
    expected = [(day.isoformat(),) for day in kept_days]
    assert rows(data_dir, "SELECT day FROM page_views ORDER BY day") == expected
    assert rows(data_dir, "SELECT day FROM visit_counts ORDER BY day") == expected


def test_a_kiosk_left_running_prunes_once_a_day(recorder: UsageRecorder, clock: FakeClock,
                                                data_dir: Path) -> None:
    first_day = clock.now.date()
    for _ in range(RETENTION_DAYS + 2):
        recorder.page_viewed("safety", "en")
        assert recorder.flush()
        clock.advance(days=1)
    days = [date.fromisoformat(str(day)) for (day,) in
            rows(data_dir, "SELECT day FROM page_views ORDER BY day")]
    assert days[0] == first_day + timedelta(days=1), "the first day went on day 401"
    assert len(days) == RETENTION_DAYS + 1


# --- disk trouble -------------------------------------------------------------------------


def damaged_database(data_dir: Path) -> bytes:
    """A real database with its table pages overwritten; its original bytes."""
    recorder = UsageRecorder(data_dir, flush_interval=60)
    for index in range(2000):
        recorder.page_viewed(f"page-{index}", "en")  # a counter each: several pages
    recorder.close()
    path = data_dir / DATABASE_FILE
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(bytes(random.Random(1).randrange(256) for _ in range(4096 * 3)))
    return path.read_bytes()


def not_a_database(data_dir: Path) -> bytes:
    content = b"this is not a database\n" * 200
    (data_dir / DATABASE_FILE).write_bytes(content)
    return content


@pytest.mark.parametrize("damage", [not_a_database, damaged_database])
def test_a_corrupt_database_is_moved_aside_and_replaced(
    damage: object, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert callable(damage)
    original = damage(data_dir)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        recorder = UsageRecorder(data_dir, flush_interval=60)
    try:
        assert recorder.enabled
        aside = sorted(data_dir.glob(f"{DATABASE_FILE}.corrupt-*"))
        assert [path.read_bytes() for path in aside if not path.name.endswith("-wal")] == [
            original]
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any("corrupt" in message and str(aside[0]) in message for message in warnings)

        recorder.page_viewed("safety", "en")
        assert recorder.flush()
        assert rows(data_dir, "SELECT page_id, views FROM page_views") == [("safety", 1)]
        assert rows(data_dir, "PRAGMA integrity_check") == [("ok",)]
    finally:
        recorder.close()


def test_a_report_on_a_corrupt_file_says_why_and_shows_nothing(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_database(data_dir)
    report = UsageReport(data_dir)
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        assert report.top_pages() == []
    assert "cannot be read" in report.warning
    assert report.warning in caplog.text


def test_an_unusable_data_folder_records_nothing_and_never_raises(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        recorder = UsageRecorder(blocked)
    assert "usage statistics are off" in caplog.text
    assert not recorder.enabled
    recorder.touched("en")
    recorder.page_viewed("safety", "en")
    recorder.visit_ended()
    assert not recorder.flush()
    assert recorder.report().daily_page_counts() == []
    recorder.close()


def test_a_failed_write_is_logged_once_kept_and_written_later(
    recorder: UsageRecorder, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    def disk_error(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch, caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        patch.setattr(store, "add", disk_error)
        for _ in range(3):
            recorder.page_viewed("safety", "en")
            assert not recorder.flush()
    assert [r.getMessage() for r in caplog.records] == [
        "usage statistics: 1 page views could not be written yet, kept in memory to try "
        "again (disk I/O error)"]
    recorder.page_viewed("contact", "en")
    assert recorder.flush()
    assert rows(data_dir, "SELECT page_id, views FROM page_views ORDER BY page_id") == [
        ("contact", 1), ("safety", 3)]


def test_a_full_disk_loses_no_count_once_there_is_room(
    recorder: UsageRecorder, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite's own "database or disk is full", made real by capping the file's size."""
    recorder.page_viewed("safety", "en")
    assert recorder.flush()
    pages = rows(data_dir, "PRAGMA page_count")[0][0]
    connection = recorder._writer.connection if recorder._writer else None
    assert connection is not None
    connection.execute(f"PRAGMA max_page_count = {pages}")  # the writer is idle: flushed
    recorded: Counter[str] = Counter({"safety": 1})
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        for index in range(300):  # new counters need new pages: the disk is "full"
            recorder.page_viewed(f"page-{index}", "en")
            recorded[f"page-{index}"] += 1
        assert not recorder.flush()
    assert "database or disk is full" in caplog.text
    assert total_views(data_dir) == 1
    connection.execute("PRAGMA max_page_count = 1073741823")
    recorder.page_viewed("safety", "en")
    recorded["safety"] += 1
    assert recorder.flush()
    assert views_by_page(data_dir) == dict(recorded)


def test_a_crashed_writer_stops_recording_without_hanging_anyone(
    recorder: UsageRecorder, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    def bug(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "add", bug)
    recorder.page_viewed("safety", "en")
    started = time.monotonic()
    assert not recorder.flush(timeout=30)
    assert time.monotonic() - started < 10
    assert "usage recording stopped" in caplog.text
    assert not recorder.enabled
    recorder.page_viewed("safety", "en")  # ignored, never raises


def test_no_data_folder_means_no_recording_and_no_warning(
    caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        recorder = UsageRecorder(None)
        recorder.page_viewed("safety", "en")
        recorder.close()
    assert not recorder.enabled
    assert caplog.records == []


# --- a power cut --------------------------------------------------------------------------

WRITER_SCRIPT = """
import sys, time
from pathlib import Path
from kiosk.stats import UsageRecorder

recorder = UsageRecorder(Path(sys.argv[1]), flush_interval=0.02)
print("qt imported:", "PySide6" in sys.modules, flush=True)
reported = recorded = 0
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    if recorded % 25 == 0:
        recorder.visit_started("en" if recorded % 2 else "sw")
    recorder.page_viewed(f"page-{recorded % 7}", "en")
    recorded += 1
    if recorder.committed_views != reported:
        reported = recorder.committed_views
        print("committed", reported, flush=True)
    time.sleep(0.0005)
"""


@pytest.mark.spawns_processes
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_mid_session_loses_nothing_committed(data_dir: Path) -> None:
    commits = kill_after_commits([sys.executable, "-c", WRITER_SCRIPT, str(data_dir)], 8)
    assert_a_prefix_of_the_views(data_dir, commits)


def test_counts_the_disk_never_took_are_logged_when_the_kiosk_closes(
    recorder: UsageRecorder, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def disk_error(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "add", disk_error)
    for _ in range(4):
        recorder.page_viewed("safety", "en")
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        recorder.close()
    assert "4 page views were never written" in caplog.text


def test_a_discarded_visit_is_taken_back_written_or_not_and_has_no_length(
    recorder: UsageRecorder, clock: FakeClock, data_dir: Path
) -> None:
    recorder.visit_started("en")
    recorder.visit_discarded()  # still queued
    recorder.visit_started("sw")
    assert recorder.flush()
    clock.advance(minutes=1)
    recorder.visit_discarded()  # already on disk
    recorder.visit_discarded()  # none open: nothing
    recorder.visit_started("en")
    clock.advance(minutes=3)
    recorder.visit_ended()
    assert recorder.flush()
    assert total_visits(data_dir) == 1
    assert rows(data_dir, "SELECT language, visits, min_2_to_5, under_2_min FROM visit_counts "
                "WHERE visits > 0") == [("en", 1, 1, 0)]


def test_a_visit_taken_back_after_its_row_was_lost_never_leaves_a_negative_count(
    recorder: UsageRecorder, data_dir: Path
) -> None:
    import sqlite3

    from kiosk.stats import DATABASE_FILE

    recorder.visit_started("en")
    assert recorder.flush()
    with sqlite3.connect(data_dir / DATABASE_FILE) as other:  # e.g. a file set aside
        other.execute("DELETE FROM visit_counts")
    recorder.visit_discarded()  # then the open visit turns out to be staff's
    assert recorder.flush()
    assert rows(data_dir, "SELECT count(*) FROM visit_counts WHERE visits < 0") == [(0,)]
    assert total_visits(data_dir) == 0
