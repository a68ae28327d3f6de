"""Staff's "Erase usage counts": behind the PIN, confirmed, and really gone from the disk."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.stats import DATABASE_FILE, UsageRecorder
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.erase_usage import EraseUsageConfirm
from tests.helpers import PIN, hold_clinic_name, tap_button, type_pin
from tests.stats.helpers import FakeClock, rows, total_views, total_visits

MARKER = "conditions/suicidal-thoughts"


def on_disk(data_dir: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(data_dir.glob(f"{DATABASE_FILE}*")))


def some_history(recorder: UsageRecorder, clock: FakeClock, days: int = 30) -> None:
    for _ in range(days):
        recorder.visit_started("en")
        recorder.page_viewed(MARKER, "en")
        recorder.page_viewed("safety", "sw")
        clock.advance(minutes=6)
        recorder.visit_ended()
        assert recorder.flush()
        clock.advance(days=1)


def test_erase_deletes_every_count_from_the_file_and_its_log(
    recorder: UsageRecorder, clock: FakeClock, data_dir: Path
) -> None:
    some_history(recorder, clock)
    aside = data_dir / f"{DATABASE_FILE}.corrupt-20260101-000000"
    aside.write_bytes(MARKER.encode() * 10)
    assert MARKER.encode() in on_disk(data_dir)

    assert recorder.erase()
    assert (total_views(data_dir), total_visits(data_dir)) == (0, 0)
    assert MARKER.encode() not in on_disk(data_dir)
    wal = data_dir / f"{DATABASE_FILE}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert rows(data_dir, "PRAGMA freelist_count") == [(0,)]
    assert not aside.exists(), "a copy moved aside holds counts too"
    assert recorder.report().visits_per_day(days=60) == [
        (day, 0) for day, _count in recorder.report().visits_per_day(days=60)]


def test_what_was_queued_before_the_erase_goes_too_and_recording_carries_on(
    recorder: UsageRecorder, clock: FakeClock, data_dir: Path
) -> None:
    some_history(recorder, clock, days=2)
    recorder.touched("en")  # a visit open while staff erase is not counted afterwards
    recorder.page_viewed(MARKER, "en")  # queued, not yet written
    assert recorder.erase()
    recorder.visit_ended()
    recorder.touched("sw")
    recorder.page_viewed("contact", "sw")
    assert recorder.flush()
    assert rows(data_dir, "SELECT page_id, views FROM page_views") == [("contact", 1)]
    assert rows(data_dir, "SELECT language, visits, under_2_min FROM visit_counts") == [
        ("sw", 1, 0)]


def test_erase_without_a_database_says_it_could_not(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    assert not UsageRecorder(blocked).erase()
    assert not UsageRecorder(None).erase()


def test_staff_erase_the_counts_from_the_usage_page_only_after_confirming(
    qtbot: QtBot, counted: MainWindow, data_dir: Path
) -> None:
    window = counted
    window.recorder.visit_started("en")
    window.recorder.page_viewed("safety", "en")
    window.recorder.visit_ended()
    assert window.recorder.flush()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    staff = window.overlays.staff_panel
    tap_button(qtbot, staff.usage_button)
    usage = window.overlays.usage_panel
    assert usage.isVisible() and usage.visits.total == 1
    assert usage.erase_button.text() == "Erase usage counts"

    tap_button(qtbot, usage.erase_button)
    confirm = usage.findChild(EraseUsageConfirm)
    assert isinstance(confirm, EraseUsageConfirm) and confirm.isVisible()
    assert "cannot be undone" in confirm.message.text()
    assert total_views(data_dir) == 1, "nothing is deleted before Erase is tapped"
    tap_button(qtbot, confirm.close_button)  # Cancel
    assert not confirm.isVisible() and usage.isVisible()
    assert total_views(data_dir) == 1 and usage.visits.total == 1

    tap_button(qtbot, usage.erase_button)
    tap_button(qtbot, confirm.erase_button)
    assert confirm.message.text() == "Usage counts erased."
    assert (total_views(data_dir), total_visits(data_dir)) == (0, 0)
    assert usage.visits.total == 0, "the charts under the card are empty at once"
    tap_button(qtbot, confirm.close_button)
    assert usage.isVisible(), "closing the card leaves staff on the Usage page"
    tap_button(qtbot, usage.close_button)
    assert staff.isVisible(), "and Close goes back to the staff panel"
