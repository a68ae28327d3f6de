"""Programs the benchmark runs in their own process, one measurement each.

``python -m tests.benchmarks.drivers MODE ...`` builds the kiosk's window exactly as
``kiosk.app.run`` does (logging, ``application()``, ``build_window``, ``present``) and:

* ``app-taps``: taps every home tile, sub-topic tile and internal link (and Back, Home
  and Contact to move on) until ``--taps`` taps, timing each from the click to the end
  of the paint of the screen it leads to;
* ``app-idle``: sits on home, a long page or the attract screen and reports the CPU
  time it used over ``--seconds``;
* ``app-soak``: makes ``--steps`` seeded random navigations and reports memory along
  the way.

``bare-switch`` and ``bare-idle`` are the same measurements on a bare window.  Every
mode prints one ``BENCH {json}`` line (see ``bare_window.emit``).  All measuring happens
inside the running event loop: after ``app.exec()`` returns, widgets no longer paint.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tests.benchmarks.bare_window import SIZE, PaintWatch, emit, rss_mb
from tests.helpers import link_targets

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

GAP_MS = 30  # pause between taps, so one tap's clean-up never lands in the next's time
SCROLL_SETTLE_MS = 60  # after scrolling a link or tile into view, before tapping it
TAP_TIMEOUT_MS = 3000
HOME = "home"
CONTACT = "contact"


# --- the kiosk, started as kiosk.app.run starts it -------------------------------------


def start_kiosk(data_dir: Path) -> tuple[QApplication, MainWindow]:
    """Parse a command line and build the window as ``tigoni-kiosk`` does; not yet shown."""
    from kiosk.app import Options, application, build_window
    from kiosk.cli import get_argparser
    from kiosk.logs import setup_logging

    argv = ["--data-dir", str(data_dir), "--size", f"{SIZE[0]}x{SIZE[1]}"]
    args = get_argparser().parse_args(argv)
    setup_logging(args.data_dir)
    app = application()
    window, _choice = build_window(
        Options(args.data_dir, args.content, args.size, args.lang, kiosk=args.kiosk)
    )
    window.session.exit_requested.connect(app.quit)
    return app, window


def after_first_paint(window: QWidget, watched: QWidget, then: Callable[[], None],
                      settle_ms: int = 200) -> PaintWatch:
    """Show ``window`` and call ``then`` ``settle_ms`` after ``watched`` first painted."""
    watch = PaintWatch(lambda _now: QTimer.singleShot(settle_ms, then))
    watch.watch(watched)
    watch.arm()
    present = getattr(window, "present", None)
    if callable(present):
        present(False)
    else:
        window.show()
    return watch


# --- tap-to-page -----------------------------------------------------------------------


@dataclass
class Tap:
    """Tap ``widget`` at ``pos``; ``expect`` is the screen it should lead to (if known)."""

    widget: QWidget
    pos: QPoint
    kind: str
    expect: str | None


@dataclass
class Wait:
    """Let the event loop run (scrolling into view, paints) for ``ms``."""

    ms: int


Step = Tap | Wait


class TapRunner(QObject):
    """Drives taps one at a time inside the event loop and times each until painted."""

    def __init__(self, app: QApplication, steps: Iterator[Step], watched: list[QWidget],
                 wanted: int, current: Callable[[], str]) -> None:
        super().__init__()
        self.app = app
        self.steps = steps
        self.wanted = wanted
        self.current = current
        self.latencies: list[tuple[str, float]] = []
        self.first_visit: list[bool] = []
        self.click_ms: list[float] = []  # of each tap, the time spent inside the click
        # of each tap, until the end of the last paint pass before the next tap: more
        # than one pass means the screen changed again after it was first shown
        self.settled_ms: list[float] = []
        self.passes: list[int] = []
        self._trailing = False
        self.seen: set[str] = set()
        self.wrong_screen: list[str] = []
        self.timeouts = 0
        self.painted_during_click = 0
        self._tap: Tap | None = None
        self._started = 0.0
        self.watch = PaintWatch(self._painted)
        self.watch.watch(*watched)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._timed_out)

    def start(self) -> None:
        """Begin; the application quits when enough taps have been timed."""
        self.seen.add(self.current())
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self._trailing:
            self._trailing = False
            self.watch.disarm()
        if len(self.latencies) + self.timeouts >= self.wanted:
            self.app.quit()
            return
        try:
            step = next(self.steps)
        except StopIteration:
            self.app.quit()
            return
        if isinstance(step, Wait):
            QTimer.singleShot(step.ms, self._next)
            return
        from PySide6.QtTest import QTest

        self._tap = step
        self._timeout.start(TAP_TIMEOUT_MS)
        paints_before = self.watch.paints
        self._started = time.perf_counter()
        QTest.mouseClick(step.widget, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, step.pos)
        # A pressed button repaints itself (and its parent's background) at once, inside
        # the click: that is the old screen, so the watch is armed only now, for the
        # paint pass that shows the new screen.
        self.watch.arm()
        self.click_ms.append((time.perf_counter() - self._started) * 1000)
        if self.watch.paints != paints_before:
            self.painted_during_click += 1

    def _painted(self, now: float) -> None:
        if self._trailing:  # another pass after the first, before the next tap
            self.settled_ms[-1] = (now - self._started) * 1000
            self.passes[-1] += 1
            self.watch.arm()
            return
        self._timeout.stop()
        tap = self._tap
        assert tap is not None
        self.latencies.append((tap.kind, (now - self._started) * 1000))
        self.settled_ms.append(self.latencies[-1][1])
        self.passes.append(1)
        self._trailing = True
        self.watch.arm()
        screen = self.current()
        self.first_visit.append(screen not in self.seen)
        self.seen.add(screen)
        if tap.expect is not None and self.current() != tap.expect:
            self.wrong_screen.append(f"{tap.kind}: expected {tap.expect}, on {self.current()}")
        QTimer.singleShot(GAP_MS, self._next)

    def _timed_out(self) -> None:
        self.watch.disarm()
        if len(self.click_ms) > len(self.latencies):
            self.click_ms.pop()  # only timed taps keep their click time
        self.timeouts += 1
        QTimer.singleShot(GAP_MS, self._next)


def page_links(browser: QTextBrowser) -> list[str]:
    """Each internal (``page:``) link on the page shown, once, in reading order."""
    return list(dict.fromkeys(h for h in link_targets(browser) if h.startswith("page:")))


def link_position(browser: QTextBrowser, href: str) -> QPoint | None:
    """Scroll the first link to ``href`` into view; where on the viewport it is now."""
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = browser.textCursor()
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    return None


def link_target(href: str) -> str:
    """``page:conditions/anxiety#x`` -> ``conditions/anxiety``."""
    return href[len("page:"):].split("#", 1)[0].strip("/").lower()


