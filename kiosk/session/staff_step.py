"""The staff steps, as plain data: which staff screen is open and what that means.

``StaffStep`` is what ``KioskSession`` announces to the window.  ``signed_in`` says
whether the PIN was typed to get there (the change-PIN pad is behind it, the PIN entry
pad is not), and ``audit_name`` what the audit trail calls the step when it closes.
"""

from __future__ import annotations

from enum import Enum

from kiosk.session.pin_entry import PadMode


class StaffStep(Enum):
    """Which staff panel is open, if any (each closes after the staff timeout untouched)."""

    CLOSED = "closed"
    PIN = "pin"  # the PIN pad (entering the PIN, or choosing a new one)
    PANEL = "panel"  # the staff panel
    USAGE = "usage"  # the usage charts


def signed_in(step: StaffStep, pad: PadMode) -> bool:
    """Whether staff typed the PIN: the staff panel, Usage or the change-PIN pad is open."""
    if step is StaffStep.PIN:
        return pad is not PadMode.ENTER
    return step is not StaffStep.CLOSED


def audit_name(step: StaffStep, pad: PadMode) -> str:
    """What staff have open, in the audit trail's words."""
    if not signed_in(step, pad):
        return "PIN pad"
    if step is StaffStep.USAGE:
        return "staff panel (Usage)"
    return "staff panel (Change PIN)" if step is StaffStep.PIN else "staff panel"
