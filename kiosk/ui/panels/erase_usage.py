"""Staff's "Erase usage counts": a confirmation over the Usage page, then the erase.

The Usage page (behind the PIN) only shows the button and emits
``erase_usage_requested``; ``confirm_erase_usage`` opens this card over it.  Nothing is
deleted until staff tap Erase on the card; Cancel (or the Usage page closing) leaves
every count alone.  The erase itself is ``KioskSession.erase_usage``, which writes it
to the audit trail; ``UsageRecorder.erase`` deletes the counters, rewrites the
database file and empties its write-ahead log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label

_ATTRIBUTE = "_erase_usage_confirm"


class EraseUsageConfirm(Panel):
    """Are you sure?  Erase, or Cancel (the panel's own close button)."""

    for_staff = True

    def __init__(self, host: QWidget, erase: Callable[[], bool]) -> None:
        super().__init__(host, tr("Erase usage counts"), "EraseUsageConfirm",
                         closes_on_backdrop=False)
        self._erase = erase
        self.message = caption_label("", "PanelText", self.card)
        self.body.addWidget(self.message)
        self.erase_button = QPushButton(self.card)
        self.erase_button.setObjectName("StaffButton")
        self.erase_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.erase_button.clicked.connect(lambda _checked=False: self._erase_now())
        self.body.addWidget(self.erase_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(tr("Erase usage counts"))
        self.setAccessibleName(self.title.text())
        self.message.setText(tr("This deletes every usage count kept on this kiosk: visits "
                                "per day and the pages read. It cannot be undone."))
        self.erase_button.setText(tr("Erase"))
        self.erase_button.setAccessibleName(tr("Erase"))
        self.close_button.set_label(tr("Cancel"))

    def open_panel(self) -> None:
        """Ask again each time: the question, Erase and Cancel."""
        self.retranslate()
        self.erase_button.show()
        super().open_panel()

    def _erase_now(self) -> None:
        erased = self._erase()
        self.erase_button.hide()
        self.close_button.set_label(tr("Close"))
        self.message.setText(tr("Usage counts erased.") if erased else tr(
            "The usage counts could not be erased. Ask IT to look at the log."))
        self._place_card()


def confirm_erase_usage(usage_panel: Panel, erase: Callable[[], bool],
                        look: Look) -> EraseUsageConfirm:
    """Open the confirmation over ``usage_panel`` (made on first use, closed with it)."""
    confirm = getattr(usage_panel, _ATTRIBUTE, None)
    if not isinstance(confirm, EraseUsageConfirm):
        confirm = EraseUsageConfirm(usage_panel, erase)
        usage_panel.closed.connect(confirm.close_panel)
        setattr(usage_panel, _ATTRIBUTE, confirm)
    confirm.apply_look(look)
    confirm.open_panel()
    return confirm
