"""Which pack the kiosk shows, and the staff panel's words about packs.

With a trusted key in ``trusted-keys/`` only signed content reaches patients: the
installed pack (or, if its folder is gone, the previous one), else the bundled
content; an unsigned ``content/`` folder in the data folder is refused and reported.
With no trusted key nothing changes (``kiosk.content.source`` decides as before).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.packs.state import (
    InstalledPack,
    content_dir_of,
    has_trusted_key,
    read_refusal,
    read_state,
)

log = logging.getLogger(__name__)

UNSIGNED_REFUSED = ("unsigned content is refused: a trusted key is in place, so only "
                    "signed content packs are shown")


def installed_pack_dir(data_dir: Path) -> tuple[InstalledPack, Path] | None:
    """The installed pack to show and its content folder, or None.

    The previous pack stands in if the current one's folder is missing; None if no
    usable pack is installed or no key is trusted.
    """
    if not has_trusted_key(data_dir):
        return None
    state = read_state(data_dir)
    for pack in (state.current, state.previous):
        if pack is None:
            continue
        folder = content_dir_of(data_dir, pack)
        if folder.is_dir():
            return pack, folder
        log.warning("content pack %d is missing its folder %s", pack.version, folder)
    return None


def unsigned_override_refused(data_dir: Path, override: Path) -> bool:
    """Whether ``override`` (the data folder's ``content/``) must be refused; logs it."""
    if not has_trusted_key(data_dir) or not override.is_dir():
        return False
    log.warning("%s: %s", override, UNSIGNED_REFUSED)
    return True


def _date(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def staff_lines(data_dir: Path | None, tr: Callable[[str], str] = str) -> str:
    """Lines for the staff panel: the pack shown and the last refused pack (or "")."""
    if data_dir is None or not has_trusted_key(data_dir):
        return ""
    state = read_state(data_dir)
    lines = []
    if state.current is not None:
        pack = state.current
        lines.append(tr("Content pack %1, signed by %2 on %3.").replace("%1", str(pack.version))
                     .replace("%2", pack.signer).replace("%3", _date(pack.created)))
    else:
        lines.append(tr("No content pack installed yet."))
    refusal = read_refusal(data_dir)
    if refusal is not None:
        lines.append(tr("Last refused pack: %1 (%2): %3").replace("%1", refusal.file)
                     .replace("%2", _date(refusal.at)).replace("%3", "; ".join(refusal.reasons)))
    return "\n".join(lines)
