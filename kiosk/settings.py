"""Kiosk settings, kept as JSON in the data folder and written safely.

Defaults are declared once, in ``Settings``.  A corrupt or unreadable file is logged and
replaced by defaults, failing closed: kiosk mode stays on and the PIN pad stays locked,
so a damaged disk never opens the kiosk.  A corrupt file is moved aside (kept for IT) and
the fail-closed settings are written in its place, so the next start is locked down too.
Values of the right type but out of range (a negative count of wrong PINs, a timer too
long for Qt) count as corrupt.  An unwritable data folder keeps the settings in memory
and logs a warning.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import math
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kiosk import audit
from kiosk.private_files import private_folder
from kiosk.session.pin import LONGEST_LOCK_SECONDS, LockOut
from kiosk.settings_guard import changed_fields, merge_changes, write_lock

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
IDLE_TIMEOUT_CHOICES = (30, 60, 90, 120, 180, 300)
# Whole numbers outside these bounds are corrupt: a timer needs a positive interval that
# fits Qt's milliseconds, and a negative count of wrong PINs would grant extra guesses.
_WHOLE_NUMBER_BOUNDS = {
    "idle_timeout_s": (1, 86_400),
    "warning_s": (1, 3_600),
    "staff_panel_timeout_s": (1, 86_400),
    "staff_hold_ms": (1, 60_000),
    "default_text_step": (0, 100),
    "failures": (0, 1_000_000),
    "locks": (0, 1_000_000),
}


def _whole_number(name: str, value: object) -> int:
    """``value`` if it is an int (not a bool) within the bounds for ``name``."""
    low, high = _WHOLE_NUMBER_BOUNDS[name]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"setting {name!r} must be a whole number from {low} to {high}")
    return value


def _lock_out(value: object) -> LockOut:
    """The saved lock-out, refusing anything that could open or break the PIN pad."""
    if not isinstance(value, dict):
        raise ValueError("lock_out must be an object")
    until = value.get("locked_until", 0.0)
    if (not isinstance(until, int | float) or isinstance(until, bool)
            or not math.isfinite(until) or until < 0):
        raise ValueError("lock_out.locked_until must be a time")
    return LockOut(_whole_number("failures", value.get("failures", 0)),
                   _whole_number("locks", value.get("locks", 0)), float(until))


@dataclass
class Settings:
    """Everything staff and IT can set, with the defaults a new kiosk starts with."""

    kiosk_mode: bool = False
    pin_hash: str = ""
    lock_out: LockOut = field(default_factory=LockOut)
    idle_timeout_s: int = 90
    warning_s: int = 15
    staff_panel_timeout_s: int = 30
    staff_hold_ms: int = 3000
    hide_cursor: bool = True
    default_language: str = "en"
    default_text_step: int = 0
    high_contrast: bool = False
    # Several kiosks (issue #18): the name in usage CSV rows ("" means the host name),
    # folders besides inbox/ watched for content packs (a USB stick's mount point), and
    # whether yesterday's counts are written to outbox/ once a day.
    kiosk_name: str = ""
    inbox_folders: list[str] = field(default_factory=list)
    usage_outbox: bool = False

    def to_json(self) -> str:
        """The settings as JSON text."""
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """Parse settings; unknown keys are ignored, wrong types or ranges raise ``ValueError``."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
        defaults = cls()
        values: dict[str, object] = {}
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            if item.name == "lock_out":
                values["lock_out"] = _lock_out(value)
                continue
            expected = type(getattr(defaults, item.name))
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise ValueError(f"setting {item.name!r} must be {expected.__name__}")
            if item.name in _WHOLE_NUMBER_BOUNDS:
                _whole_number(item.name, value)
            values[item.name] = value
        return cls(**values)  # type: ignore[arg-type]


