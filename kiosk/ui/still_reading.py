"""The "Still reading?" warning before the idle reset, with a big Keep reading button."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.panel import Panel, caption_label


class StillReading(Panel):
    """Counts down; at zero the kiosk resets. Any touch on it means keep reading."""

    timed_out = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, tr("Still reading?"), "StillReading")
        self.countdown = caption_label("", "PanelText", self.card)
        self.body.addWidget(self.countdown)
        self.seconds_left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Still reading?"))
        self.setAccessibleName(self.title.text())
        self.close_button.set_label(tr("Keep reading"))
        self._show_seconds()

    def start(self, seconds: int) -> None:
        """Open and count down from ``seconds``."""
        self.seconds_left = seconds
        self._show_seconds()
        self.open_panel()
        self._tick.start()

    def _count_down(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left <= 0:
            self._tick.stop()
            self.hide()
            self.timed_out.emit()
            return
        self._show_seconds()

    def _show_seconds(self) -> None:
        self.countdown.setText(tr(
            "The screen will go back to the start in %1 seconds, so the next person "
            "does not see what you read.").replace("%1", str(self.seconds_left)))

    def close_panel(self) -> None:
        self._tick.stop()
        super().close_panel()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch on the words counts too, not only on the button or the backdrop."""
        event.accept()
        self.close_panel()
