"""Staff's "Exit the app": a confirmation over the staff panel, then the exit.

Only reachable with kiosk mode off (the staff panel greys Exit in kiosk mode and says
why).  Nothing closes until staff tap "Exit the app" on this card (never a bare word:
in Kiswahili "Funga" is Close, so exiting says "Zima programu"); Cancel (or the staff
panel closing) leaves the kiosk running.  The exit itself is ``KioskSession.request_exit``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label

_ATTRIBUTE = "_exit_confirm"


class ExitConfirm(Panel):
    """Exit the kiosk program?  "Exit the app", or Cancel (the panel's own close button)."""

    for_staff = True

    def __init__(self, host: QWidget, exit_now: Callable[[], None]) -> None:
        super().__init__(host, tr("Exit the app"), "ExitConfirm", closes_on_backdrop=False)
        self._exit_now = exit_now
        self.message = caption_label("", "PanelText", self.card)
        self.body.addWidget(self.message)
        self.exit_button = QPushButton(self.card)
        self.exit_button.setObjectName("StaffButton")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.clicked.connect(lambda _checked=False: self._confirmed())
        self.body.addWidget(self.exit_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(tr("Exit the app"))
        self.setAccessibleName(self.title.text())
        self.message.setText(tr("Exit the kiosk program? The screen shows the computer's "
                                "desktop until the program is started again."))
        self.exit_button.setText(tr("Exit the app"))  # says what it does, as on the panel
        self.exit_button.setAccessibleName(tr("Exit the app"))
        self.close_button.set_label(tr("Cancel"))

    def open_panel(self) -> None:
        """Ask again each time."""
        self.retranslate()
        super().open_panel()

    def _confirmed(self) -> None:
        self.close_panel()
        self._exit_now()


def confirm_exit(staff_panel: Panel, exit_now: Callable[[], None],
                 look: Look | None) -> ExitConfirm:
    """Open the confirmation over ``staff_panel`` (made on first use, closed with it)."""
    confirm = getattr(staff_panel, _ATTRIBUTE, None)
    if not isinstance(confirm, ExitConfirm):
        confirm = ExitConfirm(staff_panel, exit_now)
        staff_panel.closed.connect(confirm.close_panel)
        setattr(staff_panel, _ATTRIBUTE, confirm)
    if look is not None:
        confirm.apply_look(look)
    confirm.open_panel()
    return confirm
