"""Read-aloud's speech engine at work: opened and driven on a thread of its own.

Opening the engine takes seconds (speech-dispatcher lists espeak-ng's thousands of voice
variants), so it happens on a worker thread, once per process, after the window's first
paint; the patient never waits for it.  Until it has answered, and on a machine without
an engine (see ``kiosk.ui.voices``) or without a voice for a language, ``has_voice`` is
False and the Read aloud button stays hidden.

A reading is a list of utterances (see ``kiosk.ui.spoken_text``), said one after another
at ``RATE`` in the voice found for the screen's language.  ``speaking_changed(True)``
comes when a reading starts and ``speaking_changed(False)`` when it ends; ``finished``
follows only when it was read to the end (not after ``stop``).
"""

from __future__ import annotations

import atexit
import importlib.util
import logging
from typing import Any

from PySide6.QtCore import Q_ARG, QLocale, QMetaObject, QObject, Qt, QThread, Signal, Slot

from kiosk.ui.voices import MODULE, Voice, engine_names, find_voices, switched_off, working

log = logging.getLogger(__name__)
NO_ENGINE = "none"  # an engine name no plugin has: a QTextToSpeech that does nothing yet
RATE = -0.2  # from -1.0 to 1.0; 0.0 is the engine's normal pace: a little slower


class _Worker(QObject):
    """Lives on the speech thread: owns the engine and reads utterances in turn."""

    opened = Signal(str, object)  # engine name ("" if none), dict[str, Voice]
    speaking_changed = Signal(bool)
    finished = Signal()

    def __init__(self, text_to_speech: Any, engine: str) -> None:
        super().__init__()
        self._text_to_speech = text_to_speech  # the QTextToSpeech class
        self._engine = engine
        self._speech: Any | None = None
        self._voices: dict[str, Voice] = {}
        self._queue: list[str] = []
        self._reading = False
        self._stopped = False
        self._pending: tuple[Voice, list[str]] | None = None

    @Slot()
    def open(self) -> None:
        """Start opening the engine; ``opened`` follows.

        ``QTextToSpeech(engine)`` called from Python would hold Python's lock for the
        seconds speech-dispatcher takes, freezing the window's thread too.  So the object
        starts on no engine, and ``setEngine`` is queued to this thread's event loop,
        which runs it in C++ with the lock free.
        """
        self._speech = self._text_to_speech(NO_ENGINE, self)
        self._speech.engineChanged.connect(self._on_engine)
        QMetaObject.invokeMethod(self._speech, "setEngine",
                                 Qt.ConnectionType.QueuedConnection, Q_ARG(str, self._engine))

    def _on_engine(self, _name: str) -> None:
        assert self._speech is not None
        if not working(self._speech):
            self._speech.deleteLater()
            self._speech = None
            self.opened.emit("", {})
            return
        self._voices = find_voices(self._speech)
        self._speech.setRate(RATE)
        self._speech.stateChanged.connect(self._on_state)
        log.info("read-aloud: %s engine, voices for %s", self._speech.engine(),
                 ", ".join(sorted(self._voices)) or "no language")
        self.opened.emit(self._speech.engine(), dict(self._voices))

    @Slot(str, list)
    def speak(self, language: str, utterances: list[str]) -> None:
        voice = self._voices.get(language)
        if self._speech is None or voice is None or not utterances:
            return
        if self._speech.state() == type(self._speech).State.Speaking:
            # Stop the reading under way; the new one starts when the engine is Ready.
            self._pending = (voice, list(utterances))
            self._queue = []
            self._stopped = True
            self._speech.stop()
            return
        self._begin(voice, list(utterances))

    def _begin(self, voice: Voice, utterances: list[str]) -> None:
        assert self._speech is not None
        self._speech.setLocale(QLocale(voice.locale))
        for candidate in self._speech.availableVoices():
            if candidate.name() == voice.name:
                self._speech.setVoice(candidate)
                break
        self._speech.setRate(RATE)
        self._queue = utterances[1:]
        self._stopped = False
        if not self._reading:
            self._reading = True
            self.speaking_changed.emit(True)
        self._speech.say(utterances[0])

    @Slot()
    def stop(self) -> None:
        self._queue = []
        self._pending = None
        if not self._reading or self._speech is None:
            return
        self._stopped = True
        if self._speech.state() == type(self._speech).State.Speaking:
            self._speech.stop()  # Ready follows and ends the reading (``_on_state``)
        else:
            self._reading = False
            self.speaking_changed.emit(False)

    def _on_state(self, state: Any) -> None:
        assert self._speech is not None
        states = type(self._speech).State
        if state not in (states.Ready, states.Error):
            return
        if self._pending is not None:  # also when the last reading was already stopped
            voice, utterances = self._pending
            self._pending = None
            self._begin(voice, utterances)
            return
        if not self._reading:
            return
        if self._queue and state == states.Ready and not self._stopped:
            self._speech.say(self._queue.pop(0))
            return
        self._reading = False
        self._queue = []
        self.speaking_changed.emit(False)
        if state == states.Ready and not self._stopped:
            self.finished.emit()


