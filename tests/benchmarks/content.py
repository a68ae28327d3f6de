"""Bigger content for the content-scaling figure: the bundled pages copied N times.

Copy ``k`` (2..N) of every page of a language goes under that language's first section
folder (``conditions/copy-k/...``), with its ``page:`` links pointed at the copy, so
every link stays valid and the home screen keeps exactly the same tiles: only the number
of pages grows.  Nothing here imports Qt.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from kiosk import resources
from kiosk.content.loader import load_content
from kiosk.content.problems import errors

_PAGE_LINK = re.compile(r"(\]\(\s*<?)page:/*")


def _section_folder(language: Path) -> Path:
    """The first sub-folder with an ``index.md`` (a section), or the language folder."""
    for folder in sorted(path for path in language.iterdir() if path.is_dir()):
        if (folder / "index.md").is_file():
            return folder
    return language


def multiply_content(source: Path, target: Path, times: int) -> Path:
    """Write ``source`` to ``target`` with every page present ``times`` times."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    languages = [path for path in sorted(target.iterdir())
                 if path.is_dir() and re.fullmatch(r"[a-z]{2,3}", path.name)]
    for language in languages:
        pages = sorted(language.rglob("*.md"))
        section = _section_folder(language)
        section_id = section.relative_to(language).as_posix()
        for copy in range(2, times + 1):
            folder = f"copy-{copy}"
            prefix = f"{section_id}/{folder}" if section_id != "." else folder
            for page in pages:
                relative = page.relative_to(language)
                destination = section / folder / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                text = page.read_text(encoding="utf-8")
                text = _PAGE_LINK.sub(rf"\g<1>page:{prefix}/", text)
                destination.write_text(text, encoding="utf-8")
    return target


def page_count_and_errors(root: Path) -> tuple[int, int]:
    """How many pages the kiosk would load from ``root``, and how many errors it has."""
    content = load_content(root, resources.assets_dir())
    pages = sum(len(library.pages) for library in content.libraries.values())
    return pages, len(errors(content.problems))
