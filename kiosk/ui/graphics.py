"""Fonts and SVG artwork, loaded through ``kiosk.resources`` and drawn sharp at any DPI."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk import resources

log = logging.getLogger(__name__)


def load_fonts() -> list[str]:
    """Register the bundled fonts with Qt; returns the families loaded."""
    families: list[str] = []
    for path in resources.font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


@lru_cache(maxsize=64)
def _renderer(path: Path) -> QSvgRenderer:
    return QSvgRenderer(str(path))


def svg_image(path: Path, width: int, height: int | None = None, ratio: float = 1.0) -> QImage:
    """Draw an SVG file at ``width`` (and ``height``, else keeping its aspect) logical px."""
    renderer = _renderer(path)
    if not renderer.isValid():
        return QImage()
    size = renderer.defaultSize()
    if height is None:
        aspect = size.height() / size.width() if size.width() > 0 else 1.0
        height = max(1, round(width * aspect))
    image = QImage(
        QSize(max(1, round(width * ratio)), max(1, round(height * ratio))),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


@lru_cache(maxsize=256)
def icon_pixmap(name: str, size: int, ratio: float = 1.0, tint: str = "") -> QPixmap:
    """A square pixmap of ``icons/<name>.svg``; empty if the icon does not exist.

    ``tint`` (``#RRGGBB``) paints the whole icon in one colour, for the high-contrast
    theme where the icons' own teal would vanish on black.  Kept per name, size, pixel
    ratio and tint: screens ask for the same icons on every tap.
    """
    try:
        path = resources.icon_path(name)
    except resources.ResourceError:
        log.warning("icon %r is missing", name)
        return QPixmap()
    image = svg_image(path, size, size, ratio)
    if tint and not image.isNull():
        image = _tinted(image, tint)
    return QPixmap.fromImage(image)


_STRENGTHEN = bytes(min(255, round(level * 1.6)) for level in range(256))


def _tinted(image: QImage, tint: str) -> QImage:
    """The icon's dark lines in ``tint``, its light fills left out (transparent)."""
    on_white = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    on_white.fill(Qt.GlobalColor.white)
    painter = QPainter(on_white)
    painter.drawImage(0, 0, image)
    painter.end()
    darkness = on_white.convertToFormat(QImage.Format.Format_Grayscale8)
    darkness.invertPixels()
    # The icons' teal is not black: stretch its darkness to full strength.
    strengthened = bytes(darkness.constBits()).translate(_STRENGTHEN)
    darkness = QImage(strengthened, darkness.width(), darkness.height(),
                      darkness.bytesPerLine(), QImage.Format.Format_Grayscale8).copy()
    result = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    result.fill(QColor(tint))
    result.setAlphaChannel(darkness)
    result.setDevicePixelRatio(image.devicePixelRatio())
    return result
