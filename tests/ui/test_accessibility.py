"""Every patient can read it: contrast, text size, Kiswahili, read-aloud, screen readers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.session.history import HOME
from kiosk.session.text_size import TEXT_STEPS
from kiosk.ui.i18n import Translations, tr
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, contrast_ratio, text_pairs
from tests.helpers import (
    WindowFactory,
    assert_screen_fits,
    tap,
    tap_button,
    tile_titled,
    write_settings,
)


@pytest.mark.parametrize(("palette", "minimum"), [(NORMAL, 4.5), (HIGH_CONTRAST, 7.0)],
                         ids=["normal", "high-contrast"])
def test_every_text_colour_pair_has_enough_contrast(palette: object, minimum: float) -> None:
    for what, text, background in text_pairs(palette):  # type: ignore[arg-type]
        ratio = contrast_ratio(text, background)
        assert ratio >= minimum, f"{what}: {text} on {background} is only {ratio:.2f}:1"


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_high_contrast_switch_changes_colours_and_keeps_qr_dark_on_white(
    qtbot: QtBot, window: MainWindow
) -> None:
    tap_button(qtbot, window.nav_bar.contrast_button)
    assert window.session.high_contrast and window.look.palette is HIGH_CONTRAST
    assert window.nav_bar.contrast_button.isChecked()
    home = window.grab().toImage()
    assert home.pixelColor(5, 5).name() == HIGH_CONTRAST.background.lower()
    icon = window.nav_bar.contact_button.icon().pixmap(48).toImage()
    strong = [icon.pixelColor(x, y) for x in range(icon.width()) for y in range(icon.height())
              if icon.pixelColor(x, y).alpha() > 200]
    assert strong, "the icon must be drawn solidly enough to see on black"
    assert all(c.red() > 240 and 200 < c.green() < 225 and c.blue() < 20 for c in strong), \
        "icons turn yellow in high contrast, not teal on black"
    tap_button(qtbot, window.nav_bar.contact_button)
    card = window.contact_screen.cards[0].qr
    code = card.grab().toImage()
    assert code.pixelColor(1, 1).name() == "#ffffff", "quiet zone stays white"
    tap_button(qtbot, window.nav_bar.contrast_button)
    assert window.look.palette is NORMAL


def test_each_text_size_step_makes_text_larger(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    sizes = [window.page_screen.view.document().defaultFont().pixelSize()]
    titles = [window.page_screen.title.fontInfo().pixelSize()]
    for _ in range(len(TEXT_STEPS) - 1):
        tap_button(qtbot, window.nav_bar.larger_button)
        sizes.append(window.page_screen.view.document().defaultFont().pixelSize())
        titles.append(window.page_screen.title.fontInfo().pixelSize())
    assert sizes == sorted(set(sizes)), f"body text sizes must grow: {sizes}"
    assert titles == sorted(set(titles)), f"titles must grow: {titles}"
    assert not window.nav_bar.larger_button.isEnabled(), "at the largest step"
    tap_button(qtbot, window.nav_bar.smaller_button)
    assert window.page_screen.view.document().defaultFont().pixelSize() == sizes[-2]


def test_text_size_and_language_changes_reuse_each_page_document(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A kiosk runs all day: changing text size or language must not pile up documents."""
    view = window.page_screen.view
    window.session.navigate("safety")
    first = view.document()
    counts = []
    for _ in range(20):
        window.session.set_text_step(3)
        window.session.navigate("future")
        window.session.set_language("sw")
        window.session.navigate("safety")
        window.session.set_text_step(0)
        window.session.set_language("en")
        window.session.navigate("safety")
        # idle moments: the warm-up fills more pages' documents; wait for it to finish
        qtbot.wait_until(lambda: not window.warm_up.is_warming, timeout=30_000)
        counts.append(view.cached_documents)
    assert view.document() is first
    assert max(counts) <= len(window.library.pages), "at most one document per page"
    assert counts[-1] == counts[len(counts) // 2], "no new documents once every page has one"
    assert window.page_screen.title.text() == "Safety and side effects"


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["1280x800", "1080x1920"])
def test_nothing_overlaps_or_leaves_the_window_at_the_largest_text(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    window.session.set_text_step(len(TEXT_STEPS) - 1)
    assert_screen_fits(window, size, check_touch_size=False)


def test_language_switch_changes_content_and_ui_words_and_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.nav_bar.language_button.label == "Kiswahili"
    tap_button(qtbot, window.home_screen.language_button)
    assert window.session.language == "sw"
    assert window.home_screen.welcome.text().startswith("Gusa")
    assert window.nav_bar.contact_button.accessibleName() == "Wasiliana nasi"
    assert window.nav_bar.help_button.accessibleName() == "Unahitaji msaada sasa?"
    assert window.nav_bar.language_button.label == "English"
    titles = [tile.title for tile in window.home_screen.grid.tiles]
    assert titles == [page.title for page in window.content.libraries["sw"].sections()]
    tap(qtbot, window.home_screen.grid.tiles[0])
    assert window.page_screen.title.text() == window.content.libraries["sw"].pages[
        "how-it-works"].title
    tap_button(qtbot, window.nav_bar.help_button)
    assert "Ikiwa uko hatarini" in window.overlays.help_panel.danger_now.text()
    tap_button(qtbot, window.overlays.help_panel.close_button)
    tap_button(qtbot, window.nav_bar.language_button)
    assert window.session.language == "en"
    assert window.page_screen.title.text() == "How it works"
    assert window.nav_bar.contact_button.accessibleName() == "Contact us"


def test_a_page_missing_in_kiswahili_shows_english_with_a_notice(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    (content_copy / "sw" / "future.md").unlink()
    window = make_window((1920, 1080), content_copy)
    window.session.set_language("sw")
    window.session.navigate("future")
    assert window.page_screen.title.text() == "The future of ketamine therapy"
    assert window.page_screen.notice.isVisible()
    assert "Kiingereza" in window.page_screen.notice.text()


def test_idle_reset_restores_the_staff_defaults(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, default_language="en", default_text_step=1)
    window = make_window()
    window.session.set_language("sw")
    window.session.set_text_step(3)
    window.session.set_high_contrast(True)
    window.session.reset()
    session = window.session
    assert (session.language, session.text_step, session.high_contrast) == ("en", 1, False)
    assert window.session.current_screen == HOME
    assert window.nav_bar.contact_button.accessibleName() == "Contact us"


def test_read_aloud_is_absent_without_a_speech_engine(window: MainWindow) -> None:
    assert window.read_aloud is None
    assert window.nav_bar.read_aloud_button is None
    names = {button.accessibleName() for button in window.findChildren(QAbstractButton)}
    assert "Read aloud" not in names


def interactive(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton | QTextBrowser)


def test_every_control_has_an_accessible_name_and_role(qtbot: QtBot, window: MainWindow) -> None:
    from kiosk.commands.screenshots import all_screen_ids, panel_scenes

    scenes: list[Callable[[], None]] = [partial(window.session.navigate, screen)
                                        for screen in all_screen_ids(window)]
    scenes += [show for _name, show in panel_scenes(window)]
    checked = 0
    for show in scenes:
        window.overlays.close_panels()
        window.overlays.attract.stop()
        show()
        for widget in window.findChildren(QWidget):
            if not widget.isVisible() or not interactive(widget):
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            assert interface is not None
            name = interface.text(QAccessible.Text.Name)
            assert name.strip(), f"{type(widget).__name__} {widget.objectName()} has no name"
            assert interface.role() in (QAccessible.Role.Button, QAccessible.Role.PushButton,
                                        QAccessible.Role.CheckBox, QAccessible.Role.EditableText,
                                        QAccessible.Role.StaticText, QAccessible.Role.Document)
            checked += 1
    assert checked > 50


def test_screenshots_in_kiswahili_and_high_contrast(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "sw"
    assert main(["--data-dir", str(data_dir), "screenshots", str(out), "--lang", "sw",
                 "--high-contrast", "--size", "1280x800"]) == 0
    assert (out / "home.png").is_file() and (out / "panel-help.png").is_file()


@pytest.mark.spawns_processes
def test_every_ui_word_is_in_the_kiswahili_translation(tmp_path: Path) -> None:
    """The .ts file matches the code (lupdate finds nothing new) and is fully translated."""
    import shutil
    import subprocess
    import sys

    from kiosk import resources

    source = resources.translation_sources_dir() / "tigoni_sw.ts"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    code = sorted(str(p) for p in (Path(resources.__file__).parent / "ui").rglob("*.py"))
    result = subprocess.run([str(lupdate), *code, "-tr-function-alias", "tr+=tr", "-locations",
                             "none", "-no-obsolete", "-ts", str(copy)],
                            capture_output=True, text=True, check=True)
    assert "0 new" in result.stdout, f"run `make i18n ARGS=update`: {result.stdout}"
    messages = list(ET.parse(copy).iter("message"))
    assert len(messages) > 50
    assert any(m.get("numerus") == "yes" for m in messages), "counts use plural forms"
    untranslated = [m.findtext("source") for m in messages if not translated(m)]
    assert untranslated == []


def translated(message: ET.Element) -> bool:
    """A finished translation: its text, or every one of its plural forms."""
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return False
    forms = [form.text or "" for form in translation.iter("numerusform")]
    texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
    return bool(texts) and all(text.strip() for text in texts)


@pytest.mark.parametrize(("language", "count", "expected"), [
    ("en", 1, "1 problem, 2 warnings"), ("en", 2, "2 problems, 1 warning"),
    ("sw", 1, "tatizo 1, tahadhari 2"), ("sw", 2, "matatizo 2, tahadhari 1"),
])
def test_staff_read_counts_in_the_right_plural_form(
    qapp: QApplication, language: str, count: int, expected: str
) -> None:
    """Found by staff: the status line read "1 problems"."""
    translations = Translations()
    try:
        assert translations.use(language)
        words = f"{tr('%n problem(s)', None, count)}, {tr('%n warning(s)', None, 3 - count)}"
        assert words == expected
        warning = tr("The screen will go back to the start in %n second(s), so the next "
                     "person does not see what you read.", None, 1)
        assert ("1 second," if language == "en" else "sekunde 1,") in warning
    finally:
        translations.use("en")


def test_help_numbers_notes_follow_the_language(qtbot: QtBot, window: MainWindow) -> None:
    window.session.set_language("sw")
    tap_button(qtbot, window.nav_bar.help_button)
    assert window.overlays.help_panel.lines[0].text() == (
        "Msalaba Mwekundu (Kenya Red Cross): 1199 (Bure, saa 24)")
    window.overlays.close_panels()
    window.session.navigate("conditions/suicidal-thoughts")
    assert "Bure, saa 24" in window.page_screen.view.toPlainText()
    window.session.set_language("en")
    assert "Free, 24 hours" in window.page_screen.view.toPlainText()
