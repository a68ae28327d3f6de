"""Turn a page's Markdown into the HTML the page screen shows, once per page.

Raw HTML in content is never passed through: it is shown as text, so a content file can
not run scripts, load remote images or restyle the kiosk.  Links are sorted into internal
(``page:``), external (``http(s)``, shown later as a QR code) and refused (anything else,
turned into plain text).  Images become ``kiosk-image:`` references that the page view
resolves through the content's image finder, never through the network.
"""

from __future__ import annotations

import html
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.content.clinic import Clinic
from kiosk.content.gfm import EditorsMarkdown, extensions
from kiosk.content.gfm_html import (
    frame_missing_picture,
    is_footnote_anchor,
    tick_boxes,
    tidy_element,
)
from kiosk.content.images import localized_reference
from kiosk.content.links import LinkKind, classify
from kiosk.content.model import Page
from kiosk.content.rendered import IMAGE_SCHEME as IMAGE_SCHEME
from kiosk.content.rendered import HelpBoxText as HelpBoxText
from kiosk.content.rendered import RenderedPage as RenderedPage

log = logging.getLogger(__name__)

# Qt sizes headings relative to the body font (h3 is 1.2x, h4 1.0x bold) and ignores
# pixel sizes given for h1/h2 in CSS, so page headings use the two levels that read well
# beside large body text; the page's title is shown above the text by the screen.
_HEADING_LEVELS = {"h1": "h3", "h2": "h3", "h3": "h4", "h4": "h4", "h5": "h4", "h6": "h4"}


class _LinkAndImageRewriter(Treeprocessor):
    """Sort links, neutralise refused ones and point images at the kiosk's resolver."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.images: list[str] = []
        self.external: list[str] = []
        self.page_source = ""
        self.language = ""
        self.find_image: Callable[[str], Path | None] = lambda _reference: None

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            element.attrib.pop("title", None)  # a title is a hover tooltip: no use to touch
            if element.tag in _HEADING_LEVELS:
                element.tag = _HEADING_LEVELS[element.tag]
            elif element.tag == "p" and len(element) == 1 and element[0].tag == "img" \
                    and not (element.text or "").strip():
                self._figure(element)
            elif element.tag == "a" and not is_footnote_anchor(element):
                self._link(element)
            elif element.tag == "img":
                self._image(element)
            else:
                tidy_element(element)

    def _figure(self, element: ET.Element) -> None:
        """A paragraph holding only a picture; a missing one becomes a framed alt text."""
        image = element[0]
        reference = localized_reference(image.get("src", ""), self.language, self.find_image)
        if self.find_image(reference) is not None:
            element.set("class", "figure")
            return
        log.warning("missing or unreadable image %r in %s: shown as its alt text",
                    image.get("src", "")[:80], self.page_source)
        frame_missing_picture(element, image.get("alt", ""))

    def _image(self, element: ET.Element) -> None:
        reference = localized_reference(element.get("src", ""), self.language, self.find_image)
        if self.find_image(reference) is None:
            log.warning("missing or unreadable image %r in %s: shown as its alt text",
                        reference[:80], self.page_source)
            alt = element.get("alt", "")
            element.tag = "span"
            element.attrib.clear()
            element.set("class", "missing-picture")
            element.text = f"[{alt}]" if alt else ""
            return
        if reference not in self.images:  # each picture is drawn once, however often used
            self.images.append(reference)
        element.set("src", f"{IMAGE_SCHEME}:{reference}")

    def _link(self, element: ET.Element) -> None:
        href = element.get("href", "")
        kind = classify(href)
        if kind is LinkKind.EXTERNAL:
            self.external.append(href)
            element.set("class", "external")
        elif kind is LinkKind.REFUSED:
            log.warning("refused link %r in %s: shown as plain text", href[:80], self.page_source)
            element.tag = "span"
            element.attrib.clear()


class _KioskExtension(Extension):
    """No raw HTML; links and images rewritten by ``_LinkAndImageRewriter``."""

    def __init__(self, rewriter_holder: list[_LinkAndImageRewriter]) -> None:
        super().__init__()
        self._holder = rewriter_holder

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        EditorsMarkdown().extendMarkdown(md)
        rewriter = _LinkAndImageRewriter(md)
        self._holder.append(rewriter)
        md.treeprocessors.register(rewriter, "kiosk_links", 1)


class PageRenderer:
    """Converts pages to HTML and keeps each result, so a visit never re-parses."""

    def __init__(
        self,
        clinic: Clinic,
        help_text: HelpBoxText,
        find_image: Callable[[str], Path | None],
    ) -> None:
        self._clinic = clinic
        self._help_text = help_text
        holder: list[_LinkAndImageRewriter] = []
        self._markdown = markdown.Markdown(
            extensions=[*extensions(), _KioskExtension(holder)], output_format="html",
        )
        self._rewriter = holder[0]
        self._rewriter.find_image = find_image
        self._cache: dict[tuple[str, str], RenderedPage] = {}

    def render(self, page: Page, language: str) -> RenderedPage:
        """The page's HTML, converted on first use and kept."""
        key = (language, page.id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._rewriter.images = []
        self._rewriter.external = []
        self._rewriter.page_source = str(page.source)
        self._rewriter.language = language
        self._markdown.reset()
        body = tick_boxes(self._markdown.convert(page.body))
        if page.help_box:
            body = self.help_box_html(language) + body
        rendered = RenderedPage(
            page_id=page.id,
            html=body,
            images=tuple(self._rewriter.images),
            external_links=tuple(self._rewriter.external),
        )
        self._cache[key] = rendered
        return rendered

    def help_box_html(self, language: str = "en") -> str:
        """The crisis help box: what to do now, then each crisis line from clinic data."""
        text = self._help_text
        rows = "".join(
            f"<p class='crisis'><b>{html.escape(line.name_in(language))}: "
            f"{html.escape(line.number)}</b>"
            + (f" &mdash; {html.escape(line.note_in(language))}"
               if line.note_in(language) else "")
            + "</p>"
            for line in self._clinic.crisis_lines
        )
        return (
            "<table class='helpbox' width='100%' cellpadding='24'><tr><td>"
            f"<p class='helpheading'>{html.escape(text.heading)}</p>"
            f"<p class='helpnow'>{html.escape(text.danger_now)}</p>{rows}"
            "</td></tr></table>"
        )
