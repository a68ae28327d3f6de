"""The staff Usage page: visits per day (today first), the most-read pages, and Erase.

From anonymous counts.  "Erase usage counts" sits above Close, outside the scrolling
charts it empties, so it is always in view: it emits ``erase_usage_requested`` and
``erase_usage`` asks for confirmation before anything is deleted; ``show_counts`` reads
the counts again afterwards.  Closing the page goes back to the staff panel
(``KioskSession``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.stats import UsageRecorder
from kiosk.ui.i18n import tr
from kiosk.ui.panels.panel import Panel
from kiosk.ui.theme import Look
from kiosk.ui.widgets.usage_chart import BarChart, day_bars


class UsagePanel(Panel):
    """Two bar charts, refreshed each time the page opens; an empty state without data."""

    for_staff = True

    erase_usage_requested = Signal()  # ``erase_usage`` asks for confirmation first

    def __init__(self, host: QWidget, recorder: UsageRecorder,
                 title_for: Callable[[str], str],
                 language: Callable[[], str] = lambda: "en") -> None:
        super().__init__(host, tr("Usage"), "UsagePanel", closes_on_backdrop=False)
        self.recorder = recorder
        self.title_for = title_for
        self.language = language  # days are named in it ("Jumatatu 30 Nov")
        self.visits = BarChart(tr("Visits per day, last 30 days"), tr("No visits yet"), self.card)
        self.pages = BarChart(tr("Most-viewed pages this month"), tr("No pages viewed yet"),
                              self.card)
        self.erase_button = QPushButton(self.card)
        self.erase_button.setObjectName("StaffButton")
        self.erase_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.erase_button.clicked.connect(
            lambda _checked=False: self.erase_usage_requested.emit())
        self.body.addWidget(self.visits, 1)
        self.body.addWidget(self.pages, 1)
        self.add_footer(self.erase_button)  # in view however long the charts are
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(tr("Usage"))
        self.visits.set_title(tr("Visits per day, last 30 days"))
        self.pages.set_title(tr("Most-viewed pages this month"))
        self.erase_button.setText(tr("Erase usage counts"))
        self.erase_button.setAccessibleName(self.erase_button.text())

    def show_counts(self) -> None:
        """Read the latest counts (committing any still queued) into the charts."""
        report = self.recorder.report()
        days = reversed(report.visits_per_day())  # today on top
        self.visits.set_data(day_bars(days, self.language()))
        self.pages.set_data([(self.title_for(page_id), views)
                             for page_id, views in report.top_pages()])
        if self.isVisible():
            self._place_card()

    def open_panel(self) -> None:
        """The latest counts, then show them."""
        self.show_counts()
        super().open_panel()

    def apply_look(self, look: Look) -> None:
        """Chart colours and sizes."""
        super().apply_look(look)
        self.visits.apply_theme(look.palette, look.metrics)
        self.pages.apply_theme(look.palette, look.metrics)

    def card_width(self) -> int:
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(1500, 560))