def kiosk_walk(window: MainWindow) -> Iterator[Step]:
    """Every home tile, sub-topic tile and internal link, over and over.

    Back, Home and Contact are tapped to move on; they are timed too (they are taps
    that change the page).  Pages are reached by tapping only, as a patient would.
    """
    nav = window.nav_bar
    view = window.page_screen.view

    def centre(widget: QWidget) -> QPoint:
        return widget.rect().center()

    def follow_links() -> Iterator[Step]:
        here = window.session.current_screen
        for href in page_links(view):
            yield Wait(SCROLL_SETTLE_MS)  # let the previous screen settle
            link_position(view, href)
            yield Wait(SCROLL_SETTLE_MS)  # the scroll repaints; not part of the tap
            point = link_position(view, href)
            if point is None:
                continue
            yield Tap(view.viewport(), point, "link", link_target(href))
            yield Tap(nav.back_button, centre(nav.back_button), "back", here)

    def tile_for(target: str, tiles: list[QAbstractButton]) -> QAbstractButton | None:
        for tile in tiles:
            if getattr(tile, "target_id", None) == target and tile.isVisible():
                return tile
        return None

    while True:
        section_ids = [tile.target_id for tile in window.home_screen.grid.tiles]
        for section in section_ids:
            if window.session.current_screen != HOME:
                yield Tap(nav.home_button, centre(nav.home_button), "home", HOME)
            tile = tile_for(section, list(window.home_screen.grid.tiles))
            if tile is None:
                continue
            window.home_screen.tile_scroll.ensureWidgetVisible(tile)
            yield Wait(SCROLL_SETTLE_MS)
            yield Tap(tile, centre(tile), "tile", section)
            yield from follow_links()
            subtopics = [t.target_id for t in window.page_screen.subtopics.tiles]
            for target in subtopics:
                if target == window.session.current_screen:
                    continue
                sub = tile_for(target, list(window.page_screen.subtopics.tiles))
                if sub is None:
                    continue
                yield Tap(sub, centre(sub), "tile", target)
                yield from follow_links()
        if window.session.current_screen != CONTACT:  # the home screen's Contact tile may be there
            yield Tap(nav.contact_button, centre(nav.contact_button), "contact", CONTACT)
        yield Tap(nav.home_button, centre(nav.home_button), "home", HOME)


