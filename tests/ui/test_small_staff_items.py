"""Small things QA found on staff screens and tiles (QA A15), each as staff see it.

Long words break with a hyphen and only when they must; the Usage chart gives page names
their room and names days in the panel's language; "PIN changed." stands apart from the
rows; every pad message ends with a full stop; Close shows its icon in both contrasts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import NORMAL, Metrics, contrast_ratio
from kiosk.ui.widgets.long_words import SOFT_HYPHEN, BreakingLabel
from kiosk.ui.widgets.usage_chart import BarChart, day_label
from tests.helpers import (
    PIN,
    WindowFactory,
    hold_clinic_name,
    settle_layout,
    tap_button,
    type_pin,
    window_rect,
    write_settings,
)

WORD = "hazijaidhinishwa"


def open_staff_panel(qtbot: QtBot, window: MainWindow) -> None:
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)


def test_a_long_word_moves_to_the_next_line_whole_and_breaks_with_a_hyphen_only_when_it_must(
    qapp: QApplication, qtbot: QtBot
) -> None:
    label = BreakingLabel(f"Kurasa 34 bado {WORD} na kliniki.")
    qtbot.add_widget(label)
    font = QFont(label.font())
    font.setPixelSize(30)
    label.setFont(font)
    word_width = QFontMetrics(font).horizontalAdvance(WORD)
    label.resize(word_width + 40, 400)
    label.show()
    qtbot.wait_exposed(label)
    assert WORD in label.text(), "it fits a line of its own: wrapped at a space, not split"
    label.resize(word_width // 2, 400)
    assert SOFT_HYPHEN in label.text() and WORD not in label.text(), "split, with a hyphen"
    assert label.plain_text.replace(SOFT_HYPHEN, "") == label.plain_text
    assert label.heightForWidth(word_width // 2) > label.heightForWidth(word_width + 40)


def test_the_staff_panel_shows_kiswahili_words_whole(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50, default_language="sw")
    window = make_window()
    open_staff_panel(qtbot, window)
    status = window.overlays.staff_panel.status
    assert isinstance(status, BreakingLabel) and WORD in status.plain_text
    assert WORD in status.text(), "the panel is wide enough: no break inside the word"


@pytest.mark.parametrize("scale", [0.6, 0.65, 0.7, 0.75, 1.0])
def test_page_names_get_the_room_they_need(
    qapp: QApplication, qtbot: QtBot, scale: float
) -> None:
    chart = BarChart("Most-viewed pages this month")
    qtbot.add_widget(chart)
    chart.apply_theme(NORMAL, Metrics(scale))
    chart.resize(1400, 400)
    names = ["How it works", "Conditions being studied", "Hali zinazochunguzwa"]
    chart.set_data([(name, 3 - index) for index, name in enumerate(names)])
    label_font, _value_font = chart._row_fonts(chart._row_font_px())
    for row, name in zip(chart.rows(), names, strict=True):
        shown = QFontMetrics(label_font).elidedText(name, Qt.TextElideMode.ElideRight,
                                                    row.label.width())
        assert shown == name, f"{name!r} is cut to {shown!r} in {row.label.width()} px"


def test_days_are_named_in_the_panels_language(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    assert day_label(date(2026, 11, 30), "sw") == "Jumatatu 30 Nov"
    assert day_label(date(2026, 11, 30)) == "Mon 30 Nov"
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50, default_language="sw")
    window = make_window()
    open_staff_panel(qtbot, window)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    labels = [label for label, _count in window.overlays.usage_panel.visits.bars]
    assert labels[0] == day_label(date.today(), "sw")
    assert not any(label.startswith(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
                   for label in labels)


def test_pin_changed_stands_apart_from_kiosk_mode(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    open_staff_panel(qtbot, window)
    staff = window.overlays.staff_panel
    tap_button(qtbot, staff.change_pin_button)
    type_pin(qtbot, window.overlays.pin_pad, "97531")
    type_pin(qtbot, window.overlays.pin_pad, "97531")
    assert staff.notice.isVisible()
    settle_layout()
    notice, kiosk = window_rect(staff.notice, window), window_rect(staff.kiosk_label, window)
    assert kiosk.top() - notice.bottom() >= window.look.metrics.spacing


@pytest.mark.parametrize("language", ["en", "sw"])
def test_every_pad_message_ends_with_a_full_stop(
    qtbot: QtBot, make_window: WindowFactory, language: str, data_dir: Path
) -> None:
    write_settings(data_dir, staff_hold_ms=50, default_language=language)  # no PIN set
    window = make_window()
    hold_clinic_name(qtbot, window)
    message = window.overlays.pin_pad.message.text()
    assert "IT" in message and message.endswith("."), message


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_close_shows_its_icon_in_both_contrasts(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, high_contrast: bool
) -> None:
    write_settings(data_dir, high_contrast=high_contrast)
    window = make_window()
    tap_button(qtbot, window.nav_bar.help_button)
    button = window.overlays.help_panel.close_button
    image = button.icon().pixmap(button.iconSize()).toImage()
    drawn = [image.pixelColor(x, y) for x in range(image.width())
             for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
    assert drawn, "Close has an icon"
    background = window.look.palette.primary
    seen = sum(contrast_ratio(colour.name(), background) >= 3 for colour in drawn)
    assert seen > len(drawn) // 2, f"the icon vanishes on {background}"
    assert QColor(background).isValid()
