"""Read aloud: speaks the current page where the platform has an offline speech engine.

It uses Qt's QtTextToSpeech, from PySide6-Addons, which the project does not depend on
(only PySide6-Essentials): install PySide6-Addons of the same version to have it.
Windows always has an engine; Linux has one with speech-dispatcher.  Without the module
or an engine the button is simply absent and nothing fails.  Speaking never blocks: the
engine works in the background and stops when the patient leaves the page.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from kiosk.ui.i18n import tr
from kiosk.ui.widgets.nav_bar import NavButton

log = logging.getLogger(__name__)
MODULE = "PySide6.QtTextToSpeech"


def speech_engine(parent: QObject) -> Any | None:
    """A working QTextToSpeech, or None when the module or every engine is missing."""
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        log.info("read-aloud is off: %s is not installed", MODULE)
        return None
    engines = module.QTextToSpeech.availableEngines()
    if not engines:
        log.info("read-aloud is off: no speech engine on this machine")
        return None
    speech = module.QTextToSpeech(engines[0], parent)
    if speech.state() == module.QTextToSpeech.State.Error:
        log.info("read-aloud is off: the speech engine reports an error")
        return None
    return speech


class ReadAloud(QObject):
    """The Read aloud button and the engine behind it."""

    def __init__(self, parent: QObject, speech: Any, text: Callable[[], str]) -> None:
        super().__init__(parent)
        self.text = text
        self.speech = speech
        self.button = NavButton(tr("Read aloud"), "read-aloud")
        self.button.clicked.connect(self.toggle)

    @classmethod
    def create(cls, parent: QObject, text: Callable[[], str]) -> ReadAloud | None:
        """The feature if this machine can speak, else None (and no button).

        ``text`` gives the words on the screen being shown when the button is tapped.
        """
        speech = speech_engine(parent)
        return cls(parent, speech, text) if speech is not None else None

    def toggle(self) -> None:
        """Speak the page shown, or stop if already speaking."""
        if self.speech.state() == self.speech.State.Speaking:
            self.stop()
            return
        text = self.text()
        if text:
            self.speech.say(text)

    def stop(self) -> None:
        """Stop speaking (on leaving a page, or on the idle reset)."""
        self.speech.stop()

    def stop_on_leaving(self, _screen_id: str) -> None:
        """A new screen is shown: stop reading the old one."""
        self.stop()

    def retranslate(self) -> None:
        """Words in the current language."""
        self.button.set_label(tr("Read aloud"))
