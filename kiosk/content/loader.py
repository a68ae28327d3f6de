"""Load a content folder into pages, checking everything ``tigoni-kiosk check`` reports.

The folder holds ``clinic.toml`` and one sub-folder per language (``en``, ``sw``), each
with one Markdown file per page; a section with sub-topics is a folder whose
``index.md`` is the section page.  Loading never raises on bad content: a page that
cannot be used is left out and every problem is returned with its file and line.

A page is also left out when showing it would stall the kiosk: Markdown's conversion and
Qt's layout both slow down much faster than a page grows, so size, links, list items,
nesting and word length are capped far above anything a real page needs (the largest
real page is about 1.5 KB, with 8 links, lists one level deep and no word over 20
letters).  Nothing outside the content folder is read, even through a symbolic link.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from kiosk.content import frontmatter
from kiosk.content.clinic import Clinic, load_clinic
from kiosk.content.links import LinkKind, classify, page_target
from kiosk.content.model import Library, Page
from kiosk.content.problems import Problem, Severity

log = logging.getLogger(__name__)

# Measured on a desktop PC: a 90 KB page of emphasis took 7 s to convert, 4,000 unmatched
# '[' 12 s, 9,000 nested list items 1 s, 1,000 list markers on one line crashed Markdown
# (too deep), and one 99,000-letter word took Qt 43 s to lay out.  Within these limits
# the slowest page found converts and shows in about 0.5 s.
MAX_PAGE_BYTES = 20_000
MAX_PAGE_LINES = 1_500
MAX_LINKS = 50
MAX_LIST_ITEMS = 1_000
MAX_NESTING = 10
MAX_WORD = 1_000
INDEX_NAME = "index"
_LANGUAGE_DIR = re.compile(r"^[a-z]{2,3}$")
_LINK = re.compile(
    r"(!?)\[([^\]]*)\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*>")
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]+\]:[ \t]*<?([^\s>]+)>?")
_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


@dataclass(frozen=True)
class ImageFinder:
    """Finds image files: first in the content folder, then in the assets folder."""

    folders: tuple[Path, ...]

    def find(self, reference: str) -> Path | None:
        """The image file a reference names, or ``None`` if there is none or it is no image.

        This is what the screens use: a file that is not really a picture is treated as
        missing, so the page shows the picture's alt text instead.
        """
        found = self.locate(reference)
        return found if found is not None and _looks_like_image(found) else None

    def locate(self, reference: str) -> Path | None:
        """The file a reference names, or ``None``; never leaves its folders."""
        if not is_inside_reference(reference):
            return None
        parts = PurePosixPath(reference).parts
        for folder in self.folders:
            candidate = folder.joinpath(*parts)
            if candidate.is_file() and _stays_inside(candidate, folder):
                return candidate
        return None

    def leads_outside(self, reference: str) -> bool:
        """Whether the reference names a symbolic link to a file outside its folder."""
        if not is_inside_reference(reference):
            return False
        parts = PurePosixPath(reference).parts
        for folder in self.folders:
            candidate = folder.joinpath(*parts)
            if candidate.is_file() and not _stays_inside(candidate, folder):
                return True
        return False


def is_inside_reference(reference: str) -> bool:
    """Whether an image reference is a plain relative path inside a folder.

    Refused: ``..``, a leading ``/``, a backslash and anything with a scheme (``http:``).
    """
    parts = PurePosixPath(reference).parts
    return bool(parts) and not reference.startswith("/") and ".." not in parts \
        and "\\" not in reference and ":" not in parts[0]


@lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    return folder.resolve()


def _stays_inside(path: Path, folder: Path) -> bool:
    """False when a symbolic link makes ``path`` point outside ``folder``."""
    if not path.is_symlink() and not any(parent.is_symlink() for parent in path.parents
                                         if parent.is_relative_to(folder)):
        return True
    try:
        return path.resolve().is_relative_to(_resolved(folder))
    except OSError:
        return False


@dataclass
class Content:
    """Everything the kiosk shows: clinic details and one library per language."""

    root: Path
    clinic: Clinic
    libraries: dict[str, Library] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    images: ImageFinder = field(default_factory=lambda: ImageFinder(()))

    @property
    def languages(self) -> list[str]:
        """Language codes with content, English first."""
        return sorted(self.libraries, key=lambda code: (code != "en", code))


def load_content(root: Path, assets: Path | None = None) -> Content:
    """Load and validate a whole content folder."""
    clinic, problems = load_clinic(root)
    images = ImageFinder(tuple(folder for folder in (root, assets) if folder is not None))
    content = Content(root=root, clinic=clinic, problems=problems, images=images)
    icons = assets / "icons" if assets is not None else None
    if not root.is_dir():
        content.problems.append(Problem(root, None, "content folder does not exist"))
        return content
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and _LANGUAGE_DIR.match(folder.name):
            if not _stays_inside(folder, root):
                content.problems.append(
                    Problem(folder, None, "language folder is a link to a folder outside the "
                                          "content folder, so it is left out"))
                continue
            library, found = load_library(folder, images, icons)
            content.libraries[folder.name] = library
            content.problems.extend(found)
    if "en" not in content.libraries:
        content.problems.append(Problem(root / "en", None, "there is no English content"))
    return content


def load_library(
    folder: Path, images: ImageFinder, icons: Path | None = None
) -> tuple[Library, list[Problem]]:
    """Load every page of one language folder."""
    library = Library(language=folder.name, root=folder)
    problems: list[Problem] = []
    links: list[tuple[Page, int, str]] = []
    content_root = folder.parent
    for path in sorted(folder.rglob("*.md")):
        page_id = _page_id(folder, path)
        if not _stays_inside(path, content_root):
            problems.append(Problem(path, None, "page is a link to a file outside the content "
                                                "folder, so it is left out"))
            continue
        page, page_problems = _load_page(path, page_id)
        problems.extend(page_problems)
        if page is None:
            continue
        if page_id in library.pages:
            other = _shown_path(library.pages[page_id].source, content_root)
            problems.append(
                Problem(path, None, f"two pages have the same id '{page_id}' (also {other}), "
                                    "so this one is left out")
            )
            continue
        library.pages[page_id] = page
        problems.extend(_check_icon(page, icons))
        problems.extend(_check_body(page, images, links))
    for page, line, href in links:
        target = page_target(href)
        if target not in library.pages:
            problems.append(
                Problem(page.source, line, f"link to a page that does not exist: '{href}'")
            )
    return library, problems


def _shown_path(path: Path, root: Path) -> str:
    """``path`` as the content editor sees it: relative to the content folder."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _page_id(folder: Path, path: Path) -> str:
    relative = path.relative_to(folder).with_suffix("")
    parts = list(relative.parts)
    if parts[-1].lower() == INDEX_NAME and len(parts) > 1:
        parts.pop()
    return "/".join(parts).lower()


