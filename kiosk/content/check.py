"""``tigoni-kiosk check``: report every problem in a content folder, one line each."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kiosk.content.problems import Severity, errors
from kiosk.content.source import choose_content


def run_check(content_dir: Path | None, data_dir: Path | None, out: TextIO) -> int:
    """Print problems as ``path:line: problem``; exit code 1 if any is an error."""
    choice = choose_content(content_dir, data_dir)
    content = choice.content
    problems = [*choice.rejected_update, *content.problems]
    base = Path.cwd()
    for problem in sorted(problems, key=lambda p: (p.severity is Severity.WARNING, str(p.path),
                                                   p.line or 0)):
        print(problem.format(base), file=out)
    pages = sum(len(library.pages) for library in content.libraries.values())
    failed = errors(problems)
    warnings = len(problems) - len(failed)
    languages = ", ".join(content.languages) or "none"
    if failed:
        print(f"{len(failed)} problem(s) and {warnings} warning(s) in {content.root}",
              file=out)
        return 1
    print(f"content OK: {pages} pages in {languages}, {warnings} warning(s) "
          f"({choice.origin.value})", file=out)
    return 0
