"""The platform's speech engine and its voices, found through Qt's QtTextToSpeech.

QtTextToSpeech comes from ``PySide6-Addons`` (a dependency of the kiosk; the bundle keeps
only that module of it).  It talks to the platform's offline engine: speech-dispatcher
with espeak-ng on Linux (the ``speechd`` plugin; libspeechd starts the daemon for the
kiosk's user when it is not running), SAPI on Windows.  Qt's test engine ``mock`` is never
used.  Per language (``en``, ``sw``) one voice is chosen (``find_voices``).  ``summary``
is ``self-test``'s line.  ``TIGONI_READ_ALOUD=off`` in the environment leaves the engine
alone (the test suite sets it, except for the tests that start their own engine).
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)
MODULE = "PySide6.QtTextToSpeech"
SWITCH = "TIGONI_READ_ALOUD"  # "off": no engine, no button
# Which engine to use when several are installed; Qt's "mock" engine is never used.
ENGINE_PREFERENCE = ("speechd", "sapi", "winrt", "darwin", "flite")
# Where a language is spoken in several places, the variety closest to the clinic's.
PREFERRED_TERRITORIES = (QLocale.Country.Kenya, QLocale.Country.Tanzania,
                         QLocale.Country.UnitedKingdom)


@dataclass(frozen=True)
class Voice:
    """The voice used for one language: its locale (``sw_TZ``) and engine name."""

    locale: str
    name: str


def switched_off() -> bool:
    """Whether ``TIGONI_READ_ALOUD=off`` asks for no speech engine at all."""
    return os.environ.get(SWITCH, "").strip().lower() in {"off", "0", "no", "false"}


def engine_names() -> tuple[Any, list[str]]:
    """The QtTextToSpeech module and its engines, best first (``(None, [])`` if none)."""
    try:
        module = importlib.import_module(MODULE)
    except ImportError as error:
        log.info("read-aloud is off: %s cannot be loaded (%s)", MODULE, error)
        return None, []
    engines = [name for name in module.QTextToSpeech.availableEngines() if name != "mock"]
    if not engines:
        log.info("read-aloud is off: no speech engine plugin could be loaded")
    return module, sorted(engines, key=lambda name: ENGINE_PREFERENCE.index(name)
                          if name in ENGINE_PREFERENCE else len(ENGINE_PREFERENCE))


def working(speech: Any) -> bool:
    """Whether the engine opened; logs why not."""
    if speech.state() == type(speech).State.Error:
        log.info("read-aloud is off: the %s engine reports: %s", speech.engine(),
                 speech.errorString() or "an error")
        return False
    return True


def open_engine(parent: QObject | None = None) -> Any | None:
    """A working ``QTextToSpeech`` on the best installed engine, or None (logged why).

    Slow (seconds with speech-dispatcher) and it holds Python's lock all the while: for
    batch tools such as ``self-test``.  The kiosk opens its engine with ``_Worker``.
    """
    module, engines = engine_names()
    if not engines:
        return None
    speech = module.QTextToSpeech(engines[0], parent)
    if not working(speech):
        speech.deleteLater()
        return None
    return speech


def find_voices(speech: Any) -> dict[str, Voice]:
    """The voice for each language code (``en``, ``sw``) the engine can speak.

    Per language it takes the locale of a preferred territory if there is one, and the
    plain voice rather than an espeak-ng variant (``Swahili``, not ``Swahili+Alex``).
    """
    by_language: dict[str, list[QLocale]] = {}
    for locale in speech.availableLocales():
        if locale.language() not in (QLocale.Language.C, QLocale.Language.AnyLanguage):
            code = QLocale.languageToCode(locale.language())
            by_language.setdefault(code, []).append(locale)
    found: dict[str, Voice] = {}
    for code, locales in by_language.items():
        locale = min(locales, key=_territory_rank)
        speech.setLocale(locale)
        voices = speech.availableVoices()
        if not voices:
            continue
        plain = [voice for voice in voices if "+" not in voice.name()]
        found[code] = Voice(locale.name(), (plain or voices)[0].name())
    return found


def describe() -> tuple[str, dict[str, Voice]]:
    """The engine's name and its voices, found now (``("", {})`` without one)."""
    if switched_off():
        return "", {}
    speech = open_engine()
    if speech is None:
        return "", {}
    try:
        return speech.engine(), find_voices(speech)
    finally:
        speech.deleteLater()


def summary(languages: list[str]) -> str:
    """One line for ``self-test``: the engine and the voice found for each language."""
    if switched_off():
        return f"switched off ({SWITCH}=off): Read aloud is hidden"
    engine, voices = describe()
    if not engine:
        return "no speech engine found (see the log): Read aloud is hidden"
    said = [f"{code} ({voices[code].name})" for code in languages if code in voices]
    line = f"{engine} engine, {len(voices)} languages; voices: {', '.join(said) or 'none'}"
    silent = [code for code in languages if code not in voices]
    return line + (f"; no voice for {', '.join(silent)} (Read aloud hidden there)"
                   if silent else "")


def _territory_rank(locale: QLocale) -> int:
    territory = locale.territory()
    return PREFERRED_TERRITORIES.index(territory) if territory in PREFERRED_TERRITORIES \
        else len(PREFERRED_TERRITORIES)
