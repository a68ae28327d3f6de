"""The staff panel, behind the hidden gesture and the PIN: large, plain controls.

Kiosk mode on or off, idle timeout, start language and text size, content status (in
``staff_words``' plain words, naming a signed content pack where one is shown), usage
(where the counts are also erased), change PIN ("PIN changed" after a new one), exit
(only with kiosk mode off, saying so, and confirmed in ``exit_confirm``) and the version;
a step button greys at its end, and a start setting just chosen says it counts from
the next visit.  At 1920x1080 every row is in view without scrolling.
It shows the settings and sends each choice to the session (``KioskSession``,
``StaffDefaults``), which decides, saves, closes the panel after a while without a
touch, and writes opening it through the PIN to the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk import __version__
from kiosk.content.source import ContentChoice, ContentOrigin
from kiosk.session.kiosk_session import KioskSession
from kiosk.session.text_size import TEXT_STEPS, clamp_text_step
from kiosk.ui.i18n import LANGUAGE_NAMES, tr
from kiosk.ui.panels import staff_words
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.labels import caption_label


class StaffPanel(Panel):
    """Controls for reception staff."""

    for_staff = True

    def __init__(self, host: QWidget, session: KioskSession, choice: ContentChoice) -> None:
        super().__init__(host, tr("Staff panel"), "StaffPanel", closes_on_backdrop=False)
        self.session = session
        defaults = session.defaults
        self.choice = choice
        self._look: Look | None = None
        self._saved_start = ""  # "language" or "text": the start setting just saved
        self.notice = caption_label("", "PanelText", self.card)  # "PIN changed."
        self.body.addWidget(self.notice)
        grid = QGridLayout()
        self._grid = grid
        self.kiosk_label = caption_label("", "PanelText", self.card)
        self.kiosk_button = self._button(self._toggle_kiosk, checkable=True)
        self.exit_reason = caption_label("", "PanelSmall", self.card)  # why Exit is grey
        kiosk_words = QVBoxLayout()
        kiosk_words.addWidget(self.kiosk_label)
        kiosk_words.addWidget(self.exit_reason)  # under Kiosk mode: seen without scrolling
        grid.addLayout(kiosk_words, 0, 0)
        grid.addWidget(self.kiosk_button, 0, 1)
        self.idle_label = caption_label("", "PanelText", self.card)
        self.idle_shorter = self._button(lambda: defaults.step_idle_timeout(-1), "\u2212")
        self.idle_longer = self._button(lambda: defaults.step_idle_timeout(1), "+")
        grid.addWidget(self.idle_label, 1, 0)
        grid.addLayout(self._row(self.idle_shorter, self.idle_longer), 1, 1)
        self.language_label = caption_label("", "PanelText", self.card)
        self.language_buttons = {
            code: self._button(partial(self._start_language, code),
                               LANGUAGE_NAMES.get(code, code), checkable=True)
            for code in session.languages
        }
        grid.addWidget(self.language_label, 2, 0)
        grid.addLayout(self._row(*self.language_buttons.values()), 2, 1)
        self.text_label = caption_label("", "PanelText", self.card)
        self.text_smaller = self._button(lambda: self._start_text(-1), "A\u2212")
        self.text_larger = self._button(lambda: self._start_text(1), "A+")
        grid.addWidget(self.text_label, 3, 0)
        grid.addLayout(self._row(self.text_smaller, self.text_larger), 3, 1)
        self.status = caption_label("", "PanelSmall", self.card)
        grid.addWidget(self.status, 4, 0, 1, 2)
        self.usage_button = self._button(session.show_usage)
        self.change_pin_button = self._button(session.change_pin)
        self.exit_button = self._button(self._ask_to_exit)
        grid.addLayout(self._row(self.usage_button, self.change_pin_button, self.exit_button),
                       5, 0, 1, 2)
        self.version = caption_label("", "PanelSmall", self.card)
        grid.addWidget(self.version, 6, 0, 1, 2)
        grid.setColumnStretch(0, 3)  # the words get the room: one line each, rows stay low
        grid.setColumnStretch(1, 2)
        self.body.addLayout(grid)
        self.body.addStretch(1)  # room to spare goes under the rows, not between them
        self.retranslate()

    def _button(self, action: Callable[[], object], text: str = "",
                checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self.card)
        button.setObjectName("StaffButton")
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: self._act(action))
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
                             (self.exit_button, tr("Exit the app"))):
            button.setText(text)
            button.setAccessibleName(text)
        self.version.setText(tr("Version %1").replace("%1", __version__))
        self.refresh()

    def refresh(self) -> None:
        """Show the current settings."""
        settings = self.session.settings
        self.kiosk_button.setChecked(settings.kiosk_mode)
        self.kiosk_button.setText(tr("On") if settings.kiosk_mode else tr("Off"))
        self.kiosk_button.setAccessibleName(f"{tr('Kiosk mode')}: {self.kiosk_button.text()}")
        self.idle_label.setText(tr("Back to start after %1 s without a touch").replace(
            "%1", str(settings.idle_timeout_s)))
        self.text_label.setText(tr("Start text size: %1 of %2").replace(
            "%1", str(clamp_text_step(settings.default_text_step) + 1))
            .replace("%2", str(len(TEXT_STEPS))))
        for code, button in self.language_buttons.items():
            button.setChecked(code == settings.default_language)
        self.exit_button.setEnabled(not settings.kiosk_mode)
        self.exit_reason.setText(tr("Switch it off to exit the app."))
        self.exit_reason.setVisible(settings.kiosk_mode)
        if self.session.pin_just_changed:
            self.notice.setText(tr("PIN changed. Use the new PIN from now on."))
        else:
            self.notice.setText(self._next_visit_note())
        self.notice.setVisible(bool(self.notice.text()))
        defaults = self.session.defaults
        for button, enabled in zip((self.idle_shorter, self.idle_longer,
                                    self.text_smaller, self.text_larger),
                                   (*defaults.idle_can_step, *defaults.text_can_step),
                                   strict=True):
            button.setEnabled(enabled)
        self.status.setText(self.content_status())

    def content_status(self) -> str:
        """What staff read about the content: where it came from, what is wrong with it."""
        return content_status(self.choice, self.session.store.path)

    def open_panel(self) -> None:
        self._saved_start = ""  # a note is about what staff just did here
        self.refresh()
        super().open_panel()

    def _ask_to_exit(self) -> None:
        from kiosk.ui.panels.exit_confirm import confirm_exit

        if not self.session.kiosk_mode:
            confirm_exit(self, self.session.request_exit, self._look)

    def _start_language(self, code: str) -> None:
        self.session.defaults.set_language(code)
        self._saved_start = "language"

    def _start_text(self, direction: int) -> None:
        self.session.defaults.step_text(direction)
        self._saved_start = "text"

    def _next_visit_note(self) -> str:
        """What a start setting just chosen changes: the next visit, not this screen."""
        settings = self.session.settings
        if self._saved_start == "language":
            name = LANGUAGE_NAMES.get(settings.default_language, settings.default_language)
            return tr("Saved: the next visit starts in %1.").replace("%1", name)
        if self._saved_start == "text":
            return tr("Saved: the next visit starts at text size %1 of %2.").replace(
                "%1", str(clamp_text_step(settings.default_text_step) + 1)).replace(
                "%2", str(len(TEXT_STEPS)))
        return ""

    def _toggle_kiosk(self) -> None:
        self.session.set_kiosk_mode(not self.session.kiosk_mode)

    def _act(self, action: Callable[[], object]) -> None:
        action()
        if self.isVisible():
            self.refresh()  # the settings as the session left them

    def apply_look(self, look: Look) -> None:
        self._look = look
        self._grid.setHorizontalSpacing(look.metrics.spacing)
        self._grid.setVerticalSpacing(look.metrics.px(12, 8))
        self.body.setSpacing(look.metrics.spacing)  # "PIN changed." apart from the rows
        super().apply_look(look)

    def card_width(self) -> int:
        # As wide as Usage: each setting's words on one line, so every row fits 1080 px.
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(1500, 560))



def content_status(choice: ContentChoice, settings_path: Path | None) -> str:
    """Staff's lines about ``choice``: ``staff_words``' line, then the content packs'.

    ``settings_path`` is the settings file (its folder is the data folder, where packs
    are kept); ``None`` for a kiosk without one.
    """
    from kiosk.packs.shown import pack_name, staff_lines

    for library in choice.content.libraries.values():
        library.read_all()  # staff see every problem, even before idle reading ends
    data_dir = settings_path.parent if settings_path is not None else None
    shown_as = None
    if choice.origin is ContentOrigin.PACK:
        shown_as = tr("Showing %1.").replace("%1", pack_name(data_dir, choice.content.root, tr))
    text = staff_words.content_status(choice, shown_as)
    packs = staff_lines(data_dir, choice.content.root, tr)
    return f"{text}\n{packs}" if packs else text
