"""The kiosk's inbox: new packs in watched folders are installed off the GUI thread.

``PackInbox`` watches ``inbox/`` in the data folder and any folder IT names in the
settings (``inbox_folders``, a USB stick's mount point, say) with Qt's
``QFileSystemWatcher`` (no polling loop), and looks once at start-up.  A ``*.tkpack``
is taken only once it has settled: hidden names (Syncthing's ``.syncthing.*.tmp``,
``make_pack``'s ``.*.partial``), Windows Syncthing's ``~syncthing~*.tmp`` and files whose
size or time changed in the last ``settle_ms`` are left until they stop changing (a
single-shot timer looks again, only while such a file is there).  Each settled file is
handled once (its SHA-256 is kept in ``packs/inbox-seen.json``), so restarting the kiosk
does not report an old pack as a replay.

Installing runs on a worker thread (``install_pack``); ``installed`` or ``refused`` is
then emitted on the GUI thread.  QtCore only: no widgets.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.packs.state import packs_dir, write_atomically

log = logging.getLogger(__name__)

INBOX_DIR = "inbox"
PACK_SUFFIX = ".tkpack"
SEEN_FILE = "inbox-seen.json"
SETTLE_MS = 2000
MAX_SEEN = 200


def is_candidate(path: Path) -> bool:
    """Whether ``path``'s name is a finished pack's (not a partial or temporary file)."""
    name = path.name
    return (name.endswith(PACK_SUFFIX) and not name.startswith((".", "~"))
            and ".syncthing." not in name)


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            sha.update(chunk)
    return sha.hexdigest()


class PackInbox(QObject):
    """Watches folders for packs and installs each settled one (see the module doc)."""

    installed = Signal(object)  # kiosk.packs.install.Installed
    refused = Signal(str, list)  # file name, reasons
    _finished = Signal()  # from the worker thread; queued to the GUI thread

    def __init__(self, data_dir: Path, extra_folders: Iterable[Path] = (),
                 settle_ms: int = SETTLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settle_ms = settle_ms
        self.folders = [data_dir / INBOX_DIR, *extra_folders]
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.scan())
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.timeout.connect(self.scan)
        self._sizes: dict[Path, tuple[int, int, float]] = {}  # size, mtime, since when
        self._handled: dict[Path, tuple[int, int]] = {}  # size and mtime when queued
        self._queue: list[Path] = []
        self._busy = False
        self._lock = threading.Lock()
        self._seen = self._load_seen()
        self._worker: threading.Thread | None = None
        self._results: list[tuple[Path, object]] = []
        self._finished.connect(self._finish)

    def start(self) -> None:
        """Create ``inbox/`` if needed, watch every folder, and look once now."""
        try:
            self.folders[0].mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot make the inbox %s: %s", self.folders[0], error)
        for folder in self.folders:
            if not folder.is_dir():
                log.info("inbox folder %s does not exist yet; watching for it", folder)
        self.scan()

    def _watch(self) -> None:
        """Watch each folder, or its parent while it does not exist (a stick not in)."""
        wanted = {str(folder if folder.is_dir() else folder.parent)
                  for folder in self.folders if folder.is_dir() or folder.parent.is_dir()}
        missing = sorted(wanted - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)

    @property
    def busy(self) -> bool:
        """Whether a pack is being installed or waiting to be."""
        return self._busy or bool(self._queue)

    # --- finding settled packs (GUI thread) ----------------------------------------------

    def scan(self) -> None:
        """Look at every watched folder; queue settled packs, look again for the rest."""
        self._watch()
        now = time.monotonic()
        waiting = False
        for folder in self.folders:
            try:
                paths = sorted(p for p in folder.iterdir() if is_candidate(p))
            except OSError:
                continue
            for path in paths:
                try:
                    info = path.stat()
                except OSError:
                    continue
                shape = (info.st_size, info.st_mtime_ns)
                if self._handled.get(path) == shape:
                    continue
                known = self._sizes.get(path)
                if known is None or known[:2] != shape:
                    self._sizes[path] = (*shape, now)  # new, or still growing
                    waiting = True
                elif (now - known[2]) * 1000 < self.settle_ms:
                    waiting = True
                else:
                    self._handled[path] = shape
                    self._queue.append(path)
        if waiting:
            self._again.start(self.settle_ms)
        self._next()

    # --- installing (worker thread) ------------------------------------------------------

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        path = self._queue.pop(0)
        self._busy = True
        self._worker = threading.Thread(target=self._install, args=(path,),
                                        name="pack-install", daemon=True)
        self._worker.start()

    def _install(self, path: Path) -> None:
        from kiosk.packs.install import install_pack
        from kiosk.packs.verify import PackRefused

        result: object
        try:
            digest = _digest(path)
            if digest in self._seen:
                result = None
            else:
                try:
                    result = install_pack(path, self.data_dir)
                except PackRefused as refused:
                    result = refused
                self._remember(digest)
        except OSError as error:  # the file went away or the stick was pulled
            log.warning("cannot read %s: %s", path, error)
            result = None
        except Exception:  # the kiosk must keep running whatever happens here
            log.exception("installing %s failed", path)
            result = None
        with self._lock:
            self._results.append((path, result))
        self._finished.emit()

    def _finish(self) -> None:
        from kiosk.packs.verify import PackRefused

        with self._lock:
            results, self._results = self._results, []
        for path, result in results:
            if isinstance(result, PackRefused):
                self.refused.emit(path.name, result.reasons)
            elif result is not None:
                self.installed.emit(result)
        self._busy = False
        self._next()

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for the worker thread (tests); True if it is idle."""
        if self._worker is not None:
            self._worker.join(timeout)
        return self._worker is None or not self._worker.is_alive()

    # --- packs already handled ------------------------------------------------------------

    def _load_seen(self) -> list[str]:
        try:
            data = json.loads((packs_dir(self.data_dir) / SEEN_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return []
        return [item for item in data if isinstance(item, str)] if isinstance(data, list) \
            else []

    def _remember(self, digest: str) -> None:
        self._seen = [*self._seen, digest][-MAX_SEEN:]
        try:
            packs_dir(self.data_dir).mkdir(parents=True, exist_ok=True)
            write_atomically(packs_dir(self.data_dir) / SEEN_FILE,
                             json.dumps(self._seen).encode("ascii"))
        except OSError as error:
            log.warning("cannot remember handled packs: %s", error)
