"""The attract screen shown after the idle reset: a calm, slowly moving invitation.

The picture keeps drifting so nothing burns into the screen, at a low frame rate and
only while shown.  The first touch only dismisses it: it never reaches the screen
beneath (other kiosks act on that touch, a known complaint).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import FONT_FAMILY, NORMAL, Look, Metrics

FRAME_MS = 125  # 8 frames a second is plenty for a drift this slow
_BUBBLES = ((0.2, 0.3, 0.35, 0.021), (0.75, 0.65, 0.45, 0.017), (0.5, 0.15, 0.25, 0.026))


class AttractScreen(QWidget):
    """Covers the whole window; emits ``dismissed`` after the touch that ends it."""

    dismissed = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("AttractScreen")
        self.host = host
        self.lines: list[str] = []
        self.setAccessibleName("Tap to start")
        self._palette = NORMAL
        self._metrics = Metrics(1.0)
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.update)
        self._pressed = False
        self._sprites: dict[str, QPixmap] = {}
        # It covers everything: nothing beneath needs painting each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        host.installEventFilter(self)
        self.hide()

    @property
    def animating(self) -> bool:
        """Whether the frame timer runs (only while shown)."""
        return self._timer.isActive()

    def set_lines(self, lines: list[str]) -> None:
        """The invitation in each language the kiosk has."""
        self.lines = [line for line in lines if line]
        self._sprites.clear()
        self.setAccessibleName(" / ".join(self.lines))

    @property
    def holds_pictures(self) -> bool:
        """Whether its pre-drawn pictures are in memory (only while it shows)."""
        return bool(self._sprites)

    def apply_look(self, look: Look) -> None:
        """Colours and text size."""
        self._palette = look.palette
        self._metrics = look.metrics
        self._sprites.clear()

    def start(self) -> None:
        """Cover the window and start drifting."""
        self.setGeometry(self.host.rect())
        self._pressed = False
        self.show()
        self.raise_()
        self._timer.start()

    def stop(self) -> None:
        """Hide, stop every timer and let go of the pictures (about 8 MB at 1080p).

        They are drawn again when the screen next starts, while nobody is waiting.
        """
        self._timer.stop()
        self.hide()
        self._sprites.clear()

    def hideEvent(self, event: object) -> None:
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._pressed:
            self.stop()
            self.dismissed.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sprites.clear()

    def _bubble(self, radius: int) -> QPixmap:
        """A soft light circle, drawn once per size (gradients are costly per frame)."""
        key = f"bubble-{radius}"
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = QPixmap(2 * radius, 2 * radius)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            gradient = QRadialGradient(QPointF(radius, radius), radius)
            gradient.setColorAt(0.0, QColor(255, 255, 255, 46))
            gradient.setColorAt(1.0, QColor(255, 255, 255, 0))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(gradient)
            painter.drawEllipse(QPointF(radius, radius), radius, radius)
            painter.end()
            self._sprites[key] = sprite
        return sprite

    def _text_block(self) -> QPixmap:
        """The invitation in every language, drawn once per size and theme."""
        sprite = self._sprites.get("text")
        if sprite is not None:
            return sprite
        metrics, width = self._metrics, self.width()
        flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
        text_width = max(1, int(width * 0.84))
        blocks: list[tuple[QFont, QRect]] = []
        for index, line in enumerate(self.lines):
            font = QFont(FONT_FAMILY)
            font.setBold(index == 0)
            font.setPixelSize(metrics.px(64 if index == 0 else 52, 26))
            bounds = QFontMetrics(font).boundingRect(QRect(0, 0, text_width, 10_000), flags, line)
            blocks.append((font, bounds))
        gap = metrics.px(48, 20)
        total = sum(bounds.height() for _font, bounds in blocks) + gap * max(0, len(blocks) - 1)
        sprite = QPixmap(text_width, max(1, total))
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(QColor(self._palette.on_primary))
        top = 0
        for (font, bounds), line in zip(blocks, self.lines, strict=True):
            painter.setFont(font)
            painter.drawText(QRect(0, top, text_width, bounds.height()), flags, line)
            top += bounds.height() + gap
        painter.end()
        self._sprites["text"] = sprite
        return sprite

    def paintEvent(self, _event: QPaintEvent) -> None:
        seconds = time.monotonic() - self._started
        width, height = self.width(), self.height()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._palette.primary))
        for x, y, size, speed in _BUBBLES:
            radius = max(1, int(min(width, height) * size))
            centre_x = width * (x + 0.15 * math.sin(seconds * speed * 6.28))
            centre_y = height * (y + 0.15 * math.cos(seconds * speed * 5.0))
            painter.drawPixmap(int(centre_x - radius), int(centre_y - radius),
                               self._bubble(radius))
        text = self._text_block()
        drift_x = width * 0.05 * math.sin(seconds * 0.05)
        drift_y = height * 0.08 * math.sin(seconds * 0.037)
        painter.drawPixmap(int((width - text.width()) / 2 + drift_x),
                           int((height - text.height()) / 2 + drift_y), text)
        painter.end()
