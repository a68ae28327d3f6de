"""The staff PIN: hashing, checking and the lock-out after wrong guesses.

Only a salted scrypt hash is stored, never the digits; checks compare in constant time.
After ``ATTEMPTS_BEFORE_LOCK`` wrong PINs in a row the pad locks for 60 s, doubling with
each further lock up to 15 minutes.  The lock-out state is plain data so it can be saved
and survive a restart.
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


@dataclass
class LockOut:
    """Wrong guesses in a row, how many locks so far, and when the current lock ends."""

    failures: int = 0
    locks: int = 0
    locked_until: float = 0.0

    def seconds_left(self, now: float) -> int:
        """Whole seconds until the pad unlocks (0 when it is not locked)."""
        return max(0, int(self.locked_until - now + 0.999))

    def record_failure(self, now: float) -> None:
        """A wrong PIN: lock after the fifth in a row, each lock twice as long."""
        self.failures += 1
        if self.failures >= ATTEMPTS_BEFORE_LOCK:
            duration = min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2**self.locks)
            self.locks += 1
            self.failures = 0
            self.locked_until = now + duration

    def record_success(self) -> None:
        """The right PIN: forget the wrong guesses."""
        self.failures = 0
        self.locks = 0
        self.locked_until = 0.0

    @property
    def attempts_left(self) -> int:
        """Guesses left before the next lock."""
        return ATTEMPTS_BEFORE_LOCK - self.failures
