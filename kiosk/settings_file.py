"""Reading ``settings.json`` as IT writes it by hand: text, JSON, then each setting alone.

IT edits the file in Notepad or nano, so the bytes may start with a byte-order mark
(UTF-8 or UTF-16, Notepad's "Unicode"), use CRLF or tabs, and end with a newline or not:
all of that is read.  Only text that is not JSON, or JSON that is not one object, is
``CorruptSettingsError`` (with the line it breaks on); the store then fails closed.

In a JSON object every setting is judged on its own: a wrong value is replaced by the safe
value for that setting alone (the locked-down one for kiosk mode and the PIN, the nearest
allowed one for a number out of range, else the default) and becomes a ``Problem`` naming
its line; unknown keys are kept (the store writes them back) and warned about with a close
match.  Nothing here touches the disk except ``check_settings_file``, for ``check``.
"""

from __future__ import annotations

import codecs
import difflib
import json
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.session.pin import LONGEST_LOCK_SECONDS, LockOut
from kiosk.session.text_size import LARGEST_STEP

# Whole numbers and the values allowed: the idle timeout is the staff panel's choices
# (30 to 300 s); the others are not on the panel but must be timers a person can live with.
RANGES: dict[str, tuple[int, int, str]] = {
    "idle_timeout_s": (30, 300, "seconds"),
    "warning_s": (5, 60, "seconds"),
    "staff_panel_timeout_s": (10, 120, "seconds"),
    "staff_hold_ms": (1, 60_000, "ms"),
    "default_text_step": (0, LARGEST_STEP, ""),
}
LANGUAGES = ("en", "sw")  # the languages the staff panel offers as the start language
_COUNT_LIMIT = 1_000_000  # wrong PINs and locks: more is a broken file, not a person
# Settings whose wrong value is written back as IT wrote it (until staff change it), so a
# mistake is never lost; the lock-out is the kiosk's own and is written as it is used.
_NOT_KEPT = {"lock_out"}


class CorruptSettingsError(ValueError):
    """The file is not a JSON object at all; ``line`` is where reading stopped."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """One mistake in the file: where, which setting, what is wrong and what is used."""

    line: int
    setting: str
    text: str

    def format(self, path: Path | str | None) -> str:
        """``<path>:<line>: <setting>: <what is wrong, and what is used instead>``."""
        return f"{path or 'settings.json'}:{self.line}: {self.setting}: {self.text}"


@dataclass
class Parsed:
    """The values to use, the problems found, and what to write back unchanged."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kept: dict[str, Any] = field(default_factory=dict)  # unknown keys and wrong values
    pin_unreadable: bool = False  # a PIN hash was there but cannot be used


