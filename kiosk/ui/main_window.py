"""The kiosk's window: a stack of screens above the navigation bar, drawing the session.

``KioskSession`` (``kiosk.session``) decides what shows and when; this window makes each
screen and panel the first time it is needed, keeps them in the current ``Look`` and
answers the session's signals.  Lock-down, the idle-time warm-up and the hidden staff
gesture are small modules of their own (``lockdown``, ``warm_up``, ``staff_hold``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Library
from kiosk.content.source import ContentChoice
from kiosk.session.history import CONTACT, HOME
from kiosk.session.kiosk_session import KioskSession
from kiosk.settings import SettingsStore
from kiosk.ui.crash_guard import CrashGuard
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.i18n import LANGUAGE_NAMES, Translations
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.overlays import Overlays
from kiosk.ui.page_source import PageSource
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.screens.home_screen import HomeScreen
from kiosk.ui.staff_hold import StaffHold
from kiosk.ui.style_sheet import application_style
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, Look, Metrics, Themed, text_factor
from kiosk.ui.warm_up import WarmUp, content_jobs
from kiosk.ui.widgets.nav_bar import NavBar
from kiosk.ui.wiring import wire_bar

if TYPE_CHECKING:
    from kiosk.content.render import PageRenderer
    from kiosk.stats import UsageRecorder
    from kiosk.ui.screens.contact_screen import ContactScreen
    from kiosk.ui.screens.page_screen import PageScreen
    from kiosk.ui.spoken_text import Spoken


class MainWindow(QMainWindow):
    """Home, pages, panels and the bar; one instance per running kiosk."""

    def __init__(self, choice: ContentChoice, store: SettingsStore, recorder: UsageRecorder,
                 language: str | None = None, size: tuple[int, int] = (1920, 1080)) -> None:
        """The window over ``choice``'s content, sized but not shown (see ``present``)."""
        super().__init__()
        self.choice, self.content, self.store = choice, choice.content, store
        self.settings, self.recorder = store.settings, recorder
        self.resize(*size)
        self.setWindowTitle(self.content.clinic.display_name)
        self.session = session = KioskSession(store, self.content.languages, recorder,
                                              language, self)
        self.pages = PageSource(self.content)
        self.translations = Translations()
        self.translations.use(session.language)
        self.look = Look(NORMAL, Metrics(1.0), 0, 0)
        self._themed: list[Themed] = []  # every screen and panel made so far, and the bar
        self._screens: list[PageScreen | ContactScreen] = []  # the page screens made so far
        self._root = root = QWidget(self)
        root.setObjectName("KioskRoot")
        self.stack = QStackedWidget(root)
        self.home_screen = HomeScreen(self.stack)
        self.stack.addWidget(self.home_screen)
        self.nav_bar = NavBar(root)
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav_bar)
        self.setCentralWidget(root)
        # The screen decides the window's size, never its contents: nothing may push a
        # full-screen kiosk wider than the screen (the layout tests catch overflow).
        if (window_layout := self.layout()) is not None:
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.lockdown = Lockdown(self, store.settings)
        guard = self.lockdown.guard
        guard.activity.connect(session.touched)
        # Taps just after a screen or panel changes are swallowed (a double tap acts once).
        session.screen_changed.connect(guard.screen_changed)
        self.overlays = Overlays(root, session, choice, recorder, self.pages,
                                 guard.watch_for_changes)
        self.warm_up = WarmUp(lambda: content_jobs(
            self.content, self.pages, session.language, self.page_screen.view,
            lambda: None if session.current_screen == CONTACT
            else self.contact_screen.show_in(session.language, self.pages)), self)
        self.staff_hold = StaffHold(self.home_screen.clinic_name,
                                    self.home_screen.tile_scroll.viewport(),
                                    lambda: self.settings.staff_hold_ms, self)
        self.staff_hold.held.connect(session.open_staff_access)
        self.crash_guard = CrashGuard(session.recover)
        self.crash_guard.install()
        self.home_screen.tile_activated.connect(session.navigate)
        self.home_screen.language_requested.connect(session.next_language)
        bar = self.nav_bar
        wire_bar(bar, session, lambda: self.overlays.help_panel.open_panel())
        session.screen_changed.connect(self._show_current)
        session.language_changed.connect(self.refresh)
        session.look_changed.connect(lambda: self._apply_theme(force=True))
        session.session_reset.connect(lambda: self.refresh(scroll_up=True))
        session.kiosk_mode_changed.connect(lambda _on: self.lockdown.apply())
        session.exit_requested.connect(self.shutdown)
        self.read_aloud = ReadAloud.create(self, self.spoken_text, lambda: session.language)
        if self.read_aloud is not None:  # it stops on leaving a screen, as on the reset
            self.read_aloud.follow(bar, (session.screen_changed, session.language_changed,
                                         session.session_reset), self._retranslate)
        self._themed += [self.home_screen, self.nav_bar, self.overlays]
        self._retranslate()
        self._apply_theme(force=True)
        self._fill_home()  # after the theme, so the tiles are sized once
        self._show_current()

    def _add_screen(self, screen: PageScreen | ContactScreen) -> None:
        """Put a new screen in the stack, styled and laid out once (Qt would do it twice)."""
        self.stack.addWidget(screen)
        screen.ensurePolished()  # the style sheet's fonts, before any page is laid out
        screen.setGeometry(self.stack.contentsRect())
        if (layout := screen.layout()) is not None:
            layout.activate()
        self._themed.append(screen)
        self._screens.append(screen)
        if self.look.width:
            screen.apply_look(self.look)

    @cached_property
    def page_screen(self) -> PageScreen:
        """The screen that shows one page."""
        from kiosk.ui.screens.page_screen import PageScreen

        screen = PageScreen(self.content.images.find, self.stack)
        screen.view.external_link_activated.connect(self._show_link)
        screen.page_requested.connect(self.session.navigate)
        self._add_screen(screen)
        return screen

    @cached_property
    def contact_screen(self) -> ContactScreen:
        """The contact details and QR codes."""
        from kiosk.ui.screens.contact_screen import ContactScreen

        screen = ContactScreen(self.content.images.find, self.stack)
        screen.view.external_link_activated.connect(self._show_link)
        screen.view.page_link_activated.connect(self.session.navigate)
        self._add_screen(screen)
        return screen

    def _show_link(self, url: str, label: str) -> None:
        self.overlays.link_panel.show_link(url, label)

    def drop_screens(self) -> None:
        """Let go of the page and contact screens; they are made again on first use."""
        for screen in self._screens:
            self.stack.removeWidget(screen)
            self._themed.remove(screen)
            screen.deleteLater()
        self._screens.clear()
        for name in ("page_screen", "contact_screen"):
            self.__dict__.pop(name, None)  # where cached_property keeps what it made

    def replace_content(self, choice: ContentChoice) -> None:
        """Show ``choice`` from now on: a new content pack (see ``content_swap``)."""
        from kiosk.ui.content_swap import swap_content

        swap_content(self, choice)

    def refresh(self, scroll_up: bool = False) -> None:
        """Everything in the session's language and look (a new language, the reset).

        After the reset the pages scroll back up too (the overlays close themselves).
        """
        self.translations.use(self.session.language)
        for screen in self._screens:
            screen.view.invalidate()
            if scroll_up:
                screen.view.verticalScrollBar().setValue(0)
        self._retranslate()
        self._fill_home()
        self._apply_theme(force=True)
        self._show_current()

    def _retranslate(self) -> None:
        following = self.session.following_language
        other = LANGUAGE_NAMES.get(following, following) if following else ""
        self.nav_bar.retranslate(other)
        self.home_screen.retranslate(other)
        self.overlays.retranslate()
        if self.read_aloud is not None:
            self.read_aloud.retranslate()

    @property
    def library(self) -> Library:
        """The pages of the language being shown."""
        return self.pages.library(self.session.language)

    @property
    def renderer(self) -> PageRenderer:
        """The page renderer for the language being shown."""
        return self.pages.renderer(self.session.language)

    def _show_current(self) -> None:
        screen_id = self.session.current_screen
        if screen_id == HOME:
            self.home_screen.reset_scroll()
            self.stack.setCurrentWidget(self.home_screen)
        else:
            self.stack.setCurrentWidget(self._fill_screen(screen_id))
        self.nav_bar.show_back_and_home(self.session.history.can_go_back, screen_id != HOME)

    def _fill_screen(self, screen_id: str) -> PageScreen | ContactScreen:
        """Put the page or contact details in the session's language on their screen."""
        if screen_id == CONTACT:
            self.contact_screen.show_in(self.session.language, self.pages)
            return self.contact_screen
        self.page_screen.show_page_in(screen_id, self.session.language, self.pages)
        return self.page_screen

    def _fill_home(self) -> None:
        self.home_screen.show_library(self.content.clinic.display_name, self.library)

    def spoken_text(self) -> Spoken:
        """What read-aloud says for the screen shown (see ``kiosk.ui.spoken_text``)."""
        # Imported on the first reading, not at start-up: the first paint needs none of it.
        from kiosk.ui.spoken_text import Spoken, page_utterances, text_utterances

        screen_id, language = self.session.current_screen, self.session.language
        if screen_id == HOME:
            return Spoken(language, tuple(text_utterances(self.home_screen.welcome.text())))
        screen = self.contact_screen if screen_id == CONTACT else self.page_screen
        page, shown_in = self.pages.page(screen_id, language)
        words = page_utterances(screen.title.text(), screen.view.document())
        return Spoken(shown_in if page is not None else language, tuple(words))

    def _apply_theme(self, force: bool = False) -> None:
        session = self.session
        metrics = Metrics.for_size(self.width(), self.height(), text_factor(session.text_step))
        palette = HIGH_CONTRAST if session.high_contrast else NORMAL
        look = Look(palette, metrics, self.width(), self.height())
        if not force and look == self.look:
            return
        self.look = look
        self.setStyleSheet(application_style(palette, metrics))
        for widget in self._themed:
            widget.apply_look(look)
        self.nav_bar.show_choices(session.high_contrast, session.text_step)
        self.warm_up.restart()
        if session.current_screen != HOME:
            self._fill_screen(session.current_screen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_theme()

    def present(self, fullscreen: bool = False) -> None:
        """Show the window: locked down in kiosk mode, otherwise as asked."""
        if self.session.kiosk_mode:
            self.lockdown.apply()
        else:
            self.showFullScreen() if fullscreen else self.show()
        if not self.lockdown.watching_input:
            AfterFirstPaint(self.home_screen, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first picture need not wait for.

        The input rules (the first event they see loads most of Qt's Python types, about
        20 ms), the usage recorder's writer (SQLite), and the warm-up in idle moments.
        """
        self.lockdown.install_guard()
        self.recorder.start()
        self.warm_up.enabled = True
        self.warm_up.restart()

    def shutdown(self) -> None:
        """Close for good, even in kiosk mode (program exit, tests), releasing hooks."""
        self.lockdown.release()
        self.close()
        self.recorder.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.lockdown.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.kiosk_mode and not self.lockdown.closing:
            return event.ignore()
        self.crash_guard.uninstall()
        self.session.idle.stop()
        self.recorder.close()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.WindowStateChange:
            self.lockdown.state_changed()
