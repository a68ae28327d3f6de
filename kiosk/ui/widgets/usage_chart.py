"""Horizontal bar charts drawn with ``QPainter``, for the staff Usage page.

Plain and large enough to read at arm's length: a title, then one row per bar with its
label on the left and its value just past the end of the bar.  Rows shrink to fit the
height a layout gives, never below a readable floor (``minimumSizeHint``).  With no data,
or only zeros, the chart says so instead ("No visits yet").  The accessible name sums
the chart up ("Visits per day, last 30 days: 12 in total"); the description lists it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from math import ceil

from PySide6.QtCore import QDate, QLocale, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.theme import FONT_FAMILY, NORMAL, Metrics, Palette

TITLE_PX = 40
ROW_FONT_PX = 32
MIN_ROW_FONT_PX = 20
ROW_SPACING = 1.45  # row height over font size
BAR_THICKNESS = 0.62  # bar height over row height
EMPTY_ROWS = 3  # room the empty-state text gets, in rows
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")


def day_label(day: date, language: str = "en") -> str:
    """``Mon 3 Nov`` in ``language`` (Kiswahili: ``Jumatatu 3 Nov``), whatever the system's.

    Qt's Swahili locale has no shorter day names than the full ones.
    """
    if language == "en":
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return QLocale(language).toString(QDate(day.year, day.month, day.day), "ddd d MMM")


def day_bars(rows: Iterable[tuple[date, int]], language: str = "en") -> list[tuple[str, int]]:
    """``UsageReport.visits_per_day`` rows as chart bars, days named in ``language``."""
    return [(day_label(day, language), count) for day, count in rows]


@dataclass(frozen=True)
class BarRow:
    """Where one bar's parts sit in the widget, in logical pixels."""

    label: QRect
    bar: QRect
    value: QRect


