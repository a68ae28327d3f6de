"""Idle-time warm-up: small jobs run one at a time when nothing else waits.

After the first paint, and again after a change of language, text size or contrast, the
window hands over a fresh iterator of jobs; a zero-interval ``QTimer`` takes one step per
pass of the event loop, so a tap is never kept waiting for more than one small job.
``warmed_up`` says when the jobs have run out (tests wait for it; nothing else needs to).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

Jobs = Iterator[object]  # each ``next`` does one job of a few milliseconds


class WarmUp(QObject):
    """Runs the jobs ``make_jobs`` returns, from the start each time ``restart`` is called."""

    warmed_up = Signal()

    def __init__(self, make_jobs: Callable[[], Jobs], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_jobs = make_jobs
        self._jobs: Jobs | None = None
        self.enabled = False  # off until the first paint: nothing may delay it
        self._timer = QTimer(self)  # zero interval: runs when nothing else waits
        self._timer.timeout.connect(self._next)

    @property
    def is_warming(self) -> bool:
        """Whether jobs are still queued."""
        return self._jobs is not None

    def restart(self) -> None:
        """Drop the queued jobs and start afresh (only once ``enabled``)."""
        if self.enabled:
            self._jobs = self._make_jobs()
            self._timer.start()

    def _next(self) -> None:
        if self._jobs is None or next(self._jobs, None) is None:
            self._jobs = None
            self._timer.stop()
            self.warmed_up.emit()
