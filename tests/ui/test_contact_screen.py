"""The contact screen and link panels: every QR code really scans to exactly its data.

Decode, do not trust: the window is grabbed as a patient would see it and every code is
read back with zxing-cpp.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.cli import main
from kiosk.content.clinic import load_clinic
from kiosk.content.contact import contact_codes
from kiosk.session.history import CONTACT
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.contact_screen import ContactCard
from tests.helpers import WindowFactory, tap, tap_button, tap_link, tile_titled

SCAN_SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
MIN_CODE_PX = 240


def decoded(window: MainWindow) -> set[str]:
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return {barcode.text for barcode in zxingcpp.read_barcodes(image)}


def expected_payloads() -> set[str]:
    clinic, _problems = load_clinic(resources.bundled_content_dir())
    return {code.payload for code in contact_codes(clinic)}


@pytest.mark.parametrize("size", SCAN_SIZES, ids=[f"{w}x{h}" for w, h in SCAN_SIZES])
def test_every_contact_code_scans_to_the_clinic_data(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    tap_button(qtbot, window.nav_bar.contact_button)
    assert window.contact_screen.isVisible()
    payloads = expected_payloads()
    assert {"tel:+254797777060"} <= payloads
    assert any(p.startswith("https://wa.me/254797777060?text=") for p in payloads)
    assert any(p.startswith("mailto:admin@tigonitreatment.com?subject=") for p in payloads)
    assert decoded(window) == payloads
    for card in window.contact_screen.findChildren(ContactCard):
        assert card.qr.code_side_px() >= MIN_CODE_PX, f"{card.code.kind} code too small"
        assert card.value.text().replace("\u200b", "") == card.code.shown_text


def test_contact_is_one_tap_from_home_tile_and_nav_bar(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Contact us"))
    assert window.session.current_screen == CONTACT and window.contact_screen.isVisible()
    tap_button(qtbot, window.nav_bar.home_button)
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    tap_button(qtbot, window.nav_bar.contact_button)
    assert window.contact_screen.isVisible()
    assert "Visit us: House Number 8" in window.contact_screen.address.text()


def test_tapping_a_source_link_shows_its_qr_code(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    view = window.page_screen.view
    url = next(link for link in window.renderer.render(
        window.library.pages["safety"], "en").external_links)
    tap_link(qtbot, view, url)
    panel = window.overlays.link_panel
    assert panel.is_open
    assert panel.url == url
    assert "Scan to open this on your phone" in panel.hint.text()
    assert panel.title.text() and panel.title.text() != url
    assert decoded(window) == {url}
    tap_button(qtbot, panel.close_button)
    assert not panel.isVisible()
    assert window.session.current_screen == "safety" and view.isVisible()


def test_a_link_panel_also_closes_on_a_tap_outside_it(qtbot: QtBot, window: MainWindow) -> None:
    window.overlays.link_panel.show_link("https://www.nice.org.uk/guidance/ta854", "NICE")
    panel = window.overlays.link_panel
    corner = panel.rect().topLeft() + panel.rect().center() * 0.05
    tap(qtbot, window.overlays.link_panel, corner)
    assert not window.overlays.link_panel.is_open


def test_help_opens_from_every_screen_with_both_numbers(
    qtbot: QtBot, window: MainWindow
) -> None:
    from kiosk.commands.screenshots import all_screen_ids

    for screen_id in all_screen_ids(window):
        window.session.navigate(screen_id)
        tap_button(qtbot, window.nav_bar.help_button)
        panel = window.overlays.help_panel
        assert panel.is_open, screen_id
        texts = " ".join(label.text() for label in panel.lines)
        assert "Kenya Red Cross: 1199" in texts and "Befrienders Kenya: 0722 178 177" in texts
        assert "tell the reception staff straight away" in panel.danger_now.text()
        tap_button(qtbot, panel.close_button)
        assert not panel.is_open


def write_clinic(content: Path, **changes: str) -> None:
    path = content / "clinic.toml"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0].strip()
        if key in changes:
            if changes[key] == "<missing>":
                continue
            line = f'{key} = "{changes[key]}"'
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "field", "left_out"),
    [
        ({"email": "admin(at)tigoni"}, "email", "email"),
        ({"phone": "+254 79x 777060"}, "phone", "phone"),
        ({"whatsapp": "<missing>"}, "whatsapp", "whatsapp"),
    ],
    ids=["invalid-email", "phone-with-letters", "missing-whatsapp"],
)
def test_bad_clinic_data_is_named_and_only_that_code_is_left_out(
    capsys: pytest.CaptureFixture[str], qtbot: QtBot, make_window: WindowFactory,
    content_copy: Path, changes: dict[str, str], field: str, left_out: str,
) -> None:
    write_clinic(content_copy, **changes)
    assert main(["check", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert f"clinic.toml: field '{field}'" in out
    window = make_window((1920, 1080), content_copy)
    tap_button(qtbot, window.nav_bar.contact_button)
    kinds = {card.code.kind for card in window.contact_screen.cards}
    assert left_out not in kinds
    assert len(kinds) == 3
    assert decoded(window) == {card.code.payload for card in window.contact_screen.cards}


def test_data_too_big_for_a_code_shows_as_text_only(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    write_clinic(content_copy, address="House " * 600)
    window = make_window((1920, 1080), content_copy)
    tap_button(qtbot, window.nav_bar.contact_button)
    card = next(c for c in window.contact_screen.cards if c.code.kind == "card")
    assert not card.has_code and card.value.isVisible()
    others = [c for c in window.contact_screen.cards if c.code.kind != "card"]
    assert all(c.has_code for c in others)


def test_missing_clinic_file_still_opens_contact(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    (content_copy / "clinic.toml").unlink()
    window = make_window((1920, 1080), content_copy)
    tap_button(qtbot, window.nav_bar.contact_button)
    assert window.contact_screen.isVisible()
    assert window.contact_screen.cards == []
    assert "call us" in window.contact_screen.view.toPlainText().lower()
