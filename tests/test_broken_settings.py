"""Broken settings and a broken disk: the kiosk starts, warns, keeps running, fails closed.

A corrupt settings file is moved aside (its bytes kept for IT) and the kiosk starts in
kiosk mode with the PIN pad locked, on this start and the next.  An unwritable or full
disk keeps changes in memory and the old file intact.  The logs are owner-only rotating
files in the data folder, with Qt's own messages and every unhandled exception in them.

Tests run as root in CI, where folder permissions stop nothing, so an unwritable folder
is simulated: the system calls that would write there raise ``PermissionError``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk import logs
from kiosk.app import Options, build_window
from kiosk.logs import setup_logging
from kiosk.session.pin import LONGEST_LOCK_SECONDS, hash_pin
from kiosk.session.staff import PinResult
from kiosk.settings import SETTINGS_FILE, Settings, SettingsStore
from kiosk.ui.main_window import MainWindow
from tests.helpers import (
    WindowFactory,
    hold_clinic_name,
    tap_button,
    type_pin,
    visible_tiles,
    write_settings,
)

PIN = "2468"
ROOT = Path(__file__).resolve().parent.parent

VALID = Settings(kiosk_mode=True, pin_hash="scrypt$00$00", idle_timeout_s=60).to_json()
# Only a file that is not a JSON object is corrupt; a wrong value in one is replaced by that
# setting's safe value alone (tests/test_settings_mistakes.py).
CORRUPT: dict[str, bytes] = {
    "garbage": b"\x00\xff\xfe\x9c\x81 not json at all {{{\n",
    "a JSON list": b'[{"kiosk_mode": false}]',
    "truncated": VALID.encode()[: len(VALID) // 2],
    "empty": b"",
    "null": b"null",
    "deeply nested": b"[" * 100_000,
    "not UTF-8 (Windows ANSI)": b'{\n  "kiosk_name": "Cl\xednica"\n}\n',
    "UTF-16 without its byte-order mark": '{"kiosk_mode": true}'.encode("utf-16-le"),
}


def settings_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "kiosk.settings" and record.levelno == logging.WARNING]


def start(qtbot: QtBot, data_dir: Path, size: tuple[int, int] = (1280, 800)) -> MainWindow:
    """A kiosk on ``data_dir`` (which need not be the ``data_dir`` fixture)."""
    window, _choice = build_window(Options(data_dir=data_dir, size=size))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    window.present()
    qtbot.wait_exposed(window)
    qtbot.wait_until(lambda: window.lockdown.watching_input)
    return window


def assert_fails_closed(window: MainWindow) -> None:
    """Kiosk mode on, full screen, and no PIN (not even the right one) opens anything."""
    assert window.session.kiosk_mode and window.isFullScreen()
    assert window.session.staff_access.seconds_locked() > 0
    window.session.open_staff_access()
    pad = window.overlays.pin_pad
    assert pad.isVisible()
    assert not any(button.isEnabled() for button in pad.digit_buttons.values())
    assert window.session.staff_access.try_pin(PIN) is not PinResult.ACCEPTED
    assert not window.overlays.staff_panel.isVisible()


@pytest.mark.parametrize("kind", list(CORRUPT))
def test_a_corrupt_settings_file_is_kept_aside_and_the_kiosk_fails_closed(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
    caplog: pytest.LogCaptureFixture, kind: str,
) -> None:
    corrupt = CORRUPT[kind]
    (data_dir / SETTINGS_FILE).write_bytes(corrupt)
    with caplog.at_level(logging.WARNING):
        window = make_window()
    warnings = settings_warnings(caplog)
    assert any("corrupt" in message for message in warnings), warnings
    aside = list(data_dir.glob(f"{SETTINGS_FILE}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == corrupt, "the bytes are kept for IT"
    assert window.store.warning
    assert_fails_closed(window)


def test_the_next_start_after_a_corrupt_file_still_fails_closed(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    """The corrupt file is gone (moved aside): the next start must not find plain defaults."""
    (data_dir / SETTINGS_FILE).write_bytes(CORRUPT["truncated"])
    make_window().shutdown()
    again = make_window()
    assert_fails_closed(again)


def test_a_lock_out_saved_before_survives_a_corrupt_file(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_settings(data_dir, kiosk_mode=True, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    for _ in range(5):
        type_pin(qtbot, window.overlays.pin_pad, "1111")
    locked_for = window.session.staff_access.seconds_locked()
    assert locked_for > 0
    window.shutdown()
    path = data_dir / SETTINGS_FILE
    saved = path.read_bytes()
    assert b'"locks": 1' in saved
    path.write_bytes(saved[: len(saved) - 40])  # a write cut short

    with caplog.at_level(logging.WARNING):
        restarted = make_window()
    assert settings_warnings(caplog)
    assert restarted.session.staff_access.seconds_locked() >= locked_for
    assert_fails_closed(restarted)


def test_a_lock_out_from_a_clock_far_ahead_is_no_longer_than_the_longest_lock(
    data_dir: Path,
) -> None:
    """A lock saved while the clock was years ahead must not last for years."""
    write_settings(data_dir, lock_out={"failures": 0, "locks": 3,
                                       "locked_until": time.time() + 10 * 365 * 86400})
    store = SettingsStore(data_dir)
    left = store.settings.lock_out.seconds_left(time.time())
    assert 0 < left <= LONGEST_LOCK_SECONDS


# --- a data folder that cannot be written, or does not exist yet -------------------------


def refuse_writes_in(folder: Path, error: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file or folder the kiosk would make or replace in ``folder`` fails with
    ``error`` (its settings file, the temporary file beside it, the logs folder)."""
    real_open, real_replace, real_mkdir = os.open, Path.replace, Path.mkdir
    message = os.strerror(error)

    def inside(path: Any) -> bool:
        return Path(path).parent == folder or Path(path).parent.parent == folder

    def refusing_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        if inside(path) and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(error, message, str(path))
        return real_open(path, flags, mode, **kwargs)

    def refusing_replace(self: Path, target: Any) -> Path:
        if inside(target):
            raise OSError(error, message, str(target))
        return real_replace(self, target)

    def refusing_mkdir(self: Path, mode: int = 0o777, parents: bool = False,
                       exist_ok: bool = False) -> None:
        if inside(self) and not self.is_dir():
            raise OSError(error, message, str(self))
        real_mkdir(self, mode, parents, exist_ok)

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(Path, "replace", refusing_replace)
    monkeypatch.setattr(Path, "mkdir", refusing_mkdir)


