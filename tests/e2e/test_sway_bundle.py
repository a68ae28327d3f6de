"""The frozen bundle as the installed unit runs it, under a real Wayland compositor.

Built by ``make build``; skipped (with the reason) where there is no bundle, no sway or
grim, or no ordinary user to run sway as.  The kiosk starts with ``--kiosk`` on a
1920x1080 headless sway output; a capture of the output must not be blank and must
match the bundle's own offscreen screenshot of home at that size.  Then it is killed
with SIGKILL, as a crash would end it, and started again as systemd would (the test is
the service manager here): the home screen is back on the output within 5 s.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.kiosk_process import KioskProcesses
from tests.e2e.sway import difference, headless_sway, is_blank, wait_for

pytestmark = [pytest.mark.spawns_processes, pytest.mark.slow, pytest.mark.compositor]

REPO = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("TIGONI_BUNDLE", REPO / "dist" / "tigoni-kiosk" / "tigoni-kiosk"))
MATCH = 0.02  # at most 2% of pixels may differ (font smoothing)
BACK_WITHIN_S = 5.0


@pytest.fixture
def bundle() -> Path:
    if not os.access(BUNDLE, os.X_OK):
        pytest.skip(f"no kiosk bundle at {BUNDLE}: build it with `make build` first")
    return BUNDLE


def offscreen_home(bundle: Path, out_dir: Path) -> QImage:
    """The bundle's own screenshot of home at 1920x1080 (``screenshots`` command)."""
    subprocess.run([str(bundle), "--data-dir", str(out_dir / "data"), "screenshots",
                    str(out_dir / "shots"), "--size", "1920x1080"], check=True,
                   capture_output=True, timeout=300,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    image = QImage(str(out_dir / "shots" / "home.png"))
    assert not image.isNull() and not is_blank(image)
    return image


def test_frozen_kiosk_fills_the_output_and_comes_back_after_kill_9(
    bundle: Path, kiosk_processes: KioskProcesses, tmp_path: Path
) -> None:
    capture = tmp_path / "capture.png"
    data_dir = tmp_path / "kiosk-data"
    with headless_sway((1920, 1080)) as sway:  # skips first where sway cannot run
        reference = offscreen_home(bundle, tmp_path)
        last: list[QImage] = [QImage()]

        def shows_home() -> bool:
            last[0] = sway.capture(capture)
            return difference(last[0], reference) < MATCH

        kiosk = kiosk_processes.start(sway, [str(bundle)], data_dir)
        assert wait_for(shows_home, 90), (
            f"the output never showed home: capture {last[0].size()}, blank "
            f"{is_blank(last[0])}, {difference(last[0], reference):.1%} unlike the screenshot")
        assert not is_blank(last[0])
        last[0].save(str(tmp_path / "first.png"))

        os.kill(kiosk.pid, signal.SIGKILL)
        kiosk.wait(timeout=30)
        assert wait_for(lambda: not shows_home(), 10), "the capture still shows a dead kiosk"

        started = time.monotonic()
        again = kiosk_processes.start(sway, [str(bundle)], data_dir)
        back = wait_for(shows_home, 30, step=0.1)
        took = time.monotonic() - started
        last[0].save(str(tmp_path / "again.png"))
        assert back and took <= BACK_WITHIN_S, (
            f"home was back after {took:.1f} s (at most {BACK_WITHIN_S} s allowed)"
            if back else "home never came back after the restart")
        assert again.poll() is None
