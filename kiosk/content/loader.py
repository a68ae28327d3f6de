"""Load a content folder into pages, checking everything ``tigoni-kiosk check`` reports.

The folder holds ``clinic.toml`` and one sub-folder per language (``en``, ``sw``), each
with one Markdown file per page; a section with sub-topics is a folder whose
``index.md`` is the section page.  Loading never raises on bad content: a page that
cannot be used is left out and every problem is returned with its file and line (what
is checked on each page is in ``pages``).  Nothing outside the content folder is read,
even through a symbolic link.

``load_content`` reads and checks every page at once, for ``check`` and for updated
content, which is only shown when all of it is good; the running kiosk reads a section
at a time instead (``lazy``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content import glyphs
from kiosk.content.clinic import Clinic, load_clinic
from kiosk.content.files import walk_pages
from kiosk.content.images import ImageFinder, stays_inside
from kiosk.content.limits import MAX_LINKS, MAX_PAGE_BYTES
from kiosk.content.model import Library
from kiosk.content.pages import PageReader, broken_link, page_id
from kiosk.content.problems import Problem, Severity

__all__ = ["MAX_LINKS", "MAX_PAGE_BYTES", "Content", "ImageFinder", "LibraryMaker",
           "build_content", "load_content", "load_library", "passed_over_warning"]

_LANGUAGE_DIR = re.compile(r"^[a-z]{2,3}$")


@dataclass
class Content:
    """Everything the kiosk shows: clinic details and one library per language."""

    root: Path
    clinic: Clinic
    libraries: dict[str, Library] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    images: ImageFinder = field(default_factory=lambda: ImageFinder(()))

    @property
    def languages(self) -> list[str]:
        """Language codes with content, English first."""
        return sorted(self.libraries, key=lambda code: (code != "en", code))


LibraryMaker = Callable[[Path, Content, "Path | None"], Library]
"""Makes the library of one language folder: ``(folder, content, icons folder)``."""


def load_content(root: Path, assets: Path | None = None) -> Content:
    """Load and validate a whole content folder."""

    def load_now(folder: Path, content: Content, icons: Path | None) -> Library:
        library, found = load_library(folder, content.images, icons)
        content.problems.extend(found)
        return library

    return build_content(root, assets, load_now)


def build_content(root: Path, assets: Path | None, make_library: LibraryMaker) -> Content:
    """The clinic, the picture finder and a library per language folder, made as asked."""
    clinic, problems = load_clinic(root)
    problems.extend(glyphs.file_problems(root / "clinic.toml"))
    images = ImageFinder(tuple(folder for folder in (root, assets) if folder is not None))
    content = Content(root=root, clinic=clinic, problems=problems, images=images)
    icons = assets / "icons" if assets is not None else None
    if not root.is_dir():
        content.problems.append(Problem(root, None, "content folder does not exist"))
        return content
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and _LANGUAGE_DIR.match(folder.name):
            if not stays_inside(folder, root):
                content.problems.append(
                    Problem(folder, None, "language folder is a link to a folder outside the "
                                          "content folder, so it is left out"))
                continue
            content.libraries[folder.name] = make_library(folder, content, icons)
    if "en" not in content.libraries:
        content.problems.append(Problem(root / "en", None, "there is no English content"))
    return content


def load_library(
    folder: Path, images: ImageFinder, icons: Path | None = None
) -> tuple[Library, list[Problem]]:
    """Load every page of one language folder."""
    reader = PageReader(folder.parent, images, icons)
    pages, passed_over = walk_pages(folder)
    problems = [passed_over_warning(path, reason) for path, reason in passed_over]
    for path in pages:
        problems.extend(reader.read(path, page_id(folder, path)))
    problems.extend(found for link in reader.links
                    if (found := broken_link(link, reader.pages, reader.left_out))
                    is not None)
    return Library(folder.name, folder, reader.pages), problems


def passed_over_warning(path: Path, reason: str) -> Problem:
    """The warning naming a file that looks like a page but is not loaded, and why."""
    return Problem(path, None, f"not loaded as a page: {reason}", Severity.WARNING)
