"""Signed content packs (issue #18): keygen, pack, install-pack, and what a kiosk shows.

Each case checks what IT and staff see: ``install-pack``'s exit code and lines, the
kiosk's log, the staff panel's words, and the welcome text a kiosk would show.
"""

from __future__ import annotations

import io
import logging
import shutil
import stat
from pathlib import Path

import pytest

from kiosk.content.source import ContentOrigin, choose_content
from kiosk.packs.build import PackError, make_pack
from kiosk.packs.commands import install_pack_command, keygen_command, pack_command
from kiosk.packs.install import install_pack
from kiosk.packs.shown import staff_lines
from kiosk.packs.state import read_state
from kiosk.packs.verify import PackRefused
from tests.packs.kit import WELCOME, Office, marker, shown_welcome


@pytest.fixture
def office(tmp_path: Path) -> Office:
    return Office.make(tmp_path)


def run_install(pack: Path, data_dir: Path) -> tuple[int, list[str], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = install_pack_command(pack, data_dir, out, err)
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def test_keygen_writes_a_secret_key_only_its_owner_can_read(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert keygen_command(tmp_path / "keys", out, err) == 0
    key = tmp_path / "keys" / "content-signing.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in key.read_bytes()
    assert b"PUBLIC KEY" in (tmp_path / "keys" / "content-signing.pub").read_bytes()
    assert "keep it secret" in out.getvalue()
    before = key.read_bytes()
    assert keygen_command(tmp_path / "keys", out, err) == 1  # never overwrites a key
    assert "already exists" in err.getvalue()
    assert key.read_bytes() == before


def test_pack_refuses_content_that_fails_check(office: Office) -> None:
    content = office.content(1)
    (content / "en" / "broken.md").write_text("---\ntitle: Broken\norder: [\n---\nHi\n",
                                               encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = pack_command(content, office.root / "p.tkpack", office.key, 1, None, out, err)
    assert code == 1
    assert "broken.md:3: order must be a whole number" in err.getvalue()
    assert not (office.root / "p.tkpack").exists()


def test_pack_refuses_a_symbolic_link_in_the_content(office: Office) -> None:
    content = office.content(1)
    (content / "en" / "link.md").symlink_to(content / "en" / "home.md")
    with pytest.raises(PackError, match="symbolic link"):
        make_pack(content, office.root / "p.tkpack", office.key, 1)


def test_default_versions_increase_even_within_one_minute(office: Office) -> None:
    first, second = office.root / "a.tkpack", office.root / "b.tkpack"
    one = make_pack(office.content(1), first, office.key)
    two = make_pack(office.content(1), second, office.key)
    assert two.version == one.version + 1 or two.version > one.version
    assert str(one.version).startswith("20")  # YYYYMMDDhhmm


def test_an_installed_pack_is_what_the_kiosk_shows(office: Office) -> None:
    assert shown_welcome(office.data_dir) == WELCOME  # bundled until a pack arrives
    code, out, err = run_install(office.pack(1), office.data_dir)
    assert (code, err) == (0, [])
    assert len(out) == 1 and out[0].startswith("Installed content pack 1 signed by Office PC")
    choice = choose_content(None, office.data_dir)
    assert choice.origin is ContentOrigin.PACK
    assert shown_welcome(office.data_dir) == marker(1)
    assert staff_lines(office.data_dir).startswith("Content pack 1, signed by Office PC on 20")


def test_a_newer_pack_replaces_it_and_the_previous_stays_as_the_fallback(
        office: Office) -> None:
    install_pack(office.pack(1), office.data_dir)
    install_pack(office.pack(2), office.data_dir)
    state = read_state(office.data_dir)
    assert state.current is not None and state.current.version == 2
    assert state.previous is not None and state.previous.version == 1
    assert shown_welcome(office.data_dir) == marker(2)
    install_pack(office.pack(3), office.data_dir)
    folders = sorted(p.name for p in (office.data_dir / "packs").iterdir() if p.is_dir())
    assert folders == ["v2", "v3"]  # only the shown pack and its fallback are kept
    shutil.rmtree(office.data_dir / "packs" / "v3")  # a damaged disk loses the current one
    assert shown_welcome(office.data_dir) == marker(2)


def test_a_trusted_key_refuses_the_unsigned_content_folder(
        office: Office, caplog: pytest.LogCaptureFixture) -> None:
    unsigned = office.data_dir / "content"
    shutil.copytree(office.content(9), unsigned)
    with caplog.at_level(logging.WARNING):
        choice = choose_content(None, office.data_dir)
    assert choice.origin is ContentOrigin.BUNDLED
    assert shown_welcome(office.data_dir) == WELCOME  # not the stranger's content
    assert "unsigned content is refused" in caplog.text
    assert any("unsigned content is refused" in p.message for p in choice.rejected_update)
    assert "The unsigned content folder in the data folder is refused." in staff_lines(
        office.data_dir)
    install_pack(office.pack(1), office.data_dir)
    assert shown_welcome(office.data_dir) == marker(1)


def test_with_no_trusted_key_the_content_folder_works_as_before(tmp_path: Path) -> None:
    office = Office.make(tmp_path, trust=False)
    shutil.copytree(office.content(9), office.data_dir / "content")
    choice = choose_content(None, office.data_dir)
    assert choice.origin is ContentOrigin.UPDATED
    assert shown_welcome(office.data_dir) == marker(9)
    assert staff_lines(office.data_dir) == ""
    code, _out, err = run_install(office.pack(1), office.data_dir)
    assert code == 1 and err == [
        "pack-1.tkpack: refused: no trusted key in the data folder's trusted-keys/ "
        "(IT must place the clinic's content-signing.pub there)"]


def test_install_refuses_without_changing_anything_on_disk(office: Office) -> None:
    install_pack(office.pack(1), office.data_dir)
    before = sorted(p.relative_to(office.data_dir) for p in office.data_dir.rglob("*"))
    with pytest.raises(PackRefused):
        install_pack(office.pack(1), office.data_dir)
    after = sorted(p.relative_to(office.data_dir) for p in office.data_dir.rglob("*"))
    assert [p for p in after if p not in before] == [Path("packs/refused.json")]
