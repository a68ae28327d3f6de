"""Making a pack (``tigoni-kiosk pack``): check the content, list and hash it, sign.

Only what ``check`` accepts is packed.  Hidden files and folders (``.git``,
``.DS_Store``) and editors' backup files are left out, as they are never shown; a
symbolic link in the content is refused, since a kiosk would refuse the pack.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import socket
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from kiosk.packs.install import content_errors
from kiosk.packs.keys import key_id, load_private_key
from kiosk.packs.manifest import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    MAX_FILES,
    MAX_UNPACKED_BYTES,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
)
from kiosk.packs.state import write_atomically

LAST_VERSION_SUFFIX = ".last-version"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class PackError(Exception):
    """The pack was not made; ``lines`` says why, one problem each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("; ".join(lines))
        self.lines = lines


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name.endswith("~")


def content_files(root: Path) -> list[tuple[str, Path]]:
    """``(name in the pack, path)`` of every file to pack, sorted; ``PackError`` if unsafe."""
    found: list[tuple[str, Path]] = []
    problems: list[str] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if _skipped(relative):
            continue
        if path.is_symlink():
            problems.append(f"{relative}: a symbolic link; copy the file itself instead")
        elif path.is_file():
            found.append((relative.as_posix(), path))
    if len(found) > MAX_FILES:
        problems.append(f"{len(found)} files; a pack holds at most {MAX_FILES}")
    if problems:
        raise PackError(problems)
    return found


def default_version(key_path: Path, now: datetime | None = None) -> int:
    """The date as ``YYYYMMDDhhmm`` (UTC), or one more than the last pack this key made."""
    stamp = int((now or datetime.now(UTC)).strftime("%Y%m%d%H%M"))
    try:
        last = int(key_path.with_name(key_path.name + LAST_VERSION_SUFFIX).read_text())
    except (OSError, ValueError):
        last = 0
    return max(stamp, last + 1)


def make_pack(content_dir: Path, out: Path, key_path: Path, version: int | None = None,
              signer: str | None = None) -> Manifest:
    """Check, hash and sign ``content_dir`` into ``out``; the manifest written.

    Raises ``PackError`` (check's problems, unsafe files, limits), ``KeyFileError``.
    """
    key = load_private_key(key_path)
    if not content_dir.is_dir():
        raise PackError([f"{content_dir}: no such content folder"])
    problems = content_errors(content_dir)
    if problems:
        raise PackError(problems)
    files = content_files(content_dir)
    entries: dict[str, FileEntry] = {}
    datas: dict[str, bytes] = {}  # what was hashed is what is packed, even if a file changes
    for name, path in files:
        datas[name] = data = path.read_bytes()
        entries[name] = FileEntry(hashlib.sha256(data).hexdigest(), len(data))
    if sum(entry.size for entry in entries.values()) > MAX_UNPACKED_BYTES:
        raise PackError([f"the content is larger than {MAX_UNPACKED_BYTES // 2**20} MB"])
    chosen = version if version is not None else default_version(key_path)
    if chosen <= 0:
        raise PackError(["--version must be a positive whole number"])
    manifest = Manifest(chosen, datetime.now(UTC).isoformat(timespec="seconds"),
                        signer or f"{getpass.getuser()}@{socket.gethostname()}",
                        key_id(key.public_key()), entries)
    raw = manifest.to_bytes()
    temporary = out.with_name(f".{out.name}.partial")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, raw)
        archive.writestr(SIGNATURE_NAME, key.sign(raw))
        for name, data in datas.items():
            info = zipfile.ZipInfo(CONTENT_PREFIX + name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    temporary.replace(out)  # a watched inbox never sees half a pack under its final name
    write_atomically(key_path.with_name(key_path.name + LAST_VERSION_SUFFIX),
                     str(chosen).encode("ascii"))
    return manifest
