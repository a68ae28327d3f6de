"""The safety and truth a patient reads, in both languages, as the kiosk shows the pages.

Each page is rendered as the page screen renders it and read as plain text, the words a
patient sees.  The facts come from the facts sheet (numbers in brackets); issue #17 found
them missing or overstated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.content.loader import load_content
from kiosk.content.render import HelpBoxText, PageRenderer
from kiosk.ui.main_window import MainWindow
from tests.helpers import settle_layout, tap, tile_titled

# The page text is laid out by Qt as on screen, with the kiosk's application and fonts.
pytestmark = pytest.mark.usefixtures("qapp")
CONTENT = load_content(resources.bundled_content_dir(), resources.assets_dir())
LANGUAGES = ("en", "sw")
WORDS = HelpBoxText(heading="Need help now?", danger_now="Tell the reception staff.")
OLD_LABEL = "label/2019/211243lbl.pdf"
# A sentence that says something was approved, and the words that say where.
APPROVED = {"en": re.compile(r"\bapprove", re.I), "sw": re.compile(r"idhinish", re.I)}
NOT_APPROVED = {"en": re.compile(r"\bnot approved\b", re.I),
                "sw": re.compile(r"\bhaij?aidhinishwa\b", re.I)}
IN_THE_US = {"en": "US", "sw": "Marekani"}


def rendered(language: str, page_id: str) -> tuple[str, str]:
    """A page's HTML and the plain text a patient reads on it."""
    page = CONTENT.libraries[language].pages[page_id]
    html = PageRenderer(CONTENT.clinic, WORDS, CONTENT.images.find).render(page, language).html
    document = QTextDocument()
    document.setHtml(html)
    return html, document.toPlainText()


def sentences(text: str) -> Iterator[str]:
    """The sentences of a page's text (its Sources list is left out)."""
    body = re.split(r"\n(?:Sources|Vyanzo)\n", text)[0]
    for line in body.splitlines():
        yield from (part.strip() for part in re.split(r"(?<=[.!?])\s+", line) if part.strip())


ALL_PAGES = [(language, page_id) for language in LANGUAGES
             for page_id in sorted(CONTENT.libraries[language].pages)]


@pytest.mark.parametrize(("language", "page_id"), ALL_PAGES,
                         ids=[f"{lang}:{page}" for lang, page in ALL_PAGES])
def test_every_approval_sentence_says_in_the_us(language: str, page_id: str) -> None:
    _html, text = rendered(language, page_id)
    for sentence in sentences(text):
        if APPROVED[language].search(sentence) and not NOT_APPROVED[language].search(sentence):
            assert IN_THE_US[language] in sentence, f"{language}:{page_id}: {sentence!r}"


@pytest.mark.parametrize(("language", "page_id"), ALL_PAGES,
                         ids=[f"{lang}:{page}" for lang, page in ALL_PAGES])
def test_no_page_cites_the_2019_label(language: str, page_id: str) -> None:
    html, _text = rendered(language, page_id)
    assert OLD_LABEL not in html


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ("In 2025, the US approved it for use on its own for this kind of depression.",
            "You never use it alone.")),
    ("sw", ("mwaka 2025 itumike peke yake kwa hali hiyo.", "hutumii kamwe peke yako.")),
])
def test_nasal_spray_says_what_on_its_own_means(language: str, expected: tuple[str, ...]) -> None:
    _html, text = rendered(language, "how-it-is-given/nasal-spray")
    for words in expected:
        assert words in text


@pytest.mark.parametrize(("language", "page_ids", "words"), [
    ("en", ("how-it-is-given", "conditions/depression"), ("only as an anaesthetic", "off-label")),
    ("sw", ("how-it-is-given", "conditions/depression"), ("nusukaputi", "off-label")),
])
def test_off_label_is_explained_where_ways_and_depression_are(
    language: str, page_ids: tuple[str, ...], words: tuple[str, ...]
) -> None:
    for page_id in page_ids:
        _html, text = rendered(language, page_id)
        for word in words:
            assert word in text, f"{language}:{page_id} lacks {word!r}"


SAFETY_WORDS = {
    "en": ("It is a controlled drug", "Do not drive or use machines until the next day",
           "Ketamine injection US label"),
    "sw": ("Ni dawa inayodhibitiwa na sheria", "Usiendeshe gari wala usitumie mashine",
           "Maelezo rasmi ya sindano ya ketamine (Marekani)"),
}
CONTRAINDICATIONS = {"en": ("aneurysm", "bleeding in the brain", "allergy to ketamine"),
                     "sw": ("aneurysm", "kuvuja damu kwenye ubongo", "mzio")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_safety_page_lists_who_should_not_have_it_and_says_controlled_drug(
    language: str
) -> None:
    html, text = rendered(language, "safety")
    for words in SAFETY_WORDS[language]:
        assert words in text
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    for condition in CONTRAINDICATIONS[language]:
        assert any(condition in item for item in items), f"{condition!r} is not a list item"


TELL_US = {
    "en": ("every medicine", "pregnant", "breastfeeding", "alcohol", "benzodiazepines",
           "opioid", "amphetamines", "methylphenidate", "modafinil", "MAOI", "misused",
           "bulging blood vessel", "allergic"),
    "sw": ("kila dawa", "mimba", "unanyonyesha", "pombe", "benzodiazepines", "opioids",
           "amphetamines", "methylphenidate", "modafinil", "MAOI", "kutumia vibaya",
           "mshipa uliovimba", "mzio"),
}
BEFORE_TREATMENT_TILE = {"en": "Before your treatment", "sw": "Kabla ya matibabu yako"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_tile_opens_the_before_treatment_list(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    window.session.set_language(language)
    settle_layout()
    tap(qtbot, tile_titled(window, BEFORE_TREATMENT_TILE[language]))
    settle_layout()
    text = window.page_screen.view.toPlainText()
    for words in TELL_US[language]:
        assert words in text, f"{words!r} is not on the before-treatment page"


@pytest.mark.parametrize(("language", "words", "link"), [
    ("en", "there are serious risks too", "Safety and side effects"),
    ("sw", "kuna hatari kubwa pia", "Usalama na madhara"),
])
def test_treatment_day_names_the_serious_risks_and_links_to_safety(
    language: str, words: str, link: str
) -> None:
    html, text = rendered(language, "treatment-day")
    assert words in text
    assert f'<a href="page:safety">{link}</a>' in html


@pytest.mark.parametrize(("language", "words"), [
    ("en", "tell the reception staff or call a number above"),
    ("sw", "waambie wahudumu wa mapokezi au piga nambari iliyo juu"),
])
def test_suicidal_thoughts_says_who_to_turn_to(language: str, words: str) -> None:
    _html, text = rendered(language, "conditions/suicidal-thoughts")
    assert words in " ".join(text.split())


@pytest.mark.parametrize(("language", "title"), [("en", "Conditions being studied"),
                                                 ("sw", "Hali zinazochunguzwa")])
def test_conditions_tile_promises_nothing(window: MainWindow, language: str, title: str) -> None:
    window.session.set_language(language)
    settle_layout()
    tile_titled(window, title)


def test_by_mouth_says_not_at_home() -> None:
    _html, text = rendered("en", "how-it-is-given/by-mouth")
    assert "please do not take ketamine at home" in text
