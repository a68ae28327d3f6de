"""Private files on Linux: the data folder 0700 and every file in it 0600.

An older version (or IT copying content from a USB stick) leaves files readable by every
local user; the kiosk's start-up closes them, and everything it writes itself (settings,
the usage database with its ``-wal`` and ``-shm``, logs) is born owner-only.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import setup_logging
from kiosk.private_files import make_private
from kiosk.settings import SettingsStore
from kiosk.stats import DATABASE_FILE, UsageRecorder
from tests.stats.helpers import NOON
from tests.stats.old_database import write_v1

REPOSITORY = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes(data_dir: Path) -> dict[str, int]:
    """Every folder and file in the data folder (and the folder itself), by relative path."""
    found = {".": mode(data_dir)}
    for path in sorted(data_dir.rglob("*")):
        found[str(path.relative_to(data_dir))] = mode(path)
    return found


def not_private(data_dir: Path) -> dict[str, str]:
    return {name: oct(found) for name, found in modes(data_dir).items()
            if found != (0o700 if (data_dir / name).is_dir() else 0o600)}


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask (files 0644, folders 0755), as an older version ran with."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def readable_by_everyone(data_dir: Path) -> None:
    """What an older version and a USB copy left: folders 0755 and files 0644."""
    write_v1(data_dir / DATABASE_FILE, NOON.date(), days=3)
    (data_dir / "settings.json").write_text("{}", encoding="utf-8")
    (data_dir / "logs").mkdir()
    (data_dir / "logs" / "kiosk.log").write_text("old log\n", encoding="utf-8")
    (data_dir / "logs" / "kiosk.log.1").write_text("older log\n", encoding="utf-8")
    (data_dir / "content" / "en").mkdir(parents=True)
    (data_dir / "content" / "en" / "home.md").write_text("# Home\n", encoding="utf-8")
    (data_dir / "packs").mkdir()
    (data_dir / "packs" / "2026-11.zip").write_bytes(b"PK")
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_start_up_makes_an_old_data_folder_private(data_dir: Path, open_umask: None) -> None:
    readable_by_everyone(data_dir)
    assert not_private(data_dir)
    assert make_private(data_dir) == len(modes(data_dir))
    assert not_private(data_dir) == {}
    assert make_private(data_dir) == 0, "nothing left to change"


def test_what_the_kiosk_writes_is_born_private(tmp_path: Path, open_umask: None) -> None:
    """Even without the start-up's umask: settings, database, log and their folders."""
    data_dir = tmp_path / "new-data"
    store = SettingsStore(data_dir)
    assert store.save()
    recorder = UsageRecorder(data_dir, flush_interval=60)
    recorder.page_viewed("safety", "en")
    assert recorder.flush()
    assert (data_dir / f"{DATABASE_FILE}-wal").exists()
    assert (data_dir / f"{DATABASE_FILE}-shm").exists()
    root = logging.getLogger()
    level, hook, thread_hook = root.level, sys.excepthook, threading.excepthook
    try:
        assert setup_logging(data_dir) is not None
        logging.getLogger("kiosk").warning("a line, so the log file exists")
    finally:  # put the root logger and the hooks back for the next test
        for handler in [h for h in root.handlers if getattr(h, "_kiosk", False)]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        sys.excepthook, threading.excepthook = hook, thread_hook
    assert (data_dir / "logs" / "kiosk.log").exists()
    assert not_private(data_dir) == {}
    recorder.close()


@pytest.mark.spawns_processes
def test_the_kiosk_started_on_an_old_folder_leaves_nothing_readable_by_others(
    data_dir: Path, open_umask: None
) -> None:
    """The real start-up, to the first paint, on a folder an older version left open."""
    readable_by_everyone(data_dir)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "--size", "800x600",
         "--exit-after-first-paint"],
        cwd=REPOSITORY, env=environment, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert "first-paint" in finished.stdout
    assert (data_dir / "logs" / "kiosk.log").stat().st_size > len("old log\n")
    assert not_private(data_dir) == {}


def test_the_systemd_unit_makes_the_state_folder_and_new_files_private() -> None:
    unit = (REPOSITORY / "build" / "linux" / "tigoni-kiosk.service.in").read_text(
        encoding="utf-8")
    service = unit.split("[Service]", 1)[1].split("\n[", 1)[0]
    settings = [line.strip() for line in service.splitlines()]
    assert "StateDirectory=tigoni-kiosk" in settings
    assert "StateDirectoryMode=0700" in settings
    assert "UMask=0077" in settings
