"""Read aloud with a real speech engine: pages are spoken to the end, and taps stop them.

Each test here talks to a real speech-dispatcher with espeak-ng, started by the module's
fixture and heard by no one (a PulseAudio null sink plays it in real time).  Where the
engine is not installed the tests are skipped, saying what is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.session.history import HOME
from kiosk.ui.main_window import MainWindow
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.speech import end_speech_service
from kiosk.ui.voices import SWITCH
from tests.helpers import WindowFactory, settle_layout, tap, tap_button, tile_titled
from tests.speech_engine import SpeechEngine, missing

SHORT_CONTENT = Path(__file__).parent / "data" / "read_aloud"
SHORT_TITLES = {"en": "A short page", "sw": "Ukurasa mfupi"}
VOICES_TIMEOUT_MS = 60_000  # speech-dispatcher lists thousands of voices at start
READ_TIMEOUT_MS = 120_000  # a short page takes a few seconds to say, at real-time speed
STOP_TIMEOUT_MS = 15_000  # a bundled page takes minutes: Ready within this means stopped

pytestmark = [
    pytest.mark.slow,
    pytest.mark.spawns_processes,
    # Qt Multimedia (loaded with QtTextToSpeech) looks for PipeWire and says so.
    pytest.mark.qt_log_ignore("pipewire", "qt.multimedia"),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpeechEngine]:
    """A running speech-dispatcher that the kiosk's read-aloud uses, stopped at the end."""
    why = missing()
    if why:
        pytest.skip(f"read-aloud cannot be proven with a real engine here: {why}")
    started = SpeechEngine(tmp_path_factory.mktemp("speech"))
    started.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SWITCH, "on")
        patch.setenv("SPEECHD_ADDRESS", started.address)
        end_speech_service()  # the next window opens the engine anew, at this address
        try:
            yield started
        finally:
            end_speech_service()
            started.stop()


def ready_read_aloud(qtbot: QtBot, window: MainWindow) -> ReadAloud:
    """The window's read-aloud once the engine has listed its voices."""
    feature = window.read_aloud
    assert feature is not None, "read-aloud must exist where an engine is installed"
    qtbot.wait_until(lambda: feature.speech.answered, timeout=VOICES_TIMEOUT_MS)
    return feature


def start_reading(qtbot: QtBot, feature: ReadAloud) -> None:
    """Tap Read aloud and wait until the engine is speaking."""
    with qtbot.wait_signal(feature.speech.speaking_changed, timeout=READ_TIMEOUT_MS,
                           check_params_cb=lambda speaking: speaking):
        tap_button(qtbot, feature.button)
    assert feature.button.isChecked(), "the button shows that it is reading"


def test_the_engine_has_voices_for_english_and_kiswahili(
    qtbot: QtBot, engine: SpeechEngine, window: MainWindow
) -> None:
    feature = ready_read_aloud(qtbot, window)
    assert feature.speech.engine == "speechd"
    assert {"en", "sw"} <= set(feature.speech.voices)
    assert feature.speech.voices["sw"].name == "Swahili"
    assert feature.button.isVisible()
    assert feature.button.accessibleName() == "Read aloud"
    tap_button(qtbot, window.nav_bar.language_button)
    assert window.session.language == "sw"
    assert feature.button.isVisible(), "Kiswahili has a voice, so the button stays"


@pytest.mark.parametrize("language", ["en", "sw"])
def test_a_page_is_read_aloud_to_the_end(
    qtbot: QtBot, engine: SpeechEngine, make_window: WindowFactory, language: str
) -> None:
    window = make_window(content=SHORT_CONTENT)
    feature = ready_read_aloud(qtbot, window)
    window.session.set_language(language)
    tap(qtbot, tile_titled(window, SHORT_TITLES[language]))
    assert feature.button.isVisible()
    states: list[bool] = []
    feature.speech.speaking_changed.connect(states.append)
    to_the_end = qtbot.wait_signal(feature.speech.finished, timeout=READ_TIMEOUT_MS)
    start_reading(qtbot, feature)
    qtbot.wait_until(lambda: engine.playing_streams() > 0, timeout=READ_TIMEOUT_MS)  # audio
    to_the_end.wait()  # Speaking -> Ready after the last list item, not a stop
    assert states == [True, False]
    assert not feature.button.isChecked()


