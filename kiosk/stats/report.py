"""Reading the usage database: the staff Usage page's figures and the CSV export.

Each query opens its own short, read-only connection, so it never blocks the writer
(WAL readers and the writer do not wait for each other) and never creates a database.
A missing database reads as no data; an unreadable one is logged, reads as no data and
leaves the reason in ``UsageReport.warning``.
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
            "SELECT day, COUNT(*) FROM visits WHERE day BETWEEN ? AND ? GROUP BY day",
            (first.isoformat(), last.isoformat()),
        )
        counts = {str(day): int(count) for day, count in rows}
        every_day = (first + timedelta(days=offset) for offset in range(max(0, days)))
        return [(day, counts.get(day.isoformat(), 0)) for day in every_day]

    def top_pages(self, month_of: date | None = None, limit: int = 8) -> list[tuple[str, int]]:
        """The most-viewed page ids in ``month_of``'s month (all languages), most first."""
        first, following = month_bounds(month_of or self._clock().date())
        rows = self._query(
            "SELECT page_id, COUNT(*) AS views FROM views WHERE day >= ? AND day < ? "
            "GROUP BY page_id ORDER BY views DESC, page_id LIMIT ?",
            (first.isoformat(), following.isoformat(), limit),
        )
        return [(str(page_id), int(views)) for page_id, views in rows]

    def daily_page_counts(self, since: date | None = None) -> list[DayPageCount]:
        """``(day, page_id, language, views)`` from ``since`` on, by day, page and language."""
        rows = self._query(
            "SELECT day, page_id, language, COUNT(*) FROM views WHERE day >= ? "
            "GROUP BY day, page_id, language ORDER BY day, page_id, language",
            (since.isoformat() if since else "",),
        )
        return [(str(day), str(page), str(language), int(views))
                for day, page, language, views in rows]

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
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            with contextlib.closing(connection):
                return connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self.warning = f"usage statistics cannot be read from {self.path} ({error})"
            log.warning("%s", self.warning)
            return []
