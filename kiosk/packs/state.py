"""What is installed, kept in ``packs/`` in the data folder and replaced atomically.

``packs/state.json`` names the pack shown (``current``), the one before it
(``previous``, the fallback) and the highest version ever installed (no rollback by
replaying an old pack).  Replacing this one small file (write beside, fsync, rename,
fsync the folder) is the moment a new pack takes over, so a kill at any moment leaves
it naming one complete, checked pack.  ``packs/refused.json`` keeps the last refused
pack and why, for the staff panel.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk.packs import TRUSTED_KEYS_DIR

log = logging.getLogger(__name__)

PACKS_DIR = "packs"
STATE_FILE = "state.json"
REFUSED_FILE = "refused.json"


@dataclass(frozen=True)
class InstalledPack:
    """One unpacked pack: its folder under ``packs/`` and what its manifest said."""

    folder: str
    version: int
    signer: str
    key_id: str
    created: str
    files: int
    installed: str


@dataclass
class PackState:
    """The installed packs."""

    current: InstalledPack | None = None
    previous: InstalledPack | None = None
    highest_version: int = 0


@dataclass(frozen=True)
class Refusal:
    """The last pack that was refused."""

    file: str
    at: str
    reasons: list[str] = field(default_factory=list)


def packs_dir(data_dir: Path) -> Path:
    """Where installed packs live."""
    return data_dir / PACKS_DIR


def content_dir_of(data_dir: Path, pack: InstalledPack) -> Path:
    """The content folder of an installed pack."""
    return packs_dir(data_dir) / pack.folder / "content"


def trusted_keys_dir(data_dir: Path) -> Path:
    """Where IT puts the public keys this kiosk trusts (``*.pub``)."""
    return data_dir / TRUSTED_KEYS_DIR


def has_trusted_key(data_dir: Path | None) -> bool:
    """Whether a trusted key is in place (then only signed content is shown).

    Any ``*.pub`` file counts, even one that cannot be read: a damaged key must not
    quietly reopen the kiosk to unsigned content.
    """
    if data_dir is None:
        return False
    try:
        return any(trusted_keys_dir(data_dir).glob("*.pub"))
    except OSError:
        return False


def _installed(value: object) -> InstalledPack | None:
    if not isinstance(value, dict):
        return None
    try:
        pack = InstalledPack(**value)
    except TypeError:
        return None
    if "/" in pack.folder or "\\" in pack.folder or pack.folder in ("", ".", ".."):
        return None
    return pack


def read_state(data_dir: Path) -> PackState:
    """The installed packs; an empty state if none (a damaged file is logged)."""
    path = packs_dir(data_dir) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PackState()
    except (OSError, ValueError) as error:
        log.warning("%s cannot be read (%s); no content pack is installed", path, error)
        return PackState()
    if not isinstance(data, dict):
        return PackState()
    highest = data.get("highest_version", 0)
    return PackState(_installed(data.get("current")), _installed(data.get("previous")),
                     highest if isinstance(highest, int) else 0)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (a no-op where folders cannot open)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside, fsync, rename over ``path``, fsync the folder; ``OSError`` on failure."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_state(data_dir: Path, state: PackState) -> None:
    """Switch to ``state`` atomically (``OSError`` if the disk refuses)."""
    write_atomically(packs_dir(data_dir) / STATE_FILE,
                     json.dumps(asdict(state), indent=2).encode("utf-8"))


def read_refusal(data_dir: Path) -> Refusal | None:
    """The last refused pack, if any."""
    try:
        data = json.loads((packs_dir(data_dir) / REFUSED_FILE).read_text(encoding="utf-8"))
        return Refusal(str(data["file"]), str(data["at"]), [str(r) for r in data["reasons"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_refusal(data_dir: Path, refusal: Refusal) -> None:
    """Remember the last refused pack (never raises: staff text is not worth a crash)."""
    try:
        packs_dir(data_dir).mkdir(parents=True, exist_ok=True)
        write_atomically(packs_dir(data_dir) / REFUSED_FILE,
                         json.dumps(asdict(refusal), indent=2).encode("utf-8"))
    except OSError as error:
        log.warning("could not record the refused pack: %s", error)
