"""The navigation bar's buttons, each sent to the session as what the patient asked for."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.session.history import CONTACT
from kiosk.session.kiosk_session import KioskSession
from kiosk.ui.widgets.nav_bar import NavBar


def wire_bar(bar: NavBar, session: KioskSession, open_help: Callable[[], None]) -> None:
    """Home, Back, Contact, Need help now?, A-/A+, Contrast and the language button."""
    bar.home_requested.connect(session.go_home)
    bar.back_requested.connect(session.go_back)
    bar.contact_requested.connect(lambda: session.navigate(CONTACT))
    bar.help_requested.connect(open_help)
    bar.smaller_text_requested.connect(lambda: session.set_text_step(session.text_step - 1))
    bar.larger_text_requested.connect(lambda: session.set_text_step(session.text_step + 1))
    bar.contrast_requested.connect(lambda: session.set_high_contrast(not session.high_contrast))
    bar.language_requested.connect(session.next_language)
