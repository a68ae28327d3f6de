"""Logging: a rotating, owner-only log file (0600, in a 0700 folder), plus Qt's messages.

``setup_logging`` is the kiosk's own (file and stderr); ``log_to_file_only`` is for IT's
commands that change the data folder (``set-pin``, ``install-pack``), so their audit lines
land in the same file while the terminal gets only the command's own words.

Every unhandled exception is logged once, with its traceback: while the kiosk's window
is up its crash guard does it (and recovers); before and after, and in other threads,
the hooks installed here do.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from kiosk.private_files import private_folder

LOG_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivateRotatingFileHandler(logging.FileHandler):
    """Appends to one file, only its owner can read; a full file becomes ``.1``.

    Before a record would take the file past ``max_bytes``, ``kiosk.log`` becomes
    ``kiosk.log.1`` (``.1`` becomes ``.2`` and so on; the oldest of ``backups`` goes).
    The standard library's ``RotatingFileHandler`` does the same, but importing
    ``logging.handlers`` also loads sockets and pickle: about 10 ms of every start-up.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:
        old_mask = os.umask(0o077)
        try:
            stream = super()._open()
        finally:
            os.umask(old_mask)
        if hasattr(os, "fchmod"):  # a file left readable by others (older version, by hand)
            os.fchmod(stream.fileno(), 0o600)
        return stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self._rotate()
        except Exception:  # logging must never take the kiosk down
            self.handleError(record)
            return
        super().emit(record)

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        stream = self.stream
        if stream is None:
            stream = self.stream = self._open()
        size = stream.seek(0, os.SEEK_END)
        added = len(f"{self.format(record)}{self.terminator}".encode())
        return size > 0 and size + added > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = Path(self.baseFilename)
        for number in range(self.backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{number}")
            if older.exists():
                older.replace(base.with_name(f"{base.name}.{number + 1}"))
        if base.exists():
            base.replace(base.with_name(f"{base.name}.1"))
        self.stream = self._open()


def _log_unhandled(kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logging.getLogger("kiosk").critical("unhandled exception", exc_info=(kind, error, trace))


def _log_unhandled_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    logging.getLogger("kiosk").critical(
        "unhandled exception in thread %s", name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def setup_logging(data_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Log to stderr and, when the data folder is writable, to a rotating file there.

    Unhandled exceptions (outside the window's crash guard) are logged from now on too.
    """
    sys.excepthook = _log_unhandled
    threading.excepthook = _log_unhandled_in_thread
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter(FORMAT))
    console._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(console)
    if data_dir is None:
        return None
    log_dir = data_dir / "logs"
    try:
        private_folder(log_dir)
        file_handler = _PrivateRotatingFileHandler(log_dir / LOG_NAME, MAX_BYTES, BACKUPS)
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write logs to %s: %s", log_dir, error)
        return None
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return log_dir / LOG_NAME


def log_to_file_only(data_dir: Path) -> Path | None:
    """Log to the kiosk's own log file in ``data_dir`` and nowhere else (no stderr)."""
    path = setup_logging(data_dir)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler) is logging.StreamHandler:
            root.removeHandler(handler)
    return path
