"""A full-screen kiosk moved to another screen fills that screen and lays out for it.

Offscreen Qt can be given two screens (a 1280x800 landscape one and a 1080x1920 portrait
one) through its configuration file, but only when the program starts, so the kiosk's
window runs in a process of its own.  Its native window is moved to the portrait screen,
as Qt does when a screen is unplugged or a window is sent elsewhere; the window must then
cover that whole screen with the portrait layout.  When Qt then reports that
screen removed, the window must move to the primary screen and fill it.  The control
run, without ``ScreenFit``, shows Qt alone leaves the window at the old screen's size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.spawns_processes

REPO = Path(__file__).resolve().parents[2]
SCREENS = {"screens": [
    {"name": "landscape", "x": 0, "y": 0, "width": 1280, "height": 800,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "portrait", "x": 1280, "y": 0, "width": 1080, "height": 1920,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
]}
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from kiosk.app import Options, application, build_window
from kiosk.ui.screen_fit import ScreenFit
from kiosk.ui.theme import Metrics, text_factor

application([], route_qt_messages=False)
window, _choice = build_window(Options(data_dir=Path(sys.argv[1]), kiosk=True))
window.present()
QTest.qWait(200)
if sys.argv[2] == "fit":
    ScreenFit(window)
start = window.screen().name()
landscape, portrait = QGuiApplication.screens()
window.windowHandle().setScreen(portrait)
QTest.qWait(300)
if sys.argv[3] == "unplug":  # Qt's word that the portrait screen has gone
    QGuiApplication.instance().screenRemoved.emit(portrait)
    QTest.qWait(300)
screen = window.screen().geometry()
print(json.dumps({
    "start": start, "screen": window.screen().name(),
    "fills": window.geometry() == screen and window.isFullScreen(),
    "layout_fits": window.look.metrics == Metrics.for_size(
        screen.width(), screen.height(), text_factor(window.session.text_step)),
}))
"""


def move_to_the_portrait_screen(tmp_path: Path, mode: str,
                                then: str = "stay") -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / mode), mode, then],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                            check=True)
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["start"] == "landscape"
    return report


def test_moved_to_another_screen_the_kiosk_fills_it_with_that_screens_layout(
    tmp_path: Path,
) -> None:
    report = move_to_the_portrait_screen(tmp_path, "fit")
    assert report["screen"] == "portrait"
    assert report["fills"], "the window must cover the whole portrait screen"
    assert report["layout_fits"]


def test_when_its_screen_goes_the_kiosk_fills_the_primary_one(tmp_path: Path) -> None:
    report = move_to_the_portrait_screen(tmp_path, "fit", then="unplug")
    assert report["screen"] == "landscape", "moved to the primary screen"
    assert report["fills"] and report["layout_fits"], "and laid out for it"


def test_without_screen_fit_qt_leaves_the_old_size(tmp_path: Path) -> None:
    """The control: what the kiosk looked like before ScreenFit."""
    report = move_to_the_portrait_screen(tmp_path, "nofit")
    assert report["screen"] == "portrait"
    assert not report["fills"]
