"""A seeded monkey taps, drags, swipes, long-presses and types anywhere on a kiosk.

The kiosk runs in kiosk mode with a staff PIN and every timeout shortened, so the
"Still reading?" warning, the idle reset, the attract screen, the PIN pad and its lock-out
all come up under the monkey's fingers.  After every gesture: no unhandled exception, no
Qt warning, the window still visible and full screen, still in kiosk mode and the staff
panels shut (only the PIN opens them, and the monkey never types it); the screen shown
is the current one, with Home and Back where they lead somewhere and nothing cut off the
navigation bar; after a pause the "Still reading?" warning, then the reset, do come, and
the attract screen never hides a patient's page.  At the end the monkey leaves as a
patient would (tap the attract screen away, close the panels) and a tap on Home must
still show the home screen.

Kiosk mode fills the screen, so each screen size runs in its own process whose offscreen
screen has that size (``offscreen:configfile=``), as a pytest-qt test.  There the
QApplication comes from ``kiosk.app.application``, whose own Qt message handler replaces
pytest-qt's for that first test, so the monkey reads Qt's warnings both from pytest-qt
and from the "qt" logger, after every gesture.

    MONKEY_SEED=1234 MONKEY_EVENTS=20000 pytest -q tests/e2e/test_monkey.py

``MONKEY_EVENTS`` (default 2000) is shared out between the screen sizes.  The seed
(random unless ``MONKEY_SEED`` is set) is printed at the start and in every failure: the
same seed replays the same gestures, although timers may fire at slightly different
moments from one run to the next.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import subprocess
import sys
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session.history import CONTACT, HOME
from kiosk.session.pin import hash_pin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.page_view import PageView
from tests.helpers import WindowFactory, settle_layout, tap, write_settings

SEED_ENV = "MONKEY_SEED"
EVENTS_ENV = "MONKEY_EVENTS"
SCREEN_ENV = "MONKEY_SCREEN"  # set only in the process that runs one screen size
REPORT_ENV = "MONKEY_REPORT"
DEFAULT_EVENTS = 2000
SCREENS = ((1920, 1080), (1080, 1920))
ROOT = Path(__file__).resolve().parents[2]
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()

# Eight digits: random digits cannot hit it, and the monkey is stopped before it could
# ever submit it anyway.
PIN = "73950418"
# Shorter than settings.json allows (kiosk.settings_file.RANGES): set in memory after start.
SHORT_TIMEOUTS = {"idle_timeout_s": 1, "warning_s": 1, "staff_panel_timeout_s": 1}

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

# Known bug, reported, in kiosk/ui/main_window.py (not ours to fix): a press on the
# clinic's name that turns into a scroll never reaches the name's release, so the hidden
# gesture's timer runs on and the PIN pad opens.  Counted in the report ("stray PIN
# pads") until it is fixed; then set this to False and the monkey enforces it.
KNOWN_STRAY_PIN_PAD = False

# How often each gesture comes up, out of the sum of the weights.
GESTURES = {"tap": 26, "aimed tap": 22, "double tap": 3, "drag": 11, "swipe": 7,
            "touch": 6, "long press": 1.5, "pin guess": 1.5, "key": 14, "wheel": 2,
            "window tap": 4, "idle": 0.2}


def _screen_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def _seed() -> int:
    chosen = os.environ.get(SEED_ENV)
    return int(chosen) if chosen else random.SystemRandom().randrange(2**32)


def _start_screen(size: tuple[int, int], seed: int, events: int,
                  folder: Path) -> subprocess.Popen[str]:
    """One process whose only screen has ``size``, running the monkey on it."""
    folder.mkdir()
    screens = folder / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "kiosk", "x": 0, "y": 0, "width": size[0], "height": size[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, SEED_ENV: str(seed), EVENTS_ENV: str(events),
           SCREEN_ENV: _screen_id(size), REPORT_ENV: str(folder / "report.json"),
           "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               f"{THIS_FILE}::test_monkey_on_this_screen"]
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.mark.slow
@pytest.mark.spawns_processes
def test_a_monkey_never_breaks_the_kiosk(tmp_path: Path) -> None:
    """Every screen size at once (a process each: they use the cores there are)."""
    seed = _seed()
    total = int(os.environ.get(EVENTS_ENV, DEFAULT_EVENTS))
    events = max(1, total // len(SCREENS))
    replay = (f"replay: QT_QPA_PLATFORM=offscreen {SEED_ENV}={seed} {EVENTS_ENV}={total} "
              f"uv run pytest -q {THIS_FILE}")
    print(f"monkey seed {seed}: {events} events on each of "
          f"{', '.join(_screen_id(size) for size in SCREENS)}; {replay}", flush=True)
    runs = {size: _start_screen(size, seed, events, tmp_path / _screen_id(size))
            for size in SCREENS}
    deadline = time.monotonic() + 120 + events * 0.25
    failures = []
    for size, run in runs.items():
        try:
            output, _ = run.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            run.kill()
            output, _ = run.communicate()
            failures.append(f"{_screen_id(size)}: did not finish in time\n{output[-4000:]}")
            continue
        report = tmp_path / _screen_id(size) / "report.json"
        if run.returncode != 0 or not report.exists():
            lines = output.strip().splitlines()
            failures.append(f"{_screen_id(size)}: exit {run.returncode}\n"
                            + "\n".join(lines[-80:]))
        else:
            print(report.read_text(encoding="utf-8"))
    assert not failures, (f"the monkey (seed {seed}) broke the kiosk; {replay}\n"
                          + "\n\n".join(failures))


def test_a_touch_on_the_still_reading_words_means_keep_reading(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory
) -> None:
    """Found while building the monkey: only the button or the backdrop kept the page."""
    window = make_window()
    # Shorter than the file allows (30 s and 5 s at least), so set in memory, not in the file.
    window.settings.idle_timeout_s, window.settings.warning_s = 1, 2
    window.session.idle.restart()  # the timer was started with the file's idle time
    window.session.navigate("safety")
    qtbot.waitUntil(window.overlays.still_reading.isVisible, timeout=3000)
    with qtbot.assert_not_emitted(window.session.session_reset):
        tap(qtbot, window.overlays.still_reading.countdown)
        assert not window.overlays.still_reading.isVisible()
        # The idle cycle starts again from the beginning: the warning comes back (after
        # the idle time), and the countdown that was running never reset the visit.
        qtbot.wait_until(window.overlays.still_reading.isVisible, timeout=10_000)
    assert window.session.current_screen == "safety" and not window.overlays.attract.isVisible()


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
    seconds: dict[str, float] = field(default_factory=dict)
    touchscreen: QPointingDevice = field(default_factory=QTest.createTouchDevice)
    idle_broken: str = ""
    holding_name: bool = False
    stray_pin_pads: int = 0

    # --- choosing where -------------------------------------------------------------------

    def on_screen(self, point: QPoint) -> QPoint:
        """``point`` moved onto the window: a finger cannot touch beyond the screen."""
        return QPoint(max(0, min(self.window.width() - 1, point.x())),
                      max(0, min(self.window.height() - 1, point.y())))

    def random_point(self) -> QPoint:
        width, height = self.window.width(), self.window.height()
        return QPoint(self.rng.randrange(width), self.rng.randrange(height))

    def aimed_point(self) -> QPoint:
        """The middle (give or take) of something a patient can see to tap: mostly a
        button on the open panel, if there is one, so the PIN pad gets its digits."""
        window = self.window
        panels = [panel for panel in window.overlays.panels() if panel.isVisible()]
        scope: QWidget = panels[-1] if panels and self.rng.random() < 0.7 else window
        targets: list[QWidget] = [
            button for button in scope.findChildren(QAbstractButton)
            if button.isVisible() and not button.visibleRegion().isEmpty()]
        if targets:
            views = [view for view in self.window.findChildren(PageView) if view.isVisible()]
            link = self.link_point(views) if views and self.rng.random() < 0.25 else None
            if link is not None:
                return link
            target = self.rng.choice(targets)
            area = target.visibleRegion().boundingRect()  # scrolled out of view: not there
            inside = QPoint(area.x() + self.rng.randrange(area.width()),
                            area.y() + self.rng.randrange(area.height()))
            middle = (area.center() + inside) / 2
            return self.on_screen(target.mapTo(self.window, middle))
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
        pad = self.window.overlays.pin_pad
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
        name = self.window.home_screen.clinic_name
        self.send_mouse(target, QEvent.Type.MouseButtonPress, local, held)
        if hold_ms:
            self.holding_name = target is name or name.isAncestorOf(target)
            self.qtbot.wait(hold_ms)
            self.holding_name = False
        self.send_mouse(target, QEvent.Type.MouseButtonRelease, local, Qt.MouseButton.NoButton)
        if double:
            self.send_mouse(target, QEvent.Type.MouseButtonDblClick, local, held)
            self.send_mouse(target, QEvent.Type.MouseButtonRelease, local,
                            Qt.MouseButton.NoButton)

    def drag(self, start: QPoint, end: QPoint, steps: int, frame_ms: int,
             through_window: bool) -> None:
        """Press, move with the finger down, lift: straight to the pressed widget (which
        keeps the events, as under a grab), or through the window system."""
        handle = self.window.windowHandle()
        assert handle is not None
        target, local = self.target_at(start)
        offset = local - start
        held = Qt.MouseButton.LeftButton
        if through_window:
            QTest.mousePress(handle, held, _NO, start)
        else:
            self.send_mouse(target, QEvent.Type.MouseButtonPress, local, held)
        for step in range(1, steps + 1):
            if frame_ms:
                self.qtbot.wait(frame_ms)
            point = start + (end - start) * (step / steps)
            if through_window:
                QTest.mouseMove(handle, self.on_screen(point))
            else:
                self.send_mouse(target, QEvent.Type.MouseMove, point + offset, held)
        if through_window:
            QTest.mouseRelease(handle, held, _NO, self.on_screen(end))
        else:
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

    def touch(self) -> str:
        """A finger (or two) on the touchscreen, through the window system."""
        if self.window.overlays.pin_pad.isVisible() and self.window.overlays.pin_pad.typed == PIN:
            return "touch skipped: it could have sent the PIN"
        rng, window = self.rng, self.window
        fingers = 2 if rng.random() < 0.15 else 1
        starts = [self.aimed_point() if rng.random() < 0.5 else self.random_point()
                  for _ in range(fingers)]
        moves = 0 if rng.random() < 0.5 else rng.randint(2, 8)
        shift = QPoint(rng.randint(-60, 60), rng.randint(-120, 120))
        sequence = QTest.touchEvent(window, self.touchscreen)
        for finger, start in enumerate(starts):
            sequence.press(finger, start, window)
        sequence.commit()
        for step in range(1, moves + 1):
            self.qtbot.wait(rng.choice((0, 8, 16)))
            sequence = QTest.touchEvent(window, self.touchscreen)
            for finger, start in enumerate(starts):
                sequence.move(finger, self.on_screen(start + shift * step), window)
            sequence.commit()
        sequence = QTest.touchEvent(window, self.touchscreen)
        for finger, start in enumerate(starts):
            sequence.release(finger, self.on_screen(start + shift * moves), window)
        sequence.commit()
        where = " ".join(f"{start.x()},{start.y()}" for start in starts)
        return f"touch with {fingers} finger(s) at {where}, {moves} moves of {shift.toTuple()}"

    def pin_guess(self) -> str:
        """A curious patient: Home, hold the clinic's name, a few digits, then OK (never
        the real PIN)."""
        pad, name = self.window.overlays.pin_pad, self.window.home_screen.clinic_name
        home = self.window.nav_bar.home_button
        if not pad.isVisible() and not name.isVisible() and home.isVisible():
            self.tap_widget(home)
        if not pad.isVisible() and name.isVisible() and name.visibleRegion().contains(
                name.rect().center()):
            self.press_and_release(name.mapTo(self.window, name.rect().center()),
                                   hold_ms=self.window.settings.staff_hold_ms + 20)
        if not pad.isVisible():
            return "pin guess: no PIN pad open"
        digits = "".join(self.rng.choice("0123456789")
                         for _ in range(self.rng.randint(1, 9)))
        for digit in digits:
            self.tap_widget(pad.digit_buttons[digit])
        if pad.typed == PIN:
            self.tap_widget(pad.delete_button)
        self.tap_widget(pad.ok_button)
        return f"pin guess {len(digits)} digits, then OK"

    def gesture(self, kind: str) -> str:
        rng = self.rng
        if kind == "tap":
            return self.tap(self.random_point())
        if kind == "aimed tap":
            return "aimed " + self.tap(self.aimed_point())
        if kind == "touch":
            return self.touch()
        if kind == "pin guess":
            return self.pin_guess()
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
            name = self.window.home_screen.clinic_name
            start = (name.mapTo(self.window, name.rect().center())
                     if name.isVisible() and rng.random() < 0.1 else self.random_point())
            if kind == "drag":
                end = self.random_point()
                steps, frame_ms = rng.randint(2, 10), rng.choice((0, 0, 4, 16))
            else:
                reach = rng.randint(100, 900)
                direction = rng.choice(((0, -1), (0, 1), (-1, 0), (1, 0)))
                end = start + QPoint(direction[0] * reach, direction[1] * reach)
                steps, frame_ms = rng.randint(3, 6), rng.choice((0, 4, 8, 16))
            if self.submits_the_pin(start) or self.submits_the_pin(end):
                return f"{kind} skipped: it could have sent the PIN"
            through_window = rng.random() < 0.5
            self.drag(start, end, steps, frame_ms, through_window)
            path = "through the window" if through_window else "to the widget"
            return (f"{kind} {start.x()},{start.y()} -> {end.x()},{end.y()} in {steps} "
                    f"steps {path}")
        if kind == "long press":
            name = self.window.home_screen.clinic_name
            if name.isVisible() and rng.random() < 0.7:
                point = name.mapTo(self.window, name.rect().center())
            else:
                point = self.aimed_point()
            hold = rng.choice((320, 350, 400, 600))
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
        wait = rng.choice((1100, 2500))
        self.qtbot.wait(wait)
        window = self.window
        if wait > 2000 and not window.overlays.attract.isVisible():
            self.idle_broken = "no reset to the attract screen after 2.5 s without a touch"
        elif not (window.overlays.attract.isVisible()
                  or window.overlays.still_reading.isVisible()):
            self.idle_broken = "no 'Still reading?' after 1.1 s without a touch"
        return f"idle {wait} ms"

    # --- the rules --------------------------------------------------------------------------

    def staff_hold_fired(self) -> None:
        """The hidden gesture went off: a finger must be holding the clinic's name."""
        if not self.holding_name:
            self.stray_pin_pads += 1
            self.trail.append("!! the PIN pad opened with no finger on the clinic's name")

    def step(self, index: int) -> None:
        kinds = list(GESTURES)
        kind = self.rng.choices(kinds, weights=[GESTURES[k] for k in kinds])[0]
        began = time.monotonic()
        description = self.gesture(kind)
        self.seconds[kind] = self.seconds.get(kind, 0.0) + time.monotonic() - began
        self.gestures[kind] += 1
        self.trail.append(f"{index}: {description}")
        self.look()

    def look(self) -> None:
        """Count what is showing, for the report (coverage, not rules)."""
        window = self.window
        self.screens.add(window.session.current_screen)
        overlays = window.overlays
        for name, widget in (("attract", overlays.attract),
                             ("still reading", overlays.still_reading),
                             ("pin pad", overlays.pin_pad), ("help", overlays.help_panel),
                             ("link panel", overlays.link_panel)):
            if widget.isVisible():
                self.sightings[name] += 1
        if window.overlays.pin_pad.isVisible() and window.session.staff_access.seconds_locked() > 0:
            self.sightings["pin pad locked"] += 1

    def broken_rules(self, records: Callable[[], list[str]]) -> list[str]:
        window = self.window
        settle_layout()
        broken = [*records()]
        if window.crash_guard.caught:
            broken.append(f"{window.crash_guard.caught} unhandled exception(s)")
        if not window.isVisible():
            broken.append("the window is hidden")
        if not window.isFullScreen() or window.isMinimized():
            broken.append("the window is not full screen")
        if not window.session.kiosk_mode or not window.lockdown.guard.locked:
            broken.append("kiosk mode is off")
        if window.overlays.staff_panel.isVisible() or window.overlays.usage_panel.isVisible():
            broken.append("a staff panel is open without the PIN")
        if self.idle_broken:
            broken.append(self.idle_broken)
        if self.stray_pin_pads and not KNOWN_STRAY_PIN_PAD:
            broken.append("the PIN pad opened with no finger on the clinic's name")
        screen = window.session.current_screen
        if window.overlays.attract.isVisible() and screen != HOME:
            broken.append(f"the attract screen hides {screen!r}: the last patient's page")
        shown = {HOME: window.home_screen, CONTACT: window.contact_screen}.get(
            screen, window.page_screen)
        if window.stack.currentWidget() is not shown:
            broken.append(f"{screen!r} is current but {window.stack.currentWidget()!r} shows")
        bar = window.nav_bar
        if bar.home_button.isVisibleTo(bar) != (screen != HOME):
            broken.append(f"Home is {'shown' if screen == HOME else 'hidden'} on {screen!r}")
        if bar.back_button.isVisibleTo(bar) != window.session.history.can_go_back:
            broken.append(f"Back does not match the way back on {screen!r}")
        cut = [f"{button.accessibleName()} at {button.geometry().getRect()}"
               for button in bar.buttons()
               if button.isVisibleTo(bar) and not bar.rect().contains(button.geometry())]
        if cut or bar.width() > window.width():
            broken.append(f"the navigation bar {bar.geometry().getRect()} cuts off {cut}")
        return broken

    def failure(self, problems: list[str], where: str) -> str:
        """The last gestures, then what broke (last, so the end of any output shows it)."""
        screen = _screen_id((self.window.width(), self.window.height()))
        return ("last gestures:\n  " + "\n  ".join(self.trail)
                + f"\nmonkey seed {self.seed} on {screen} {where}: " + "\n".join(problems))

    # --- the end: leave as a patient would, then Home must answer -------------------------

    def dismiss_everything(self) -> None:
        """Tap the attract screen away and close every panel with its own button."""
        window = self.window
        for _ in range(12):
            if window.overlays.attract.isVisible():
                self.press_and_release(QPoint(window.width() // 2, window.height() // 2))
                self.trail.append("end: tap the attract screen")
                continue
            shown = [panel for panel in window.overlays.panels() if panel.isVisible()]
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
        if window.session.current_screen == HOME:
            tiles = [tile for tile in window.home_screen.grid.tiles if tile.isVisible()]
            assert tiles, "the home screen shows no tiles"
            self.tap_widget(tiles[0])
            self.trail.append(f"end: tap the tile {tiles[0].title!r}")
        self.dismiss_everything()
        home = window.nav_bar.home_button
        if window.session.current_screen == HOME or not home.isVisible():
            return False
        self.tap_widget(home)
        self.trail.append("end: tap Home")
        return (window.session.current_screen == HOME
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
        qtbot: QtBot, qtlog: Any, caplog: pytest.LogCaptureFixture, data_dir: Path,
        make_window: WindowFactory, request: pytest.FixtureRequest,
    ) -> None:
        """The monkey on the one screen this process has (see the outer test)."""
        seed = int(os.environ[SEED_ENV])
        events = int(os.environ[EVENTS_ENV])
        width, height = (int(side) for side in os.environ[SCREEN_ENV].split("x"))
        print(f"monkey seed {seed}: {events} events on {width}x{height}", flush=True)
        write_settings(data_dir, kiosk_mode=True, pin_hash=hash_pin(PIN), staff_hold_ms=300)
        window = make_window((width, height))
        for name, seconds in SHORT_TIMEOUTS.items():
            setattr(window.settings, name, seconds)
        window.session.idle.restart()  # started with the file's idle time
        assert (window.width(), window.height()) == (width, height), "the screen's size"
        monkey = Monkey(window, qtbot, random.Random(f"{seed}/{width}x{height}"), seed)
        window.staff_hold.held.connect(monkey.staff_hold_fired)
        seen_by_pytest_qt = seen_in_log = 0
        ignored_qt_messages: list[str] = request.config.getini("qt_log_ignore")

        def new_qt_warnings() -> list[str]:
            """Qt's warnings since the last look: in pytest-qt's capture, or in the "qt"
            logger when the kiosk's own handler (``kiosk.app.application``) took over."""
            nonlocal seen_by_pytest_qt, seen_in_log
            records = qtlog.records
            fresh, seen_by_pytest_qt = records[seen_by_pytest_qt:], len(records)
            found = [f"Qt {record.log_type_name}: {record.message}" for record in fresh
                     if not record.ignored and record.log_type_name not in ("DEBUG", "INFO")]
            logged = caplog.records
            fresh_logged, seen_in_log = logged[seen_in_log:], len(logged)
            found += [f"Qt {record.levelname}: {record.getMessage()}" for record in fresh_logged
                      if record.name == "qt" and record.levelno >= logging.WARNING
                      and not any(re.search(ignore, record.getMessage())
                                  for ignore in ignored_qt_messages)]
            return found

        started = time.monotonic()
        for index in range(events):
            monkey.step(index)
            problems = monkey.broken_rules(new_qt_warnings)
            if problems:
                problems += _format_exceptions(caplog)
                pytest.fail(monkey.failure(problems, f"after gesture {index}"), pytrace=False)
        tapping = time.monotonic() - started
        answered = monkey.home_answers()
        problems = monkey.broken_rules(new_qt_warnings)
        if not answered:
            problems.append(f"a tap on Home did not show the home screen "
                            f"(showing {window.session.current_screen!r})")
        if problems:
            pytest.fail(monkey.failure(problems + _format_exceptions(caplog), "at the end"),
                        pytrace=False)
        report = {"seed": seed, "screen": f"{width}x{height}", "events": events,
                  "seconds": round(tapping, 1), "gestures": dict(monkey.gestures),
                  "screens": sorted(monkey.screens), "seen": dict(monkey.sightings),
                  "pin_locks": window.settings.lock_out.locks,
                  "stray_pin_pads": monkey.stray_pin_pads,
                  "time": {k: round(v, 1) for k, v in monkey.seconds.items()}}
        Path(os.environ.get(REPORT_ENV) or os.devnull).write_text(json.dumps(report),
                                                                   encoding="utf-8")
        print(json.dumps(report))

