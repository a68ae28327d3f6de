"""Opening a pack without trusting it: signature first, then every name and limit.

``open_pack`` reads only the zip's directory and the (at most 1 MB) manifest before
the signature is checked against the trusted keys, so an unsigned zip bomb is never
inflated.  It then compares the zip's member list with the signed manifest: every
member must be ``manifest.json``, ``manifest.sig`` or a listed ``content/`` file, once,
as a regular file (no symbolic link, directory or device).  File contents are hashed
as they are unpacked (``install``), reading never more than the signed size plus one
byte, so a member whose header lies about its size cannot fill the disk.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from kiosk.packs.keys import TrustedKey
from kiosk.packs.manifest import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    MAX_UNPACKED_BYTES,
    SIGNATURE_NAME,
    Manifest,
    ManifestError,
    parse_manifest,
    unsafe_name_reason,
)

MAX_PACK_BYTES = MAX_UNPACKED_BYTES + 16 * 1024 * 1024  # zip overhead for incompressible files


class PackRefused(Exception):  # noqa: N818 - it is a refusal, not a programming error
    """The pack will not be installed; ``reasons`` holds one plain-words line each."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class OpenPack:
    """A pack whose signature and member list check out (contents not yet hashed)."""

    path: Path
    archive: zipfile.ZipFile
    manifest: Manifest
    signed_by: TrustedKey

    def close(self) -> None:
        """Close the zip file."""
        self.archive.close()


def _read_small(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise PackRefused([f"the pack has no {name}: not a content pack"]) from None
    if info.file_size > limit:
        raise PackRefused([f"the pack's {name} is too large"])
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise PackRefused([f"the pack's {name} is too large"])
    return data


def check_signature(raw: bytes, signature: bytes, trusted: list[TrustedKey]) -> TrustedKey:
    """The trusted key that signed ``raw``; ``PackRefused`` if none did."""
    if not trusted:
        raise PackRefused(["no trusted key in the data folder's trusted-keys/ "
                           "(IT must place the clinic's content-signing.pub there)"])
    for candidate in trusted:
        try:
            candidate.key.verify(signature, raw)
        except InvalidSignature:
            continue
        return candidate
    raise PackRefused(["the signature does not match any trusted key "
                       "(signed with another key, or the pack was changed after signing)"])


def _member_reasons(archive: zipfile.ZipFile, manifest: Manifest) -> list[str]:
    reasons: list[str] = []
    seen: set[str] = set()
    infos = archive.infolist()
    if len(infos) > MAX_FILES + 2:
        return [f"the pack holds {len(infos)} files; at most {MAX_FILES}"]
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        if name in seen:
            reasons.append(f"the pack holds {name} twice")
            continue
        seen.add(name)
        if name in (MANIFEST_NAME, SIGNATURE_NAME):
            continue
        if stat.S_ISLNK(mode):
            reasons.append(f"the pack holds a symbolic link ({name})")
            continue
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            reasons.append(f"the pack holds something that is not a plain file ({name})")
            continue
        if not name.startswith(CONTENT_PREFIX):
            reason = unsafe_name_reason(name)
            reasons.append(f"the pack holds {reason}" if reason else
                           f"the pack holds a file the manifest does not list ({name})")
            continue
        relative = name[len(CONTENT_PREFIX):]
        reason = unsafe_name_reason(relative)
        if reason is not None:
            reasons.append(f"the pack holds {reason}")
        elif relative not in manifest.files:
            reasons.append(f"the pack holds a file the manifest does not list ({name})")
        elif info.file_size != manifest.files[relative].size:
            reasons.append(f"{relative} is {info.file_size} bytes in the zip but "
                           f"{manifest.files[relative].size} in the manifest")
    for relative in manifest.files:
        if CONTENT_PREFIX + relative not in seen:
            reasons.append(f"the pack is missing {relative}, which the manifest lists")
    return reasons


def open_pack(path: Path, trusted: list[TrustedKey]) -> OpenPack:
    """Open and check ``path``; ``PackRefused`` with every reason found otherwise."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PackRefused([f"cannot read the pack ({error.strerror or error})"]) from None
    if size > MAX_PACK_BYTES:
        raise PackRefused([f"the pack file is {size / 1e6:.0f} MB; too large"])
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackRefused(["the file is not a complete zip file (truncated or damaged)"]) \
            from None
    try:
        raw = _read_small(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES)
        signature = _read_small(archive, SIGNATURE_NAME, 1024)
        signed_by = check_signature(raw, signature, trusted)
        try:
            manifest = parse_manifest(raw)
        except ManifestError as error:
            raise PackRefused([str(error)]) from None
        reasons = _member_reasons(archive, manifest)
        if reasons:
            raise PackRefused(reasons)
    except PackRefused:
        archive.close()
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        archive.close()
        raise PackRefused([f"the pack is damaged ({error})"]) from None
    return OpenPack(path, archive, manifest, signed_by)
