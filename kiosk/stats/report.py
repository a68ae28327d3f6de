"""Reading the usage counters: the staff Usage page's figures and the CSV export.

Each query opens its own short, read-only connection, so it never blocks the writer
(WAL readers and the writer do not wait for each other) and never creates a database.
A missing database reads as no data; an unreadable one is logged, reads as no data and
leaves the reason in ``UsageReport.warning``.  A database still in the old per-visit
form (version 1, before the kiosk's first start after the upgrade) is migrated first.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.stats.common import Clock, database_path
from kiosk.stats.schema import SCHEMA_VERSION
from kiosk.stats.tally import LENGTH_BUCKETS

log = logging.getLogger(__name__)

CSV_HEADER = ("date", "page_id", "language", "views", "kiosk")
DayPageCount = tuple[str, str, str, int]


def parse_day(text: str) -> date:
    """``2026-01-31`` -> a date; ``ValueError`` otherwise (usable as an argparse ``type``)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"a date must look like 2026-01-31, not {text!r}") from None


def month_bounds(day: date) -> tuple[date, date]:
    """The first day of ``day``'s month and the first day of the next."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following


class UsageReport:
    """Queries over the usage database of one data folder (``None``: always empty)."""

    def __init__(self, data_dir: Path | None, *, clock: Clock = datetime.now) -> None:
        self.path = database_path(data_dir) if data_dir is not None else None
        self.warning = ""
        self._clock = clock

    def visits_per_day(self, days: int = 30,
                       today: date | None = None) -> list[tuple[date, int]]:
        """Visits on each of the last ``days`` days up to ``today``, oldest first, zeros too."""
        last = today or self._clock().date()
        first = last - timedelta(days=days - 1)
        rows = self._query(
            "SELECT day, SUM(visits) FROM visit_counts WHERE day BETWEEN ? AND ? GROUP BY day",
            (first.isoformat(), last.isoformat()),
        )
        counts = {str(day): int(count) for day, count in rows}
        every_day = (first + timedelta(days=offset) for offset in range(max(0, days)))
        return [(day, counts.get(day.isoformat(), 0)) for day in every_day]

    def top_pages(self, month_of: date | None = None, limit: int = 8) -> list[tuple[str, int]]:
        """The most-viewed page ids in ``month_of``'s month (all languages), most first."""
        first, following = month_bounds(month_of or self._clock().date())
        rows = self._query(
            "SELECT page_id, SUM(views) AS total FROM page_views WHERE day >= ? AND day < ? "
            "GROUP BY page_id HAVING total > 0 ORDER BY total DESC, page_id LIMIT ?",
            (first.isoformat(), following.isoformat(), limit),
        )
        return [(str(page_id), int(views)) for page_id, views in rows]

    def daily_page_counts(self, since: date | None = None) -> list[DayPageCount]:
        """``(day, page_id, language, views)`` from ``since`` on, by day, page and language."""
        rows = self._query(
            "SELECT day, page_id, language, SUM(views) AS total FROM page_views WHERE day >= ? "
            "GROUP BY day, page_id, language HAVING total > 0 "
            "ORDER BY day, page_id, language",
            (since.isoformat() if since else "",),
        )
        return [(str(day), str(page), str(language), int(views))
                for day, page, language, views in rows]

    def visit_lengths(self, since: date | None = None) -> dict[str, int]:
        """Ended visits from ``since`` on, by length bucket (``LENGTH_BUCKETS`` names)."""
        columns = ", ".join(f"SUM({name})" for name in LENGTH_BUCKETS)
        rows = self._query(f"SELECT {columns} FROM visit_counts WHERE day >= ?",
                           (since.isoformat() if since else "",))
        sums = rows[0] if rows else (None,) * len(LENGTH_BUCKETS)
        return {name: int(total or 0) for name, total in zip(LENGTH_BUCKETS, sums, strict=True)}

    def export_csv(self, path: Path, since: date | None = None, kiosk: str = "") -> int:
        """Write ``date,page_id,language,views,kiosk`` rows to ``path``; rows written.

        ``kiosk`` names this kiosk in every row (``kiosk.gather.kiosk_name``), so the
        office can merge several kiosks' files.  Raises ``OSError`` if ``path`` cannot
        be written.
        """
        rows = self.daily_page_counts(since)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            writer.writerows((*row, kiosk) for row in rows)
        return len(rows)

    def _query(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[Any, ...]]:
        if self.path is None or not self.path.is_file():
            return []
        try:
            self._migrate_if_old()
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            with contextlib.closing(connection):
                return connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self.warning = f"usage statistics cannot be read from {self.path} ({error})"
            log.warning("%s", self.warning)
            return []

    def _migrate_if_old(self) -> None:
        """Fold a version 1 database into counters (``stats`` run before the kiosk started)."""
        assert self.path is not None
        connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        with contextlib.closing(connection):
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            from kiosk.stats import store

            opened = store.open_database(self.path, self._clock)
            if opened is not None:
                opened.close()
