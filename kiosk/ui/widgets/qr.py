"""QR codes drawn straight from segno's module matrix with ``QPainter`` (no image library).

A code is always black on white whatever the theme, keeps the 4-module quiet zone of
ISO/IEC 18004, and gives every module a whole number of device pixels so a phone camera
sees crisp edges at any display scaling.  A phone at 30-50 cm needs a code at least 5 cm
wide, so the widget never asks for less than that.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass
from math import ceil, floor

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

QUIET_ZONE = 4
MIN_SIDE_PX = 240
MIN_SIDE_CM = 5.0
FALLBACK_DPI = 96.0
SANE_DPI = (50.0, 400.0)
DARK = Qt.GlobalColor.black
LIGHT = Qt.GlobalColor.white


class QrDataError(ValueError):
    """The data cannot be shown as a QR code (empty, or too long to fit)."""


@dataclass(frozen=True)
class QrMatrix:
    """A code's modules, row by row, quiet zone included; ``True`` is dark."""

    rows: tuple[tuple[bool, ...], ...]

    @property
    def side(self) -> int:
        """Modules across, quiet zone included."""
        return len(self.rows)


@dataclass(frozen=True)
class CodeLayout:
    """Where a code sits in a widget, in device pixels."""

    module_px: int
    left: int
    top: int
    side: int


def qr_matrix(data: str) -> QrMatrix:
    """Encode ``data`` (error correction M or better, never a Micro QR)."""
    if not data:
        raise QrDataError("there is nothing to encode")
    import segno  # loaded on the first code, not at start-up

    try:
        code = segno.make(data, error="m", micro=False)
    except segno.DataOverflowError as error:
        raise QrDataError(f"{len(data)} characters do not fit in a QR code") from error
    rows = code.matrix_iter(scale=1, border=QUIET_ZONE)
    return QrMatrix(tuple(tuple(bool(module) for module in row) for row in rows))


def _dark_runs(row: tuple[bool, ...]) -> Iterator[tuple[int, int]]:
    """``(first column, length)`` of each run of dark modules in a row."""
    column = 0
    for dark, group in itertools.groupby(row):
        length = len(list(group))
        if dark:
            yield column, length
        column += length


def _draw_matrix(matrix: QrMatrix, module_px: int) -> QImage:
    """The code at ``module_px`` pixels per module, quiet zone included."""
    if module_px < 1:
        raise ValueError(f"a module must be at least 1 pixel, not {module_px}")
    side = matrix.side * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    for y, row in enumerate(matrix.rows):
        for x, length in _dark_runs(row):
            painter.fillRect(x * module_px, y * module_px, length * module_px, module_px, DARK)
    painter.end()
    return image


def render_qr_image(data: str, module_px: int) -> QImage:
    """``data`` as an image of ``module_px`` pixels per module; raises ``QrDataError``."""
    return _draw_matrix(qr_matrix(data), module_px)


def code_layout(width: int, height: int, ratio: float, modules: int) -> CodeLayout:
    """The largest whole-pixel module size that fits, and the code centred in the widget."""
    device_width = math.floor(width * ratio)
    device_height = math.floor(height * ratio)
    module_px = min(device_width, device_height) // modules
    side = module_px * modules
    return CodeLayout(module_px, (device_width - side) // 2, (device_height - side) // 2, side)


def min_side_for_dpi(dpi: float) -> int:
    """5 cm in logical px at ``dpi``, never under 240 px; an implausible ``dpi`` counts as 96."""
    low, high = SANE_DPI
    if not low <= dpi <= high:
        dpi = FALLBACK_DPI
    return max(MIN_SIDE_PX, math.ceil(MIN_SIDE_CM / 2.54 * dpi))


def min_code_side(screen: QScreen | None) -> int:
    """Smallest code side in logical px on ``screen`` (96 dpi if it is unknown).

    Qt gives a screen's physical density in logical (device-independent) dots per inch.
    """
    return min_side_for_dpi(screen.physicalDotsPerInch() if screen is not None else FALLBACK_DPI)


class QrCodeWidget(QWidget):
    """One QR code, as large as fits, centred on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._matrix: QrMatrix | None = None
        self._image = QImage()
        self._image_module_px = 0

    def set_data(self, data: str) -> None:
        """Show a code for ``data``; on ``QrDataError`` the widget is left blank."""
        self._matrix = None
        self._image = QImage()
        self.update()
        try:
            self._matrix = qr_matrix(data)
        except QrDataError as error:
            log.warning("QR code not shown: %s", error)
            raise

    def _layout(self) -> CodeLayout | None:
        if self._matrix is None:
            return None
        layout = code_layout(
            self.width(), self.height(), self.devicePixelRatioF(), self._matrix.side
        )
        return layout if layout.module_px >= 1 else None

    @property
    def modules(self) -> int:
        """Modules across the code, quiet zone included (0 when no code is set)."""
        return self._matrix.side if self._matrix is not None else 0

    def side_for(self, available: int, largest: int) -> int:
        """A widget side that draws whole modules and is at least ``min_code_side``.

        Beyond that minimum it is as large as fits in ``available`` logical px, but not
        over ``largest``.
        """
        if not self.modules:
            return 0
        ratio = self.devicePixelRatioF()
        needed = ceil(min_code_side(self.screen()) * ratio / self.modules)
        fits = floor(min(available, largest) * ratio / self.modules)
        return ceil(max(needed, fits) * self.modules / ratio)

    def code_side_px(self) -> int:
        """Side of the drawn code in logical px (rounded), quiet zone included; 0 if none."""
        layout = self._layout()
        return round(layout.side / self.devicePixelRatioF()) if layout else 0

    def minimumSizeHint(self) -> QSize:
        """At least 5 cm square on this screen (see ``min_code_side``)."""
        side = min_code_side(self.screen())
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        """The minimum: a layout may give the code more room."""
        return self.minimumSizeHint()

    def _image_for(self, matrix: QrMatrix, layout: CodeLayout) -> QImage:
        """The code at the layout's module size, drawn again only when that size changes."""
        if self._image.isNull() or self._image_module_px != layout.module_px:
            self._image = _draw_matrix(matrix, layout.module_px)
            self._image_module_px = layout.module_px
        return self._image

    def paintEvent(self, _event: QPaintEvent) -> None:
        """White everywhere, then the code pixel for pixel on the device."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), LIGHT)
        layout = self._layout()
        if self._matrix is not None and layout is not None:
            ratio = self.devicePixelRatioF()
            image = self._image_for(self._matrix, layout)
            image.setDevicePixelRatio(ratio)
            painter.drawImage(QPointF(layout.left / ratio, layout.top / ratio), image)
        painter.end()
