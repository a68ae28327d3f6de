"""The staff PIN: hashing, checking and the lock-out after wrong guesses.

Only a salted scrypt hash is stored, never the digits; checks compare in constant time.
After ``ATTEMPTS_BEFORE_LOCK`` wrong PINs in a row the pad locks for 60 s, doubling with
each further lock up to 15 minutes.  The lock-out state is plain data so it can be saved
and survive a restart: ``locked_until`` is a wall-clock time (seconds since the epoch),
read only when the kiosk starts and then never trusted for more than the longest lock.
Within a run the lock is timed on the monotonic clock (``kiosk.session.staff``).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_DIGITS = 4
MAX_DIGITS = 8
ATTEMPTS_BEFORE_LOCK = 5
FIRST_LOCK_SECONDS = 60
LONGEST_LOCK_SECONDS = 15 * 60
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PREFIX = "scrypt"


class PinFormatError(ValueError):
    """A PIN that is not 4 to 8 digits."""


def validate_pin(pin: str) -> str:
    """Return ``pin`` if it is 4 to 8 digits, else raise ``PinFormatError``."""
    if not (MIN_DIGITS <= len(pin) <= MAX_DIGITS) or not pin.isascii() or not pin.isdigit():
        raise PinFormatError(f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits")
    return pin


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a valid PIN, as ``scrypt$<salt hex>$<hash hex>``."""
    import hashlib  # with secrets, 8 ms of start-up if imported before a PIN is used
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(validate_pin(pin).encode(), salt=salt, **_SCRYPT)
    return f"{_PREFIX}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from (constant-time compare)."""
    try:
        prefix, salt_hex, digest_hex = stored.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if prefix != _PREFIX or not pin.isascii():
        return False
    import hashlib
    import hmac

    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return hmac.compare_digest(digest, expected)


def lock_seconds(locks_before: int) -> int:
    """How long the next lock lasts after ``locks_before`` locks: 60 s doubling, 15 min at most."""
    return min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS << min(locks_before, 16))


@dataclass
class LockOut:
    """Wrong guesses in a row, how many locks so far, and when the current lock ends.

    ``locked_until`` is wall-clock seconds since the epoch, for saving only.
    """

    failures: int = 0
    locks: int = 0
    locked_until: float = 0.0

    def seconds_left(self, now: float) -> int:
        """Whole seconds from wall-clock ``now`` until the saved lock ends.

        0 when not locked; never more than ``LONGEST_LOCK_SECONDS``, however far ahead
        the clock stood when the lock was saved.
        """
        return max(0, min(LONGEST_LOCK_SECONDS, int(self.locked_until - now + 0.999)))

    def record_failure(self, now: float) -> int:
        """A wrong PIN at wall-clock ``now``: the seconds of the lock it starts, or 0.

        The pad locks after the fifth in a row, each lock twice as long as the last.
        """
        self.failures += 1
        if self.failures < ATTEMPTS_BEFORE_LOCK:
            return 0
        duration = lock_seconds(self.locks)
        self.locks += 1
        self.failures = 0
        self.locked_until = now + duration
        return duration

    def record_success(self) -> None:
        """The right PIN: forget the wrong guesses."""
        self.failures = 0
        self.locks = 0
        self.locked_until = 0.0

    @property
    def attempts_left(self) -> int:
        """Guesses left before the next lock."""
        return ATTEMPTS_BEFORE_LOCK - self.failures
