"""The yardsticks the compositor tests use: a blank capture, and "looks like" within 2%."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.e2e.sway import difference, is_blank


def picture(cover: QRect | None = None) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#faf6f0"))
    painter = QPainter(image)
    painter.fillRect(QRect(20, 20, 160, 100), QColor("#0b5d5b"))
    painter.drawText(QRect(20, 140, 300, 40), Qt.AlignmentFlag.AlignLeft, "Tigoni")
    if cover is not None:
        painter.fillRect(cover, QColor("#a63d2a"))
    painter.end()
    return image


def test_a_flat_or_missing_capture_is_blank(qapp: QApplication) -> None:
    black = QImage(400, 300, QImage.Format.Format_RGB32)
    black.fill(QColor("black"))
    assert is_blank(black) and is_blank(QImage())
    assert not is_blank(picture())


def test_same_picture_matches_and_a_changed_part_does_not(qapp: QApplication) -> None:
    assert difference(picture(), picture()) == 0.0
    changed = difference(picture(), picture(QRect(200, 150, 80, 60)))  # 4% of the picture
    assert 0.03 < changed < 0.05
    assert difference(picture(), picture().scaled(300, 400)) == 1.0, "another shape"