def decode(raw: bytes) -> str:
    """The file's text, whatever byte-order mark a Windows editor put first."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count("\n".encode("utf-16-le")) + 1
            raise CorruptSettingsError(line, "the file says it is UTF-16 but is not") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise CorruptSettingsError(line, "this line is not UTF-8 text (in Notepad: Save as, "
                                    "Encoding: UTF-8)") from error
    if "\x00" in text:  # UTF-16 without its byte-order mark reads as text full of NULs
        line = text[:text.index("\x00")].count("\n") + 1
        raise CorruptSettingsError(line, "the file has NUL characters: save it as UTF-8 text")
    return text


def parse(text: str, defaults: Any) -> Parsed:
    """Judge each setting in ``text`` against the dataclass instance ``defaults``."""
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        names = [name for name, _value in items]
        repeated.extend(name for index, name in enumerate(names) if name in names[:index])
        return dict(items)

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise CorruptSettingsError(error.lineno, f"not valid JSON ({error.msg}, column "
                                            f"{error.colno})") from error
    except RecursionError as error:
        raise CorruptSettingsError(1, "nested too deeply to be settings") from error
    if not isinstance(data, dict):
        raise CorruptSettingsError(1, "the file must be one JSON object: { ... }")
    parsed = Parsed()
    for name in dict.fromkeys(repeated):
        if name in data:  # a top-level key (a repeat inside lock_out is the kiosk's own)
            parsed.problems.append(Problem(key_line(text, name, last=True), name,
                                           "is in the file twice; the last one is used"))
    known = vars(defaults)
    for name, value in data.items():
        if name not in known:
            parsed.kept[name] = value
            parsed.problems.append(Problem(key_line(text, name), name, _unknown(name, known)))
            continue
        if name == "lock_out":
            used, wrong = _lock_out(value)
        else:
            used, wrong = _judge(name, value, known[name])
        if wrong:
            parsed.problems.append(Problem(key_line(text, name, last=True), name, wrong))
            if name not in _NOT_KEPT:
                parsed.kept[name] = value
            parsed.pin_unreadable |= name == "pin_hash"
        parsed.values[name] = used
    parsed.problems.sort(key=lambda problem: problem.line)  # in the order IT reads the file
    return parsed


def key_line(text: str, key: str, last: bool = False, start: int = 0) -> int:
    """The line ``"key":`` is on, found by scanning the text for it (1 if not found).

    ``json`` keeps no positions, so the key is looked for as written: the quoted name
    followed by optional white space and a colon (a value that is a string is never
    followed by a colon, so it cannot be mistaken for the key).  JSON uses the last of
    repeated keys, so ``last`` finds that one; ``start`` skips to a nested object.
    """
    found = list(re.finditer(re.escape(json.dumps(key)) + r"\s*:", text[start:]))
    if not found:
        return 1
    where = start + (found[-1] if last else found[0]).start()
    return text.count("\n", 0, where) + 1


def _unknown(name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"is not a setting the kiosk knows{hint}; it is kept in the file but not used"


def _judge(name: str, value: Any, default: Any) -> tuple[Any, str]:
    """The value to use and what is wrong ("" when nothing is)."""
    if name in RANGES:
        low, high, unit = RANGES[name]
        unit_words = f" {unit}" if unit else ""
        allowed = f"a whole number from {low} to {high}{unit_words}"
        if not isinstance(value, int) or isinstance(value, bool):
            return default, f"must be {allowed}; using {default}"
        if not low <= value <= high:
            nearest = min(max(value, low), high)
            return nearest, f"{value} is outside {low} to {high}{unit_words}; using {nearest}"
        return value, ""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, ""
        safe = {"kiosk_mode": True, "hide_cursor": True}.get(name, default)
        why = " (locked down, the safe choice)" if name == "kiosk_mode" else ""
        return safe, f"must be true or false, without quotes; using {json.dumps(safe)}{why}"
    if name == "pin_hash":
        if isinstance(value, str) and (not value or _looks_like_a_hash(value)):
            return value, ""
        return "", ("is not a PIN hash made by set-pin, so no PIN opens the staff panel "
                    "until IT runs set-pin")
    if name == "default_language":
        if value in LANGUAGES:
            return value, ""
        return default, f"must be one of {', '.join(LANGUAGES)}; using {default}"
    if name == "inbox_folders":
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value, ""
        if isinstance(value, list):
            used = [item for item in value if isinstance(item, str)]
            return used, "must be a list of folder names in quotes; using only those"
        return list(default), 'must be a list such as ["/media/usb"]; using none'
    if isinstance(default, str):
        if isinstance(value, str):
            return value, ""
        return default, f"must be text in quotes; using {json.dumps(default)}"
    return default, "is not understood; using the default"  # pragma: no cover


def _looks_like_a_hash(value: str) -> bool:
    prefix, *parts = value.split("$")
    return prefix == "scrypt" and len(parts) == 2 and all(
        part and all(c in "0123456789abcdef" for c in part) for part in parts)


def _lock_out(value: Any) -> tuple[LockOut, str]:
    """The saved lock-out; anything wrong in it locks the pad for the longest lock."""
    locked = LockOut(0, 0, time.time() + LONGEST_LOCK_SECONDS)
    if not isinstance(value, dict):
        return locked, "must be the kiosk's own record of wrong PINs; the PIN pad is locked " \
                       "for 15 minutes"
    wrong = []
    counts = {}
    for part in ("failures", "locks"):
        count = value.get(part, 0)
        ok = isinstance(count, int) and not isinstance(count, bool)
        if ok and 0 <= count <= _COUNT_LIMIT:
            counts[part] = count
        else:
            counts[part] = 0
            wrong.append(part)
    until = value.get("locked_until", 0.0)
    if (not isinstance(until, int | float) or isinstance(until, bool)
            or not math.isfinite(until) or until < 0):
        wrong.append("locked_until")
        until = locked.locked_until
    if not wrong:
        return LockOut(counts["failures"], counts["locks"], float(until)), ""
    return (LockOut(counts["failures"], counts["locks"], locked.locked_until),
            f"{', '.join(wrong)} cannot be used; the PIN pad is locked for 15 minutes")


def check_settings_file(path: Path, defaults: Any) -> list[str]:
    """Every mistake in the settings file at ``path``, one line each (none if no file)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        return [f"{path}:1: cannot be read ({error.strerror or error})"]
    try:
        parsed = parse(decode(raw), defaults)
    except CorruptSettingsError as error:
        return [f"{path}:{error.line}: corrupt: {error.reason}; the kiosk would move it "
                "aside and start locked down"]
    return [problem.format(path) for problem in parsed.problems]
