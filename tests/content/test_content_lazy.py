"""The running kiosk reads a section's pages when first shown, or in idle moments after its
first paint (issue #8), with the answers and the checks of loading everything at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.app import Options, build_window
from kiosk.cli import main
from kiosk.content.lazy import LazyLibrary, open_content
from kiosk.content.loader import Content, load_content
from kiosk.content.problems import errors
from kiosk.content.source import UPDATED_CONTENT_DIR, ContentOrigin, choose_content
from kiosk.ui.main_window import MainWindow
from kiosk.ui.panels.staff_panel import content_status
from tests.benchmarks.content import multiply_content
from tests.helpers import WindowFactory, tap, tile_titled, visible_tiles

CONDITIONS = "Conditions being studied"
TOO_LONG_WORD = "x" * 2_000


def page(title: str, body: str = "Some text.", extra: str = "") -> str:
    return (f"---\ntitle: {title}\nreviewed_on: 2024-05-01\nreviewed_by: Dr A\n{extra}---\n"
            f"{body}\n")


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def lazy(content: Content, code: str) -> LazyLibrary:
    library = content.libraries[code]
    assert isinstance(library, LazyLibrary)
    return library


def lazy_english(content: Content) -> LazyLibrary:
    return lazy(content, "en")


@pytest.fixture
def odd_content(content_copy: Path) -> Path:
    """The bundled content plus every folder shape that decides where a page belongs."""
    en = content_copy / "en"
    write(en, "loose/alpha.md", page("Alpha", "[beta](page:loose/beta) [gone](page:nowhere/x)"))
    write(en, "loose/beta.md", page("Beta"))  # no index.md: both are home tiles
    write(en, "conditions/extra/deeper/gamma.md", page("Gamma", "[x](page:conditions/none)"))
    write(en, "conditions/extra/delta.md", page("Delta", extra="order: 1\n"))
    write(en, "bad/index.md", "no header\n")  # left out, so its pages move up
    write(en, "bad/inner.md", page("Inner"))
    write(en, "bad/sub/index.md", page("Sub"))
    write(en, "bad/sub/leaf.md", page("Leaf"))
    write(en, "Case/one.md", page("One (upper-case folder)"))
    write(en, "case/one.md", page("One (lower-case folder)"))
    write(en, "case.md", page("Case file"))
    write(en, "case/index.md", page("Case index"))
    write(en, "ties/index.md", page("Ties"))
    for name in ("x", "y", "z"):
        write(en, f"ties/{name}.md", page("Same"))
    write(en, "conditions/broken.md", page("Broken", TOO_LONG_WORD))
    (en / "linked.md").symlink_to(en / "safety.md")
    return content_copy


def test_lazy_answers_match_loading_everything(odd_content: Path) -> None:
    assets = resources.assets_dir()
    eager = load_content(odd_content, assets)
    for code, library in eager.libraries.items():
        asked: list[str | None] = [None, *library.pages, "loose", "bad", "nowhere", "Case"]
        for page_id in asked:
            fresh = open_content(odd_content, assets).libraries[code]
            assert [p.id for p in fresh.children(page_id)] == \
                [p.id for p in library.children(page_id)], page_id
            if page_id is not None:
                assert open_content(odd_content, assets).libraries[code].get(page_id) == \
                    library.get(page_id)
        fresh = open_content(odd_content, assets).libraries[code]
        assert fresh.sections() == library.sections()
        assert fresh.home == library.home
        assert list(fresh.pages.items()) == list(library.pages.items())
    lazy = open_content(odd_content, assets)
    for library in lazy.libraries.values():
        assert len(library.pages) > 0
    assert sorted(p.format() for p in lazy.problems) == \
        sorted(p.format() for p in eager.problems)
    bit_by_bit = open_content(odd_content, assets)
    for code, library in bit_by_bit.libraries.items():
        steps = 0
        while library.read_some():
            steps += 1
        assert steps > 1, "a section at a time"
        assert list(library.pages.items()) == list(eager.libraries[code].pages.items())
    assert sorted(p.format() for p in bit_by_bit.problems) == \
        sorted(p.format() for p in eager.problems)


def unshown_window(qtbot: QtBot, data_dir: Path, content: Path | None = None) -> MainWindow:
    """A kiosk window built as at start-up, before its first paint."""
    window, _choice = build_window(Options(data_dir=data_dir, content_dir=content))
    qtbot.add_widget(window, before_close_func=lambda w: w.shutdown())
    return window


def test_start_reads_only_the_top_level_and_a_section_on_first_visit(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = unshown_window(qtbot, data_dir)
    english = lazy_english(window.content)
    assert english.loaded_sections == {None}
    assert not english.complete
    window.session.navigate("conditions")
    assert "conditions" in english.loaded_sections
    assert "how-it-is-given" not in english.loaded_sections
    assert [p.id for p in english.children("conditions")] == [
        p.id for p in load_content(resources.bundled_content_dir()).libraries["en"]
        .children("conditions")]


def test_after_the_first_paint_the_rest_is_read_in_idle_moments(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    english = lazy_english(window.content)
    qtbot.wait_until(lambda: english.complete)
    qtbot.wait_until(lambda: lazy(window.content, "sw").complete)
    eager = load_content(resources.bundled_content_dir())
    assert list(english.pages) == list(eager.libraries["en"].pages)
    tap(qtbot, tile_titled(window, CONDITIONS))
    assert window.session.current_screen == "conditions", "reading in the background never blocks"


def test_bad_page_deep_in_a_section_is_reported_soon_after_start(
    qtbot: QtBot, data_dir: Path, content_copy: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    write(content_copy / "en", "how-it-is-given/deep/broken.md", page("Broken", TOO_LONG_WORD))
    window = unshown_window(qtbot, data_dir, content_copy)
    assert errors(window.content.problems) == [], "nothing below the top level is read yet"
    with caplog.at_level(logging.WARNING, logger="kiosk.content.lazy"):
        window.present()
        qtbot.wait_until(lambda: lazy_english(window.content).complete)
    found = [p.format() for p in errors(window.content.problems)]
    assert len(found) == 1
    assert "how-it-is-given/deep/broken.md:6: a word is 2,000 characters long" in found[0]
    assert "is left out" in found[0]
    assert any("how-it-is-given/deep/broken.md" in record.getMessage()
               for record in caplog.records)
    assert "1 mistake in the content" in content_status(window.choice, None)
    shown = [child.id for child in window.library.children("how-it-is-given")]
    assert "how-it-is-given/deep/broken" not in shown
    assert "how-it-is-given/nasal-spray" in shown


def test_the_staff_line_counts_every_problem_at_once(
    qtbot: QtBot, data_dir: Path, content_copy: Path
) -> None:
    write(content_copy / "en", "how-it-is-given/deep/broken.md", page("Broken", TOO_LONG_WORD))
    window = unshown_window(qtbot, data_dir, content_copy)
    assert content_status(window.choice, None).startswith(
        "Showing the content from the folder given at start. 1 mistake in the content")


def test_a_bad_page_is_left_out_when_its_section_is_opened_first(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    write(content_copy / "en", "conditions/broken.md", page("Broken", TOO_LONG_WORD))
    window = make_window(content=content_copy)
    tap(qtbot, tile_titled(window, CONDITIONS))
    assert window.session.current_screen == "conditions"
    titles = [tile.title for tile in window.page_screen.subtopics.tiles]
    assert "Broken" not in titles and "Depression" in titles
    assert any("conditions/broken.md" in p.format() for p in errors(window.content.problems))


def test_hundred_times_the_pages_start_with_the_same_home_tiles(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    bigger = multiply_content(resources.bundled_content_dir(), tmp_path / "big", 100)
    window = unshown_window(qtbot, data_dir, bigger)
    assert lazy_english(window.content).loaded_sections == {None}
    window.present()
    qtbot.wait_exposed(window)
    titles = [tile.title for tile in visible_tiles(window)]
    assert titles == [p.title for p in load_content(resources.bundled_content_dir())
                      .libraries["en"].sections()]


def test_updated_content_is_still_checked_whole_before_it_is_shown(
    data_dir: Path, content_copy: Path
) -> None:
    write(content_copy / "en", "conditions/broken.md", page("Broken", TOO_LONG_WORD))
    content_copy.rename(data_dir / UPDATED_CONTENT_DIR)
    choice = choose_content(None, data_dir, lazy=True)
    assert choice.origin is ContentOrigin.BUNDLED
    assert any("conditions/broken.md" in p.format() for p in choice.rejected_update)


def test_check_and_self_test_read_every_page(
    capsys: pytest.CaptureFixture[str], data_dir: Path, content_copy: Path
) -> None:
    write(content_copy / "en", "how-it-is-given/deep/broken.md", page("Broken", TOO_LONG_WORD))
    assert main(["check", "--content", str(content_copy)]) == 1
    assert "how-it-is-given/deep/broken.md:6" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "self-test", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "how-it-is-given/deep/broken.md:6" in out


def test_window_library_is_lazy(window: MainWindow) -> None:
    assert isinstance(window.library, LazyLibrary)
