"""Settings written by another program while the kiosk runs are read, never overwritten.

Each test runs a second, real process (``tigoni-kiosk set-pin``, a second kiosk) beside
the kiosk window the test drives, as IT would on the kiosk PC (issue 20, point 3).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.instance import LOCK_FILE
from kiosk.session.pin import hash_pin, pin_matches
from tests.helpers import WindowFactory, hold_clinic_name, tap_button, type_pin, write_settings

pytestmark = pytest.mark.spawns_processes

REPO = Path(__file__).resolve().parents[2]
OLD_PIN = "2468"
NEW_PIN = "1357"


def kiosk_command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), *args]


def run_kiosk(data_dir: Path, *args: str, stdin: str = "",
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(kiosk_command(data_dir, *args), input=stdin, capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=timeout, check=False)


def saved(data_dir: Path) -> dict[str, object]:
    values: dict[str, object] = json.loads((data_dir / "settings.json").read_text("utf-8"))
    return values


@pytest.fixture
def staff_ready(data_dir: Path) -> Path:
    write_settings(data_dir, pin_hash=hash_pin(OLD_PIN), staff_hold_ms=50)
    return data_dir


def test_a_pin_set_by_it_while_the_kiosk_runs_takes_effect_at_once(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    result = run_kiosk(staff_ready, "set-pin", stdin=f"{NEW_PIN}\n")
    assert result.returncode == 0, result.stderr

    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, OLD_PIN)
    assert window.overlays.pin_pad.message.text() == "Wrong PIN. Tries left: 4."
    stored = str(saved(staff_ready)["pin_hash"])
    assert pin_matches(NEW_PIN, stored), "the wrong try must not write the old PIN back"
    type_pin(qtbot, window.overlays.pin_pad, NEW_PIN)
    assert window.overlays.staff_panel.isVisible()


def test_a_pin_set_by_it_ends_a_lock_out_at_once(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    hold_clinic_name(qtbot, window)
    for _ in range(5):
        type_pin(qtbot, window.overlays.pin_pad, "1111")
    assert "Try again in" in window.overlays.pin_pad.message.text()
    assert run_kiosk(staff_ready, "set-pin", stdin=f"{NEW_PIN}\n").returncode == 0
    assert window.session.staff_access.try_pin(NEW_PIN).value == "accepted"


def test_settings_changed_on_disk_survive_the_kiosks_next_save(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, OLD_PIN)
    assert window.overlays.staff_panel.isVisible()
    # Another program (here a second process through the same store) changes the timeout.
    script = ("import sys; from pathlib import Path; from kiosk.settings import SettingsStore;"
              "s = SettingsStore(Path(sys.argv[1])); s.settings.idle_timeout_s = 300;"
              "s.settings.default_language = 'sw'; sys.exit(0 if s.save() else 1)")
    other = subprocess.run([sys.executable, "-c", script, str(staff_ready)], cwd=REPO,
                           capture_output=True, text=True, check=False, timeout=60)
    assert other.returncode == 0, other.stderr

    tap_button(qtbot, window.overlays.staff_panel.kiosk_button)  # the kiosk saves kiosk mode
    on_disk = saved(staff_ready)
    assert on_disk["kiosk_mode"] is True
    assert on_disk["idle_timeout_s"] == 300 and on_disk["default_language"] == "sw"
    assert window.settings.idle_timeout_s == 300, "the running kiosk takes the change in"
    assert pin_matches(OLD_PIN, str(on_disk["pin_hash"]))


def test_the_kiosk_keeps_its_own_change_when_both_changed_one_setting(
    qtbot: QtBot, staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    write_settings(staff_ready, idle_timeout_s=300)  # IT, by hand, while the kiosk runs
    window.store.settings.idle_timeout_s = 60  # the receptionist's tap, a moment later
    assert window.store.save()
    assert saved(staff_ready)["idle_timeout_s"] == 60


def test_a_file_broken_on_disk_while_running_is_kept_aside_not_lost(
    staff_ready: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    (staff_ready / "settings.json").write_text('{"idle_timeout_s": 12', encoding="utf-8")
    assert window.session.staff_access.has_pin, "the kiosk keeps the settings it has"
    window.store.settings.idle_timeout_s = 60
    assert window.store.save()
    [aside] = staff_ready.glob("settings.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == '{"idle_timeout_s": 12'
    assert saved(staff_ready)["idle_timeout_s"] == 60
    assert pin_matches(OLD_PIN, str(saved(staff_ready)["pin_hash"]))


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_a_second_kiosk_on_one_data_folder_is_refused_and_a_killed_one_does_not_block(
    data_dir: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(kiosk_command(data_dir), cwd=REPO, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as first:
        try:
            wait_for(lambda: (data_dir / LOCK_FILE).is_file() or first.poll() is not None,
                     120, "the first kiosk to take its lock")
            assert first.poll() is None, "the first kiosk stopped (see its log)"
            second = run_kiosk(data_dir)
            assert second.returncode == 3
            assert "already running with the data folder" in second.stderr
            assert f"process {first.pid}" in second.stderr
        finally:
            first.send_signal(signal.SIGKILL)  # as a power cut or the watchdog would
            first.wait(timeout=30)
    assert (data_dir / LOCK_FILE).is_file(), "kill -9 leaves the lock file behind"
    again = run_kiosk(data_dir, "--exit-after-first-paint")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("first-paint ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root can write into another user's data folder")
def test_set_pin_as_root_in_the_kiosk_users_folder_changes_nothing_and_says_how(
    tmp_path: Path
) -> None:
    import pwd
    import shutil

    kiosk_user = pwd.getpwnam("nobody")
    data = tmp_path / "var-lib-tigoni-kiosk"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"kiosk_mode": True}), encoding="utf-8")
    for path in (data, data / "settings.json"):
        shutil.chown(path, kiosk_user.pw_uid, kiosk_user.pw_gid)
    before = (data / "settings.json").read_bytes()

    for command in ("set-pin", "install-pack"):
        extra = [str(tmp_path / "update.tigoni-pack")] if command == "install-pack" else []
        result = run_kiosk(data, command, *extra, stdin=f"{NEW_PIN}\n")
        assert result.returncode == 2, result.stderr
        assert f"belongs to the user {kiosk_user.pw_name}" in result.stderr
        assert f"sudo -u {kiosk_user.pw_name} tigoni-kiosk {command}" in result.stderr
    assert (data / "settings.json").read_bytes() == before
    assert {path.stat().st_uid for path in data.rglob("*")} == {kiosk_user.pw_uid}


def test_set_pin_over_a_file_that_is_not_json_saves_the_pin_and_says_what_was_reset(
    tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"kiosk_mode": true "idle_timeout_s": 120}\n',
                                        encoding="utf-8")
    result = run_kiosk(data, "set-pin", stdin=f"{NEW_PIN}\n")
    assert result.returncode == 0, result.stderr
    assert f"Staff PIN saved in {data / 'settings.json'}." in result.stdout
    assert "Could not save" not in result.stderr
    assert "could not be read (settings file is corrupt: not valid JSON" in result.stderr
    assert "kept beside it as settings.json.corrupt-" in result.stderr
    assert pin_matches(NEW_PIN, str(saved(data)["pin_hash"]))
    assert len(list(data.glob("settings.json.corrupt-*"))) == 1
