"""Recording usage without slowing a tap: a queue on the UI side, a writer thread behind.

The UI thread only stamps the time and puts a small tuple on a ``queue.SimpleQueue``; it
never waits for SQLite or the disk.  A daemon thread collects what arrives for one
``flush_interval`` (2 s) after the first event and adds it to the day counters in one
transaction (``kiosk.stats.writer``), so a power cut loses at most those last seconds,
and a write the disk refuses is kept in memory and retried with the next batch.
``flush`` asks for the write now and waits for it (staff pages and tests); ``erase``
deletes every count; ``close`` flushes and stops the thread.

Days are the local date of the wall clock at the tap; a visit's length is measured on
the monotonic clock, so a wall clock that jumps neither stretches nor shrinks it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.stats.common import Clock, database_path
from kiosk.stats.events import Event, PageView, VisitDiscard, VisitEnd, VisitStart

if TYPE_CHECKING:
    import sqlite3

    from kiosk.stats.report import UsageReport
    from kiosk.stats.writer import CounterWriter

# SQLite, ``kiosk.stats.store`` and ``kiosk.stats.writer`` are imported where they are
# used: on the writer thread, or by ``report()``.  Loading them before the first paint
# costs about 8 ms.

log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 2.0
WAIT_S = 5.0


class _Flush:
    """Asks the writer to commit now; ``ok`` tells the waiting thread how it went."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.ok = False

    def finish(self, ok: bool) -> None:
        self.ok = ok
        self.done.set()


class _Stop(_Flush):
    """Commit, then close the database and end the thread."""


class _Erase(_Flush):
    """Delete every count, those still in memory included."""


