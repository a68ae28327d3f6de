"""Start-up, in order: paths, logging, the Qt application, fonts, content, the window.

``build_window`` is shared by the interactive kiosk, ``screenshots`` and the tests, so
all of them see exactly the same window.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QRect,
    QStandardPaths,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content.source import ContentChoice, choose_content
from kiosk.display import screen_problem
from kiosk.logs import setup_logging
from kiosk.private_files import make_private
from kiosk.settings import SettingsStore
from kiosk.ui.fallback_fonts import use_fallback_fonts
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.graphics import load_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screen_fit import ScreenFit
from kiosk.watchdog import SystemdWatchdog

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

ORGANISATION = "Tigoni Treatment Centre"
DEFAULT_SIZE = (1920, 1080)  # px: the window's size when the screen has room for it
FRAME_ALLOWANCE = 100  # px a window manager's title bar and borders may need
APPLICATION = "tigoni-kiosk"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


@dataclass(frozen=True)
class Options:
    """What the command line asked for."""

    data_dir: Path | None = None
    content_dir: Path | None = None
    size: tuple[int, int] | None = None
    language: str | None = None
    fullscreen: bool = False
    kiosk: bool = False
    high_contrast: bool = False
    record_usage: bool = False
    exit_after_first_paint: bool = False


def default_data_dir() -> Path:
    """The platform's per-user application data folder."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / f".{APPLICATION}"


# Qt Multimedia (loaded with read-aloud's QtTextToSpeech) looks for PipeWire on every
# start and warns when it is absent; the kiosk's speech goes through speech-dispatcher,
# so for IT reading the log this is noise, kept only at debug level.
_HARMLESS_QT_WARNINGS = ("Couldn't load pipewire-0.3 library",
                         "Couldn't resolve pipewire-0.3 symbols")


def _route_qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    level = _QT_LEVELS.get(mode, logging.WARNING)
    if message.startswith(_HARMLESS_QT_WARNINGS):
        level = logging.DEBUG
    qt_log.log(level, "%s", message)


def application(argv: list[str] | None = None, route_qt_messages: bool = True) -> QApplication:
    """The process's QApplication, created once.

    ``route_qt_messages`` sends Qt's own messages to Python logging; the tests turn it off
    so pytest-qt keeps failing any test that makes Qt warn.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APPLICATION)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    if route_qt_messages:
        qInstallMessageHandler(_route_qt_message)
    load_fonts()
    use_fallback_fonts()  # emoji and symbols from bundled fonts (issue 14)
    return app


def build_window(options: Options) -> tuple[MainWindow, ContentChoice]:
    """Load settings and content and make the main window, sized but not yet shown."""
    store = SettingsStore(options.data_dir)
    if options.kiosk and not store.settings.kiosk_mode:
        store.settings.kiosk_mode = True
        store.save()
    # Pages are read as they are first shown; self-test reads them all (library.pages).
    choice = choose_content(options.content_dir, options.data_dir, lazy=True)
    from kiosk.stats import UsageRecorder

    # The database is checked and opened on the writer thread, beside the first paint.
    recorder = UsageRecorder(options.data_dir if options.record_usage else None,
                             open_now=False)
    window = MainWindow(choice, store, recorder, options.language,
                        options.size or DEFAULT_SIZE)
    if options.high_contrast:
        window.session.set_high_contrast(True)
    return window, choice


def run(options: Options) -> int:
    """Run the interactive kiosk until it is closed.

    Exit status 2, with one plain line on standard error, when there is no screen to show
    it on (Qt itself would abort with a misleading message).
    """
    problem = screen_problem()
    if problem is not None:
        print(f"tigoni-kiosk: {problem}", file=sys.stderr)
        return 2
    data_dir = options.data_dir or default_data_dir()
    make_private(data_dir)  # owner-only folder and files, before anything is written
    setup_logging(data_dir)
    from kiosk.instance import claim  # one kiosk per data folder (issue 20)

    if isinstance(instance_lock := claim(data_dir), str):
        log.error("%s", instance_lock)
        return 3
    app = application()
    size, cramped = window_size(options)
    window, _choice = build_window(
        dataclasses.replace(options, data_dir=data_dir, record_usage=True, size=size))
    log.info("tigoni-kiosk %s started (kiosk mode %s)", __version__,
             "on" if window.session.kiosk_mode else "off")
    window.session.exit_requested.connect(app.quit)
    # Several kiosks (issue #18): the pack inbox and the usage outbox, well after the first
    # paint (a timer costs the first picture nothing; an event filter would).
    from kiosk.packs.startup import START_DELAY_MS, start_several_kiosks

    QTimer.singleShot(START_DELAY_MS, window, lambda: start_several_kiosks(
        window, data_dir, watch_inbox=options.content_dir is None))
    window.present(options.fullscreen)
    if cramped and not (options.fullscreen or window.session.kiosk_mode):
        window.showMaximized()  # the screen's whole free area, frame included
    ScreenFit(window)  # re-fit when the screen is rotated, resized, unplugged
    AfterFirstPaint(window.home_screen, SystemdWatchdog(window).ready)  # READY=1, pings
    if options.exit_after_first_paint:
        # Installed last, so it hears of the first paint first: the time is taken before
        # the window's own after-the-first-paint work (see MainWindow._after_first_paint).
        AfterFirstPaint(window.home_screen,
                        lambda: report_first_paint_and_quit(app, window.frameGeometry()))
    return app.exec()


def window_size(options: Options) -> tuple[tuple[int, int], bool]:
    """The window's size in pixels, and whether it should fill the screen's free area.

    ``--size`` wins.  Otherwise the default 1920x1080, unless the primary screen's
    available area (without task bars) has no room for it and a window frame: then the
    window is as big as that area and should be maximised, so that no part of it, frame
    included, starts off the screen.
    """
    if options.size is not None:
        return options.size, False
    if not QGuiApplication.screens():  # every screen unplugged at this moment
        return DEFAULT_SIZE, False
    area = QGuiApplication.primaryScreen().availableGeometry()
    cramped = (area.width() < DEFAULT_SIZE[0] + FRAME_ALLOWANCE
               or area.height() < DEFAULT_SIZE[1] + FRAME_ALLOWANCE)
    if not cramped:
        return DEFAULT_SIZE, False
    return (min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height())), True


def report_first_paint_and_quit(app: QApplication, frame: QRect) -> None:
    """Debug aid for the start-up benchmark and tests (``--exit-after-first-paint``).

    Prints ``first-paint <time.time()> <memory in MiB> <x>,<y>,<width>x<height>`` (the
    window's frame on the screen, in px) and quits.
    """
    where = f"{frame.x()},{frame.y()},{frame.width()}x{frame.height()}"
    print(f"first-paint {time.time():.6f} {_resident_mb():.1f} {where}", flush=True)
    app.exit(0)  # not quit(): it asks the window to close, which kiosk mode refuses


def _resident_mb() -> float:
    """The memory this process uses now (VmRSS) in MiB; NaN where /proc does not exist."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")
