"""Which files are pages: one rule for ``check``, the start-up loader and the lazy loader.

Files copied from a Mac or Windows, or left by an editor, are never pages; a page's
ending is matched in any case; files that look like pages but are not loaded are named
in a warning.  What the patient sees is the home screen's tiles.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.lazy import open_content
from kiosk.content.loader import load_content
from tests.content.corpus import case_folder, write_page
from tests.helpers import WindowFactory

NEVER_PUBLISHED = ("Draft never published", "Backup never published",
                   "Mac zip copy never published", "Trashed never published")


def _side_files(content: Path) -> None:
    """What a Mac and Windows add: binary AppleDouble files beside each page."""
    for page in ("first-topic.md", "home.md"):
        (content / "en" / f"._{page}").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X"
                                                   + bytes(range(256)) * 10)
    (content / "en" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(64))
    (content / "en" / "first-topic.md.swp").write_bytes(b"b0VIM 9.0\x00" + bytes(100))
    # Emacs's lock is a symbolic link to nowhere; LibreOffice's a hidden file.
    (content / "en" / ".#home.md").symlink_to("editor@clinic-pc.4242:1700000000")
    (content / "en" / ".~lock.second-topic.md#").write_text("editor,clinic-pc\n")


def test_side_files_and_leftovers_are_never_pages(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("hidden-and-side-files", tmp_path)
    _side_files(content)
    assert main(["check", str(content)]) == 0
    out = capsys.readouterr().out
    assert "not text" not in out and "._" not in out and "never published" not in out
    for loaded in (load_content(content), open_content(content)):
        pages = loaded.libraries["en"].pages
        assert sorted(pages) == ["contact", "first-topic", "home", "second-topic"]
    window = make_window(content=content)
    tiles = [tile.title for tile in window.home_screen.grid.tiles]
    assert tiles == ["First topic", "Second topic", "Contact us"]
    assert not set(NEVER_PUBLISHED) & set(tiles)


def test_any_case_ending_is_a_page_and_look_alikes_are_named(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content = case_folder("look-alike-names", tmp_path)
    assert main(["check", str(content)]) == 0
    out = capsys.readouterr().out
    for name in ("notes.markdown", "visit.md.txt", "readme.txt", "leaflet.docx"):
        assert f"en/{name}: warning: not loaded as a page" in out, out
    eager, lazy = load_content(content), open_content(content)
    lazy.libraries["en"].read_all()
    assert sorted(p.format() for p in lazy.problems) == sorted(p.format() for p in eager.problems)
    window = make_window(content=content)
    titles = [tile.title for tile in window.home_screen.grid.tiles]
    assert "Side effects in capitals" in titles
    assert not {"Markdown ending", "Notepad ending"} & set(titles)
    window.session.navigate("side-effects")
    assert "Loaded although its ending" in window.page_screen.view.toPlainText()


def test_names_saved_on_a_mac_link_like_names_typed_on_windows(
    tmp_path: Path, make_window: WindowFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """macOS may save "é" as "e" and a combining accent (NFD); links type it as one."""
    content = case_folder("good-base", tmp_path)
    decomposed = unicodedata.normalize("NFD", "café")
    write_page(content / "en" / f"{decomposed}.md", "The clinic's café.\n",
               title="Café", extra="order: 5\n")
    picture = content / "illustrations" / f"{decomposed}.svg"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                       '<rect width="10" height="10" fill="#0B5D5B"/></svg>', encoding="utf-8")
    write_page(content / "en" / "broken.md",
               "Visit the [café](page:café).\n\n![A cup of tea](illustrations/café.svg)\n",
               title="Links typed on Windows")
    assert main(["check", str(content)]) == 0, capsys.readouterr().out
    window = make_window(content=content)
    window.session.navigate("broken")
    rendered = window.renderer.render(window.library.pages["broken"], "en")
    assert rendered.images == ("illustrations/café.svg",)
    assert "A cup of tea" not in window.page_screen.view.toPlainText()  # the picture shows
    window.page_screen.view.page_link_activated.emit("café")
    assert window.session.current_screen == unicodedata.normalize("NFC", "café")
    assert window.page_screen.title.text() == "Café"