def summarise_taps(runner: TapRunner) -> dict[str, object]:
    """What the benchmark needs from a tap run."""
    kinds: dict[str, int] = {}
    for kind, _ms in runner.latencies:
        kinds[kind] = kinds.get(kind, 0) + 1
    return {
        "latencies_ms": [ms for _kind, ms in runner.latencies],
        "kinds": [kind for kind, _ms in runner.latencies],
        "first_visit": runner.first_visit,
        "click_ms": runner.click_ms,
        "settled_ms": runner.settled_ms,
        "paint_passes": runner.passes,
        "count_by_kind": kinds,
        "timeouts": runner.timeouts,
        "wrong_screen": runner.wrong_screen[:10],
        "painted_during_click": runner.painted_during_click,
    }


def app_taps(args: argparse.Namespace) -> int:
    """Tap through the kiosk and report each tap's time to paint."""
    app, window = start_kiosk(args.data_dir)
    screens: list[QWidget] = [window.home_screen, window.page_screen,
                              window.page_screen.view.viewport(), window.contact_screen]
    runner = TapRunner(app, kiosk_walk(window), screens, args.taps,
                       lambda: window.session.current_screen)
    keep = after_first_paint(window, window.home_screen, runner.start)
    code = app.exec()
    del keep
    result = summarise_taps(runner)
    result["documents_built"] = len(getattr(window.page_screen.view, "_documents", {}))
    emit(result)
    window.shutdown()
    return code


class BareSwitchWindow(QMainWindow):
    """Two QLabel pages in a QStackedWidget and a button that switches between them."""

    def __init__(self) -> None:
        super().__init__()
        root = QWidget(self)
        self.stack = QStackedWidget(root)
        self.pages = [QLabel(text, self.stack) for text in ("First page", "Second page")]
        for page in self.pages:
            page.setWordWrap(True)
            self.stack.addWidget(page)
        self.button = QPushButton("Switch", root)
        self.button.clicked.connect(
            lambda: self.stack.setCurrentIndex(1 - self.stack.currentIndex()))
        layout = QVBoxLayout(root)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.button)
        self.setCentralWidget(root)
        self.resize(*SIZE)

    def steps(self) -> Iterator[Step]:
        """Tap the button forever."""
        while True:
            expect = str(1 - self.stack.currentIndex())
            yield Tap(self.button, self.button.rect().center(), "switch", expect)


def bare_switch(args: argparse.Namespace) -> int:
    """Time a bare QStackedWidget switch (button tap to painted) the same way."""
    app = QApplication(sys.argv[:1])
    window = BareSwitchWindow()
    runner = TapRunner(app, window.steps(), list(window.pages), args.taps,
                       lambda: str(window.stack.currentIndex()))
    keep = after_first_paint(window, window.pages[0], runner.start)
    code = app.exec()
    del keep
    emit(summarise_taps(runner))
    return code


# --- idle CPU ---------------------------------------------------------------------------


