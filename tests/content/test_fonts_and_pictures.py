"""Every character can be drawn by a bundled font; every picture decodes or shows its words.

Emoji pasted from chat apps are drawn by the bundled Noto Emoji, symbols by DejaVu Sans;
a character no bundled font has is named by ``check`` and ``self-test`` with its file
and line.  Pictures are decoded by ``check`` with Qt's own reader under the kiosk's
limit; one that cannot be drawn shows its alt text in a framed box.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextDocument, QTextLayout, QTextTable

from kiosk import resources
from kiosk.cli import main
from kiosk.commands.selftest import run_self_test
from kiosk.content.glyphs import SURELY_DRAWN, characters_of, missing_characters
from kiosk.ui.fallback_fonts import FALLBACK_FAMILIES
from kiosk.ui.theme import FONT_FAMILY
from tests.content.corpus import case_folder, png, write_page
from tests.helpers import WindowFactory

BUNDLED_FAMILIES = {FONT_FAMILY, *FALLBACK_FAMILIES}


def drawn_by(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """The font family and glyphs Qt uses for each run of ``text`` in ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes()))
            for run in layout.glyphRuns()]


def assert_drawn_by_bundled_fonts(text: str, font: QFont) -> None:
    runs = drawn_by(text, font)
    assert runs
    for family, glyphs in runs:
        assert family in BUNDLED_FAMILIES, f"{text!r}: {family} is not a bundled font"
        assert 0 not in glyphs, f"{text!r}: an empty box in {family}"


def test_emoji_in_titles_summaries_and_bodies_are_drawn(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    content = case_folder("emoji-and-symbols", tmp_path)
    window = make_window(content=content)
    tile = next(tile for tile in window.home_screen.grid.tiles if tile.target_id == "broken")
    assert tile.title == "Your medicine 💊"
    assert tile.summary == "How it acts on the brain 🧠 in Kenya 🇰🇪"
    assert_drawn_by_bundled_fonts(tile.title, QFont(FONT_FAMILY))
    assert_drawn_by_bundled_fonts(tile.summary, QFont(FONT_FAMILY))
    window.session.navigate("broken")
    assert window.page_screen.title.text() == "Your medicine 💊"
    document: QTextDocument = window.page_screen.view.document()
    line = document.findBlock(document.toPlainText().index("💊")).text()
    assert line.startswith("Take it as your doctor says 💊 → then rest ✓ ★")
    assert_drawn_by_bundled_fonts(line, document.defaultFont())
    families = {family for family, _glyphs in drawn_by(line, document.defaultFont())}
    assert {"Noto Emoji", "DejaVu Sans"} <= families  # emoji, then the arrow, tick, star


def test_check_and_self_test_name_a_character_no_bundled_font_has(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("emoji-and-symbols", tmp_path)
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert ("en/broken.md:9: no bundled font can draw '𓀀' (U+13000 EGYPTIAN HIEROGLYPH "
            "A001)") in out
    assert "💊" not in out and "🇰🇪" not in out and "→" not in out
    from kiosk.app import Options

    report = io.StringIO()
    assert run_self_test(Options(data_dir=data_dir, content_dir=content), report) == 1
    assert "broken.md:9: no bundled font can draw '𓀀'" in report.getvalue()


def test_clinic_details_are_checked_for_characters_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("good-base", tmp_path)
    clinic = content / "clinic.toml"
    clinic.write_text(clinic.read_text(encoding="utf-8").replace(
        'note = "Free, 24 hours"', 'note = "Free, 24 hours ☎ 𓀁"'), encoding="utf-8")
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert "clinic.toml:13: no bundled font can draw '𓀁'" in out
    assert "☎" not in out


def test_the_text_font_draws_every_character_check_takes_on_trust() -> None:
    text_fonts = tuple(path for path in resources.font_paths()
                       if path.name.startswith("AtkinsonHyperlegible"))
    assert len(text_fonts) == 4
    drawable = characters_of(text_fonts)
    assert {ord(character) for character in SURELY_DRAWN
            if character not in "\t\n\r"} <= drawable


def test_every_translated_word_can_be_drawn() -> None:
    folder = Path(__file__).resolve().parents[2] / "kiosk" / "i18n"
    for source in sorted(folder.glob("*.ts")):
        words = [element.text or "" for element in ET.parse(source).iter()
                 if element.tag in {"source", "translation"}]
        assert words
        assert missing_characters(" ".join(words)) == [], source.name


def _framed_alt_texts(document: QTextDocument) -> list[str]:
    return [frame.cellAt(0, 0).firstCursorPosition().block().text()
            for frame in document.rootFrame().childFrames()
            if isinstance(frame, QTextTable) and frame.format().border() > 0
            and frame.rows() == 1 and frame.columns() == 1]


def test_pictures_are_decoded_by_check_and_a_bad_one_shows_its_alt_text(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("good-base", tmp_path)
    images = content / "images"
    images.mkdir()
    (images / "huge.png").write_bytes(png(17000, 17000))
    assert (images / "huge.png").stat().st_size < 400_000  # small on disk
    (images / "cut-off.png").write_bytes(png(400, 300, rows=40))
    (images / "good.png").write_bytes(png(40, 30))
    write_page(content / "en" / "broken.md",
               "![A very large photo](images/huge.png)\n\n"
               "![A photo cut off while copying](images/cut-off.png)\n\n"
               "![A small grey square](images/good.png)\n\nWords after them.\n")
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert "en/broken.md:6: image 'images/huge.png' is 17000x17000 pixels, too large" in out
    assert "en/broken.md:8: image 'images/cut-off.png' cannot be decoded" in out
    assert "good.png" not in out
    window = make_window(content=content)
    window.session.navigate("broken")
    document = window.page_screen.view.document()
    assert _framed_alt_texts(document) == ["A very large photo", "A photo cut off while copying"]
    assert "Words after them." in document.toPlainText()


def test_a_picture_that_fails_to_decode_on_screen_shows_its_alt_text_framed(
    tmp_path: Path, make_window: WindowFactory
) -> None:
    """The renderer only looks at the file's first bytes; the page view decodes it."""
    content = case_folder("good-base", tmp_path)
    picture = content / "images" / "photo.png"
    picture.parent.mkdir()
    picture.write_bytes(png(400, 300, rows=10))  # the USB stick was pulled mid-copy
    write_page(content / "en" / "broken.md", "![The waiting room](images/photo.png)\n")
    window = make_window(content=content)
    window.session.navigate("broken")
    assert window.renderer.render(window.library.pages["broken"], "en").images == (
        "images/photo.png",)
    assert _framed_alt_texts(window.page_screen.view.document()) == ["The waiting room"]
