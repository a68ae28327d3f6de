"""The running kiosk's content: a section's pages are read the first time they are needed.

At start the home screen needs only each language's top level: the files in the language
folder and each sub-folder's ``index.md``.  A section's own pages (the files in its folder
and its sub-folders' ``index.md``) are read when the section is first asked for, by
``get``, ``children`` or ``sections``, and kept.  ``pages`` reads everything that is
left.  Every answer is the one ``load_content`` gives for the whole folder, including:

* a folder with no good ``index.md`` (none, or one left out) is no section: its pages
  belong to the nearest section above it, so asking for that section reads it too;
* of two files with the same page id (``a.md`` and ``a/index.md``, or ``A.md`` and
  ``a.md``) the first good one in path order is kept; both are read in the same section.

Every page is checked exactly as ``check`` checks it before it can be shown, except that
pictures are not decoded here (the page view shows a framed alt text for one that fails).
What is found is added to ``Content.problems``; errors are logged as they are found,
warnings (pages not yet signed off) only at debug level, and once every language is read
one summary line is logged.  ``read_some`` reads one section more,
so the kiosk reads the rest in idle moments after its first paint and staff soon see
every problem.  A ``page:`` link is checked once its target's section has been read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.content.files import Listing, list_folder, nfc
from kiosk.content.images import ImageFinder
from kiosk.content.links import page_target
from kiosk.content.loader import Content, build_content, passed_over_warning
from kiosk.content.model import HOME_ID, Library, Page
from kiosk.content.pages import Link, PageReader, broken_link, page_id
from kiosk.content.problems import Problem, Severity

log = logging.getLogger(__name__)

Section = str | None
"""A section's page id, or ``None`` for a language's top level."""

def open_content(root: Path, assets: Path | None = None) -> Content:
    """The content in ``root``, each language's pages read only as they are needed."""

    def lazy_library(folder: Path, content: Content, icons: Path | None) -> Library:
        return LazyLibrary(folder, content.images, icons, content.problems,
                           lambda: _log_summary_once_complete(content))

    return build_content(root, assets, lazy_library)


def _log_summary_once_complete(content: Content) -> None:
    """One line for the log once every language has been read (the details: ``check``)."""
    libraries = list(content.libraries.values())
    if not all(isinstance(library, LazyLibrary) and library.complete for library in libraries):
        return
    pages = [page for library in libraries for page in library.pages.values()]
    unsigned = sum(1 for page in pages if not page.reviewed_on or not page.reviewed_by)
    failed = sum(1 for problem in content.problems if problem.severity is Severity.ERROR)
    log.info("content: %d page%s; not yet reviewed by the clinic: %d; problems: %d; "
             "`tigoni-kiosk check` lists them", len(pages), "" if len(pages) == 1 else "s",
             unsigned, failed)


