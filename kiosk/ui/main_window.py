"""The kiosk's window: a stack of screens above the navigation bar.

It owns navigation (which screen is showing, Back and Home) and re-applies sizes when the
window changes size.  What a page says comes from ``kiosk.content``; this module only
decides which screen shows it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.loader import Content
from kiosk.content.model import Library, Page
from kiosk.content.render import HelpBoxText, PageRenderer
from kiosk.session.history import CONTACT, HOME, History
from kiosk.ui.contact_screen import ContactScreen
from kiosk.ui.help_panel import HelpPanel
from kiosk.ui.home_screen import HomeScreen
from kiosk.ui.link_panel import LinkPanel
from kiosk.ui.nav_bar import NavBar
from kiosk.ui.page_screen import PageScreen
from kiosk.ui.panel import Panel
from kiosk.ui.theme import NORMAL, Metrics, Palette, application_style

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Home, pages and navigation; one instance per running kiosk."""

    screen_shown = Signal(str)

    def __init__(self, content: Content, language: str = "en") -> None:
        super().__init__()
        self.setWindowTitle(content.clinic.display_name)
        self.content = content
        self.language = language if language in content.libraries else "en"
        self.history = History()
        self.palette_ = NORMAL
        self.metrics = Metrics(1.0)
        self.renderer = PageRenderer(content.clinic, self._help_text(), content.images.find)
        root = QWidget(self)
        root.setObjectName("KioskRoot")
        self.stack = QStackedWidget(root)
        self.home_screen = HomeScreen(self.stack)
        self.page_screen = PageScreen(content.images.find, self.stack)
        self.contact_screen = ContactScreen(content.images.find, self.stack)
        self.stack.addWidget(self.home_screen)
        self.stack.addWidget(self.page_screen)
        self.stack.addWidget(self.contact_screen)
        self.nav_bar = NavBar(root)
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav_bar)
        self.setCentralWidget(root)
        self.help_panel = HelpPanel(root, content.clinic)
        self.link_panel = LinkPanel(root)
        self.page_screen.view.external_link_activated.connect(self.link_panel.show_link)
        self.contact_screen.view.external_link_activated.connect(self.link_panel.show_link)
        self.contact_screen.view.page_link_activated.connect(self.navigate)
        self.home_screen.tile_activated.connect(self.navigate)
        self.page_screen.page_requested.connect(self.navigate)
        self.nav_bar.home_requested.connect(self.go_home)
        self.nav_bar.back_requested.connect(self.go_back)
        self.nav_bar.contact_requested.connect(lambda: self.navigate(CONTACT))
        self.nav_bar.help_requested.connect(self.show_help)
        self._fill_home()
        self._apply_theme(force=True)
        self._show_current()

    @property
    def library(self) -> Library:
        """The pages of the language being shown."""
        found = self.content.libraries.get(self.language)
        return found if found is not None else Library(self.language, self.content.root)

    @property
    def current_screen(self) -> str:
        """The id of the screen being shown (``home`` or a page id)."""
        return self.history.current

    def navigate(self, screen_id: str) -> None:
        """Show ``screen_id`` and remember the way back."""
        self.history.visit(screen_id)
        self._show_current()

    def go_home(self) -> None:
        """Home, forgetting the trail."""
        self.history.clear()
        self._show_current()

    def go_back(self) -> None:
        """One screen back."""
        self.history.back()
        self._show_current()

    def show_help(self) -> None:
        """Open the crisis help panel over whatever is showing."""
        self.help_panel.open_panel()

    def panels(self) -> list[Panel]:
        """Every panel that can open over the screens."""
        return [self.help_panel, self.link_panel]

    def close_panels(self) -> None:
        """Close whatever panel is open."""
        for panel in self.panels():
            panel.close_panel()

    def _show_current(self) -> None:
        screen_id = self.history.current
        if screen_id == HOME:
            self.home_screen.reset_scroll()
            self.stack.setCurrentWidget(self.home_screen)
        elif screen_id == CONTACT:
            self._show_contact()
            self.stack.setCurrentWidget(self.contact_screen)
        else:
            self._show_page(screen_id)
            self.stack.setCurrentWidget(self.page_screen)
        self.nav_bar.back_button.setVisible(self.history.can_go_back)
        self.nav_bar.home_button.setVisible(screen_id != HOME)
        self.screen_shown.emit(screen_id)

    def _show_page(self, page_id: str) -> None:
        page = self.library.get(page_id)
        if page is None:
            log.warning("page %r is not available", page_id)
            self.page_screen.show_unavailable(
                self.tr("Sorry"),
                self.tr("This page is not available. Please tap Back or Home."),
            )
            return
        self.page_screen.show_page(page, self.renderer.render(page, self.language),
                                   self._tabs_for(page))

    def _show_contact(self) -> None:
        page = self.library.get(CONTACT)
        words = self.renderer.render(page, self.language) if page is not None else None
        title = page.title if page is not None else self.tr("Contact us")
        self.contact_screen.show_contact(title, self.content.clinic, words)

    def _tabs_for(self, page: Page) -> list[Page]:
        children = self.library.children(page.id)
        if children:
            return children
        if page.parent_id is not None and self.library.get(page.parent_id) is not None:
            return self.library.children(page.parent_id)
        return []

    def _fill_home(self) -> None:
        welcome_page = self.library.home
        welcome = welcome_page.body.strip() if welcome_page else ""
        self.home_screen.show_library(self.content.clinic.display_name, welcome, self.library)

    def _help_text(self) -> HelpBoxText:
        return HelpBoxText(
            heading=self.tr("Need help now?"),
            danger_now=self.tr("If you are in danger now, tell the reception staff straight away."),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_theme()

    def _apply_theme(self, force: bool = False, palette: Palette | None = None) -> None:
        metrics = Metrics.for_size(self.width(), self.height())
        if palette is not None:
            self.palette_ = palette
        if not force and metrics == self.metrics:
            return
        self.metrics = metrics
        self.setStyleSheet(application_style(self.palette_, metrics))
        self.home_screen.apply_theme(self.palette_, metrics)
        self.page_screen.apply_theme(self.palette_, metrics, self.width())
        self.nav_bar.apply_metrics(metrics, self.width())
        self.contact_screen.apply_theme(self.palette_, metrics, self.width(), self.height())
        for panel in self.panels():
            panel.apply_metrics(metrics)
        if self.history.current == CONTACT:
            self._show_contact()
        elif self.history.current != HOME:
            self._show_page(self.history.current)
