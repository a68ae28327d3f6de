"""The bare baseline: a QApplication with one QMainWindow and a QLabel, quitting after its
first paint.

Run as a program (``python -m tests.benchmarks.bare_window``, or frozen by PyInstaller)
it prints one ``BENCH {json}`` line with the wall-clock time (``time.time()``) at which
its first paint had finished and its resident memory then, and exits.  The start-up,
memory and bundle figures of the benchmark are ratios to this program.

It also holds the few helpers every benchmark driver shares (``PaintWatch``,
``rss_mb``, ``emit``), so it must import nothing but PySide6 and the standard library.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

SIZE = (1920, 1080)
MARKER = "BENCH "


def rss_mb() -> float:
    """This process's resident set size (VmRSS) in MiB, from /proc/self/status."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def emit(data: dict[str, object]) -> None:
    """Report results to the benchmark: one ``BENCH {json}`` line on stdout."""
    sys.stdout.write(MARKER + json.dumps(data) + "\n")
    sys.stdout.flush()


class PaintWatch(QObject):
    """Calls back once the paint pass that painted a watched widget has finished.

    Qt paints every dirty widget of a window in one synchronous pass; a zero timer
    started from the first ``Paint`` event it sees runs right after that pass.  The
    callback gets ``time.perf_counter()`` at that moment.  ``arm`` before each wait.
    """

    def __init__(self, on_painted: Callable[[float], None]) -> None:
        super().__init__()
        self._on_painted = on_painted
        self._armed = False
        self._pending = False
        self.paints = 0

    def watch(self, *widgets: QObject) -> None:
        """Watch the paint events of these widgets and of every widget inside them.

        A screen whose contents cover it with their own opaque background gets no paint
        event itself (Qt paints only what can be seen), so its whole tree is watched,
        widgets added later included.
        """
        for widget in widgets:
            self._watch_tree(widget)

    def _watch_tree(self, widget: QObject) -> None:
        widget.installEventFilter(self)  # installing it again is harmless
        for child in widget.children():
            if child.isWidgetType():
                self._watch_tree(child)

    def arm(self) -> None:
        """Call back after the next paint pass of a watched widget."""
        self._armed = True

    def disarm(self) -> None:
        """Stop waiting (after a time-out)."""
        self._armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:  # a new widget, about to show
            child = event.child() if isinstance(event, QChildEvent) else None
            if child is not None and child.isWidgetType():
                self._watch_tree(child)
        elif event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self._armed and not self._pending:
                self._pending = True
                QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        self._pending = False
        if self._armed:
            self._armed = False
            self._on_painted(time.perf_counter())


def main() -> int:
    """Show the bare window, report after its first paint, quit."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare baseline")
    label = QLabel("Tigoni Treatment Centre", window)
    window.setCentralWidget(label)
    window.resize(*SIZE)

    def painted(_now: float) -> None:
        emit({"paint_time": time.time(), "rss_mb": rss_mb()})
        app.quit()

    watch = PaintWatch(painted)
    watch.watch(label)
    watch.arm()
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
