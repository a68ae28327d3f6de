"""settings.json as IT writes it by hand: what IT reads in the log, what staff read on the pad.

Notepad adds a byte-order mark or saves UTF-16, editors write CRLF and tabs: all read.  Each
wrong setting is one ``<path>:<line>: <setting>: <problem; what is used>`` line, and only
that setting takes its safe value; unknown keys are kept in the file and a close match is
suggested.  Only a file that is not a JSON object is corrupt (tests/test_broken_settings.py),
and then the pad says the settings could not be read, not that no PIN is set.
"""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Options, build_window
from kiosk.cli import main
from kiosk.session.pin import hash_pin
from kiosk.session.pin_entry import PadMode
from kiosk.session.staff import StaffAccess
from kiosk.settings import SETTINGS_FILE, SettingsStore
from kiosk.ui.main_window import MainWindow

PIN = "2468"
PIN_HASH = hash_pin(PIN)
# What IT might type, a PIN set by set-pin in it, laid out as a person would.
BY_HAND = (
    '{\n'
    '\t"kiosk_mode": true,\n'
    f'\t"pin_hash": "{PIN_HASH}",\n'
    '\t"kiosk_name": "recovery-room",\n'
    '\t"inbox_folders": ["/media/usb"],\n'
    '\t"idle_timeout_s": 120\n'
    '}'
)


def warnings_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "kiosk.settings" and record.levelno == logging.WARNING]


def load(data_dir: Path, text: str, caplog: pytest.LogCaptureFixture) -> SettingsStore:
    (data_dir / SETTINGS_FILE).write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        return SettingsStore(data_dir)


# --- A5: what editors save ----------------------------------------------------------------