def test_an_unwritable_empty_data_folder_starts_with_defaults(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    refuse_writes_in(data_dir, errno.EACCES, monkeypatch)
    with caplog.at_level(logging.WARNING):
        assert setup_logging(data_dir) is None
        window = make_window()
    assert any("cannot write logs" in record.getMessage() for record in caplog.records)
    assert not window.session.kiosk_mode and window.settings.idle_timeout_s == 90, "the defaults"
    window.settings.idle_timeout_s = 30
    with caplog.at_level(logging.WARNING):
        assert window.store.save() is False
    assert any("Permission denied" in message for message in settings_warnings(caplog))
    tiles = visible_tiles(window)
    tap_button(qtbot, tiles[0])
    assert window.session.idle.idle_timer.interval() == 30_000, "the change works, in memory"
    assert list(data_dir.iterdir()) == []


def test_an_unwritable_data_folder_keeps_changes_in_memory(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_settings(data_dir, kiosk_mode=True, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    before = (data_dir / SETTINGS_FILE).read_bytes()
    refuse_writes_in(data_dir, errno.EACCES, monkeypatch)
    window = make_window()
    with caplog.at_level(logging.WARNING):
        hold_clinic_name(qtbot, window)
        type_pin(qtbot, window.overlays.pin_pad, "1111")
    assert window.overlays.pin_pad.message.text() == "Wrong PIN. Tries left: 4.", "kept in memory"
    assert any("could not be saved (Permission denied)" in message
               for message in settings_warnings(caplog))
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    panel = window.overlays.staff_panel
    assert panel.isVisible()
    tap_button(qtbot, panel.idle_longer)
    assert window.settings.idle_timeout_s == 120
    assert "120 s" in panel.idle_label.text()
    assert window.store.save() is False
    assert (data_dir / SETTINGS_FILE).read_bytes() == before
    assert not list(data_dir.glob(".*tmp")), "no half-written file is left behind"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes to read-only folders; the simulated test covers it")
def test_a_read_only_data_folder_for_real(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_settings(data_dir, idle_timeout_s=60)
    data_dir.chmod(0o500)
    try:
        store = SettingsStore(data_dir)
        assert store.settings.idle_timeout_s == 60
        store.settings.idle_timeout_s = 120
        with caplog.at_level(logging.WARNING):
            assert store.save() is False
        assert settings_warnings(caplog)
        assert json.loads((data_dir / SETTINGS_FILE).read_text())["idle_timeout_s"] == 60
    finally:
        data_dir.chmod(0o700)


def test_a_data_folder_that_cannot_be_made_starts_and_runs(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    """The data folder's path runs through a regular file: nothing can be read or made."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    data_dir = blocker / "data"
    with caplog.at_level(logging.WARNING):
        assert setup_logging(data_dir) is None
        window = start(qtbot, data_dir)
    assert any("cannot write logs" in record.getMessage() for record in caplog.records)
    assert settings_warnings(caplog)
    assert window.session.kiosk_mode, "settings that cannot be read fail closed"
    window.settings.default_text_step = 2
    assert window.store.save() is False
    assert window.settings.default_text_step == 2, "the change is kept in memory"
    tiles = visible_tiles(window)
    tap_button(qtbot, tiles[0])
    assert window.session.current_screen == tiles[0].target_id, "the kiosk still answers taps"


def test_a_missing_data_folder_is_made_and_used(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    data_dir = tmp_path / "not" / "yet" / "there"
    with caplog.at_level(logging.WARNING):
        log_file = setup_logging(data_dir)
        window = start(qtbot, data_dir)
    assert not settings_warnings(caplog)
    assert log_file is not None and log_file.is_file()
    assert not window.session.kiosk_mode, "a new kiosk starts with the defaults"
    window.settings.idle_timeout_s = 180
    assert window.store.save()
    saved = data_dir / SETTINGS_FILE
    assert saved.stat().st_mode & 0o777 == 0o600
    window.shutdown()
    assert SettingsStore(data_dir).settings.idle_timeout_s == 180


# --- a full disk ---------------------------------------------------------------------------


def disk_full(*_args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_keeps_the_old_settings_file_and_the_kiosk_running(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_settings(data_dir, kiosk_mode=True, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    path = data_dir / SETTINGS_FILE
    before = path.read_bytes()
    window = make_window()
    monkeypatch.setattr(os, "fsync", disk_full)
    with caplog.at_level(logging.WARNING):
        hold_clinic_name(qtbot, window)
        for _ in range(5):
            type_pin(qtbot, window.overlays.pin_pad, "1111")
    assert any("No space left on device" in message for message in settings_warnings(caplog))
    assert path.read_bytes() == before, "the old file is intact (written atomically)"
    assert not list(data_dir.glob(".*tmp")), "no half-written file is left behind"
    assert window.session.staff_access.seconds_locked() > 0, "the lock-out holds in memory"
    tap_button(qtbot, window.overlays.pin_pad.close_button)
    tiles = visible_tiles(window)
    tap_button(qtbot, tiles[0])
    assert window.session.current_screen == tiles[0].target_id
    assert window.session.kiosk_mode and window.isFullScreen()


def test_save_says_false_when_the_disk_is_full(
    data_dir: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SettingsStore(data_dir)
    assert store.save()
    before = (data_dir / SETTINGS_FILE).read_bytes()
    store.settings.idle_timeout_s = 300
    monkeypatch.setattr(os, "fsync", disk_full)
    with caplog.at_level(logging.WARNING):
        assert store.save() is False
    assert "No space left on device" in store.warning
    assert (data_dir / SETTINGS_FILE).read_bytes() == before
    monkeypatch.undo()
    assert store.save(), "once there is room again, it saves"
    assert SettingsStore(data_dir).settings.idle_timeout_s == 300


# --- logs ------------------------------------------------------------------------------------


def kiosk_file_handler() -> logging.FileHandler:
    found = [handler for handler in logging.getLogger().handlers
             if getattr(handler, "_kiosk", False) and isinstance(handler, logging.FileHandler)]
    assert len(found) == 1
    return found[0]


def test_the_log_file_is_owner_only_and_rotates(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "data")
    assert log_file == tmp_path / "data" / "logs" / logs.LOG_NAME
    assert log_file.stat().st_mode & 0o777 == 0o600
    line = "x" * 10_000
    chatty = logging.getLogger("kiosk.test_logs")
    for _ in range((logs.BACKUPS + 2) * logs.MAX_BYTES // len(line)):
        chatty.info("%s", line)
    kiosk_file_handler().flush()
    files = sorted(log_file.parent.iterdir())
    names = [path.name for path in files]
    assert names == [logs.LOG_NAME, *(f"{logs.LOG_NAME}.{n}" for n in range(1, logs.BACKUPS + 1))]
    for path in files:
        assert path.stat().st_size <= logs.MAX_BYTES, path.name
        assert path.stat().st_mode & 0o777 == 0o600, path.name


def test_a_log_file_left_readable_by_others_is_made_owner_only(
    tmp_path: Path
) -> None:
    log_dir = tmp_path / "data" / "logs"
    log_dir.mkdir(parents=True)
    old = log_dir / logs.LOG_NAME
    old.write_text("from an older version\n", encoding="utf-8")
    old.chmod(0o644)
    assert setup_logging(tmp_path / "data") == old
    assert old.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_never_stops_the_kiosk_logging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The log file on a full disk: Linux's /dev/full refuses every write with ENOSPC."""
    setup_logging(tmp_path / "data")
    handler = kiosk_file_handler()
    working = handler.stream
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        handler.stream = full
        try:
            logging.getLogger("kiosk.test_logs").warning("the disk is full")  # no raise
        finally:
            handler.stream = working
            with contextlib.suppress(OSError):
                full.close()
    err = capsys.readouterr().err
    assert "--- Logging error ---" in err and "No space left on device" in err, err
    logging.getLogger("kiosk.test_logs").warning("room again")
    handler.flush()
    assert "room again" in (tmp_path / "data" / "logs" / logs.LOG_NAME).read_text()


QT_AND_CRASH_SCRIPT = """
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer, qWarning

from kiosk.app import Options, application, build_window
from kiosk.logs import setup_logging

data_dir = Path(sys.argv[1])
setup_logging(data_dir)
app = application([])
qWarning("a warning from Qt itself")

def raiser(what: str):
    def broken() -> None:
        raise RuntimeError(what)
    return broken

QTimer.singleShot(0, raiser("a bug before the window"))
app.processEvents()
thread = threading.Thread(target=raiser("a bug in a thread"), name="worker")
thread.start()
thread.join()
window, _choice = build_window(Options(data_dir=data_dir))
QTimer.singleShot(0, raiser("a bug in a slot"))
QTimer.singleShot(200, app.quit)
app.exec()
window.shutdown()
print("kiosk still running after the exceptions:", window.session.current_screen)
"""


@pytest.mark.spawns_processes
def test_qt_messages_and_each_unhandled_exception_reach_the_log_file(tmp_path: Path) -> None:
    """In its own process: pytest-qt puts its own Qt message handler in during tests."""
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", QT_AND_CRASH_SCRIPT, str(data_dir)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "kiosk still running after the exceptions: home" in run.stdout
    log_file = data_dir / "logs" / logs.LOG_NAME
    assert log_file.stat().st_mode & 0o777 == 0o600
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING qt: a warning from Qt itself" in text
    for bug in ("a bug before the window", "a bug in a thread", "a bug in a slot"):
        assert text.count(f"RuntimeError: {bug}") == 1, text
    assert text.count("Traceback (most recent call last)") == 3, text
    assert "CRITICAL kiosk: unhandled exception in thread worker" in text
    assert "ERROR kiosk.ui.crash_guard: unhandled exception" in text
