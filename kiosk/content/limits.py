"""What a page file may be: readable UTF-8 text, and within the limits that keep it quick.

Markdown's conversion and Qt's layout both slow down much faster than a page grows, so
size, links, list items, nesting and word length are capped far above anything a real
page needs (the largest real page is about 1.5 KB, with 8 links, lists one level deep
and no word over 20 letters).  A page over a limit is left out, with a ``Problem``.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.problems import Problem

# Measured on a desktop PC: a 90 KB page of emphasis took 7 s to convert, 4,000 unmatched
# '[' 12 s, 9,000 nested list items 1 s, 1,000 list markers on one line crashed Markdown
# (too deep), and one 99,000-letter word took Qt 43 s to lay out.  Within these limits
# the slowest page found converts and shows in about 0.5 s.
MAX_PAGE_BYTES = 20_000
MAX_PAGE_LINES = 1_500
MAX_LINKS = 50
MAX_LIST_ITEMS = 1_000
MAX_NESTING = 10
MAX_WORD = 1_000
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of the page file ``path`` without a BOM, or ``None`` and why not."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        return None, [Problem(path, None, f"file cannot be read: {error.strerror}")]
    if len(data) > MAX_PAGE_BYTES:
        try:
            size = path.stat().st_size
        except OSError:
            size = len(data)
        message = (
            f"page is too large ({_size_words(size)}; the limit is "
            f"{_size_words(MAX_PAGE_BYTES)}), so it is left out; split it into smaller pages"
        )
        return None, [Problem(path, None, message)]
    if not data.strip():
        return None, [Problem(path, None, "file is empty")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, None, "file is saved as UTF-16 text; save it as UTF-8")]
    if b"\x00" in data:
        return None, [Problem(path, None, "file is not text (it looks like a binary file)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "file is not UTF-8 text; save it as UTF-8")]
    if text.count("\n") > MAX_PAGE_LINES:
        message = f"page is too long (over {MAX_PAGE_LINES} lines), so it is left out"
        return None, [Problem(path, None, message)]
    return text.lstrip("\ufeff"), []


def _size_words(size: int) -> str:
    """``5_242_880`` -> ``5.2 MB``; ``40_000`` -> ``40 KB`` (rounded up)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{-(-size // 1000)} KB"


def too_slow_to_show(path: Path, text: str) -> Problem | None:
    """The first thing that would stall the screen for seconds when the page is shown."""
    links = items = 0
    for number, line in enumerate(text.splitlines(), start=1):
        word = _LONG_WORD.search(_LINK_TARGET.sub("]", line))
        if word is not None:
            return Problem(path, number, f"a word is {len(word.group(0)):,} characters long "
                                         f"with no space (the limit is {MAX_WORD:,}), so the "
                                         "page is left out")
        depth, markers = _nesting(line)
        if depth > MAX_NESTING:
            return Problem(path, number, f"lists or quotes are nested {depth:,} levels deep "
                                         f"(the limit is {MAX_NESTING}), so the page is left out")
        items += markers
        if items > MAX_LIST_ITEMS:
            return Problem(path, number, f"page has more than {MAX_LIST_ITEMS:,} list items "
                                         "and quotes, so it is left out; split it into smaller "
                                         "pages")
        links += line.count("[")
        if links > MAX_LINKS:
            return Problem(path, number, f"page has more than {MAX_LINKS} links and pictures "
                                         "('[' signs), so it is left out; split it into "
                                         "smaller pages")
    return None


def _nesting(line: str) -> tuple[int, int]:
    """A line's nesting depth and the list items and quotes it starts.

    The depth is its markers (``>``, ``-``, ``1.``...) plus its indent in steps of 4.
    """
    expanded = line.expandtabs(4)
    if _RULE.match(expanded):
        return 0, 0
    markers, position = 0, 0
    while (marker := _CONTAINER_MARKER.match(expanded, position)) is not None:
        markers += 1
        position = marker.end()
    if markers == 0:
        return 0, 0
    return markers + (len(expanded) - len(expanded.lstrip(" "))) // 4, markers
