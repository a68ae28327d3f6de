"""``tigoni-kiosk screenshots`` writes a real picture of every screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.commands.screenshots import all_screen_ids, panel_scenes, screen_file_name
from kiosk.ui.main_window import MainWindow


def test_screenshots_writes_a_png_for_every_screen(
    tmp_path: Path, data_dir: Path, window: MainWindow
) -> None:
    out = tmp_path / "shots"
    assert main(["--data-dir", str(data_dir), "screenshots", str(out), "--size", "1280x800"]) == 0
    expected = {screen_file_name(screen_id) for screen_id in all_screen_ids(window)}
    expected |= {name for name, _show in panel_scenes(window)}
    assert {"home.png", "page-contact.png", "panel-help.png", "panel-link.png"} <= expected
    assert {path.name for path in out.glob("*.png")} == expected
    home = QImage(str(out / "home.png"))
    assert (home.width(), home.height()) == (1280, 800)
    colours = {home.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
    assert len(colours) > 3, "the picture must show something, not a blank screen"
