"""The content model: pages and the set of pages in one language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HOME_ID = "home"


@dataclass(frozen=True)
class Page:
    """One Markdown page: its metadata, its body and where it came from."""

    id: str
    title: str
    body: str
    source: Path
    body_first_line: int = 1
    order: int = 1000
    summary: str = ""
    icon: str = ""
    help_box: bool = False
    reviewed_on: str = ""
    reviewed_by: str = ""
    translation_review: str = ""

    @property
    def parent_id(self) -> str | None:
        """``conditions/depression`` -> ``conditions``; top-level pages have none."""
        parent, _, _ = self.id.rpartition("/")
        return parent or None


class Library:
    """Every page of one language, indexed by id, with its section tree."""

    def __init__(self, language: str, root: Path, pages: dict[str, Page] | None = None) -> None:
        self.language = language
        self.root = root
        self._pages: dict[str, Page] = pages if pages is not None else {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.language!r}, {self.root!r})"

    @property
    def pages(self) -> dict[str, Page]:
        """Every page by id, in the order of their files' paths."""
        return self._pages

    def read_all(self) -> None:
        """Read whatever a library read on demand has not read yet (here: nothing)."""

    def read_some(self) -> bool:
        """Read a little more of a library read on demand; False once it is all read.

        Every page of this library is already read, so there is never more to do.
        """
        return False

    def get(self, page_id: str) -> Page | None:
        """The page called ``page_id``, if there is one."""
        return self.pages.get(page_id)

    def children(self, page_id: str | None) -> list[Page]:
        """Pages directly under ``page_id`` (``None``: top level), in tile order."""
        found = [
            page
            for page in self.pages.values()
            if page.id != HOME_ID and self._effective_parent(page) == page_id
        ]
        return sorted(found, key=lambda page: (page.order, page.title.lower()))

    def sections(self) -> list[Page]:
        """The top-level pages shown as tiles on the home screen."""
        return self.children(None)

    @property
    def home(self) -> Page | None:
        """The welcome page whose body is the home screen's welcome line."""
        return self.get(HOME_ID)

    def _effective_parent(self, page: Page) -> str | None:
        parent = page.parent_id
        while parent is not None and parent not in self.pages:
            parent, _, _ = parent.rpartition("/")
            parent = parent or None
        return parent