class SettingsStore:
    """Loads and saves ``Settings`` in one data folder; never raises on disk trouble.

    Other programs may write the file while this store is in use (``set-pin``, a second
    process): ``reload`` takes their changes in, and ``save`` never writes over a file it
    has not read (see ``kiosk.settings_guard``).  ``settings`` stays the same object.
    """

    def __init__(self, data_dir: Path | None) -> None:
        self.path = data_dir / SETTINGS_FILE if data_dir is not None else None
        self.warning = ""
        self._replace_moved_aside_file = False
        self._read: bytes | None = None  # the file's bytes as this store last read or wrote
        self._unreadable: bytes | None = None  # a newer file that would not parse
        self.settings = self._load()
        self._base = copy.deepcopy(self.settings)  # what ``_read`` holds
        if self._replace_moved_aside_file:
            # With no file at all the next start would open up with plain defaults.
            self.save()

    def _load(self) -> Settings:
        if self.path is None:
            return Settings()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            return self._fail_closed(f"settings file cannot be read ({error.strerror})")
        try:
            settings = Settings.from_json(raw.decode("utf-8"))
        except (ValueError, TypeError, RecursionError) as error:
            self._replace_moved_aside_file = self._move_aside()
            return self._fail_closed(f"settings file is corrupt ({error})")
        _no_lock_longer_than_the_longest(settings.lock_out)
        self._read = raw
        return settings

    def reload(self) -> list[str]:
        """Take in what another program changed in the file since this store read it.

        Fields this store changed and has not saved yet keep their values.  Returns the
        names of the fields taken in (empty when the file is unchanged, gone or unreadable;
        an unreadable newer file is logged once and moved aside by the next ``save``).
        """
        if self.path is None:
            return []
        try:
            raw = self.path.read_bytes()
        except OSError:
            return []
        if raw == self._read or raw == self._unreadable:
            return []
        try:
            theirs = Settings.from_json(raw.decode("utf-8"))
        except (ValueError, TypeError, RecursionError) as error:
            self._unreadable = raw
            log.warning("%s changed on disk but is corrupt (%s): keeping the settings in use",
                        self.path, error)
            return []
        _no_lock_longer_than_the_longest(theirs.lock_out)
        taken = merge_changes(self._base, self.settings, theirs)
        for name in taken:
            audit.setting_changed(name, getattr(self._base, name), getattr(theirs, name),
                                  "in the settings file, by another program")
        self._base, self._read, self._unreadable = theirs, raw, None
        return taken

    def _fail_closed(self, reason: str) -> Settings:
        self.warning = f"{reason}: using defaults with kiosk mode on and the PIN pad locked"
        log.warning("%s: %s", self.path, self.warning)
        settings = Settings(kiosk_mode=True)
        settings.lock_out.locked_until = time.time() + LONGEST_LOCK_SECONDS
        return settings

    def _move_aside(self) -> bool:
        assert self.path is not None
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            self.path.replace(aside)
        except OSError as error:
            log.warning("could not move the corrupt settings file aside: %s", error)
            return False
        log.warning("moved the corrupt settings file to %s", aside)
        return True

    def save(self) -> bool:
        """Write the settings atomically; False (and a warning) if the disk refuses.

        Changes another program made to the file first are merged in (``reload``), so
        they are never written over; each changed setting is logged (``kiosk.audit``).
        """
        if self.path is None:
            return False
        with contextlib.suppress(OSError):
            private_folder(self.path.parent)
        with write_lock(self.path):
            return self._save_merged(self.path)

    def _save_merged(self, path: Path) -> bool:
        self.reload()
        if self._unreadable is not None and self._move_aside():
            self._unreadable = None
        for name in changed_fields(self._base, self.settings):
            if name not in audit.SECRET_SETTINGS:
                audit.setting_changed(name, getattr(self._base, name),
                                      getattr(self.settings, name))
        text = self.settings.to_json()
        if not self._write(path, text):
            return False
        self._read, self._base = text.encode("utf-8"), copy.deepcopy(self.settings)
        return True

    def _write(self, path: Path, text: str) -> bool:
        temporary = path.with_name(f".{path.name}.tmp")
        try:
            private_folder(path.parent)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(path)
        except OSError as error:
            self.warning = f"settings could not be saved ({error.strerror or error})"
            log.warning("%s: %s", self.path, self.warning)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        return True


def _no_lock_longer_than_the_longest(lock_out: LockOut) -> None:
    """A lock saved while the clock ran far ahead must not last for years once it is right."""
    lock_out.locked_until = min(lock_out.locked_until, time.time() + LONGEST_LOCK_SECONDS)
