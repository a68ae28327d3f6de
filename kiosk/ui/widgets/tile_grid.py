"""A grid of tiles in as many columns as fit its width, reflowed when the width changes."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.theme import NORMAL, Metrics, Palette
from kiosk.ui.widgets.tiles import Tile


class TileGrid(QWidget):
    """Lays tiles out in as many columns as fit, and reflows when the width changes."""

    def __init__(self, min_tile_width: int = 380, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TileGrid")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._tiles: list[Tile] = []
        self._min_tile_width = min_tile_width
        self._max_columns = 4
        self._palette = NORMAL
        self._metrics = Metrics(1.0)
        self._columns = 0

    @property
    def tiles(self) -> list[Tile]:
        """The tiles in reading order."""
        return list(self._tiles)

    @property
    def columns(self) -> int:
        """How many columns the grid currently uses."""
        return self._columns

    def set_tiles(self, tiles: list[Tile]) -> None:
        """Replace the tiles shown; tiles already in the grid may be passed again."""
        for tile in self._tiles:
            self._layout.removeWidget(tile)
            if tile not in tiles:
                tile.hide()
                tile.deleteLater()
        kept = set(self._tiles)
        self._tiles = tiles
        for tile in tiles:
            if tile not in kept:
                tile.setParent(self)
                tile.apply_theme(self._palette, self._metrics)
            tile.show()
        self._columns = 0
        self._reflow(self.width())

    def apply_theme(self, palette: Palette, metrics: Metrics, max_columns: int = 4) -> None:
        """New theme or window size: new spacing, tile sizes and column count."""
        self._palette = palette
        self._metrics = metrics
        self._max_columns = max_columns
        self._layout.setSpacing(metrics.spacing)
        for tile in self._tiles:
            tile.apply_theme(palette, metrics)
        self._columns = 0
        self._reflow(self.width())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._reflow(self.width())

    def _reflow(self, width: int) -> None:
        if not self._tiles:
            return
        fit = max(1, width // max(1, self._metrics.px(self._min_tile_width)))
        columns = max(1, min(self._max_columns, fit, len(self._tiles)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self._tiles:
            self._layout.removeWidget(tile)
        for index, tile in enumerate(self._tiles):
            self._layout.addWidget(tile, index // columns, index % columns)
        for column in range(self._layout.columnCount()):
            self._layout.setColumnStretch(column, 1 if column < columns else 0)
