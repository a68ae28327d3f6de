"""The on-screen PIN pad staff use to reach the staff panel: big digits, no keyboard."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.session.pin import MAX_DIGITS, MIN_DIGITS, PinFormatError, validate_pin
from kiosk.session.staff import PinResult, StaffAccess
from kiosk.ui.i18n import tr
from kiosk.ui.panel import Panel, caption_label
from kiosk.ui.theme import Metrics


class PadMode(Enum):
    """What the digits typed are for."""

    ENTER = "enter"
    NEW = "new"
    CONFIRM = "confirm"


class PinPad(Panel):
    """Digits 0-9, Delete and OK; dots show how many digits are typed, never the digits."""

    accepted = Signal()
    pin_changed = Signal()

    def __init__(self, host: QWidget, access: StaffAccess) -> None:
        super().__init__(host, tr("Staff PIN"), "PinPad")
        self.access = access
        self.mode = PadMode.ENTER
        self.typed = ""
        self._first_new_pin = ""
        self.display = caption_label("", "PinDisplay", self.card)
        self.display.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = caption_label("", "PanelText", self.card)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        keys = QWidget(self.card)
        grid = QGridLayout(keys)
        self._grid = grid
        self.digit_buttons: dict[str, QPushButton] = {}
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        for index, digit in enumerate(labels):
            grid.addWidget(self._key(digit, digit), index // 3, index % 3)
        self.delete_button = self._key("", "delete")
        self.ok_button = self._key("", "ok")
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        self.body.addWidget(self.display)
        self.body.addWidget(self.message)
        self.body.addWidget(keys)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._refresh)
        self._note = ""
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        for button, text in ((self.delete_button, tr("Delete")), (self.ok_button, tr("OK"))):
            button.setText(text)
            button.setAccessibleName(text)
        self._show_title()
        self._refresh()

    def _show_title(self) -> None:
        titles = {PadMode.ENTER: tr("Staff PIN"), PadMode.NEW: tr("Choose a new PIN"),
                  PadMode.CONFIRM: tr("Type the new PIN again")}
        self.title.setText(titles[self.mode])
        self.setAccessibleName(self.title.text())

    def _key(self, text: str, action: str) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setObjectName("PinKey")
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.press(action))
        if action.isdigit():
            self.digit_buttons[action] = button
        return button

    def open_for(self, mode: PadMode) -> None:
        """Open empty, to enter the PIN or to choose a new one."""
        self.mode = mode
        self.typed = ""
        self._first_new_pin = ""
        self._note = ""
        self._show_title()
        self._refresh()
        self.open_panel()

    def press(self, action: str) -> None:
        """One key: a digit, ``delete`` or ``ok``."""
        self._note = "" if action != "ok" else self._note
        if action == "delete":
            self.typed = self.typed[:-1]
        elif action == "ok":
            self._submit()
            return
        elif len(self.typed) < MAX_DIGITS:
            self.typed += action
        self._refresh()

    def _submit(self) -> None:
        pin, self.typed = self.typed, ""
        if self.mode is PadMode.ENTER:
            result = self.access.try_pin(pin)
            if result is PinResult.ACCEPTED:
                self.close_panel()
                self.accepted.emit()
                return
            if result is PinResult.WRONG:
                self._note = "wrong"
        elif self.mode is PadMode.NEW:
            try:
                self._first_new_pin = validate_pin(pin)
            except PinFormatError:
                self._note = "format"
            else:
                self.mode = PadMode.CONFIRM
                self._note = ""
                self._show_title()
        else:
            if pin == self._first_new_pin:
                self.access.set_pin(pin)
                self.close_panel()
                self.pin_changed.emit()
                return
            self.mode = PadMode.NEW
            self._note = "different"
            self._show_title()
        self._refresh()

    def _refresh(self) -> None:
        locked = self.mode is PadMode.ENTER and self.access.seconds_locked() > 0
        no_pin = self.mode is PadMode.ENTER and not self.access.has_pin
        notes = {
            "wrong": tr("Wrong PIN. Tries left: %1.").replace(
                "%1", str(self.access.attempts_left)),
            "format": tr("Use %1 to %2 digits.").replace("%1", str(MIN_DIGITS))
            .replace("%2", str(MAX_DIGITS)),
            "different": tr("The two PINs were different. Try again."),
        }
        if no_pin:
            self.message.setText(tr("No staff PIN is set: ask IT"))
        elif locked:
            self.message.setText(tr("Too many wrong PINs. Try again in %1 s.").replace(
                "%1", str(self.access.seconds_locked())))
        else:
            self.message.setText(notes.get(self._note, ""))
        if locked and self.isVisible():
            self._countdown.start()
        else:
            self._countdown.stop()
        usable = not (locked or no_pin)
        for button in [*self.digit_buttons.values(), self.delete_button, self.ok_button]:
            button.setEnabled(usable)
        self.ok_button.setEnabled(usable and len(self.typed) >= MIN_DIGITS)
        self.display.setText("\u25cf " * len(self.typed) or "\u2013")
        self.display.setAccessibleName(tr("Digits typed: %1").replace("%1", str(len(self.typed))))

    def close_panel(self) -> None:
        self._countdown.stop()
        self.typed = ""
        super().close_panel()

    def apply_metrics(self, metrics: Metrics) -> None:
        self._grid.setSpacing(metrics.px(16, 8))
        super().apply_metrics(metrics)

    def card_width(self) -> int:
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(760, 420))
