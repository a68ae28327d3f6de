"""Where the patient is and how they got there, for the Back button."""

from __future__ import annotations

from dataclasses import dataclass, field

HOME = "home"
CONTACT = "contact"


@dataclass
class History:
    """A stack of visited screen ids; the first entry is always home."""

    _stack: list[str] = field(default_factory=lambda: [HOME])

    @property
    def current(self) -> str:
        """The screen being shown."""
        return self._stack[-1]

    @property
    def can_go_back(self) -> bool:
        """False on the home screen with nothing behind it."""
        return len(self._stack) > 1

    def visit(self, screen_id: str) -> None:
        """Go to ``screen_id``; visiting home clears the trail.

        Going to a screen already on the trail steps back to it, so going round a circle
        of links never grows the trail: Back always leads somewhere new, and the trail
        is never longer than the number of screens.
        """
        if screen_id == HOME:
            self.clear()
        elif screen_id in self._stack:
            del self._stack[self._stack.index(screen_id) + 1 :]
        else:
            self._stack.append(screen_id)

    def back(self) -> str:
        """Step back one screen and return the screen now shown."""
        if self.can_go_back:
            self._stack.pop()
        return self.current

    def clear(self) -> None:
        """Forget everything: back to home (used by Home and by the idle reset)."""
        self._stack = [HOME]
