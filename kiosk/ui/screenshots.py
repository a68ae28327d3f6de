"""Render every screen of the kiosk to PNG files, for people to look at."""

from __future__ import annotations

from pathlib import Path

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


def save_screenshots(window: MainWindow, out_dir: Path) -> list[Path]:
    """Show each screen in turn, let it paint, and save it; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window.show()
    written: list[Path] = []
    for screen_id in all_screen_ids(window):
        window.go_home()
        if screen_id != HOME:
            window.navigate(screen_id)
        QApplication.processEvents()
        path = out_dir / screen_file_name(screen_id)
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    window.go_home()
    return written
