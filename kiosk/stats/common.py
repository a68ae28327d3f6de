"""What the recorder, the store and the report share, without loading SQLite.

The kiosk makes its recorder before its first paint; SQLite and the rest of the store
load on the recorder's writer thread (or for staff and the command line) instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

DATABASE_FILE = "usage.sqlite3"

Clock = Callable[[], datetime]


def database_path(data_dir: Path) -> Path:
    """Where the usage database lives in a data folder."""
    return data_dir / DATABASE_FILE
