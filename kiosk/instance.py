"""One kiosk per data folder: a lock file that a second kiosk process is refused by.

Two kiosks on one data folder would write each other's settings, usage counts and
logs.  ``claim`` takes ``tigoni-kiosk.lock`` in the data folder with Qt's ``QLockFile``
(well kept, and it removes a lock whose process is gone, so a restart after ``kill -9``
or a power cut is never blocked).  The lock is never treated as stale by age
(``setStaleLockTime(0)``): a kiosk runs for months.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

LOCK_FILE = "tigoni-kiosk.lock"


def claim(data_dir: Path) -> QLockFile | str:
    """The held lock for ``data_dir``, or the plain line to print when it is taken.

    Keep the returned lock referenced for as long as the kiosk runs; it is released when
    the process ends (cleanly or not).  A folder that cannot hold a lock file (read-only)
    is logged and gives a lock that holds nothing, so the kiosk still starts.
    """
    lock = QLockFile(str(data_dir / LOCK_FILE))
    lock.setStaleLockTime(0)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.warning("cannot create the data folder %s: %s", data_dir, error)
    if lock.tryLock(0):
        return lock
    if lock.error() is not QLockFile.LockError.LockFailedError:
        log.warning("cannot create the lock file in %s (%s); starting without it",
                    data_dir, lock.error().name)
        return lock
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname); C++ adds a bool first
    pid, host = (info[-3], info[-2]) if len(info) >= 3 else ("?", "")
    where = f"process {pid}" + (f" on {host}" if host else "")
    return (f"tigoni-kiosk is already running with the data folder {data_dir} ({where}); "
            f"not starting a second one. Close the other kiosk first.")
