"""Split a page into its metadata header and its Markdown body.

A page starts with a header between two ``---`` lines, one ``key: value`` per line::

    ---
    title: How ketamine works
    order: 1
    ---
    Body text in Markdown.

Only keys in ``KNOWN_KEYS`` are allowed, so a typo is caught by ``check``.  As in a YAML
header, one matching pair of quotes around a value is removed: ``order: "2"`` is ``2``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KNOWN_KEYS = frozenset(
    {
        "title",
        "order",
        "summary",
        "icon",
        "help_box",
        "reviewed_on",
        "reviewed_by",
        "translation_review",
    }
)
FENCE = "---"


@dataclass
class FrontMatter:
    """The parsed header: values, the line each key was on, and problems found."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)
    body: str = ""
    body_first_line: int = 1


def parse(text: str) -> FrontMatter:
    """Parse ``text``; problems carry 1-based line numbers and plain-words messages."""
    result = FrontMatter()
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        result.problems.append((1, "page has no header: the first line must be '---'"))
        result.body = text
        return result
    closing = next(
        (index for index in range(1, len(lines)) if lines[index].strip() == FENCE), None
    )
    if closing is None:
        result.problems.append((1, "header is not closed: add a line '---' after it"))
        result.body = "\n".join(lines[1:])  # checked for its other problems all the same
        result.body_first_line = 2
        return result
    for index in range(1, closing):
        line_number = index + 1
        raw = lines[index]
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, separator, value = raw.partition(":")
        key = key.strip().lower()
        if not separator or not key:
            result.problems.append((line_number, f"header line is not 'key: value': {raw!r}"))
            continue
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            result.problems.append(
                (line_number, f"unknown header key '{key}' (known keys: {known})")
            )
            continue
        if key in result.values:
            result.problems.append((line_number, f"header key '{key}' is given twice"))
            continue
        result.values[key] = unquoted(value.strip())
        result.lines[key] = line_number
    result.body = "\n".join(lines[closing + 1 :])
    result.body_first_line = closing + 2
    return result


def unquoted(value: str) -> str:
    """``value`` without one matching pair of surrounding quotes: ``"2"`` -> ``2``."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value
