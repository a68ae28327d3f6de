"""The kiosk's window: a stack of screens above the navigation bar.

It owns navigation (which screen is showing, Back and Home) and re-applies sizes when the
window changes size.  What a page says comes from ``kiosk.content``; this module only
decides which screen shows it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QWindow,
)
from PySide6.QtWidgets import (
    QLayout,
    QMainWindow,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import HOME_ID, Library, Page
from kiosk.content.problems import Severity, errors
from kiosk.content.rendered import HelpBoxText
from kiosk.content.source import ContentChoice, ContentOrigin
from kiosk.session.history import CONTACT, HOME, History
from kiosk.session.staff import StaffAccess
from kiosk.settings import SettingsStore
from kiosk.ui.crash_guard import CrashGuard
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.home_screen import HomeScreen
from kiosk.ui.i18n import LANGUAGE_NAMES, SOURCE_LANGUAGE, Translations, tr
from kiosk.ui.kiosk_guard import KioskGuard
from kiosk.ui.nav_bar import NavBar, NavButton
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.spoken_text import Spoken, page_utterances, text_utterances
from kiosk.ui.theme import (
    HIGH_CONTRAST,
    NORMAL,
    TEXT_STEPS,
    Metrics,
    Palette,
    application_style,
    text_factor,
)

if TYPE_CHECKING:
    from kiosk.content.render import PageRenderer
    from kiosk.stats import UsageRecorder
    from kiosk.ui.attract import AttractScreen
    from kiosk.ui.contact_screen import ContactScreen
    from kiosk.ui.help_panel import HelpPanel
    from kiosk.ui.link_panel import LinkPanel
    from kiosk.ui.page_screen import PageScreen
    from kiosk.ui.panel import Panel
    from kiosk.ui.pin_pad import PinPad
    from kiosk.ui.staff_panel import StaffPanel
    from kiosk.ui.still_reading import StillReading
    from kiosk.ui.usage_panel import UsagePanel

log = logging.getLogger(__name__)
HOLD_SLOP = 24  # px a finger may wander during the hidden press-and-hold
PANEL_NAMES = ("help_panel", "link_panel", "pin_pad", "staff_panel", "usage_panel",
               "still_reading")


class MainWindow(QMainWindow):
    """Home, pages and navigation; one instance per running kiosk."""

    screen_shown = Signal(str)
    session_reset = Signal()
    exit_requested = Signal()
    warmed_up = Signal()  # the idle-time warm-up has run out of jobs (see ``is_warming``)

    def __init__(self, choice: ContentChoice, store: SettingsStore,
                 language: str | None = None, size: tuple[int, int] = (1920, 1080),
                 recorder: UsageRecorder | None = None) -> None:
        super().__init__()
        if recorder is None:
            from kiosk.stats import UsageRecorder

            recorder = UsageRecorder(None)
        self.recorder = recorder
        self.resize(*size)
        content = choice.content
        self.setWindowTitle(content.clinic.display_name)
        self.choice = choice
        self.content = content
        self.store = store
        self.settings = store.settings
        self.staff_access = StaffAccess(store)
        self.translations = Translations()
        self.language = self._known_language(language or self.settings.default_language)
        self.translations.use(self.language)
        self.text_step = self.settings.default_text_step
        self.high_contrast = self.settings.high_contrast
        self.history = History()
        self.palette_ = HIGH_CONTRAST if self.high_contrast else NORMAL
        self.metrics = Metrics(1.0)
        self._applied_shape: tuple[Metrics, int, int] | None = None
        self._renderers: dict[str, PageRenderer] = {}
        # Only the home screen and the bar are needed for the first paint; every other
        # screen and panel is made the first time it is used (see ``_made``).
        self._made: dict[str, QWidget] = {}
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
        window_layout = self.layout()
        if window_layout is not None:
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._wire_kiosk()
        self.home_screen.tile_activated.connect(self.navigate)
        self.nav_bar.home_requested.connect(self.go_home)
        self.nav_bar.back_requested.connect(self.go_back)
        self.nav_bar.contact_requested.connect(lambda: self.navigate(CONTACT))
        self.nav_bar.help_requested.connect(self.show_help)
        self.nav_bar.smaller_text_requested.connect(lambda: self.set_text_step(self.text_step - 1))
        self.nav_bar.larger_text_requested.connect(lambda: self.set_text_step(self.text_step + 1))
        self.nav_bar.contrast_requested.connect(
            lambda: self.set_high_contrast(not self.high_contrast))
        self.nav_bar.language_requested.connect(self.next_language)
        self.home_screen.language_requested.connect(self.next_language)
        self.read_aloud = ReadAloud.create(self, self.spoken_text, lambda: self.language)
        if self.read_aloud is not None:
            self.nav_bar.add_read_aloud(self.read_aloud.button)
            self.screen_shown.connect(self.read_aloud.stop_on_leaving)  # navigation, language
            self.session_reset.connect(self.read_aloud.stop)
            self.read_aloud.availability_changed.connect(self._retranslate)
        self._retranslate()
        self._apply_theme(force=True)
        self._fill_home()  # after the theme, so the tiles are sized once
        self._show_current()

    # --- screens and panels, each made on first use ---------------------------------------

    def _made_widget(self, name: str) -> QWidget | None:
        return self._made.get(name)

    def _add_screen(self, screen: QWidget) -> None:
        """Put a new screen in the stack, styled and at the stack's size.

        Its first page is then laid out with the right fonts and width; Qt would do
        both only later, and lay the page out twice.
        """
        self.stack.addWidget(screen)
        screen.ensurePolished()  # the style sheet's fonts, before any page is laid out
        screen.setGeometry(self.stack.contentsRect())
        layout = screen.layout()
        if layout is not None:
            layout.activate()

    def _remember(self, name: str, widget: QWidget) -> None:
        """Keep a newly made screen or panel and bring it up to date."""
        self._made[name] = widget
        if self._applied_shape is not None:
            self._theme_one(name, widget, self.metrics)

    @property
    def page_screen(self) -> PageScreen:
        """The screen that shows one page (made on first use)."""
        made = self._made.get("page_screen")
        if made is None:
            from kiosk.ui.page_screen import PageScreen

            screen = PageScreen(self.content.images.find, self.stack)
            self._add_screen(screen)
            screen.view.external_link_activated.connect(self._show_link)
            screen.page_requested.connect(self.navigate)
            self._remember("page_screen", screen)
            return screen
        return cast("PageScreen", made)

    @property
    def contact_screen(self) -> ContactScreen:
        """The contact details and QR codes (made on first use)."""
        made = self._made.get("contact_screen")
        if made is None:
            from kiosk.ui.contact_screen import ContactScreen

            screen = ContactScreen(self.content.images.find, self.stack)
            self._add_screen(screen)
            screen.view.external_link_activated.connect(self._show_link)
            screen.view.page_link_activated.connect(self.navigate)
            self._remember("contact_screen", screen)
            return screen
        return cast("ContactScreen", made)

    @property
    def help_panel(self) -> HelpPanel:
        """The crisis help panel."""
        made = self._made.get("help_panel")
        if made is None:
            from kiosk.ui.help_panel import HelpPanel

            panel = HelpPanel(self._root, self.content.clinic)
            panel.language = self.language
            self._remember_panel("help_panel", panel)
            return panel
        return cast("HelpPanel", made)

    @property
    def link_panel(self) -> LinkPanel:
        """The panel with a QR code of a tapped web link."""
        made = self._made.get("link_panel")
        if made is None:
            from kiosk.ui.link_panel import LinkPanel

            panel = LinkPanel(self._root)
            self._remember_panel("link_panel", panel)
            return panel
        return cast("LinkPanel", made)

    @property
    def pin_pad(self) -> PinPad:
        """The staff PIN pad."""
        made = self._made.get("pin_pad")
        if made is None:
            from kiosk.ui.pin_pad import PinPad

            pad = PinPad(self._root, self.staff_access)
            pad.accepted.connect(self._open_staff_panel)
            pad.pin_changed.connect(self._open_staff_panel)
            self._remember_panel("pin_pad", pad)
            return pad
        return cast("PinPad", made)

    @property
    def staff_panel(self) -> StaffPanel:
        """The staff panel, behind the PIN."""
        made = self._made.get("staff_panel")
        if made is None:
            from kiosk.ui.staff_panel import StaffPanel

            panel = StaffPanel(self._root, self.store, self.content.languages,
                               self.content_status)
            panel.kiosk_mode_changed.connect(lambda _on: self.apply_kiosk_mode())
            panel.change_pin_requested.connect(self._change_pin)
            panel.usage_requested.connect(self._show_usage)
            panel.exit_requested.connect(self._exit)
            self._remember_panel("staff_panel", panel)
            return panel
        return cast("StaffPanel", made)

    @property
    def still_reading(self) -> StillReading:
        """The "Still reading?" countdown before the idle reset."""
        made = self._made.get("still_reading")
        if made is None:
            from kiosk.ui.still_reading import StillReading

            panel = StillReading(self._root)
            panel.timed_out.connect(self.reset_session)
            panel.closed.connect(self._restart_idle)
            self._remember_panel("still_reading", panel)
            return panel
        return cast("StillReading", made)

    @property
    def usage_panel(self) -> UsagePanel:
        """Staff's page-view charts."""
        made = self._made.get("usage_panel")
        if made is None:
            from kiosk.ui.usage_panel import UsagePanel

            panel = UsagePanel(self._root, self.recorder, self._page_title)
            self._remember_panel("usage_panel", panel)
            return panel
        return cast("UsagePanel", made)

    @property
    def attract(self) -> AttractScreen:
        """The attract screen shown after the idle reset."""
        made = self._made.get("attract")
        if made is None:
            from kiosk.ui.attract import AttractScreen

            screen = AttractScreen(self._root)
            screen.set_lines([library.home.summary for code in self.content.languages
                              if (library := self.content.libraries[code]).home is not None])
            screen.dismissed.connect(self._restart_idle)
            self._remember("attract", screen)
            return screen
        return cast("AttractScreen", made)

    def _remember_panel(self, name: str, panel: Panel) -> None:
        panel.retranslate()
        self._remember(name, panel)
        panel.ensurePolished()  # its card is measured (style sheet fonts) before it shows

    def _is_showing(self, name: str) -> bool:
        """Whether that screen or panel exists and is visible (never makes it)."""
        made = self._made.get(name)
        return made is not None and made.isVisible()

    def _show_link(self, url: str, label: str) -> None:
        self.link_panel.show_link(url, label)

    def _open_staff_panel(self) -> None:
        self.staff_panel.open_panel()

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
        """The panels made so far (a panel never used cannot be open)."""
        return [cast("Panel", self._made[name]) for name in PANEL_NAMES if name in self._made]

    def all_panels(self) -> list[Panel]:
        """Every panel that can open over the screens, making any not yet made."""
        return [self.help_panel, self.link_panel, self.pin_pad, self.staff_panel,
                self.usage_panel, self.still_reading]

    def close_panels(self) -> None:
        """Close whatever panel is open."""
        for panel in self.panels():
            panel.close_panel()

    # --- kiosk mode, staff access, idle reset -------------------------------------------

    def _wire_kiosk(self) -> None:
        self.guard = KioskGuard(self)
        self._guard_installed = False
        self._guarded: QWindow | None = None
        self._painted = False
        self._warming: Iterator[bool] | None = None
        self._warmer = QTimer(self)  # zero interval: runs when nothing else waits
        self._warmer.timeout.connect(self._warm_up_next)
        self.guard.activity.connect(self._on_activity)
        self.crash_guard = CrashGuard(self.recover)
        self.crash_guard.install()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle)
        self.staff_hold = QTimer(self)
        self.staff_hold.setSingleShot(True)
        self.staff_hold.timeout.connect(self.open_staff_access)
        self.home_screen.clinic_name.installEventFilter(self)
        # A swipe that starts on the name scrolls the home screen: never a held press.
        home_scroller = QScroller.scroller(self.home_screen.tile_scroll.viewport())
        home_scroller.stateChanged.connect(self._scroller_moved)
        self.screen_shown.connect(self._record_view)
        self.session_reset.connect(self.recorder.visit_ended)
        self._exit_allowed = False
        self._hold_from = QPoint()
        self._restart_idle()

    def content_status(self) -> str:
        """One line for staff: where the content came from and what is wrong with it."""
        for library in self.content.libraries.values():
            library.read_all()  # staff see every problem, even before idle reading ends
        choice = self.choice
        warnings = sum(1 for p in choice.content.problems if p.severity is Severity.WARNING)
        failed = len(errors(choice.content.problems))
        origin = tr("updated content") if choice.origin is ContentOrigin.UPDATED \
            else tr("bundled content")
        text = tr("Showing %1: %2 problems, %3 warnings.").replace("%1", origin) \
            .replace("%2", str(failed)).replace("%3", str(warnings))
        if choice.rejected_update:
            text += " " + tr("Updated content was refused (%1 problems): see the log.") \
                .replace("%1", str(len(choice.rejected_update)))
        return text

    @property
    def kiosk_mode(self) -> bool:
        """Whether the kiosk is locked down."""
        return self.settings.kiosk_mode

    def present(self, fullscreen: bool = False) -> None:
        """Show the window: locked down in kiosk mode, otherwise as asked."""
        if self.kiosk_mode:
            self.apply_kiosk_mode()
        elif fullscreen:
            self.showFullScreen()
        else:
            self.show()
        if not self._guard_installed:
            AfterFirstPaint(self.home_screen, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first picture need not wait for.

        The application-wide filter: the first event it sees for one of Qt's private
        objects makes PySide load the Python types of most Qt classes (about 20 ms).
        The usage recorder's writer, which loads SQLite and opens the database.  And
        the warm-up in idle moments (``_warm_up_jobs``).
        """
        self._install_guard()
        self.recorder.start()
        self._painted = True
        self._warm_up()

    def _warm_up(self) -> None:
        """Get pages ready in idle moments, one small job at a time (from the start)."""
        if self._painted:
            self._warming = self._warm_up_jobs()
            self._warmer.start()

    @property
    def is_warming(self) -> bool:
        """Whether idle-time warm-up jobs are still queued; ``warmed_up`` follows the last."""
        return self._warming is not None

    def _warm_up_next(self) -> None:
        if self._warming is None or next(self._warming, None) is None:
            self._warming = None
            self._warmer.stop()
            self.warmed_up.emit()

    def _warm_up_jobs(self) -> Iterator[bool]:
        """Idle-time work, each step a few milliseconds; yields True after each.

        The rest of the content first (a section at a time); then Markdown and every
        page of the language shown, filled for the current text size and colours, so a
        patient's first tap on any page is as quick as a return visit; then the contact
        codes.  It starts again after a change of language, text size or contrast.
        """
        for code in (self.language, *self.content.languages):
            library = self.content.libraries.get(code)
            while library is not None and library.read_some():
                yield True
        view = self.page_screen.view
        for page_id in list(self.library.pages):
            if page_id in (HOME_ID, CONTACT) or view.is_ready(page_id):
                continue
            page, language = self._page_in_language(page_id)
            if page is not None:
                view.prepare(self.renderer_for(language).render(page, language))
                yield True
        if self.history.current != CONTACT:
            self._show_contact()
            yield True

    @property
    def watching_input(self) -> bool:
        """Whether the kiosk's rules see every touch and key (from its first paint on)."""
        return self._guard_installed

    def _install_guard(self) -> None:
        """Watch input where it arrives: the window (made anew when its flags change)."""
        handle = self.windowHandle()
        if handle is None or self._exit_allowed:
            return
        if self._guarded is not None and self._guarded is not handle:
            with contextlib.suppress(RuntimeError):  # the old window may be gone already
                self._guarded.removeEventFilter(self.guard)
        if self._guarded is not handle:
            handle.installEventFilter(self.guard)
            self._guarded = handle
        self._guard_installed = True

    def set_kiosk_mode(self, on: bool) -> None:
        """Switch kiosk mode and remember it across restarts."""
        self.settings.kiosk_mode = on
        self.store.save()
        self.apply_kiosk_mode()

    def apply_kiosk_mode(self) -> None:
        """Full screen, frameless, on top and without a cursor, or back to a window."""
        on = self.settings.kiosk_mode
        self.guard.locked = on
        was_visible = self.isVisible()
        flags = Qt.WindowType.Window
        if on:
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)
        cursor_hidden = QGuiApplication.overrideCursor() is not None
        if on and self.settings.hide_cursor and not cursor_hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        elif not on and cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
        if on:
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        elif was_visible:
            self.showNormal()
        if self._guard_installed:
            self._install_guard()  # new flags can mean a new window to watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.home_screen.clinic_name:
            kind = event.type()
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
                self.staff_hold.start(self.settings.staff_hold_ms)
                if isinstance(event, QMouseEvent):
                    self._hold_from = event.globalPosition().toPoint()
            elif (kind is QEvent.Type.MouseMove and self.staff_hold.isActive()
                  and isinstance(event, QMouseEvent)
                  and (event.globalPosition().toPoint() - self._hold_from).manhattanLength()
                  > HOLD_SLOP):
                self.staff_hold.stop()  # the finger moved: a swipe, not a hold
            elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd,
                          QEvent.Type.TouchCancel, QEvent.Type.Leave):
                self.staff_hold.stop()
        return super().eventFilter(watched, event)

    def _scroller_moved(self, state: QScroller.State) -> None:
        if state in (QScroller.State.Dragging, QScroller.State.Scrolling):
            self.staff_hold.stop()

    def open_staff_access(self) -> None:
        """The hidden gesture was held: ask for the PIN."""
        self.close_panels()
        from kiosk.ui.pin_pad import PadMode

        self.pin_pad.open_for(PadMode.ENTER)

    def _change_pin(self) -> None:
        self.staff_panel.close_panel()
        from kiosk.ui.pin_pad import PadMode

        self.pin_pad.open_for(PadMode.NEW)

    def _exit(self) -> None:
        if self.kiosk_mode:
            return
        self.exit_requested.emit()
        self.shutdown()

    def shutdown(self) -> None:
        """Close for good, even in kiosk mode (program exit, tests), releasing hooks."""
        self._exit_allowed = True
        self.guard.locked = False
        if self._guarded is not None:
            with contextlib.suppress(RuntimeError):
                self._guarded.removeEventFilter(self.guard)
            self._guarded = None
        self._guard_installed = False
        self.close()
        self.recorder.close()

    def _show_usage(self) -> None:
        self.staff_panel.close_panel()
        self.usage_panel.open_panel()

    def _page_title(self, page_id: str) -> str:
        page, _language = self._page_in_language(page_id)
        return page.title if page is not None else page_id

    def _staff_busy(self) -> bool:
        return any(self._is_showing(name) for name in ("pin_pad", "staff_panel", "usage_panel"))

    def _record_view(self, screen_id: str) -> None:
        """Anonymous count of what patients read: page id, language, date and hour only."""
        if screen_id != HOME and not self._staff_busy():
            self.recorder.page_viewed(screen_id, self.language)

    def _on_activity(self) -> None:
        if "staff_panel" in self._made:
            self.staff_panel.touched()
        attract_showing = self._is_showing("attract")
        if not self._staff_busy() and not attract_showing:
            self.recorder.touched(self.language)
        if not self._is_showing("still_reading") and not attract_showing:
            self._restart_idle()

    def _restart_idle(self) -> None:
        self.idle_timer.start(self.settings.idle_timeout_s * 1000)

    def _on_idle(self) -> None:
        if self._is_showing("attract") or self._is_showing("still_reading"):
            return
        self.still_reading.start(self.settings.warning_s)

    def reset_session(self) -> None:
        """Forget the last patient: home, defaults, every panel closed, then attract."""
        self.close_panels()
        self.history.clear()
        for name in ("page_screen", "contact_screen"):
            if name in self._made:
                cast("PageScreen | ContactScreen", self._made[name]).view \
                    .verticalScrollBar().setValue(0)
        self.text_step = self.settings.default_text_step
        self.high_contrast = self.settings.high_contrast
        self.palette_ = HIGH_CONTRAST if self.high_contrast else NORMAL
        self.set_language(self.settings.default_language, force=True)
        self.idle_timer.stop()
        self.attract.start()
        self.session_reset.emit()

    def recover(self) -> None:
        """After an unhandled exception: close everything and show the home screen."""
        self.close_panels()
        self.history.clear()
        self._show_current()

    def _known_language(self, code: str) -> str:
        return code if code in self.content.libraries else "en"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keyboard conveniences for IT when kiosk mode is off.

        F11 toggles full screen, Escape leaves it, Ctrl+Q and Ctrl+W close the window.
        In kiosk mode ``KioskGuard`` swallows all of these before they arrive here, and
        any that come another way (sent straight to a widget) do nothing.
        """
        if self.kiosk_mode:
            event.accept()  # the window's filter refuses these first; never act on them
            return
        key, control = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif control and key in (Qt.Key.Key_Q, Qt.Key.Key_W):
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk_mode and not self._exit_allowed:
            event.ignore()
            return
        self.crash_guard.uninstall()
        self.idle_timer.stop()
        self.recorder.close()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() is QEvent.Type.WindowStateChange and self.kiosk_mode
                and (self.isMinimized() or not self.isFullScreen())):
            QTimer.singleShot(0, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if self.kiosk_mode:
            self.setWindowState(Qt.WindowState.WindowFullScreen)
            self.showFullScreen()

    # --- screens --------------------------------------------------------------------------

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
        self.nav_bar.show_back_and_home(self.history.can_go_back, screen_id != HOME)
        self.screen_shown.emit(screen_id)

    def _page_in_language(self, page_id: str) -> tuple[Page | None, str]:
        """The page in the patient's language, else in English; and its language."""
        page = self.library.get(page_id)
        if page is not None:
            return page, self.language
        english = self.content.libraries.get(SOURCE_LANGUAGE)
        fallback = english.get(page_id) if english is not None else None
        return fallback, SOURCE_LANGUAGE

    def _show_page(self, page_id: str) -> None:
        page, language = self._page_in_language(page_id)
        if page is None:
            log.warning("page %r is not available", page_id)
            self.page_screen.show_unavailable(
                tr("Sorry"), tr("This page is not available. Please tap Back or Home."))
            return
        notice = "" if language == self.language else tr(
            "This page is not yet translated, so it is shown in English.")
        self.page_screen.show_page(page, self.renderer_for(language).render(page, language),
                                   self._tabs_for(page), notice)

    def _show_contact(self) -> None:
        page, language = self._page_in_language(CONTACT)
        words = self.renderer_for(language).render(page, language) if page else None
        title = page.title if page is not None else tr("Contact us")
        self.contact_screen.show_contact(title, self.content.clinic, words)

    @property
    def renderer(self) -> PageRenderer:
        """The page renderer for the language being shown."""
        return self.renderer_for(self.language)

    def renderer_for(self, language: str) -> PageRenderer:
        """One renderer (and HTML cache) per language, made with that language's words."""
        renderer = self._renderers.get(language)
        if renderer is None:
            from kiosk.content.render import PageRenderer  # markdown loads on first page

            renderer = PageRenderer(self.content.clinic, self._help_text(),
                                    self.content.images.find)
            self._renderers[language] = renderer
        return renderer

    def spoken_text(self) -> Spoken:
        """What read-aloud says for the screen being shown (see ``kiosk.ui.spoken_text``)."""
        if self.history.current == HOME:
            return Spoken(self.language, tuple(text_utterances(self.home_screen.welcome.text())))
        screen = self.contact_screen if self.history.current == CONTACT else self.page_screen
        page, language = self._page_in_language(self.history.current)
        words = page_utterances(screen.title.text(), screen.view.document())
        return Spoken(language if page is not None else self.language, tuple(words))

    # --- language, text size, contrast ----------------------------------------------------

    def next_language(self) -> None:
        """The language button: switch to the next language the content has."""
        languages = self.content.languages
        if len(languages) > 1:
            index = languages.index(self.language) if self.language in languages else 0
            self.set_language(languages[(index + 1) % len(languages)])

    def set_language(self, code: str, force: bool = False) -> None:
        """Show everything in ``code``: content, the kiosk's words, the help numbers."""
        code = self._known_language(code)
        if code == self.language and not force:
            return
        self.language = code
        self.translations.use(code)
        for name in ("page_screen", "contact_screen"):
            if name in self._made:
                cast("PageScreen | ContactScreen", self._made[name]).view.invalidate()
        self._retranslate()
        self._fill_home()
        self._apply_theme(force=True)
        self._show_current()

    def _retranslate(self) -> None:
        languages = self.content.languages
        other = ""
        if len(languages) > 1 and self.language in languages:
            following = languages[(languages.index(self.language) + 1) % len(languages)]
            other = LANGUAGE_NAMES.get(following, following)
        if "help_panel" in self._made:
            self.help_panel.language = self.language
        self.nav_bar.retranslate(other)
        self.home_screen.retranslate(other)
        for panel in self.panels():
            panel.retranslate()
        if self.read_aloud is not None:
            self.read_aloud.retranslate()

    def set_text_step(self, step: int) -> None:
        """A- and A+: reading text in ``TEXT_STEPS`` sizes; every screen reflows."""
        step = max(0, min(len(TEXT_STEPS) - 1, step))
        if step != self.text_step:
            self.text_step = step
            self._apply_theme(force=True)

    def set_high_contrast(self, on: bool) -> None:
        """Switch between the normal and the high-contrast colours."""
        self.high_contrast = on
        self._apply_theme(force=True, palette=HIGH_CONTRAST if on else NORMAL)

    def _tabs_for(self, page: Page) -> list[Page]:
        children = self.library.children(page.id)
        if children:
            return children
        if page.parent_id is not None and self.library.get(page.parent_id) is not None:
            return self.library.children(page.parent_id)
        return []

    def _fill_home(self) -> None:
        welcome_page = self.library.get(HOME_ID)
        welcome = welcome_page.body.strip() if welcome_page else ""
        self.home_screen.show_library(self.content.clinic.display_name, welcome, self.library)

    def _help_text(self) -> HelpBoxText:
        return HelpBoxText(
            heading=tr("Need help now?"),
            danger_now=tr("If you are in danger now, tell the reception staff straight away."),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_theme()

    def _theme_one(self, name: str, widget: QWidget, metrics: Metrics) -> None:
        """Bring one made-on-demand screen or panel to the current colours and sizes."""
        if name == "page_screen":
            self.page_screen.apply_theme(self.palette_, metrics, self.width())
        elif name == "contact_screen":
            self.contact_screen.apply_theme(self.palette_, metrics, self.width(),
                                            self.height())
        elif name == "attract":
            self.attract.apply_theme(self.palette_, metrics)
        else:
            cast("Panel", widget).apply_metrics(metrics)
            if name == "usage_panel":
                self.usage_panel.apply_theme(self.palette_, metrics)

    def _apply_theme(self, force: bool = False, palette: Palette | None = None) -> None:
        metrics = Metrics.for_size(self.width(), self.height(), text_factor(self.text_step))
        if palette is not None:
            self.palette_ = palette
        shape = (metrics, self.width(), self.height())
        if not force and shape == self._applied_shape:
            return
        self._applied_shape = shape
        self.metrics = metrics
        self.setStyleSheet(application_style(self.palette_, metrics))
        for button in self.findChildren(NavButton):
            button.apply_palette(self.palette_)
        self.home_screen.apply_theme(self.palette_, metrics)
        self.nav_bar.apply_metrics(metrics, self.width())
        self.nav_bar.contrast_button.setChecked(self.high_contrast)
        self.nav_bar.smaller_button.setEnabled(self.text_step > 0)
        self.nav_bar.larger_button.setEnabled(self.text_step < len(TEXT_STEPS) - 1)
        for name, widget in self._made.items():
            self._theme_one(name, widget, metrics)
        self._warm_up()
        if self.history.current == CONTACT:
            self._show_contact()
        elif self.history.current != HOME:
            self._show_page(self.history.current)
