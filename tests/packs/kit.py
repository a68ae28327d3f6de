"""What the pack tests share: an office with a key, a kiosk data folder, content to pack.

``Office.pack(version)`` packs a copy of the bundled content whose welcome text names
the version ("Pack 3 welcome"), so a test can tell which pack a kiosk shows.
``Office.forge`` writes a pack by hand, signed with the office's key, for the bad packs
``make_pack`` would never make.
"""

from __future__ import annotations

import hashlib
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kiosk import resources
from kiosk.content.source import ContentChoice, choose_content
from kiosk.packs.build import make_pack
from kiosk.packs.keys import key_id, keygen, load_private_key
from kiosk.packs.manifest import FileEntry, Manifest
from kiosk.packs.state import trusted_keys_dir

WELCOME = "Tap a topic to learn about ketamine treatment. Take your time."


def welcome_of(choice: ContentChoice) -> str:
    """The English welcome text the home screen shows."""
    home = choice.content.libraries["en"].get("home")
    assert home is not None
    return home.body.strip()


def shown_welcome(data_dir: Path) -> str:
    """The welcome text a kiosk on ``data_dir`` would show if it started now."""
    choice = choose_content(None, data_dir)
    assert not [p for p in choice.content.problems if p.severity.value == "error"]
    return welcome_of(choice)


def marker(version: int) -> str:
    """The welcome text of the test pack ``version``."""
    return f"Pack {version} welcome."


@dataclass
class Office:
    """The clinic's office PC (a key pair) and one kiosk's data folder that trusts it."""

    root: Path
    key: Path
    public: Path
    data_dir: Path

    @classmethod
    def make(cls, root: Path, trust: bool = True) -> Office:
        key, public = keygen(root / "keys")
        data_dir = root / "kiosk-data"
        data_dir.mkdir()
        if trust:
            trusted_keys_dir(data_dir).mkdir()
            shutil.copy(public, trusted_keys_dir(data_dir) / "clinic.pub")
        return cls(root, key, public, data_dir)

    def content(self, version: int) -> Path:
        """A copy of the bundled content whose welcome text names ``version``."""
        folder = self.root / f"content-{version}"
        if not folder.exists():
            shutil.copytree(resources.bundled_content_dir(), folder)
            home = folder / "en" / "home.md"
            home.write_text(home.read_text(encoding="utf-8").replace(WELCOME, marker(version)),
                            encoding="utf-8")
        return folder

    def pack(self, version: int) -> Path:
        """A good signed pack of version ``version``."""
        out = self.root / f"pack-{version}.tkpack"
        make_pack(self.content(version), out, self.key, version, signer="Office PC")
        return out

    def forge(self, name: str, files: dict[str, bytes], version: int,
              manifest_files: dict[str, bytes] | None = None,
              extra_members: list[zipfile.ZipInfo | str] | None = None,
              key: Path | None = None) -> Path:
        """A pack signed by this office (or ``key``) holding exactly ``files``.

        ``manifest_files`` lists what the manifest vouches for (default: ``files``);
        ``extra_members`` adds raw zip members (a symbolic link, say) with empty data.
        """
        private = load_private_key(key or self.key)
        listed = files if manifest_files is None else manifest_files
        manifest = Manifest(version, "2026-11-30T05:00:00+00:00", "Office PC",
                            key_id(private.public_key()),
                            {n: FileEntry(hashlib.sha256(d).hexdigest(), len(d))
                             for n, d in listed.items()})
        raw = manifest.to_bytes()
        out = self.root / f"{name}.tkpack"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", raw)
            archive.writestr("manifest.sig", private.sign(raw))
            for member, data in files.items():
                info = zipfile.ZipInfo(f"content/{member}")
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                archive.writestr(info, data)
            for extra in extra_members or []:
                archive.writestr(extra, b"../../etc/passwd")
        return out

    def files_of(self, version: int) -> dict[str, bytes]:
        """The files of the test content ``version``, by pack name."""
        folder = self.content(version)
        return {path.relative_to(folder).as_posix(): path.read_bytes()
                for path in sorted(folder.rglob("*")) if path.is_file()}
