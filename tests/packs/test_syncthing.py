"""Several kiosks kept in step by Syncthing (issue #18), for real, on 127.0.0.1.

Two Syncthing instances, each with its own home and ports, configured only through
their REST API as the README tells IT to: LAN only (no global discovery, no relays),
a send-only folder on the office PC and a receive-only folder that is the kiosk's
``inbox/``, versioning off.  A pack dropped in the office folder must arrive in the
kiosk's inbox, be installed by the kiosk's own inbox watcher and reach the screen.
Skipped, saying why, where Syncthing cannot start.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.packs.inbox import PackInbox
from kiosk.packs.live import LiveContent
from tests.helpers import WindowFactory
from tests.packs.kit import Office, marker
from tests.packs.syncthing import Syncthing, Unavailable

FOLDER = "tigoni-content"


@pytest.fixture
def data_dir(office: Office) -> Path:
    """The office's kiosk: its data folder shows pack 1."""
    return office.data_dir


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing]]:
    started: list[Syncthing] = []
    try:
        for name in ("office-pc", "kiosk-1"):
            started.append(Syncthing.start(name, tmp_path / f"syncthing-{name}"))
    except Unavailable as why:
        for instance in started:
            instance.stop()
        pytest.skip(f"Syncthing cannot run here: {why}")
    yield started[0], started[1]
    for instance in started:
        instance.stop()


@pytest.mark.slow
@pytest.mark.spawns_processes
def test_a_pack_dropped_in_the_office_folder_reaches_the_kiosk(
        pair: tuple[Syncthing, Syncthing], office: Office, make_window: WindowFactory,
        qtbot: QtBot) -> None:
    office_pc, kiosk = pair
    outgoing = office.root / "office-packs"
    outgoing.mkdir()
    inbox = office.data_dir / "inbox"
    inbox.mkdir()
    office_pc.add_device(kiosk)
    kiosk.add_device(office_pc)
    office_pc.add_folder(FOLDER, outgoing, "sendonly", kiosk)
    kiosk.add_folder(FOLDER, inbox, "receiveonly", office_pc)
    window = make_window()
    watcher = PackInbox(office.data_dir, settle_ms=500, parent=window)
    LiveContent(window, office.data_dir, watcher, parent=window)
    watcher.start()
    pack = office.pack(2)
    shutil.copy(pack, outgoing / ".copying")  # as a file manager would
    (outgoing / ".copying").rename(outgoing / "clinic-2.tkpack")
    office_pc.scan(FOLDER)
    try:
        with qtbot.waitSignal(watcher.installed, timeout=120_000):
            pass
    except qtbot.TimeoutError:
        pytest.fail(f"the pack did not arrive.\noffice: {office_pc.log_tail()}\n"
                    f"kiosk: {kiosk.log_tail()}")
    assert (inbox / "clinic-2.tkpack").read_bytes() == pack.read_bytes()
    window.session.go_home()
    assert window.home_screen.welcome.text() == marker(2)
    options = kiosk.request("GET", "/rest/config/options")
    assert not options["globalAnnounceEnabled"] and not options["relaysEnabled"]
