"""The staff panel, behind the hidden gesture and the PIN: large, plain controls.

Kiosk mode on or off, idle timeout, default language and text size, content status,
usage, erase usage counts (confirmed in ``kiosk.ui.erase_usage``), change PIN, exit
(only with kiosk mode off) and the version.  It closes itself after a
short time without a touch, and on the idle reset.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk import __version__, audit
from kiosk.settings import IDLE_TIMEOUT_CHOICES, SettingsStore
from kiosk.ui.i18n import LANGUAGE_NAMES, tr
from kiosk.ui.panel import Panel, caption_label
from kiosk.ui.theme import TEXT_STEPS, Metrics


class StaffPanel(Panel):
    """Controls for reception staff."""

    kiosk_mode_changed = Signal(bool)
    defaults_changed = Signal()
    change_pin_requested = Signal()
    usage_requested = Signal()
    erase_usage_requested = Signal()  # kiosk.ui.erase_usage asks for confirmation
    exit_requested = Signal()

    def __init__(self, host: QWidget, store: SettingsStore, languages: list[str],
                 content_status: Callable[[], str]) -> None:
        super().__init__(host, tr("Staff panel"), "StaffPanel", closes_on_backdrop=False)
        self.store = store
        self._content_status = content_status
        grid = QGridLayout()
        self._grid = grid
        self.kiosk_label = caption_label("", "PanelText", self.card)
        self.kiosk_button = self._button(self._toggle_kiosk, checkable=True)
        grid.addWidget(self.kiosk_label, 0, 0)
        grid.addWidget(self.kiosk_button, 0, 1)
        self.idle_label = caption_label("", "PanelText", self.card)
        self.idle_shorter = self._button(partial(self._step_idle, -1), "\u2212")
        self.idle_longer = self._button(partial(self._step_idle, 1), "+")
        grid.addWidget(self.idle_label, 1, 0)
        grid.addLayout(self._row(self.idle_shorter, self.idle_longer), 1, 1)
        self.language_label = caption_label("", "PanelText", self.card)
        self.language_buttons = {
            code: self._button(partial(self._set_language, code), LANGUAGE_NAMES.get(code, code),
                               checkable=True)
            for code in languages
        }
        grid.addWidget(self.language_label, 2, 0)
        grid.addLayout(self._row(*self.language_buttons.values()), 2, 1)
        self.text_label = caption_label("", "PanelText", self.card)
        self.text_smaller = self._button(partial(self._step_text, -1), "A\u2212")
        self.text_larger = self._button(partial(self._step_text, 1), "A+")
        grid.addWidget(self.text_label, 3, 0)
        grid.addLayout(self._row(self.text_smaller, self.text_larger), 3, 1)
        self.status = caption_label("", "PanelSmall", self.card)
        grid.addWidget(self.status, 4, 0, 1, 2)
        self.usage_button = self._button(self.usage_requested.emit)
        self.change_pin_button = self._button(self.change_pin_requested.emit)
        self.exit_button = self._button(self.exit_requested.emit)
        grid.addLayout(self._row(self.usage_button, self.change_pin_button, self.exit_button),
                       5, 0, 1, 2)
        self.erase_usage_button = self._button(self.erase_usage_requested.emit)
        grid.addLayout(self._row(self.erase_usage_button), 6, 0, 1, 2)
        self.version = caption_label("", "PanelSmall", self.card)
        grid.addWidget(self.version, 7, 0, 1, 2)
        self.body.addLayout(grid)
        self.auto_close = QTimer(self)
        self.auto_close.setSingleShot(True)
        self.auto_close.timeout.connect(self.close_panel)
        self.retranslate()

    def _button(self, action: Callable[[], object], text: str = "",
                checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setObjectName("StaffButton")
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: action())
        return button

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        return row

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(tr("Staff panel"))
        self.setAccessibleName(self.title.text())
        self.kiosk_label.setText(tr("Kiosk mode"))
        self.language_label.setText(tr("Start language"))
        self.text_label.setText(tr("Start text size"))
        self.idle_shorter.setAccessibleName(tr("Shorter"))
        self.idle_longer.setAccessibleName(tr("Longer"))
        self.text_smaller.setAccessibleName(tr("Smaller text"))
        self.text_larger.setAccessibleName(tr("Larger text"))
        for button, text in ((self.usage_button, tr("Usage")),
                             (self.change_pin_button, tr("Change PIN")),
                             (self.erase_usage_button, tr("Erase usage counts")),
                             (self.exit_button, tr("Exit the app"))):
            button.setText(text)
            button.setAccessibleName(text)
        self.version.setText(tr("Version %1").replace("%1", __version__))
        self.refresh()

    def refresh(self) -> None:
        """Show the current settings."""
        settings = self.store.settings
        self.kiosk_button.setChecked(settings.kiosk_mode)
        self.kiosk_button.setText(tr("On") if settings.kiosk_mode else tr("Off"))
        self.kiosk_button.setAccessibleName(f"{tr('Kiosk mode')}: {self.kiosk_button.text()}")
        self.idle_label.setText(tr("Back to start after %1 s without a touch").replace(
            "%1", str(settings.idle_timeout_s)))
        self.text_label.setText(tr("Start text size: %1 of %2").replace(
            "%1", str(settings.default_text_step + 1)).replace("%2", str(len(TEXT_STEPS))))
        for code, button in self.language_buttons.items():
            button.setChecked(code == settings.default_language)
        self.exit_button.setEnabled(not settings.kiosk_mode)
        self.status.setText(self._content_status())

    def open_panel(self) -> None:
        self.refresh()
        super().open_panel()
        self.touched()
        audit.staff_panel_opened()

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
        self._saved()

    def _step_text(self, direction: int) -> None:
        step = self.store.settings.default_text_step + direction
        self.store.settings.default_text_step = max(0, min(len(TEXT_STEPS) - 1, step))
        self._saved()

    def _set_language(self, code: str) -> None:
        self.store.settings.default_language = code
        self._saved()

    def _saved(self) -> None:
        self.store.save()
        self.refresh()
        self.defaults_changed.emit()

    def apply_metrics(self, metrics: Metrics) -> None:
        self._grid.setHorizontalSpacing(metrics.spacing)
        self._grid.setVerticalSpacing(metrics.px(18, 8))
        super().apply_metrics(metrics)

    def card_width(self) -> int:
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(1300, 560))
