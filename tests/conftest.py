"""Shared fixtures: offscreen Qt, the kiosk's own QApplication, windows on temp folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No speech engine unless a test starts its own (tests/test_read_aloud_speech.py).
os.environ["TIGONI_READ_ALOUD"] = "off"

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.app import Options, application, build_window
from kiosk.session.pin import hash_pin
from kiosk.ui.i18n import SOURCE_LANGUAGE, Translations
from kiosk.ui.kiosk_guard import KioskGuard
from kiosk.ui.main_window import MainWindow
from tests.helpers import PIN, WindowFactory, settle_layout, write_settings

_SPAWN_EVENTS = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
                 "os.startfile")
_spawned: list[str] | None = None


def _audit_spawns(event: str, args: tuple[object, ...]) -> None:
    if _spawned is not None and event.startswith(_SPAWN_EVENTS):
        _spawned.append(f"{event} {args[:2]!r}")


sys.addaudithook(_audit_spawns)


@pytest.fixture(autouse=True)
def kiosk_opens_no_program(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The kiosk never opens a browser or starts a program: fail any test where it does.

    Tests marked ``spawns_processes`` run tools themselves (installer, subprocess checks).
    """
    global _spawned
    opened: list[str] = []

    def refuse_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return False

    def refuse_process(*args: object) -> bool:
        opened.append(f"QProcess {args!r}")
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse_url)
    monkeypatch.setattr(QProcess, "startDetached", refuse_process)
    allowed = request.node.get_closest_marker("spawns_processes") is not None
    _spawned = None if allowed else []
    yield
    spawned, _spawned = _spawned, None
    assert opened == [], f"the kiosk tried to open {opened}"
    assert not spawned, f"the kiosk started a program: {spawned}"


@pytest.fixture(autouse=True)
def kiosk_logging_put_back() -> Iterator[None]:
    """Undo what ``setup_logging`` or a command run in the test (``set-pin``) did to logging."""
    root = logging.getLogger()
    level, hook, thread_hook = root.level, sys.excepthook, threading.excepthook
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hook, thread_hook


@pytest.fixture(autouse=True)
def taps_at_machine_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests tap right after each screen change, faster than any person; a person's
    deliberate tap comes later.  tests/test_tap_after_change.py turns the quiet window
    after a change (``KioskGuard.quiet_s``) back on to test it."""
    monkeypatch.setattr(KioskGuard, "quiet_s", 0.0)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The tests, like the build, compile the .ts translation sources to .qm first."""
    script = Path(__file__).resolve().parent.parent / "build" / "translations.py"
    subprocess.run([sys.executable, str(script), "compile"], check=True,
                   capture_output=True)


@pytest.fixture(scope="session")
def qapp() -> Iterator[QApplication]:
    """The kiosk's QApplication (with its fonts), shared by the whole test session."""
    yield application([], route_qt_messages=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data folder: tests never touch the real one."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(resources.bundled_content_dir(), target)
    return target


@pytest.fixture
def make_window(qapp: QApplication, qtbot: QtBot, data_dir: Path,
                request: pytest.FixtureRequest) -> WindowFactory:
    """Build and show a kiosk window of a given size on a temporary data folder."""

    def english_again() -> None:
        Translations().use(SOURCE_LANGUAGE)  # a Kiswahili window leaves no words behind

    request.addfinalizer(english_again)

    def make(size: tuple[int, int] = (1920, 1080), content: Path | None = None) -> MainWindow:
        window, _choice = build_window(Options(data_dir=data_dir, content_dir=content,
                                               size=size))
        qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
        window.present()
        qtbot.wait_exposed(window)
        qtbot.wait_until(lambda: window.lockdown.watching_input)  # from its first paint on
        settle_layout()
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    """A 1920x1080 kiosk window showing the bundled content."""
    return make_window()


@pytest.fixture
def counted(qtbot: QtBot, data_dir: Path) -> MainWindow:
    """A window that records usage in its data folder, as the installed kiosk does."""
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50)
    window, _choice = build_window(Options(data_dir=data_dir, record_usage=True))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    window.present()
    qtbot.wait_exposed(window)
    qtbot.wait_until(lambda: window.lockdown.watching_input)  # from its first paint on
    return window