class LazyLibrary(Library):
    """A language's pages, read a section at a time; answers as ``load_library``'s would."""

    def __init__(self, folder: Path, images: ImageFinder, icons: Path | None,
                 problems: list[Problem],
                 on_complete: Callable[[], None] | None = None) -> None:
        super().__init__(folder.name, folder)
        self._on_complete = on_complete
        # Pictures are decoded by ``check`` and by the page view, not while reading here:
        # decoding every drawing cost start-up about 15 ms each.
        self._reader = PageReader(folder.parent, images, icons, self._pages,
                                  decode_pictures=False)
        self._problems = problems
        self._listings: dict[Path, Listing] = {}
        self._folders: dict[Section, tuple[Path, ...]] = {None: (folder,)}
        self._kept: dict[Section, list[str]] = {}
        self._waiting: dict[Section, list[Link]] = {}
        self._complete = False
        self._unvisited: list[Section] | None = None

    @property
    def loaded_sections(self) -> frozenset[Section]:
        """The sections whose own pages have been read (``None``: the top level)."""
        return frozenset(self._kept)

    @property
    def complete(self) -> bool:
        """Whether every page has been read."""
        return self._complete

    @property
    def pages(self) -> dict[str, Page]:
        """Every page by id, in the order of their files' paths: reads what is left."""
        if not self._complete:
            self._read_everything()
        return self._pages

    def read_all(self) -> None:
        """Read every section not read yet."""
        if not self._complete:
            self._read_everything()

    def read_some(self) -> bool:
        """Read one more section's pages (for idle moments); False once all are read."""
        if self._complete:
            return False
        if self._unvisited is None:
            self._unvisited = [None]
        while self._unvisited:
            section = self._unvisited.pop()
            unread = section not in self._kept
            self._read(section)
            self._unvisited.extend(_join(section, name) for name in self._folder_names(section))
            if unread:
                return True
        self._read_everything()  # links still waiting, and the final page order
        return False

    def get(self, page_id: str) -> Page | None:
        """The page called ``page_id``, reading its section first if need be."""
        self._read(_section_of(page_id))
        return self._pages.get(page_id)

    def children(self, page_id: str | None) -> list[Page]:
        """Pages directly under ``page_id`` (``None``: top level), in tile order."""
        if page_id is not None and self.get(page_id) is None:
            return []
        # The path breaks ties exactly as load_library's file order does.
        return sorted(self._under(page_id),
                      key=lambda page: (page.order, page.title.lower(), page.source))

    def _under(self, section: Section) -> Iterator[Page]:
        """Pages whose nearest section is ``section``.

        Its own, and those of its sub-folders that are no section themselves.
        """
        self._read(section)
        for kept in self._kept[section]:
            if kept != HOME_ID:
                yield self._pages[kept]
        for name in self._folder_names(section):
            inner = _join(section, name)
            if inner not in self._pages:
                yield from self._under(inner)

    def _read(self, section: Section) -> None:
        """Read and check the pages whose ids are directly under ``section``, once."""
        if section in self._kept:
            return
        kept = self._kept[section] = []
        links_before = len(self._reader.links)
        found: list[Problem] = []
        for path, found_id in sorted(self._files_of(section)):
            new = found_id not in self._pages
            found.extend(self._reader.read(path, found_id))
            if new and found_id in self._pages:
                kept.append(found_id)
        for link in [*self._reader.links[links_before:], *self._waiting.pop(section, [])]:
            found.extend(self._check_link(link))
        self._report(found)

    def _files_of(self, section: Section) -> Iterator[tuple[Path, str]]:
        """The ``*.md`` files, with their page ids, whose ids are directly under ``section``.

        Those in its folders, and the ``index.md`` of their sub-folders.
        """
        for folder in self._folders_of(section):
            listing = self._listing(folder)
            for inner in listing.folders:
                yield from self._files_in(inner, section)
            yield from self._files_in(folder, section)

    def _files_in(self, folder: Path, section: Section) -> Iterator[tuple[Path, str]]:
        for path in self._listing(folder).pages:
            found_id = page_id(self.root, path)
            if _section_of(found_id) == section:
                yield path, found_id

    def _check_link(self, link: Link) -> list[Problem]:
        """Check a link now if its target's section is read (or has no folder to read)."""
        target = _section_of(page_target(link[2]))
        if target not in self._kept and self._folders_of(target):
            self._waiting.setdefault(target, []).append(link)
            return []
        self._read(target)  # nothing to read when the section has no folder
        found = broken_link(link, self._pages, self._reader.left_out)
        return [found] if found is not None else []

    def _read_everything(self) -> None:
        sections: list[Section] = [None]
        while sections:
            section = sections.pop()
            self._read(section)
            sections.extend(_join(section, name) for name in self._folder_names(section))
        for section in list(self._waiting):
            self._read(section)
        in_file_order = sorted(self._pages.values(), key=lambda page: page.source)
        self._pages.clear()
        self._pages.update((page.id, page) for page in in_file_order)
        self._complete = True
        if self._on_complete is not None:
            self._on_complete()

    def _report(self, found: list[Problem]) -> None:
        for problem in found:
            level = logging.DEBUG if problem.severity is Severity.WARNING else logging.WARNING
            log.log(level, "content: %s", problem.format())
        self._problems.extend(found)

    # --- folders ---------------------------------------------------------------------

    def _folders_of(self, section: Section) -> tuple[Path, ...]:
        """The folders holding ``section``'s pages: ``A/`` and ``a/`` are both ``a``."""
        if section is None:
            return self._folders[None]
        known = self._folders.get(section)
        if known is None:
            parent, _, name = section.rpartition("/")
            known = tuple(inner for folder in self._folders_of(parent or None)
                          for inner in self._listing(folder).folders
                          if nfc(inner.name.lower()) == name)
            self._folders[section] = known
        return known

    def _folder_names(self, section: Section) -> list[str]:
        """The sub-folder names of ``section``'s folders, as they appear in page ids."""
        names = {nfc(inner.name.lower()) for folder in self._folders_of(section)
                 for inner in self._listing(folder).folders}
        return sorted(names)

    def _listing(self, folder: Path) -> Listing:
        """``folder``'s pages and sub-folders (the rule in ``files``), listed once.

        Files that look like pages but are not loaded are reported when first listed.
        """
        known = self._listings.get(folder)
        if known is None:
            known = self._listings[folder] = list_folder(folder)
            self._report([passed_over_warning(path, reason)
                          for path, reason in known.passed_over])
        return known


def _section_of(page_id: str) -> Section:
    """``conditions/depression`` -> ``conditions``; a top-level page -> ``None``."""
    parent, _, _ = page_id.rpartition("/")
    return parent or None


def _join(section: Section, name: str) -> str:
    return f"{section}/{name}" if section is not None else name
