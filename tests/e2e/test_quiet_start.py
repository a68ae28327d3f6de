"""A normal start logs one line about the content, not one line per page.

Pages not yet signed off by the clinic are listed by ``check``; the log of a start says
how many there are, once, after every page has been read.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.content.lazy import open_content
from kiosk.content.problems import Severity


def test_reading_all_content_logs_one_summary_and_no_per_page_lines(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    content = open_content(resources.bundled_content_dir(), resources.assets_dir())
    for library in content.libraries.values():
        while library.read_some():
            pass
    pages = sum(len(library.pages) for library in content.libraries.values())
    unsigned = sum(1 for library in content.libraries.values()
                   for page in library.pages.values()
                   if not page.reviewed_on or not page.reviewed_by)
    lines = [record.getMessage() for record in caplog.records
             if record.name.startswith("kiosk.content")]
    assert lines == [f"content: {pages} pages; not yet reviewed by the clinic: {unsigned}; "
                     "problems: 0; `tigoni-kiosk check` lists them"]


def test_a_real_problem_is_still_logged_as_it_is_found(
    caplog: pytest.LogCaptureFixture, tmp_path: Path,
) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "home.md").write_text("---\ntitle: Welcome\n---\nHello.\n", "utf-8")
    (tmp_path / "en" / "broken.md").write_text("---\norder: 1\n---\nNo title.\n", "utf-8")
    caplog.set_level(logging.INFO)
    content = open_content(tmp_path, resources.assets_dir())
    content.libraries["en"].read_all()
    warnings = [record.getMessage() for record in caplog.records
                if record.levelno >= logging.WARNING]
    assert any("broken.md" in line for line in warnings), warnings
    failed = sum(1 for problem in content.problems if problem.severity is Severity.ERROR)
    assert failed >= 1
    summary = [record.getMessage() for record in caplog.records
               if record.getMessage().startswith("content: ")]
    assert summary[-1] == (f"content: 1 page; not yet reviewed by the clinic: 1; "
                           f"problems: {failed}; `tigoni-kiosk check` lists them")
