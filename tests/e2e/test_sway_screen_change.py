"""The kiosk (from the source tree) under a real compositor follows its screen's changes.

sway's headless output is turned to portrait (``transform 90``), then back to landscape
at another resolution (``mode 1280x800``) while the kiosk runs; each time a capture of
the output must show the layout for the new shape filling it, as the offscreen picture
of the home screen at that size shows it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.kiosk_process import KioskProcesses
from tests.e2e.sway import difference, headless_sway, is_blank, wait_for
from tests.helpers import WindowFactory, settle_layout

pytestmark = [pytest.mark.spawns_processes, pytest.mark.slow, pytest.mark.compositor]

MATCH = 0.02  # at most 2% of pixels may differ (font smoothing, a blinking caret)
REPO = Path(__file__).resolve().parents[2]


def offscreen_home(make_window: WindowFactory, size: tuple[int, int]) -> QImage:
    """The home screen at ``size``, drawn offscreen as ``tigoni-kiosk screenshots`` does."""
    window = make_window(size)
    settle_layout()
    image = window.grab().toImage()
    window.shutdown()
    return image


def test_rotated_and_resized_outputs_are_filled_with_the_new_layout(
    make_window: WindowFactory, kiosk_processes: KioskProcesses, tmp_path: Path
) -> None:
    references = {size: offscreen_home(make_window, size)
                  for size in [(1920, 1080), (1080, 1920), (1280, 800)]}
    capture = tmp_path / "capture.png"
    with headless_sway((1920, 1080)) as sway:
        kiosk = kiosk_processes.start(sway, [sys.executable, "-m", "kiosk"],
                                      tmp_path / "data")
        last: list[QImage] = [QImage()]

        def shows(size: tuple[int, int]) -> bool:
            last[0] = sway.capture(capture)
            return difference(last[0], references[size]) < MATCH

        assert wait_for(lambda: shows((1920, 1080)), 90), \
            f"landscape home never filled the output: {last[0].size()}"
        sway.msg("output", "HEADLESS-1", "transform", "90")
        assert wait_for(lambda: shows((1080, 1920)), 20), (
            f"after turning the output to portrait the capture is {last[0].size()}, "
            f"{difference(last[0], references[(1080, 1920)]):.1%} unlike portrait home")
        last[0].save(str(tmp_path / "portrait.png"))
        sway.msg("output", "HEADLESS-1", "transform", "normal", "mode", "1280x800")
        assert wait_for(lambda: shows((1280, 800)), 20), (
            f"after the mode change the capture is {last[0].size()}, "
            f"{difference(last[0], references[(1280, 800)]):.1%} unlike home at 1280x800")
        assert not is_blank(last[0])
        assert kiosk.poll() is None
