"""The staff panel's content line in words a receptionist understands (issue 20, point 9).

No jargon ("warnings"), right plurals, and when IT's update was refused the first reason
is on the panel itself, since staff cannot read the log.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.session.pin import hash_pin
from tests.helpers import WindowFactory, hold_clinic_name, type_pin, write_settings

PIN = "2468"


def open_panel_text(qtbot: QtBot, data_dir: Path, make_window: WindowFactory,
                    language: str = "en") -> str:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50,
                   default_language=language)
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    assert window.overlays.staff_panel.isVisible()
    return str(window.overlays.staff_panel.status.text())


def unsigned_pages() -> int:
    bundled = resources.bundled_content_dir()
    return sum(1 for page in bundled.glob("*/**/*.md")
               if "reviewed_by:" not in page.read_text(encoding="utf-8"))


def test_bundled_content_says_how_many_pages_wait_for_sign_off(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    text = open_panel_text(qtbot, data_dir, make_window)
    assert text.startswith("Showing the content that came with the program.")
    waiting = unsigned_pages()
    if waiting:
        assert f"{waiting} pages are not yet signed off by the clinic." in text
    for jargon in ("warning", "problems", "bundled", "log"):
        assert jargon not in text.lower()


def test_a_refused_update_shows_its_first_reason_on_the_panel(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    (update / "en" / "zz-new.md").write_text(
        "---\ntitle: New page\n---\nSee the chart.\n\n![A chart](chart.png)\n",
        encoding="utf-8")
    text = open_panel_text(qtbot, data_dir, make_window)
    assert text.startswith("New content from IT was not used: "
                           "en/zz-new.md line 6: image 'chart.png' does not exist.")


def test_two_mistakes_say_mistakes_and_the_first_one(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    (update / "en" / "zz-new.md").write_text(
        "---\ntitle: New page\n---\n![A chart](chart.png) ![A map](map.png)\n",
        encoding="utf-8")
    text = open_panel_text(qtbot, data_dir, make_window, language="sw")
    assert text.startswith("Maudhui mapya kutoka kwa IT hayakutumika (makosa 2). La kwanza: "
                           "en/zz-new.md mstari 4: image 'chart.png' does not exist.")
