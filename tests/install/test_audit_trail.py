"""The audit trail: every staff action lands in the kiosk's log with its time, no PIN ever.

Driven the way reception does it (hidden gesture, PIN pad, staff panel), then the log
file in the data folder is read as IT would read it (issue 20, point 10).
"""

from __future__ import annotations

import io
import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.cli import main
from kiosk.content.source import ContentOrigin, choose_content
from kiosk.logs import LOG_NAME, setup_logging
from kiosk.session.pin import hash_pin
from kiosk.session.pin_entry import PadMode
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.erase_usage import EraseUsageConfirm
from kiosk.ui.panels.exit_confirm import ExitConfirm
from tests.helpers import PIN as HELPERS_PIN  # the ``counted`` window's
from tests.helpers import WindowFactory, hold_clinic_name, tap_button, type_pin, write_settings

PIN = "975318"
NEW_PIN = "864209"
WRONG_PIN = "11223344"
STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ")


@pytest.fixture
def audit_log(data_dir: Path) -> Iterator[Path]:
    """The kiosk's own log file in the data folder, set up as ``run`` sets it up."""
    path = setup_logging(data_dir)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()


def audit_lines(path: Path) -> list[str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if " kiosk.audit: " in line]
    assert all(STAMP.match(line) for line in lines), "every line starts with its time"
    return [line.split(" kiosk.audit: ", 1)[1] for line in lines]


def test_each_staff_action_is_logged_with_its_time_and_no_pin(
    qtbot: QtBot, data_dir: Path, audit_log: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, WRONG_PIN)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    panel = window.overlays.staff_panel
    assert panel.isVisible()
    tap_button(qtbot, panel.kiosk_button)
    tap_button(qtbot, panel.idle_longer)
    tap_button(qtbot, panel.language_buttons["sw"])
    tap_button(qtbot, panel.change_pin_button)
    assert window.overlays.pin_pad.mode is PadMode.NEW
    type_pin(qtbot, window.overlays.pin_pad, NEW_PIN)
    type_pin(qtbot, window.overlays.pin_pad, NEW_PIN)
    assert panel.isVisible()
    tap_button(qtbot, panel.kiosk_button)
    tap_button(qtbot, panel.exit_button)
    confirm = panel.findChild(ExitConfirm)
    assert confirm is not None
    tap_button(qtbot, confirm.exit_button)

    lines = audit_lines(audit_log)
    assert lines == [
        "wrong staff PIN (tries left before the pad locks: 4)",
        "staff PIN accepted",
        "staff panel opened",
        "kiosk mode switched on",
        "setting idle_timeout_s changed from 90 to 120 by the kiosk",
        "setting default_language changed from 'en' to 'sw' by the kiosk",
        "staff PIN changed (staff panel)",
        "kiosk mode switched off",
        "staff closed the kiosk program",
    ]
    text = audit_log.read_text(encoding="utf-8")
    for secret in (PIN, NEW_PIN, WRONG_PIN, "scrypt"):
        assert secret not in text


def test_wrong_pins_and_the_lock_out_are_logged(
    qtbot: QtBot, data_dir: Path, audit_log: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    for _ in range(5):
        type_pin(qtbot, window.overlays.pin_pad, WRONG_PIN)
    window.session.staff_access.try_pin(PIN)  # the keys are greyed; the check refuses it too
    lines = audit_lines(audit_log)
    assert lines[:4] == [f"wrong staff PIN (tries left before the pad locks: {left})"
                         for left in (4, 3, 2, 1)]
    assert lines[4] == "PIN pad locked for 60 s after too many wrong PINs"
    assert lines[5].startswith("PIN typed while the pad is locked (")
    assert PIN not in audit_log.read_text(encoding="utf-8")


def test_a_setting_changed_by_another_program_is_logged_with_old_and_new_value(
    data_dir: Path, audit_log: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    write_settings(data_dir, idle_timeout_s=180, pin_hash=hash_pin(PIN))
    assert window.session.staff_access.has_pin  # the kiosk reads the file when staff use the pad
    assert audit_lines(audit_log) == [
        "setting pin_hash changed in the settings file, by another program",
        "setting idle_timeout_s changed from 90 to 180 in the settings file, by another "
        "program",
    ]


def test_content_updates_accepted_and_refused_are_logged(
    data_dir: Path, audit_log: Path, tmp_path: Path
) -> None:
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    assert choose_content(None, data_dir).origin is ContentOrigin.UPDATED
    page = next(update.glob("en/*.md"))
    page.write_text("---\ntitle: Broken\n---\n![A picture](missing.png)\n", encoding="utf-8")
    assert choose_content(None, data_dir).origin is ContentOrigin.BUNDLED
    lines = audit_lines(audit_log)
    assert re.fullmatch(rf"content update accepted: showing \d+ pages from {update}", lines[0])
    assert lines[1] == (f"content update refused: 1 problem(s) in {update}; showing the "
                        "bundled content")
    assert lines[2] == f"  {page}:4: image 'missing.png' does not exist"


def test_erasing_the_usage_counts_is_logged_by_the_audit_trail(
    qtbot: QtBot, audit_log: Path, counted: MainWindow
) -> None:
    window = counted
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, HELPERS_PIN)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    tap_button(qtbot, window.overlays.usage_panel.erase_button)
    confirm = window.overlays.usage_panel.findChild(EraseUsageConfirm)
    assert confirm is not None
    tap_button(qtbot, confirm.erase_button)
    assert confirm.message.text() == "Usage counts erased."
    assert audit_lines(audit_log)[-1] == "staff erased the usage counts"
    assert "erased by staff" not in audit_log.read_text(encoding="utf-8"), \
        "said once, by the audit trail"


def test_staff_access_closing_by_hand_and_by_itself_is_logged(
    qtbot: QtBot, data_dir: Path, audit_log: Path, make_window: WindowFactory
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    tap_button(qtbot, window.overlays.usage_panel.close_button)  # back to the panel
    tap_button(qtbot, window.overlays.staff_panel.close_button)
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    window.session.staff_timer.timeout.emit()  # 30 s without a touch
    assert audit_lines(audit_log) == [
        "staff PIN accepted",
        "staff panel opened",
        "staff panel closed by staff",
        "staff PIN accepted",
        "staff panel opened",
        "staff panel closed after 30 s without a touch",
    ]


def test_set_pin_writes_its_audit_line_to_the_kiosks_log_even_with_the_kiosk_stopped(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{NEW_PIN}\n"))
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 0
    log_file = data_dir / "logs" / LOG_NAME
    assert audit_lines(log_file) == ["staff PIN changed (set-pin)"]
    assert NEW_PIN not in log_file.read_text(encoding="utf-8")
    written = capsys.readouterr()
    assert "kiosk.audit" not in written.out + written.err, "the terminal gets one line"
    assert written.out.startswith("Staff PIN saved in ")
