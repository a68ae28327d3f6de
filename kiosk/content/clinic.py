"""The clinic's details (name, phone, WhatsApp, email, address, crisis lines).

They live in ``content/clinic.toml`` so the clinic can correct them without a programmer.
Loading never raises: each bad or missing field becomes a problem and is left out, so the
screens that use it can show everything else.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.problems import Problem

CLINIC_FILE = "clinic.toml"
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ]{2,20}$")
_INTERNATIONAL_PHONE = re.compile(r"^\+[1-9][0-9 ]{6,20}$")
_TOML_LINE = re.compile(r"line (\d+)")
_TEXT_FIELDS = ("name", "address", "whatsapp_message", "email_subject")


@dataclass(frozen=True)
class CrisisLine:
    """A helpline shown in the help panel and the help box."""

    name: str
    number: str
    note: str = ""
    translated_notes: tuple[tuple[str, str], ...] = ()
    translated_names: tuple[tuple[str, str], ...] = ()

    def name_in(self, language: str) -> str:
        """The name in ``language`` (``name_sw = ...`` in the file), else the English one."""
        return dict(self.translated_names).get(language, self.name)

    def note_in(self, language: str) -> str:
        """The note in ``language`` (``note_sw = ...`` in the file), else the English one."""
        return dict(self.translated_notes).get(language, self.note)


@dataclass
class Clinic:
    """Clinic details; a field is ``""`` when it is missing or invalid."""

    name: str = ""
    phone: str = ""
    whatsapp: str = ""
    email: str = ""
    address: str = ""
    whatsapp_message: str = ""
    email_subject: str = ""
    crisis_lines: list[CrisisLine] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        """The clinic's name, or a neutral fallback if the data file lacks it."""
        return self.name or "Welcome"


def international_digits(number: str) -> str:
    """``+254 797 777060`` -> ``254797777060`` (for wa.me links)."""
    return re.sub(r"\D", "", number)


def load_clinic(content_dir: Path) -> tuple[Clinic, list[Problem]]:
    """Read ``clinic.toml`` from ``content_dir``; never raises."""
    path = content_dir / CLINIC_FILE
    clinic = Clinic()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return clinic, [Problem(path, None, "clinic data file is missing")]
    except OSError as error:
        return clinic, [Problem(path, None, f"clinic data file cannot be read: "
                                            f"{error.strerror or error}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        return clinic, [Problem(path, bad_line, "clinic data file is not UTF-8 text; save it "
                                                "as UTF-8")]
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        reason = str(error).split(" (at line", 1)[0]
        return clinic, [Problem(path, line, f"clinic data file is malformed ({reason}); check "
                                            "the quotes and '=' signs on this line")]
    return _validated(data, path)


def _validated(data: dict[str, object], path: Path) -> tuple[Clinic, list[Problem]]:
    clinic = Clinic()
    problems: list[Problem] = []

    def text(key: str) -> str:
        value = data.get(key)
        if value is None:
            problems.append(Problem(path, None, f"field '{key}' is missing"))
            return ""
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, None, f"field '{key}' must be non-empty text"))
            return ""
        return value.strip()

    for key in _TEXT_FIELDS:
        setattr(clinic, key, text(key))
    for key in ("phone", "whatsapp"):
        value = text(key)
        if value and not _INTERNATIONAL_PHONE.match(value):
            problems.append(
                Problem(path, None, f"field '{key}' is not a phone number in international "
                                    f"form like +254 797 777060: {value!r}")
            )
            value = ""
        setattr(clinic, key, value)
    email = text("email")
    if email and not _EMAIL.match(email):
        problems.append(Problem(path, None, f"field 'email' is not an email address: {email!r}"))
        email = ""
    clinic.email = email
    clinic.crisis_lines = _crisis_lines(data.get("crisis_lines"), path, problems)
    return clinic, problems


def _crisis_lines(raw: object, path: Path, problems: list[Problem]) -> list[CrisisLine]:
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(path, None, "field 'crisis_lines' is missing or empty"))
        return []
    lines: list[CrisisLine] = []
    for index, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(path, None, f"crisis line {index} is not a table"))
            continue
        name, number = entry.get("name"), entry.get("number")
        note = entry.get("note", "")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(path, None, f"crisis line {index} has no 'name'"))
            continue
        if not isinstance(number, str) or not _PHONE.match(number.strip()):
            problems.append(
                Problem(path, None, f"crisis line {index} ('{name}') has no valid 'number'")
            )
            continue
        lines.append(CrisisLine(name.strip(), number.strip(), str(note).strip(),
                                _translated(entry, "note"), _translated(entry, "name")))
    return lines


def _translated(entry: dict[str, object], field_name: str) -> tuple[tuple[str, str], ...]:
    """``name_sw = "..."`` -> ``(("sw", "..."),)``: a field's other languages, blanks left out."""
    prefix = f"{field_name}_"
    return tuple(
        (key.removeprefix(prefix), str(value).strip())
        for key, value in entry.items() if key.startswith(prefix) and str(value).strip()
    )
