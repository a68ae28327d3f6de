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
    packs_dir,
    read_refusal,
    read_state,
)

log = logging.getLogger(__name__)

STAFF_REASON_CHARS = 48  # the panel is small; the log and install-pack have every reason
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
    return _newest_folder(data_dir) if state.current is None else None


def _newest_folder(data_dir: Path) -> tuple[InstalledPack, Path] | None:
    """With ``state.json`` lost or damaged: the newest unpacked pack folder.

    A ``v<version>`` folder exists only once its pack was verified, unpacked, fsynced
    and checked, so it is safe to show; better than falling back to the bundled content.
    """
    from kiosk.packs.manifest import ManifestError, parse_manifest

    try:
        folders = sorted((int(child.name[1:]), child) for child in packs_dir(data_dir).iterdir()
                         if child.name.startswith("v") and child.name[1:].isdigit())
    except OSError:
        return None
    for version, folder in reversed(folders):
        try:
            manifest = parse_manifest((folder / "manifest.json").read_bytes())
        except (OSError, ManifestError):
            continue
        if manifest.version == version and (folder / "content").is_dir():
            log.warning("no readable packs/state.json; showing content pack %d", version)
            return (InstalledPack(folder.name, version, manifest.signer, manifest.key_id,
                                  manifest.created, len(manifest.files), ""),
                    folder / "content")
    return None


def unsigned_override_refused(data_dir: Path, override: Path) -> bool:
    """Whether ``override`` (the data folder's ``content/``) must be refused; logs it."""
    if not has_trusted_key(data_dir) or not override.is_dir():
        return False
    log.warning("%s: %s", override, UNSIGNED_REFUSED)
    return True


def _date(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _shown_pack(data_dir: Path, shown_root: Path) -> InstalledPack | None:
    state = read_state(data_dir)
    return next((pack for pack in (state.current, state.previous) if pack is not None
                 and content_dir_of(data_dir, pack) == shown_root), None)


def pack_name(data_dir: Path | None, shown_root: Path,
              tr: Callable[[str], str] = str) -> str:
    """``content pack 3 by Office PC, 2026-11-30 05:42``: the pack in ``shown_root``."""
    pack = _shown_pack(data_dir, shown_root) if data_dir is not None else None
    if pack is None:
        return tr("a signed content pack")
    return tr("content pack %1 by %2, %3").replace("%1", str(pack.version)) \
        .replace("%2", pack.signer).replace("%3", _date(pack.created))


def staff_lines(data_dir: Path | None, shown_root: Path | None = None,
                tr: Callable[[str], str] = str) -> str:
    """At most three short lines for the staff panel (``""`` with no trusted key).

    The pack shown (``shown_root`` is the content folder the window shows), a newer one
    waiting for the next return home, the refused unsigned folder, and the last refused
    pack with its first reason (every reason is in the log and ``install-pack``).
    """
    if data_dir is None or not has_trusted_key(data_dir):
        return ""
    state = read_state(data_dir)
    lines = []
    shown = _shown_pack(data_dir, shown_root) if shown_root is not None else state.current
    if shown_root is None and shown is not None:  # the window names it in its own line
        lines.append(tr("Content pack %1, signed by %2 on %3.").replace("%1", str(shown.version))
                     .replace("%2", shown.signer).replace("%3", _date(shown.created)))
    elif state.current is None:
        lines.append(tr("No content pack installed yet."))
    if state.current is not None and shown is not None and shown != state.current:
        lines.append(tr("Pack %1 shows from the next return to the home screen.")
                     .replace("%1", str(state.current.version)))
    if (data_dir / "content").is_dir():
        lines.append(tr("The unsigned content folder in the data folder is refused."))
    refusal = read_refusal(data_dir)
    if refusal is not None:
        more = len(refusal.reasons) - 1
        reason = _shorten(refusal.reasons[0] if refusal.reasons else "", STAFF_REASON_CHARS)
        line = tr("Refused %1 (%2): %3").replace("%1", _shorten(refusal.file, 24)) \
            .replace("%2", _date(refusal.at)).replace("%3", reason)
        if more:
            line += " " + tr("(+%1 in the log)").replace("%1", str(more))
        lines.append(line)
    return "\n".join(lines)
