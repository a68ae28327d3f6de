"""The contact screen: large QR codes for WhatsApp, email, phone and a contact card.

Each code has a plain caption and the same information as text beside it, so a patient
without a phone camera can still copy it.  Every value comes from the clinic data file;
a code whose data is missing or does not fit is left out and the rest still show.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.clinic import Clinic
from kiosk.content.contact import ContactCode, contact_codes
from kiosk.content.rendered import RenderedPage
from kiosk.session.history import CONTACT
from kiosk.ui.i18n import tr
from kiosk.ui.page_source import PageSource
from kiosk.ui.theme import Look, Metrics
from kiosk.ui.widgets.labels import caption_label
from kiosk.ui.widgets.opaque import make_opaque, paint_background
from kiosk.ui.widgets.page_view import ImageFinder, PageView
from kiosk.ui.widgets.qr import QrCodeWidget, QrDataError, min_code_side
from kiosk.ui.widgets.touch import fill_with_scrolling

log = logging.getLogger(__name__)


class ContactCard(QFrame):
    """One code: the QR code, what it does, and its value as text."""

    def __init__(self, code: ContactCode, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ContactCard")
        self.code = code
        self.qr = QrCodeWidget(self)
        self.qr.setAccessibleName(tr("QR code: %1").replace("%1", caption))
        self.caption = caption_label(caption, "CardCaption", self)
        # A zero-width space after "@" lets a long email address wrap instead of clipping.
        self.value = caption_label(code.shown_text.replace("@", "@\u200b"), "CardValue", self)
        for label in (self.caption, self.value):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        self._card_layout = layout
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addStretch(1)
        try:
            self.qr.set_data(code.payload)
        except QrDataError:
            self.qr.hide()

    @property
    def has_code(self) -> bool:
        """False when the data could not be made into a QR code (text only)."""
        return not self.qr.isHidden()

    def apply_metrics(self, metrics: Metrics, card_width: int) -> None:
        """Code size and padding for the window.

        The code's own white quiet zone is its padding, so the sides stay narrow and the
        code gets the width: at least 5 cm (``min_code_side``), whole pixels per module.
        """
        pad = metrics.px(6, 3)
        self._card_layout.setContentsMargins(pad, pad, pad, metrics.px(20, 10))
        self._card_layout.setSpacing(metrics.px(4, 2))
        self._inner_width = card_width - 2 * pad - 4

    def code_side(self, metrics: Metrics) -> int:
        """The side this card's code would like (0 without a code)."""
        return self.qr.side_for(self._inner_width, metrics.px(420)) if self.has_code else 0

    def set_code_side(self, side: int) -> None:
        """Give the code a square of ``side`` px (the same for every card, so they align)."""
        self.qr.setFixedSize(side, side)


class ContactScreen(QWidget):
    """Codes in a row of four (landscape) or a two-by-two grid (portrait), then the words."""

    def __init__(self, find_image: ImageFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ContactScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        make_opaque(self)  # nothing behind the screen is painted
        # Title, codes, address and words scroll together, as on the home screen: on a
        # short screen (1024x600) nothing is squeezed, the patient drags the screen.
        self.content = QWidget()
        self.content.setObjectName("ContactContent")
        self.title = caption_label("", "PageTitle", self.content)
        self.codes = QWidget(self.content)
        self._grid = QGridLayout(self.codes)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.address = caption_label("", "Address", self.content)
        self.view = PageView(find_image, self.content)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.ungrabGesture(self.view.viewport())  # the whole screen scrolls instead
        self.view.installEventFilter(self)
        layout = QVBoxLayout(self.content)
        layout.addWidget(self.title)
        layout.addWidget(self.codes)
        layout.addWidget(self.address)
        layout.addWidget(self.view)
        layout.addStretch(1)
        self._layout = layout
        self.scroll_area = fill_with_scrolling(self, self.content)
        self.cards: list[ContactCard] = []
        self._metrics = Metrics(1.0)
        self._portrait = False
        self._width = 1920
        self._cards_for: tuple[int, tuple[str, ...]] | None = None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_background(self, painter)
        painter.end()

    def minimumSizeHint(self) -> QSize:
        """The codes are arranged for the width given; they must not hold the window wide."""
        return QSize(200, 200)

    def captions(self) -> dict[str, str]:
        """Plain captions for each kind of code."""
        return {
            "whatsapp": tr("Chat on WhatsApp"),
            "email": tr("Email us"),
            "phone": tr("Call us"),
            "card": tr("Save our contact"),
        }

    def show_in(self, language: str, pages: PageSource) -> None:
        """The contact page's words in ``language`` (or English) with the clinic's codes."""
        page, shown_in = pages.page(CONTACT, language)
        words = pages.renderer(shown_in).render(page, shown_in) if page else None
        title = page.title if page is not None else tr("Contact us")
        self.show_contact(title, pages.content.clinic, words)

    def show_contact(self, title: str, clinic: Clinic, words: RenderedPage | None) -> None:
        """Fill the screen from clinic data and the contact page's words."""
        self.title.setText(title)
        self.view.setAccessibleName(title)
        if words is not None:
            self.view.show_page(words)
            self._fit_words()
        self.scroll_area.verticalScrollBar().setValue(0)
        captions = self.captions()
        visit = tr("Visit us: %1").replace("%1", clinic.address)
        self.address.setText(visit if clinic.address else "")
        self.address.setVisible(bool(clinic.address))
        key = (id(clinic), tuple(captions.values()))
        if key == self._cards_for:
            return  # the same codes: nothing to encode again
        self._cards_for = key
        for card in self.cards:
            self._grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = [ContactCard(code, captions.get(code.kind, code.kind), self.codes)
                      for code in contact_codes(clinic)]
        self._arrange()

    def apply_look(self, look: Look) -> None:
        """Code sizes and columns for the window."""
        palette, metrics, width, height = look.palette, look.metrics, look.width, look.height
        self._metrics = metrics
        self._portrait = height > width
        margin = metrics.margin
        self._layout.setContentsMargins(margin, margin, margin - metrics.px(10), 0)
        self._layout.setSpacing(metrics.spacing)
        self.view.apply_theme(palette, metrics, width - 2 * margin)
        self._width = width
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_words()  # a new width wraps the words to a new height
        return False

    def _fit_words(self) -> None:
        """Make the words exactly as tall as they are: the screen, not they, scrolls."""
        document = self.view.document()
        document.setTextWidth(self.view.viewport().width())
        height = math.ceil(document.size().height()) + 2 * self.view.frameWidth()
        if height != self.view.height():
            self.view.setFixedHeight(height)

    def _arrange(self) -> None:
        if not self.cards:
            return
        metrics = self._metrics
        columns = 2 if self._portrait else min(4, len(self.cards))
        # Room for the screen's scroll bar, which shows whenever the screen is too short.
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        usable = self._width - 2 * metrics.margin - bar
        gap = metrics.px(16, 10)
        self._grid.setSpacing(gap)
        card_width = (usable - (columns - 1) * gap) // columns
        if columns > 2 and card_width - metrics.px(40, 20) < min_code_side(self.screen()):
            columns = 2  # four codes of a scannable size do not fit side by side
            card_width = (usable - gap) // 2
        for card in self.cards:
            card.apply_metrics(metrics, card_width)
        side = max(card.code_side(metrics) for card in self.cards)
        for index, card in enumerate(self.cards):
            card.set_code_side(side)
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
