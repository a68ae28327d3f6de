"""Whether every character of the content can be drawn by a font the kiosk carries.

The kiosk bundles its fonts (``assets/fonts``) because a fresh kiosk PC may have no
other: Atkinson Hyperlegible for text, Noto Emoji (monochrome) for emoji and DejaVu Sans
for other symbols (arrows, ticks, stars, Greek...).  A character none of them maps would
be an empty box on screen, so ``check`` and ``self-test`` name each one with its file and
line.  The fonts' character maps are read with fontTools, with no display needed.
Characters that are never drawn on their own (spaces, joiners, variation selectors,
combining marks) are not asked about.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from kiosk import resources
from kiosk.content.problems import Problem

_NOT_DRAWN_ALONE = ("Cc", "Cf", "Cs", "Mn", "Me", "Zs", "Zl", "Zp")
SURELY_DRAWN = frozenset(
    [chr(code) for code in range(0x20, 0x7F)] + [chr(code) for code in range(0xA0, 0x100)]
    + list("\t\n\r\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2212"))
"""Printable ASCII, Latin-1 and common punctuation: the text font draws them all (a test
holds this true), so text made only of them needs no look at the fonts' maps."""


@lru_cache(maxsize=1)
def bundled_characters() -> frozenset[int]:
    """Every code point some bundled font has a glyph for."""
    return characters_of(tuple(resources.font_paths()))


@lru_cache(maxsize=4)
def characters_of(paths: tuple[Path, ...]) -> frozenset[int]:
    """Every code point one of the font files in ``paths`` maps to a glyph."""
    from fontTools.ttLib import TTFont  # only when a page has a character outside SURELY_DRAWN

    found: set[int] = set()
    for path in paths:
        with TTFont(str(path), lazy=True) as font:
            found.update(font.getBestCmap() or {})
    return frozenset(found)


def missing_characters(text: str, drawable: frozenset[int] | None = None) -> list[str]:
    """The characters of ``text``, each once in order, that no bundled font can draw."""
    if SURELY_DRAWN.issuperset(text):
        return []
    known = bundled_characters() if drawable is None else drawable
    missing: list[str] = []
    for character in unicodedata.normalize("NFC", text):
        if ord(character) in known or character in missing:
            continue
        if unicodedata.category(character) in _NOT_DRAWN_ALONE:
            continue
        missing.append(character)
    return missing


def describe(character: str) -> str:
    """``'☃' (U+2603 SNOWMAN)``: a character as an editor can find it again."""
    name = unicodedata.name(character, "unnamed character")
    return f"'{character}' (U+{ord(character):04X} {name})"


def missing_by_line(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """``(line, message)`` for each line with characters no bundled font can draw."""
    found: list[tuple[int, str]] = []
    for number, line in lines:
        missing = missing_characters(line)
        if missing:
            shown = ", ".join(describe(character) for character in missing[:5])
            found.append((number, f"no bundled font can draw {shown}: it would show as an "
                                  "empty box; remove it or use another character"))
    return found


def file_problems(path: Path) -> list[Problem]:
    """A problem for each line of a text file (e.g. ``clinic.toml``) no font can draw.

    Lines that are ``#`` comments are never shown, so they are not asked about.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # the loader names a file it cannot read
    lines = ((number, line) for number, line in enumerate(text.splitlines(), start=1)
             if not line.lstrip().startswith("#"))
    return [Problem(path, number, message) for number, message in missing_by_line(lines)]
