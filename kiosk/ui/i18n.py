"""The kiosk's own words in the patient's language, through Qt's translation system.

Every on-screen word written in code goes through ``tr``; ``pyside6-lupdate`` collects
them into ``kiosk/i18n/tigoni_<lang>.ts`` (kept in the repository, where translators
work) and ``pyside6-lrelease`` compiles those to ``.qm`` files for the program
(``make i18n``; the build and the tests do it too).  Adding a language is a
translator's job: a new ``.ts`` file and a ``content/<lang>/`` folder.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import resources

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"en": "English", "sw": "Kiswahili"}
"""Each language's name in that language, for the language button (never translated)."""
CONTEXT = ""  # what lupdate assigns to calls of a plain function alias of tr
SOURCE_LANGUAGE = "en"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the language currently installed (English when none is).

    With a count ``n``, ``text`` holds ``%n`` and the translation picks the language's
    plural form for ``n`` (Qt's numerus forms; English ones come from ``tigoni_en.ts``).
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


class Translations:
    """Installs the translator for one language at a time on the application.

    There is one translator per process, whoever asks: a second window (in tests) must
    not inherit the first one's language.
    """

    _installed: QTranslator | None = None
    _loaded: dict[str, QTranslator] = {}  # noqa: RUF012 (one per language, made once)

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE

    def use(self, language: str) -> bool:
        """Switch the UI's words to ``language``; False if its translation is missing."""
        app = QCoreApplication.instance()
        if Translations._installed is not None and app is not None:
            app.removeTranslator(Translations._installed)
            Translations._installed = None
        self.language = language
        if app is None:
            return True
        translator = Translations._loaded.get(language)
        if translator is None:
            path = resources.translations_dir() / f"tigoni_{language}.qm"
            translator = QTranslator(app)
            if not translator.load(str(path)):
                if language == SOURCE_LANGUAGE:
                    return True  # only its plural forms would be missing ("1 problem(s)")
                log.warning("no UI translation for %r at %s: showing English words (from "
                            "source, `make i18n` or `make run` compiles the translations)",
                            language, path)
                return False
            Translations._loaded[language] = translator
        app.installTranslator(translator)
        Translations._installed = translator
        return True
