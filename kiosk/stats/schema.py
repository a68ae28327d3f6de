"""The usage database's tables (version 2: counters only) and the move from version 1.

Version 2 keeps counters, summed as they are written: page views per day, page and
language; visits per day and language, with their lengths in four coarse buckets.
Nothing links two views to one visit, and no time is finer than the local date.

Version 1 kept one row per view and per visit, with the hour and the visit each view
belonged to: a trail of what one patient read.  ``migrate_v1`` folds those rows into
the counters in one transaction and drops the old tables; the caller then runs
``VACUUM`` and truncates the write-ahead log, so no trail is left in either file.
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk.stats.tally import LENGTH_BUCKETS

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

PAGE_VIEWS = """CREATE TABLE IF NOT EXISTS page_views (
    day TEXT NOT NULL,        -- local date, YYYY-MM-DD
    page_id TEXT NOT NULL,
    language TEXT NOT NULL,
    views INTEGER NOT NULL,
    PRIMARY KEY (day, page_id, language)
) WITHOUT ROWID"""

VISIT_COUNTS = """CREATE TABLE IF NOT EXISTS visit_counts (
    day TEXT NOT NULL,        -- local date the visit started, YYYY-MM-DD
    language TEXT NOT NULL,   -- the language shown when it started
    visits INTEGER NOT NULL DEFAULT 0,
    under_2_min INTEGER NOT NULL DEFAULT 0,   -- ended visits by length; a visit cut
    min_2_to_5 INTEGER NOT NULL DEFAULT 0,    -- off by a crash or power cut has none
    min_5_to_15 INTEGER NOT NULL DEFAULT 0,
    over_15_min INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, language)
) WITHOUT ROWID"""

SCHEMA = (PAGE_VIEWS, VISIT_COUNTS)
COUNTER_TABLES = ("page_views", "visit_counts")
OLD_TABLES = ("views", "visits")

ADD_VIEWS = ("INSERT INTO page_views (day, page_id, language, views) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (day, page_id, language) DO UPDATE SET views = views + excluded.views")
# A count may be -1: a visit taken back as staff's (``Tally.visit_discarded``); the
# counter never goes below 0, even if its row was lost in between (a corrupt file).
ADD_VISITS = ("INSERT INTO visit_counts (day, language, visits) "
              "VALUES (:day, :language, max(:count, 0)) "
              "ON CONFLICT (day, language) DO UPDATE SET visits = max(0, visits + :count)")


def add_lengths_sql(bucket: int) -> str:
    """The upsert that adds ended visits to one length bucket (a fixed column name)."""
    column = LENGTH_BUCKETS[bucket]
    return (f"INSERT INTO visit_counts (day, language, {column}) VALUES (?, ?, ?) "
            f"ON CONFLICT (day, language) DO UPDATE SET {column} = {column} + excluded.{column}")


def tables(connection: sqlite3.Connection) -> set[str]:
    """Names of the tables in the database."""
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(name) for (name,) in rows}


def create(connection: sqlite3.Connection) -> bool:
    """Create the counters (inside the caller's transaction); True if old rows were folded."""
    for statement in SCHEMA:
        connection.execute(statement)
    migrated = False
    if set(OLD_TABLES) <= tables(connection):
        migrate_v1(connection)
        migrated = True
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return migrated


def migrate_v1(connection: sqlite3.Connection) -> tuple[int, int]:
    """Fold version 1's rows into the counters and drop its tables; (views, visits) folded.

    Runs inside the caller's transaction, so either every row is folded and the old
    tables are gone, or nothing changed.  Version 1 stored whole minutes (rounded
    down), which fall in the same buckets as the seconds measured now.
    """
    views = connection.execute("SELECT COUNT(*) FROM views").fetchone()[0]
    visits = connection.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    connection.execute(
        "INSERT INTO page_views (day, page_id, language, views) "
        "SELECT day, page_id, language, COUNT(*) FROM views WHERE true "
        "GROUP BY day, page_id, language "
        "ON CONFLICT (day, page_id, language) DO UPDATE SET views = views + excluded.views")
    connection.execute(
        "INSERT INTO visit_counts (day, language, visits, under_2_min, min_2_to_5, "
        "min_5_to_15, over_15_min) "
        "SELECT day, language, COUNT(*), "
        "COUNT(CASE WHEN minutes < 2 THEN 1 END), "
        "COUNT(CASE WHEN minutes >= 2 AND minutes < 5 THEN 1 END), "
        "COUNT(CASE WHEN minutes >= 5 AND minutes < 15 THEN 1 END), "
        "COUNT(CASE WHEN minutes >= 15 THEN 1 END) "
        "FROM visits WHERE true GROUP BY day, language "
        "ON CONFLICT (day, language) DO UPDATE SET visits = visits + excluded.visits, "
        "under_2_min = under_2_min + excluded.under_2_min, "
        "min_2_to_5 = min_2_to_5 + excluded.min_2_to_5, "
        "min_5_to_15 = min_5_to_15 + excluded.min_5_to_15, "
        "over_15_min = over_15_min + excluded.over_15_min")
    for table in OLD_TABLES:
        connection.execute(f"DROP TABLE {table}")
    log.info("usage database: folded %d page views and %d visits into day counters "
             "and deleted the per-visit rows", views, visits)
    return int(views), int(visits)
