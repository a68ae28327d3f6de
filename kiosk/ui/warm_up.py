"""Idle-time warm-up: small jobs run one at a time when nothing else waits.

After the first paint, and again after a change of language, text size or contrast, the
window starts the jobs afresh (``content_jobs``); a zero-interval ``QTimer`` takes one step per
pass of the event loop, so a tap is never kept waiting for more than one small job.
``warmed_up`` says when the jobs have run out (tests wait for it; nothing else needs to).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.model import HOME_ID
from kiosk.session.history import CONTACT

if TYPE_CHECKING:
    from kiosk.content.loader import Content
    from kiosk.ui.page_source import PageSource
    from kiosk.ui.widgets.page_view import PageView

Jobs = Iterator[object]  # each ``next`` does one job of a few milliseconds


class WarmUp(QObject):
    """Runs the jobs ``make_jobs`` returns, from the start each time ``restart`` is called."""

    warmed_up = Signal()

    def __init__(self, make_jobs: Callable[[], Jobs], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_jobs = make_jobs
        self._jobs: Jobs | None = None
        self.enabled = False  # off until the first paint: nothing may delay it
        self._timer = QTimer(self)  # zero interval: runs when nothing else waits
        self._timer.timeout.connect(self._next)

    @property
    def is_warming(self) -> bool:
        """Whether jobs are still queued."""
        return self._jobs is not None

    def restart(self) -> None:
        """Drop the queued jobs and start afresh (only once ``enabled``)."""
        if self.enabled:
            self._jobs = self._make_jobs()
            self._timer.start()

    def _next(self) -> None:
        if self._jobs is None or next(self._jobs, None) is None:
            self._jobs = None
            self._timer.stop()
            self.warmed_up.emit()


def content_jobs(content: Content, pages: PageSource, language: str, view: PageView,
                 show_contact: Callable[[], None]) -> Iterator[bool]:
    """The kiosk's idle-time work, each step a few milliseconds; yields True after each.

    The rest of the content first (a section at a time); then Markdown and every page of
    ``language``, laid out in ``view`` for the current text size and colours, so a
    patient's first tap on any page is as quick as a return visit; then the contact
    codes (``show_contact``, which leaves a contact screen being shown alone).
    """
    for code in (language, *content.languages):
        library = content.libraries.get(code)
        while library is not None and library.read_some():
            yield True
    for page_id in list(pages.library(language).pages):
        if page_id in (HOME_ID, CONTACT) or view.is_ready(page_id):
            continue
        page, shown_in = pages.page(page_id, language)
        if page is not None:
            view.prepare(pages.renderer(shown_in).render(page, shown_in))
            yield True
    show_contact()
    yield True
