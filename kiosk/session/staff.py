"""Staff access: checking the PIN against the stored hash with a lasting lock-out.

A lock is timed on the monotonic clock, so setting the wall clock (a flat clock battery
corrected, a time zone change) neither shortens nor stretches it.  The wall-clock end
saved in the settings is read once, when the kiosk starts, and capped there.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum

from kiosk import audit
from kiosk.session.pin import hash_pin, pin_matches
from kiosk.settings import SettingsStore


class PinResult(Enum):
    """What happened to a PIN typed on the pad."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no pin"


class StaffAccess:
    """The one place that decides whether a typed PIN opens the staff panel."""

    def __init__(self, store: SettingsStore, clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """Decide for the PIN stored in ``store``.

        ``clock``: wall-clock seconds since the epoch (for the saved lock-out only);
        ``monotonic``: seconds on a clock nobody sets (for how long a lock lasts).
        """
        self._store = store
        self._clock = clock
        self._monotonic = monotonic
        saved_lock = store.settings.lock_out.seconds_left(clock())  # at most the longest
        self._unlocks_at = monotonic() + saved_lock

    def _take_in_changes_on_disk(self) -> list[str]:
        """Re-read the settings file, so a PIN set by IT (``set-pin``) counts at once.

        Returns the names of the settings another program changed (``kiosk.settings``).
        A lock-out changed there (``set-pin`` clears it) replaces the one being timed.
        """
        changed = self._store.reload()
        if "lock_out" in changed:
            saved = self._store.settings.lock_out.seconds_left(self._clock())
            self._unlocks_at = self._monotonic() + saved
        return changed

    @property
    def has_pin(self) -> bool:
        """Whether IT has set a staff PIN (re-read: ``set-pin`` may have just set one)."""
        self._take_in_changes_on_disk()
        return bool(self._store.settings.pin_hash)

    @property
    def settings_unreadable(self) -> bool:
        """Whether there is no PIN because the settings file could not be read.

        Not because IT never set one: the PIN may be in the file moved aside.
        """
        return not self.has_pin and self._store.pin_unreadable

    def seconds_locked(self) -> int:
        """Whole seconds until another PIN may be tried (0 when not locked).

        The settings file is read again first: a PIN set by IT while the pad is locked
        (``set-pin``) unlocks it at once.
        """
        self._take_in_changes_on_disk()
        return max(0, math.ceil(self._unlocks_at - self._monotonic()))

    @property
    def attempts_left(self) -> int:
        """Wrong PINs allowed before the pad locks."""
        return self._store.settings.lock_out.attempts_left

    def try_pin(self, pin: str) -> PinResult:
        """Check ``pin``; every outcome that changes the lock-out is saved at once."""
        if not self.has_pin:
            return PinResult.NO_PIN
        if (locked := self.seconds_locked()) > 0:
            audit.pin_refused_while_locked(locked)
            return PinResult.LOCKED
        lock_out = self._store.settings.lock_out
        if pin_matches(pin, self._store.settings.pin_hash):
            lock_out.record_success()
            self._unlocks_at = 0.0
            self._store.save()
            audit.pin_accepted()
            return PinResult.ACCEPTED
        lock_seconds = lock_out.record_failure(self._clock())
        if lock_seconds:
            self._unlocks_at = self._monotonic() + lock_seconds
        self._store.save()
        if (locked := self.seconds_locked()) > 0:
            audit.locked_out(locked)
            return PinResult.LOCKED
        audit.wrong_pin(self.attempts_left)
        return PinResult.WRONG

    def set_pin(self, pin: str, by: str = "staff panel") -> None:
        """Store a new PIN (raises ``PinFormatError`` unless it is 4 to 8 digits).

        ``by`` says who set it, for the audit trail (``staff panel`` or ``set-pin``).
        """
        self._store.settings.pin_hash = hash_pin(pin)
        self._store.settings.lock_out.record_success()
        self._unlocks_at = 0.0
        self._store.save()
        audit.pin_changed(by)
