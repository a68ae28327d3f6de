"""PIN entry on the staff pad, as logic: what is typed, what it is for, what to say.

Three modes: enter the PIN to open the staff panel, choose a new one, type it again to
confirm.  The pad widget shows ``mode``, ``note``, the number of digits typed and the
lock-out as a ``LockWait`` (plain minutes or seconds, read from ``StaffAccess``'s own
clock each time it is asked, so a pad that asks every second counts down and unlocks by
itself); it sends each key here and acts on the ``Outcome``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from kiosk.session.pin import MAX_DIGITS, MIN_DIGITS, PinFormatError, validate_pin
from kiosk.session.staff import PinResult, StaffAccess


class PadMode(Enum):
    """What the digits typed are for."""

    ENTER = "enter"
    NEW = "new"
    CONFIRM = "confirm"


class Note(Enum):
    """The line under the dots after the last OK."""

    NONE = "none"
    WRONG = "wrong"  # a wrong PIN (the pad says how many tries are left)
    FORMAT = "format"  # a new PIN that is not MIN_DIGITS to MAX_DIGITS digits
    DIFFERENT = "different"  # the confirmation did not match the new PIN


class Outcome(Enum):
    """What a key press led to."""

    TYPING = "typing"  # still on the pad
    ACCEPTED = "accepted"  # the right PIN: open the staff panel
    PIN_CHANGED = "pin changed"  # a new PIN was set


class WaitUnit(Enum):
    """The unit a lock-out's wait is said in."""

    MINUTES = "minutes"
    SECONDS = "seconds"


@dataclass(frozen=True)
class LockWait:
    """How long until the pad unlocks, in words a receptionist says: ``count`` ``unit``."""

    count: int
    unit: WaitUnit

    @classmethod
    def of(cls, seconds: int) -> LockWait:
        """Whole minutes (rounded up) above a minute, seconds from one minute down.

        120 s is "2 minutes", 61 s "2 minutes", 60 s "1 minute", 45 s "45 seconds": the
        count never promises less time than is left.
        """
        if seconds >= 60:
            return cls(math.ceil(seconds / 60), WaitUnit.MINUTES)
        return cls(max(1, seconds), WaitUnit.SECONDS)


class PinEntry:
    """Digits typed so far (never shown, only counted) and the mode they are for."""

    def __init__(self, access: StaffAccess) -> None:
        self.access = access
        self.mode = PadMode.ENTER
        self.note = Note.NONE
        self.typed = ""
        self._first_new_pin = ""

    def start(self, mode: PadMode) -> None:
        """Begin afresh: nothing typed, no note."""
        self.mode = mode
        self.note = Note.NONE
        self.typed = ""
        self._first_new_pin = ""

    def clear(self) -> None:
        """Forget the digits typed (the pad closed)."""
        self.typed = ""

    @property
    def locked(self) -> bool:
        """Whether the pad refuses PINs now (only when entering one)."""
        return self.mode is PadMode.ENTER and self.access.seconds_locked() > 0

    @property
    def lock_wait(self) -> LockWait | None:
        """How long until the pad unlocks, or None when it is not locked (asked afresh)."""
        if self.mode is not PadMode.ENTER:
            return None
        seconds = self.access.seconds_locked()
        return LockWait.of(seconds) if seconds > 0 else None

    @property
    def no_pin(self) -> bool:
        """Whether there is no PIN to enter (IT has not set one)."""
        return self.mode is PadMode.ENTER and not self.access.has_pin

    @property
    def settings_unreadable(self) -> bool:
        """Whether there is no PIN because the kiosk could not read its settings."""
        return self.no_pin and self.access.settings_unreadable

    @property
    def can_type(self) -> bool:
        """Whether the keys work."""
        return not (self.locked or self.no_pin)

    @property
    def can_submit(self) -> bool:
        """Whether OK works: enough digits typed."""
        return self.can_type and len(self.typed) >= MIN_DIGITS

    def press(self, key: str) -> Outcome:
        """One key: a digit ``"0"``-``"9"``, ``"delete"`` or ``"ok"``."""
        if not self.can_type:
            return Outcome.TYPING
        if key == "ok":
            return self._submit() if self.can_submit else Outcome.TYPING
        self.note = Note.NONE
        if key == "delete":
            self.typed = self.typed[:-1]
        elif key.isascii() and key.isdigit() and len(key) == 1 and len(self.typed) < MAX_DIGITS:
            self.typed += key
        return Outcome.TYPING

    def _submit(self) -> Outcome:
        pin, self.typed = self.typed, ""
        if self.mode is PadMode.ENTER:
            result = self.access.try_pin(pin)
            if result is PinResult.ACCEPTED:
                return Outcome.ACCEPTED
            self.note = Note.WRONG if result is PinResult.WRONG else Note.NONE
        elif self.mode is PadMode.NEW:
            try:
                self._first_new_pin = validate_pin(pin)
            except PinFormatError:
                self.note = Note.FORMAT
            else:
                self.mode, self.note = PadMode.CONFIRM, Note.NONE
        elif pin == self._first_new_pin:
            self.access.set_pin(pin)
            return Outcome.PIN_CHANGED
        else:
            self.mode, self.note = PadMode.NEW, Note.DIFFERENT
        return Outcome.TYPING
