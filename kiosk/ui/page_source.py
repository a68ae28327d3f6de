"""Which page to show in which language, and the renderers that turn pages into documents.

A page missing in the patient's language is shown in English (with a note the window
adds); each language has one ``PageRenderer`` with its own HTML cache, made on first use
(``markdown`` is imported then, not at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.content.model import Library, Page
from kiosk.content.rendered import HelpBoxText
from kiosk.ui.i18n import SOURCE_LANGUAGE, tr

if TYPE_CHECKING:
    from kiosk.content.loader import Content
    from kiosk.content.render import PageRenderer


class PageSource:
    """The content's pages by language, with one renderer per language."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._renderers: dict[str, PageRenderer] = {}

    def library(self, language: str) -> Library:
        """The pages of ``language`` (an empty library if the content lacks it)."""
        found = self.content.libraries.get(language)
        return found if found is not None else Library(language, self.content.root)

    def page(self, page_id: str, language: str) -> tuple[Page | None, str]:
        """The page in ``language``, else in English; and the language it is in."""
        page = self.library(language).get(page_id)
        if page is not None:
            return page, language
        english = self.content.libraries.get(SOURCE_LANGUAGE)
        return (english.get(page_id) if english is not None else None), SOURCE_LANGUAGE

    def title(self, page_id: str, language: str) -> str:
        """A page's title for staff's charts (its id if there is no such page)."""
        page, _language = self.page(page_id, language)
        return page.title if page is not None else page_id

    def tabs(self, page: Page, language: str) -> list[Page]:
        """The sub-topic tabs of a page: its children, else its siblings."""
        library = self.library(language)
        children = library.children(page.id)
        if children:
            return children
        if page.parent_id is not None and library.get(page.parent_id) is not None:
            return library.children(page.parent_id)
        return []

    def renderer(self, language: str) -> PageRenderer:
        """One renderer (and HTML cache) per language, made with that language's words."""
        renderer = self._renderers.get(language)
        if renderer is None:
            from kiosk.content.render import PageRenderer  # markdown loads on first page

            help_text = HelpBoxText(
                heading=tr("Need help now?"),
                danger_now=tr("If you are in danger now, tell the reception staff straight away."),
            )
            renderer = PageRenderer(self.content.clinic, help_text, self.content.images.find)
            self._renderers[language] = renderer
        return renderer
