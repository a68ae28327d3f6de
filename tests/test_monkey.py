"""A seeded monkey taps, drags, swipes, long-presses and types anywhere on a kiosk.

The kiosk runs in kiosk mode with a staff PIN and every timeout shortened, so the
"Still reading?" warning, the idle reset, the attract screen, the PIN pad and its lock-out
all come up under the monkey's fingers.  After every gesture: no unhandled exception, no
Qt warning, the window still visible and full screen, still in kiosk mode and the staff
panel shut (only the PIN opens it, and the monkey never types it).  At the end the
monkey leaves as a patient would (tap the attract screen away, close the panels) and a
tap on Home must still show the home screen.

Kiosk mode fills the screen, so each screen size runs in its own process whose offscreen
screen has that size (``offscreen:configfile=``); there the monkey is an ordinary
pytest-qt test, with pytest-qt failing it on any Qt warning.

    MONKEY_SEED=1234 MONKEY_EVENTS=20000 pytest -q tests/test_monkey.py

``MONKEY_EVENTS`` (default 2000) is shared out between the screen sizes.  The seed
(random unless ``MONKEY_SEED`` is set) is printed at the start and in every failure: the
same seed replays the same gestures, although timers may fire at slightly different
moments from one run to the next.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session.history import HOME
from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.page_view import PageView
from tests.conftest import WindowFactory
from tests.test_kiosk_mode import write_settings

SEED_ENV = "MONKEY_SEED"
EVENTS_ENV = "MONKEY_EVENTS"
SCREEN_ENV = "MONKEY_SCREEN"  # set only in the process that runs one screen size
REPORT_ENV = "MONKEY_REPORT"
DEFAULT_EVENTS = 2000
SCREENS = ((1920, 1080), (1080, 1920))
ROOT = Path(__file__).resolve().parent.parent
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()

# Eight digits: random digits cannot hit it, and the monkey is stopped before it could
# ever submit it anyway.
PIN = "73950418"
SHORT_TIMEOUTS = {"idle_timeout_s": 1, "warning_s": 1, "staff_panel_timeout_s": 1,
                  "staff_hold_ms": 300}

_NO = Qt.KeyboardModifier.NoModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYS: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...] = (
    (Qt.Key.Key_Escape, _NO), (Qt.Key.Key_F11, _NO), (Qt.Key.Key_F4, _ALT),
    (Qt.Key.Key_Q, _CTRL), (Qt.Key.Key_W, _CTRL), (Qt.Key.Key_Tab, _NO),
    (Qt.Key.Key_Backtab, _SHIFT), (Qt.Key.Key_Return, _NO), (Qt.Key.Key_Enter, _NO),
    (Qt.Key.Key_Space, _NO), (Qt.Key.Key_Backspace, _NO), (Qt.Key.Key_Delete, _NO),
    (Qt.Key.Key_Up, _NO), (Qt.Key.Key_Down, _NO), (Qt.Key.Key_Left, _NO),
    (Qt.Key.Key_Right, _NO), (Qt.Key.Key_PageDown, _NO), (Qt.Key.Key_PageUp, _NO),
    (Qt.Key.Key_Home, _NO), (Qt.Key.Key_End, _NO), (Qt.Key.Key_Menu, _NO),
    (Qt.Key.Key_Back, _NO), (Qt.Key.Key_Meta, _NO), (Qt.Key.Key_F1, _NO),
    (Qt.Key.Key_A, _CTRL), (Qt.Key.Key_C, _CTRL), (Qt.Key.Key_Plus, _CTRL),
    (Qt.Key.Key_Minus, _CTRL), (Qt.Key.Key_Tab, _ALT),
    *((Qt.Key(Qt.Key.Key_0.value + digit), _NO) for digit in range(10)),
    *((Qt.Key(Qt.Key.Key_A.value + letter), _NO) for letter in range(26)),
)

# How often each gesture comes up, out of the sum of the weights.
GESTURES = {"tap": 28, "aimed tap": 24, "double tap": 4, "drag": 12, "swipe": 8,
            "long press": 4, "key": 14, "wheel": 2, "window tap": 4, "idle": 0.4}


def _screen_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.fixture(scope="module")
def monkey_seed() -> int:
    """One seed for every screen size of this run: ``MONKEY_SEED`` or a random one."""
    chosen = os.environ.get(SEED_ENV)
    return int(chosen) if chosen else random.SystemRandom().randrange(2**32)


def _events_per_screen() -> int:
    return max(1, int(os.environ.get(EVENTS_ENV, DEFAULT_EVENTS)) // len(SCREENS))


@pytest.mark.slow
@pytest.mark.spawns_processes
@pytest.mark.parametrize("size", SCREENS, ids=[_screen_id(s) for s in SCREENS])
def test_a_monkey_never_breaks_the_kiosk(
    size: tuple[int, int], monkey_seed: int, tmp_path: Path
) -> None:
    events = _events_per_screen()
    replay = (f"replay: QT_QPA_PLATFORM=offscreen {SEED_ENV}={monkey_seed} "
              f"{EVENTS_ENV}={events * len(SCREENS)} uv run pytest -q {THIS_FILE}")
    print(f"monkey seed {monkey_seed}, {events} events on {_screen_id(size)}; {replay}")
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "kiosk", "x": 0, "y": 0, "width": size[0], "height": size[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    report = tmp_path / "report.json"
    env = {**os.environ, SEED_ENV: str(monkey_seed), EVENTS_ENV: str(events),
           SCREEN_ENV: _screen_id(size), REPORT_ENV: str(report),
           "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               f"{THIS_FILE}::test_monkey_on_this_screen"]
    try:
        run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120 + events * 0.25, check=False)
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"the monkey (seed {monkey_seed}) did not finish in {timeout.timeout:.0f} s;"
                    f" {replay}", pytrace=False)
    output = (run.stdout + run.stderr).strip().splitlines()
    assert run.returncode == 0, (
        f"the monkey (seed {monkey_seed}) broke the kiosk on {_screen_id(size)}; {replay}\n"
        + "\n".join(output[-80:]))
    print(report.read_text(encoding="utf-8"))


# --- the monkey itself, in the process that has the screen of one size ------------------


@dataclass
class Monkey:
    """Random gestures on one kiosk window, each followed by the kiosk's rules."""

    window: MainWindow
    qtbot: QtBot
    rng: random.Random
    seed: int
    trail: deque[str] = field(default_factory=lambda: deque(maxlen=30))
    gestures: Counter[str] = field(default_factory=Counter)
    screens: set[str] = field(default_factory=set)
    sightings: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)

    # --- choosing where -------------------------------------------------------------------

    def random_point(self) -> QPoint:
        width, height = self.window.width(), self.window.height()
        return QPoint(self.rng.randrange(width), self.rng.randrange(height))

    def aimed_point(self) -> QPoint:
        """The middle (give or take) of something a patient can see to tap."""
        targets: list[QWidget] = [
            button for button in self.window.findChildren(QAbstractButton)
            if button.isVisible() and button.width() > 0 and button.height() > 0]
        if targets:
            views = [view for view in self.window.findChildren(PageView) if view.isVisible()]
            link = self.link_point(views) if views and self.rng.random() < 0.25 else None
            if link is not None:
                return link
            target = self.rng.choice(targets)
            area = target.rect()
            inside = QPoint(self.rng.randrange(area.width()), self.rng.randrange(area.height()))
            middle = (area.center() + inside) / 2
            return target.mapTo(self.window, middle)
        return self.random_point()

    def link_point(self, views: list[PageView]) -> QPoint | None:
        """A link on a shown page, if one is in view."""
        view = self.rng.choice(views)
        links: list[int] = []
        block = view.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().anchorHref():
                    links.append(fragment.position() + 1)
                fragments += 1
            block = block.next()
        if not links:
            return None
        cursor = view.textCursor()
        cursor.setPosition(self.rng.choice(links))
        rect = view.cursorRect(cursor)
        if not view.viewport().rect().contains(rect.center()):
            return None
        return view.viewport().mapTo(self.window, rect.center())

    def target_at(self, point: QPoint) -> tuple[QWidget, QPoint]:
        """The deepest widget under ``point`` (window coordinates), and the point on it."""
        child = self.window.childAt(point)
        target = child if child is not None else self.window
        return target, target.mapFrom(self.window, point)

    def submits_the_pin(self, point: QPoint) -> bool:
        """Whether a tap here would send the staff PIN: the monkey never does that."""
        pad = self.window.pin_pad
        target, _local = self.target_at(point)
        return pad.isVisible() and target is pad.ok_button and pad.typed == PIN

    # --- gestures -------------------------------------------------------------------------

    def send_mouse(self, target: QWidget, kind: QEvent.Type, local: QPoint,
                   buttons: Qt.MouseButton) -> None:
        position = QPointF(local)
        event = QMouseEvent(kind, position, position, QPointF(target.mapToGlobal(local)),
                            Qt.MouseButton.LeftButton, buttons, _NO)
        QApplication.sendEvent(target, event)

    def press_and_release(self, point: QPoint, hold_ms: int = 0, double: bool = False) -> None:
        target, local = self.target_at(point)
        held = Qt.MouseButton.LeftButton
        self.send_mouse(target, QEvent.Type.MouseButtonPress, local, held)
        if hold_ms:
            self.qtbot.wait(hold_ms)
        self.send_mouse(target, QEvent.Type.MouseButtonRelease, local, Qt.MouseButton.NoButton)
        if double:
            self.send_mouse(target, QEvent.Type.MouseButtonDblClick, local, held)
            self.send_mouse(target, QEvent.Type.MouseButtonRelease, local,
                            Qt.MouseButton.NoButton)

    def drag(self, start: QPoint, end: QPoint, steps: int, frame_ms: int) -> None:
        """Press, move with the finger down (the pressed widget keeps the events), lift."""
        target, local = self.target_at(start)
        offset = local - start
        held = Qt.MouseButton.LeftButton
        self.send_mouse(target, QEvent.Type.MouseButtonPress, local, held)
        for step in range(1, steps + 1):
            if frame_ms:
                self.qtbot.wait(frame_ms)
            point = start + (end - start) * (step / steps)
            self.send_mouse(target, QEvent.Type.MouseMove, point + offset, held)
        self.send_mouse(target, QEvent.Type.MouseButtonRelease, end + offset,
                        Qt.MouseButton.NoButton)

    def tap(self, point: QPoint) -> str:
        if self.submits_the_pin(point):
            return "tap skipped: it would have sent the PIN"
        self.press_and_release(point)
        return f"tap {point.x()},{point.y()}"

    def window_tap(self, point: QPoint) -> str:
        """A tap through the window system (the real path: grabs, enter and leave)."""
        if self.submits_the_pin(point):
            return "window tap skipped: it would have sent the PIN"
        handle = self.window.windowHandle()
        assert handle is not None
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, _NO, point)
        return f"window tap {point.x()},{point.y()}"

    def gesture(self, kind: str) -> str:
        rng = self.rng
        if kind == "tap":
            return self.tap(self.random_point())
        if kind == "aimed tap":
            return "aimed " + self.tap(self.aimed_point())
        if kind == "window tap":
            return self.window_tap(self.aimed_point() if rng.random() < 0.5
                                   else self.random_point())
        if kind == "double tap":
            point = self.aimed_point()
            if self.submits_the_pin(point):
                return "double tap skipped: it would have sent the PIN"
            self.press_and_release(point, double=True)
            return f"double tap {point.x()},{point.y()}"
        if kind in ("drag", "swipe"):
            start = self.random_point()
            if kind == "drag":
                end = self.random_point()
                steps, frame_ms = rng.randint(2, 10), rng.choice((0, 0, 4, 16))
            else:
                reach = rng.randint(100, 900)
                direction = rng.choice(((0, -1), (0, 1), (-1, 0), (1, 0)))
                end = start + QPoint(direction[0] * reach, direction[1] * reach)
                steps, frame_ms = rng.randint(3, 6), rng.choice((4, 8, 16))
            self.drag(start, end, steps, frame_ms)
            return f"{kind} {start.x()},{start.y()} -> {end.x()},{end.y()} in {steps}"
        if kind == "long press":
            name = self.window.home_screen.clinic_name
            if name.isVisible() and rng.random() < 0.5:
                point = name.mapTo(self.window, name.rect().center())
            else:
                point = self.aimed_point()
            hold = rng.choice((350, 350, 500, 700))
            if self.submits_the_pin(point):
                return "long press skipped: it would have sent the PIN"
            self.press_and_release(point, hold_ms=hold)
            return f"long press {point.x()},{point.y()} for {hold} ms"
        if kind == "key":
            key, modifier = rng.choice(KEYS)
            handle = self.window.windowHandle()
            assert handle is not None
            if rng.random() < 0.5:
                QTest.keyClick(handle, key, modifier)
                return f"key {key.name} {modifier.name} (window)"
            focus = QApplication.focusWidget() or self.window
            QTest.keyClick(focus, key, modifier)
            return f"key {key.name} {modifier.name} to {type(focus).__name__}"
        if kind == "wheel":
            point = self.random_point()
            target, local = self.target_at(point)
            delta = QPoint(0, rng.choice((-360, -120, 120, 360)))
            wheel = QWheelEvent(QPointF(local), QPointF(target.mapToGlobal(local)), QPoint(),
                                delta, Qt.MouseButton.NoButton, _NO,
                                Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(target, wheel)
            return f"wheel {delta.y()} at {point.x()},{point.y()}"
        wait = rng.choice((1100, 1100, 2300))
        self.qtbot.wait(wait)
        return f"idle {wait} ms"

    # --- the rules --------------------------------------------------------------------------

    def step(self, index: int) -> None:
        kinds = list(GESTURES)
        kind = self.rng.choices(kinds, weights=[GESTURES[k] for k in kinds])[0]
        began = time.monotonic()
        description = self.gesture(kind)
        self.seconds[kind] += time.monotonic() - began
        self.gestures[kind] += 1
        self.trail.append(f"{index}: {description}")
        self.look()

    def look(self) -> None:
        """Note what is showing; fail at once if any rule is broken."""
        window = self.window
        self.screens.add(window.current_screen)
        for name, widget in (("attract", window.attract), ("still reading", window.still_reading),
                             ("pin pad", window.pin_pad), ("help", window.help_panel),
                             ("link panel", window.link_panel)):
            if widget.isVisible():
                self.sightings[name] += 1
        if window.pin_pad.isVisible() and window.staff_access.seconds_locked() > 0:
            self.sightings["pin pad locked"] += 1

    def broken_rules(self, records: Callable[[], list[str]]) -> list[str]:
        window = self.window
        QApplication.processEvents()
        broken = [*records()]
        if window.crash_guard.caught:
            broken.append(f"{window.crash_guard.caught} unhandled exception(s)")
        if not window.isVisible():
            broken.append("the window is hidden")
        if not window.isFullScreen() or window.isMinimized():
            broken.append("the window is not full screen")
        if not window.kiosk_mode:
            broken.append("kiosk mode is off")
        if window.staff_panel.isVisible():
            broken.append("the staff panel is open without the PIN")
        return broken

    def failure(self, problems: list[str], where: str) -> str:
        return (f"monkey seed {self.seed} on {_screen_id((self.window.width(), self.window.height()))}"
                f" {where}: {'; '.join(problems)}\nlast gestures:\n  "
                + "\n  ".join(self.trail))

    # --- the end: leave as a patient would, then Home must answer -------------------------

    def dismiss_everything(self) -> None:
        """Tap the attract screen away and close every panel with its own button."""
        window = self.window
        for _ in range(12):
            if window.attract.isVisible():
                self.press_and_release(QPoint(window.width() // 2, window.height() // 2))
                self.trail.append("end: tap the attract screen")
                continue
            shown = [panel for panel in window.panels() if panel.isVisible()]
            if not shown:
                return
            close = shown[-1].close_button
            self.press_and_release(close.mapTo(window, close.rect().center()))
            self.trail.append(f"end: tap {close.text() or 'Close'} on {shown[-1].objectName()}")

    def tap_widget(self, widget: QWidget) -> None:
        self.press_and_release(widget.mapTo(self.window, widget.rect().center()))

    def home_answers(self) -> bool:
        """Away from home (a tile), then Home: the home screen must show."""
        window = self.window
        self.dismiss_everything()
        if window.current_screen == HOME:
            tiles = [tile for tile in window.home_screen.grid.tiles if tile.isVisible()]
            assert tiles, "the home screen shows no tiles"
            self.tap_widget(tiles[0])
            self.trail.append(f"end: tap the tile {tiles[0].title!r}")
        self.dismiss_everything()
        home = window.nav_bar.home_button
        if window.current_screen == HOME or not home.isVisible():
            return False
        self.tap_widget(home)
        self.trail.append("end: tap Home")
        return (window.current_screen == HOME
                and window.stack.currentWidget() is window.home_screen
                and window.home_screen.isVisible())


def _format_exceptions(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = []
    for record in caplog.records:
        if record.exc_info and record.exc_info[1] is not None:
            found.append("".join(traceback.format_exception(*record.exc_info)))
    return found


if os.environ.get(SCREEN_ENV):

    def test_monkey_on_this_screen(
        qtbot: QtBot, qtlog: object, caplog: pytest.LogCaptureFixture, data_dir: Path,
        make_window: WindowFactory,
    ) -> None:
        """The monkey on the one screen this process has (see the outer test)."""
        seed = int(os.environ[SEED_ENV])
        events = int(os.environ[EVENTS_ENV])
        width, height = (int(side) for side in os.environ[SCREEN_ENV].split("x"))
        print(f"monkey seed {seed}: {events} events on {width}x{height}", flush=True)
        write_settings(data_dir, kiosk_mode=True, pin_hash=hash_pin(PIN), **SHORT_TIMEOUTS)
        window = make_window((width, height))
        assert (window.width(), window.height()) == (width, height), "the screen's size"
        monkey = Monkey(window, qtbot, random.Random(f"{seed}/{width}x{height}"), seed)
        seen = 0

        def new_qt_warnings() -> list[str]:
            nonlocal seen
            records = qtlog.records  # type: ignore[attr-defined]
            fresh, seen = records[seen:], len(records)
            return [f"Qt {record.log_type_name}: {record.message}" for record in fresh
                    if not record.ignored and record.log_type_name != "DEBUG"
                    and record.log_type_name != "INFO"]

        started = time.monotonic()
        for index in range(events):
            monkey.step(index)
            began = time.monotonic()
            problems = monkey.broken_rules(new_qt_warnings)
            monkey.seconds["checks"] += time.monotonic() - began
            if problems:
                problems += _format_exceptions(caplog)
                pytest.fail(monkey.failure(problems, f"after gesture {index}"), pytrace=False)
        tapping = time.monotonic() - started
        answered = monkey.home_answers()
        problems = monkey.broken_rules(new_qt_warnings)
        if not answered:
            problems.append(f"a tap on Home did not show the home screen "
                            f"(showing {window.current_screen!r})")
        if problems:
            pytest.fail(monkey.failure(problems + _format_exceptions(caplog), "at the end"),
                        pytrace=False)
        report = {"seed": seed, "screen": f"{width}x{height}", "events": events,
                  "seconds": round(tapping, 1), "gestures": dict(monkey.gestures),
                  "screens": sorted(monkey.screens), "seen": dict(monkey.sightings),
                  "lock_out": window.settings.lock_out.locks,
                  "time": {k: round(v, 1) for k, v in monkey.seconds.items()}}
        Path(os.environ.get(REPORT_ENV) or os.devnull).write_text(json.dumps(report),
                                                                   encoding="utf-8")
        print(json.dumps(report))

