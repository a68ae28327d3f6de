"""The kiosk's inbox (issue #18): packs dropped in a watched folder reach the screen.

A real kiosk window (offscreen), a real ``QFileSystemWatcher`` on real folders, and the
install on its worker thread.  A reader's page is never changed under them: the new
content shows from the next return to the home screen, or the privacy reset.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.packs.inbox import PackInbox
from kiosk.packs.live import LiveContent
from kiosk.packs.startup import start_several_kiosks
from kiosk.ui.main_window import MainWindow
from tests.helpers import WindowFactory, settle_layout, tap, tile_titled
from tests.packs.kit import Office, marker

SETTLE_MS = 300


@pytest.fixture
def data_dir(office: Office) -> Path:
    """The office's kiosk: its data folder shows pack 1."""
    return office.data_dir


def watch(window: MainWindow, office: Office, *extra: Path) -> tuple[PackInbox, LiveContent]:
    inbox = PackInbox(office.data_dir, extra, settle_ms=SETTLE_MS, parent=window)
    live = LiveContent(window, office.data_dir, inbox, parent=window)
    inbox.start()
    return inbox, live


def test_a_pack_arriving_while_a_patient_reads_shows_from_the_next_home(
        make_window: WindowFactory, office: Office, qtbot: QtBot) -> None:
    window = make_window()
    assert window.home_screen.welcome.text() == marker(1)
    inbox, _live = watch(window, office)
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    reading = window.page_screen.view.toPlainText()
    inbox_dir = office.data_dir / "inbox"
    # Syncthing writes a temporary file, then renames it: only the final name counts.
    partial = inbox_dir / ".syncthing.pack-2.tkpack.tmp"
    shutil.copy(office.pack(2), partial)
    qtbot.wait(3 * SETTLE_MS)
    assert not inbox.busy and (office.data_dir / "packs" / "v2").exists() is False
    with qtbot.waitSignal(inbox.installed, timeout=15_000):
        partial.rename(inbox_dir / "pack-2.tkpack")
    assert window.session.current_screen == "safety"
    assert window.page_screen.view.toPlainText() == reading  # nothing moved under them
    assert window.home_screen.welcome.text() == marker(1)
    status = window.overlays.staff_panel.content_status()
    assert "Pack 2 shows from the next return to the home screen." in status
    window.session.go_home()
    assert window.home_screen.welcome.text() == marker(2)
    assert "Showing content pack 2 by Office PC, 20" in window.overlays.staff_panel.content_status()
    settle_layout()  # the new tiles are laid out, as before any paint
    tap(qtbot, tile_titled(window, "Safety and side effects"))  # the new pages work
    assert window.page_screen.title.text() == "Safety and side effects"


def test_the_privacy_reset_brings_the_new_content_at_the_latest(
        make_window: WindowFactory, office: Office, qtbot: QtBot) -> None:
    window = make_window()
    inbox, _live = watch(window, office)
    tap(qtbot, tile_titled(window, "Safety and side effects"))
    window.overlays.help_panel.open_panel()  # a panel open over the page
    with qtbot.waitSignal(inbox.installed, timeout=15_000):
        shutil.copy(office.pack(2), office.data_dir / "inbox" / "pack-2.tkpack")
    assert window.overlays.help_panel.isVisible()
    window.session.reset()
    assert window.home_screen.welcome.text() == marker(2)


def test_a_file_still_growing_is_left_until_it_settles(
        make_window: WindowFactory, office: Office, qtbot: QtBot) -> None:
    window = make_window()
    inbox, _live = watch(window, office)
    refusals: list[str] = []
    inbox.refused.connect(lambda name, _reasons: refusals.append(name))
    data = office.pack(2).read_bytes()
    target = office.data_dir / "inbox" / "pack-2.tkpack"
    with target.open("wb") as handle:
        for start in range(0, len(data), len(data) // 4 + 1):  # a slow USB copy
            handle.write(data[start:start + len(data) // 4 + 1])
            handle.flush()
            qtbot.wait(SETTLE_MS // 2)
    qtbot.waitUntil(lambda: (office.data_dir / "packs" / "v2").exists(), timeout=15_000)
    qtbot.waitUntil(lambda: not inbox.busy, timeout=15_000)
    assert refusals == []


def test_a_bad_pack_in_the_inbox_is_refused_and_shown_to_staff(
        make_window: WindowFactory, office: Office, qtbot: QtBot) -> None:
    window = make_window()
    inbox, _live = watch(window, office)
    bad = office.data_dir / "inbox" / "replayed.tkpack"
    with qtbot.waitSignal(inbox.refused, timeout=15_000) as refused:
        shutil.copy(office.pack(1), bad)
    assert refused.args is not None and refused.args[0] == "replayed.tkpack"
    window.session.go_home()
    assert window.home_screen.welcome.text() == marker(1)
    status = window.overlays.staff_panel.content_status()
    assert "Refused replayed.tkpack" in status
    assert "version 1 is not newer than the installed" in status
    window.overlays.staff_panel.refresh()  # what staff read on the panel itself
    shown = window.overlays.staff_panel.status.text().replace("\u200b", "").replace("\u00ad", "")
    assert "Refused replayed.tkpack" in shown


def test_start_up_looks_once_and_a_handled_pack_is_not_handled_again(
        make_window: WindowFactory, office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    shutil.copy(office.pack(2), usb / "clinic-content.tkpack")
    window = make_window()
    inbox, _live = watch(window, office, usb)  # a folder named in the settings
    qtbot.waitUntil(lambda: (office.data_dir / "packs" / "v2").exists(), timeout=15_000)
    qtbot.waitUntil(lambda: not inbox.busy, timeout=15_000)
    window.session.go_home()
    assert window.home_screen.welcome.text() == marker(2)
    again = PackInbox(office.data_dir, [usb], settle_ms=SETTLE_MS, parent=window)
    events: list[object] = []
    again.installed.connect(events.append)
    again.refused.connect(lambda name, _r: events.append(name))
    again.start()  # as after a restart: the same file on the stick
    deadline = time.monotonic() + 4 * SETTLE_MS / 1000
    while time.monotonic() < deadline:
        qtbot.wait(50)
    assert again.wait() and not again.busy
    assert events == []
    assert "Refused" not in window.overlays.staff_panel.content_status()


def test_a_usb_folder_that_appears_later_is_looked_at(
        make_window: WindowFactory, office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    window = make_window()
    inbox, _live = watch(window, office, media / "usb")  # not plugged in yet
    plugged = tmp_path / "stick"
    plugged.mkdir()
    shutil.copy(office.pack(2), plugged / "clinic.tkpack")
    with qtbot.waitSignal(inbox.installed, timeout=15_000):
        plugged.rename(media / "usb")  # as the desktop mounts it
    window.session.go_home()
    assert window.home_screen.welcome.text() == marker(2)


def test_the_running_kiosk_watches_its_inbox(make_window: WindowFactory, office: Office,
                                             qtbot: QtBot) -> None:
    window = make_window()
    start_several_kiosks(window, office.data_dir, watch_inbox=True)  # as kiosk.app.run
    (inbox,) = window.findChildren(PackInbox)
    inbox.settle_ms = SETTLE_MS
    with qtbot.waitSignal(inbox.installed, timeout=15_000):
        shutil.copy(office.pack(2), office.data_dir / "inbox" / "clinic.tkpack")
    window.session.reset()
    assert window.home_screen.welcome.text() == marker(2)