class BarChart(QWidget):
    """A titled horizontal bar chart of ``(label, value)`` pairs."""

    def __init__(self, title: str, empty_text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BarChart")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.title = title
        self.empty_text = empty_text if empty_text is not None else tr("No visits yet")
        self._bars: list[tuple[str, int]] = []
        self._palette = NORMAL
        self._metrics = Metrics(1.0)
        self._describe()

    # --- data and theme ------------------------------------------------------------------

    @property
    def bars(self) -> list[tuple[str, int]]:
        """The bars shown, in order."""
        return list(self._bars)

    @property
    def total(self) -> int:
        """The sum of every value."""
        return sum(value for _label, value in self._bars)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to draw: no bars, or every value is zero."""
        return self.total == 0

    def set_data(self, bars: Sequence[tuple[str, int]]) -> None:
        """Show these bars (negative values count as zero)."""
        self._bars = [(label, max(0, int(value))) for label, value in bars]
        self._describe()
        self.updateGeometry()
        self.update()

    def set_title(self, title: str) -> None:
        """A new title (for example after a language change)."""
        self.title = title
        self._describe()
        self.update()

    def apply_theme(self, palette: Palette, metrics: Metrics) -> None:
        """Colours and sizes."""
        self._palette = palette
        self._metrics = metrics
        self.updateGeometry()
        self.update()

    def _describe(self) -> None:
        if self.is_empty:
            self.setAccessibleName(f"{self.title}: {self.empty_text}")
        else:
            total = tr("%1 in total").replace("%1", str(self.total))
            self.setAccessibleName(f"{self.title}: {total}")
        self.setAccessibleDescription(
            "; ".join(f"{label}: {value}" for label, value in self._bars))

    # --- geometry ------------------------------------------------------------------------

    def _font(self, design_px: float, minimum: int, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(self._metrics.px(design_px, minimum))
        font.setBold(bold)
        return font

    def _title_font(self) -> QFont:
        return self._font(TITLE_PX, 22, bold=True)

    def _padding(self) -> int:
        return self._metrics.px(24, 10)

    def _gap(self) -> int:
        return self._metrics.px(16, 8)

    def _chart_top(self) -> int:
        return self._padding() + QFontMetrics(self._title_font()).height() + self._gap()

    def _row_font_px(self) -> int:
        """As large as the design size, smaller if the rows must squeeze, never tiny."""
        largest = self._metrics.px(ROW_FONT_PX, 18)
        smallest = self._metrics.px(MIN_ROW_FONT_PX, 14)
        available = self.height() - self._chart_top() - self._padding()
        fits = int(available / (max(1, len(self._bars)) * ROW_SPACING))
        return max(smallest, min(largest, fits))

    def _height_for(self, font_px: int) -> int:
        rows = EMPTY_ROWS if self.is_empty else len(self._bars)
        return self._chart_top() + round(rows * font_px * ROW_SPACING) + self._padding()

    def minimumSizeHint(self) -> QSize:
        """Every row at the smallest readable size."""
        smallest = self._metrics.px(MIN_ROW_FONT_PX, 14)
        return QSize(self._metrics.px(480, 320), self._height_for(smallest))

    def sizeHint(self) -> QSize:
        """Every row at full size."""
        return QSize(self._metrics.px(900, 480), self._height_for(self._metrics.px(ROW_FONT_PX,
                                                                                    18)))

    def rows(self) -> list[BarRow]:
        """Where each bar, its label and its value go at the current size (none if empty)."""
        if self.is_empty:
            return []
        font_px = self._row_font_px()
        row_height = round(font_px * ROW_SPACING)
        label_font, value_font = self._row_fonts(font_px)
        pad, gap = self._padding(), self._gap()
        value_width = QFontMetrics(value_font).horizontalAdvance(
            str(max(value for _label, value in self._bars)))
        # Names get the room they need (rounded up: Qt elides a name given its rounded
        # width), leaving the bars at least a third of the chart.
        label_width = min(max(ceil(QFontMetricsF(label_font).horizontalAdvance(label)) + 1
                              for label, _value in self._bars),
                          max(0, self.width() - 2 * pad - value_width - 2 * gap
                              - self.width() // 3))
        bar_left = pad + label_width + gap
        longest = max(0, self.width() - pad - value_width - gap - bar_left)
        biggest = max(value for _label, value in self._bars)
        thickness = round(row_height * BAR_THICKNESS)
        rows = []
        for index, (_label, value) in enumerate(self._bars):
            top = self._chart_top() + index * row_height
            length = round(longest * value / biggest)
            if value and not length:
                length = 2  # a small count still shows
            rows.append(BarRow(
                label=QRect(pad, top, label_width, row_height),
                bar=QRect(bar_left, top + (row_height - thickness) // 2, length, thickness),
                value=QRect(bar_left + length + gap, top, value_width + gap, row_height),
            ))
        return rows

    def _row_fonts(self, font_px: int) -> tuple[QFont, QFont]:
        label = QFont(FONT_FAMILY)
        label.setPixelSize(font_px)
        value = QFont(label)
        value.setBold(True)
        return label, value

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Background, title, then the bars or the empty-state text."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._palette.surface))
        self._paint_title(painter)
        if self.is_empty:
            self._paint_empty(painter)
        else:
            self._paint_rows(painter)
        painter.end()

    def _paint_title(self, painter: QPainter) -> None:
        pad = self._padding()
        font = self._title_font()
        box = QRect(pad, pad, self.width() - 2 * pad, QFontMetrics(font).height())
        painter.setFont(font)
        painter.setPen(QColor(self._palette.primary))
        title = QFontMetrics(font).elidedText(self.title, Qt.TextElideMode.ElideRight,
                                              box.width())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         title)

    def _paint_empty(self, painter: QPainter) -> None:
        pad, top = self._padding(), self._chart_top()
        box = QRect(pad, top, self.width() - 2 * pad, max(0, self.height() - top - pad))
        painter.setFont(self._font(34, 20))
        painter.setPen(QColor(self._palette.muted_text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                         self.empty_text)

    def _paint_rows(self, painter: QPainter) -> None:
        rows = self.rows()
        label_font, value_font = self._row_fonts(self._row_font_px())
        text, bar = QColor(self._palette.text), QColor(self._palette.primary)
        baseline = rows[0].bar.left() - 1
        painter.fillRect(QRect(baseline, rows[0].label.top(), self._metrics.px(2, 1),
                               rows[-1].label.bottom() - rows[0].label.top() + 1),
                         QColor(self._palette.border))
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        label_metrics = QFontMetrics(label_font)
        for row, (label, value) in zip(rows, self._bars, strict=True):
            painter.fillRect(row.bar, bar)
            painter.setPen(text)
            painter.setFont(label_font)
            painter.drawText(row.label, right, label_metrics.elidedText(
                label, Qt.TextElideMode.ElideRight, row.label.width()))
            painter.setFont(value_font)
            painter.drawText(row.value, left, str(value))
