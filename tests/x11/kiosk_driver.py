"""The kiosk on a real X server, driven line by line from a test (run as a subprocess).

``python -m tests.x11.kiosk_driver DATA_DIR`` with ``QT_QPA_PLATFORM=xcb`` and ``DISPLAY``
set shows the real kiosk window at the top left of the screen and runs its event loop
(timers tick, X input arrives) while it reads commands on standard input, one a line:

- ``settle``: let the window settle (after input the test sent through the X server);
- ``kiosk-on`` / ``kiosk-off``: open the staff panel through the PIN pad (typing the PIN
  on its keys) and tap its Kiosk mode button, as reception staff do;
- ``state``: print ``state {json}``: which panel is open, the PIN pad's message, whether
  its keys work and how many digits are typed, and where the clinic's name, the message,
  the keys and the pad's Close are on the screen (``[x, y, width, height]``), for the
  test to press them through X;
- ``quit``.

After each command but ``state`` it lets the window settle, puts the pointer in the
middle of the window (so the X server shows the window's cursor, not the root's) and
prints ``ready`` or an ``error: ...`` line.  The PIN is ``tests.helpers.PIN``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QPoint, QSocketNotifier
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Options, build_window
from kiosk.ui.main_window import MainWindow
from tests.helpers import PIN


def settle(app: QApplication, ms: int = 700) -> None:
    """Let the window system and Qt catch up (native windows made anew, mapped)."""
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def on_screen(widget: QWidget) -> list[int]:
    """Where ``widget`` is on the X screen: ``[x, y, width, height]``."""
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def state(window: MainWindow) -> dict[str, object]:
    """What the window shows, for ``state``."""
    overlays = window.overlays
    pad = overlays.pin_pad
    return {"pin_pad_open": pad.isVisible(),
            "staff_panel_open": overlays.staff_panel.isVisible(),
            "message": pad.message.text(),
            "keys_work": pad.digit_buttons["1"].isEnabled(),
            "digits_typed": len(pad.typed),
            "clinic_name": on_screen(window.home_screen.clinic_name),
            "message_rect": on_screen(pad.message),
            "keys": {digit: on_screen(button) for digit, button in pad.digit_buttons.items()}
            | {"ok": on_screen(pad.ok_button), "close": on_screen(pad.close_button)}}


def switch_kiosk_mode(window: MainWindow, on: bool) -> str | None:
    """Through the PIN pad and the staff panel's button; an error line or None."""
    session = window.session
    session.open_staff_access()
    pad = window.overlays.pin_pad
    for key in [*PIN, "ok"]:
        pad.press(key)
    panel = window.overlays.staff_panel
    if not panel.isVisible():
        return "error: the staff panel did not open"
    if session.kiosk_mode != on:
        panel.kiosk_button.click()
    session.close_staff()
    return None


def main() -> int:
    app = QApplication([sys.argv[0]])
    window, _choice = build_window(Options(data_dir=Path(sys.argv[1]), size=(1024, 768)))
    window.present(False)
    window.move(0, 0)
    settle(app, 1500)

    def answer(command: str) -> str:
        if command == "state":
            return "state " + json.dumps(state(window))
        if command in ("kiosk-on", "kiosk-off"):
            if (error := switch_kiosk_mode(window, command == "kiosk-on")) is not None:
                return error
        elif command != "settle":
            return f"error: unknown command {command!r}"
        settle(app)
        QCursor.setPos(window.mapToGlobal(window.rect().center()))
        settle(app, 300)
        return "ready" if window.isVisible() else "error: no window"

    def read_command() -> None:
        command = sys.stdin.readline().strip()
        if not command or command == "quit":
            app.quit()
            return
        print(answer(command), flush=True)

    commands = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    commands.activated.connect(read_command)
    app.exec()
    commands.setEnabled(False)
    window.lockdown.release()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
