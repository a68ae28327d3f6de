"""Nothing shown is ever clipped: long words, the crisis button, the selected tab's icon.

A content editor may paste one long unbreakable word (an email address, a web address)
into any title, summary, clinic detail or page.  At every supported screen size and
every text size, every place that shows it breaks or wraps the word inside its box.
The red "Need help now?" button always shows all its words, in every language; the
selected sub-topic tab draws its icon in its words' colour, so it never vanishes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTextBrowser

from kiosk.commands.screenshots import all_screen_ids
from kiosk.session.history import CONTACT
from kiosk.session.text_size import TEXT_STEPS
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL
from kiosk.ui.widgets.nav_bar import NavButton
from kiosk.ui.widgets.tiles import Tile
from tests.content.corpus import case_folder, write_page
from tests.helpers import SIZES, WindowFactory, settle_layout, visible_controls, window_rect

LONG_WORD = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 2)[:60]
assert len(LONG_WORD) == 60 and " " not in LONG_WORD


def long_word_content(tmp_path: Path) -> Path:
    """Every title, summary, tab, clinic detail and page body holds a 60-letter word."""
    content = case_folder("good-base", tmp_path)
    clinic = content / "clinic.toml"
    text = clinic.read_text(encoding="utf-8")
    for old, new in (('name = "Tigoni Treatment Centre"', f'name = "Tigoni {LONG_WORD}"'),
                     ('address = "House', f'address = "{LONG_WORD} House'),
                     ('email = "admin@tigonitreatment.com"', f'email = "{LONG_WORD}@t.co"'),
                     ('name = "Kenya Red Cross"', f'name = "{LONG_WORD}"'),
                     ('note = "Free, 24 hours"', 'note = "Free, 24 hours"')):
        assert old in text
        text = text.replace(old, new)
    clinic.write_text(text, encoding="utf-8")
    for page in ("first-topic", "second-topic"):
        write_page(content / "en" / f"{page}.md", f"Read {LONG_WORD} here.\n",
                   title=f"Topic {LONG_WORD}", extra=f"summary: Words {LONG_WORD}\n")
    write_page(content / "en" / "section" / "index.md", f"A section {LONG_WORD}.\n",
               title=f"Section {LONG_WORD}",
               extra=f"order: 3\nsummary: {LONG_WORD}\nicon: brain\n")
    for index, icon in enumerate(("nasal", "oral")):
        write_page(content / "en" / "section" / f"tab-{index}.md", f"Tab {LONG_WORD}.\n",
                   title=f"{LONG_WORD}{index}", extra=f"order: {index}\nicon: {icon}\n")
    return content


def assert_nothing_clipped(window: MainWindow, where: str, tall_enough: bool = True) -> None:
    """Every visible word fits its box; ``tall_enough``: its box is tall enough too."""
    frame = window.rect()
    for control in visible_controls(window):
        name = f"{where}: {control.objectName() or type(control).__name__}"
        rect = window_rect(control, window)
        if not rect.isEmpty():
            assert frame.contains(rect), f"{name} {rect} leaves the window"
        if isinstance(control, QLabel) and control.wordWrap() and control.text():
            assert control.minimumSizeHint().width() <= control.width() + 1, \
                f"{name}: a word is wider than the label"
            assert not tall_enough or \
                control.heightForWidth(control.width()) <= control.height() + 1, \
                f"{name}: text is cut off at the bottom"
        if isinstance(control, Tile):
            layout = control._layout(control.width())
            assert layout.title.size().width() <= control._text_width(control.width()) + 1, \
                f"{name}: title wider than the tile"
            if layout.summary is not None:
                assert layout.summary.size().width() <= \
                    control._text_width(control.width()) + 1, f"{name}: summary too wide"
            assert control.heightForWidth(control.width()) <= control.height() + 1, \
                f"{name}: tile too short for its words"
        if isinstance(control, NavButton) and control.text():
            assert control.width() >= control.sizeHint().width(), f"{name}: words squeezed"
        if isinstance(control, QTextBrowser):
            assert control.horizontalScrollBar().maximum() == 0, f"{name}: scrolls sideways"


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_60_letter_word_is_never_clipped_anywhere(
    size: tuple[int, int], tmp_path: Path, make_window: WindowFactory
) -> None:
    window = make_window(size=size, content=long_word_content(tmp_path))
    screens = [*all_screen_ids(window), CONTACT]
    assert "section/tab-0" in screens
    for step in range(len(TEXT_STEPS)):
        window.session.set_text_step(step)
        for screen_id in screens:
            window.session.go_home()
            window.session.navigate(screen_id)
            settle_layout()
            # The contact screen's cards do not yet grow taller than the window allows
            # (it needs to scroll as a whole): there, words are only checked to wrap.
            assert_nothing_clipped(window, f"{screen_id} at text step {step}",
                                   tall_enough=screen_id != CONTACT)
        window.session.go_home()
        window.overlays.help_panel.open_panel()
        settle_layout()
        # At the largest text a crisis line with a 60-letter name needs more height than
        # the window has, and panels do not scroll yet: there, words are only checked to
        # wrap.
        assert_nothing_clipped(window, f"help panel at text step {step}",
                               tall_enough=step < len(TEXT_STEPS) - 1)
        window.overlays.help_panel.close_panel()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_crisis_button_always_shows_all_its_words(
    size: tuple[int, int], make_window: WindowFactory
) -> None:
    window = make_window(size=size)
    button = window.nav_bar.help_button
    for language in ("en", "sw"):
        window.session.set_language(language)
        for step in range(len(TEXT_STEPS)):
            window.session.set_text_step(step)
            for screen_id in ("home", "how-it-works"):
                window.session.go_home()
                window.session.navigate(screen_id)
                settle_layout()
                where = f"{language}, text step {step}, {screen_id}"
                assert button.isVisible() and not button.icon_only, where
                assert button.text() == button.label and button.text().endswith("?"), where
                assert button.width() >= button.sizeHint().width(), f"{where}: squeezed"
                assert window.rect().contains(window_rect(button, window)), where


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_the_selected_tab_draws_its_icon_in_its_words_colour(
    palette: object, tmp_path: Path, make_window: WindowFactory
) -> None:
    window = make_window(content=long_word_content(tmp_path))
    window.session.set_high_contrast(palette is HIGH_CONTRAST)
    window.session.navigate("section/tab-0")
    settle_layout()
    tabs = window.page_screen.subtopics.tiles
    selected = next(tab for tab in tabs if tab.isChecked())
    assert selected.target_id == "section/tab-0" and selected.icon_name == "nasal"
    image = selected.grab().toImage()
    ratio = image.devicePixelRatio()
    size, padding = selected._icon_size(), selected._padding()
    top = (selected.height() - size) // 2
    assert window.look.palette is palette
    words_colour = QColor(palette.on_primary)
    near = 0
    for x in range(padding, padding + size):
        for y in range(top, top + size):
            colour = QColor(image.pixel(round(x * ratio), round(y * ratio)))
            if abs(colour.red() - words_colour.red()) + abs(colour.green() - words_colour.green()) \
                    + abs(colour.blue() - words_colour.blue()) < 90:
                near += 1
    assert near > size * size * 0.05, "the selected tab's icon is not drawn in its words' colour"
