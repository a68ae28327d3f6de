"""Kiosk settings, kept as JSON in the data folder and written safely.

Defaults are declared once, in ``Settings``.  The file is read as IT writes it by hand
(``kiosk.settings_file``): a byte-order mark, CRLF or tabs are fine; each wrong setting
is logged as ``<path>:<line>: <setting>: <problem>`` and replaced by its safe value
alone; unknown keys and wrong values are written back as IT wrote them, never dropped.
Only a file that is not a JSON object, or cannot be read, fails closed: kiosk mode stays
on and the PIN pad stays locked, so a damaged disk never opens the kiosk.  Such a file is
moved aside as ``settings.json.corrupt-<YYYYmmdd-HHMMSS>`` (kept for IT) and the
fail-closed settings are written in its place, so the next start is locked down too.  An
unwritable data folder keeps the settings in memory and logs a warning.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kiosk import audit
from kiosk.private_files import private_folder
from kiosk.session.pin import LONGEST_LOCK_SECONDS, LockOut
from kiosk.settings_file import CorruptSettingsError, Parsed, decode, parse
from kiosk.settings_guard import changed_fields, merge_changes, write_lock

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
IDLE_TIMEOUT_CHOICES = (30, 60, 90, 120, 180, 300)


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

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """Parse settings, each wrong one replaced by its safe value (see ``parsed``)."""
        return cls.parsed(text)[0]

    @classmethod
    def parsed(cls, text: str) -> tuple[Settings, Parsed]:
        """The settings in ``text`` and what was found wrong or unknown in it.

        Raises ``CorruptSettingsError`` only when ``text`` is not a JSON object.
        """
        found = parse(text, cls())
        return cls(**found.values), found

    def to_json(self, kept: dict[str, Any] | None = None) -> str:
        """The settings as JSON text, with what IT wrote that is ``kept`` as written."""
        return json.dumps(asdict(self) | (kept or {}), indent=2, sort_keys=True)


class SettingsStore:
    """Loads and saves ``Settings`` in one data folder; never raises on disk trouble.

    Other programs may write the file while this store is in use (``set-pin``, a second
    process): ``reload`` takes their changes in, and ``save`` never writes over a file it
    has not read (see ``kiosk.settings_guard``).  ``settings`` stays the same object.
    """

    def __init__(self, data_dir: Path | None) -> None:
        self.path = data_dir / SETTINGS_FILE if data_dir is not None else None
        self.warning = ""
        self.problems: list[str] = []  # each mistake in the file, as logged
        self._replace_moved_aside_file = False
        self._failed_closed = False
        self._pin_unreadable = False  # the file had a PIN hash that cannot be used
        self._read: bytes | None = None  # the file's bytes as this store last read or wrote
        self._unreadable: bytes | None = None  # a newer file that would not parse
        self._kept: dict[str, Any] = {}  # unknown keys and wrong values, written back
        self._read_as = Settings()  # what the kept wrong values were read as
        self.settings = self._load()
        self._base = copy.deepcopy(self.settings)  # what ``_read`` holds
        self._aside_found = self.path is not None and any(
            self.path.parent.glob(f"{SETTINGS_FILE}.corrupt-*"))
        if self._replace_moved_aside_file:
            # With no file at all the next start would open up with plain defaults.
            self.save()

    @property
    def pin_unreadable(self) -> bool:
        """Whether the PIN is missing because the settings could not be read.

        Not because IT never set one: the file failed closed, its PIN hash was wrong, or a
        settings file was moved aside (the PIN is in it).
        """
        return not self.settings.pin_hash and (
            self._failed_closed or self._pin_unreadable or self._aside_found)

    def _parse(self, raw: bytes) -> Settings:
        """The settings in ``raw``, each mistake logged; raises ``CorruptSettingsError``."""
        settings, found = Settings.parsed(decode(raw))
        self.problems = [problem.format(self.path) for problem in found.problems]
        for line in self.problems:
            log.warning("%s", line)
        self._kept, self._read_as = found.kept, copy.deepcopy(settings)
        self._pin_unreadable = found.pin_unreadable
        _no_lock_longer_than_the_longest(settings.lock_out)
        return settings

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
            settings = self._parse(raw)
        except CorruptSettingsError as error:
            self._replace_moved_aside_file = self._move_aside()
            return self._fail_closed(f"settings file is corrupt: {error.reason}", error.line)
        self._read = raw
        return settings

    def reload(self) -> list[str]:
        """Take in what another program changed in the file since this store read it.

        Fields this store changed and has not saved yet keep their values.  Returns the
        names of the fields taken in (empty when the file is unchanged, gone or unreadable;
        an unreadable newer file is logged once and moved aside by the next ``save``).
        Each mistake in a changed file is logged, as at start-up.
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
            theirs = self._parse(raw)
        except CorruptSettingsError as error:
            self._unreadable = raw
            log.warning("%s:%d: changed on disk but is corrupt (%s): keeping the settings "
                        "in use", self.path, error.line, error.reason)
            return []
        taken = merge_changes(self._base, self.settings, theirs)
        for name in taken:
            audit.setting_changed(name, getattr(self._base, name), getattr(theirs, name),
                                  "in the settings file, by another program")
        self._base, self._read, self._unreadable = theirs, raw, None
        return taken

    def _fail_closed(self, reason: str, line: int | None = None) -> Settings:
        self._failed_closed = True
        self.warning = f"{reason}: using defaults with kiosk mode on and the PIN pad locked"
        log.warning("%s%s: %s", self.path, f":{line}" if line else "", self.warning)
        settings = Settings(kiosk_mode=True)
        settings.lock_out.locked_until = time.time() + LONGEST_LOCK_SECONDS
        return settings

    def _move_aside(self) -> bool:
        """Rename the file ``settings.json.corrupt-<YYYYmmdd-HHMMSS>`` (local time)."""
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            self.path.replace(aside)
        except OSError as error:
            log.warning("could not move the corrupt settings file aside: %s", error)
            return False
        log.warning("moved the corrupt settings file to %s (a staff PIN in it is not used "
                    "until IT fixes the file or runs set-pin)", aside)
        self._aside_found = True
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
        # A wrong value IT wrote stays in the file until staff change that setting.
        self._kept = {name: value for name, value in self._kept.items()
                      if not hasattr(self._read_as, name)
                      or getattr(self._read_as, name) == getattr(self.settings, name)}
        text = self.settings.to_json(self._kept)
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
