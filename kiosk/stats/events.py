"""What the kiosk's UI thread hands the usage writer: small tuples, stamped when they happen.

No SQLite here: the recorder makes these before the kiosk's first paint.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple


class PageView(NamedTuple):
    """A page was shown."""

    at: datetime  # wall clock, local: only its date is kept
    page_id: str
    language: str


class VisitStart(NamedTuple):
    """The first touch after the attract screen (or after start-up)."""

    at: datetime  # wall clock, local: only its date is kept
    language: str
    monotonic: float  # seconds, for the visit's length only


class VisitEnd(NamedTuple):
    """The idle reset (or the kiosk closing)."""

    monotonic: float


class VisitDiscard(NamedTuple):
    """The open visit was staff's, not a patient's: it is not counted at all."""


Event = PageView | VisitStart | VisitEnd | VisitDiscard
