"""What the usage tests share: a clock moved by hand, and reading the database directly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.stats import DATABASE_FILE

NOON = datetime(2026, 11, 18, 12, 0)
REPOSITORY = Path(__file__).resolve().parent.parent.parent


class FakeClock:
    """A wall clock and a monotonic clock the test moves by hand.

    ``advance`` moves both (time passes); ``jump`` moves only the wall clock (someone or
    something set it), as a flat clock battery or a late correction does.
    """

    def __init__(self, now: datetime = NOON) -> None:
        self.now = now
        self.elapsed = 1000.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.elapsed

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.now += step
        self.elapsed += step.total_seconds()

    def jump(self, to: datetime) -> None:
        self.now = to


def rows(data_dir: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    """Query the database directly, independently of the code under test."""
    connection = sqlite3.connect(data_dir / DATABASE_FILE)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def total_views(data_dir: Path) -> int:
    """Every page view counted, all days, pages and languages."""
    found = rows(data_dir, "SELECT COALESCE(SUM(views), 0) FROM page_views")[0][0]
    assert isinstance(found, int)
    return found


def total_visits(data_dir: Path) -> int:
    """Every visit counted."""
    found = rows(data_dir, "SELECT COALESCE(SUM(visits), 0) FROM visit_counts")[0][0]
    assert isinstance(found, int)
    return found


def views_by_page(data_dir: Path) -> dict[str, int]:
    """Page views summed over days and languages, by page id."""
    found = rows(data_dir, "SELECT page_id, SUM(views) FROM page_views GROUP BY page_id")
    return {str(page): int(str(count)) for page, count in found}


def kill_after_commits(command: list[str], commits_wanted: int,
                       env: dict[str, str] | None = None) -> list[int]:
    """Run a writer process until it has printed ``committed N`` that many times, then
    SIGKILL it; the counts it printed.  Lines before the first ``committed`` are returned
    to nobody: the caller's script may print other things first (``probe`` lines).
    """
    child = subprocess.Popen(command, cwd=REPOSITORY, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    commits: list[int] = []
    try:
        while len(commits) < commits_wanted:
            line = child.stdout.readline()
            assert line, f"the writer ended early: {child.stderr.read() if child.stderr else ''}"
            if line.startswith("committed "):
                commits.append(int(line.split()[1]))
            else:
                assert line.strip() == "qt imported: False", line
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    return commits


def assert_a_prefix_of_the_views(data_dir: Path, commits: list[int]) -> None:
    """After a kill: the counters hold exactly the first N views (page-{i % 7}, a visit
    before every 25th), N at least the last commit reported; and the file opens again.
    """
    from collections import Counter

    from kiosk.stats import UsageRecorder

    assert rows(data_dir, "PRAGMA integrity_check") == [("ok",)]
    count = total_views(data_dir)
    assert count >= commits[-1] > commits[0] > 0
    # Page by page: no increment lost or doubled anywhere before the last commit.
    assert views_by_page(data_dir) == dict(Counter(f"page-{i % 7}" for i in range(count)))
    # A visit starts before every 25th view; a commit may end between the two.
    started_before = (count - 1) // 25 + 1
    assert total_visits(data_dir) in {started_before, started_before + (count % 25 == 0)}
    recorder = UsageRecorder(data_dir, flush_interval=60)  # and it opens for the next run
    try:
        assert recorder.enabled
        assert recorder.report().top_pages() != []
    finally:
        recorder.close()
