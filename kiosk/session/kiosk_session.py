"""One patient's visit and the kiosk's lock-down, with no widgets (QtCore only).

``KioskSession`` owns what the window shows and when: the current screen and the way
back, language, text step, contrast, the idle cycle (``kiosk.session.idle``), the privacy
reset, where an unhandled exception returns to, the staff flow (PIN pad, change-PIN pad,
staff panel, usage charts) with one staff timeout over every step and the audit lines
for opening and closing it, kiosk mode and exit requests, and which views and touches
count in the anonymous usage statistics (never staff's: a visit that read no page
before the hidden gesture was staff's).  It emits signals; the window listens and
draws.  Tests drive it with no window: its timers' slots are public methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk import audit
from kiosk.session.history import HOME, History
from kiosk.session.idle import IdleCycle, IdleState
from kiosk.session.pin_entry import Outcome, PadMode, PinEntry
from kiosk.session.staff import StaffAccess
from kiosk.session.staff_defaults import StaffDefaults
from kiosk.session.staff_step import StaffStep, audit_name, signed_in
from kiosk.session.text_size import clamp_text_step
from kiosk.settings import SettingsStore

if TYPE_CHECKING:
    from kiosk.stats import UsageRecorder


__all__ = ["KioskSession", "StaffStep"]


class KioskSession(QObject):
    """The visit: screens, reading choices, idle cycle, reset, staff, kiosk mode."""

    screen_changed = Signal(str)  # a screen id (``home``, ``contact`` or a page id)
    language_changed = Signal(str)
    look_changed = Signal()  # text step or contrast
    session_reset = Signal()  # the privacy reset: everything back to the defaults
    recovered = Signal()  # after an unhandled exception: panels closed, home shown
    staff_changed = Signal(StaffStep)
    kiosk_mode_changed = Signal(bool)
    exit_requested = Signal()

    def __init__(self, store: SettingsStore, languages: list[str], recorder: UsageRecorder,
                 language: str | None = None, parent: QObject | None = None,
                 access: StaffAccess | None = None) -> None:
        """A new visit at home, in ``language`` or the default one.

        ``languages`` are the content's; ``access`` checks PINs (its clock decides the
        lock-out: tests give one with their own clock).
        """
        super().__init__(parent)
        self.store = store
        self.settings = store.settings
        self.languages = languages
        self.recorder = recorder
        self.history = History()
        self.language = self.known_language(language or self.settings.default_language)
        self.text_step = clamp_text_step(self.settings.default_text_step)
        self.high_contrast = self.settings.high_contrast
        self.staff = StaffStep.CLOSED
        self.pin_just_changed = False  # the staff panel confirms it until staff leave
        self.staff_access = access if access is not None else StaffAccess(store)
        self.pin_entry = PinEntry(self.staff_access)
        self.defaults = StaffDefaults(store)
        self.idle = IdleCycle(lambda: self.settings.idle_timeout_s,
                              lambda: self.settings.warning_s, self)
        self.idle.timed_out.connect(self.reset)
        self.staff_timer = QTimer(self)
        self.staff_timer.setSingleShot(True)
        self.staff_timer.timeout.connect(self.staff_timed_out)
        self._visit_read = False  # a page was counted since the visit opened
        self.idle.restart()

    # --- where the patient is -------------------------------------------------------------

    @property
    def current_screen(self) -> str:
        """The id of the screen being shown (``home``, ``contact`` or a page id)."""
        return self.history.current

    def navigate(self, screen_id: str) -> None:
        """Show ``screen_id`` and remember the way back."""
        self.history.visit(screen_id)
        self._screen_changed()

    def go_home(self) -> None:
        """Home, forgetting the trail."""
        self.history.clear()
        self._screen_changed()

    def go_back(self) -> None:
        """One screen back."""
        self.history.back()
        self._screen_changed()

    def _screen_changed(self) -> None:
        self._count_view()
        self.screen_changed.emit(self.history.current)

    def _count_view(self) -> None:
        """A page read by a patient counts: not home, not while staff have the kiosk."""
        if self.history.current != HOME and self.staff is StaffStep.CLOSED:
            self.recorder.page_viewed(self.history.current, self.language)
            self._visit_read = True

    # --- reading choices ------------------------------------------------------------------

    def known_language(self, code: str) -> str:
        """``code`` if the content has it, else English."""
        return code if code in self.languages else "en"

    def next_language(self) -> None:
        """The language button: the next language the content has."""
        if len(self.languages) > 1:
            index = self.languages.index(self.language) if self.language in self.languages \
                else 0
            self.set_language(self.languages[(index + 1) % len(self.languages)])

    @property
    def following_language(self) -> str | None:
        """The language the language button would switch to (None with only one)."""
        if len(self.languages) < 2 or self.language not in self.languages:
            return None
        return self.languages[(self.languages.index(self.language) + 1) % len(self.languages)]

    def set_language(self, code: str) -> None:
        """Show everything in ``code`` (English if the content lacks it)."""
        code = self.known_language(code)
        if code != self.language:
            self.language = code
            self.language_changed.emit(code)
            self._count_view()  # the page shown is now read in this language

    def set_text_step(self, step: int) -> None:
        """A- and A+: one of ``TEXT_STEPS``, clamped."""
        step = clamp_text_step(step)
        if step != self.text_step:
            self.text_step = step
            self.look_changed.emit()

    def set_high_contrast(self, on: bool) -> None:
        """The normal or the high-contrast colours."""
        if on != self.high_contrast:
            self.high_contrast = on
            self.look_changed.emit()

    # --- idle, reset, recovery ------------------------------------------------------------

    def touched(self) -> None:
        """Any touch, click, drag or key: the staff timeout restarts, or a visit may open."""
        if self.staff is not StaffStep.CLOSED:
            self._start_staff_timer()
        elif self.idle.state is not IdleState.ATTRACT and not self.recorder.in_visit:
            self.recorder.touched(self.language)
            self._visit_read = False
        self.idle.touched()

    def reset(self) -> None:
        """Forget the last patient: home, the defaults, staff closed, then attract."""
        self._close_staff_quietly("by the privacy reset")
        self.history.clear()
        self.text_step = clamp_text_step(self.settings.default_text_step)
        self.high_contrast = self.settings.high_contrast
        self.language = self.known_language(self.settings.default_language)
        self.session_reset.emit()
        self.recorder.visit_ended()
        self.idle.rest()

    def recover(self) -> None:
        """After an unhandled exception: close every panel and show home."""
        self._close_staff_quietly("after an error")
        self.history.clear()
        self.recovered.emit()
        self.screen_changed.emit(HOME)

    # --- staff ----------------------------------------------------------------------------

    def open_staff_access(self) -> None:
        """The hidden gesture was held: ask for the PIN.

        A visit that has read no page yet (the press that began the hold opened it, or
        a tap to wake the screen did) was staff's: it is discarded.  A patient's visit
        that read a page is kept, and counted once.
        """
        if not self._visit_read:
            self.recorder.visit_discarded()
        self._staff_step(StaffStep.CLOSED)
        self.pin_entry.start(PadMode.ENTER)
        self._staff_step(StaffStep.PIN)

    def change_pin(self) -> None:
        """From the staff panel: choose a new PIN."""
        self._staff_step(StaffStep.CLOSED)
        self.pin_entry.start(PadMode.NEW)
        self._staff_step(StaffStep.PIN)

    def press_pin_key(self, key: str) -> Outcome:
        """A key on the PIN pad (see ``PinEntry.press``); the right PIN opens the panel."""
        outcome = self.pin_entry.press(key)
        if outcome is Outcome.ACCEPTED:
            audit.staff_panel_opened()
        if outcome is not Outcome.TYPING:
            self.pin_just_changed = outcome is Outcome.PIN_CHANGED
            self.open_staff_panel()
        return outcome

    def open_staff_panel(self) -> None:
        """The staff panel (only ever after the PIN)."""
        self._staff_step(StaffStep.PANEL)

    def show_usage(self) -> None:
        """From the staff panel: the usage charts."""
        self._staff_step(StaffStep.USAGE)

    def erase_usage(self) -> bool:
        """Usage's Erase, confirmed by staff: every count goes; written to the audit trail."""
        erased = self.recorder.erase()
        audit.usage_counts_erased(erased)
        return erased

    def close_staff(self) -> None:
        """Whatever staff step is open closes, typed digits forgotten."""
        self._staff_step(StaffStep.CLOSED)

    def staff_timed_out(self) -> None:
        """No touch for the staff timeout on any staff step: back to the home screen."""
        self._end_staff(f"after {self.settings.staff_panel_timeout_s} s without a touch")

    def leave_staff(self, step: StaffStep) -> None:
        """Staff closed the panel of ``step`` (Close, backdrop), if it was open.

        Usage and the change-PIN pad go back to the staff panel; the staff panel and the
        PIN entry pad close staff access.
        """
        if step is not self.staff:
            return
        if step is not StaffStep.PANEL and signed_in(step, self.pin_entry.mode):
            self.open_staff_panel()
        else:
            self._end_staff("by staff")

    def _end_staff(self, how: str) -> None:
        """Staff access closes, written to the audit trail with ``how``."""
        if self.staff is not StaffStep.CLOSED:
            self._close_staff_quietly(how)
            self.staff_changed.emit(StaffStep.CLOSED)

    def _start_staff_timer(self) -> None:
        self.staff_timer.start(self.settings.staff_panel_timeout_s * 1000)

    def _close_staff_quietly(self, how: str) -> None:
        if self.staff is not StaffStep.CLOSED:
            audit.staff_access_closed(audit_name(self.staff, self.pin_entry.mode), how)
        self.pin_just_changed = False
        self.staff_timer.stop()
        self.pin_entry.clear()
        self.staff = StaffStep.CLOSED

    def _staff_step(self, step: StaffStep) -> None:
        if step is StaffStep.CLOSED:
            self.staff_timer.stop()
        else:
            self._start_staff_timer()  # every staff step closes after the staff timeout
        if step is not StaffStep.PIN:
            self.pin_entry.clear()
        if step in (StaffStep.CLOSED, StaffStep.PIN):
            self.pin_just_changed = False
        if step is not self.staff:
            self.staff = step
            self.staff_changed.emit(step)

    @property
    def kiosk_mode(self) -> bool:
        """Whether the kiosk is locked down."""
        return self.settings.kiosk_mode

    def set_kiosk_mode(self, on: bool) -> None:
        """Lock the kiosk down or not, and remember it across restarts."""
        self.settings.kiosk_mode = on
        self.store.save()
        self.kiosk_mode_changed.emit(on)

    def request_exit(self) -> None:
        """The staff panel's Exit: refused in kiosk mode (written to the audit trail)."""
        if not self.kiosk_mode:
            audit.exit_requested()
            self.exit_requested.emit()
