"""The panel for a tapped web link: never opened here, offered as a QR code instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label
from kiosk.ui.widgets.qr import QrCodeWidget, QrDataError


class LinkPanel(Panel):
    """Title of the link, a large QR code of its exact address, and how to use it."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, "", "LinkPanel")
        self.url = ""
        self.code = QrCodeWidget(self.card)
        self.hint = caption_label("", "PanelText", self.card)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.address = caption_label("", "Address", self.card)
        self.address.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.body.addWidget(self.code, 1, Qt.AlignmentFlag.AlignHCenter)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.address)
        self._too_long = False
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.code.setAccessibleName(tr("QR code of the link"))
        self.hint.setText(tr("This link is too long for a code. Ask the staff.")
                          if self._too_long else tr("Scan to open this on your phone"))

    def show_link(self, url: str, title: str) -> None:
        """Open the panel for ``url``; if it cannot be a QR code, show the address only."""
        self.url = url
        self.title.setText(title or url)
        self.address.setText(url)
        try:
            self.code.set_data(url)
        except QrDataError:
            self.code.hide()
            self._too_long = True
        else:
            self.code.show()
            self._too_long = False
        self.retranslate()
        self.open_panel()

    def apply_look(self, look: Look) -> None:
        side = max(self.code.minimumSizeHint().width(), look.metrics.px(420, 240))
        self.code.setFixedSize(side, side)
        super().apply_look(look)
