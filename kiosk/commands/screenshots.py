"""Render every screen of the kiosk to PNG files, for people to look at.

Pictures are taken once the read-aloud engine has answered (or ``SPEECH_WAIT_MS`` has
passed), so every picture shows the same navigation bar: the Read aloud button appears
when the engine finds a voice, and a picture taken just then caught the bar mid-way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from kiosk.session.history import HOME
from kiosk.ui.main_window import MainWindow


def screen_file_name(screen_id: str) -> str:
    """``conditions/depression`` -> ``page-conditions--depression.png``."""
    if screen_id == HOME:
        return "home.png"
    return f"page-{screen_id.replace('/', '--')}.png"


def all_screen_ids(window: MainWindow) -> list[str]:
    """Home, then every page in the current language in reading order."""
    ordered: list[str] = [HOME]

    def walk(parent: str | None) -> None:
        for page in window.library.children(parent):
            ordered.append(page.id)
            walk(page.id)

    walk(None)
    return ordered


def _open_first_source_link(window: MainWindow) -> None:
    """Go to the first page with a web link and open that link's QR panel."""
    for page_id in all_screen_ids(window):
        page = window.library.get(page_id)
        links = window.renderer.render(page, window.session.language).external_links if page else ()
        if links:
            window.session.navigate(page_id)
            view = window.page_screen.view
            window.overlays.link_panel.show_link(links[0], view.anchor_text(links[0]))
            return


def panel_scenes(window: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    """Panels that open over a screen, each with what opens it."""
    return [
        ("panel-help.png", window.overlays.help_panel.open_panel),
        ("panel-link.png", partial(_open_first_source_link, window)),
        ("panel-pin-pad.png", window.session.open_staff_access),
        ("panel-staff.png", window.session.open_staff_panel),
        ("panel-usage.png", window.session.show_usage),
        ("overlay-still-reading.png", window.session.idle.idle_elapsed),
        ("overlay-attract.png", window.overlays.attract.start),
    ]


SPEECH_WAIT_MS = 15_000


def _wait_for_speech(window: MainWindow) -> None:
    """Let the read-aloud engine answer (opened after the first paint) and the bar refit."""
    read_aloud = window.read_aloud
    if read_aloud is None:
        return
    deadline = QDeadlineTimer(SPEECH_WAIT_MS)
    while not read_aloud.speech.answered and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()


def save_screenshots(window: MainWindow, out_dir: Path) -> list[Path]:
    """Show each screen and panel in turn, let it paint, and save it; returns the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window.show()
    _wait_for_speech(window)
    written: list[Path] = []
    scenes: list[tuple[str, Callable[[], None]]] = [
        (screen_file_name(screen_id), partial(window.session.navigate, screen_id))
        for screen_id in all_screen_ids(window)
    ]
    scenes.extend(panel_scenes(window))
    for file_name, show in scenes:
        window.overlays.close_panels()
        window.overlays.attract.stop()
        window.session.go_home()
        show()
        QApplication.processEvents()
        path = out_dir / file_name
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    window.overlays.close_panels()
    window.overlays.attract.stop()
    window.session.go_home()
    return written
