"""Owner-only files: the data folder is 0700 and every file in it 0600 (POSIX only).

The data folder holds settings (the PIN hash), usage counts, logs, updated content and
content packs.  None of it is for other local users.  ``make_private`` runs once at
start-up: it sets the process's umask to 0077 (so everything the kiosk creates from
then on, SQLite's ``-wal`` and ``-shm`` included, is owner-only) and tightens whatever
an older version, IT or a USB copy left readable.  On Windows the folder inherits the
per-user ACL of ``%APPDATA%`` (see ``build/windows/README.md``), so nothing is done.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077
POSIX = os.name == "posix"


def private_umask() -> None:
    """Files and folders this process creates from now on are its owner's alone."""
    if POSIX:
        os.umask(UMASK)


def private_folder(path: Path) -> None:
    """Create ``path`` (and parents) if needed and make it 0700; raises ``OSError``."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if POSIX:
        path.chmod(FOLDER_MODE)


def private_file(path: Path) -> None:
    """Make an existing file 0600 (nothing on Windows); raises ``OSError``."""
    if POSIX:
        path.chmod(FILE_MODE)


def make_private(data_dir: Path) -> int:
    """Umask 0077, the folder 0700, every folder in it 0700 and every file 0600.

    Returns how many modes were changed (each is logged once, as a count).  Symbolic
    links are not followed; trouble is logged, never raised, so the kiosk still starts.
    """
    private_umask()
    if not POSIX:
        return 0
    try:
        changed = int(data_dir.is_dir() and stat.S_IMODE(data_dir.stat().st_mode) != FOLDER_MODE)
        private_folder(data_dir)
    except OSError as error:
        log.warning("cannot make the data folder %s private: %s", data_dir, error)
        return 0
    for root_name, folders, files in os.walk(data_dir):  # Path.walk needs Python 3.12
        root = Path(root_name)
        for name, mode in [(name, FOLDER_MODE) for name in folders] + [
                (name, FILE_MODE) for name in files]:
            path = root / name
            try:
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
                    continue
                path.chmod(mode)
                changed += 1
            except OSError as error:
                log.warning("cannot make %s private: %s", path, error)
    if changed:
        log.info("made %d files and folders in %s readable by their owner only",
                 changed, data_dir)
    return changed


def foreign_owner(data_dir: Path) -> str | None:
    """The user who owns ``data_dir`` when root is about to write into it, else None.

    A file root writes there (an owner-only settings file, a log) is one the kiosk's own
    user can no longer read or append to; ``set-pin`` and ``install-pack`` refuse then.
    """
    if not POSIX or os.geteuid() != 0 or not data_dir.is_dir():
        return None
    owner = data_dir.stat().st_uid
    if owner == 0:
        return None
    import pwd

    try:
        return pwd.getpwuid(owner).pw_name
    except KeyError:
        return str(owner)
