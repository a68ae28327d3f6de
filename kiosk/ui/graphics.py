"""Fonts and SVG artwork, loaded through ``kiosk.resources`` and drawn sharp at any DPI."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontDatabase, QImage, QPainter, QPixmap
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
def icon_pixmap(name: str, size: int, ratio: float = 1.0) -> QPixmap:
    """A square pixmap of ``icons/<name>.svg``; empty if the icon does not exist.

    Kept per name, size and pixel ratio: screens ask for the same icons on every tap.
    """
    try:
        path = resources.icon_path(name)
    except resources.ResourceError:
        log.warning("icon %r is missing", name)
        return QPixmap()
    return QPixmap.fromImage(svg_image(path, size, size, ratio))
