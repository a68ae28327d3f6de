"""The last line of defence: an unhandled exception is logged and the kiosk goes home.

A patient never sees a traceback, a dialog or a frozen page.  Exceptions raised in Qt
slots and event handlers reach ``sys.excepthook``; this module's hook logs each once,
with its traceback, and asks the window to recover.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashGuard:
    """Replaces ``sys.excepthook`` while installed; ``recover`` puts the kiosk right."""

    def __init__(self, recover: Callable[[], None]) -> None:
        self._recover = recover
        self._previous: ExceptHook | None = None
        self._recovering = False
        self.caught = 0

    def install(self) -> None:
        """Start catching."""
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Stop catching (restores the previous hook)."""
        if self._previous is not None and sys.excepthook == self.handle:
            sys.excepthook = self._previous
        self._previous = None

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        """Log the exception with its traceback, then recover (never twice at once)."""
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            if self._previous is not None:
                self._previous(kind, error, trace)
            return
        self.caught += 1
        log.error("unhandled exception; returning to the home screen",
                  exc_info=(kind, error, trace))
        if self._recovering:
            return
        self._recovering = True
        try:
            self._recover()
        except Exception:  # the recovery itself failed: log it, never loop
            log.exception("recovery after an unhandled exception failed")
        finally:
            self._recovering = False
