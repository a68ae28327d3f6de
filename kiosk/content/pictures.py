"""Whether a picture can be drawn, decided the way the page screen will draw it.

Raster pictures (PNG, JPEG) are read with Qt's own ``QImageReader`` under
``ALLOCATION_LIMIT_MB``, the limit the kiosk sets before it reads any picture, so
``check`` refuses exactly what the screen could not show: a picture cut off by an
interrupted copy, or one so large in pixels (a 17000x17000 PNG is small on disk but
needs over 1 GB to draw) that it would stall or exhaust the kiosk.  SVG drawings are
parsed with ``QSvgRenderer``.  A picture that still fails at run time is replaced by its
alt text in a framed box (``missing_picture_html``), never a blank gap.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

ALLOCATION_LIMIT_MB = 256
"""The most memory one decoded picture may take (Qt's own default, set explicitly)."""
_BYTES_PER_PIXEL = 4


def read_image(path: Path) -> QImage:
    """The raster picture in ``path``, or a null image when it cannot be decoded.

    Never asks Qt for more than ``ALLOCATION_LIMIT_MB``: a picture whose size says it
    needs more is not decoded at all.
    """
    from PySide6.QtGui import QImage, QImageReader

    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid() or _too_large(size):
        return QImage()
    return reader.read()


def _too_large(size: QSize) -> bool:
    return size.width() * size.height() * _BYTES_PER_PIXEL > ALLOCATION_LIMIT_MB * 1024 * 1024


def decode_problem(path: Path) -> str | None:
    """Why the picture in ``path`` cannot be drawn, in plain words; ``None`` if it can."""
    try:
        stamp = path.stat()
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    return _decode_problem(path, stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=256)
def _decode_problem(path: Path, _mtime: int, _size: int) -> str | None:
    # Qt is loaded only when there is a picture to decode (``check`` may have none).
    from PySide6.QtGui import QImageReader
    from PySide6.QtSvg import QSvgRenderer

    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        return None if renderer.isValid() else "is not a drawing the kiosk can read"
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid():
        return "cannot be decoded (it is damaged or not a picture)"
    if _too_large(size):
        limit = ALLOCATION_LIMIT_MB * 1024 * 1024 // _BYTES_PER_PIXEL // 1_000_000
        return (f"is {size.width()}x{size.height()} pixels, too large to show (the limit is "
                f"about {limit} million pixels): make it smaller, e.g. 2000 pixels wide")
    if reader.read().isNull():
        return "cannot be decoded (it is damaged, e.g. cut off while copying): copy it again"
    return None


def missing_picture_html(alt: str) -> str:
    """A framed box holding a picture's alt text, shown where the picture cannot be."""
    import html  # here: rarely needed, and html.entities is large to import at start-up

    return ("<table class='missing-picture' border='1' cellspacing='0' cellpadding='16'>"
            f"<tr><td>{html.escape(alt or '(picture)')}</td></tr></table>")