def _read_text(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        return None, [Problem(path, None, f"file cannot be read: {error.strerror}")]
    if len(data) > MAX_PAGE_BYTES:
        try:
            size = path.stat().st_size
        except OSError:
            size = len(data)
        message = (
            f"page is too large ({_size_words(size)}; the limit is "
            f"{_size_words(MAX_PAGE_BYTES)}), so it is left out; split it into smaller pages"
        )
        return None, [Problem(path, None, message)]
    if not data.strip():
        return None, [Problem(path, None, "file is empty")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, None, "file is saved as UTF-16 text; save it as UTF-8")]
    if b"\x00" in data:
        return None, [Problem(path, None, "file is not text (it looks like a binary file)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "file is not UTF-8 text; save it as UTF-8")]
    if text.count("\n") > MAX_PAGE_LINES:
        message = f"page is too long (over {MAX_PAGE_LINES} lines), so it is left out"
        return None, [Problem(path, None, message)]
    return text.lstrip("\ufeff"), []


def _size_words(size: int) -> str:
    """``5_242_880`` -> ``5.2 MB``; ``40_000`` -> ``40 KB`` (rounded up)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{-(-size // 1000)} KB"


def _too_slow_to_show(path: Path, text: str) -> Problem | None:
    """The first thing that would stall the screen for seconds when the page is shown."""
    links = items = 0
    for number, line in enumerate(text.splitlines(), start=1):
        word = _LONG_WORD.search(_LINK_TARGET.sub("]", line))
        if word is not None:
            return Problem(path, number, f"a word is {len(word.group(0)):,} characters long "
                                         f"with no space (the limit is {MAX_WORD:,}), so the "
                                         "page is left out")
        depth, markers = _nesting(line)
        if depth > MAX_NESTING:
            return Problem(path, number, f"lists or quotes are nested {depth:,} levels deep "
                                         f"(the limit is {MAX_NESTING}), so the page is left out")
        items += markers
        if items > MAX_LIST_ITEMS:
            return Problem(path, number, f"page has more than {MAX_LIST_ITEMS:,} list items "
                                         "and quotes, so it is left out; split it into smaller "
                                         "pages")
        links += line.count("[")
        if links > MAX_LINKS:
            return Problem(path, number, f"page has more than {MAX_LINKS} links and pictures "
                                         "('[' signs), so it is left out; split it into "
                                         "smaller pages")
    return None


def _nesting(line: str) -> tuple[int, int]:
    """A line's nesting depth and the list items and quotes it starts.

    The depth is its markers (``>``, ``-``, ``1.``...) plus its indent in steps of 4.
    """
    expanded = line.expandtabs(4)
    if _RULE.match(expanded):
        return 0, 0
    markers, position = 0, 0
    while (marker := _CONTAINER_MARKER.match(expanded, position)) is not None:
        markers += 1
        position = marker.end()
    if markers == 0:
        return 0, 0
    return markers + (len(expanded) - len(expanded.lstrip(" "))) // 4, markers


def _load_page(path: Path, page_id: str) -> tuple[Page | None, list[Problem]]:
    text, problems = _read_text(path)
    if text is None:
        return None, problems
    too_slow = _too_slow_to_show(path, text)
    if too_slow is not None:
        return None, [too_slow]
    header = frontmatter.parse(text)
    problems.extend(Problem(path, line, message) for line, message in header.problems)
    values = header.values
    title = values.get("title", "")
    if not title:
        line = header.lines.get("title", 1)
        problems.append(Problem(path, line, "page has no title (add 'title: ...' to the header)"))
        return None, problems
    if not header.body.strip():
        problems.append(Problem(path, header.body_first_line, "page has no text"))
        return None, problems
    order = 1000
    if "order" in values:
        try:
            order = int(values["order"])
        except ValueError:
            problems.append(
                Problem(path, header.lines["order"], f"order must be a whole number, "
                        f"not {values['order']!r}")
            )
    page = Page(
        id=page_id,
        title=title,
        body=header.body,
        source=path,
        body_first_line=header.body_first_line,
        order=order,
        summary=values.get("summary", ""),
        icon=values.get("icon", ""),
        help_box=values.get("help_box", "").lower() in {"yes", "true"},
        reviewed_on=values.get("reviewed_on", ""),
        reviewed_by=values.get("reviewed_by", ""),
        translation_review=values.get("translation_review", ""),
    )
    if not page.reviewed_on or not page.reviewed_by:
        problems.append(
            Problem(path, None, "not yet reviewed by the clinic (reviewed_on, reviewed_by)",
                    Severity.WARNING)
        )
    return page, problems


def _check_icon(page: Page, icons: Path | None) -> list[Problem]:
    if not page.icon or icons is None:
        return []
    if re.fullmatch(r"[a-z0-9-]+", page.icon) and (icons / f"{page.icon}.svg").is_file():
        return []
    return [Problem(page.source, None, f"icon '{page.icon}' does not exist in assets/icons")]


def _body_lines(page: Page) -> Iterable[tuple[int, str]]:
    in_code = False
    for offset, line in enumerate(page.body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code:
            yield page.body_first_line + offset, line


def _check_body(
    page: Page, images: ImageFinder, links: list[tuple[Page, int, str]]
) -> list[Problem]:
    problems: list[Problem] = []
    for line_number, line in _body_lines(page):
        for match in _RAW_HTML.finditer(line):
            problems.append(
                Problem(page.source, line_number,
                        f"raw HTML is not allowed ({match.group(0)[:40]}); it is shown as text")
            )
        for match in _LINK.finditer(line):
            is_image, label, href = match.group(1) == "!", match.group(2), match.group(3)
            if is_image:
                problems.extend(_check_image(page, line_number, label, href, images))
                continue
            kind = classify(href)
            if kind is LinkKind.PAGE:
                links.append((page, line_number, href))
            elif kind is LinkKind.REFUSED:
                problems.append(
                    Problem(page.source, line_number,
                            f"link '{href[:60]}' is not allowed: use page:ID or an https:// "
                            "address; it will do nothing when tapped")
                )
        definition = _REFERENCE.match(line)
        if definition is not None:
            problems.extend(_check_reference(page, line_number, definition.group(1), images,
                                             links))
    return problems


def _check_reference(
    page: Page, line: int, href: str, images: ImageFinder, links: list[tuple[Page, int, str]]
) -> list[Problem]:
    """Check a reference definition, ``[label]: target``.

    ``[text][label]`` links and ``![alt][label]`` pictures both use it, so its target may
    be a page, a web address or a picture file; anything else is refused, as inline.
    """
    kind = classify(href)
    if kind is LinkKind.PAGE:
        links.append((page, line, href))
    elif kind is LinkKind.REFUSED and not is_inside_reference(href):
        return [Problem(page.source, line,
                        f"link '{href[:60]}' is not allowed: use page:ID, an https:// address "
                        "or a picture in the content folder; it will do nothing")]
    elif kind is LinkKind.REFUSED and images.locate(href) is None:
        return [Problem(page.source, line, f"image '{href}' does not exist")]
    return []


def _check_image(
    page: Page, line: int, alt: str, reference: str, images: ImageFinder
) -> list[Problem]:
    problems: list[Problem] = []
    if not alt.strip():
        problems.append(Problem(page.source, line, f"image '{reference}' has no alt text"))
    if not is_inside_reference(reference):
        problems.append(Problem(page.source, line, f"image '{reference[:60]}' is not allowed: "
                                                   "pictures must be files in the content "
                                                   "folder, named without '..', '/' at the "
                                                   "start or a web address"))
        return problems
    found = images.locate(reference)
    if found is None and images.leads_outside(reference):
        problems.append(Problem(page.source, line, f"image '{reference}' is a link to a file "
                                                   "outside the content folder, so it is not "
                                                   "shown"))
    elif found is None:
        problems.append(Problem(page.source, line, f"image '{reference}' does not exist"))
    elif not _looks_like_image(found):
        problems.append(Problem(page.source, line, f"image '{reference}' is not a valid image"))
    return problems


def _looks_like_image(path: Path) -> bool:
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    if suffix == ".svg":
        return b"<svg" in head or b"<?xml" in head
    signatures = _IMAGE_SIGNATURES.get(suffix)
    return signatures is not None and head.startswith(signatures)
