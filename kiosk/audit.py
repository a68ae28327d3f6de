"""The audit trail: one log line, with its time, for every staff action and content update.

Lines go to the ``kiosk.audit`` logger, so they land in the kiosk's own log file
(``logs/`` in the data folder, see ``kiosk.logs``) with the log's time stamp and the
logger's name, so IT can ``grep kiosk.audit`` to read them all.  What is never written: a PIN (its
digits or its hash), the number of digits typed, or anything a patient read or tapped.
Setting values are written only for settings that hold no secret (``SECRET_SETTINGS``).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("kiosk.audit")

SECRET_SETTINGS = frozenset({"pin_hash", "lock_out"})
"""Settings whose values are never logged: the PIN's hash and the lock-out state."""


def _audit(level: int, message: str, *args: object) -> None:
    log.log(level, message, *args)


def staff_panel_opened() -> None:
    """The staff panel was opened through the PIN (not on each return to it)."""
    _audit(logging.INFO, "staff panel opened")


def staff_access_closed(what: str, how: str) -> None:
    """Staff access ended: ``what`` was open, and ``how`` it closed.

    ``what``: ``staff panel`` (with ``(Usage)`` or ``(Change PIN)``) or ``PIN pad``;
    ``how``: ``by staff``, ``after 30 s without a touch``, ``by the privacy reset``.
    """
    _audit(logging.INFO, "%s closed %s", what, how)


def pin_accepted() -> None:
    """The right staff PIN was typed."""
    _audit(logging.INFO, "staff PIN accepted")


def wrong_pin(attempts_left: int) -> None:
    """A wrong staff PIN was typed; ``attempts_left`` before the pad locks."""
    _audit(logging.WARNING, "wrong staff PIN (tries left before the pad locks: %d)",
           attempts_left)


def locked_out(seconds: int) -> None:
    """Too many wrong PINs: the pad is locked for ``seconds``."""
    _audit(logging.WARNING, "PIN pad locked for %d s after too many wrong PINs", seconds)


def pin_refused_while_locked(seconds: int) -> None:
    """A PIN was typed while the pad was locked (it was not checked)."""
    _audit(logging.WARNING, "PIN typed while the pad is locked (%d s left); not checked",
           seconds)


def pin_changed(by: str) -> None:
    """A new staff PIN was stored; ``by`` says where (``staff panel``, ``set-pin``)."""
    _audit(logging.INFO, "staff PIN changed (%s)", by)


def kiosk_mode_switched(on: bool) -> None:
    """Kiosk mode was switched on or off and saved."""
    _audit(logging.INFO, "kiosk mode switched %s", "on" if on else "off")


def setting_changed(name: str, old: object, new: object, where: str = "by the kiosk") -> None:
    """A setting changed from ``old`` to ``new``; secret settings are named, never shown."""
    if name in SECRET_SETTINGS:
        _audit(logging.INFO, "setting %s changed %s", name, where)
    elif name == "kiosk_mode" and where == "by the kiosk":
        kiosk_mode_switched(bool(new))
    else:
        _audit(logging.INFO, "setting %s changed from %r to %r %s", name, old, new, where)


def exit_requested() -> None:
    """Staff closed the program from the staff panel."""
    _audit(logging.INFO, "staff closed the kiosk program")


def usage_counts_erased(erased: bool = True) -> None:
    """Staff erased the usage counts (confirmed on Usage); ``erased`` False if not all went."""
    if erased:
        _audit(logging.WARNING, "staff erased the usage counts")
    else:
        _audit(logging.WARNING, "staff erased the usage counts, but some may remain on disk "
               "(see the kiosk.stats lines)")


def content_update_installed(folder: Path, pages: int) -> None:
    """Updated content in ``folder`` passed its check and is shown."""
    _audit(logging.INFO, "content update accepted: showing %d pages from %s", pages, folder)


def content_update_refused(folder: Path, problems: list[str]) -> None:
    """Updated content in ``folder`` was refused; ``problems`` as ``file:line: message``."""
    _audit(logging.WARNING, "content update refused: %d problem(s) in %s; showing the "
           "bundled content", len(problems), folder)
    for problem in problems:
        _audit(logging.WARNING, "  %s", problem)
