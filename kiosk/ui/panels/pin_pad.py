"""The on-screen PIN pad staff use to reach the staff panel: big digits, no keyboard.

It shows the session's ``PinEntry`` (mode, note, digits typed, lock-out) and sends each
key to ``KioskSession.press_pin_key``; the logic lives in ``kiosk.session.pin_entry``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.session.kiosk_session import KioskSession
from kiosk.session.pin import MAX_DIGITS, MIN_DIGITS
from kiosk.session.pin_entry import LockWait, Note, PadMode, WaitUnit
from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label


class PinPad(Panel):
    """Digits 0-9, Delete and OK; dots show how many digits are typed, never the digits."""

    for_staff = True

    def __init__(self, host: QWidget, session: KioskSession) -> None:
        super().__init__(host, tr("Staff PIN"), "PinPad")
        self.session = session
        self.entry = session.pin_entry
        self.display = caption_label("", "PinDisplay", self.card)
        self.display.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = caption_label("", "PanelText", self.card)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        keys = QWidget(self.card)
        grid = QGridLayout(keys)
        self._grid = grid
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit), index // 3, index % 3)
        self.delete_button = self._key("", "delete")
        self.ok_button = self._key("", "ok")
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        self.body.addWidget(self.display)
        self.body.addWidget(self.message)
        self.body.addWidget(keys)
        self.countdown = QTimer(self)  # asks the lock-out afresh each second while shown
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.refresh)
        self.retranslate()

    @property
    def mode(self) -> PadMode:
        """What the digits typed are for."""
        return self.entry.mode

    @property
    def typed(self) -> str:
        """The digits typed so far."""
        return self.entry.typed

    def retranslate(self) -> None:
        super().retranslate()
        for button, text in ((self.delete_button, tr("Delete")), (self.ok_button, tr("OK"))):
            button.setText(text)
            button.setAccessibleName(text)
        self.refresh()

    def _key(self, text: str, action: str) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setObjectName("PinKey")
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.press(action))
        if action.isdigit():
            self.digit_buttons[action] = button
        return button

    def press(self, action: str) -> None:
        """One key: a digit, ``delete`` or ``ok``."""
        self.session.press_pin_key(action)
        self.refresh()

    def open_panel(self) -> None:
        self.refresh()
        super().open_panel()
        self.refresh()  # the lock-out countdown runs only while shown

    def refresh(self) -> None:
        """Show the entry's state: title, note or lock-out, dots, which keys work."""
        entry, access = self.entry, self.entry.access
        titles = {PadMode.ENTER: tr("Staff PIN"), PadMode.NEW: tr("Choose a new PIN"),
                  PadMode.CONFIRM: tr("Type the new PIN again")}
        self.title.setText(titles[entry.mode])
        self.setAccessibleName(self.title.text())
        notes = {
            Note.NONE: tr("A PIN has %1 to %2 digits.").replace("%1", str(MIN_DIGITS))
            .replace("%2", str(MAX_DIGITS)),  # the hint while nothing else is said
            Note.WRONG: tr("Wrong PIN. Tries left: %1.").replace(
                "%1", str(access.attempts_left)),
            Note.FORMAT: tr("Use %1 to %2 digits.").replace("%1", str(MIN_DIGITS))
            .replace("%2", str(MAX_DIGITS)),
            Note.DIFFERENT: tr("The two PINs were different. Try again."),
        }
        if entry.settings_unreadable:
            self.message.setText(tr("The kiosk's settings could not be read. Ask IT."))
        elif entry.no_pin:
            self.message.setText(tr("No staff PIN is set: ask IT."))
        elif (wait := entry.lock_wait) is not None:
            self.message.setText(lock_message(wait))
        else:
            self.message.setText(notes[entry.note])
        if entry.locked and self.isVisible():
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            self.countdown.stop()
        for button in [*self.digit_buttons.values(), self.delete_button]:
            button.setEnabled(entry.can_type)
        self.ok_button.setEnabled(entry.can_submit)
        self.display.setText("\u25cf " * len(entry.typed) or "\u2013")
        self.display.setAccessibleName(
            tr("Digits typed: %1").replace("%1", str(len(entry.typed))))

    def close_panel(self) -> None:
        self.countdown.stop()
        super().close_panel()

    def apply_look(self, look: Look) -> None:
        self._grid.setSpacing(look.metrics.px(16, 8))
        super().apply_look(look)

    def card_width(self) -> int:
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(760, 420))


def lock_message(wait: LockWait) -> str:
    """The pad's line during a lock-out: "Try again in 2 minutes." / "in 45 seconds."."""
    if wait.unit is WaitUnit.MINUTES:
        return tr("Too many wrong PINs. Try again in %n minute(s).", None, wait.count)
    return tr("Too many wrong PINs. Try again in %n second(s).", None, wait.count)