@pytest.mark.parametrize(("editor", "encode"), [
    ("Notepad, UTF-8 with BOM", lambda text: b"\xef\xbb\xbf" + text.encode()),
    ("Notepad, CRLF and a final newline",
     lambda text: (text + "\n").replace("\n", "\r\n").encode()),
    ("nano, final newline", lambda text: (text + "\n").encode()),
    ("no final newline", lambda text: text.encode()),
    ("Notepad 'Unicode' (UTF-16 LE with BOM)", lambda text: text.encode("utf-16")),
    ("UTF-16 BE with BOM", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    ("UTF-8 with BOM and CRLF",
     lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()),
])
def test_what_editors_save_is_read_with_every_setting_and_the_pin(
    data_dir: Path, caplog: pytest.LogCaptureFixture, editor: str, encode: object,
) -> None:
    assert callable(encode)
    (data_dir / SETTINGS_FILE).write_bytes(encode(BY_HAND))
    with caplog.at_level(logging.WARNING):
        store = SettingsStore(data_dir)
    assert warnings_logged(caplog) == [], editor
    assert not list(data_dir.glob(f"{SETTINGS_FILE}.corrupt-*"))
    settings = store.settings
    assert settings.pin_hash == PIN_HASH and settings.kiosk_name == "recovery-room"
    assert settings.inbox_folders == ["/media/usb"] and settings.idle_timeout_s == 120
    assert StaffAccess(store).seconds_locked() == 0, "no lock-out for a harmless BOM"


def test_a_file_that_is_not_json_names_the_file_and_the_line(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, BY_HAND.replace('"recovery-room",', '"recovery-room"'), caplog)
    path = data_dir / SETTINGS_FILE
    [aside_line, corrupt_line] = warnings_logged(caplog)
    assert aside_line.startswith(f"moved the corrupt settings file to {path}.corrupt-")
    assert corrupt_line == (f"{path}:5: settings file is corrupt: not valid JSON (Expecting "
                            "',' delimiter, column 2): using defaults with kiosk mode on and "
                            "the PIN pad locked")
    assert store.settings.kiosk_mode, "fails closed"


def test_a_windows_ansi_file_names_the_line_and_how_to_save_it(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    (data_dir / SETTINGS_FILE).write_bytes(b'{\n  "kiosk_mode": true,\n'
                                           b'  "kiosk_name": "Cl\xednica"\n}')
    with caplog.at_level(logging.WARNING):
        SettingsStore(data_dir)
    assert any(f"{data_dir / SETTINGS_FILE}:3: settings file is corrupt: this line is not "
               "UTF-8 text (in Notepad: Save as, Encoding: UTF-8)" in message
               for message in warnings_logged(caplog)), warnings_logged(caplog)


# --- A4: one rule for every setting -------------------------------------------------------


TRIAL_D2 = (
    '{\n'
    f'  "pin_hash": "{PIN_HASH}",\n'
    '  "kiosk_name": "recovery-room",\n'
    '  "idle_timeout_s": 5,\n'
    '  "warning_s": 2,\n'
    '  "default_language": "fr",\n'
    '  "default_text_step": 9,\n'
    '  "idle_timeot_s": 200\n'
    '}\n'
)


def test_each_mistake_is_one_line_naming_file_line_and_what_is_used(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, TRIAL_D2, caplog)
    path = data_dir / SETTINGS_FILE
    assert warnings_logged(caplog) == [
        f"{path}:4: idle_timeout_s: 5 is outside 30 to 300 seconds; using 30",
        f"{path}:5: warning_s: 2 is outside 5 to 60 seconds; using 5",
        f"{path}:6: default_language: must be one of en, sw; using en",
        f"{path}:7: default_text_step: 9 is outside 0 to 3; using 3",
        f"{path}:8: idle_timeot_s: is not a setting the kiosk knows (did you mean "
        "idle_timeout_s?); it is kept in the file but not used",
    ]
    settings = store.settings
    assert (settings.idle_timeout_s, settings.warning_s) == (30, 5)
    assert (settings.default_language, settings.default_text_step) == ("en", 3)
    assert settings.pin_hash == PIN_HASH and settings.kiosk_name == "recovery-room"
    assert not list(data_dir.glob(f"{SETTINGS_FILE}.corrupt-*")), "not corrupt"
    assert store.problems == warnings_logged(caplog)


def test_kiosk_mode_not_true_or_false_locks_down_and_keeps_the_rest(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, '{\n  "kiosk_name": "front",\n  "kiosk_mode": "no",\n'
                           '  "staff_panel_timeout_s": 100000\n}', caplog)
    path = data_dir / SETTINGS_FILE
    assert warnings_logged(caplog) == [
        f"{path}:3: kiosk_mode: must be true or false, without quotes; using true "
        "(locked down, the safe choice)",
        f"{path}:4: staff_panel_timeout_s: 100000 is outside 10 to 120 seconds; using 120",
    ]
    assert store.settings.kiosk_mode and store.settings.staff_panel_timeout_s == 120
    assert store.settings.kiosk_name == "front"


@pytest.mark.parametrize(("lock_out", "wrong"), [
    ('{"failures": "many"}', "failures"),
    ('{"locked_until": NaN}', "locked_until"),
    ('{"locked_until": Infinity}', "locked_until"),
    ('{"failures": -50}', "failures"),
    ('"never"', ""),
])
def test_a_wrong_lock_out_locks_the_pad_and_keeps_the_pin(
    data_dir: Path, caplog: pytest.LogCaptureFixture, lock_out: str, wrong: str,
) -> None:
    store = load(data_dir, f'{{"pin_hash": "{PIN_HASH}",\n "lock_out": {lock_out}}}', caplog)
    [message] = warnings_logged(caplog)
    assert message.startswith(f"{data_dir / SETTINGS_FILE}:2: lock_out: {wrong}")
    assert message.endswith("the PIN pad is locked for 15 minutes")
    assert StaffAccess(store).seconds_locked() > 14 * 60
    assert store.settings.pin_hash == PIN_HASH, "the PIN is not lost"


def test_a_repeated_key_names_the_line_of_the_one_used(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, '{\n"idle_timeout_s": 60,\n"idle_timeout_s": 180\n}', caplog)
    assert warnings_logged(caplog) == [f"{data_dir / SETTINGS_FILE}:3: idle_timeout_s: is "
                                       "in the file twice; the last one is used"]
    assert store.settings.idle_timeout_s == 180


def test_unknown_keys_and_wrong_values_stay_in_the_file_until_staff_change_them(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, TRIAL_D2, caplog)
    store.settings.high_contrast = True  # any change staff make is saved at once
    assert store.save()
    written = json.loads((data_dir / SETTINGS_FILE).read_text("utf-8"))
    assert written["idle_timeot_s"] == 200, "IT's typo is not silently deleted"
    assert written["idle_timeout_s"] == 5 and written["default_language"] == "fr"
    assert written["high_contrast"] is True
    store.settings.idle_timeout_s = 60  # staff choose a timeout on the panel
    assert store.save()
    written = json.loads((data_dir / SETTINGS_FILE).read_text("utf-8"))
    assert written["idle_timeout_s"] == 60 and written["idle_timeot_s"] == 200
    store.settings.idle_timeout_s = 30  # and back to what 5 was read as: staff's, not IT's
    assert store.save()
    assert json.loads((data_dir / SETTINGS_FILE).read_text("utf-8"))["idle_timeout_s"] == 30


def test_mistakes_in_a_file_changed_while_running_are_logged_the_same_way(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    store = load(data_dir, BY_HAND, caplog)
    (data_dir / SETTINGS_FILE).write_bytes(
        b"\xef\xbb\xbf" + BY_HAND.replace('"idle_timeout_s": 120', '"idle_timeout_s": 5')
        .replace("\n", "\r\n").encode())
    with caplog.at_level(logging.WARNING):
        assert store.reload() == ["idle_timeout_s"]
        assert store.reload() == [], "logged once, not at every look"
    assert warnings_logged(caplog) == [
        f"{data_dir / SETTINGS_FILE}:6: idle_timeout_s: 5 is outside 30 to 300 seconds; "
        "using 30"]
    assert store.settings.idle_timeout_s == 30 and store.settings.pin_hash == PIN_HASH


def test_check_with_a_data_dir_lists_the_settings_mistakes(
    data_dir: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (data_dir / SETTINGS_FILE).write_text(TRIAL_D2, encoding="utf-8")
    assert main(["check", "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr().out
    path = data_dir / SETTINGS_FILE
    assert f"{path}:4: idle_timeout_s: 5 is outside 30 to 300 seconds; using 30" in out
    assert f"{path}:8: idle_timeot_s: is not a setting" in out
    assert f"5 mistake(s) in {path}" in out
    (data_dir / SETTINGS_FILE).write_text(BY_HAND, encoding="utf-8")
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert f"settings OK: {path}" in capsys.readouterr().out


# --- A6: what the pad says after a corrupt file -------------------------------------------


def open_pad(qtbot: QtBot, data_dir: Path, lang: str = "en") -> MainWindow:
    window, _choice = build_window(Options(data_dir=data_dir, size=(1280, 800), language=lang))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    window.present()
    qtbot.wait_exposed(window)
    window.session.open_staff_access()
    window.session.pin_entry.start(PadMode.ENTER)
    window.overlays.pin_pad.refresh()
    return window


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "The kiosk's settings could not be read. Ask IT."),
    ("sw", "Mipangilio ya kioski haikuweza kusomwa. Uliza IT."),
])
def test_after_a_corrupt_file_the_pad_says_the_settings_could_not_be_read(
    qtbot: QtBot, data_dir: Path, lang: str, words: str,
) -> None:
    (data_dir / SETTINGS_FILE).write_text(BY_HAND.replace("true,", "true"), encoding="utf-8")
    window = open_pad(qtbot, data_dir, lang)
    assert window.overlays.pin_pad.message.text() == words
    [aside] = data_dir.glob(f"{SETTINGS_FILE}.corrupt-*")
    assert re.fullmatch(r"settings\.json\.corrupt-\d{8}-\d{6}", aside.name), aside.name
    stamp = time.mktime(time.strptime(aside.name[-15:], "%Y%m%d-%H%M%S"))
    assert abs(stamp - time.time()) < 60, "the local date and time it was moved aside"
    window.shutdown()
    again = open_pad(qtbot, data_dir, lang)
    assert again.overlays.pin_pad.message.text() == words, "still true on the next start"


def test_a_wrong_pin_hash_is_not_called_no_pin(
    qtbot: QtBot, data_dir: Path,
) -> None:
    (data_dir / SETTINGS_FILE).write_text('{"pin_hash": 2468}', encoding="utf-8")
    window = open_pad(qtbot, data_dir)
    assert window.overlays.pin_pad.message.text() == (
        "The kiosk's settings could not be read. Ask IT.")
    assert json.loads((data_dir / SETTINGS_FILE).read_text("utf-8")) == {"pin_hash": 2468}


def test_with_no_pin_ever_set_the_pad_still_says_so(qtbot: QtBot, data_dir: Path) -> None:
    window = open_pad(qtbot, data_dir)
    assert window.overlays.pin_pad.message.text() == "No staff PIN is set: ask IT."


def test_mistakes_are_listed_in_the_order_of_the_file(
    data_dir: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    text = ('{\n"idle_timot_s": 60,\n"default_text_step": 9,\n"kiosk_mode": "no",\n'
            '"default_text_step": 2\n}')
    load(data_dir, text, caplog)
    lines = [int(message.split(":")[1]) for message in warnings_logged(caplog)]
    assert lines == sorted(lines) and lines[0] == 2, warnings_logged(caplog)
