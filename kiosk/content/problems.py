"""Problems found in content, reported as ``path:line: message`` lines."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(Enum):
    """An error makes ``check`` fail; a warning is only reported."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file, in plain words."""

    path: Path
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    def format(self, relative_to: Path | None = None) -> str:
        """``path:line: message``, with the path relative to ``relative_to`` when possible."""
        shown = self.path
        if relative_to is not None:
            try:
                shown = self.path.relative_to(relative_to)
            except ValueError:
                shown = self.path
        where = f"{shown}:{self.line}" if self.line is not None else f"{shown}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that make content invalid."""
    return [problem for problem in problems if problem.severity is Severity.ERROR]
