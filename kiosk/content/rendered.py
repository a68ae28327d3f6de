"""What rendering a page produces, and the words the help box needs: light types only.

Kept apart from ``render`` so screens can use them without loading ``markdown`` at
start-up (it is loaded when the first page is shown).
"""

from __future__ import annotations

from dataclasses import dataclass

IMAGE_SCHEME = "kiosk-image"


@dataclass(frozen=True)
class HelpBoxText:
    """The translated words around the crisis numbers in the help box."""

    heading: str
    danger_now: str


@dataclass(frozen=True)
class RenderedPage:
    """A page converted to HTML, with the images and external links it uses."""

    page_id: str
    html: str
    images: tuple[str, ...]
    external_links: tuple[str, ...]


__all__ = ["IMAGE_SCHEME", "HelpBoxText", "RenderedPage"]
