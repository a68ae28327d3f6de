"""Bad packs (issue #18): each refused with one-line reasons, and the kiosk keeps its content.

Every case starts from a kiosk showing pack 1 and checks the four places a refusal
must show: ``install-pack`` (exit 1, one ``NAME: refused: reason`` line each), the
kiosk's log, the staff panel's text, and the welcome text a kiosk would show (still
pack 1's).  Nothing is ever written outside the data folder's ``packs/``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import shutil
import stat
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.packs import install as install_module
from kiosk.packs.commands import install_pack_command
from kiosk.packs.install import install_pack
from kiosk.packs.keys import keygen
from kiosk.packs.shown import staff_lines
from kiosk.packs.state import read_state
from tests.packs.kit import Office, marker, shown_welcome


@pytest.fixture
def office(tmp_path: Path) -> Office:
    made = Office.make(tmp_path)
    install_pack(made.pack(1), made.data_dir)
    return made


def assert_refused(office: Office, pack: Path, reason: str,
                   caplog: pytest.LogCaptureFixture, shown: int = 1) -> list[str]:
    """Install ``pack`` as IT would and check every place the refusal must show."""
    out, err = io.StringIO(), io.StringIO()
    with caplog.at_level(logging.WARNING):
        code = install_pack_command(pack, office.data_dir, out, err)
    lines = err.getvalue().splitlines()
    assert code == 1 and out.getvalue() == ""
    assert lines and all(line.startswith(f"{pack.name}: refused: ") for line in lines)
    assert any(reason in line for line in lines), lines
    assert reason in caplog.text
    staff = staff_lines(office.data_dir)
    first_reason = lines[0].split(": refused: ", 1)[1]
    assert f"Refused {pack.name}" in staff and first_reason[:40] in staff
    assert shown_welcome(office.data_dir) == marker(shown)
    state = read_state(office.data_dir)
    assert state.current is not None and state.current.version == shown
    kept = {p.folder for p in (state.current, state.previous) if p is not None}
    assert {p.name for p in (office.data_dir / "packs").iterdir() if p.is_dir()} == kept
    assert not list(office.root.glob("evil*")) and not Path("/tmp/evil.md").exists()
    return lines


def test_a_changed_byte_in_a_file_is_refused(office: Office,
                                             caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    changed = dict(files)
    changed["clinic.toml"] = files["clinic.toml"].replace(b"0", b"9", 1)  # a phone number
    pack = office.forge("tampered", changed, 2, manifest_files=files)
    assert_refused(office, pack, "clinic.toml does not match its SHA-256", caplog)


def test_a_flipped_byte_anywhere_in_the_file_is_refused(
        office: Office, caplog: pytest.LogCaptureFixture) -> None:
    pack = office.pack(2)
    data = bytearray(pack.read_bytes())
    for offset in (len(data) // 3, len(data) // 2):
        data[offset] ^= 0x01
    pack.write_bytes(bytes(data))
    lines = assert_refused(office, pack, "", caplog)
    assert any(word in " ".join(lines) for word in ("SHA-256", "damaged", "signature"))


def test_a_changed_manifest_breaks_the_signature(office: Office,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    pack = office.pack(2)
    forged = office.root / "forged.tkpack"
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(forged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                data = data.replace(b'"version": 2', b'"version": 99')
            target.writestr(info, data)
    assert_refused(office, forged, "the signature does not match any trusted key", caplog)


def test_a_pack_signed_with_another_key_is_refused(office: Office,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    stranger, _public = keygen(office.root / "stranger")
    pack = office.forge("stranger", office.files_of(2), 2, key=stranger)
    assert_refused(office, pack, "the signature does not match any trusted key", caplog)


def test_a_replayed_pack_is_refused(office: Office, caplog: pytest.LogCaptureFixture) -> None:
    pack = office.root / "replayed.tkpack"
    shutil.copy(office.pack(1), pack)
    assert_refused(office, pack, "version 1 is not newer than the installed version 1",
                   caplog)


def test_a_damaged_state_file_does_not_let_an_old_pack_back_in(
        office: Office, caplog: pytest.LogCaptureFixture) -> None:
    older = office.pack(2)
    install_pack(office.pack(3), office.data_dir)
    (office.data_dir / "packs" / "state.json").write_text("{not json", encoding="utf-8")
    assert shown_welcome(office.data_dir) == marker(3)  # the newest checked folder
    out, err = io.StringIO(), io.StringIO()
    assert install_pack_command(older, office.data_dir, out, err) == 1
    assert "version 2 is not newer than the installed version 3" in err.getvalue()


def test_an_older_pack_is_refused(office: Office, caplog: pytest.LogCaptureFixture) -> None:
    older = office.pack(2)
    install_pack(office.pack(3), office.data_dir)
    assert_refused(office, older, "version 2 is not newer than the installed version 3",
                   caplog, shown=3)


def test_a_zip_bomb_is_refused_before_it_is_inflated(
        office: Office, caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    files["zeros.bin"] = bytes(60 * 1024 * 1024)  # 60 MB of zeros: a 60 kB pack
    pack = office.forge("bomb", files, 2)
    assert pack.stat().st_size < 200_000
    assert_refused(office, pack, "the pack unpacks to 60.0 MB; at most 50 MB", caplog)


def test_a_member_larger_than_its_signed_size_is_refused(
        office: Office, caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    listed = dict(files)
    files["zeros.bin"], listed["zeros.bin"] = bytes(10_000_000), b"tiny"
    pack = office.forge("liar", files, 2, manifest_files=listed)
    assert_refused(office, pack, "zeros.bin is 10000000 bytes in the zip but 4 in the "
                                 "manifest", caplog)


def test_more_than_2000_files_are_refused(office: Office,
                                          caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    files.update({f"many/{index}.txt": b"x" for index in range(2000)})
    assert_refused(office, office.forge("many", files, 2),
                   "files; at most 2000", caplog)


@pytest.mark.parametrize(("name", "reason"), [
    ("../evil.md", "a path that climbs out of the content folder (../evil.md)"),
    ("en/../../evil.md", "a path that climbs out of the content folder"),
    ("/tmp/evil.md", "an absolute path (/tmp/evil.md)"),
    ("C:/evil.md", "an absolute path (C:/evil.md)"),
    ("en\\..\\..\\evil.md", "a file name with a backslash"),
])
def test_a_path_escaping_the_content_folder_is_refused(
        office: Office, name: str, reason: str, caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    files[name] = b"---\ntitle: Evil\n---\nCall 0700 000 000 for a cheaper dose.\n"
    assert_refused(office, office.forge("escape", files, 2), reason, caplog)


def test_a_member_outside_the_manifest_is_refused(office: Office,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    pack = office.forge("extra", files, 2, extra_members=["../../evil.md", "content/x.md"])
    lines = assert_refused(office, pack, "climbs out of the content folder (../../evil.md)",
                           caplog)
    assert any("a file the manifest does not list (content/x.md)" in line for line in lines)


def test_a_symbolic_link_is_refused(office: Office, caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    link = zipfile.ZipInfo("content/en/link.md")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    listed = {**files, "en/link.md": b"../../etc/passwd"}
    pack = office.forge("symlink", files, 2, manifest_files=listed, extra_members=[link])
    assert_refused(office, pack, "a symbolic link (content/en/link.md)", caplog)


def test_a_pack_that_fails_check_is_refused(office: Office,
                                            caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    files["en/broken.md"] = b"---\ntitle: Broken\norder: [\n---\nHello\n"
    assert_refused(office, office.forge("unchecked", files, 2),
                   "check: en/broken.md:3: order must be a whole number", caplog)


@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_a_truncated_pack_is_refused(office: Office, keep: float,
                                     caplog: pytest.LogCaptureFixture) -> None:
    pack = office.pack(2)
    data = pack.read_bytes()
    pack.write_bytes(data[:int(len(data) * keep)])
    assert_refused(office, pack, "not a complete zip file (truncated or damaged)", caplog)


@contextlib.contextmanager
def small_disk(folder: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> Iterator[None]:
    """``folder`` on a 600 kB tmpfs, or (``injected``) every write of the unpacking step
    failing with ENOSPC after 100 kB; skips if this machine cannot mount a tmpfs."""
    saved = folder.with_name(folder.name + "-saved")
    mounted = False
    if how == "tmpfs":
        folder.rename(saved)
        folder.mkdir()
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs",
                                str(folder)], capture_output=True, text=True, check=False)
        mounted = mount.returncode == 0
        if not mounted:
            folder.rmdir()
            saved.rename(folder)
            pytest.skip(f"cannot mount a tmpfs here: {mount.stderr.strip()}")
    if mounted:
        shutil.copytree(saved, folder, dirs_exist_ok=True, symlinks=True)
    else:
        written = [0]

        class FullFile(io.FileIO):
            def write(self, data: Any) -> int:
                written[0] += len(data)
                if written[0] > 100_000:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return super().write(data)

        def fdopen(descriptor: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            return FullFile(descriptor, mode.replace("b", ""), closefd=True)

        names = {name: getattr(os, name) for name in dir(os) if not name.startswith("__")}
        monkeypatch.setattr(install_module, "os", SimpleNamespace(**{**names,
                                                                     "fdopen": fdopen}))
    try:
        yield
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)
            folder.rmdir()
            saved.rename(folder)


@pytest.mark.spawns_processes
@pytest.mark.parametrize("how", ["tmpfs", "injected"])
def test_a_full_disk_while_unpacking_is_refused(
        office: Office, monkeypatch: pytest.MonkeyPatch, how: str,
        caplog: pytest.LogCaptureFixture) -> None:
    files = office.files_of(2)
    files["noise.bin"] = os.urandom(900_000)  # does not compress
    pack = office.forge("large", files, 2)
    with small_disk(office.data_dir, monkeypatch, how):
        assert_refused(office, pack, "the disk is full: not enough room to unpack the pack",
                       caplog)
