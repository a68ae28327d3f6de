"""Pictures in the patient's language: the Kiswahili page shows the Kiswahili drawing.

Each illustration has a copy per language (``illustrations/sw/synapse.svg`` beside
``illustrations/synapse.svg``); a page shows its own language's copy first.  ``check``
warns, with file and line, when a page shows a picture whose words are in another
language.  The labels fit their drawing in both languages, and the caveats the English
drawings carry ("seen in animals", "for some people") are in the Kiswahili ones too.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from kiosk import resources
from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.content.picture_language import picture_words
from kiosk.content.render import IMAGE_SCHEME
from kiosk.ui.main_window import MainWindow
from tests.helpers import settle_layout

CONTENT = load_content(resources.bundled_content_dir(), resources.assets_dir())
ILLUSTRATIONS = resources.assets_dir() / "illustrations"
ENGLISH_PICTURES = sorted(ILLUSTRATIONS.glob("*.svg"))
ALL_PICTURES = sorted(ILLUSTRATIONS.rglob("*.svg"))
SVG = "{http://www.w3.org/2000/svg}"
GOOD_BASE = Path(__file__).resolve().parents[1] / "data" / "bad_content" / "good-base"
# Where each page shows which picture, and the caveat its words must carry.
SHOWN = [("how-it-works", "synapse.svg"), ("how-it-works", "speed.svg"),
         ("how-it-is-given", "routes.svg"), ("treatment-day", "treatment-day.svg")]
CAVEATS = {
    ("en", "synapse.svg"): "(seen in animals)",
    ("sw", "synapse.svg"): "(imeonekana kwa wanyama)",
    ("en", "speed.svg"): "(for some people)",
    ("sw", "speed.svg"): "(kwa baadhi ya watu)",
}
SVG_PAGE = """\
---
title: {title}
order: 1
summary: A page with a chart
reviewed_on: 2026-01-15
reviewed_by: Test corpus
---
## {heading}

