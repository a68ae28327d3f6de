"""The kiosk on a real X server, driven line by line from a test (run as a subprocess).

``python -m tests.x11.kiosk_driver DATA_DIR`` with ``QT_QPA_PLATFORM=xcb`` and ``DISPLAY``
set shows the real kiosk window, then reads commands on standard input, one a line:

- ``kiosk-on`` / ``kiosk-off``: open the staff panel through the PIN pad (typing the PIN
  on its keys) and tap its Kiosk mode button, as reception staff do;
- ``quit``.

After each it lets the window settle, puts the pointer in the middle of the window (so
the X server shows the window's cursor, not the root's) and prints ``ready`` or an
``error: ...`` line.  The PIN is ``tests.helpers.PIN``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from kiosk.app import Options, build_window
from tests.helpers import PIN


def settle(app: QApplication, ms: int = 700) -> None:
    """Let the window system and Qt catch up (native windows made anew, mapped)."""
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main() -> int:
    app = QApplication([sys.argv[0]])
    window, _choice = build_window(Options(data_dir=Path(sys.argv[1]), size=(1024, 768)))
    window.present(False)
    settle(app, 1500)
    session = window.session
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command in ("kiosk-on", "kiosk-off"):
            session.open_staff_access()
            pad = window.overlays.pin_pad
            for key in [*PIN, "ok"]:
                pad.press(key)
            panel = window.overlays.staff_panel
            if not panel.isVisible():
                print("error: the staff panel did not open", flush=True)
                continue
            if session.kiosk_mode != (command == "kiosk-on"):
                panel.kiosk_button.click()
            session.close_staff()
        settle(app)
        QCursor.setPos(window.mapToGlobal(window.rect().center()))
        settle(app, 300)
        print("ready" if window.isVisible() else "error: no window", flush=True)
    window.lockdown.release()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
