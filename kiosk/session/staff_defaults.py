"""What staff set on the staff panel: how each choice steps, and the one place it is saved.

Idle timeout (snapped to ``IDLE_TIMEOUT_CHOICES``), start language and start text step.
Kiosk mode is the session's (``KioskSession.set_kiosk_mode``), since it changes the
window at once.  Every change is saved straight away through ``SettingsStore.save``.
"""

from __future__ import annotations

from kiosk.session.text_size import LARGEST_STEP, clamp_text_step
from kiosk.settings import IDLE_TIMEOUT_CHOICES, Settings, SettingsStore


class StaffDefaults:
    """The defaults a new visit starts with, as staff change them."""

    def __init__(self, store: SettingsStore) -> None:
        self._store = store

    @property
    def settings(self) -> Settings:
        """The settings being shown and changed."""
        return self._store.settings

    def step_idle_timeout(self, direction: int) -> int:
        """One choice shorter (-1) or longer (+1), from the nearest choice; returns seconds."""
        choices = IDLE_TIMEOUT_CHOICES
        current = self.settings.idle_timeout_s
        index = min(range(len(choices)), key=lambda i: abs(choices[i] - current))
        index = max(0, min(len(choices) - 1, index + direction))
        self.settings.idle_timeout_s = choices[index]
        self._store.save()
        return choices[index]

    @property
    def idle_can_step(self) -> tuple[bool, bool]:
        """Whether the idle timeout can go (shorter, longer): False at either end."""
        current = self.settings.idle_timeout_s
        return current > IDLE_TIMEOUT_CHOICES[0], current < IDLE_TIMEOUT_CHOICES[-1]

    @property
    def text_can_step(self) -> tuple[bool, bool]:
        """Whether the start text step can go (smaller, larger): False at either end."""
        step = clamp_text_step(self.settings.default_text_step)
        return step > 0, step < LARGEST_STEP

    def step_text(self, direction: int) -> int:
        """The start text step one smaller (-1) or larger (+1), clamped; returns the step."""
        self.settings.default_text_step = clamp_text_step(
            self.settings.default_text_step + direction)
        self._store.save()
        return self.settings.default_text_step

    def set_language(self, code: str) -> None:
        """The language each new visit starts in."""
        self.settings.default_language = code
        self._store.save()
