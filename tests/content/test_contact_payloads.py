"""The contact QR payloads: exact strings for the bundled clinic, encoding, missing fields."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.content.clinic import Clinic, load_clinic
from kiosk.content.contact import (
    ContactCode,
    contact_card,
    contact_codes,
    email_url,
    phone_url,
    whatsapp_url,
)
from kiosk.resources import bundled_content_dir


@pytest.fixture
def bundled() -> Clinic:
    clinic, problems = load_clinic(bundled_content_dir())
    assert problems == []
    return clinic


def a_clinic(
    name: str = "Kituo cha Mfano",
    phone: str = "+255 712 345678",
    whatsapp: str = "+255 700 000111",
    email: str = "info@mfano.example",
    address: str = "Plot 4, Mfano Road, Arusha",
    whatsapp_message: str = "Habari? Swali & jibu / 100% sawa",
    email_subject: str = "Swali: ada=bei #1",
) -> Clinic:
    """A made-up clinic, so nothing can silently come from the bundled data."""
    return Clinic(name=name, phone=phone, whatsapp=whatsapp, email=email, address=address,
                  whatsapp_message=whatsapp_message, email_subject=email_subject)


def test_bundled_whatsapp_link(bundled: Clinic) -> None:
    assert whatsapp_url(bundled) == (
        "https://wa.me/254797777060?text=Hello%20Tigoni%20Treatment%20Centre%2C"
        "%20I%20would%20like%20to%20ask%20a%20question."
    )


def test_bundled_email_link(bundled: Clinic) -> None:
    assert email_url(bundled) == (
        "mailto:admin@tigonitreatment.com?subject=A%20question%20for%20Tigoni%20Treatment%20Centre"
    )


def test_bundled_phone_link(bundled: Clinic) -> None:
    assert phone_url(bundled) == "tel:+254797777060"


def test_bundled_contact_card(bundled: Clinic) -> None:
    assert contact_card(bundled) == (
        "MECARD:N:Tigoni Treatment Centre;TEL:+254797777060;EMAIL:admin@tigonitreatment.com;"
        "MEMO:House Number 8, St. Georges Road, Tigoni, Kenya;;"
    )


def test_bundled_clinic_has_every_code_with_its_shown_text(bundled: Clinic) -> None:
    assert contact_codes(bundled) == [
        ContactCode("whatsapp", whatsapp_url(bundled), "+254 797 777060"),
        ContactCode("email", email_url(bundled), "admin@tigonitreatment.com"),
        ContactCode("phone", phone_url(bundled), "+254 797 777060"),
        ContactCode("card", contact_card(bundled), "Tigoni Treatment Centre"),
    ]


def test_every_value_comes_from_the_clinic() -> None:
    clinic = a_clinic()
    assert whatsapp_url(clinic) == (
        "https://wa.me/255700000111?text=Habari%3F%20Swali%20%26%20jibu%20%2F%20100%25%20sawa"
    )
    assert email_url(clinic) == "mailto:info@mfano.example?subject=Swali%3A%20ada%3Dbei%20%231"
    assert phone_url(clinic) == "tel:+255712345678"
    assert contact_card(clinic) == (
        "MECARD:N:Kituo cha Mfano;TEL:+255712345678;EMAIL:info@mfano.example;"
        "MEMO:Plot 4, Mfano Road, Arusha;;"
    )


def test_non_ascii_text_is_percent_encoded_as_utf8() -> None:
    clinic = a_clinic(whatsapp_message="Karibu — ñ")
    assert whatsapp_url(clinic).endswith("?text=Karibu%20%E2%80%94%20%C3%B1")


def test_a_percent_sign_in_the_email_address_is_encoded() -> None:
    assert email_url(a_clinic(email="a%b+c@mfano.example")).startswith(
        "mailto:a%25b+c@mfano.example?"
    )


def test_card_escapes_mecard_separators_so_no_field_can_be_injected() -> None:
    card = contact_card(a_clinic(name="Evil;TEL:999", email="", phone="", address=""))
    assert card == "MECARD:N:Evil\\;TEL\\:999;;"


def test_empty_message_and_subject_give_bare_links() -> None:
    clinic = a_clinic(whatsapp_message="", email_subject="")
    assert whatsapp_url(clinic) == "https://wa.me/255700000111"
    assert email_url(clinic) == "mailto:info@mfano.example"


def test_missing_email_leaves_out_the_email_code_and_card_field() -> None:
    codes = contact_codes(a_clinic(email=""))
    assert [code.kind for code in codes] == ["whatsapp", "phone", "card"]
    assert "EMAIL:" not in codes[-1].payload


def test_missing_phone_leaves_out_the_phone_code_and_card_field() -> None:
    codes = contact_codes(a_clinic(phone=""))
    assert [code.kind for code in codes] == ["whatsapp", "email", "card"]
    assert "TEL:" not in codes[-1].payload


def test_missing_address_leaves_out_the_note() -> None:
    assert "MEMO:" not in contact_card(a_clinic(address=""))


def test_missing_whatsapp_leaves_out_the_whatsapp_code() -> None:
    kinds = [code.kind for code in contact_codes(a_clinic(whatsapp=""))]
    assert kinds == ["email", "phone", "card"]


def test_no_card_without_a_name_or_without_a_way_to_reach_the_clinic() -> None:
    assert "card" not in [code.kind for code in contact_codes(a_clinic(name=""))]
    only_name = a_clinic(phone="", whatsapp="", email="")
    assert contact_codes(only_name) == []


def test_an_empty_clinic_has_no_codes() -> None:
    assert contact_codes(Clinic()) == []


@pytest.mark.parametrize(
    ("builder", "field"),
    [(whatsapp_url, "whatsapp"), (email_url, "email"), (phone_url, "phone"),
     (contact_card, "name")],
)
def test_building_a_payload_without_its_field_is_refused(
    builder: Callable[[Clinic], str], field: str
) -> None:
    with pytest.raises(ValueError, match="the clinic has no"):
        builder(a_clinic(**{field: ""}))
