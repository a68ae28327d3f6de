"""Bringing a newly installed pack to the screen without disturbing a patient.

``LiveContent`` listens to a ``PackInbox``: when a pack is installed it waits for the
next return to the home screen with no panel open (or, at the latest, the privacy
reset), then hands the window the new ``ContentChoice`` (``replace_content``).  A page
being read is never changed under the reader.  QtCore only: the window is duck-typed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance

from kiosk.content.source import ContentChoice, ContentOrigin, choose_content
from kiosk.packs.inbox import PackInbox

if TYPE_CHECKING:
    from kiosk.packs.install import Installed

log = logging.getLogger(__name__)

HOME = "home"


class _Panel(Protocol):
    def isVisible(self) -> bool: ...


class _Session(Protocol):
    screen_changed: SignalInstance  # a screen id
    session_reset: SignalInstance


class _Overlays(Protocol):
    def panels(self) -> Sequence[_Panel]: ...


class KioskWindow(Protocol):
    """What ``LiveContent`` needs of the main window: its session, panels and content."""

    @property
    def session(self) -> _Session: ...

    @property
    def overlays(self) -> _Overlays: ...

    def replace_content(self, choice: ContentChoice) -> None: ...


class LiveContent(QObject):
    """Switches ``window`` to a newly installed pack at the next safe moment."""

    def __init__(self, window: KioskWindow, data_dir: Path, inbox: PackInbox,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.data_dir = data_dir
        self.inbox = inbox
        self.pending: int | None = None  # version waiting to be shown
        inbox.installed.connect(self._on_installed)
        inbox.refused.connect(self._on_refused)
        window.session.screen_changed.connect(self._on_screen_shown)
        window.session.session_reset.connect(self.switch_now)
        # A stick mounted over an existing folder sends no event: look again at each reset.
        window.session.session_reset.connect(inbox.scan)

    def _on_installed(self, installed: Installed) -> None:
        self.pending = installed.pack.version
        log.info("content pack %d is installed; it shows from the next return to the home "
                 "screen", installed.pack.version)

    def _on_refused(self, name: str, reasons: list[str]) -> None:
        log.warning("the kiosk keeps its content: %s was refused (%s)", name,
                    "; ".join(reasons))

    def _on_screen_shown(self, screen_id: str) -> None:
        panels = self.window.overlays.panels()
        if screen_id == HOME and not any(panel.isVisible() for panel in panels):
            self.switch_now()

    def switch_now(self) -> None:
        """Show the pending pack now (nothing happens if none is pending)."""
        if self.pending is None:
            return
        version, self.pending = self.pending, None
        choice = choose_content(None, self.data_dir, lazy=True)
        if choice.origin is not ContentOrigin.PACK:
            log.warning("content pack %d could not be shown; keeping the content shown",
                        version)
            return
        log.info("showing content pack %d from now on", version)
        self.window.replace_content(choice)


def inbox_folders(data_dir: Path, configured: list[object]) -> list[Path]:
    """The settings' ``inbox_folders`` as paths (relative ones are in the data folder)."""
    return [data_dir / item for item in configured if isinstance(item, str) and item]


def attach_inbox(window: KioskWindow, data_dir: Path, configured: list[object],
                 parent: QObject) -> LiveContent:
    """Watch the inbox folders and bring new packs to ``window``; starts looking now."""
    inbox = PackInbox(data_dir, inbox_folders(data_dir, configured), parent=parent)
    live = LiveContent(window, data_dir, inbox, parent=parent)
    inbox.start()
    return live
