"""The base of every panel that opens over the whole kiosk: a dimmed backdrop, a card.

Help, a web link's QR code, the PIN pad, the staff panel, the usage charts and "Still
reading?" are panels.  A panel covers the navigation bar too, so the patient deals with
it first; a big Close button, or a tap on the dimmed backdrop (where allowed), closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.style_sheet import application_style
from kiosk.ui.theme import Look, Metrics
from kiosk.ui.widgets.long_words import BreakingLabel
from kiosk.ui.widgets.nav_bar import NavButton
from kiosk.ui.widgets.touch import make_kinetic

BACKDROP = QColor(10, 30, 30, 170)


class Panel(QWidget):
    """A modal card over the window; subclasses fill ``body``."""

    closed = Signal()
    for_staff = False
    """Staff screens keep text factor 1.0 whatever the patient's text size (``Look.for_staff``)."""

    def __init__(self, host: QWidget, title: str, name: str,
                 closes_on_backdrop: bool = True) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.closes_on_backdrop = closes_on_backdrop
        self.card = QFrame(self)
        self.card.setObjectName("PanelCard")
        self.title = BreakingLabel(title, self.card)  # long words wrap (issue 14)
        self.title.setObjectName("PanelTitle")
        self.title.setWordWrap(True)
        self.body = QVBoxLayout()
        self._body_scroll = _BodyScroll(self.body, self.card)
        self.close_button = NavButton(tr("Close"), "close", name="PanelClose")
        self.close_button.clicked.connect(self.close_panel)
        self._card_layout = QVBoxLayout(self.card)
        self._card_layout.addWidget(self.title)
        self._card_layout.addWidget(self._body_scroll, 1)
        self._card_layout.addWidget(self.close_button)
        self._metrics = Metrics(1.0)
        self._refit = QTimer(self)  # words changed while shown: measure the card again
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._place_card)
        host.installEventFilter(self)
        self.card.installEventFilter(self)  # the title's and the Close button's changes
        self._body_scroll.inner.installEventFilter(self)  # the body's words
        self.hide()

    def add_footer(self, widget: QWidget) -> None:
        """Put ``widget`` above Close, outside the scrolling body: always in view."""
        self._card_layout.insertWidget(self._card_layout.indexOf(self.close_button), widget)

    @property
    def is_open(self) -> bool:
        """Whether the panel is showing."""
        return self.isVisible()

    def open_panel(self) -> None:
        """Show over everything."""
        self.setGeometry(self.host.rect())
        self._place_card()
        self.show()
        self.raise_()

    def close_panel(self) -> None:
        """Hide and tell listeners."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def retranslate(self) -> None:
        """Words in the current language (subclasses add theirs)."""
        self.close_button.set_label(tr("Close"))

    def apply_look(self, look: Look) -> None:
        """Card padding and button icons for the window size.

        A staff screen draws at text factor 1.0 (``Look.for_staff``), with its own style
        sheet over the window's, which follows the patient's text size.
        """
        if self.for_staff:
            look = look.for_staff()
            style = application_style(look.palette, look.metrics)
            if self.styleSheet() != style:
                self.setStyleSheet(style)
        metrics = look.metrics
        self._metrics = metrics
        pad = metrics.px(48, 20)
        self._card_layout.setContentsMargins(pad, pad, pad, pad)
        self._card_layout.setSpacing(metrics.spacing)
        self.close_button.apply_palette(look.palette)  # its icon seen in either contrast
        self.close_button.apply_metrics(metrics)
        self._place_card()

    def card_width(self) -> int:
        """How wide the card is for the current window (subclasses may widen it)."""
        return min(self.width() - 2 * self._metrics.margin, self._metrics.px(1100, 500))

    def _place_card(self) -> None:
        """Centre the card: as tall as its words, or the window's height and scrolling."""
        width = max(200, self.card_width())
        self.card.setFixedWidth(width)
        margins = self._card_layout.contentsMargins()
        self._body_scroll.fit_width(width - margins.left() - margins.right())
        # Wrapped words need the height they take at this width, not at the default one.
        layout = self._card_layout
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        needed = max(needed, self.card.sizeHint().height())
        height = min(needed, self.height() - 2 * self._metrics.margin)
        self.card.setFixedHeight(max(200, height))
        self.card.move((self.width() - width) // 2, (self.height() - self.card.height()) // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
            self._place_card()
        elif event.type() == QEvent.Type.LayoutRequest and watched is not self.host \
                and self.isVisible():
            # A line that grows while shown (a lock-out message that wraps) would
            # otherwise scroll the keys away: the card takes the height its words need.
            self._refit.start()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        outside = not self.card.geometry().contains(event.position().toPoint())
        if self.closes_on_backdrop and outside:
            self.close_panel()
        event.accept()

    def keyPressEvent(self, event: object) -> None:
        del event  # keys never reach what lies beneath an open panel


class _BodyScroll(QScrollArea):
    """A panel's body: as tall as its contents, scrolling when the window is shorter.

    On a small screen (1024x600) or at the largest text size the body is dragged like a
    page instead of its controls being squeezed on top of each other.
    """

    def __init__(self, body: QVBoxLayout, card: QWidget) -> None:
        super().__init__(card)
        self.setObjectName("PanelBody")
        self.setViewport(QWidget())  # our own: see HomeScreen on Qt's private viewport
        self.viewport().setObjectName("PanelBody")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        inner = QWidget()
        inner.setObjectName("PanelBody")
        inner.setLayout(body)
        body.setContentsMargins(0, 0, 0, 0)
        self.setWidget(inner)
        self.inner = inner  # what the body's layout lays out
        self._natural = QSize(0, 0)
        make_kinetic(self)

    def fit_width(self, width: int) -> None:
        """Measure the body's natural height for ``width`` px (word-wrapped text grows)."""
        inner = self.inner
        inner.ensurePolished()
        hint = inner.sizeHint()
        height = inner.heightForWidth(width) if inner.hasHeightForWidth() else -1
        # A wrapped label's size hint guesses its width: the height for the real width is
        # what the body needs (taking the larger left a blank band under a short body).
        natural = QSize(width, height if height > 0 else hint.height())
        if natural != self._natural:  # unchanged: no layout request, so re-fits end
            self._natural = natural
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        """The whole body, unscrolled (Qt's own hint caps a scroll area at a few lines)."""
        return self._natural

    def minimumSizeHint(self) -> QSize:
        """Small: the card shrinks to the window and the body scrolls."""
        return QSize(0, min(self._natural.height(), 120))

