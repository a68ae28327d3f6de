"""The "Still reading?" warning before the idle reset, with a big Keep reading button."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.panel import Panel, caption_label


class StillReading(Panel):
    """Counts down; at zero the kiosk resets. Any touch on it means keep reading."""

    timed_out = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, self.tr("Still reading?"), "StillReading")
        self.countdown = caption_label("", "PanelText", self.card)
        self.body.addWidget(self.countdown)
        self.close_button.label = self.tr("Keep reading")
        self.close_button.setText(self.close_button.label)
        self.close_button.setAccessibleName(self.close_button.label)
        self.seconds_left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

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
        self.countdown.setText(self.tr(
            "The screen will go back to the start in %n seconds, so the next person "
            "does not see what you read.", "", self.seconds_left))

    def close_panel(self) -> None:
        self._tick.stop()
        super().close_panel()
