"""``tigoni-kiosk check``: report every problem in a content folder, one line each.

With ``--data-dir D`` and an update in ``D/content``, the update is what is checked (it
is what IT copied and what editors must fix): each of its problems is printed once and
the summary names that folder, saying the kiosk shows the bundled content meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kiosk import resources
from kiosk.content.loader import load_content
from kiosk.content.problems import Severity, errors
from kiosk.content.source import UPDATED_CONTENT_DIR, choose_content


def run_check(content_dir: Path | None, data_dir: Path | None, out: TextIO) -> int:
    """Print problems as ``path:line: problem``; exit code 1 if any is an error."""
    update = data_dir / UPDATED_CONTENT_DIR if data_dir is not None else None
    if content_dir is None and update is not None and update.is_dir():
        # Checked directly, not through choose_content, which also logs a refused update.
        content = load_content(update, resources.assets_dir())
        origin = "updated content in the data folder"
        refused_note = "; until they are fixed the kiosk shows its bundled content"
    else:
        choice = choose_content(content_dir, data_dir)
        content, origin, refused_note = choice.content, choice.origin.value, ""
    problems = content.problems
    base = Path.cwd()
    for problem in sorted(problems, key=lambda p: (p.severity is Severity.WARNING, str(p.path),
                                                   p.line or 0)):
        print(problem.format(base), file=out)
    pages = sum(len(library.pages) for library in content.libraries.values())
    failed = errors(problems)
    warnings = len(problems) - len(failed)
    languages = ", ".join(content.languages) or "none"
    if failed:
        print(f"{len(failed)} problem(s) and {warnings} warning(s) in {content.root}"
              f"{refused_note}", file=out)
        return 1
    print(f"content OK: {pages} pages in {languages}, {warnings} warning(s) "
          f"({origin})", file=out)
    return 0
