"""What the contact QR codes encode: WhatsApp, email and phone links, and a contact card.

Every value comes from the clinic's data file (``content/clinic.toml``, read into a
``Clinic``).  A field that is missing or invalid there is ``""``; the code that needs it is
left out, so the screen shows the others.  No Qt here: the payloads are plain strings.

Phone numbers must be written in international form (``+254 797 777060``): the links keep
only its digits, after a ``+`` where the standard asks for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from kiosk.content.clinic import Clinic, international_digits


@dataclass(frozen=True)
class ContactCode:
    """One QR code: what it is, what it encodes, and the value printed beside it."""

    kind: str
    payload: str
    shown_text: str


def _query(name: str, value: str) -> str:
    """``?name=<percent-encoded value>``, or nothing when ``value`` is empty."""
    return f"?{name}={quote(value, safe='')}" if value else ""


def _require(value: str, field: str) -> str:
    if not value:
        raise ValueError(f"the clinic has no {field}")
    return value


def whatsapp_url(clinic: Clinic) -> str:
    """A click-to-chat link: ``https://wa.me/<digits>?text=<prefilled message>``."""
    digits = international_digits(_require(clinic.whatsapp, "WhatsApp number"))
    return f"https://wa.me/{digits}{_query('text', clinic.whatsapp_message)}"


def email_url(clinic: Clinic) -> str:
    """An RFC 6068 link: ``mailto:<address>?subject=<subject>``."""
    address = quote(_require(clinic.email, "email address"), safe="@+")
    return f"mailto:{address}{_query('subject', clinic.email_subject)}"


def _global_number(number: str) -> str:
    """``+254 797 777060`` -> ``+254797777060``."""
    return "+" + international_digits(number)


def phone_url(clinic: Clinic) -> str:
    """An RFC 3966 link: ``tel:+<digits>``."""
    return "tel:" + _global_number(_require(clinic.phone, "phone number"))


def contact_card(clinic: Clinic) -> str:
    """A MECARD with the clinic's name, phone, email and (as a note) its address.

    MECARD splits its address field on commas into fixed parts (P.O. box, room, house,
    city, ...); the clinic's address is one free-text line, so it travels as the note.
    """
    from segno.helpers import make_mecard_data  # segno loads only when a card is made

    return str(
        make_mecard_data(
            name=_require(clinic.name, "name"),
            phone=_global_number(clinic.phone) if clinic.phone else None,
            email=clinic.email or None,
            memo=clinic.address or None,
        )
    )


def contact_codes(clinic: Clinic) -> list[ContactCode]:
    """One code per contact the clinic has, in the order they are shown."""
    codes: list[ContactCode] = []
    if clinic.whatsapp:
        codes.append(ContactCode("whatsapp", whatsapp_url(clinic), clinic.whatsapp))
    if clinic.email:
        codes.append(ContactCode("email", email_url(clinic), clinic.email))
    if clinic.phone:
        codes.append(ContactCode("phone", phone_url(clinic), clinic.phone))
    if clinic.name and (clinic.phone or clinic.email):
        codes.append(ContactCode("card", contact_card(clinic), clinic.name))
    return codes
