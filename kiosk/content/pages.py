"""Reading one page and checking everything ``tigoni-kiosk check`` reports about it.

A page is left out when it is not readable text or is over one of ``limits``' caps
(showing it would stall the kiosk).  ``PageReader`` applies all of it, with the header,
link, picture, icon and glyph checks, to each page it reads, whether the whole content
is loaded at once (``check``) or a section at a time (the running kiosk).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content import frontmatter
from kiosk.content.files import nfc
from kiosk.content.gfm_check import differences, drop_comments
from kiosk.content.glyphs import missing_by_line
from kiosk.content.images import ImageFinder, is_inside_reference, looks_like_image, stays_inside
from kiosk.content.limits import read_text, too_slow_to_show
from kiosk.content.links import LinkKind, classify, page_target
from kiosk.content.model import Page
from kiosk.content.picture_language import wrong_language_pictures
from kiosk.content.pictures import decode_problem
from kiosk.content.problems import Problem, Severity

INDEX_NAME = "index"

_LINK = re.compile(
    r"(!?)\[([^\]]*)\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*>")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\[\]]+\]:[ \t]*<?([^\s>]+)>?")  # not [^1]: notes


def _shown_path(path: Path, root: Path) -> str:
    """``path`` as the content editor sees it: relative to the content folder."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def page_id(folder: Path, path: Path) -> str:
    """The id of the page in ``path``: ``conditions/index.md`` -> ``conditions``."""
    relative = path.relative_to(folder).with_suffix("")
    parts = list(relative.parts)
    if parts[-1].lower() == INDEX_NAME and len(parts) > 1:
        parts.pop()
    return nfc("/".join(parts).lower())


def _load_page(path: Path, page_id: str) -> tuple[Page | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    too_slow = too_slow_to_show(path, text)
    if too_slow is not None:
        return None, [too_slow]
    header = frontmatter.parse(text)
    problems.extend(Problem(path, line, message) for line, message in header.problems)
    shown_lines = enumerate(drop_comments(text).splitlines(), start=1)
    problems.extend(Problem(path, line, message) for line, message in missing_by_line(shown_lines))
    values = header.values
    order = 1000
    if "order" in values:
        try:
            order = int(values["order"])
        except ValueError:
            problems.append(
                Problem(path, header.lines["order"], f"order must be a whole number, "
                        f"not {values['order']!r}")
            )
    title = values.get("title", "")
    if not title:
        line = header.lines.get("title", 1)
        if not any(number == 1 for number, _message in header.problems):  # said already
            problems.append(Problem(path, line,
                                    "page has no title (add 'title: ...' to the header)"))
        # Not shown, but the rest is still checked: every problem is reported at once.
        return Page(id=page_id, title="", body=header.body, source=path,
                    body_first_line=header.body_first_line,
                    icon=nfc(values.get("icon", ""))), problems
    if not header.body.strip():
        problems.append(Problem(path, header.body_first_line, "page has no text"))
        return None, problems
    page = Page(
        id=page_id,
        title=title,
        body=header.body,
        source=path,
        body_first_line=header.body_first_line,
        order=order,
        summary=values.get("summary", ""),
        icon=nfc(values.get("icon", "")),
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
    """The body's lines outside code blocks, HTML comments blanked, with line numbers."""
    in_code = False
    for offset, line in enumerate(drop_comments(page.body).splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code:
            yield page.body_first_line + offset, line


def _check_body(
    page: Page, images: ImageFinder, links: list[tuple[Page, int, str]], decode: bool = True
) -> list[Problem]:
    problems = [Problem(page.source, line, f"{what} (differs from a GitHub preview)",
                        Severity.WARNING) for line, what in differences(_body_lines(page))]
    for line_number, line in _body_lines(page):
        for match in _RAW_HTML.finditer(line):
            problems.append(
                Problem(page.source, line_number,
                        f"raw HTML is not allowed ({match.group(0)[:40]}); it is shown as text")
            )
        for match in _LINK.finditer(line):
            is_image, label, href = match.group(1) == "!", match.group(2), match.group(3)
            if is_image:
                problems.extend(_check_image(page, line_number, label, href, images, decode))
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
    page: Page, line: int, alt: str, reference: str, images: ImageFinder, decode: bool = True
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
    elif not looks_like_image(found):
        problems.append(Problem(page.source, line, f"image '{reference}' is not a valid image"))
    elif decode and (why := decode_problem(found)) is not None:
        problems.append(Problem(page.source, line, f"image '{reference}' {why}; its alt text "
                                                   "is shown instead"))
    return problems


Link = tuple[Page, int, str]
"""A ``page:`` link: the page it is on, its line and its target as written."""


@dataclass
class PageReader:
    """Reads the pages of one language into ``pages``, with the problems each has.

    The first good page read for an id is kept; a later one with the same id is left out.
    Links to other pages are collected in ``links``: whether their target exists can only
    be told once the target's section has been read.  ``decode_pictures``: decode each
    picture as ``check`` does (about 15 ms a drawing); the running kiosk leaves it to the
    page view, which shows a framed alt text for a picture it cannot decode.
    """

    content_root: Path
    images: ImageFinder
    icons: Path | None = None
    pages: dict[str, Page] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    decode_pictures: bool = True
    left_out: dict[str, str] = field(default_factory=dict)  # id: file a broken header hides

    def read(self, path: Path, page_id: str) -> list[Problem]:
        """Read and check the page in ``path``, keeping it if it can be shown."""
        if not stays_inside(path, self.content_root):
            return [Problem(path, None, "page is a link to a file outside the content "
                                        "folder, so it is left out")]
        page, problems = _load_page(path, page_id)
        if page is None:
            return problems
        if not page.title:  # a broken header: left out, but its other problems are named
            self.left_out.setdefault(page_id, _shown_path(path, self.content_root))
            problems.extend(_check_icon(page, self.icons))
            problems.extend(_check_body(page, self.images, self.links, self.decode_pictures))
            return problems
        if page_id in self.pages:
            other = _shown_path(self.pages[page_id].source, self.content_root)
            problems.append(
                Problem(path, None, f"two pages have the same id '{page_id}' (also {other}), "
                                    "so this one is left out")
            )
            return problems
        self.pages[page_id] = page
        problems.extend(_check_icon(page, self.icons))
        problems.extend(_check_body(page, self.images, self.links, self.decode_pictures))
        problems.extend(wrong_language_pictures(page, self.content_root, self.images))
        return problems


def broken_link(link: Link, pages: dict[str, Page],
                left_out: dict[str, str] | None = None) -> Problem | None:
    """The problem with a ``page:`` link whose target is not among ``pages``.

    ``left_out``: pages that exist but are not shown (``PageReader.left_out``); a link to
    one names the file to fix rather than calling the page missing.
    """
    page, line, href = link
    target = page_target(href)
    if target in pages:
        return None
    hidden = (left_out or {}).get(target)
    if hidden is not None:
        return Problem(page.source, line, f"link to '{href}', a page that is not shown "
                                          f"until the problems in {hidden} are fixed")
    return Problem(page.source, line, f"link to a page that does not exist: '{href}'")