class UsageRecorder:
    """Anonymous page views and visits for one data folder (``None``: record nothing).

    Opening checks, repairs, migrates and prunes the database, on the calling thread or,
    with ``open_now=False`` (the kiosk's start-up), first thing on the writer thread,
    which then starts with ``start()`` or the first event; from then on every recording
    method returns at once and never raises, and disk trouble is logged by the writer
    thread.  ``clock`` gives the local wall-clock time (only its date is kept);
    ``monotonic`` gives seconds for visit lengths (``time.monotonic``).
    """

    def __init__(self, data_dir: Path | None, *, clock: Clock = datetime.now,
                 monotonic: Callable[[], float] = time.monotonic,
                 flush_interval: float = FLUSH_INTERVAL_S, open_now: bool = True) -> None:
        self.path = database_path(data_dir) if data_dir is not None else None
        self.flush_interval = flush_interval
        self._clock = clock
        self._monotonic = monotonic
        self._in_visit = False
        self._queue: queue.SimpleQueue[Event | _Flush] | None = None
        self._thread: threading.Thread | None = None
        self._writer: CounterWriter | None = None  # made and used on the writer thread
        self._opened: sqlite3.Connection | None = None  # with open_now, until it starts
        self._wake = threading.Event()  # cuts the writer's wait short for flush and close
        self._in_hand: list[Event | _Flush] = []  # the batch being written
        if self.path is None:
            return
        if open_now:
            from kiosk.stats import store

            self._opened = store.open_database(self.path, clock)
            if self._opened is None:
                return
        self._queue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="usage-writer", daemon=True)
        if open_now:
            self._thread.start()

    def start(self) -> None:
        """Start the writer now (``open_now=False`` waits for this or the first event).

        The kiosk calls it after its first paint, so opening the database does not
        compete with the first picture.
        """
        if self._thread is not None and self._thread.ident is None and self._queue is not None:
            self._thread.start()

    # --- the UI side: never waits -------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Whether views are being recorded (False without a usable data folder)."""
        return self._queue is not None

    @property
    def committed_views(self) -> int:
        """Page views added to the database so far (written by the writer thread)."""
        return self._writer.committed_views if self._writer is not None else 0

    @property
    def in_visit(self) -> bool:
        """Whether a visit is open (no disk involved)."""
        return self._in_visit

    def page_viewed(self, page_id: str, language: str) -> None:
        """A page (or screen) id was shown in ``language``."""
        self._put(PageView(self._clock(), page_id, language))

    def visit_started(self, language: str) -> None:
        """A new visit begins (an open one ends first)."""
        if self._in_visit:
            self.visit_ended()
        self._in_visit = True
        self._put(VisitStart(self._clock(), language, self._monotonic()))

    def touched(self, language: str) -> None:
        """A patient touched the screen: start a visit unless one is already open."""
        if not self._in_visit:
            self.visit_started(language)

    def visit_ended(self) -> None:
        """The idle reset: the visit is over (nothing happens if none is open)."""
        if self._in_visit:
            self._in_visit = False
            self._put(VisitEnd(self._monotonic()))

    def visit_discarded(self) -> None:
        """The open visit was not a patient's (staff's hidden gesture opened it).

        It is not counted, even if already written; nothing happens if none is open.
        """
        if self._in_visit:
            self._in_visit = False
            self._put(VisitDiscard())

    def _put(self, item: Event | _Flush) -> None:
        if self._queue is not None:
            self._queue.put(item)
            if self._thread is not None and self._thread.ident is None:
                self._thread.start()

    # --- waiting for the disk: staff pages, shutdown and tests ---------------------------

    def flush(self, timeout: float = WAIT_S) -> bool:
        """Commit everything recorded so far; False if disabled, failed or too slow."""
        return self._send(_Flush(), timeout)

    def erase(self, timeout: float = WAIT_S) -> bool:
        """Delete every usage count, recorded or still queued, and the log's copy of them.

        True once the database and its write-ahead log hold no count; False if the
        recorder is off, the disk refused, or it took longer than ``timeout`` seconds.
        A visit open now is not counted.
        """
        return self._send(_Erase(), timeout)

    def close(self, timeout: float = WAIT_S) -> None:
        """End an open visit, commit, and stop the writer; later calls record nothing."""
        if self._thread is None:
            return
        self.visit_ended()
        self._send(_Stop(), timeout)
        self._thread.join(timeout)
        self._queue = None

    def report(self, timeout: float = WAIT_S) -> UsageReport:
        """Commit what is queued, then queries over the same database."""
        from kiosk.stats.report import UsageReport

        self.flush(timeout)
        return UsageReport(self.path.parent if self.path else None, clock=self._clock)

    def _send(self, request: _Flush, timeout: float) -> bool:
        if self._queue is None:
            return False
        self._put(request)
        self._wake.set()
        return request.done.wait(timeout) and request.ok

    # --- the writer thread ---------------------------------------------------------------

    def _run(self) -> None:
        from kiosk.stats.writer import CounterWriter

        assert self.path is not None
        try:
            self._writer = CounterWriter(self.path, self._clock, self._opened)
            self._opened = None
            if not self._writer.open():
                return
            while self._write_one_batch(self._writer):
                pass
        except Exception:  # the kiosk must keep running whatever happens here
            log.exception("usage recording stopped")
        finally:
            self._finish()

    def _finish(self) -> None:
        """Close the database; from now on nothing is recorded and nobody waits."""
        if self._writer is not None:
            self._writer.close()
        for item in self._in_hand + self._drain():
            if isinstance(item, _Flush) and not item.done.is_set():
                item.finish(False)
        self._queue = None

    def _write_one_batch(self, writer: CounterWriter) -> bool:
        """Wait for an event, let the interval pass, write what came; False to stop.

        While a batch is open the writer sleeps on ``_wake`` rather than on the queue, so
        later taps only append to it and never wake a thread.
        """
        assert self._queue is not None
        items = self._in_hand = [self._queue.get()]
        if not isinstance(items[0], _Flush):
            self._wake.wait(self.flush_interval)
        self._wake.clear()
        items.extend(self._drain())
        events: list[Event] = []
        for item in items:
            if not isinstance(item, _Flush):
                events.append(item)
                continue
            # An erase drops the events before it: they are among what staff erased.
            item.finish(writer.erase() if isinstance(item, _Erase) else writer.write(events))
            events = []
            if isinstance(item, _Stop):
                return False
        if events:
            writer.write(events)
        return True

    def _drain(self) -> list[Event | _Flush]:
        if self._queue is None:
            return []
        items: list[Event | _Flush] = []
        while True:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                return items
