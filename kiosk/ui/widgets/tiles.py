"""Large touch tiles: icon, title and summary (``tile_grid`` lays them out).

Tiles paint themselves so that their height follows their wrapped text exactly: a
title that wraps to two lines never pushes the summary out of the tile.  What a tile
draws is laid out once per width and theme (``_Layout``) and kept: the home screen
repaints every tile on each return to it, and a tap repaints the tapped tile twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui.graphics import icon_pixmap
from kiosk.ui.theme import FONT_FAMILY, NORMAL, Metrics, Palette
from kiosk.ui.widgets.long_words import hyphenated
from kiosk.ui.widgets.quick_release import release_then_repaint

_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


@dataclass(frozen=True)
class _Layout:
    """Where a tile of one width draws its words, prepared for fast repeated drawing."""

    title_height: int
    summary_height: int
    title: QStaticText
    summary: QStaticText | None


def _fitted(text: str, font: QFont, width: int) -> str:
    """``text`` with a hyphen allowed inside each word too wide for ``width``."""
    metrics = QFontMetrics(font)
    return hyphenated(text, lambda word: metrics.horizontalAdvance(word) > width)


def _static_text(text: str, font: QFont, width: int) -> QStaticText:
    static = QStaticText(text)
    static.setTextWidth(width)
    option = QTextOption(Qt.AlignmentFlag.AlignLeft)
    # Between words where it can; inside a word too long for the tile (an email address).
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    static.setTextOption(option)
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    static.prepare(font=font)
    return static


class Tile(QAbstractButton):
    """A big button: icon above (or beside, when compact) a title and a short summary."""

    def __init__(
        self,
        target_id: str,
        title: str,
        summary: str = "",
        icon: str = "",
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.target_id = target_id
        self.icon_name = icon
        self.compact = compact
        self.summary = summary
        self.setText(title)
        self.setObjectName("SubTile" if compact else "Tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._palette = NORMAL
        self._metrics = Metrics(1.0)
        self._pixmap = QPixmap()
        self._checked_pixmap = QPixmap()
        self._fonts_memo: tuple[QFont, QFont] | None = None
        self._layouts: dict[int, _Layout] = {}  # by width; the last few widths only
        self.apply_theme(NORMAL, Metrics(1.0))

    @property
    def title(self) -> str:
        """The title shown on the tile."""
        return self.text()

    def set_content(self, target_id: str, title: str, summary: str = "", icon: str = "") -> None:
        """Show another page on this tile (cheaper than a new tile: no style polish)."""
        if (target_id, title, summary, icon) == (self.target_id, self.text(), self.summary,
                                                  self.icon_name):
            return
        self.target_id = target_id
        self.summary = summary
        self.setText(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self._layouts.clear()
        if icon != self.icon_name:
            self.icon_name = icon
            self.apply_theme(self._palette, self._metrics)
        else:
            self.updateGeometry()
            self.update()

    def apply_theme(self, palette: Palette, metrics: Metrics) -> None:
        """Colours and sizes for the current theme and window size."""
        if metrics != self._metrics:
            self._fonts_memo = None
            self._layouts.clear()
        self._palette = palette
        self._metrics = metrics
        tint = palette.primary if palette.tint_icons else ""
        self._pixmap = (
            icon_pixmap(self.icon_name, self._icon_size(), self.devicePixelRatioF(), tint)
            if self.icon_name else QPixmap()
        )
        # A selected tab is filled with the primary colour: its icon takes the colour of
        # its words there, in every theme, so it never vanishes into the fill.
        self._checked_pixmap = (
            icon_pixmap(self.icon_name, self._icon_size(), self.devicePixelRatioF(),
                        palette.on_primary)
            if self.icon_name else QPixmap()
        )
        self.updateGeometry()
        self.update()

    def _icon_size(self) -> int:
        return self._metrics.px(56, 32) if self.compact else self._metrics.px(76, 44)

    def _padding(self) -> int:
        return self._metrics.px(22, 10) if self.compact else self._metrics.px(24, 12)

    def _fonts(self) -> tuple[QFont, QFont]:
        if self._fonts_memo is None:
            self._fonts_memo = self._make_fonts()
        return self._fonts_memo

    def _make_fonts(self) -> tuple[QFont, QFont]:
        title = QFont(FONT_FAMILY)
        title.setPixelSize(self._metrics.control_px(36, 22) if self.compact
                           else self._metrics.font(40, 24))
        title.setBold(True)
        summary = QFont(FONT_FAMILY)
        summary.setPixelSize(self._metrics.font(30, 20))
        return title, summary

    def _text_width(self, width: int) -> int:
        inner = width - 2 * self._padding()
        if self.compact and self.icon_name:
            inner -= self._icon_size() + self._padding() // 2
        return max(40, inner)

    def _layout(self, width: int) -> _Layout:
        layout = self._layouts.get(width)
        if layout is None:
            if len(self._layouts) >= 4:  # widths seen while a window is resized
                self._layouts.clear()
            layout = self._make_layout(width)
            self._layouts[width] = layout
        return layout

    def _make_layout(self, width: int) -> _Layout:
        title_font, summary_font = self._fonts()
        text_width = self._text_width(width)
        bounds = QRect(0, 0, text_width, 10_000)
        # A word too wide for a line breaks with a hyphen ("zinazochung- / uzwa").
        title_text = _fitted(self.text(), title_font, text_width)
        title = _static_text(title_text, title_font, text_width)
        # The height of the text as drawn (a long word wraps inside itself), never less
        # than the font's own lines.
        title_height = max(
            QFontMetrics(title_font).boundingRect(bounds, _WRAP, title_text).height(),
            ceil(title.size().height()))
        summary_height = 0
        summary = None
        if self.summary and not self.compact:
            summary_text = _fitted(self.summary, summary_font, text_width)
            summary = _static_text(summary_text, summary_font, text_width)
            summary_height = max(
                QFontMetrics(summary_font).boundingRect(bounds, _WRAP, summary_text).height(),
                ceil(summary.size().height()))
        return _Layout(title_height, summary_height, title, summary)

    def _text_heights(self, width: int) -> tuple[int, int]:
        layout = self._layout(width)
        return layout.title_height, layout.summary_height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        padding = self._padding()
        title_height, summary_height = self._text_heights(width)
        if self.compact:
            content = max(title_height, self._icon_size())
            return max(self._metrics.control_height, content + 2 * padding)
        gap = self._metrics.px(10, 5)
        icon = self._icon_size() + gap if self.icon_name else 0
        summary = summary_height + gap if summary_height else 0
        return icon + title_height + summary + 2 * padding

    def sizeHint(self) -> QSize:
        width = self._metrics.px(420)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._metrics.px(200)
        return QSize(width, self._metrics.control_height)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        release_then_repaint(self, super().mouseReleaseEvent, event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette, metrics = self._palette, self._metrics
        highlighted = self.isDown() or self.isChecked()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = metrics.px(3, 2)
        if self.isChecked():
            fill, edge, text_colour = palette.primary, palette.primary, palette.on_primary
        elif highlighted:
            fill, edge, text_colour = palette.pressed, palette.primary, palette.primary
        else:
            fill, edge, text_colour = palette.surface, palette.border, palette.primary
        painter.setPen(QPen(QColor(edge), border))
        painter.setBrush(QColor(fill))
        radius = metrics.px(20, 10)
        painter.drawRoundedRect(self.rect().adjusted(border, border, -border, -border),
                                radius, radius)
        padding = self._padding()
        title_font, summary_font = self._fonts()
        layout = self._layout(self.width())
        title_height = layout.title_height
        icon_size = self._icon_size()
        x, y = padding, padding
        if self.compact:
            pixmap = self._checked_pixmap if self.isChecked() else self._pixmap
            if not pixmap.isNull():
                painter.drawPixmap(x, (self.height() - icon_size) // 2, pixmap)
            if self.icon_name:
                x += icon_size + padding // 2
            y = (self.height() - title_height) // 2
        elif not self._pixmap.isNull():
            painter.drawPixmap(x, y, self._pixmap)
            y += icon_size + metrics.px(10, 5)
        painter.setPen(QColor(text_colour))
        painter.setFont(title_font)
        painter.drawStaticText(QPoint(x, y), layout.title)
        if layout.summary is not None:
            y += title_height + metrics.px(10, 5)
            painter.setPen(QColor(palette.muted_text))
            painter.setFont(summary_font)
            painter.drawStaticText(QPoint(x, y), layout.summary)
        painter.end()
