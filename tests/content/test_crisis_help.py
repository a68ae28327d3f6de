"""Crisis help as a patient sees it: every verified line, police 999 included, in their language.

The lines come from ``content/clinic.toml`` (facts sheet part C); each test looks at what the
kiosk shows: the "Need help now?" panel and the help box the suicidal-thoughts page opens
with, in English and in Kiswahili.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.clinic import load_clinic
from kiosk.ui.main_window import MainWindow
from tests.helpers import settle_layout, tap_button

SUICIDAL_THOUGHTS = "conditions/suicidal-thoughts"
# What each line reads as, in each language (name: number).
SHOWN = {
    "en": ("Kenya Red Cross: 1199", "Befrienders Kenya: 0722 178 177",
           "Police emergency: 999"),
    "sw": ("Msalaba Mwekundu (Kenya Red Cross): 1199", "Befrienders Kenya: 0722 178 177",
           "Dharura ya polisi: 999"),
}


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_need_help_now_panel_lists_999_and_every_line_in_the_language(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    window.session.set_language(language)
    tap_button(qtbot, window.nav_bar.help_button)
    qtbot.waitUntil(lambda: window.overlays.help_panel.is_open)
    shown = [label.text() for label in window.overlays.help_panel.lines if label.isVisible()]
    for line in SHOWN[language]:
        assert any(text.startswith(line) for text in shown), f"{line!r} not in {shown}"


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_suicidal_thoughts_help_box_lists_999_before_the_page_text(
    window: MainWindow, language: str
) -> None:
    window.session.set_language(language)
    window.session.navigate(SUICIDAL_THOUGHTS)
    settle_layout()
    text = window.page_screen.view.toPlainText()
    first_heading = window.content.libraries[language].pages[SUICIDAL_THOUGHTS].body.split(
        "\n", 1)[0].lstrip("# ").strip()
    box = text[: text.index(first_heading)]
    for line in SHOWN[language]:
        assert line in box, f"{line!r} is not in the help box: {box!r}"


def test_a_line_without_a_kiswahili_name_or_note_shows_the_english(tmp_path: Path) -> None:
    (tmp_path / "clinic.toml").write_text(
        'name = "C"\nphone = "+254 797 777060"\nwhatsapp = "+254 797 777060"\n'
        'email = "a@b.co"\naddress = "A"\nwhatsapp_message = "Hi"\nemail_subject = "Q"\n'
        '[[crisis_lines]]\nname = "Police emergency"\nname_sw = "Dharura ya polisi"\n'
        'number = "999"\n'
        '[[crisis_lines]]\nname = "Befrienders Kenya"\nname_sw = "  "\nnumber = "0722 178 177"\n'
        'note = "Listening"\n',
        encoding="utf-8")
    clinic, problems = load_clinic(tmp_path)
    assert problems == []
    police, befrienders = clinic.crisis_lines
    assert (police.name_in("sw"), police.name_in("en")) == ("Dharura ya polisi",
                                                            "Police emergency")
    assert befrienders.name_in("sw") == "Befrienders Kenya"  # a blank name_sw is ignored
    assert befrienders.note_in("sw") == "Listening"
