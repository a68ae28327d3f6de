"""Kiosk mode hides the pointer on a real X server, however it was switched on (issue 20).

The test starts its own Xvfb, runs the real kiosk on it, switches kiosk mode through the
staff panel, and reads the cursor the X server really shows with XFixes
(``XFixesGetCursorImage``), not Qt's idea of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.session.pin import hash_pin
from tests.helpers import PIN, write_settings
from tests.x11.conftest import Kiosk
from tests.x11.xlib import visible_cursor_pixels

pytestmark = pytest.mark.spawns_processes  # Xvfb and the kiosk itself


def test_kiosk_mode_switched_on_from_the_staff_panel_hides_the_pointer_and_off_shows_it(
        start_kiosk: Callable[[], Kiosk], data_dir: Path) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN))
    kiosk = start_kiosk()
    display = kiosk.display
    assert visible_cursor_pixels(display) > 0, "an ordinary window shows the pointer"
    kiosk.do("kiosk-on")
    assert visible_cursor_pixels(display) == 0, "kiosk mode must hide the pointer"
    kiosk.do("kiosk-off")
    assert visible_cursor_pixels(display) > 0, "kiosk mode off shows the pointer again"
    kiosk.do("kiosk-on")
    assert visible_cursor_pixels(display) == 0, "and hides it again the second time"


def test_a_kiosk_started_in_kiosk_mode_hides_the_pointer_until_switched_off(
        start_kiosk: Callable[[], Kiosk], data_dir: Path) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), kiosk_mode=True)
    kiosk = start_kiosk()
    assert visible_cursor_pixels(kiosk.display) == 0
    kiosk.do("kiosk-off")
    assert visible_cursor_pixels(kiosk.display) > 0
