"""Bringing newly installed content (a signed content pack) onto a running window.

``kiosk.packs.live`` asks for it only on the home screen with no panel open, or at the
privacy reset, so no patient's page changes under them.  The screens, renderers and
panels that hold the old content are let go and made again when next needed.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.content.loader import Content
from kiosk.content.source import ContentChoice
from kiosk.session.kiosk_session import KioskSession
from kiosk.ui.overlays import Overlays
from kiosk.ui.page_source import PageSource


class Window(Protocol):
    """What of the main window a content swap changes."""

    choice: ContentChoice
    content: Content
    pages: PageSource
    session: KioskSession
    overlays: Overlays

    def drop_screens(self) -> None:
        """Let go of the screens that show pages; they are made again on first use."""

    def refresh(self, scroll_up: bool = False) -> None:
        """Everything again in the session's language and look."""


def swap_content(window: Window, choice: ContentChoice) -> None:
    """Show ``choice`` in ``window`` from now on, in the language being shown if it has it."""
    window.choice, window.content = choice, choice.content
    window.pages = PageSource(window.content)
    window.drop_screens()
    session = window.session
    session.languages = window.content.languages
    window.overlays.replace_content(choice, window.pages)
    session.set_language(session.known_language(session.language))
    window.refresh()
