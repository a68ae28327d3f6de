"""Kiosk settings, kept as JSON in the data folder and written safely.

Defaults are declared once, in ``Settings``.  A corrupt or unreadable file is moved
aside, logged and replaced by defaults, failing closed: kiosk mode stays on and the PIN
pad stays locked, so a damaged disk never opens the kiosk.  An unwritable data folder
keeps the settings in memory and logs a warning.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kiosk.session.pin import LONGEST_LOCK_SECONDS, LockOut

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

    def to_json(self) -> str:
        """The settings as JSON text."""
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """Parse settings; unknown keys are ignored, wrong types raise ``ValueError``."""
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
                if not isinstance(value, dict):
                    raise ValueError("lock_out must be an object")
                values["lock_out"] = LockOut(int(value.get("failures", 0)),
                                             int(value.get("locks", 0)),
                                             float(value.get("locked_until", 0.0)))
                continue
            expected = type(getattr(defaults, item.name))
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise ValueError(f"setting {item.name!r} must be {expected.__name__}")
            values[item.name] = value
        return cls(**values)  # type: ignore[arg-type]


class SettingsStore:
    """Loads and saves ``Settings`` in one data folder; never raises on disk trouble."""

    def __init__(self, data_dir: Path | None) -> None:
        self.path = data_dir / SETTINGS_FILE if data_dir is not None else None
        self.warning = ""
        self.settings = self._load()

    def _load(self) -> Settings:
        if self.path is None:
            return Settings()
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            return self._fail_closed(f"settings file cannot be read ({error.strerror})")
        try:
            return Settings.from_json(text)
        except (ValueError, TypeError) as error:
            self._move_aside()
            return self._fail_closed(f"settings file is corrupt ({error})")

    def _fail_closed(self, reason: str) -> Settings:
        self.warning = f"{reason}: using defaults with kiosk mode on and the PIN pad locked"
        log.warning("%s: %s", self.path, self.warning)
        settings = Settings(kiosk_mode=True)
        settings.lock_out.locked_until = time.time() + LONGEST_LOCK_SECONDS
        return settings

    def _move_aside(self) -> None:
        assert self.path is not None
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            self.path.replace(aside)
            log.warning("moved the corrupt settings file to %s", aside)
        except OSError as error:
            log.warning("could not move the corrupt settings file aside: %s", error)

    def save(self) -> bool:
        """Write the settings atomically; False (and a warning) if the disk refuses."""
        if self.path is None:
            return False
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(self.settings.to_json())
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self.path)
        except OSError as error:
            self.warning = f"settings could not be saved ({error.strerror})"
            log.warning("%s: %s", self.path, self.warning)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return False
        return True
