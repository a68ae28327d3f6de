"""The kiosk itself counts what patients read, shows staff the Usage page, exports CSV."""

from __future__ import annotations

import csv
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.ui.main_window import MainWindow
from tests.helpers import (
    PIN,
    hold_clinic_name,
    tap,
    tap_button,
    tile_titled,
    type_pin,
    write_settings,
)


def test_taps_are_counted_and_the_idle_reset_ends_a_visit(
    qtbot: QtBot, counted: MainWindow, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = counted
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    tap_button(qtbot, window.nav_bar.home_button)
    tap(qtbot, tile_titled(window, "Conditions being studied"))
    tap(qtbot, tile_titled(window, "Anxiety"))
    window.session.reset()
    tile = tile_titled(window, "How it works")
    attract = window.overlays.attract
    tap(qtbot, attract, QPoint(tile.mapTo(attract.host, tile.rect().center())))
    tap(qtbot, tile)
    report = window.recorder.report()
    views = dict(report.top_pages())
    assert views == {"safety": 1, "conditions": 1, "conditions/anxiety": 1, "how-it-works": 1}
    assert sum(count for _day, count in report.visits_per_day()) == 2

    window.session.go_home()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    tap_button(qtbot, window.overlays.staff_panel.usage_button)
    assert window.overlays.usage_panel.isVisible()
    assert window.overlays.usage_panel.visits.total == 2
    labels = [label for label, _value in window.overlays.usage_panel.pages.bars]
    assert "Safety and side effects" in labels and "Anxiety" in labels
    assert sum(window.recorder.report().top_pages()[i][1] for i in range(4)) == 4, \
        "staff looking at the panel is not counted"

    window.recorder.flush()
    out = data_dir / "usage.csv"
    assert main(["stats", "--data-dir", str(data_dir), "--csv", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["page_id"]: int(row["views"]) for row in rows} == views
    assert all(row["language"] == "en" for row in rows)
    assert all(row["kiosk"] == socket.gethostname() for row in rows)  # the default name


def test_stats_before_any_visit_writes_just_the_header(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(data_dir)  # the kiosk has been set up here, but nobody has used it
    out = data_dir / "usage.csv"
    assert main(["stats", "--data-dir", str(data_dir), "--csv", str(out)]) == 0
    assert "wrote 0 rows" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").strip() == "date,page_id,language,views,kiosk"


def test_stats_from_a_mistyped_data_folder_says_there_is_no_kiosk_data_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mistyped = tmp_path / "tigoni-kiosj"
    out = tmp_path / "usage.csv"
    assert main(["stats", "--data-dir", str(mistyped), "--csv", str(out)]) == 1
    said = capsys.readouterr()
    assert f"No kiosk data in {mistyped}" in said.err and "--data-dir" in said.err
    assert "wrote" not in said.out
    assert not out.exists() and not mistyped.exists()

    unrelated = tmp_path / "Documents"  # a folder that exists, but not the kiosk's
    (unrelated / "notes").mkdir(parents=True)
    assert main(["stats", "--data-dir", str(unrelated), "--csv", str(out)]) == 1
    assert f"No kiosk data in {unrelated}" in capsys.readouterr().err


def test_stats_from_a_data_folder_where_only_a_pack_was_installed_writes_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)  # IT ran install-pack before the kiosk's first start
    out = tmp_path / "usage.csv"
    assert main(["stats", "--data-dir", str(data), "--csv", str(out)]) == 0
    assert "wrote 0 rows" in capsys.readouterr().out


def test_stats_refuses_a_bad_date(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = data_dir / "usage.csv"
    assert main(["stats", "--data-dir", str(data_dir), "--csv", str(out),
                 "--since", "last week"]) == 2
    assert "--since must be a date like 2026-11-01" in capsys.readouterr().err


def test_screenshots_and_tests_record_nothing(make_window: object, data_dir: Path) -> None:
    window = make_window()  # type: ignore[operator]
    window.session.navigate("safety")
    assert not window.recorder.enabled
    assert not (data_dir / "usage.sqlite3").exists()
