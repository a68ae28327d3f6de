"""The usage database: its schema, opening it safely, writing rows and pruning old ones.

One SQLite file, ``usage.sqlite3`` in the data folder, in WAL mode.  Only coarse facts
are kept: the day and hour of each page view and visit, the page id and the language.
No exact clock time, no text, nothing typed, nothing about who was reading.

``synchronous=FULL``: in WAL mode that is one ``fsync`` of the log per commit, made by
the background writer at most every couple of seconds.  ``NORMAL`` would survive a
killed process too, but a power cut could then roll back every commit since the last
checkpoint (possibly hours of views), not just the last few seconds.

A file that is not a database, or fails ``PRAGMA quick_check``, is moved aside as
``usage.sqlite3.corrupt-<timestamp>`` (with its ``-wal``), logged, and replaced by an
empty database.  Other trouble (an unwritable folder, a full disk) is logged and
``open_database`` returns ``None``: the caller records nothing and carries on.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.stats.common import Clock

log = logging.getLogger(__name__)

RETENTION_DAYS = 400
SCHEMA_VERSION = 1
_CORRUPTION_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

SCHEMA = (
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

class CorruptDatabase(sqlite3.DatabaseError):
    """SQLite opened the file but its own check found damage."""


def is_corruption(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged or is not a database at all."""
    if isinstance(error, CorruptDatabase):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _CORRUPTION_CODES


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` if the block raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def open_database(path: Path, clock: Clock = datetime.now) -> sqlite3.Connection | None:
    """The usage database, ready to write and pruned; ``None`` (logged) if it cannot be.

    The connection is in autocommit mode (use ``transaction``) and may be handed to one
    other thread.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _open_checked(path, clock().date())
    except sqlite3.Error as error:
        if not is_corruption(error):
            log.warning("usage statistics are off: cannot open %s (%s)", path, error)
            return None
        log.warning("usage database %s is corrupt (%s)", path, error)
    except OSError as error:
        log.warning("usage statistics are off: cannot use %s (%s)", path.parent, error)
        return None
    return _replace_corrupt(path, clock)


def _open_checked(path: Path, today: date) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        verdict = connection.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise CorruptDatabase(f"quick_check says {verdict[0] if verdict else 'nothing'}")
        with transaction(connection):
            _create_schema(connection)
            prune(connection, today)
    except BaseException:
        connection.close()
        raise
    return connection


def _create_schema(connection: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _replace_corrupt(path: Path, clock: Clock) -> sqlite3.Connection | None:
    """Move the damaged file aside and start again with an empty database."""
    if not move_aside(path, clock()):
        return None
    try:
        return _open_checked(path, clock().date())
    except (sqlite3.Error, OSError) as error:
        log.warning("usage statistics are off: cannot create %s (%s)", path, error)
        return None


def move_aside(path: Path, now: datetime) -> bool:
    """Rename a damaged database (and its write-ahead log) out of the way; False on failure.

    The shared-memory index is only a cache of the log, so it is deleted.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        path.replace(aside)
        wal = path.with_name(f"{path.name}-wal")
        if wal.exists():
            wal.replace(aside.with_name(f"{aside.name}-wal"))
        path.with_name(f"{path.name}-shm").unlink(missing_ok=True)
    except OSError as error:
        log.warning("usage statistics are off: cannot move %s aside (%s)", path, error)
        return False
    log.warning("moved the corrupt usage database to %s and started a new one", aside)
    return True


def prune(connection: sqlite3.Connection, today: date) -> int:
    """Delete views and visits more than ``RETENTION_DAYS`` days old; rows deleted."""
    cutoff = (today - timedelta(days=RETENTION_DAYS)).isoformat()
    views = connection.execute("DELETE FROM views WHERE day < ?", (cutoff,)).rowcount
    visits = connection.execute("DELETE FROM visits WHERE day < ?", (cutoff,)).rowcount
    return views + visits


def insert_visit(connection: sqlite3.Connection, at: datetime, language: str) -> int:
    """A new visit row; its id."""
    cursor = connection.execute(
        "INSERT INTO visits (day, hour, language) VALUES (?, ?, ?)",
        (at.date().isoformat(), at.hour, language),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def end_visit(connection: sqlite3.Connection, visit_id: int, minutes: int) -> None:
    """Record how long a visit lasted, in whole minutes."""
    connection.execute("UPDATE visits SET minutes = ? WHERE id = ?", (minutes, visit_id))


def insert_view(connection: sqlite3.Connection, at: datetime, page_id: str, language: str,
                visit_id: int | None) -> None:
    """One page view."""
    connection.execute(
        "INSERT INTO views (day, hour, page_id, language, visit_id) VALUES (?, ?, ?, ?, ?)",
        (at.date().isoformat(), at.hour, page_id, language, visit_id),
    )
