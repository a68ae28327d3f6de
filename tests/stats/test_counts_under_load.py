"""No increment is lost or doubled while the GUI thread records and the writer commits.

Views come from a Qt timer on the GUI thread, as taps do in the kiosk, while the writer
thread commits every few milliseconds; one test ends in SIGKILL, mid-stream.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.stats import UsageRecorder
from tests.stats.helpers import (
    assert_a_prefix_of_the_views,
    kill_after_commits,
    rows,
    total_views,
    total_visits,
    views_by_page,
)

REPOSITORY = Path(__file__).resolve().parent.parent.parent
PAGES = 7
BURST = 50


def page(index: int) -> str:
    return f"page-{index % PAGES}"


def test_views_from_the_gui_thread_are_all_counted_while_the_writer_commits(
    qtbot: QtBot, data_dir: Path
) -> None:
    recorder = UsageRecorder(data_dir, flush_interval=0.002)
    recorded = 0
    bursts = 200

    def burst() -> None:
        nonlocal recorded
        for _ in range(BURST):
            if recorded % 25 == 0:
                recorder.visit_started("en")
            recorder.page_viewed(page(recorded), "en")
            recorded += 1

    commits: set[int] = set()

    def burst_and_watch() -> None:
        burst()
        commits.add(recorder.committed_views)

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(burst_and_watch)
    timer.start()
    qtbot.waitUntil(lambda: recorded >= bursts * BURST and len(commits) > 5, timeout=60_000)
    timer.stop()
    assert len(commits - {0}) >= 5, "the writer committed many times in the middle"
    recorder.close()

    assert total_views(data_dir) == recorded
    assert views_by_page(data_dir) == dict(Counter(page(index) for index in range(recorded)))
    assert total_visits(data_dir) == recorded // 25
    assert rows(data_dir, "SELECT SUM(under_2_min) FROM visit_counts") == [(recorded // 25,)]


GUI_WRITER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from kiosk.stats import UsageRecorder

app = QGuiApplication([])
recorder = UsageRecorder(Path(sys.argv[1]), flush_interval=0.01)
state = {"recorded": 0, "reported": 0}

def burst():
    for _ in range(50):
        if state["recorded"] % 25 == 0:
            recorder.visit_started("sw")
        recorder.page_viewed(f"page-{state['recorded'] % 7}", "en")
        state["recorded"] += 1
    if recorder.committed_views != state["reported"]:
        state["reported"] = recorder.committed_views
        print("committed", state["reported"], flush=True)

timer = QTimer()
timer.timeout.connect(burst)
timer.start(1)
QTimer.singleShot(30_000, app.quit)
app.exec()
"""


@pytest.mark.spawns_processes
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_while_the_gui_thread_records_leaves_exact_counts(data_dir: Path) -> None:
    commits = kill_after_commits([sys.executable, "-c", GUI_WRITER, str(data_dir)], 10,
                                 env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert_a_prefix_of_the_views(data_dir, commits)
