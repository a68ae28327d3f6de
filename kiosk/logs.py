"""Logging: a rotating, owner-only log file in the data folder, plus Qt's own messages.

Every unhandled exception is logged once, with its traceback: while the kiosk's window
is up its crash guard does it (and recovers); before and after, and in other threads,
the hooks installed here do.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file handler whose files only their owner can read."""

    def _open(self):  # type: ignore[no-untyped-def]
        old_mask = os.umask(0o077)
        try:
            stream = super()._open()
        finally:
            os.umask(old_mask)
        if hasattr(os, "fchmod"):  # a file left readable by others (older version, by hand)
            os.fchmod(stream.fileno(), 0o600)
        return stream


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
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = _PrivateRotatingFileHandler(
            log_dir / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write logs to %s: %s", log_dir, error)
        return None
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return log_dir / LOG_NAME
