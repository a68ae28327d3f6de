"""The staff panel, behind the hidden gesture and the PIN: large, plain controls.

Kiosk mode on or off, idle timeout, default language, content status, change PIN, exit
(only with kiosk mode off) and the version.  It closes itself after a short time without
a touch, and on the idle reset.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk import __version__
from kiosk.settings import IDLE_TIMEOUT_CHOICES, SettingsStore
from kiosk.ui.panel import Panel, caption_label
from kiosk.ui.theme import Metrics

LANGUAGE_NAMES = {"en": "English", "sw": "Kiswahili"}


class StaffPanel(Panel):
    """Controls for reception staff."""

    kiosk_mode_changed = Signal(bool)
    default_language_changed = Signal(str)
    change_pin_requested = Signal()
    exit_requested = Signal()

    def __init__(self, host: QWidget, store: SettingsStore, languages: list[str],
                 content_status: str) -> None:
        super().__init__(host, self.tr("Staff panel"), "StaffPanel", closes_on_backdrop=False)
        self.store = store
        grid = QGridLayout()
        self._grid = grid
        self.kiosk_button = self._button("", self._toggle_kiosk, checkable=True)
        grid.addWidget(caption_label(self.tr("Kiosk mode"), "PanelText", self.card), 0, 0)
        grid.addWidget(self.kiosk_button, 0, 1)
        self.idle_label = caption_label("", "PanelText", self.card)
        idle_row = QHBoxLayout()
        self.idle_shorter = self._button("\u2212", lambda: self._step_idle(-1))
        self.idle_shorter.setAccessibleName(self.tr("Shorter"))
        self.idle_longer = self._button("+", lambda: self._step_idle(1))
        self.idle_longer.setAccessibleName(self.tr("Longer"))
        idle_row.addWidget(self.idle_shorter)
        idle_row.addWidget(self.idle_longer)
        grid.addWidget(self.idle_label, 1, 0)
        grid.addLayout(idle_row, 1, 1)
        language_row = QHBoxLayout()
        self.language_buttons: dict[str, QPushButton] = {}
        for code in languages:
            button = self._button(LANGUAGE_NAMES.get(code, code),
                                  partial(self._set_language, code), checkable=True)
            self.language_buttons[code] = button
            language_row.addWidget(button)
        grid.addWidget(caption_label(self.tr("Start language"), "PanelText", self.card), 2, 0)
        grid.addLayout(language_row, 2, 1)
        self.status = caption_label(content_status, "PanelSmall", self.card)
        grid.addWidget(self.status, 3, 0, 1, 2)
        actions = QHBoxLayout()
        self.change_pin_button = self._button(self.tr("Change PIN"), self.change_pin_requested.emit)
        self.exit_button = self._button(self.tr("Exit the app"), self.exit_requested.emit)
        actions.addWidget(self.change_pin_button)
        actions.addWidget(self.exit_button)
        grid.addLayout(actions, 4, 0, 1, 2)
        self.version = caption_label(self.tr("Version %1").replace("%1", __version__),
                                     "PanelSmall", self.card)
        grid.addWidget(self.version, 5, 0, 1, 2)
        self.body.addLayout(grid)
        self.auto_close = QTimer(self)
        self.auto_close.setSingleShot(True)
        self.auto_close.timeout.connect(self.close_panel)
        self.refresh()

    def _button(self, text: str, action: Callable[[], object],
                checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setObjectName("StaffButton")
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        return button

    def refresh(self) -> None:
        """Show the current settings."""
        settings = self.store.settings
        self.kiosk_button.setChecked(settings.kiosk_mode)
        self.kiosk_button.setText(self.tr("On") if settings.kiosk_mode else self.tr("Off"))
        self.idle_label.setText(self.tr("Back to start after %1 s without a touch").replace(
            "%1", str(settings.idle_timeout_s)))
        for code, button in self.language_buttons.items():
            button.setChecked(code == settings.default_language)
        self.exit_button.setEnabled(not settings.kiosk_mode)

    def open_panel(self) -> None:
        self.refresh()
        super().open_panel()
        self.touched()

    def touched(self) -> None:
        """A touch anywhere while open: start the self-closing countdown again."""
        if self.isVisible():
            self.auto_close.start(self.store.settings.staff_panel_timeout_s * 1000)

    def close_panel(self) -> None:
        self.auto_close.stop()
        super().close_panel()

    def _toggle_kiosk(self) -> None:
        on = not self.store.settings.kiosk_mode
        self.store.settings.kiosk_mode = on
        self.store.save()
        self.refresh()
        self.kiosk_mode_changed.emit(on)

    def _step_idle(self, direction: int) -> None:
        choices = IDLE_TIMEOUT_CHOICES
        current = self.store.settings.idle_timeout_s
        index = min(range(len(choices)), key=lambda i: abs(choices[i] - current))
        index = max(0, min(len(choices) - 1, index + direction))
        self.store.settings.idle_timeout_s = choices[index]
        self.store.save()
        self.refresh()

    def _set_language(self, code: str) -> None:
        self.store.settings.default_language = code
        self.store.save()
        self.refresh()
        self.default_language_changed.emit(code)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._grid.setHorizontalSpacing(metrics.spacing)
        self._grid.setVerticalSpacing(metrics.px(18, 8))
        super().apply_metrics(metrics)

    def card_width(self) -> int:
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(1300, 560))