class PaintCounter(QObject):
    """Counts paint events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def cpu_seconds() -> float:
    """User plus system CPU time of this process so far."""
    times = os.times()
    return times.user + times.system


def measure_idle(app: QApplication, seconds: float, counter: PaintCounter,
                 extra: dict[str, object]) -> Callable[[], None]:
    """Returns what starts the idle window; it reports and quits at its end."""

    def begin() -> None:
        paints0 = counter.paints
        cpu0, wall0 = cpu_seconds(), time.monotonic()

        def end() -> None:
            cpu, wall = cpu_seconds() - cpu0, time.monotonic() - wall0
            emit({"cpu_s": cpu, "wall_s": wall, "cpu_pct": 100 * cpu / wall,
                  "paints": counter.paints - paints0, **extra})
            app.quit()

        QTimer.singleShot(round(seconds * 1000), end)

    return begin


def app_idle(args: argparse.Namespace) -> int:
    """Show one scene, let it settle, then measure the CPU used while nobody touches it."""
    app, window = start_kiosk(args.data_dir)
    counter = PaintCounter()
    for widget in (window.home_screen, window.page_screen.view.viewport(), window.overlays.attract):
        widget.installEventFilter(counter)
    extra: dict[str, object] = {"scene": args.scene}
    begin = measure_idle(app, args.seconds, counter, extra)

    def show_scene() -> None:
        if args.scene == "page":
            window.session.navigate(args.page)
            extra["page"] = window.session.current_screen
            extra["scroll_max"] = window.page_screen.view.verticalScrollBar().maximum()
        elif args.scene == "attract":
            window.overlays.attract.start()
        QTimer.singleShot(round(args.settle * 1000), begin)

    keep = after_first_paint(window, window.home_screen, show_scene)
    code = app.exec()
    del keep
    window.shutdown()
    return code


def bare_idle(args: argparse.Namespace) -> int:
    """The same idle measurement on the bare window."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("Tigoni Treatment Centre", window)
    window.setCentralWidget(label)
    window.resize(*SIZE)
    counter = PaintCounter()
    label.installEventFilter(counter)
    begin = measure_idle(app, args.seconds, counter, {"scene": "bare"})
    keep = after_first_paint(window, label,
                             lambda: QTimer.singleShot(round(args.settle * 1000), begin))
    code = app.exec()
    del keep
    return code


# --- memory under random navigation ------------------------------------------------------


def switch_language(window: MainWindow, code: str) -> str:
    """Change the language shown, through a public switch if the window has one."""
    owner = getattr(window, "session", window)  # the session owns the language now
    for name in ("set_language", "switch_language", "change_language"):
        method = getattr(owner, name, None)
        if callable(method):
            method(code)
            return f"{type(owner).__name__}.{name}()"
    window.session.language = code
    fill = getattr(window, "_fill_home", None)
    if callable(fill):
        fill()
    window.session.go_home()
    return "window.session.language = ... (no public switch)"


def set_text_size(window: MainWindow, step: int) -> str | None:
    """Change the text size through a public switch; None if the window has none."""
    owner = getattr(window, "session", window)  # the session owns the text step now
    for name in ("set_text_step", "set_text_size"):
        method = getattr(owner, name, None)
        if callable(method):
            method(step)
            return f"{type(owner).__name__}.{name}()"
    return None


