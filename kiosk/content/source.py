"""Which content folder the kiosk shows: given, updated by IT, or bundled.

IT updates content without rebuilding by placing a ``content`` folder in the data
folder.  It replaces the bundled content only when it has no errors; otherwise the
bundled content is shown and the problems are logged (and shown to staff).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from kiosk import resources
from kiosk.content.loader import Content, load_content
from kiosk.content.problems import Problem, errors

log = logging.getLogger(__name__)

UPDATED_CONTENT_DIR = "content"


class ContentOrigin(Enum):
    """Where the content being shown came from."""

    GIVEN = "given on the command line"
    UPDATED = "updated content in the data folder"
    BUNDLED = "bundled with the program"


@dataclass
class ContentChoice:
    """The content shown, where it came from, and why an update was refused."""

    content: Content
    origin: ContentOrigin
    rejected_update: list[Problem] = field(default_factory=list)


def choose_content(given: Path | None, data_dir: Path | None) -> ContentChoice:
    """Load the content the kiosk should show."""
    assets = resources.assets_dir()
    if given is not None:
        return ContentChoice(load_content(given, assets), ContentOrigin.GIVEN)
    if data_dir is not None:
        updated_dir = data_dir / UPDATED_CONTENT_DIR
        if updated_dir.is_dir():
            updated = load_content(updated_dir, assets)
            refused = errors(updated.problems)
            if not refused:
                log.info("showing updated content from %s", updated_dir)
                return ContentChoice(updated, ContentOrigin.UPDATED)
            log.warning(
                "updated content in %s has %d problem(s); showing the bundled content",
                updated_dir, len(refused),
            )
            for problem in refused:
                log.warning("%s", problem.format())
            bundled = load_content(resources.bundled_content_dir(), assets)
            return ContentChoice(bundled, ContentOrigin.BUNDLED, refused)
    return ContentChoice(load_content(resources.bundled_content_dir(), assets),
                         ContentOrigin.BUNDLED)
