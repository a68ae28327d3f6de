"""What a link or image reference in a page points at, and whether it is allowed.

* ``page:conditions/depression`` is an internal link to another page.
* ``http:`` and ``https:`` are external: the kiosk shows them as a QR code, never opens them.
* Any other scheme (``javascript:``, ``file:``, ``data:`` ...) is refused.
* Images are relative paths looked up in the content folder, then in ``assets/``.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from urllib.parse import urlsplit

PAGE_SCHEME = "page"
EXTERNAL_SCHEMES = frozenset({"http", "https"})


class LinkKind(Enum):
    """How the kiosk treats a link."""

    PAGE = "page"
    EXTERNAL = "external"
    REFUSED = "refused"


def classify(href: str) -> LinkKind:
    """Decide what a link in content is; a link that cannot be parsed is refused."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:  # e.g. "http://[oops": an unclosed IPv6 address
        return LinkKind.REFUSED
    scheme = parts.scheme.lower()
    if scheme == PAGE_SCHEME:
        return LinkKind.PAGE
    if scheme in EXTERNAL_SCHEMES and parts.netloc:
        return LinkKind.EXTERNAL
    return LinkKind.REFUSED


def page_target(href: str) -> str:
    """``page:conditions/depression#top`` -> ``conditions/depression`` (Unicode NFC)."""
    target = href.strip()[len(PAGE_SCHEME) + 1 :]
    return unicodedata.normalize("NFC", target.split("#", 1)[0].strip("/").lower())
