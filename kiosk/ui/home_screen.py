"""The home screen: the clinic's name, a welcome line and one tile per section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.model import Library
from kiosk.ui.theme import Metrics, Palette
from kiosk.ui.tiles import Tile, TileGrid
from kiosk.ui.touch import make_kinetic


class HomeScreen(QWidget):
    """Section tiles in a grid that reflows between landscape and portrait."""

    tile_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.clinic_name = QLabel(self)
        self.clinic_name.setObjectName("ClinicName")
        self.clinic_name.setWordWrap(True)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("Welcome")
        self.welcome.setWordWrap(True)
        self.grid = TileGrid(parent=self)
        self.tile_scroll = QScrollArea(self)
        self.tile_scroll.setWidgetResizable(True)
        self.tile_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tile_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tile_scroll.setWidget(self.grid)
        make_kinetic(self.tile_scroll)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.clinic_name)
        self._layout.addWidget(self.welcome)
        self._layout.addWidget(self.tile_scroll, 1)

    def show_library(self, clinic_name: str, welcome: str, library: Library) -> None:
        """Fill the screen from the current language's content."""
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

    def apply_theme(self, palette: Palette, metrics: Metrics) -> None:
        """Margins, spacing and tile sizes for the current theme and window size."""
        self._layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin,
                                        metrics.spacing)
        self._layout.setSpacing(metrics.px(16, 8))
        self.grid.apply_theme(palette, metrics)

    def reset_scroll(self) -> None:
        """Back to the top of the grid."""
        self.tile_scroll.verticalScrollBar().setValue(0)
