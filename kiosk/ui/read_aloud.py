"""The Read aloud button: speaks the screen shown, in its language, through ``speech``.

The button shows only while the speech engine has a voice for the kiosk's language (it
appears a few seconds after start-up, once the engine has answered; never on a machine
without an engine).  A tap reads the screen: the words come from a text callback that
returns a ``Spoken`` (language and utterances, see ``kiosk.ui.spoken_text``), so this
module knows nothing of the window.  A second tap stops; so does any navigation, a
language change and the privacy reset (``stop``, wired by the window).  The button is
checked while it reads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.i18n import tr
from kiosk.ui.speech import SpeechService, speech_service
from kiosk.ui.widgets.nav_bar import NavBar, NavButton

if TYPE_CHECKING:
    from kiosk.ui.spoken_text import Spoken

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    """The Read aloud button and what it reads; ``button`` goes in the navigation bar.

    ``availability_changed`` follows the button appearing or going (the bar refits).
    """

    availability_changed = Signal()

    def __init__(self, speech: SpeechService, text: Callable[[], Spoken],
                 language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech
        self._text = text
        self._language = language
        self.button = NavButton(tr("Read aloud"), "read-aloud")
        self.button.setCheckable(True)
        self.button.setVisible(False)
        self.button.clicked.connect(self.toggle)
        speech.voices_found.connect(self._update_button)
        speech.speaking_changed.connect(self._show_speaking)

    @classmethod
    def create(cls, window: QWidget, text: Callable[[], Spoken],
               language: Callable[[], str]) -> ReadAloud | None:
        """The feature, its engine opened after ``window``'s first paint; None if off."""
        speech = speech_service()
        if speech is None:
            return None
        feature = cls(speech, text, language, window)
        if speech.answered:
            feature._update_button()
        else:
            AfterFirstPaint(window, speech.start)
        return feature

    @property
    def available(self) -> bool:
        """Whether the kiosk can read the current language aloud (the button shows)."""
        return self.speech.has_voice(self._language())

    def toggle(self) -> None:
        """Read the screen shown from the start, or stop if reading."""
        if self.speech.speaking:
            self.stop()
            return
        spoken = self._text()
        if not spoken.utterances or not self.speech.has_voice(spoken.language):
            self.button.setChecked(False)
            return
        log.info("read-aloud: %d utterances in %s", len(spoken.utterances), spoken.language)
        self.button.setChecked(True)
        self.speech.speak(spoken.language, list(spoken.utterances))

    def stop(self) -> None:
        """Stop reading (on leaving a screen, a language change, the idle reset)."""
        self.button.setChecked(False)
        if self.speech.speaking:
            self.speech.stop()

    def follow(self, bar: NavBar, leaving: Iterable[SignalInstance],
               refit: Callable[[], None]) -> None:
        """Put the button in ``bar``; stop reading when any of ``leaving`` is emitted.

        ``leaving``: a new screen, a new language, the privacy reset.  ``refit`` the bar
        when the button comes or goes with the voices for the language shown.
        """
        bar.add_read_aloud(self.button)
        for signal in leaving:
            signal.connect(self.stop)
        self.availability_changed.connect(refit)

    def stop_on_leaving(self, _screen_id: str) -> None:
        """A screen is shown (navigation or a language change): stop reading the old one."""
        self.stop()

    def retranslate(self) -> None:
        """Words in the current language; shown only if that language has a voice."""
        self.button.set_label(tr("Read aloud"))
        self._update_button()

    def _update_button(self) -> None:
        if self.button.isHidden() == self.available:
            self.button.setVisible(self.available)
            self.availability_changed.emit()

    def _show_speaking(self, speaking: bool) -> None:
        self.button.setChecked(speaking)
