"""Upgrading a kiosk: the old per-visit rows become day counters and leave no trail on disk.

The old database is written with version 1's own schema, and left as a killed kiosk
leaves it (rows still in the ``-wal`` file).  The CSV staff exported before the upgrade
is made with version 1's own query.
"""

from __future__ import annotations

import csv
import logging
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.stats import CSV_HEADER, DATABASE_FILE, UsageRecorder, UsageReport, schema
from tests.stats.helpers import NOON, FakeClock, rows, total_views, total_visits
from tests.stats.old_database import (
    TRAIL_MARKERS,
    V1_CSV_QUERY,
    V1_VISITS_QUERY,
    v1_rows,
    write_v1,
)

TODAY = NOON.date()


def csv_before(path: Path) -> list[list[str]]:
    """The CSV version 1 exported: its header, then its query's rows as text.

    Today's CSV also names the kiosk in a last column (empty unless one is given).
    """
    return [list(CSV_HEADER)] + [[*(str(value) for value in row), ""]
                                 for row in v1_rows(path, V1_CSV_QUERY, "")]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def on_disk(data_dir: Path) -> bytes:
    """Every byte the database keeps: the file, its log and its shared-memory index."""
    return b"".join(path.read_bytes() for path in sorted(data_dir.glob(f"{DATABASE_FILE}*")))


@pytest.fixture
def old_database(data_dir: Path) -> tuple[int, int]:
    """Thirty days of version 1 rows up to today; (views, visits)."""
    views, visits = write_v1(data_dir / DATABASE_FILE, TODAY, days=30)
    assert views > 300 and visits > 100
    assert (data_dir / f"{DATABASE_FILE}-wal").stat().st_size > 0
    assert all(marker in on_disk(data_dir) for marker in TRAIL_MARKERS)
    return views, visits


def test_the_first_start_folds_30_days_into_counters_with_the_same_csv(
    data_dir: Path, old_database: tuple[int, int], tmp_path: Path
) -> None:
    views, visits = old_database
    path = data_dir / DATABASE_FILE
    before = csv_before(path)
    visits_before = v1_rows(path, V1_VISITS_QUERY)

    clock = FakeClock()
    recorder = UsageRecorder(data_dir, clock=clock, monotonic=clock.monotonic)
    try:
        report = recorder.report()
        after_file = tmp_path / "after.csv"
        report.export_csv(after_file)
        assert read_csv(after_file) == before
        assert total_views(data_dir) == views
        assert total_visits(data_dir) == visits
        per_day = {day.isoformat(): count for day, count in report.visits_per_day(days=30)
                   if count}
        assert per_day == {str(day): count for day, count in visits_before}
    finally:
        recorder.close()


def test_after_the_migration_no_trail_is_left_in_the_file_or_its_log(
    data_dir: Path, old_database: tuple[int, int]
) -> None:
    UsageRecorder(data_dir).close()
    assert rows(data_dir, "SELECT name FROM sqlite_master ORDER BY name") == [
        ("page_views",), ("visit_counts",)]
    wal = data_dir / f"{DATABASE_FILE}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    leftover = [marker for marker in TRAIL_MARKERS if marker in on_disk(data_dir)]
    assert leftover == [], "the old rows' schema is still in the file's free pages"
    assert rows(data_dir, "PRAGMA freelist_count") == [(0,)]


def test_visit_lengths_in_minutes_fall_in_the_same_buckets(data_dir: Path,
                                                          old_database: tuple[int, int]) -> None:
    path = data_dir / DATABASE_FILE
    found = v1_rows(path, "SELECT CASE WHEN minutes IS NULL THEN 'none' "
                          "WHEN minutes < 2 THEN 'under_2_min' "
                          "WHEN minutes < 5 THEN 'min_2_to_5' "
                          "WHEN minutes < 15 THEN 'min_5_to_15' "
                          "ELSE 'over_15_min' END AS bucket, COUNT(*) "
                          "FROM visits GROUP BY bucket")
    counted = {str(bucket): int(str(count)) for bucket, count in found}
    counted.pop("none")
    assert UsageReport(data_dir).visit_lengths() == counted


def test_a_migration_that_fails_changes_nothing(
    data_dir: Path, old_database: tuple[int, int], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    path = data_dir / DATABASE_FILE
    before = csv_before(path)
    real = schema.migrate_v1

    def fails_at_the_end(connection: sqlite3.Connection) -> tuple[int, int]:
        real(connection)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "migrate_v1", fails_at_the_end)
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        recorder = UsageRecorder(data_dir)
    assert not recorder.enabled
    assert "usage statistics are off" in caplog.text
    assert csv_before(path) == before, "the old rows are all still there"
    assert rows(data_dir, "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "ORDER BY name") == [("views",), ("visits",)]

    monkeypatch.setattr(schema, "migrate_v1", real)
    UsageRecorder(data_dir).close()  # the next start migrates
    assert total_views(data_dir) == old_database[0]


def test_stats_before_the_kiosk_ever_started_again_exports_the_same_csv(
    data_dir: Path, old_database: tuple[int, int], tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    before = csv_before(data_dir / DATABASE_FILE)
    out = tmp_path / "usage.csv"
    assert main(["stats", "--data-dir", str(data_dir), "--csv", str(out)]) == 0
    after = read_csv(out)
    assert [row[:4] for row in after] == [row[:4] for row in before]
    kiosks = {row[4] for row in after[1:]}  # the command names this kiosk in every row
    assert len(kiosks) == 1 and "" not in kiosks
    assert rows(data_dir, "PRAGMA user_version") == [(2,)]
    assert f"wrote {len(before) - 1} rows" in capsys.readouterr().out


def test_a_year_of_old_rows_migrates(data_dir: Path, tmp_path: Path) -> None:
    path = data_dir / DATABASE_FILE
    views, _visits = write_v1(path, TODAY, days=365, seed=7)
    before = csv_before(path)
    UsageRecorder(data_dir, clock=FakeClock()).close()
    exported = tmp_path / "after.csv"
    UsageReport(data_dir).export_csv(exported)
    assert read_csv(exported) == before
    assert total_views(data_dir) == views


def test_free_pages_left_by_a_vacuum_cut_short_are_compacted_at_the_next_start(
    data_dir: Path
) -> None:
    UsageRecorder(data_dir).close()
    connection = sqlite3.connect(data_dir / DATABASE_FILE)
    with connection:
        connection.executemany(
            "INSERT INTO page_views (day, page_id, language, views) VALUES (?, ?, 'en', 1)",
            [("2026-11-18", f"old-page-{index}") for index in range(3000)])
    with connection:
        connection.execute("DELETE FROM page_views")
    connection.close()
    assert rows(data_dir, "PRAGMA freelist_count")[0][0] != 0
    UsageRecorder(data_dir).close()
    assert rows(data_dir, "PRAGMA freelist_count") == [(0,)]
    assert b"old-page-" not in (data_dir / DATABASE_FILE).read_bytes()