class Soak(QObject):
    """Seeded random navigation, one action per event-loop turn so every screen paints."""

    def __init__(self, app: QApplication, window: MainWindow, steps: int, seed: int,
                 checkpoints: int) -> None:
        super().__init__()
        self.app = app
        self.window = window
        self.steps = steps
        import random

        self.random = random.Random(seed)
        self.every = max(1, steps // checkpoints)
        self.done = 0
        self.rss: list[tuple[int, float]] = []
        self.counts: dict[str, int] = {}
        self.how: dict[str, str] = {}
        self.started = 0.0
        self.objects_before: dict[str, int] = {}

    def objects(self) -> dict[str, int]:
        """Qt objects alive now: a growing count points at what leaks."""
        from PySide6.QtCore import QTranslator
        from PySide6.QtGui import QTextDocument

        gc.collect()
        alive = gc.get_objects()
        return {"widgets": len(QApplication.allWidgets()),
                "text_documents": sum(isinstance(item, QTextDocument) for item in alive),
                "translators": len(self.app.findChildren(QTranslator)),
                "python_objects": len(alive)}

    def start(self) -> None:
        """Record the starting memory and begin."""
        self.rss.append((0, settled_rss()))
        self.objects_before = self.objects()
        self.started = time.monotonic()
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        window = self.window
        window.overlays.close_panels()
        if window.overlays.attract.isVisible():
            window.overlays.attract.stop()  # the touch that dismisses the attract screen
        if self.done >= self.steps:
            QTimer.singleShot(50, self._finish)
            return
        self._act(self.random.random())
        self.done += 1
        if self.done % self.every == 0 and self.done < self.steps:
            self.rss.append((self.done, settled_rss()))
        QTimer.singleShot(1, self._step)

    def _act(self, roll: float) -> None:
        window, rng = self.window, self.random
        if roll < 0.45:
            action = "navigate"
            ids = [*sorted(window.library.pages), CONTACT]
            window.session.navigate(rng.choice(ids))
        elif roll < 0.60:
            action = "back"
            window.session.go_back()
        elif roll < 0.70:
            action = "home"
            window.session.go_home()
        elif roll < 0.80:
            action = "help"
            window.overlays.help_panel.open_panel()
        elif roll < 0.88:
            action = "language"
            codes = window.content.languages
            self.how["language"] = switch_language(window, rng.choice(codes))
        elif roll < 0.95:
            action = "text_size"
            how = set_text_size(window, rng.randrange(4))
            if how is None:
                action = "text_size_skipped"
                window.session.go_home()
            else:
                self.how["text_size"] = how
        else:
            action = "reset_session"
            window.session.reset()
        self.counts[action] = self.counts.get(action, 0) + 1

    def _finish(self) -> None:
        self.rss.append((self.done, settled_rss()))
        emit({"rss": self.rss, "steps": self.done, "counts": self.counts, "how": self.how,
              "seconds": time.monotonic() - self.started,
              "objects_before": self.objects_before, "objects_after": self.objects()})
        self.app.quit()


def settled_rss() -> float:
    """RSS after deferred deletions and a full garbage collection."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
    return rss_mb()


def app_soak(args: argparse.Namespace) -> int:
    """Random navigations; report RSS at the start, along the way and at the end."""
    app, window = start_kiosk(args.data_dir)
    soak = Soak(app, window, args.steps, args.seed, args.checkpoints)
    keep = after_first_paint(window, window.home_screen, soak.start, settle_ms=500)
    code = app.exec()
    del keep
    window.shutdown()
    return code


# --- command line ---------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    """The drivers' command line."""
    main = argparse.ArgumentParser(prog="python -m tests.benchmarks.drivers")
    modes = main.add_subparsers(dest="mode", required=True)
    taps = modes.add_parser("app-taps")
    taps.add_argument("--taps", type=int, default=300)
    idle = modes.add_parser("app-idle")
    idle.add_argument("--scene", choices=["home", "page", "attract"], default="home")
    idle.add_argument("--page", default="safety")
    soak = modes.add_parser("app-soak")
    soak.add_argument("--steps", type=int, default=5000)
    soak.add_argument("--seed", type=int, default=8)
    soak.add_argument("--checkpoints", type=int, default=5)
    for sub in (taps, idle, soak):
        sub.add_argument("--data-dir", type=Path, required=True)
    switch = modes.add_parser("bare-switch")
    switch.add_argument("--taps", type=int, default=300)
    bare = modes.add_parser("bare-idle")
    for sub in (idle, bare):
        sub.add_argument("--seconds", type=float, default=30.0)
        sub.add_argument("--settle", type=float, default=2.0)
    return main


MODES: dict[str, Callable[[argparse.Namespace], int]] = {
    "app-taps": app_taps,
    "app-idle": app_idle,
    "app-soak": app_soak,
    "bare-switch": bare_switch,
    "bare-idle": bare_idle,
}


def main(argv: list[str] | None = None) -> int:
    """Run one driver."""
    args = parser().parse_args(argv)
    return MODES[args.mode](args)


if __name__ == "__main__":
    raise SystemExit(main())
