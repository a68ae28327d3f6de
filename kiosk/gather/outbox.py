"""Yesterday's usage, written once a day to ``outbox/`` for the office to gather.

``write_outbox`` is cheap to call often (the kiosk calls it at start-up and at every
privacy reset): it does nothing when yesterday's file is already there.  The file,
``outbox/usage-<kiosk>-<YYYY-MM-DD>.csv``, has the ``stats --csv`` columns and is
written beside and renamed, so a Syncthing folder never sends half of it.  Nothing is
ever deleted here: the office (or IT) clears old files.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.packs.state import write_atomically

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)

OUTBOX_DIR = "outbox"


def outbox_file(data_dir: Path, kiosk: str, day: date) -> Path:
    """Where ``day``'s counts of ``kiosk`` go (the name made safe for any file system)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", kiosk).strip("-.") or "kiosk"
    return data_dir / OUTBOX_DIR / f"usage-{safe}-{day.isoformat()}.csv"


def write_outbox(data_dir: Path, kiosk: str, today: date) -> Path | None:
    """Write yesterday's counts if not yet written; the file written, else None.

    Never raises: disk trouble is logged and tried again next time.
    """
    from kiosk.stats import CSV_HEADER, UsageReport

    yesterday = today - timedelta(days=1)
    target = outbox_file(data_dir, kiosk, yesterday)
    if target.exists():
        return None
    report = UsageReport(data_dir)
    rows = [row for row in report.daily_page_counts(since=yesterday)
            if row[0] == yesterday.isoformat()]
    if report.warning:
        return None
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows((*row, kiosk) for row in rows)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text.getvalue().encode("utf-8"))
    except OSError as error:
        log.warning("cannot write %s: %s", target, error)
        return None
    log.info("wrote yesterday's usage (%d rows) to %s", len(rows), target)
    return target


def attach_outbox(session_reset: SignalInstance, data_dir: Path, kiosk: str) -> None:
    """Write the outbox once the event loop runs, then at every privacy reset."""
    from PySide6.QtCore import QTimer

    def write() -> None:
        write_outbox(data_dir, kiosk, date.today())

    QTimer.singleShot(0, write)
    session_reset.connect(write)
