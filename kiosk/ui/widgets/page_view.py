"""The reading area of a page: rich text, kinetic scrolling, links but no selection.

Each page's ``QTextDocument`` is built on its first visit and kept, so coming back to a
page costs only a swap.  Images come only from the content's image finder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QUrl, Signal
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QScroller, QTextBrowser, QWidget

from kiosk.content.links import LinkKind, classify, page_target
from kiosk.content.pictures import read_image
from kiosk.content.rendered import IMAGE_SCHEME, RenderedPage
from kiosk.ui.graphics import svg_image
from kiosk.ui.style_sheet import document_style
from kiosk.ui.theme import FONT_FAMILY, Metrics, Palette
from kiosk.ui.widgets.failed_picture import frame_failed_picture
from kiosk.ui.widgets.opaque import make_opaque, paint_background
from kiosk.ui.widgets.touch import make_kinetic

log = logging.getLogger(__name__)

ImageFinder = Callable[[str], Path | None]


class PageView(QTextBrowser):
    """Shows one rendered page; emits the target of a tapped link instead of opening it."""

    page_link_activated = Signal(str)
    external_link_activated = Signal(str, str)

    def __init__(self, find_image: ImageFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find_image = find_image
        # One document per page id, reused for ever: refilled in place after a theme, size
        # or language change (PySide keeps every document ever shown alive, so making new
        # ones would leak).  ``_fresh`` holds the pages filled for the current look.
        self._documents: dict[str, QTextDocument] = {}
        self._fresh: set[str] = set()
        self._css = ""
        self._image_width = 800
        self._margin = 16
        self._reading_width = 1500
        self._float_images = False
        self._failed: list[str] = []
        self._font = QFont(FONT_FAMILY)
        self.current_page_id = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(self.textInteractionFlags().LinksAccessibleByMouse)
        self.anchorClicked.connect(self._on_anchor)
        make_kinetic(self)
        # The text area paints its own background: what lies behind it is left alone.
        make_opaque(self.viewport())

    def apply_theme(self, palette: Palette, metrics: Metrics, available_width: int) -> None:
        """New sizes or colours: documents are rebuilt on their next visit."""
        self._css = document_style(palette, metrics)
        self._font = QFont(FONT_FAMILY)
        self._font.setPixelSize(metrics.body_font)
        self._margin = metrics.px(20, 8)
        self._reading_width = metrics.reading_width
        column = min(available_width, self._reading_width)
        text_width = column - 2 * self._margin - 40
        # On a wide column a picture sits beside the text it illustrates (text flows
        # round it), so a page with pictures still fits in about two screens.
        self._float_images = text_width >= metrics.px(1150)
        share = 0.42 if self._float_images else 1.0
        self._image_width = max(200, min(round(text_width * share), metrics.px(1000)))
        self._fresh.clear()
        self.current_page_id = ""
        self._centre_column()

    def minimumSizeHint(self) -> QSize:
        # The centring margins depend on the width; they must not hold the window wide.
        return QSize(100, 100)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._centre_column()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        paint_background(self.viewport(), painter)
        painter.end()
        super().paintEvent(event)

    def _centre_column(self) -> None:
        """Keep lines short on wide screens; the whole width still scrolls by touch."""
        spare = max(0, self.width() - self.verticalScrollBar().width() - self._reading_width)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)

    @property
    def cached_documents(self) -> int:
        """How many pages are kept ready to show (never more than the pages there are)."""
        return len(self._documents)

    def invalidate(self) -> None:
        """The words changed (another language): refill each page on its next visit."""
        self._fresh.clear()

    def is_ready(self, page_id: str) -> bool:
        """Whether the page's document is filled for the current words, sizes and colours."""
        return page_id in self._fresh

    def prepare(self, rendered: RenderedPage) -> QTextDocument:
        """Fill the page's document if it is not ready, without showing it."""
        document = self._documents.get(rendered.page_id)
        if document is None:
            document = QTextDocument(self)
            self._documents[rendered.page_id] = document
        if rendered.page_id not in self._fresh:
            self._fill(document, rendered)
            self._fresh.add(rendered.page_id)
        return document

    def show_page(self, rendered: RenderedPage) -> None:
        """Show ``rendered`` from the top, filling its document on first visit."""
        document = self.prepare(rendered)
        self.current_page_id = rendered.page_id
        QScroller.scroller(self.viewport()).stop()
        if self.document() is not document:
            self.setDocument(document)
        self.verticalScrollBar().setValue(0)

    def _fill(self, document: QTextDocument, rendered: RenderedPage) -> None:
        document.clear()
        document.setDefaultStyleSheet(self._css)
        document.setDocumentMargin(self._margin)
        document.setDefaultFont(self._font)
        self._failed = []
        for reference in rendered.images:
            image = self._image(reference)
            if image.isNull():
                self._failed.append(reference)
                continue
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(f"{IMAGE_SCHEME}:{reference}"), image,
            )
        html = rendered.html
        for reference in self._failed:  # decoded badly at run time: its alt text, framed
            html = frame_failed_picture(html, f"{IMAGE_SCHEME}:{reference}")
        if self._float_images:
            html = html.replace("<img ", '<img align="right" ')
        document.setHtml(html)

    def _image(self, reference: str) -> QImage:
        path = self._find_image(reference)
        ratio = self.devicePixelRatioF()
        if path is None:
            return QImage()
        if path.suffix.lower() == ".svg":
            return svg_image(path, self._image_width, ratio=ratio)
        image = read_image(path)  # under the same limit as ``check``
        if image.isNull():
            log.warning("image %s could not be read", path)
            return image
        width = min(self._image_width, image.width())
        scaled = image.scaledToWidth(round(width * ratio))
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        kind = classify(href)
        if kind is LinkKind.PAGE:
            self.page_link_activated.emit(page_target(href))
        elif kind is LinkKind.EXTERNAL:
            self.external_link_activated.emit(href, self.anchor_text(href))
        else:
            log.warning("refused link %r tapped on page %s", href[:80], self.current_page_id)

    def anchor_text(self, href: str) -> str:
        """The words of the first link to ``href`` on the page shown (``href`` if none)."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().anchorHref() == href:
                    return fragment.text()
                iterator += 1
            block = block.next()
        return href
