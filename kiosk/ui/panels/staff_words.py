"""Staff-facing sentences about the content, in plain words a receptionist understands.

The staff panel shows one status line built here from the content choice (where the
content came from, how many mistakes, how many pages still wait for the clinic's
sign-off, and why an update from IT was refused, with its first reason, since staff
cannot read the log).  No widgets: plain strings in the language installed (``tr``).
"""

from __future__ import annotations

from kiosk.content.problems import Problem, Severity, errors
from kiosk.content.source import ContentChoice, ContentOrigin
from kiosk.ui.i18n import tr


def _origin(origin: ContentOrigin) -> str:
    if origin is ContentOrigin.UPDATED:
        return tr("Showing the new content from IT.")
    if origin is ContentOrigin.GIVEN:
        return tr("Showing the content from the folder given at start.")
    return tr("Showing the content that came with the program.")


def _where(problem: Problem) -> str:
    """``en/about.md line 4: <message>``: the language folder and file, not the full path."""
    name = "/".join(problem.path.parts[-2:])
    if problem.line is None:
        return f"{name}: {problem.message}."
    return tr("%1 line %2: %3").replace("%1", name).replace("%2", str(problem.line)) \
        .replace("%3", problem.message.rstrip(".") + ".")


def content_status(choice: ContentChoice, shown_as: str | None = None) -> str:
    """One status line about ``choice`` for the staff panel (read its pages first).

    ``shown_as`` says where the content came from when the caller knows better (which
    signed content pack it is).  A refused update comes first, with its first reason, in
    place of where the content came from (the program's own content is shown then): the
    line stays short.
    """
    problems = choice.content.problems
    refused = choice.rejected_update
    if len(refused) == 1:
        parts = [tr("New content from IT was not used: %1").replace("%1", _where(refused[0]))]
    elif refused:
        parts = [tr("New content from IT was not used (%1 mistakes). The first: %2")
                 .replace("%1", str(len(refused))).replace("%2", _where(refused[0]))]
    else:
        parts = [shown_as or _origin(choice.origin)]
    failed = len(errors(problems))
    if failed == 1:
        parts.append(tr("1 mistake in the content: ask IT to run the content check."))
    elif failed > 1:
        parts.append(tr("%1 mistakes in the content: ask IT to run the content check.")
                     .replace("%1", str(failed)))
    unsigned = len({p.path for p in problems if p.severity is Severity.WARNING})
    if unsigned == 1:
        parts.append(tr("1 page is not yet signed off by the clinic."))
    elif unsigned > 1:
        parts.append(tr("%1 pages are not yet signed off by the clinic.")
                     .replace("%1", str(unsigned)))
    return " ".join(parts)
