"""``tigoni-kiosk set-pin``: IT sets the staff PIN, kiosk running or not.

The PIN comes from the terminal (asked twice) or one line of standard input; only its
hash is saved, by ``StaffAccess`` (the running kiosk takes it in at its next PIN try),
and the audit line goes to the kiosk's own log.  ``as_root`` stops root from writing
into the kiosk user's folder, for this and ``install-pack``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def as_root(command: str, data_dir: Path | None) -> int:
    """2, saying how to run it instead, if root would write into the kiosk user's folder.

    0 otherwise.  ``data_dir``: the ``--data-dir`` given, or None for the default folder.
    """
    from kiosk.app import default_data_dir
    from kiosk.private_files import foreign_owner

    folder = data_dir or default_data_dir()
    owner = foreign_owner(folder)
    if owner is None:
        return 0
    print(f"Nothing was changed: {folder} belongs to the user {owner}, and a file root "
          "wrote there could not be read by the kiosk. Run it as that user: sudo -u "
          f"{owner} tigoni-kiosk {command} --data-dir {folder} ...", file=sys.stderr)
    return 2


def _read_pin() -> str | None:
    """The new PIN: asked twice on a terminal, else one line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("New staff PIN (4 to 8 digits): ")
        if getpass.getpass("Type it again: ") != pin:
            print("The two PINs were different; nothing was changed.", file=sys.stderr)
            return None
        return pin
    return (sys.stdin.readline() if sys.stdin is not None else "").strip()


def set_pin(data_dir: Path | None) -> int:
    """Save a new staff PIN in ``data_dir``'s settings; 0 when saved, 1 when not."""
    from kiosk.app import default_data_dir
    from kiosk.logs import log_to_file_only
    from kiosk.session.pin import PinFormatError
    from kiosk.session.staff import StaffAccess
    from kiosk.settings import SettingsStore

    pin = _read_pin()
    if pin is None:
        return 1
    folder = data_dir or default_data_dir()
    log_to_file_only(folder)  # the audit line goes to the kiosk's log, running or not
    store = SettingsStore(folder)
    try:
        StaffAccess(store).set_pin(pin, by="set-pin")
    except PinFormatError as error:
        print(f"Not changed: {error}.", file=sys.stderr)
        return 1
    saved = SettingsStore(folder).settings.pin_hash  # read back, as the kiosk will
    if store.path is None or not saved or saved != store.settings.pin_hash:
        print(f"Could not save the PIN: {store.warning or 'the file did not keep it'}",
              file=sys.stderr)
        return 1
    print(f"Staff PIN saved in {store.path}.")
    if store.warning:  # saved, but over a file that could not be read
        reason = store.warning.partition(": using defaults")[0]
        print(f"Note: the old {store.path.name} could not be read ({reason}), so the other "
              "settings are back to their safe values, with kiosk mode on. The old file "
              f"is kept beside it as {store.path.name}.corrupt-<date and time>.",
              file=sys.stderr)
    return 0
