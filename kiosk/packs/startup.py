"""What a running kiosk starts for several kiosks, a moment after it has started.

The pack inbox (``kiosk.packs.live``), unless content was given on the command line,
and, with the ``usage_outbox`` setting, the daily usage outbox (``kiosk.gather``).
Everything is imported here, in the function, so the first paint does not wait for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

START_DELAY_MS = 2000  # after the first paint on any PC this kiosk runs on


def start_several_kiosks(window: MainWindow, data_dir: Path, watch_inbox: bool) -> None:
    """Watch the inbox folders and, if set, write the usage outbox.

    Both live as long as ``window`` (their Qt parent).
    """
    if watch_inbox:
        from kiosk.packs.live import attach_inbox

        attach_inbox(window, data_dir, list(window.settings.inbox_folders), window)
    if window.settings.usage_outbox:
        from kiosk.gather import kiosk_name
        from kiosk.gather.outbox import attach_outbox

        attach_outbox(window.session.session_reset, data_dir,
                      kiosk_name(window.settings.kiosk_name))
