"""The "Need help now?" panel: what to do right now, and the crisis lines.

Opened in one tap from the navigation bar on every screen.  The numbers come from the
clinic's data file so the clinic can correct them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.content.clinic import Clinic
from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.widgets.labels import caption_label


class HelpPanel(Panel):
    """Crisis help, large and calm."""

    def __init__(self, host: QWidget, clinic: Clinic) -> None:
        super().__init__(host, tr("Need help now?"), "HelpPanel")
        self.clinic = clinic
        self.language = "en"
        self.danger_now = caption_label("", "HelpNow", self.card)
        self.body.addWidget(self.danger_now)
        self.lines = [
            caption_label("", "CrisisLine", self.card)
            for line in clinic.crisis_lines
        ]
        for label in self.lines:
            self.body.addWidget(label)
        self.unavailable = caption_label("", "PanelText", self.card)
        self.unavailable.setVisible(not self.lines)
        self.body.addWidget(self.unavailable)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(tr("Need help now?"))
        self.setAccessibleName(self.title.text())
        self.danger_now.setText(
            tr("If you are in danger now, tell the reception staff straight away."))
        self.unavailable.setText(tr("Please ask the reception staff for help."))
        for label, line in zip(self.lines, self.clinic.crisis_lines, strict=True):
            note = line.note_in(self.language)
            name = line.name_in(self.language)
            label.setText(f"{name}: {line.number}" + (f" ({note})" if note else ""))
            label.setAccessibleName(label.text())
