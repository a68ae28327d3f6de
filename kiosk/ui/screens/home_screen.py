"""The home screen: the clinic's name, a welcome line and one tile per section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import HOME_ID, Library
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label
from kiosk.ui.widgets.nav_bar import NavButton
from kiosk.ui.widgets.opaque import OpaqueArea
from kiosk.ui.widgets.tile_grid import TileGrid
from kiosk.ui.widgets.tiles import Tile
from kiosk.ui.widgets.touch import fill_with_scrolling


class HomeScreen(QWidget):
    """Section tiles in a grid that reflows between landscape and portrait."""

    tile_activated = Signal(str)
    language_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Opaque: the screen, the stack and the window behind it are not painted too.
        self.content_area = OpaqueArea(self)
        self.content_area.setObjectName("HomeContent")
        self.clinic_name = caption_label("", "ClinicName", self.content_area)
        self.welcome = caption_label("", "Welcome", self.content_area)
        self.grid = TileGrid(parent=self.content_area)
        self._layout = QVBoxLayout(self.content_area)
        self._layout.addWidget(self.clinic_name)
        self._layout.addWidget(self.welcome)
        self._layout.addWidget(self.grid, 1)
        # Name, welcome and tiles scroll together, so at the largest text on a small
        # screen nothing is squeezed or cut off: it simply scrolls.
        self.tile_scroll = fill_with_scrolling(self, self.content_area)
        # The language button sits in the top-right corner, over the scroll area, and the
        # name keeps clear of it.
        self.language_button = NavButton("", "language")
        self.language_button.setParent(self)
        self.language_button.clicked.connect(self.language_requested)

    def show_library(self, clinic_name: str, library: Library) -> None:
        """Fill the screen from the current language's content: its welcome, its sections."""
        welcome_page = library.get(HOME_ID)
        welcome = welcome_page.body.strip() if welcome_page else ""
        self.clinic_name.setText(clinic_name)
        self.welcome.setText(welcome)
        self.welcome.setVisible(bool(welcome))
        tiles = [
            Tile(page.id, page.title, page.summary, page.icon) for page in library.sections()
        ]
        for tile in tiles:
            tile.clicked.connect(
                lambda _=False, target=tile.target_id: self.tile_activated.emit(target)
            )
        self.grid.set_tiles(tiles)

    def retranslate(self, other_language_name: str) -> None:
        """The language button offers the other language by its own name."""
        self.language_button.set_label(other_language_name, other_language_name)
        self.language_button.setVisible(bool(other_language_name))
        self._place_language_button()

    def apply_look(self, look: Look) -> None:
        """Margins, spacing and tile sizes for the current theme and window size."""
        palette, metrics = look.palette, look.metrics
        self._layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin,
                                        metrics.spacing)
        self._layout.setSpacing(metrics.px(16, 8))
        self.grid.apply_theme(palette, metrics)
        self.language_button.apply_metrics(metrics)
        self._place_language_button()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_language_button()

    def _place_language_button(self) -> None:
        button = self.language_button
        button.adjustSize()
        margins = self._layout.contentsMargins()
        button.move(self.width() - margins.right() - button.width(), margins.top())
        clear = button.width() + self._layout.spacing() if button.isVisibleTo(self) else 0
        self.clinic_name.setContentsMargins(0, 0, clear, 0)
        self.clinic_name.setMinimumHeight(button.height() if clear else 0)
        button.raise_()

    def reset_scroll(self) -> None:
        """Back to the top of the grid."""
        self.tile_scroll.verticalScrollBar().setValue(0)
