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
        """Go to ``screen_id``; visiting home clears the trail, re-visiting is a no-op."""
        if screen_id == HOME:
            self.clear()
        elif screen_id != self.current:
            self._stack.append(screen_id)

    def back(self) -> str:
        """Step back one screen and return the screen now shown."""
        if self.can_go_back:
            self._stack.pop()
        return self.current

    def clear(self) -> None:
        """Forget everything: back to home (used by Home and by the idle reset)."""
        self._stack = [HOME]
