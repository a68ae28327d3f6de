"""A usage database as version 1 of the kiosk wrote it: one row per view and per visit.

The schema and the CSV query are copied from that version (``kiosk/stats/store.py`` and
``report.py`` before the counters), so the tests compare against what it really did.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

V1_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS visits (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,          -- local date, YYYY-MM-DD
        hour INTEGER NOT NULL,      -- local hour, 0-23
        language TEXT NOT NULL,     -- the language shown when the visit started
        minutes INTEGER             -- whole minutes to the idle reset, NULL if none came
    )""",
    """CREATE TABLE IF NOT EXISTS views (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        page_id TEXT NOT NULL,
        language TEXT NOT NULL,
        visit_id INTEGER     -- visits.id, or NULL outside a visit
    )""",
    "CREATE INDEX IF NOT EXISTS visits_by_day ON visits(day)",
    "CREATE INDEX IF NOT EXISTS views_by_day ON views(day, page_id, language)",
)
V1_CSV_QUERY = ("SELECT day, page_id, language, COUNT(*) FROM views WHERE day >= ? "
                "GROUP BY day, page_id, language ORDER BY day, page_id, language")
V1_VISITS_QUERY = "SELECT day, COUNT(*) FROM visits GROUP BY day ORDER BY day"
PAGES = ("how-it-works", "conditions/depression", "conditions/suicidal-thoughts", "safety",
         "contact", "treatment-day", "cost")
# Only the old schema's own words: none of them may survive the migration on disk.
TRAIL_MARKERS = (b"visit_id", b"visits_by_day", b"views_by_day")


def write_v1(path: Path, last_day: date, days: int, seed: int = 21) -> tuple[int, int]:
    """A version 1 database with ``days`` days of visits up to ``last_day``; (views, visits).

    It is left as a killed kiosk leaves it: the rows still in the ``-wal`` file.
    """
    generator = random.Random(seed)
    connection = sqlite3.connect(path, isolation_level=None)
    views = visits = 0
    with contextlib.closing(connection):
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA wal_autocheckpoint=0")
        for statement in V1_SCHEMA:
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.execute("BEGIN")
        for offset in range(days):
            day = (last_day - timedelta(days=offset)).isoformat()
            for _ in range(generator.randrange(0, 12)):
                hour = generator.randrange(8, 18)
                language = generator.choice(("en", "sw"))
                minutes = generator.choice((None, 0, 1, 2, 4, 5, 9, 14, 15, 31))
                visit_id = connection.execute(
                    "INSERT INTO visits (day, hour, language, minutes) VALUES (?, ?, ?, ?)",
                    (day, hour, language, minutes)).lastrowid
                visits += 1
                for _ in range(generator.randrange(1, 6)):
                    connection.execute(
                        "INSERT INTO views (day, hour, page_id, language, visit_id) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (day, hour, generator.choice(PAGES), language, visit_id))
                    views += 1
        connection.execute("COMMIT")
        # Copy the files while the log is still full, as SIGKILL would leave them.
        crashed = {name: path.with_name(name).read_bytes()
                   for name in (path.name, f"{path.name}-wal")}
    for name, content in crashed.items():
        path.with_name(name).write_bytes(content)
    return views, visits


def v1_rows(path: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    """What version 1's own query returned on that database."""
    connection = sqlite3.connect(path)
    with contextlib.closing(connection):
        return connection.execute(sql, parameters).fetchall()
