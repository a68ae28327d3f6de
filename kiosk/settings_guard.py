"""Keeping the settings file right when more than one program writes it.

The kiosk is not the only writer of ``settings.json``: IT runs ``tigoni-kiosk set-pin``
while the kiosk runs, a content update or a second process may change it too.  So the
store never writes over a file it has not read: before each save it re-reads the file
and, if it changed, merges (a three-way merge against the values it last read): what
changed on disk is taken in, what this process changed since is kept, field by field.
The read-merge-write runs under a short lock file beside the settings (``QLockFile``,
which removes a lock left by a process that was killed) so two writers cannot interleave.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WRITE_LOCK_WAIT_MS = 3000
"""How long a save waits for another writer to finish before writing anyway (ms)."""
_WRITE_LOCK_STALE_MS = 10_000  # a write takes milliseconds; a lock this old is left over


def changed_fields(before: Any, after: Any) -> list[str]:
    """Names of the dataclass fields whose values differ between two settings objects."""
    return [item.name for item in fields(before)
            if getattr(before, item.name) != getattr(after, item.name)]


def merge_changes(base: Any, ours: Any, theirs: Any) -> list[str]:
    """Take into ``ours`` (in place) each field ``theirs`` changed from ``base``.

    A field changed in both keeps ``ours`` (this process is about to save its change).
    Returns the names of the fields taken in.
    """
    mine = set(changed_fields(base, ours))
    taken = [name for name in changed_fields(base, theirs) if name not in mine]
    for name in taken:
        setattr(ours, name, copy.deepcopy(getattr(theirs, name)))
    return taken


@contextmanager
def write_lock(path: Path) -> Iterator[bool]:
    """Hold ``<path>.lock`` while reading, merging and writing ``path``.

    Yields False (and logs) if another writer held it for ``WRITE_LOCK_WAIT_MS``; the
    caller then writes anyway, still having compared the file first.
    """
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(path.with_name(f".{path.name}.lock")))
    lock.setStaleLockTime(_WRITE_LOCK_STALE_MS)
    got = lock.tryLock(WRITE_LOCK_WAIT_MS)
    if not got:
        log.warning("%s: another program is writing the settings; saving anyway", path)
    try:
        yield got
    finally:
        if got:
            lock.unlock()
