"""Which content folder the kiosk shows: given, updated by IT, or bundled.

IT updates content without rebuilding by placing a ``content`` folder in the data
folder.  It replaces the bundled content only when it has no errors; otherwise the
bundled content is shown and the problems are logged (and shown to staff).

Updated content is always read and checked whole before it is accepted.  The running
kiosk (``lazy``) reads given or bundled content a section at a time, so start-up does
not grow with the number of pages; ``check`` reads everything.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from kiosk import audit, resources
from kiosk.content.lazy import open_content
from kiosk.content.loader import Content, load_content
from kiosk.content.problems import Problem, errors
from kiosk.packs import TRUSTED_KEYS_DIR

log = logging.getLogger(__name__)

UPDATED_CONTENT_DIR = "content"


class ContentOrigin(Enum):
    """Where the content being shown came from."""

    GIVEN = "given on the command line"
    UPDATED = "updated content in the data folder"
    BUNDLED = "bundled with the program"
    PACK = "signed content pack in the data folder"


@dataclass
class ContentChoice:
    """The content shown, where it came from, and why an update was refused."""

    content: Content
    origin: ContentOrigin
    rejected_update: list[Problem] = field(default_factory=list)


def choose_content(given: Path | None, data_dir: Path | None,
                   lazy: bool = False) -> ContentChoice:
    """Load the content the kiosk should show; ``lazy``: given or bundled pages as needed."""
    assets = resources.assets_dir()

    def shown(root: Path) -> Content:
        return open_content(root, assets) if lazy else load_content(root, assets)

    if given is not None:
        return ContentChoice(shown(given), ContentOrigin.GIVEN)
    if data_dir is not None:
        updated_dir = data_dir / UPDATED_CONTENT_DIR
        # With a trusted key only signed packs are shown (kiosk.packs.shown).
        pack, refused = None, []
        if (data_dir / TRUSTED_KEYS_DIR).exists():  # no cost on a kiosk without packs
            from kiosk.packs import shown as packs

            pack = packs.installed_pack_dir(data_dir)
            refused = ([Problem(updated_dir, None, packs.UNSIGNED_REFUSED)]
                       if packs.unsigned_override_refused(data_dir, updated_dir) else [])
        if pack is not None:
            log.info("showing content pack %d from %s", pack[0].version, pack[1])
            return ContentChoice(shown(pack[1]), ContentOrigin.PACK, refused)
        if refused:
            bundled = shown(resources.bundled_content_dir())
            return ContentChoice(bundled, ContentOrigin.BUNDLED, refused)
        if updated_dir.is_dir():
            updated = load_content(updated_dir, assets)
            refused = errors(updated.problems)
            if not refused:
                audit.content_update_installed(
                    updated_dir, sum(len(lib.pages) for lib in updated.libraries.values()))
                return ContentChoice(updated, ContentOrigin.UPDATED)
            audit.content_update_refused(updated_dir, [p.format() for p in refused])
            bundled = shown(resources.bundled_content_dir())
            return ContentChoice(bundled, ContentOrigin.BUNDLED, refused)
    return ContentChoice(shown(resources.bundled_content_dir()), ContentOrigin.BUNDLED)
