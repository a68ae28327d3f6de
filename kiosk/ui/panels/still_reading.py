"""The "Still reading?" warning before the idle reset, with a big Keep reading button.

It only shows the session's countdown (``kiosk.session.idle``); closing it, by the
button, the backdrop or a touch on its words, means keep reading.
"""

from __future__ import annotations

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.widgets.labels import caption_label


class StillReading(Panel):
    """The seconds left before the kiosk goes back to the start."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, tr("Still reading?"), "StillReading")
        self.countdown = caption_label("", "PanelText", self.card)
        self.body.addWidget(self.countdown)
        self.seconds_left = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Still reading?"))
        self.setAccessibleName(self.title.text())
        self.close_button.set_label(tr("Keep reading"))
        self.show_seconds(self.seconds_left)

    def show_seconds(self, seconds: int) -> None:
        """The countdown as the session counts it."""
        self.seconds_left = seconds
        self.countdown.setText(tr("The screen will go back to the start in %n second(s), so the "
                                  "next person does not see what you read.", None, seconds))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch on the words counts too, not only on the button or the backdrop."""
        event.accept()
        self.close_panel()
