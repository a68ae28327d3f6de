"""The usage database: opening it safely, adding to its counters, pruning, erasing.

One SQLite file, ``usage.sqlite3`` in the data folder, in WAL mode, with the counters
of ``kiosk.stats.schema``: page views per day, page and language, and visits per day
and language with coarse lengths.  No time finer than the day, no text, nothing typed,
nothing that links two views to one visit.  The file, its ``-wal`` and ``-shm`` are
readable by their owner only (0600) in a folder only the owner can open (0700).

``synchronous=FULL``: in WAL mode that is one ``fsync`` of the log per commit, made by
the background writer at most every couple of seconds.  ``NORMAL`` would survive a
killed process too, but a power cut could then roll back every commit since the last
checkpoint (possibly hours of views), not just the last few seconds.
``secure_delete=ON``: deleted counts are overwritten with zeros, not left in free pages.
The write-ahead log holds earlier versions of the pages it changed; ``checkpoint``
truncates it to nothing (on opening, after each visit, after erasing), so the log never
keeps more than the visit in progress.

A file that is not a database, or fails ``PRAGMA quick_check``, is moved aside as
``usage.sqlite3.corrupt-<timestamp>`` (with its ``-wal``), logged, and replaced by an
empty database.  Other trouble (an unwritable folder, a full disk) is logged and
``open_database`` returns ``None``: the caller records nothing and carries on.

Pruning never trusts the clock blindly (see ``prune``): a clock years ahead at boot
deletes nothing, and every decision is logged.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.private_files import private_file, private_folder
from kiosk.stats import schema
from kiosk.stats.common import Clock
from kiosk.stats.tally import Tally

log = logging.getLogger(__name__)

RETENTION_DAYS = 400
# Pruning waits if today is more than this many days after the newest counts: either
# the clock is wrong, or the kiosk stood unused; the next day with counts settles it.
PLAUSIBLE_GAP_DAYS = 31
SCHEMA_VERSION = schema.SCHEMA_VERSION
_CORRUPTION_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


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
    """The usage database, ready to write, migrated and pruned; ``None`` (logged) if not.

    The connection is in autocommit mode (use ``transaction``) and may be handed to one
    other thread.  A version 1 database (one row per view and visit) is folded into
    counters first; see ``kiosk.stats.schema``.
    """
    try:
        private_folder(path.parent)
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
        _private_files(path)  # before the log exists: SQLite gives it the file's mode
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA secure_delete=ON")
        _private_files(path)
        verdict = connection.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise CorruptDatabase(f"quick_check says {verdict[0] if verdict else 'nothing'}")
        with transaction(connection):
            migrated = schema.create(connection)
            prune(connection, today)
        _compact(connection, migrated)
    except BaseException:
        connection.close()
        raise
    return connection


def _compact(connection: sqlite3.Connection, migrated: bool) -> None:
    """After a migration, or if free pages are left (a VACUUM cut short), rewrite the file.

    Then truncate the log.  Freed pages are zeroed anyway (``secure_delete``); this
    also gives their space back.  Trouble (a full disk: VACUUM needs room for a copy)
    is logged and tried again at the next start; recording carries on.
    """
    try:
        free_pages = connection.execute("PRAGMA freelist_count").fetchone()[0]
        if migrated or free_pages:
            connection.execute("VACUUM")  # rewrites the file: no freed page keeps a row
        checkpoint(connection)  # and the log keeps no earlier page either
    except sqlite3.OperationalError as error:
        log.warning("usage database: could not compact it yet (%s)", error)


def _private_files(path: Path) -> None:
    """The database and its ``-wal`` and ``-shm`` files: 0600 (files older versions made)."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        with contextlib.suppress(FileNotFoundError):
            private_file(path.with_name(name))


def checkpoint(connection: sqlite3.Connection) -> bool:
    """Copy the write-ahead log into the database and truncate it to 0 bytes.

    False if a reader kept it from finishing (the log is then truncated next time).
    """
    row = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is not None and row[0] == 0


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


