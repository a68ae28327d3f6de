"""The staff Usage page's bar chart: drawn in proportion, readable, honest when empty.

Charts are real widgets drawn offscreen and grabbed; bars are checked pixel by pixel
against the geometry the widget reports.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.theme import NORMAL, Metrics, Palette
from kiosk.ui.widgets.usage_chart import BarChart, day_bars, day_label

TITLE = "Visits per day, last 30 days"
HIGH_CONTRAST = Palette(background="#000000", surface="#000000", text="#FFFFFF",
                        muted_text="#FFFF00", primary="#00FFFF", border="#FFFFFF")


@pytest.fixture
def chart(qapp: QApplication, qtbot: QtBot) -> BarChart:
    widget = BarChart(TITLE)
    widget.apply_theme(NORMAL, Metrics(1.0))
    widget.resize(1000, 700)
    qtbot.add_widget(widget)
    return widget


def grab(chart: BarChart) -> QImage:
    image = chart.grab().toImage()
    image.setDevicePixelRatio(1.0)
    return image.scaled(chart.width(), chart.height())


def colour_at(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name().upper()


def has_run(image: QImage, colour: str, length: int) -> bool:
    """Whether some row of ``image`` has ``length`` pixels of exactly ``colour`` in a row."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    needle = QColor(colour).rgb().to_bytes(4, sys.byteorder) * length
    data, stride = bytes(pixels.constBits()), pixels.bytesPerLine()
    for y in range(pixels.height()):
        row = data[y * stride:y * stride + pixels.width() * 4]
        start = row.find(needle)
        while start != -1:
            if start % 4 == 0:
                return True
            start = row.find(needle, start + 1)
    return False


def test_bars_are_drawn_in_proportion_with_their_values_at_the_end(chart: BarChart) -> None:
    chart.set_data([("Mon", 12), ("Tue", 6), ("Wed", 3), ("Thu", 0)])
    rows = chart.rows()
    image = grab(chart)

    widths = [row.bar.width() for row in rows]
    assert widths[0] > 400
    assert widths[1] == pytest.approx(widths[0] / 2, abs=1)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=1)
    assert widths[3] == 0
    for row in rows[:3]:
        centre = row.bar.center()
        assert colour_at(image, centre.x(), centre.y()) == NORMAL.primary
        assert colour_at(image, row.bar.right() + 3, centre.y()) != NORMAL.primary
        assert row.value.left() > row.bar.right()
        assert row.label.right() < row.bar.left()
    assert max(row.value.right() for row in rows) <= chart.width()
    assert len({image.pixel(x, y) for x in range(0, 1000, 7) for y in range(0, 700, 7)}) > 3
    assert has_run(image, NORMAL.primary, widths[0]) and not has_run(image, NORMAL.primary,
                                                                      widths[0] + 1)


def test_no_data_or_only_zeros_shows_the_empty_state(chart: BarChart) -> None:
    for bars in ([], [("Mon", 0), ("Tue", 0)]):
        chart.set_data(bars)
        assert chart.is_empty
        assert chart.rows() == []
        assert chart.accessibleName() == f"{TITLE}: No visits yet"
        image = grab(chart)
        assert has_run(image, NORMAL.primary, 3)  # the title
        assert not has_run(image, NORMAL.primary, 60)  # but no bar
        below_title = image.copy(0, 120, chart.width(), chart.height() - 120)
        assert has_run(below_title, NORMAL.muted_text, 2)  # the empty-state words


def test_the_empty_text_can_be_changed(qapp: QApplication, qtbot: QtBot) -> None:
    pages = BarChart("Most-viewed pages this month", "No pages viewed yet")
    qtbot.add_widget(pages)
    assert pages.accessibleName() == "Most-viewed pages this month: No pages viewed yet"


def test_the_accessible_name_states_the_total(chart: BarChart) -> None:
    today = date(2026, 11, 18)
    counts = [0] * 30
    counts[3], counts[17], counts[29] = 5, 4, 3
    per_day = [(today - timedelta(days=29 - n), counts[n]) for n in range(30)]
    chart.set_data(day_bars(per_day))

    assert chart.accessibleName() == "Visits per day, last 30 days: 12 in total"
    description = chart.accessibleDescription()
    assert "Wed 18 Nov: 3" in description
    assert description.count(": 0") == 27
    assert len(chart.rows()) == 30


def test_day_labels_do_not_depend_on_the_locale() -> None:
    assert day_label(date(2026, 11, 2)) == "Mon 2 Nov"
    assert day_label(date(2027, 1, 31)) == "Sun 31 Jan"


def test_thirty_rows_shrink_to_fit_but_stay_readable(chart: BarChart) -> None:
    chart.set_data([(f"Day {n}", n) for n in range(1, 31)])
    natural, smallest = chart.sizeHint(), chart.minimumSizeHint()
    assert natural.height() > smallest.height() >= Metrics(1.0).control_height * 3

    chart.resize(1000, natural.height())
    roomy = chart.rows()[0].label.height()
    chart.resize(1000, smallest.height())
    tight = chart.rows()
    assert tight[-1].label.bottom() < chart.height()
    assert roomy > tight[0].label.height() >= 20  # design rows of 20 px text or more


def test_the_theme_colours_the_chart(chart: BarChart) -> None:
    chart.set_data([("Mon", 4), ("Tue", 2)])
    chart.apply_theme(HIGH_CONTRAST, Metrics(1.0))
    image = grab(chart)
    bar = chart.rows()[0].bar
    assert colour_at(image, bar.center().x(), bar.center().y()) == HIGH_CONTRAST.primary
    assert colour_at(image, 2, 2) == HIGH_CONTRAST.surface


def test_larger_screens_get_larger_charts(chart: BarChart) -> None:
    chart.set_data([("Mon", 4), ("Tue", 2)])
    small = chart.sizeHint()
    chart.apply_theme(NORMAL, Metrics.for_size(3840, 2160))
    large = chart.sizeHint()
    assert large.width() > small.width() and large.height() > small.height()
