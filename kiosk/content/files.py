"""Which files in a content folder are pages: the one rule ``check`` and both loaders use.

A page is a file whose name ends in ``.md`` in any case (``About.MD`` too).  Never pages,
and never mentioned, are what computers and editors leave beside the real files:

* hidden files and folders (a leading ``.``), which covers macOS's AppleDouble side files
  (``._about.md``), ``.DS_Store``, ``.Trashes``, ``.Spotlight-V100``, ``.fseventsd``,
  Emacs lock links (``.#about.md``) and Vim swap files (``.about.md.swp``);
* ``__MACOSX`` (left by unzipping on a Mac), Windows' ``Thumbs.db``, ``desktop.ini``,
  ``$RECYCLE.BIN`` and ``System Volume Information``;
* editor leftovers: backups ending in ``~``, ``*.swp``, ``*.tmp``, Emacs auto-saves
  (``#about.md#``) and Office lock files (``~$about.docx``).

A file that looks like a page but is not one (``.markdown``, ``.md.txt``, ``.txt``,
``.docx``...) is ``passed over``: it is not loaded, and ``check`` names it in a warning
that says why.  Folders reached through a symbolic link are not entered.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PAGE_SUFFIX = ".md"
_SIDE_NAMES = frozenset({"__macosx", "thumbs.db", "ehthumbs.db", "desktop.ini",
                         "$recycle.bin", "system volume information"})
_LEFTOVER_ENDINGS = ("~", ".swp", ".swo", ".tmp", ".bak")
# Endings of files an editor may have meant as a page, with what to do about each.
_LOOK_ALIKES = {
    ".md.txt": "the name ends in '.md.txt' (Windows added '.txt'): rename it to end in '.md'",
    ".markdown": "only files ending in '.md' are pages: rename it to end in '.md'",
    ".mdown": "only files ending in '.md' are pages: rename it to end in '.md'",
    ".mkd": "only files ending in '.md' are pages: rename it to end in '.md'",
    ".txt": "only files ending in '.md' are pages: add the page header and rename it to "
            "end in '.md'",
    ".docx": "a Word document cannot be shown: save it as plain text ending in '.md'",
    ".doc": "a Word document cannot be shown: save it as plain text ending in '.md'",
    ".odt": "a word-processor document cannot be shown: save it as plain text ending in '.md'",
    ".rtf": "a word-processor document cannot be shown: save it as plain text ending in '.md'",
}


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, so a name typed on a Mac equals one typed on Windows."""
    return unicodedata.normalize("NFC", text)


def is_skipped(name: str) -> bool:
    """Whether a file or folder called ``name`` is a side file or leftover, never content."""
    lowered = name.lower()
    return (name.startswith((".", "~$")) or lowered in _SIDE_NAMES
            or lowered.endswith(_LEFTOVER_ENDINGS)
            or (len(name) > 1 and name.startswith("#") and name.endswith("#")))


def is_page(name: str) -> bool:
    """Whether a file called ``name`` is a page: ``.md`` in any case, and not skipped."""
    return not is_skipped(name) and name.lower().endswith(PAGE_SUFFIX)


def passed_over_reason(name: str) -> str | None:
    """Why a file that looks like a page is not loaded, or ``None`` if it does not."""
    if is_skipped(name):
        return None
    lowered = name.lower()
    for ending, reason in _LOOK_ALIKES.items():
        if lowered.endswith(ending):
            return reason
    return None


@dataclass(frozen=True)
class Listing:
    """One folder's pages, its sub-folders (links not followed), and look-alikes skipped."""

    pages: tuple[Path, ...]
    folders: tuple[Path, ...]
    passed_over: tuple[tuple[Path, str], ...]


def list_folder(folder: Path) -> Listing:
    """The pages and content sub-folders directly in ``folder``; empty if unreadable."""
    pages: list[Path] = []
    folders: list[Path] = []
    passed_over: list[tuple[Path, str]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_skipped(entry.name):
                    continue
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_folder = False
                if is_folder:
                    folders.append(folder / entry.name)
                elif is_page(entry.name):
                    pages.append(folder / entry.name)
                elif (reason := passed_over_reason(entry.name)) is not None:
                    passed_over.append((folder / entry.name, reason))
    except OSError:  # unreadable or gone: nothing in it is shown
        return Listing((), (), ())
    return Listing(tuple(pages), tuple(folders), tuple(passed_over))


def walk_pages(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every page under ``folder`` in path order, and every look-alike passed over."""
    pages: list[Path] = []
    passed_over: list[tuple[Path, str]] = []
    waiting = [folder]
    while waiting:
        listing = list_folder(waiting.pop())
        pages.extend(listing.pages)
        passed_over.extend(listing.passed_over)
        waiting.extend(listing.folders)
    return sorted(pages), sorted(passed_over)


def find_in(folder: Path, parts: tuple[str, ...]) -> Path:
    """``folder`` joined with ``parts``, each part matched to its entry on disk by NFC.

    A name saved on a Mac (decomposed, NFD) and one typed on Windows (NFC) are the same
    name; the path of the entry as it is on disk is returned, or the plain join if none.
    """
    found = folder
    for part in parts:
        exact = found / part
        if exact.exists():
            found = exact
            continue
        wanted = nfc(part)
        try:
            names = [entry.name for entry in found.iterdir() if nfc(entry.name) == wanted]
        except OSError:
            names = []
        found = found / names[0] if names else exact
    return found
