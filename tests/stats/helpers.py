"""What the usage tests share: a clock moved by hand, and reading the database directly."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.stats import DATABASE_FILE

NOON = datetime(2026, 11, 18, 12, 0)


class FakeClock:
    """A wall clock and a monotonic clock the test moves by hand.

    ``advance`` moves both (time passes); ``jump`` moves only the wall clock (someone or
    something set it), as a flat clock battery or a late correction does.
    """

    def __init__(self, now: datetime = NOON) -> None:
        self.now = now
        self.elapsed = 1000.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.elapsed

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.now += step
        self.elapsed += step.total_seconds()

    def jump(self, to: datetime) -> None:
        self.now = to


def rows(data_dir: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    """Query the database directly, independently of the code under test."""
    connection = sqlite3.connect(data_dir / DATABASE_FILE)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def total_views(data_dir: Path) -> int:
    """Every page view counted, all days, pages and languages."""
    found = rows(data_dir, "SELECT COALESCE(SUM(views), 0) FROM page_views")[0][0]
    assert isinstance(found, int)
    return found


def total_visits(data_dir: Path) -> int:
    """Every visit counted."""
    found = rows(data_dir, "SELECT COALESCE(SUM(visits), 0) FROM visit_counts")[0][0]
    assert isinstance(found, int)
    return found


def views_by_page(data_dir: Path) -> dict[str, int]:
    """Page views summed over days and languages, by page id."""
    found = rows(data_dir, "SELECT page_id, SUM(views) FROM page_views GROUP BY page_id")
    return {str(page): int(str(count)) for page, count in found}
