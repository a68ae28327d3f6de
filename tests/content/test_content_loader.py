"""Content loading and validation: plain Python, no widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import resources
from kiosk.content.loader import load_content
from kiosk.content.problems import Problem, Severity, errors
from kiosk.content.render import HelpBoxText, PageRenderer

HELP = HelpBoxText("Need help now?", "If you are in danger now, tell the reception staff.")


def load(root: Path) -> list[Problem]:
    return load_content(root, resources.assets_dir()).problems


def problem_for(problems: list[Problem], path: Path) -> Problem:
    matching = [problem for problem in errors(problems) if problem.path == path]
    assert matching, f"expected a problem for {path}, got {[p.format() for p in problems]}"
    return matching[0]


def page(title: str | None = "A page", body: str = "Some words.", extra: str = "") -> str:
    header = f"title: {title}\n" if title is not None else ""
    return f"---\n{header}{extra}---\n{body}\n"


def test_bundled_content_has_no_errors() -> None:
    content = load_content(resources.bundled_content_dir(), resources.assets_dir())
    assert [p.format() for p in errors(content.problems)] == []
    english = content.libraries["en"]
    titles = [section.title for section in english.sections()]
    assert titles[0] == "How it works"
    assert "Contact us" in titles
    assert [p.id for p in english.children("conditions")] == [
        "conditions/depression", "conditions/trauma-ptsd",
        "conditions/suicidal-thoughts", "conditions/anxiety",
    ]
    assert len(english.children("how-it-is-given")) == 4


def test_clinic_details_come_from_the_data_file() -> None:
    clinic = load_content(resources.bundled_content_dir()).clinic
    assert clinic.phone == "+254 797 777060"
    assert clinic.email == "admin@tigonitreatment.com"
    assert [line.number for line in clinic.crisis_lines] == ["1199", "0722 178 177", "999"]


def test_missing_title_is_reported_with_file_and_line(content_copy: Path) -> None:
    path = content_copy / "en" / "safety.md"
    path.write_text(page(title=None, extra="order: 4\n"), encoding="utf-8")
    problem = problem_for(load(content_copy), path)
    assert "no title" in problem.message


def test_empty_title_is_reported(content_copy: Path) -> None:
    path = content_copy / "en" / "safety.md"
    path.write_text(page(title=""), encoding="utf-8")
    problem = problem_for(load(content_copy), path)
    assert problem.line == 2 and "no title" in problem.message


def test_broken_internal_link_names_its_line(content_copy: Path) -> None:
    path = content_copy / "en" / "future.md"
    path.write_text(page(body="Intro.\n\nSee [this](page:nowhere)."), encoding="utf-8")
    problem = problem_for(load(content_copy), path)
    assert problem.line == 6
    assert "page:nowhere" in problem.message


def test_missing_image_and_missing_alt_text(content_copy: Path) -> None:
    path = content_copy / "en" / "future.md"
    body = "![A picture](illustrations/none.svg)\n\n![](illustrations/speed.svg)"
    path.write_text(page(body=body), encoding="utf-8")
    messages = {(p.line, p.message) for p in errors(load(content_copy)) if p.path == path}
    assert (4, "image 'illustrations/none.svg' does not exist") in messages
    assert (6, "image 'illustrations/speed.svg' has no alt text") in messages


def test_unknown_metadata_key(content_copy: Path) -> None:
    path = content_copy / "en" / "future.md"
    path.write_text(page(extra="colour: blue\n"), encoding="utf-8")
    problem = problem_for(load(content_copy), path)
    assert problem.line == 3 and "unknown header key 'colour'" in problem.message


def test_file_that_is_not_utf8(content_copy: Path) -> None:
    path = content_copy / "en" / "future.md"
    path.write_bytes(b"---\ntitle: Caf\xe9\n---\nText\n")
    problem = problem_for(load(content_copy), path)
    assert problem.line == 2 and "not UTF-8" in problem.message


def test_empty_page_and_empty_file(content_copy: Path) -> None:
    empty_body = content_copy / "en" / "future.md"
    empty_body.write_text(page(body="   "), encoding="utf-8")
    empty_file = content_copy / "en" / "safety.md"
    empty_file.write_text("", encoding="utf-8")
    problems = load(content_copy)
    assert "no text" in problem_for(problems, empty_body).message
    assert "empty" in problem_for(problems, empty_file).message


def test_duplicate_page_id(content_copy: Path) -> None:
    duplicate = content_copy / "en" / "safety" / "index.md"
    duplicate.parent.mkdir()
    duplicate.write_text(page(), encoding="utf-8")
    problems = load(content_copy)
    duplicates = [p for p in errors(problems) if "same id 'safety'" in p.message]
    assert len(duplicates) == 1


def test_refused_link_scheme(content_copy: Path) -> None:
    path = content_copy / "en" / "future.md"
    path.write_text(page(body="[x](javascript:alert(1))"), encoding="utf-8")
    assert "not allowed" in problem_for(load(content_copy), path).message


def test_unreviewed_pages_are_warnings_not_errors() -> None:
    problems = load(resources.bundled_content_dir())
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    assert warnings and all("review" in p.message for p in warnings)


def test_rendering_converts_once_and_keeps_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    content = load_content(resources.bundled_content_dir(), resources.assets_dir())
    renderer = PageRenderer(content.clinic, HELP, content.images.find)
    safety = content.libraries["en"].pages["safety"]
    first = renderer.render(safety, "en")
    calls = 0
    original = renderer._markdown.convert

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    monkeypatch.setattr(renderer._markdown, "convert", counting)
    assert renderer.render(safety, "en") is first
    assert calls == 0


def test_raw_html_is_shown_as_text_never_run(content_copy: Path) -> None:
    content = load_content(content_copy, resources.assets_dir())
    renderer = PageRenderer(content.clinic, HELP, content.images.find)
    evil = content.libraries["en"].pages["future"]
    evil = type(evil)(**{**evil.__dict__, "body": "<script>alert(1)</script>\n\nHi <b>x</b>"})
    html = renderer.render(evil, "en").html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


def test_help_box_shows_crisis_lines_from_clinic_data() -> None:
    content = load_content(resources.bundled_content_dir(), resources.assets_dir())
    renderer = PageRenderer(content.clinic, HELP, content.images.find)
    html = renderer.render(content.libraries["en"].pages["conditions/suicidal-thoughts"], "en").html
    assert html.index("1199") < html.index("0722 178 177")
    assert "tell the reception staff" in html
