"""A pack's manifest: what the signature vouches for.

``manifest.json`` is UTF-8 JSON::

    {"format": 1, "version": 202611300545, "created": "2026-11-30T05:45:00+00:00",
     "signer": "office-pc", "key_id": "3f2a...", "files": {"en/home.md":
     {"sha256": "...", "size": 1234}, ...}}

File names are relative to the content folder, ``/``-separated.  ``parse_manifest``
accepts only this shape and only safe names (no absolute path, no ``..``, no
backslash, no drive, no empty part), so nothing later has to trust a name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

FORMAT = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CONTENT_PREFIX = "content/"
MAX_FILES = 2000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(ValueError):
    """The manifest is not one this kiosk can trust (message in plain words)."""


@dataclass(frozen=True)
class FileEntry:
    """One content file: its size in bytes and SHA-256 (hex)."""

    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a pack holds and who vouches for it."""

    version: int
    created: str
    signer: str
    key_id: str
    files: dict[str, FileEntry]

    @property
    def total_bytes(self) -> int:
        """Bytes the content takes unpacked."""
        return sum(entry.size for entry in self.files.values())

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed."""
        return json.dumps({
            "format": FORMAT, "version": self.version, "created": self.created,
            "signer": self.signer, "key_id": self.key_id,
            "files": {name: {"sha256": entry.sha256, "size": entry.size}
                      for name, entry in sorted(self.files.items())},
        }, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")


def unsafe_name_reason(name: str) -> str | None:
    """Why ``name`` may not be a file in a pack, or None if it is a plain relative name."""
    if not name:
        return "an empty file name"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"an absolute path ({name})"
    if "\\" in name or "\x00" in name:
        return f"a file name with a backslash or NUL ({name!r})"
    parts = name.split("/")
    if ".." in parts:
        return f"a path that climbs out of the content folder ({name})"
    if any(part in ("", ".") for part in parts):
        return f"a file name with an empty or '.' part ({name})"
    return None


def _field(data: dict[str, object], name: str, kind: type) -> object:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ManifestError(f"the manifest's {name!r} is missing or not a {kind.__name__}")
    return value


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest in ``raw``; ``ManifestError`` naming the first thing wrong."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ManifestError("the manifest is larger than 1 MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ManifestError("the manifest is not valid JSON") from None
    if not isinstance(data, dict):
        raise ManifestError("the manifest is not a JSON object")
    if data.get("format") != FORMAT:
        raise ManifestError(f"the manifest's format is not {FORMAT} (made by a newer kiosk?)")
    version = _field(data, "version", int)
    assert isinstance(version, int)
    if version <= 0:
        raise ManifestError("the pack version must be a positive whole number")
    created = str(_field(data, "created", str))
    try:
        datetime.fromisoformat(created)
    except ValueError:
        raise ManifestError(f"the manifest's creation time {created!r} is not a date") from None
    files_raw = _field(data, "files", dict)
    assert isinstance(files_raw, dict)
    if len(files_raw) > MAX_FILES:
        raise ManifestError(f"the pack has {len(files_raw)} files; at most {MAX_FILES}")
    files: dict[str, FileEntry] = {}
    for name, entry in files_raw.items():
        reason = unsafe_name_reason(name)
        if reason is not None:
            raise ManifestError(f"the manifest names {reason}")
        if not isinstance(entry, dict):
            raise ManifestError(f"the manifest entry for {name} is not an object")
        digest, size = entry.get("sha256"), entry.get("size")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise ManifestError(f"the manifest's SHA-256 for {name} is not 64 hex digits")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ManifestError(f"the manifest's size for {name} is not a whole number")
        files[name] = FileEntry(digest, size)
    manifest = Manifest(version, created, str(_field(data, "signer", str)),
                        str(_field(data, "key_id", str)), files)
    if manifest.total_bytes > MAX_UNPACKED_BYTES:
        raise ManifestError(f"the pack unpacks to {manifest.total_bytes / 2**20:.1f} MB; "
                            f"at most {MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
    return manifest
