"""A windowed start fits the screen it starts on, frame and all (``make run`` on a laptop).

The real program starts on Qt's offscreen platform configured with one screen of the
size under test, and reports where its window lies once the home screen has painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.spawns_processes


def window_frame_on(tmp_path: Path, width: int, height: int) -> tuple[int, int, int, int]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "kiosk-test", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "dpr": 1}]}), "utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "data"),
         "--exit-after-first-paint"],
        env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    where = result.stdout.split()[3]
    x, y, size = where.split(",")
    frame_width, frame_height = size.split("x")
    return int(x), int(y), int(frame_width), int(frame_height)


@pytest.mark.parametrize("screen", [(1024, 600), (1280, 800), (1366, 768), (1920, 1080)],
                         ids=lambda size: f"{size[0]}x{size[1]}")
def test_on_a_small_screen_the_window_fills_it_and_no_more(
    tmp_path: Path, screen: tuple[int, int]
) -> None:
    x, y, width, height = window_frame_on(tmp_path, *screen)
    assert x >= 0 and y >= 0
    assert x + width <= screen[0] and y + height <= screen[1]
    assert width >= screen[0] - 100 and height >= screen[1] - 100  # and uses the room


def test_on_a_big_screen_the_window_is_the_usual_size(tmp_path: Path) -> None:
    _x, _y, width, height = window_frame_on(tmp_path, 3840, 2160)
    assert 1920 <= width <= 1920 + 100 and 1080 <= height <= 1080 + 100


def test_a_locked_down_kiosk_fills_the_screen_and_the_quick_start_flag_still_exits(
    tmp_path: Path
) -> None:
    """Kiosk mode refuses to close; ``--exit-after-first-paint`` must end all the same."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"kiosk_mode": True}), "utf-8")
    assert window_frame_on(tmp_path, 1366, 768) == (0, 0, 1366, 768)
