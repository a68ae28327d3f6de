"""The navigation bar along the bottom of every screen.

Back and Home on the left; text size (A- and A+), high contrast and language in the
middle; Contact us and Need help now? on the right.  When the words do not all fit (a
portrait screen, large text), the buttons with the clearest icons drop their words
first, keeping their accessible names; if even that is too wide, the middle group moves
to a second row.  Nothing is ever clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.session.text_size import LARGEST_STEP
from kiosk.ui.graphics import icon_pixmap
from kiosk.ui.i18n import tr
from kiosk.ui.theme import Look, Metrics, Palette
from kiosk.ui.widgets.opaque import make_opaque, paint_background
from kiosk.ui.widgets.quick_release import release_then_repaint


class NavButton(QPushButton):
    """A large labelled button with an icon, no keyboard focus and no tooltip."""

    def __init__(self, text: str, icon: str, name: str = "NavButton") -> None:
        super().__init__(text)
        self.label = text
        self.icon_name = icon
        self.icon_only = False
        self.tint = ""
        self._icon_key: tuple[int, str] | None = None
        self.setObjectName(name)
        self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        release_then_repaint(self, super().mouseReleaseEvent, event)

    def set_label(self, text: str, accessible: str | None = None) -> None:
        """New words (after a language change), shown unless the button is icon-only."""
        self.label = text
        self.setAccessibleName(accessible or text)
        self.setText("" if self.icon_only and self.icon_name else text)

    def apply_metrics(self, metrics: Metrics, icon_only: bool = False) -> None:
        """Icon size for the current window size; ``icon_only`` drops the words."""
        size = metrics.nav_icon
        if self.icon_name and self._icon_key != (size, self.tint):
            self._icon_key = (size, self.tint)
            self.setIcon(QIcon(icon_pixmap(self.icon_name, size, self.devicePixelRatioF(),
                                           self.tint)))
            self.setIconSize(QSize(size, size))
        self.icon_only = icon_only and bool(self.icon_name)
        self.setText("" if self.icon_only else self.label)
        if self.icon_only or not self.text():
            self.setMinimumWidth(metrics.control_height if self.icon_only else 0)
            return
        # A button with words is never squeezed below the width its words need: the
        # layout used to squeeze "Need help now?" and cut its "?" (the bar drops words
        # or takes a second row instead).
        self.setMinimumWidth(0)
        self.ensurePolished()
        self.setMinimumWidth(self.sizeHint().width())

    def apply_palette(self, palette: Palette) -> None:
        """In high contrast, icons take the colour of the button's words.

        A panel's Close button is filled with the primary colour in every theme: its icon
        always takes the colour of its words (the icon's own teal vanished on the teal).
        """
        colours = {"HelpButton": palette.on_help_button, "PanelClose": palette.on_primary}
        always = self.objectName() == "PanelClose"
        self.tint = colours.get(self.objectName(), palette.primary) \
            if palette.tint_icons or always else ""


class NavBar(QWidget):
    """Always-visible bar of large buttons."""

    back_requested = Signal()
    home_requested = Signal()
    contact_requested = Signal()
    help_requested = Signal()
    smaller_text_requested = Signal()
    larger_text_requested = Signal()
    contrast_requested = Signal()
    language_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        make_opaque(self)
        self.back_button = NavButton("", "back")
        self.home_button = NavButton("", "home")
        self.smaller_button = NavButton("A\u2212", "", name="NavButton")
        self.larger_button = NavButton("A+", "", name="NavButton")
        self.contrast_button = NavButton("", "contrast")
        self.contrast_button.setCheckable(True)
        self.language_button = NavButton("", "language")
        self.contact_button = NavButton("", "contact")
        self.help_button = NavButton("", "help", name="HelpButton")
        self.read_aloud_button: NavButton | None = None
        # Back and Home keep their place while hidden (on the home screen): the other
        # buttons never move under a patient's finger, and showing or hiding them
        # repaints two buttons instead of laying out and repainting the whole bar.
        for button in (self.back_button, self.home_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        for button, signal in (
            (self.back_button, self.back_requested), (self.home_button, self.home_requested),
            (self.smaller_button, self.smaller_text_requested),
            (self.larger_button, self.larger_text_requested),
            (self.contrast_button, self.contrast_requested),
            (self.language_button, self.language_requested),
            (self.contact_button, self.contact_requested), (self.help_button, self.help_requested),
        ):
            button.clicked.connect(signal)
        self._rows = QVBoxLayout(self)
        self._top = QHBoxLayout()
        self._second = QHBoxLayout()
        self._rows.addLayout(self._top)
        self._rows.addLayout(self._second)
        self.left = [self.back_button, self.home_button]
        self.middle = [self.smaller_button, self.larger_button, self.contrast_button,
                       self.language_button]
        self.right = [self.contact_button, self.help_button]
        self._two_rows = False
        self._fits: dict[tuple[object, ...], tuple[bool, frozenset[NavButton]]] = {}
        self._arrange(two_rows=False)
        self._metrics = Metrics(1.0)
        self.retranslate("")

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_background(self, painter)
        painter.end()

    def add_read_aloud(self, button: NavButton) -> None:
        """Offer read-aloud (only where the platform has a speech engine)."""
        self.read_aloud_button = button
        self.middle.append(button)
        self._arrange(self._two_rows)
        self._fit()

    def _arrange(self, two_rows: bool) -> None:
        """One row, or two when one cannot hold every button (the middle group drops)."""
        for layout in (self._top, self._second):
            while layout.count():
                layout.takeAt(0)
        top, second = self._rows_of(two_rows)
        for button in self.left:
            self._top.addWidget(button)
        self._top.addStretch(1)
        middle_row = self._second if two_rows else self._top
        if two_rows:
            self._second.addStretch(1)
        for button in second if two_rows else self.middle:
            middle_row.addWidget(button)
        middle_row.addStretch(1)
        for button in top[len(self.left):] if two_rows else self.right:
            self._top.addWidget(button)
        self._two_rows = two_rows

    def retranslate(self, other_language_name: str) -> None:
        """Words in the current language; the language button names the other language."""
        self.back_button.set_label(tr("Back"))
        self.home_button.set_label(tr("Home"))
        self.smaller_button.set_label("A\u2212", tr("Smaller text"))
        self.larger_button.set_label("A+", tr("Larger text"))
        self.contrast_button.set_label(tr("Contrast"), tr("High contrast"))
        self.language_button.set_label(other_language_name, tr("Change language"))
        self.language_button.setVisible(bool(other_language_name))
        self.contact_button.set_label(tr("Contact us"))
        self.help_button.set_label(tr("Need help now?"))
        self._fit()

    def show_choices(self, high_contrast: bool, text_step: int) -> None:
        """Contrast pressed or not; A- and A+ only where they still change the size."""
        self.contrast_button.setChecked(high_contrast)
        self.smaller_button.setEnabled(text_step > 0)
        self.larger_button.setEnabled(text_step < LARGEST_STEP)

    def show_back_and_home(self, back: bool, home: bool) -> None:
        """Back and Home appear only where they lead somewhere, in their kept places."""
        self.back_button.setVisible(back)
        self.home_button.setVisible(home)

    def buttons(self) -> list[NavButton]:
        """Every button in the bar, left to right."""
        return self.findChildren(NavButton)

    def apply_look(self, look: Look) -> None:
        """Colours, spacing, icons and which words fit, for the window and text size."""
        metrics, width = look.metrics, look.width
        for button in self.findChildren(NavButton):
            button.apply_palette(look.palette)
        self._metrics = metrics
        self._width = width
        pad = metrics.px(16, 8)
        self._rows.setContentsMargins(metrics.px(24, 10), pad, metrics.px(24, 10), pad)
        spacing = metrics.px(14, 8)
        for layout in (self._rows, self._top, self._second):
            layout.setSpacing(spacing)
        self._fit()

    # Buttons whose icon says it all drop their words first, in this order.
    def _drop_order(self) -> list[list[NavButton]]:
        # The crisis button never drops its words: on two rows it has the top row's right
        # end to itself (Contact us goes down to the second row).
        return [[self.back_button, self.home_button], [self.contrast_button],
                [self.contact_button], [self.language_button]]

    def _fit(self) -> None:
        width = getattr(self, "_width", 0)
        if not width:
            return
        buttons = self.buttons()
        key = (width, self._metrics, tuple(self._takes_room(b) for b in buttons),
               tuple(b.label for b in buttons))
        known = self._fits.get(key)
        if known is None:
            known = self._find_fit(width)
            self._fits[key] = known
        two_rows, icon_only = known
        for button in buttons:
            button.apply_metrics(self._metrics, icon_only=button in icon_only)
        if two_rows != self._two_rows:
            self._arrange(two_rows)

    def _find_fit(self, width: int) -> tuple[bool, frozenset[NavButton]]:
        """Fewest words dropped (and one row if possible) so the bar fits ``width``.

        Remembered per width, text size and the buttons that take room (Back and Home
        always do, shown or not).
        """
        drops: list[list[NavButton]] = [[], *self._drop_order()]
        # One row may drop every word but the crisis button's: a second row takes a
        # short (landscape) screen's room for reading.  Only then the second row.
        for two_rows, levels in ((False, drops), (True, drops)):
            dropped: set[NavButton] = set()
            for button in self.buttons():
                button.apply_metrics(self._metrics)
            for group in levels:
                dropped.update(group)
                for button in group:
                    button.apply_metrics(self._metrics, icon_only=True)
                if self._needed_width(two_rows) <= width:
                    return two_rows, frozenset(dropped)
        return True, frozenset(button for group in drops for button in group)

    def _rows_of(self, two_rows: bool) -> tuple[list[NavButton], list[NavButton]]:
        """The buttons of the top and second rows (one row: all on top)."""
        if not two_rows:
            return self.left + self.middle + self.right, []
        down = [button for button in self.right if button is not self.help_button]
        return [*self.left, self.help_button], self.middle + down

    @staticmethod
    def _takes_room(button: NavButton) -> bool:
        return not button.isHidden() or button.sizePolicy().retainSizeWhenHidden()

    def _needed_width(self, two_rows: bool) -> int:
        margins = self._rows.contentsMargins()
        rows = list(self._rows_of(True)) if two_rows else [
            self.left + self.middle + self.right]
        widest = 0
        for row in rows:
            shown = [button for button in row if self._takes_room(button)]
            for button in shown:
                button.ensurePolished()  # the style sheet's font decides the width
            spacing = self._top.spacing() * (len(shown) + 1)
            widest = max(widest, spacing + sum(max(button.sizeHint().width(),
                                                   button.minimumWidth()) for button in shown))
        return margins.left() + margins.right() + widest
