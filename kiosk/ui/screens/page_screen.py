"""A section page: its title, its sub-topic tiles and its readable, scrollable body."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Page
from kiosk.content.rendered import RenderedPage
from kiosk.ui.i18n import tr
from kiosk.ui.page_source import PageSource
from kiosk.ui.theme import Look, Metrics
from kiosk.ui.widgets.labels import caption_label
from kiosk.ui.widgets.opaque import make_opaque, paint_background
from kiosk.ui.widgets.page_view import ImageFinder, PageView
from kiosk.ui.widgets.tile_grid import TileGrid
from kiosk.ui.widgets.tiles import Tile

log = logging.getLogger(__name__)


class PageScreen(QWidget):
    """One screen reused for every page; sub-topics show as tabs above the text."""

    page_requested = Signal(str)

    def __init__(self, find_image: ImageFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        make_opaque(self)  # nothing behind the screen is painted
        self.title = caption_label("", "PageTitle", self)
        self.subtopics = TileGrid(min_tile_width=440, parent=self)
        self.notice = caption_label("", "Notice", self)
        self.notice.hide()
        self.view = PageView(find_image, self)
        self.view.page_link_activated.connect(self.page_requested)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.notice)
        self._layout.addWidget(self.subtopics)
        self._layout.addWidget(self.view, 1)
        self._tab_ids: list[str] = []
        self._metrics = Metrics(1.0)

    def show_page_in(self, page_id: str, language: str, pages: PageSource) -> None:
        """Show ``page_id`` in ``language``.

        A page not yet translated shows in English with a note; a missing one, an apology.
        """
        page, shown_in = pages.page(page_id, language)
        if page is None:
            log.warning("page %r is not available", page_id)
            self.show_unavailable(
                tr("Sorry"), tr("This page is not available. Please tap Back or Home."))
            return
        notice = "" if shown_in == language else tr(
            "This page is not yet translated, so it is shown in English.")
        self.show_page(page, pages.renderer(shown_in).render(page, shown_in),
                       pages.tabs(page, language), notice)

    def show_page(self, page: Page, rendered: RenderedPage, tabs: list[Page],
                  notice: str = "") -> None:
        """Show ``page`` with ``tabs`` (its sub-topics or siblings) above it.

        ``notice`` is a short line above the text (e.g. "shown in English").
        """
        self.title.setText(page.title)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.view.setAccessibleName(page.title)
        tab_ids = [tab.id for tab in tabs]
        if tab_ids != self._tab_ids and tabs:
            self._tab_ids = tab_ids
            self._set_tabs(tabs)
        for tile in self.subtopics.tiles:
            tile.setChecked(tile.target_id == page.id)
        self.subtopics.setVisible(bool(tabs))
        self.view.show_page(rendered)

    def _set_tabs(self, tabs: list[Page]) -> None:
        """The tabs' tiles, reusing those already made (a new tile costs a style polish)."""
        tiles = self.subtopics.tiles
        for index, tab in enumerate(tabs):
            if index < len(tiles):
                tiles[index].set_content(tab.id, tab.title, icon=tab.icon)
                continue
            tile = Tile(tab.id, tab.title, icon=tab.icon, compact=True)
            tile.setCheckable(True)
            tile.clicked.connect(
                lambda _=False, tile=tile: self.page_requested.emit(tile.target_id))
            tiles.append(tile)
        self.subtopics.set_tiles(tiles[:len(tabs)])

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_background(self, painter)
        painter.end()

    def show_unavailable(self, title: str, message: str) -> None:
        """A friendly stand-in when a page cannot be shown."""
        self.title.setText(title)
        self.view.setAccessibleName(title)
        self.notice.hide()
        self.subtopics.setVisible(False)
        self.view.current_page_id = ""
        self.view.setHtml(f"<p>{message}</p>")

    def apply_look(self, look: Look) -> None:
        """Margins, tab sizes and text sizes for the current window."""
        palette, metrics, window_width = look.palette, look.metrics, look.width
        self._metrics = metrics
        margin = metrics.margin
        self._layout.setContentsMargins(margin, margin, margin - metrics.px(10), 0)
        self._layout.setSpacing(metrics.spacing)
        self.subtopics.apply_theme(palette, metrics)
        self.view.apply_theme(palette, metrics, window_width - 2 * margin)
