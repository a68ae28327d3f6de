"""What ``check`` says about a page's Markdown, without loading Markdown itself.

Kept apart from ``gfm`` (which loads Python-Markdown and its extensions) so reading and
checking pages at start-up stays cheap.  ``drop_comments`` removes HTML comments (they
never reach the screen); ``differences`` names, by line, what the kiosk shows
differently from a GitHub preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BARE_URL = re.compile(r"(?<![(<\[=\"'])\bhttps?://\S+")
_ALERT = re.compile(r"^ {0,3}> *\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)
_HEADING_NO_SPACE = re.compile(r"^ {0,3}#{1,6}[^#\s]")
_SHORT_CODE = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])")


def drop_comments(text: str) -> str:
    """``text`` without HTML comments; each keeps its line breaks, so line numbers hold."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)


@lru_cache(maxsize=1)
def _known_short_codes() -> frozenset[str]:
    from pymdownx import emoji  # the index is large: loaded only when a page has a code

    index = emoji.gemoji(None, None)
    return frozenset(index["emoji"]) | frozenset(index["aliases"])


def differences(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each ``(line, what differs)`` from a GitHub preview, for ``check`` to name."""
    found: list[tuple[int, str]] = []
    for number, line in lines:
        if _ALERT.match(line):
            found.append((number, "GitHub's '> [!NOTE]' boxes are shown as a plain quote"))
        if _HEADING_NO_SPACE.match(line):
            found.append((number, "a heading needs a space after '#': "
                                  "shown as a heading here, as plain text on GitHub"))
        if "http" in line and _BARE_URL.search(line) is not None:
            found.append((number, "a bare web address is shown as plain text (no QR code): "
                                  "write it as [words](https://...)"))
        if ":" in line:
            for code in _SHORT_CODE.findall(line):
                if code not in _known_short_codes():
                    found.append((number, f"{code} is not an emoji short code: shown as "
                                          "written"))
    return found
