"""Markdown from a GitHub guide shows as the editors' previews show it.

Each case asserts the page's rendered document (what the patient reads): nested lists
at 2- and 4-space indents, a pipe table read as a real table, strike-through, a
footnote, task-list ticks, comments never shown, raw HTML still refused, quoted header
values; and ``check`` names by line what still differs from a GitHub preview.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextDocument, QTextTable

from kiosk.cli import main
from kiosk.ui.main_window import MainWindow
from tests.content.corpus import case_folder, write_page
from tests.helpers import WindowFactory


def blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def list_depths(document: QTextDocument) -> dict[str, int]:
    """Each list item's words and its list's indent level (1 = top)."""
    return {block.text(): block.textList().format().indent()
            for block in blocks(document) if block.textList() is not None}


def open_page(make_window: WindowFactory, content: Path, page_id: str = "broken",
              size: tuple[int, int] = (1920, 1080)) -> MainWindow:
    window = make_window(size=size, content=content)
    window.session.navigate(page_id)
    return window


def test_a_page_from_a_github_guide_shows_as_github_shows_it(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("github-markdown", tmp_path)
    assert main(["check", str(content)]) == 0
    assert "broken.md" not in capsys.readouterr().out  # no problem, no warning
    window = open_page(make_window, content)
    document = window.page_screen.view.document()
    text = document.toPlainText()
    assert "TODO" not in text and "<!--" not in text  # a comment never reaches the screen
    depths = list_depths(document)
    assert depths["Eat a light meal"] == 1
    assert depths["no food 2 hours before"] == 2  # 2-space indent nests
    assert depths["water is fine"] == 3
    assert depths["Bring a friend"] == 1
    assert depths["they drive you home"] == 2  # 4-space indent nests too
    tables = [frame for frame in document.rootFrame().childFrames()
              if isinstance(frame, QTextTable)]
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows(), table.columns()) == (3, 2)
    cells = [[table.cellAt(row, column).firstCursorPosition().block().text()
              for column in range(2)] for row in range(3)]
    assert cells == [["Step", "How long"], ["Check-in", "10 minutes"],
                     ["Treatment", "40 minutes"]]
    assert table.format().border() > 0
    assert table.format().width().rawValue() == 100  # wraps inside the page width
    struck = [fragment.text() for block in blocks(document) for fragment in _fragments(block)
              if fragment.charFormat().fontStrikeOut()]
    assert struck == ["not"]
    assert "A doctor stays with you." in text and "[^1]" not in text
    markers = {block.text(): block.blockFormat().marker() for block in blocks(document)}
    assert markers["Read this page"] == QTextBlockFormat.MarkerType.Checked
    assert markers["Ask a question"] == QTextBlockFormat.MarkerType.Unchecked
    assert "[x]" not in text and "[ ]" not in text


def _fragments(block: QTextBlock) -> list:  # type: ignore[type-arg]
    found, iterator = [], block.begin()
    while not iterator.atEnd():
        found.append(iterator.fragment())
        iterator += 1
    return found


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_wide_table_wraps_inside_the_page_at_the_largest_text(
    size: tuple[int, int], tmp_path: Path, make_window: WindowFactory
) -> None:
    content = case_folder("good-base", tmp_path)
    row = "| " + " | ".join(["Words that need more room than a narrow column has"] * 4) + " |"
    write_page(content / "en" / "broken.md",
               "| A | B | C | D |\n|---|---|---|---|\n" + row + "\n" + row + "\n")
    window = open_page(make_window, content, size=size)
    window.session.set_text_step(3)
    window.session.navigate("broken")
    view = window.page_screen.view
    assert view.horizontalScrollBar().maximum() == 0
    assert view.document().idealWidth() <= view.viewport().width()


def test_raw_html_stays_refused_and_comments_vanish_anywhere(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("good-base", tmp_path)
    write_page(content / "en" / "broken.md",
               "Before <!-- an inline note --> after.\n\n<!--\n<b>a note over\nthree lines</b>\n"
               "-->\n\n<b>Bold by HTML</b>\n")
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert "broken.md:13: raw HTML is not allowed (<b>)" in out
    assert ":9:" not in out  # the <b> inside the comment is never shown, never named
    text = open_page(make_window, content).page_screen.view.toPlainText()
    assert "Before  after." in text or "Before after." in text
    assert "note" not in text
    assert "<b>Bold by HTML</b>" in text  # shown as text, never as bold


def test_check_names_what_still_differs_from_github_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("github-differences", tmp_path)
    assert main(["check", str(content)]) == 0
    out = capsys.readouterr().out
    assert "en/broken.md:8: warning: GitHub's '> [!NOTE]' boxes" in out
    assert "en/broken.md:11: warning: a bare web address" in out
    assert "en/broken.md:13: warning: :notanemoji: is not an emoji short code" in out


def test_emoji_short_codes_show_the_emoji(tmp_path: Path, make_window: WindowFactory) -> None:
    content = case_folder("good-base", tmp_path)
    write_page(content / "en" / "broken.md", "Take your :pill: with water.\n")
    text = open_page(make_window, content).page_screen.view.toPlainText()
    assert "Take your 💊 with water." in text


def test_quoted_header_values_lose_their_quotes(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("quoted-header", tmp_path)
    assert main(["check", str(content)]) == 0
    assert "order must be a whole number" not in capsys.readouterr().out
    window = make_window(content=content)
    tiles = window.home_screen.grid.tiles
    assert [tile.title for tile in tiles][:2] == ["Second topic", "First topic"]  # '1', "2"
    assert tiles[1].summary == "A good page"


def test_the_example_page_for_editors_passes_check_and_shows_a_table_and_a_nested_list(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("good-base", tmp_path)
    example = Path(__file__).resolve().parents[2] / "docs" / "example-page.md"
    (content / "en" / "example-page.md").write_text(example.read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    (content / "en" / "how-it-works.md").write_text(  # the page its link points to
        (content / "en" / "second-topic.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(content)]) == 0
    out = capsys.readouterr().out
    about_it = [line for line in out.splitlines() if "example-page" in line]
    assert len(about_it) == 1 and "warning: not yet reviewed by the clinic" in about_it[0]
    document = open_page(make_window, content, "example-page").page_screen.view.document()
    assert list_depths(document)["And one more level"] == 3
    assert any(isinstance(frame, QTextTable) and frame.rows() == 4
               for frame in document.rootFrame().childFrames())
    assert "never shown" not in document.toPlainText()
