"""The recorder's writer-thread half: events folded into counters and added to the database.

Used only on the recorder's writer thread (SQLite and the store load here, after the
kiosk's first paint).  Each batch of events is folded into the pending ``Tally`` and
added in one transaction; a write the disk refuses stays pending and is retried with
the next batch.  The open visit (its start day, language and monotonic start) is held
here in memory only, and forgotten when the visit ends.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

from kiosk.stats import store
from kiosk.stats.common import Clock
from kiosk.stats.events import Event, PageView, VisitDiscard, VisitStart
from kiosk.stats.tally import Tally

log = logging.getLogger(__name__)


class CounterWriter:
    """Owns the database connection, the pending tally and the open visit."""

    def __init__(self, path: Path, clock: Clock,
                 connection: sqlite3.Connection | None = None) -> None:
        self.path = path
        self.committed_views = 0
        self.connection = connection
        self._clock = clock
        self._visit: tuple[date, str, float] | None = None
        self._pending = Tally()
        self._pruned_on = clock().date()
        self._failing = False

    @property
    def failing(self) -> bool:
        """Whether the last write failed (its counts are still pending)."""
        return self._failing

    def open(self) -> bool:
        """Open (check, migrate, prune) the database if not yet open; False if it cannot be."""
        if self.connection is None:
            self.connection = store.open_database(self.path, self._clock)
        return self.connection is not None

    def close(self) -> None:
        """Close the database; anything still pending is dropped (and logged)."""
        if self._pending:
            log.warning("usage statistics: %d page views were never written (the disk "
                        "refused them until the kiosk closed)", self._pending.view_count)
            self._pending = Tally()
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def write(self, events: list[Event]) -> bool:
        """Fold the batch into the pending tally and add it in one transaction.

        False if the disk refused: the first failure is logged, the tally is kept (it
        grows only with new days, pages and languages) and retried next time.
        """
        visit_ended = self._fold(events)
        if not self._pending:
            return not self._failing
        if self.connection is None:
            return False
        try:
            with store.transaction(self.connection):
                today = self._clock().date()
                if today != self._pruned_on:
                    store.prune(self.connection, today)
                    self._pruned_on = today
                store.add(self.connection, self._pending)
            if visit_ended and self._visit is None:
                store.checkpoint(self.connection)  # the log forgets the visit's steps
        except sqlite3.Error as error:
            self._on_failure(error)
            return False
        self.committed_views += self._pending.view_count
        self._pending = Tally()
        if self._failing:
            log.info("usage statistics are being written again")
            self._failing = False
        return True

    def erase(self) -> bool:
        """Forget what is pending and the open visit, then empty the database."""
        self._pending = Tally()
        self._visit = None
        if self.connection is None:
            return False
        try:
            return store.erase(self.connection, self.path)
        except sqlite3.Error as error:
            log.warning("usage counts could not be erased (%s)", error)
            return False

    def _fold(self, events: list[Event]) -> bool:
        """Add the events to the pending tally; whether a visit ended among them."""
        ended = False
        for event in events:
            if isinstance(event, PageView):
                self._pending.view(event.at.date(), event.page_id, event.language)
                continue
            if isinstance(event, VisitDiscard):
                if self._visit is not None:
                    self._pending.visit_discarded(*self._visit[:2])
                    self._visit, ended = None, True
                continue
            if self._visit is not None:
                day, language, started = self._visit
                self._pending.visit_length(day, language, event.monotonic - started)
                self._visit = None
                ended = True
            if isinstance(event, VisitStart):
                day = event.at.date()
                self._pending.visit(day, event.language)
                self._visit = (day, event.language, event.monotonic)
        return ended

    def _on_failure(self, error: sqlite3.Error) -> None:
        if not self._failing:
            log.warning("usage statistics: %d page views could not be written yet, kept in "
                        "memory to try again (%s)", self._pending.view_count, error)
        self._failing = True
        if store.is_corruption(error):
            self.close()
            if store.move_aside(self.path, self._clock()):
                self.connection = store.open_database(self.path, self._clock)