def _day(connection: sqlite3.Connection, sql: str, *parameters: object) -> date | None:
    row = connection.execute(sql, parameters).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


_ALL_DAYS = "(SELECT day FROM page_views UNION ALL SELECT day FROM visit_counts)"


def prune(connection: sqlite3.Connection, today: date) -> int | None:
    """Delete counts more than ``RETENTION_DAYS`` days old; rows deleted, ``None`` if skipped.

    ``today`` is trusted only when it is not earlier than the newest counts and at most
    ``PLAUSIBLE_GAP_DAYS`` after them, and when the counts to delete are not separated
    from the rest by more than ``RETENTION_DAYS`` without any count (the mark of a
    clock that jumped years ahead and ran on).  Otherwise nothing is deleted.  Every
    deletion and every refusal is logged.
    """
    newest = _day(connection, f"SELECT MAX(day) FROM {_ALL_DAYS}")
    if newest is None:
        return 0
    if today < newest:
        log.warning("usage counts: not pruning, the clock says %s, earlier than the newest "
                    "counts (%s); the clock is or was wrong", today, newest)
        return None
    if (today - newest).days > PLAUSIBLE_GAP_DAYS:
        log.warning("usage counts: not pruning, the clock says %s, %d days after the newest "
                    "counts (%s); waiting for counts on a day the clock can be trusted",
                    today, (today - newest).days, newest)
        return None
    cutoff = today - timedelta(days=RETENTION_DAYS)
    last_old = _day(connection, f"SELECT MAX(day) FROM {_ALL_DAYS} WHERE day < ?",
                    cutoff.isoformat())
    if last_old is None:
        return 0
    first_kept = _day(connection, f"SELECT MIN(day) FROM {_ALL_DAYS} WHERE day >= ?",
                      cutoff.isoformat())
    if first_kept is not None and (first_kept - last_old).days > RETENTION_DAYS:
        log.warning("usage counts: not pruning, no counts at all from %s to %s looks like "
                    "a clock that jumped ahead", last_old, first_kept)
        return None
    deleted = sum(connection.execute(f"DELETE FROM {table} WHERE day < ?",
                                     (cutoff.isoformat(),)).rowcount
                  for table in schema.COUNTER_TABLES)
    log.info("usage counts: deleted %d day counters older than %s (kept %d days)",
             deleted, cutoff, RETENTION_DAYS)
    return deleted


def add(connection: sqlite3.Connection, tally: Tally) -> None:
    """Add a tally to the counters (inside the caller's transaction)."""
    connection.executemany(schema.ADD_VIEWS, [
        (day, page_id, language, count) for (day, page_id, language), count
        in tally.views.items()])
    connection.executemany(schema.ADD_VISITS, [
        {"day": day, "language": language, "count": count}
        for (day, language), count in tally.visits.items()])
    for (day, language, bucket), count in tally.lengths.items():
        connection.execute(schema.add_lengths_sql(bucket), (day, language, count))


def erase(connection: sqlite3.Connection, path: Path) -> bool:
    """Delete every count, rewrite the file and empty its log; False if a trace may remain.

    Copies of a corrupt database moved aside earlier hold counts too, and go as well.
    Raises ``sqlite3.Error`` if the database refuses.
    """
    with transaction(connection):
        for table in schema.COUNTER_TABLES:
            connection.execute(f"DELETE FROM {table}")
    connection.execute("VACUUM")
    emptied = checkpoint(connection)
    for aside in path.parent.glob(f"{path.name}.corrupt-*"):
        try:
            aside.unlink()
        except OSError as error:
            log.warning("could not delete %s: %s", aside, error)
            emptied = False
    log.info("usage database emptied%s", "" if emptied else
             " (a reader kept the log busy; it is emptied at the next visit)")
    return emptied
