"""The installed unit and the kiosk agree on hang recovery.

systemd hands the kiosk ``WATCHDOG_USEC`` from the unit's ``WatchdogSec=``; the kiosk
pings at half of it.  cage is the unit's main process and the kiosk its child, so only
``NotifyAccess=all`` lets systemd hear the kiosk.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.watchdog import watchdog_interval_ms

UNIT = Path(__file__).resolve().parent.parent / "build" / "linux" / "tigoni-kiosk.service.in"


def service_settings() -> dict[str, str]:
    settings: dict[str, str] = {}
    section = ""
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, _sep, value = line.partition("=")
            settings[key] = value
    return settings


def test_the_unit_waits_for_ready_and_kills_a_kiosk_that_stops_pinging() -> None:
    service = service_settings()
    assert service["Type"] == "notify"
    assert service["Restart"] == "always"
    timeout_s = int(service["WatchdogSec"])
    assert 10 <= timeout_s <= 30, "long enough for a busy moment, short for a frozen screen"
    cage_pid, kiosk_pid = 100, 101
    environ = {"WATCHDOG_USEC": str(timeout_s * 1_000_000), "WATCHDOG_PID": str(cage_pid)}
    assert watchdog_interval_ms(environ, kiosk_pid, cage_pid) == timeout_s * 500


def test_the_kiosk_child_of_cage_is_allowed_to_notify() -> None:
    service = service_settings()
    assert service["ExecStart"].startswith("/usr/bin/cage "), "cage is the main process"
    assert service["NotifyAccess"] == "all", "'main' would drop the kiosk's messages"
