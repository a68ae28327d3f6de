"""A picture that passed ``check`` but cannot be drawn now shows its alt text, framed.

The page's HTML was made before the picture was decoded; when decoding fails (a file
damaged since, or changed by hand) its ``<img>`` is swapped for the same framed box the
renderer uses for a missing picture, so the patient never sees a blank gap.
"""

from __future__ import annotations

import html
import re

from kiosk.content.pictures import missing_picture_html

_ALT = re.compile(r'\balt="([^"]*)"')


def frame_failed_picture(page_html: str, source: str) -> str:
    """``page_html`` with every ``<img>`` whose ``src`` is ``source`` framed as alt text."""
    pattern = re.compile(r'<img\b[^>]*\bsrc="' + re.escape(html.escape(source, quote=True))
                         + r'"[^>]*>')

    def framed(match: re.Match[str]) -> str:
        alt = _ALT.search(match.group(0))
        return missing_picture_html(html.unescape(alt.group(1)) if alt else "")

    return pattern.sub(framed, page_html)