![{alt}](illustrations/chart.svg)
"""
CHART = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"{lang}'
         ' width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100"'
         ' fill="#CFE8E4"/><text x="10" y="50">{words}</text></svg>\n')


def image_names(document: QTextDocument) -> list[str]:
    """The picture URLs drawn in a document, in order."""
    names: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                names.append(char_format.toImageFormat().name())
            fragments += 1
        block = block.next()
    return names


@pytest.mark.parametrize("language", ["en", "sw"])
@pytest.mark.parametrize(("page_id", "picture"), SHOWN)
def test_each_page_draws_the_picture_in_its_own_language(
    window: MainWindow, language: str, page_id: str, picture: str
) -> None:
    window.session.set_language(language)
    window.session.navigate(page_id)
    settle_layout()
    document = window.page_screen.view.document()
    reference = f"illustrations/{picture}" if language == "en" else \
        f"illustrations/{language}/{picture}"
    url = f"{IMAGE_SCHEME}:{reference}"
    assert url in image_names(document), f"{language}:{page_id} shows {image_names(document)}"
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
    assert isinstance(image, QImage) and not image.isNull()
    path = CONTENT.images.find(reference)
    assert path is not None and picture_words(path, frozenset({"en", "sw"})).language \
        == language


def svg_lines(path: Path) -> list[str]:
    """Every line of words an SVG draws."""
    return [element.text or "" for element in ET.parse(path).iter(f"{SVG}text")]


@pytest.mark.parametrize("english", ENGLISH_PICTURES, ids=lambda path: path.name)
def test_every_picture_has_a_kiswahili_copy_with_the_same_caveats(english: Path) -> None:
    kiswahili = ILLUSTRATIONS / "sw" / english.name
    assert kiswahili.is_file(), f"no Kiswahili copy of {english.name}"
    for language, path in (("en", english), ("sw", kiswahili)):
        root = ET.parse(path).getroot()
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        words = " ".join(svg_lines(path))
        caveat = CAVEATS.get((language, english.name))
        if caveat is not None:
            assert caveat in words, f"{path}: {caveat!r} is missing from {words!r}"
    assert not set(svg_lines(english)) & set(svg_lines(kiswahili)) - {"Glutamate"}, (
        f"{kiswahili} still has English words"
    )


def text_boxes(path: Path) -> list[tuple[str, QRectF]]:
    """Each line of words in an SVG with the box it covers, measured with its font."""
    boxes: list[tuple[str, QRectF]] = []

    def walk(element: ET.Element, inherited: dict[str, str]) -> None:
        style = {**inherited, **{key: value for key, value in element.attrib.items()
                                 if key in ("font-family", "font-size", "text-anchor")}}
        if element.tag == f"{SVG}text":
            font = QFont(style["font-family"])
            font.setPixelSize(round(float(style["font-size"])))
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(element.text or "")
            x, y = float(element.get("x", "0")), float(element.get("y", "0"))
            left = {"start": x, "middle": x - width / 2, "end": x - width}[
                style.get("text-anchor", "start")]
            # From the top of the letters to the bottom of their tails: the lines of a
            # two-line label sit one line-height apart and touch, but never overlap.
            top = y - metrics.ascent()
            boxes.append((element.text or "", QRectF(left, top, width,
                                                     metrics.ascent() + metrics.descent())))
        for child in element:
            walk(child, style)

    walk(ET.parse(path).getroot(), {})
    return boxes


@pytest.mark.parametrize("path", ALL_PICTURES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_labels_fit_inside_the_drawing_and_do_not_overlap(
    qapp: QApplication, path: Path
) -> None:
    view_box = [float(value) for value in ET.parse(path).getroot().get("viewBox", "").split()]
    inside = QRectF(*view_box).adjusted(12, 12, -12, -12)
    boxes = text_boxes(path)
    assert boxes, f"{path} has no words to measure"
    for words, box in boxes:
        assert inside.contains(box), f"{path.name}: {words!r} runs outside the drawing: {box}"
    for index, (words, box) in enumerate(boxes):
        for other_words, other in boxes[index + 1:]:
            overlap = box.intersected(other)
            assert overlap.height() < 1 or overlap.width() < 1, (
                f"{path.name}: {words!r} overlaps {other_words!r}")


def small_content(tmp_path: Path, chart_lang: str | None, kiswahili_copy: bool) -> Path:
    """An English and a Kiswahili page showing ``illustrations/chart.svg`` on line 10."""
    root = tmp_path / "content"
    for language, title, heading, alt in (("en", "Chart", "What does it show?", "A chart."),
                                          ("sw", "Chati", "Inaonyesha nini?", "Chati.")):
        (root / language).mkdir(parents=True)
        shutil.copy(GOOD_BASE / "en" / "home.md", root / language / "home.md")
        (root / language / "chart.md").write_text(
            SVG_PAGE.format(title=title, heading=heading, alt=alt), encoding="utf-8")
    shutil.copy(GOOD_BASE / "clinic.toml", root / "clinic.toml")
    pictures = root / "illustrations"
    (pictures / "sw").mkdir(parents=True)
    lang = f' xml:lang="{chart_lang}"' if chart_lang else ""
    (pictures / "chart.svg").write_text(CHART.format(lang=lang, words="Weeks"),
                                        encoding="utf-8")
    if kiswahili_copy:
        (pictures / "sw" / "chart.svg").write_text(
            CHART.format(lang=' xml:lang="sw"', words="Wiki"), encoding="utf-8")
    return root


def check_output(root: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root.parent)
    assert main(["check", str(root)]) == 0, "a picture in another language is a warning"
    return capsys.readouterr().out


def test_check_warns_when_a_kiswahili_page_shows_an_english_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = check_output(small_content(tmp_path, "en", kiswahili_copy=False), capsys,
                       monkeypatch)
    assert ("content/sw/chart.md:10: warning: picture 'illustrations/chart.svg' has its "
            "words in English but this page is in Kiswahili: add a Kiswahili copy at "
            "illustrations/sw/chart.svg") in out
    assert "content/en/chart.md" not in out


def test_check_is_quiet_once_the_kiswahili_copy_is_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = check_output(small_content(tmp_path, "en", kiswahili_copy=True), capsys,
                       monkeypatch)
    assert "picture" not in out


def test_check_asks_for_the_language_of_a_picture_that_does_not_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = check_output(small_content(tmp_path, None, kiswahili_copy=True), capsys,
                       monkeypatch)
    assert ("content/en/chart.md:10: warning: picture 'illustrations/chart.svg' has words "
            "but does not say which language they are in") in out
    assert "content/sw/chart.md" not in out


def test_check_warns_when_an_english_page_names_the_kiswahili_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = small_content(tmp_path, "en", kiswahili_copy=True)
    page = root / "en" / "chart.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "illustrations/chart.svg", "illustrations/sw/chart.svg"), encoding="utf-8")
    out = check_output(root, capsys, monkeypatch)
    assert ("content/en/chart.md:10: warning: picture 'illustrations/sw/chart.svg' has its "
            "words in Kiswahili but this page is in English") in out


def test_the_bundled_content_has_no_picture_in_the_wrong_language() -> None:
    wrong = [problem.format() for problem in CONTENT.problems if "picture" in problem.message]
    assert wrong == []


def test_check_warns_when_the_kiswahili_copy_is_not_a_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = small_content(tmp_path, "en", kiswahili_copy=False)
    (root / "illustrations" / "sw" / "chart.svg").write_text("Wiki", encoding="utf-8")
    out = check_output(root, capsys, monkeypatch)
    assert ("content/sw/chart.md:10: warning: the Kiswahili copy 'illustrations/sw/chart.svg' "
            "is not a valid picture, so the page shows 'illustrations/chart.svg' instead") in out
