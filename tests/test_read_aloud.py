"""Read aloud without a speech engine: what would be said, when the button shows, stops.

The words come from the page the patient sees; the engine's answer (which languages have
a voice) is given here by hand, so these run on any machine.  ``test_read_aloud_speech``
proves the same with a real engine.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from kiosk.ui import speech
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech import SpeechService
from kiosk.ui.spoken_text import page_utterances, text_utterances
from kiosk.ui.voices import SWITCH, Voice
from tests.helpers import WindowFactory, tap_button


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> Iterator[SpeechService]:
    """Read-aloud switched on, its engine having answered with voices for English only."""
    service = SpeechService()
    service._on_opened("test", {"en": Voice("en_GB", "English (Great Britain)")})
    monkeypatch.setenv(SWITCH, "on")
    monkeypatch.setattr(speech, "_service", service)
    yield service


def said(window: MainWindow, page_id: str) -> list[str]:
    window.session.navigate(page_id)
    return list(window.spoken_text().utterances)


@pytest.mark.parametrize(("language", "sources", "footer"), [
    ("en", "Sources", "This is general information"),
    ("sw", "Vyanzo", "Hii ni taarifa ya jumla"),
])
def test_a_page_is_read_without_its_sources_or_footer(
    window: MainWindow, language: str, sources: str, footer: str
) -> None:
    window.session.set_language(language)
    for page_id in ("safety", "conditions/depression", "how-it-works"):
        utterances = said(window, page_id)
        text = "\n".join(utterances)
        assert window.spoken_text().language == language
        assert utterances[0].rstrip(".") == window.page_screen.title.text()
        assert sources not in text and footer not in text, text
        assert "Spravato" not in text and "et al" not in text, "no source is read"


def test_headings_and_list_items_are_read_as_separate_sentences(window: MainWindow) -> None:
    utterances = said(window, "safety")
    assert "What side effects and risks are there?" in utterances  # the heading alone
    assert "41 felt cut off from themselves or the world around them." in utterances
    assert "Who should not have it?" in utterances
    assert all(line.endswith((".", "?", "!", ":", ";")) for line in utterances), \
        "each block ends as a sentence, so the voice pauses after it"
    heading = utterances.index("Who should not have it?")
    assert utterances[heading + 1].startswith("It is not advised in pregnancy"), "reading order"


def document(html: str) -> QTextDocument:
    page = QTextDocument()
    page.setHtml(html)
    return page


def test_a_list_of_links_under_any_heading_is_a_sources_section_and_ends_the_reading() -> None:
    page = document(
        "<p>Plain words</p><h3>Further reading</h3>"
        "<ul><li><a href='https://example.org/a'>Smith 2020</a></li>"
        "<li><a href='https://example.org/b'>Jones 2021</a></li></ul>"
        "<p><em>General information only.</em></p>")
    assert page_utterances("Title", page) == ["Title.", "Plain words."]


def test_list_items_with_words_and_links_are_read_and_pictures_are_skipped() -> None:
    page = document(
        "<h3>What to bring</h3><ul><li>A friend</li>"
        "<li>Your <a href='page:safety'>medicines list</a></li></ul>"
        "<p><img src='kiosk-image:x.svg'/></p><p>Ask at <b>reception</b></p>")
    assert page_utterances("Treatment day", page) == [
        "Treatment day.", "What to bring.", "A friend.", "Your medicines list.",
        "Ask at reception."]


def test_the_welcome_is_read_a_paragraph_at_a_time() -> None:
    assert text_utterances("Tap a topic.\n\nTake your time") == ["Tap a topic.",
                                                                  "Take your time."]


def test_the_button_shows_only_for_a_language_with_a_voice(
    qtbot: QtBot, answered: SpeechService, window: MainWindow
) -> None:
    feature = window.read_aloud
    assert feature is not None and window.nav_bar.read_aloud_button is feature.button
    assert feature.button.isVisible() and feature.button.accessibleName() == "Read aloud"
    tap_button(qtbot, window.nav_bar.language_button)
    assert window.session.language == "sw"
    assert not feature.button.isVisible(), "no Kiswahili voice: no button"
    tap_button(qtbot, window.nav_bar.language_button)
    assert feature.button.isVisible()


def test_the_button_waits_for_the_engine_and_is_absent_when_switched_off(
    monkeypatch: pytest.MonkeyPatch, make_window: WindowFactory
) -> None:
    waiting = SpeechService()
    waiting.start = lambda: None  # type: ignore[method-assign]  # an engine still opening
    monkeypatch.setenv(SWITCH, "on")
    monkeypatch.setattr(speech, "_service", waiting)
    window = make_window()
    assert window.read_aloud is not None and not window.read_aloud.button.isVisible()
    waiting._on_opened("test", {"en": Voice("en_GB", "English (Great Britain)")})
    assert window.read_aloud.button.isVisible(), "it appears once the engine answers"
    monkeypatch.setenv(SWITCH, "off")
    assert make_window().read_aloud is None


@pytest.mark.parametrize("action", ["home", "back", "language", "reset", "page"])
def test_leaving_the_page_stops_the_reading(
    qtbot: QtBot, answered: SpeechService, window: MainWindow, action: str
) -> None:
    feature = window.read_aloud
    assert feature is not None
    window.session.navigate("how-it-works")
    window.session.navigate("safety")
    stops: list[bool] = []
    answered._stop_requested.connect(lambda: stops.append(True))
    answered.speaking = True  # as the engine reports once it speaks
    feature.button.setChecked(True)
    if action == "home":
        tap_button(qtbot, window.nav_bar.home_button)
    elif action == "back":
        tap_button(qtbot, window.nav_bar.back_button)
    elif action == "language":
        tap_button(qtbot, window.nav_bar.language_button)
    elif action == "reset":
        window.session.reset()
    else:
        window.session.navigate("treatment-day")
    assert stops, f"{action} must stop the reading"
    assert not feature.button.isChecked()
