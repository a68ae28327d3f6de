"""Pictures a page uses: finding them, and never leaving the content or assets folder.

A reference is a plain relative path (``illustrations/synapse.svg``) looked up first in
the content folder, then in the assets folder; a symbolic link that leads outside its
folder is treated as missing.

A picture with words has one copy per language: the copy for a language sits in a folder
named for it beside the default one (``illustrations/sw/synapse.svg``), and a page shows
its own language's copy when there is one (``localized_reference``), so both languages'
pages name the same picture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from kiosk.content.files import find_in

_IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
"""A language folder's name, as for the content's language folders (``en``, ``sw``)."""


@dataclass(frozen=True)
class ImageFinder:
    """Finds image files: first in the content folder, then in the assets folder."""

    folders: tuple[Path, ...]

    def find(self, reference: str) -> Path | None:
        """The image file a reference names, or ``None`` if there is none or it is no image.

        This is what the screens use: a file that is not really a picture is treated as
        missing, so the page shows the picture's alt text instead.
        """
        found = self.locate(reference)
        return found if found is not None and looks_like_image(found) else None

    def locate(self, reference: str) -> Path | None:
        """The file a reference names, or ``None``; never leaves its folders."""
        if not is_inside_reference(reference):
            return None
        parts = PurePosixPath(reference).parts
        for folder in self.folders:
            candidate = find_in(folder, parts)  # names compared in Unicode NFC
            if candidate.is_file() and stays_inside(candidate, folder):
                return candidate
        return None

    def localized(self, reference: str, language: str) -> str:
        """The picture a page in ``language`` shows for ``reference`` (see below)."""
        return localized_reference(reference, language, self.find)

    def leads_outside(self, reference: str) -> bool:
        """Whether the reference names a symbolic link to a file outside its folder."""
        if not is_inside_reference(reference):
            return False
        parts = PurePosixPath(reference).parts
        for folder in self.folders:
            candidate = find_in(folder, parts)  # names compared in Unicode NFC
            if candidate.is_file() and not stays_inside(candidate, folder):
                return True
        return False


def language_variant(reference: str, language: str) -> str:
    """Where a language's copy of a picture sits, in a folder named for the language.

    ``illustrations/synapse.svg`` in ``sw`` is ``illustrations/sw/synapse.svg``;
    ``speed.svg`` is ``sw/speed.svg``.
    """
    path = PurePosixPath(reference)
    return (path.parent / language / path.name).as_posix()


def localized_reference(
    reference: str, language: str, find: Callable[[str], Path | None]
) -> str:
    """The picture a page in ``language`` shows for ``reference``.

    Its language's copy (``illustrations/sw/synapse.svg``) if ``find`` finds one, else
    ``reference`` as written (the default copy, or a missing picture reported elsewhere).
    """
    if LANGUAGE_CODE.match(language) and is_inside_reference(reference):
        variant = language_variant(reference, language)
        if find(variant) is not None:
            return variant
    return reference


def is_inside_reference(reference: str) -> bool:
    """Whether an image reference is a plain relative path inside a folder.

    Refused: ``..``, a leading ``/``, a backslash and anything with a scheme (``http:``).
    """
    parts = PurePosixPath(reference).parts
    return bool(parts) and not reference.startswith("/") and ".." not in parts \
        and "\\" not in reference and ":" not in parts[0]


@lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    return folder.resolve()


def stays_inside(path: Path, folder: Path) -> bool:
    """False when a symbolic link makes ``path`` point outside ``folder``."""
    if not _crosses_link(path, folder):
        return True
    try:
        return path.resolve().is_relative_to(_resolved(folder))
    except OSError:
        return False


def _crosses_link(path: Path, folder: Path) -> bool:
    """Whether ``path``, or a folder from ``folder`` down to it, is a symbolic link.

    Compares parts instead of calling ``is_relative_to`` on every parent: with thousands
    of pages that comparison was most of the time ``check`` spent loading content.
    """
    if path.is_symlink():
        return True
    top, parts = folder.parts, path.parts
    if parts[: len(top)] != top:
        return False
    return any(parent.is_symlink() for parent in path.parents[: len(parts) - len(top)])


def looks_like_image(path: Path) -> bool:
    """Whether the file starts as a PNG, JPEG or SVG picture of its kind does."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    if suffix == ".svg":
        return b"<svg" in head or b"<?xml" in head
    signatures = _IMAGE_SIGNATURES.get(suffix)
    return signatures is not None and head.startswith(signatures)
