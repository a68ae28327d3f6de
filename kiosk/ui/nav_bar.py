"""The navigation bar along the bottom of every screen: Back, Home, Contact, Need help."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.graphics import icon_pixmap
from kiosk.ui.theme import Metrics

COMPACT_BELOW = 1500  # design pixels of window width


class NavButton(QPushButton):
    """A large labelled button with an icon, no keyboard focus and no tooltip."""

    def __init__(self, text: str, icon: str, name: str = "NavButton") -> None:
        super().__init__(text)
        self.label = text
        self.icon_name = icon
        self.setObjectName(name)
        self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def apply_metrics(self, metrics: Metrics, icon_only: bool = False) -> None:
        """Icon size for the current window size; ``icon_only`` drops the words."""
        size = metrics.nav_icon
        self.setIcon(QIcon(icon_pixmap(self.icon_name, size, self.devicePixelRatioF())))
        self.setIconSize(QSize(size, size))
        self.setText("" if icon_only else self.label)
        self.setMinimumWidth(metrics.control_height if icon_only else 0)


class NavBar(QWidget):
    """Always-visible bar; later features add their buttons to ``extra_slot``."""

    back_requested = Signal()
    home_requested = Signal()
    contact_requested = Signal()
    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back_button = NavButton(self.tr("Back"), "back")
        self.home_button = NavButton(self.tr("Home"), "home")
        self.contact_button = NavButton(self.tr("Contact us"), "contact")
        self.help_button = NavButton(self.tr("Need help now?"), "help", name="HelpButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.contact_button.clicked.connect(self.contact_requested)
        self.help_button.clicked.connect(self.help_requested)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.back_button)
        self._layout.addWidget(self.home_button)
        self._layout.addStretch(1)
        self.extra_slot = QHBoxLayout()
        self._layout.addLayout(self.extra_slot)
        self._layout.addWidget(self.contact_button)
        self._layout.addWidget(self.help_button)

    def buttons(self) -> list[NavButton]:
        """Every button in the bar, left to right."""
        return self.findChildren(NavButton)

    def apply_metrics(self, metrics: Metrics, width: int) -> None:
        """Spacing and icons for the window; narrow (portrait) windows get a compact bar.

        In a compact bar Back and Home show only their (universally understood) icons,
        keeping their accessible names, so the words on Contact and Help still fit.
        """
        compact = width / metrics.scale < COMPACT_BELOW
        pad = metrics.px(16, 8)
        side = metrics.px(24, 10) if compact else metrics.margin
        self._layout.setContentsMargins(side, pad, side, pad)
        spacing = metrics.px(14, 8) if compact else metrics.spacing
        self._layout.setSpacing(spacing)
        self.extra_slot.setSpacing(spacing)
        for button in (self.back_button, self.home_button):
            button.apply_metrics(metrics, icon_only=compact)
        for button in (self.contact_button, self.help_button):
            button.apply_metrics(metrics)
