"""Anonymous usage counts: how often pages are read, never who read them or in what order.

Plain Python (``sqlite3``, ``threading``); no Qt.  The database keeps counters only,
summed as they are written: page views per day, page and language; visits per day and
language with their lengths in four buckets.  No time finer than the day, nothing that
links two views to one visit (``schema``).  Modules:

* ``recorder``: ``UsageRecorder``, used by the window.  Its recording methods return
  at once (a tuple on a queue); a daemon thread (``writer``) folds what arrives into
  counters and adds them in one transaction every ``flush_interval`` seconds (2 s).
* ``report``: ``UsageReport``, read-only queries for the staff Usage page and the
  ``stats`` command, and ``parse_day`` for ``--since``.
* ``store`` and ``schema``: the database itself (``usage.sqlite3`` in the data folder,
  owner-only; tables, safe opening, migration from the old per-visit rows, 400-day
  retention that never trusts a wrong clock, erasing).

Recording (``data_dir=None`` records nothing; nothing here ever raises on disk trouble)::

    recorder = UsageRecorder(data_dir)      # opens, repairs, prunes (caller's thread, once)
    recorder.touched(language)              # any patient touch: opens a visit if none is
    recorder.visit_started(language)        # force a new visit (ends an open one)
    recorder.page_viewed(page_id, language) # a page or screen was shown
    recorder.visit_ended()                  # the idle reset
    recorder.visit_discarded()              # the open visit was staff's: not counted
    recorder.flush(timeout=5.0) -> bool     # commit now and wait (not on the tap path)
    recorder.erase(timeout=5.0) -> bool     # staff: delete every count and its log trail
    recorder.report() -> UsageReport        # flush, then queries
    recorder.close()                        # ends an open visit, commits, stops the thread

Wiring in ``MainWindow`` (a visit runs from the first touch after the attract screen to
the idle reset; the kiosk starts on the home screen without the attract screen, so the
first touch after start-up opens a visit too):

* ``guard.activity`` (``_on_activity``) -> ``recorder.touched(self.language)``, unless
  the staff panel or PIN pad is open (staff touches are not patient visits); a visit
  that has opened no page when the hidden gesture completes was staff's, and
  ``KioskSession`` calls ``recorder.visit_discarded()``.
* ``screen_shown(screen_id)`` -> ``recorder.page_viewed(screen_id, self.language)`` for
  every id except ``HOME`` (home opens every visit; it would top every chart).  Page
  views of a language switch count in the new language.
* ``session_reset`` -> ``recorder.visit_ended()``.
* ``closeEvent`` / ``shutdown`` -> ``recorder.close()`` (otherwise the last <= 2 s are lost).

Reading (each query opens its own read-only connection; a missing database is no data)::

    report = UsageReport(data_dir)          # or recorder.report() in the kiosk
    report.visits_per_day(days=30, today=None) -> list[tuple[date, int]]  # zeros included
    report.top_pages(month_of=None, limit=8) -> list[tuple[str, int]]     # page ids
    report.daily_page_counts(since=None) -> list[tuple[str, str, str, int]]
    report.visit_lengths(since=None) -> dict[str, int]   # ended visits by length bucket
    report.export_csv(path, since=None) -> int   # rows; raises OSError if path is unwritable
    report.warning                               # why the last query found nothing, or ""

Staff Usage page (``kiosk.ui.usage_chart``; refresh when the page opens)::

    report = recorder.report()
    visits = BarChart(tr("Visits per day, last 30 days"))           # "No visits yet"
    visits.set_data(day_bars(report.visits_per_day()))              # all zeros: empty state
    pages = BarChart(tr("Most-viewed pages this month"), tr("No pages viewed yet"))
    pages.set_data([(title_for(page_id), views) for page_id, views in report.top_pages()])
    chart.apply_theme(palette, metrics)                             # with the other widgets

Command line: ``tigoni-kiosk stats --csv FILE [--since DATE]`` is
``UsageReport(args.data_dir or default_data_dir()).export_csv(args.csv, args.since)``
with ``--since`` parsed by ``type=parse_day``; exit 1 if it raises ``OSError`` or leaves
``report.warning`` set.  Run it as the kiosk's user (or root): reading a WAL database
needs write access to its ``-shm`` file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.stats.common import DATABASE_FILE
    from kiosk.stats.recorder import UsageRecorder
    from kiosk.stats.report import CSV_HEADER, UsageReport, parse_day
    from kiosk.stats.store import RETENTION_DAYS

# Each name loads its module on first use, so the kiosk's start-up loads the recorder
# without SQLite (see ``kiosk.stats.recorder``).
_HOMES = {
    "UsageRecorder": "kiosk.stats.recorder",
    "CSV_HEADER": "kiosk.stats.report",
    "UsageReport": "kiosk.stats.report",
    "parse_day": "kiosk.stats.report",
    "DATABASE_FILE": "kiosk.stats.common",
    "RETENTION_DAYS": "kiosk.stats.store",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kiosk.stats' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = [
    "CSV_HEADER",
    "DATABASE_FILE",
    "RETENTION_DAYS",
    "UsageRecorder",
    "UsageReport",
    "parse_day",
]
