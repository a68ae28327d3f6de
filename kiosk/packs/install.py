"""Installing a pack: verify, unpack beside, fsync, check, switch, keep the fallback.

The steps, each a named point where ``TIGONI_PACK_PAUSE_AT=<point>`` stops the install
(a debugging hook for the kill tests; it prints ``pack-install paused at <point>``):

``verified``   signature, names, limits and version checked; nothing written yet
``unpacking``  the first file is written into ``packs/.unpacking-<version>``
``unpacked``   every file written, hashed and fsynced
``checked``    ``check`` found no errors in the unpacked copy
``renamed``    the folder renamed to ``packs/v<version>`` (not yet shown)
``switched``   ``packs/state.json`` names it; the previous pack is the fallback
``cleaned``    older packs and leftovers removed

Until ``switched`` the kiosk shows the previous pack; from then on the new one.  A
killed install leaves only folders that the next install removes.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk import resources
from kiosk.packs.keys import trusted_keys
from kiosk.packs.manifest import CONTENT_PREFIX
from kiosk.packs.state import (
    InstalledPack,
    PackState,
    Refusal,
    content_dir_of,
    fsync_dir,
    packs_dir,
    read_state,
    write_refusal,
    write_state,
)
from kiosk.packs.verify import OpenPack, PackRefused, open_pack

log = logging.getLogger(__name__)

PAUSE_VARIABLE = "TIGONI_PACK_PAUSE_AT"
UNPACKING_PREFIX = ".unpacking-"
CHUNK = 256 * 1024
MAX_CHECK_LINES = 10


@dataclass(frozen=True)
class Installed:
    """A pack that is now installed, and how long it took (seconds)."""

    pack: InstalledPack
    content_dir: Path
    seconds: float

    def summary(self) -> str:
        """The one line ``install-pack`` prints."""
        pack = self.pack
        return (f"Installed content pack {pack.version} signed by {pack.signer} "
                f"({pack.files} files, made {pack.created[:16].replace('T', ' ')}); "
                f"the kiosk shows it from its next return to the home screen.")


def pause_point(point: str) -> None:
    """Stop here for good if ``TIGONI_PACK_PAUSE_AT`` names ``point`` (tests kill us)."""
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"pack-install paused at {point}", file=sys.stderr, flush=True)
        while True:
            time.sleep(60)


@contextlib.contextmanager
def _install_lock(folder: Path) -> Iterator[None]:
    """One install at a time per data folder (the kiosk's inbox and IT's command)."""
    try:
        import fcntl
    except ImportError:  # Windows: one kiosk process installs at a time anyway
        yield
        return
    with (folder / ".lock").open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def install_pack(path: Path, data_dir: Path,
                 check: Callable[[Path], list[str]] | None = None) -> Installed:
    """Install ``path`` into ``data_dir``; ``PackRefused`` (reasons logged and kept) if not.

    ``check`` lists content problems of an unpacked copy (default: ``check``'s errors).
    """
    started = time.monotonic()
    try:
        folder = packs_dir(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PackRefused([f"cannot write to {folder} ({error.strerror or error})"]) \
                from None
        with _install_lock(folder):
            pack = _install_locked(path, data_dir, check or content_errors)
    except PackRefused as refused:
        for reason in refused.reasons:
            log.warning("content pack %s refused: %s", path.name, reason)
        write_refusal(data_dir, Refusal(path.name, _now(), refused.reasons))
        raise
    log.info("installed content pack %s (version %d, signed by %s)", path.name,
             pack.version, pack.signer)
    return Installed(pack, content_dir_of(data_dir, pack), time.monotonic() - started)


def content_errors(root: Path) -> list[str]:
    """``check``'s errors for the content in ``root``, as ``file:line: problem`` lines."""
    from kiosk.content.loader import load_content
    from kiosk.content.problems import errors

    return [problem.format(root) for problem in
            errors(load_content(root, resources.assets_dir()).problems)]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _install_locked(path: Path, data_dir: Path,
                    check: Callable[[Path], list[str]]) -> InstalledPack:
    state = read_state(data_dir)
    opened = open_pack(path, trusted_keys(data_dir))
    try:
        manifest = opened.manifest
        # A lost or damaged state.json must not reopen the door to old packs: then the
        # unpacked folders (v<version>) tell what was installed.
        newest = max(state.highest_version, state.current.version if state.current else 0,
                     *(_folder_versions(data_dir) if state.current is None else []))
        if manifest.version <= newest:
            raise PackRefused([f"version {manifest.version} is not newer than the installed "
                               f"version {newest} (an old pack sent again?)"])
        pause_point("verified")
        _remove_leftovers(data_dir, state)
        unpacking = packs_dir(data_dir) / f"{UNPACKING_PREFIX}{manifest.version}"
        try:
            _unpack(opened, unpacking)
            pause_point("unpacked")
            problems = check(unpacking / "content")
            if problems:
                shown = problems[:MAX_CHECK_LINES]
                more = len(problems) - len(shown)
                raise PackRefused([f"check: {line}" for line in shown]
                                  + ([f"check: and {more} more problems"] if more else []))
            pause_point("checked")
            final = packs_dir(data_dir) / f"v{manifest.version}"
            if final.exists():  # left by an install killed before it switched
                shutil.rmtree(final)
            unpacking.replace(final)
            fsync_dir(final.parent)
        except BaseException:
            shutil.rmtree(unpacking, ignore_errors=True)
            raise
        pause_point("renamed")
        installed = InstalledPack(final.name, manifest.version, manifest.signer,
                                  opened.signed_by.id, manifest.created,
                                  len(manifest.files), _now())
        try:
            write_state(data_dir, PackState(installed, state.current, manifest.version))
        except OSError as error:
            shutil.rmtree(final, ignore_errors=True)
            raise PackRefused([_disk_reason(error)]) from None
        pause_point("switched")
        _remove_leftovers(data_dir, read_state(data_dir))
        pause_point("cleaned")
        return installed
    finally:
        opened.close()


def _disk_reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: not enough room to unpack the pack"
    return f"could not write the pack to disk ({error.strerror or error})"


def _unpack(opened: OpenPack, target: Path) -> None:
    """Write every listed file into ``target``, hashing as it goes; fsync everything."""
    try:
        target.mkdir()
        content = target / "content"
        content.mkdir()
        target.joinpath("manifest.json").write_bytes(opened.manifest.to_bytes())
        folders = {content}
        for index, (name, entry) in enumerate(sorted(opened.manifest.files.items())):
            destination = content.joinpath(*name.split("/"))
            destination.parent.mkdir(parents=True, exist_ok=True)
            folders.add(destination.parent)
            digest = hashlib.sha256()
            written = 0
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
                | getattr(os, "O_BINARY", 0)
            with opened.archive.open(CONTENT_PREFIX + name) as member, \
                    os.fdopen(os.open(destination, flags, 0o644), "wb") as out:
                while chunk := member.read(min(CHUNK, entry.size + 1 - written)):
                    written += len(chunk)
                    if written > entry.size:
                        raise PackRefused([f"{name} unpacks larger than the manifest says "
                                           "(a zip bomb?)"])
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if written != entry.size or digest.hexdigest() != entry.sha256:
                raise PackRefused([f"{name} does not match its SHA-256 in the manifest "
                                   "(changed or damaged after signing)"])
            if index == 0:
                pause_point("unpacking")
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(folder)
        fsync_dir(target)
    except OSError as error:
        raise PackRefused([_disk_reason(error)]) from None
    except (EOFError, ValueError, RuntimeError, zipfile.BadZipFile, zlib.error) as error:
        raise PackRefused([f"the pack is damaged ({error})"]) from None


def _folder_versions(data_dir: Path) -> list[int]:
    """The versions of the pack folders present (``v<version>``)."""
    versions = []
    for child in packs_dir(data_dir).iterdir():
        if child.name.startswith("v") and child.name[1:].isdigit():
            versions.append(int(child.name[1:]))
    return versions


def _remove_leftovers(data_dir: Path, state: PackState) -> None:
    """Remove every pack folder that ``state`` does not name (never the shown ones)."""
    keep = {pack.folder for pack in (state.current, state.previous) if pack is not None}
    folder = packs_dir(data_dir)
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink() and child.name not in keep \
                and (child.name.startswith((UNPACKING_PREFIX, "v"))):
            shutil.rmtree(child, ignore_errors=True)
