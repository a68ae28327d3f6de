"""Exiting the app never shares its word with closing a panel, in either language (QA A10).

In Kiswahili "Funga" is the panel's Close: "Exit the app" was "Funga programu" and the
exit confirmation's button a bare "Funga", so a receptionist closing the dialog could
exit the kiosk.  Exit now uses another verb everywhere ("Zima"), and the confirmation's
button says what it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.session.pin import hash_pin
from kiosk.ui.panels.exit_confirm import ExitConfirm
from tests.helpers import PIN, WindowFactory, hold_clinic_name, tap_button, type_pin, write_settings


@pytest.mark.parametrize(("language", "exit_app"), [("en", "Exit the app"),
                                                    ("sw", "Zima programu")])
def test_exit_words_differ_from_close_and_the_button_says_what_it_does(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, language: str, exit_app: str
) -> None:
    write_settings(data_dir, pin_hash=hash_pin(PIN), staff_hold_ms=50, kiosk_mode=True,
                   default_language=language)
    window = make_window()
    hold_clinic_name(qtbot, window)
    type_pin(qtbot, window.overlays.pin_pad, PIN)
    staff = window.overlays.staff_panel
    close_verb = staff.close_button.text().split()[0].casefold()  # "close" / "funga"
    exit_words = [staff.exit_button.text(), staff.exit_reason.text()]
    tap_button(qtbot, staff.kiosk_button)  # kiosk mode off: Exit works
    tap_button(qtbot, staff.exit_button)
    confirm = staff.findChild(ExitConfirm)
    assert confirm is not None and confirm.isVisible()
    exit_words += [confirm.title.text(), confirm.message.text(), confirm.exit_button.text()]
    for words in exit_words:
        assert close_verb not in words.casefold().split(), f"{words!r} reads as Close"
    assert staff.exit_button.text() == exit_app
    assert confirm.exit_button.text() == exit_app, "not a bare word that also means Close"
    assert confirm.exit_button.accessibleName() == exit_app
    assert confirm.close_button.text() != confirm.exit_button.text()