def go_home(window: MainWindow, qtbot: QtBot) -> None:
    tap_button(qtbot, window.nav_bar.home_button)


def go_back(window: MainWindow, qtbot: QtBot) -> None:
    tap_button(qtbot, window.nav_bar.back_button)


def change_language(window: MainWindow, qtbot: QtBot) -> None:
    tap_button(qtbot, window.nav_bar.language_button)


def privacy_reset(window: MainWindow, _qtbot: QtBot) -> None:
    window.session.reset()


def tap_read_aloud_again(window: MainWindow, qtbot: QtBot) -> None:
    assert window.read_aloud is not None
    tap_button(qtbot, window.read_aloud.button)


@pytest.mark.parametrize("action", [go_home, go_back, change_language, privacy_reset,
                                    tap_read_aloud_again])
def test_reading_stops_when_the_patient_moves_on(
    qtbot: QtBot, engine: SpeechEngine, window: MainWindow,
    action: Callable[[MainWindow, QtBot], None]
) -> None:
    feature = ready_read_aloud(qtbot, window)
    window.session.navigate("how-it-works")
    window.session.navigate("safety")  # a long page, and Back leads somewhere
    finished: list[bool] = []
    feature.speech.finished.connect(lambda: finished.append(True))
    start_reading(qtbot, feature)
    with qtbot.wait_signal(feature.speech.speaking_changed, timeout=STOP_TIMEOUT_MS,
                           check_params_cb=lambda speaking: not speaking):
        action(window, qtbot)
    assert not finished, "it stopped, it was not read to the end"
    assert not feature.button.isChecked()
    if action is go_home:
        assert window.session.current_screen == HOME


def test_self_test_lists_the_engine_and_its_voices(
    capsys: pytest.CaptureFixture[str], engine: SpeechEngine, data_dir: Path
) -> None:
    assert main(["--data-dir", str(data_dir), "self-test"]) == 0
    out = capsys.readouterr().out
    speech_line = next(line for line in out.splitlines() if line.startswith("  speech"))
    assert "speechd" in speech_line
    assert "en (" in speech_line and "sw (Swahili)" in speech_line


def test_screenshots_wait_for_the_engine_so_every_picture_shows_read_aloud(
    tmp_path: Path, engine: SpeechEngine, make_window: WindowFactory
) -> None:
    from PySide6.QtGui import QImage

    from kiosk.commands.screenshots import save_screenshots

    end_speech_service()  # a new engine, opened after this window's first paint
    window = make_window()
    assert window.read_aloud is not None
    written = save_screenshots(window, tmp_path / "shots")
    assert window.read_aloud.button.isVisible(), "the engine has a voice for English"
    window.session.go_home()
    settle_layout()
    now = window.grab().toImage()
    first = QImage(str(written[0]))  # home.png, the first picture taken
    assert written[0].name == "home.png"
    bar = window.nav_bar.geometry()
    assert first.copy(bar) == now.copy(bar).convertToFormat(first.format()), (
        "the first picture's bar is the bar with Read aloud, as in the last pictures")


def test_the_kiosk_log_has_no_pipewire_noise(engine: SpeechEngine, data_dir: Path) -> None:
    """Qt Multimedia warns that PipeWire is missing; IT must not read that as a fault."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", SWITCH: "on",
           "SPEECHD_ADDRESS": engine.address}
    run = subprocess.run([sys.executable, "-m", "kiosk", "--exit-after-first-paint",
                          "--data-dir", str(data_dir), "--size", "800x600"],
                         cwd=Path(__file__).resolve().parents[1], env=env, text=True,
                         capture_output=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "started" in run.stderr, "the kiosk's log lines are there"
    assert "pipewire" not in (run.stdout + run.stderr).lower()