class SpeechService(QObject):
    """The process's one speech engine, driven from the GUI thread (see the module text)."""

    voices_found = Signal()
    speaking_changed = Signal(bool)
    finished = Signal()
    _speak_requested = Signal(str, list)
    _stop_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.engine = ""
        self.voices: dict[str, Voice] = {}
        self.answered = False  # the engine has been opened (or found missing)
        self.speaking = False
        self._thread: QThread | None = None
        self._worker: _Worker | None = None

    def start(self) -> None:
        """Open the engine on the speech thread (once; later calls do nothing)."""
        if self._thread is not None or self.answered:
            return
        # The module is imported here, on the window's thread: an extension module
        # imported on the speech thread can deadlock with the window's own imports
        # (Python's import lock against Python's lock; seen in the benchmark).
        module, engines = engine_names()
        if not engines:
            self._on_opened("", {})
            return
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._worker = _Worker(module.QTextToSpeech, engines[0])
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.open)
        self._thread.finished.connect(self._worker.deleteLater)
        self._worker.opened.connect(self._on_opened)
        self._worker.speaking_changed.connect(self._on_speaking)
        self._worker.finished.connect(self.finished)
        self._speak_requested.connect(self._worker.speak)
        self._stop_requested.connect(self._worker.stop)
        self._thread.start()

    def has_voice(self, language: str) -> bool:
        """Whether the engine has answered and has a voice for ``language`` (``sw``)."""
        return language in self.voices

    def speak(self, language: str, utterances: list[str]) -> None:
        """Read ``utterances`` in ``language``'s voice, replacing any reading under way."""
        if self.has_voice(language) and utterances:
            self.speaking = True
            self._speak_requested.emit(language, list(utterances))

    def stop(self) -> None:
        """Stop reading (nothing happens if nothing is being read)."""
        self._stop_requested.emit()

    def shutdown(self) -> None:
        """Stop speaking and end the speech thread (waits for it; at exit, in tests)."""
        if self._thread is None:
            return
        self.stop()
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._worker = None

    def _on_opened(self, engine: str, voices: dict[str, Voice]) -> None:
        self.engine, self.voices, self.answered = engine, voices, True
        self.voices_found.emit()

    def _on_speaking(self, speaking: bool) -> None:
        self.speaking = speaking
        self.speaking_changed.emit(speaking)


_service: SpeechService | None = None


def speech_service() -> SpeechService | None:
    """The shared service, made on first call; None if switched off or Qt lacks the module."""
    global _service
    if switched_off():
        return None
    if _service is None:
        if importlib.util.find_spec(MODULE) is None:
            log.info("read-aloud is off: %s is not installed", MODULE)
            return None
        _service = SpeechService()
        atexit.register(_service.shutdown)
    return _service


def end_speech_service() -> None:
    """Shut the shared service down and forget it (a new one is made on next use)."""
    global _service
    if _service is not None:
        _service.shutdown()
        _service = None
