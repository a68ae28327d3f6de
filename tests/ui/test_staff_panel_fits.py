"""The staff panel fits a 1920x1080 kiosk screen without scrolling (issue 20).

Every row a receptionist may need is in view at once, in its longest state: kiosk mode
on (with the reason Exit is grey), "PIN changed" just said, and IT's update refused (the
content line then gives the first reason as well as the pages waiting for sign-off), in
both languages and both contrasts, landscape and portrait.  "Erase usage counts" lives
on the Usage page, under the charts it empties.

Kiosk mode fills the screen, so each screen size runs in its own pytest process whose
offscreen screen has that size (``offscreen:configfile=``), as ``tests/e2e/test_monkey``
does; ``test_at_its_fullest_on_this_screen`` is skipped outside such a process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.panel import Panel
from kiosk.ui.panels.staff_panel import StaffPanel
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

NEW_PIN = "97531"
SCREEN_ENV = "STAFF_PANEL_SCREEN"  # "1920x1080": the size of this process's one screen
ROOT = Path(__file__).resolve().parents[2]


def refused_update(data_dir: Path) -> None:
    """IT's new content, with a page whose picture is missing: the kiosk refuses it."""
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    (update / "en" / "zz-new.md").write_text(
        "---\ntitle: New page\n---\nSee the chart.\n\n![A chart](chart.png)\n",
        encoding="utf-8")


def body_scrolls(panel: Panel) -> bool:
    """Whether the panel's body has more than it shows (a drag would be needed)."""
    settle_layout()
    body = panel.findChild(QScrollArea, "PanelBody")
    assert body is not None
    return body.verticalScrollBar().maximum() > 0


def assert_all_in_view(window: MainWindow, panel: Panel) -> None:
    """Every visible button and line of ``panel`` is inside the card and the window."""
    card = window_rect(panel.card, window)
    shown: list[QAbstractButton | QLabel] = [
        *panel.card.findChildren(QAbstractButton), *panel.card.findChildren(QLabel)]
    for widget in shown:
        if not widget.isVisibleTo(panel.card):
            continue
        rect = window_rect(widget, window)
        assert card.contains(rect), f"{widget.text()!r} {rect} is outside the card {card}"


def open_staff_panel_after_a_pin_change(qtbot: QtBot, window: MainWindow) -> StaffPanel:
    """The hidden gesture, the PIN, then Change PIN twice: the panel says "PIN changed"."""
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    staff = window.overlays.staff_panel
    tap_button(qtbot, staff.change_pin_button)
    type_pin(qtbot, window.overlays.pin_pad, NEW_PIN)
    type_pin(qtbot, window.overlays.pin_pad, NEW_PIN)
    assert staff.isVisible() and staff.notice.isVisible()
    return staff


@pytest.mark.spawns_processes
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["1920x1080", "1080x1920"])
def test_the_staff_panel_at_its_fullest_needs_no_scrolling(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "kiosk", "x": 0, "y": 0, "width": size[0], "height": size[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, SCREEN_ENV: f"{size[0]}x{size[1]}",
           "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_at_its_fullest_on_this_screen"],
        cwd=ROOT, env=env, text=True, capture_output=True, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "4 passed" in run.stdout, run.stdout[-2000:]


@pytest.mark.parametrize(("language", "high_contrast"), [
    ("en", False), ("sw", False), ("en", True), ("sw", True)])
def test_at_its_fullest_on_this_screen(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, language: str,
    high_contrast: bool,
) -> None:
    screen = os.environ.get(SCREEN_ENV)
    if screen is None:
        pytest.skip("run by test_the_staff_panel_at_its_fullest_needs_no_scrolling, "
                    "in a process whose screen has the size to check")
    width, height = (int(number) for number in screen.split("x"))
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50, kiosk_mode=True,
                   default_language=language, high_contrast=high_contrast)
    refused_update(data_dir)
    window = make_window((width, height))
    assert (window.width(), window.height()) == (width, height), "kiosk mode fills it"
    staff = open_staff_panel_after_a_pin_change(qtbot, window)
    assert staff.exit_reason.isVisible(), "kiosk mode on: why Exit is grey is said"
    assert "IT" in staff.status.text() and "zz-new.md" in staff.status.text()

    assert not body_scrolls(staff), f"the staff panel scrolls at {screen} in {language}"
    assert_all_in_view(window, staff)


def test_erase_usage_counts_is_on_the_usage_page_in_view(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    staff = window.overlays.staff_panel
    assert "Erase" not in " ".join(
        button.text() for button in staff.card.findChildren(QAbstractButton))
    tap_button(qtbot, staff.usage_button)
    usage = window.overlays.usage_panel
    assert usage.erase_button.isVisible()
    assert not body_scrolls(usage)
    assert_all_in_view(window, usage)


def test_erase_usage_counts_stays_in_view_under_a_month_of_counts(
    qtbot: QtBot, counted: MainWindow, data_dir: Path
) -> None:
    import sqlite3
    from datetime import date, timedelta

    from kiosk.stats import DATABASE_FILE

    window = counted
    window.recorder.visit_started("en")
    window.recorder.page_viewed("safety", "en")
    assert window.recorder.flush()  # the database exists; now a month of counts
    today = date.today()
    with sqlite3.connect(data_dir / DATABASE_FILE) as database:
        for back in range(30):
            day = (today - timedelta(days=back)).isoformat()
            database.execute("INSERT OR REPLACE INTO visit_counts (day, language, visits) "
                             "VALUES (?, 'en', ?)", (day, 3 + back % 7))
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    usage = window.overlays.usage_panel
    settle_layout()
    assert usage.visits.total > 30 * 3
    card = window_rect(usage.card, window)
    erase = window_rect(usage.erase_button, window)
    assert card.contains(erase) and window.rect().contains(erase), (
        f"Erase {erase} is in view without scrolling the charts (card {card})")
    body = usage.findChild(QScrollArea, "PanelBody")
    assert body is not None and not body.isAncestorOf(usage.erase_button)
