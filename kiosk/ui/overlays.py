"""What opens over the window's screens: the panels and the attract screen.

Each is made the first time it is needed (a typed ``cached_property``), then kept in the
current words and ``Look``.  They answer the session: the staff step opens the PIN pad,
the staff panel or the usage charts; the idle cycle opens "Still reading?" and the
attract screen; the reset and crash recovery close everything.  What staff or patients
do on them goes back to the session as intents.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.content.source import ContentChoice
from kiosk.session.idle import IdleState
from kiosk.session.kiosk_session import KioskSession, StaffStep
from kiosk.ui.theme import Look, Themed

if TYPE_CHECKING:
    from kiosk.stats import UsageRecorder
    from kiosk.ui.page_source import PageSource
    from kiosk.ui.panels.help_panel import HelpPanel
    from kiosk.ui.panels.link_panel import LinkPanel
    from kiosk.ui.panels.panel import Panel
    from kiosk.ui.panels.pin_pad import PinPad
    from kiosk.ui.panels.staff_panel import StaffPanel
    from kiosk.ui.panels.still_reading import StillReading
    from kiosk.ui.panels.usage_panel import UsagePanel
    from kiosk.ui.screens.attract import AttractScreen


class Overlays:
    """The panels and attract screen over ``host``, made on first use."""

    def __init__(self, host: QWidget, session: KioskSession, choice: ContentChoice,
                 recorder: UsageRecorder, pages: PageSource,
                 watch: Callable[[QWidget], None] = lambda _widget: None) -> None:
        """Overlays over ``host``, each made when first needed.

        ``watch`` is told of every panel and screen made, so that its showing and hiding
        counts as a screen change (``KioskGuard.watch_for_changes``).
        """
        self.host, self.session, self.choice = host, session, choice
        self.recorder, self.pages = recorder, pages
        self._watch = watch
        self.look: Look | None = None
        self._made: list[Themed] = []
        self._staff: dict[StaffStep, Panel] = {}  # the staff panels made so far
        session.idle.state_changed.connect(self._on_idle_state)
        session.idle.countdown_changed.connect(lambda s: self.still_reading.show_seconds(s))
        session.staff_changed.connect(self._on_staff)
        session.session_reset.connect(self.close_panels)
        session.recovered.connect(self.close_panels)

    def _keep(self, widget: Themed, panel: Panel | None = None) -> None:
        if panel is not None:
            panel.retranslate()
        if isinstance(widget, QWidget):
            self._watch(widget)
        self._made.append(widget)
        if self.look is not None:
            widget.apply_look(self._look_for(widget))
        if panel is not None:
            panel.ensurePolished()  # its card is measured (style sheet fonts) before it shows

    def _is_made(self, name: str) -> bool:
        return name in self.__dict__  # where cached_property keeps what it made

    @cached_property
    def attract(self) -> AttractScreen:
        """The attract screen shown after the idle reset."""
        from kiosk.ui.screens.attract import AttractScreen

        screen = AttractScreen(self.host)
        content = self.choice.content
        screen.set_lines([library.home.summary for code in content.languages
                          if (library := content.libraries[code]).home is not None])
        screen.dismissed.connect(self.session.idle.restart)
        self._keep(screen)
        return screen

    @cached_property
    def help_panel(self) -> HelpPanel:
        """The crisis help panel."""
        from kiosk.ui.panels.help_panel import HelpPanel

        panel = HelpPanel(self.host, self.choice.content.clinic)
        panel.language = self.session.language
        self._keep(panel, panel)
        return panel

    @cached_property
    def link_panel(self) -> LinkPanel:
        """The panel with a QR code of a tapped web link."""
        from kiosk.ui.panels.link_panel import LinkPanel

        panel = LinkPanel(self.host)
        self._keep(panel, panel)
        return panel

    @cached_property
    def pin_pad(self) -> PinPad:
        """The staff PIN pad."""
        from kiosk.ui.panels.pin_pad import PinPad

        pad = PinPad(self.host, self.session)
        pad.closed.connect(lambda: self.session.leave_staff(StaffStep.PIN))
        self._staff[StaffStep.PIN] = pad
        self._keep(pad, pad)
        return pad

    @cached_property
    def staff_panel(self) -> StaffPanel:
        """The staff panel, behind the PIN."""
        from kiosk.ui.panels.staff_panel import StaffPanel

        panel = StaffPanel(self.host, self.session, self.choice)
        panel.closed.connect(lambda: self.session.leave_staff(StaffStep.PANEL))
        self._staff[StaffStep.PANEL] = panel
        self._keep(panel, panel)
        return panel

    @cached_property
    def usage_panel(self) -> UsagePanel:
        """Staff's page-view charts."""
        from kiosk.ui.panels.usage_panel import UsagePanel

        panel = UsagePanel(self.host, self.recorder,
                           lambda page_id: self.pages.title(page_id, self.session.language),
                           lambda: self.session.language)
        panel.closed.connect(lambda: self.session.leave_staff(StaffStep.USAGE))
        panel.erase_usage_requested.connect(self._confirm_erase_usage)
        self._staff[StaffStep.USAGE] = panel
        self._keep(panel, panel)
        return panel

    @cached_property
    def still_reading(self) -> StillReading:
        """The "Still reading?" countdown before the idle reset."""
        from kiosk.ui.panels.still_reading import StillReading

        panel = StillReading(self.host)
        panel.closed.connect(self.session.idle.keep_reading)
        self._keep(panel, panel)
        return panel

    def _confirm_erase_usage(self) -> None:
        from kiosk.ui.panels.erase_usage import confirm_erase_usage

        def erase() -> bool:
            erased = self.session.erase_usage()  # written to the audit trail
            self.usage_panel.show_counts()  # the charts under the card empty at once
            return erased

        if self.look is not None:
            confirm_erase_usage(self.usage_panel, erase, self.look.for_staff())

    def replace_content(self, choice: ContentChoice, pages: PageSource) -> None:
        """New content (a content pack): panels that show content are made again."""
        self.choice, self.pages = choice, pages
        for name in ("help_panel", "staff_panel", "attract"):
            made = self.__dict__.pop(name, None)  # cached_property makes it again
            if made is not None:
                self._made.remove(made)
                self._staff = {step: panel for step, panel in self._staff.items()
                               if panel is not made}
                made.hide()
                made.deleteLater()

    def panels(self) -> list[Panel]:
        """The panels made so far (a panel never used cannot be open)."""
        from kiosk.ui.panels.panel import Panel  # here: the first paint needs no panel

        return [made for made in self._made if isinstance(made, Panel)]

    def close_panels(self) -> None:
        """Close whatever panel is open."""
        for panel in self.panels():
            panel.close_panel()

    def retranslate(self) -> None:
        """Words in the session's language."""
        if self._is_made("help_panel"):
            self.help_panel.language = self.session.language
        for panel in self.panels():
            panel.retranslate()

    def apply_look(self, look: Look) -> None:
        """The look for every one made so far and every one made later."""
        self.look = look
        for made in self._made:
            made.apply_look(self._look_for(made))

    def _look_for(self, widget: Themed) -> Look:
        """The window's look; a staff screen's at text factor 1.0 (``Look.for_staff``)."""
        assert self.look is not None
        if getattr(widget, "for_staff", False):  # a staff Panel (Panel.for_staff)
            return self.look.for_staff()
        return self.look

    def _on_idle_state(self, state: IdleState) -> None:
        if state is IdleState.WARNING:
            self.still_reading.show_seconds(self.session.idle.seconds_left)
            self.still_reading.open_panel()
        elif self._is_made("still_reading"):
            self.still_reading.hide()  # not a Keep reading: the cycle moved on by itself
        if state is IdleState.ATTRACT:
            self.attract.start()

    def _on_staff(self, step: StaffStep) -> None:
        if step is StaffStep.CLOSED:
            for panel in self._staff.values():
                panel.close_panel()
            return
        opening = self._staff_panel(step)
        for panel in self.panels():
            if panel is not opening:
                panel.close_panel()  # nothing else stays open over a staff panel
        opening.open_panel()

    def _staff_panel(self, step: StaffStep) -> Panel:
        if step is StaffStep.PIN:
            return self.pin_pad
        return self.staff_panel if step is StaffStep.PANEL else self.usage_panel
