"""The language of a picture's words, and ``check``'s warning when a page shows another's.

A picture's words are in the language its SVG's root element declares (``xml:lang="sw"``
or ``lang="sw"`` on ``<svg>``); a picture that declares none is in the language of the
folder it sits in, when that folder is named for one of the content's languages
(``illustrations/sw/routes.svg``).  A page shows its own language's copy of a picture when
there is one (``images.localized_reference``); when the picture it ends up showing has
words in another language, or words in no stated language, ``check`` warns with the
page's file and line and says which copy to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from kiosk.content.images import (
    LANGUAGE_CODE,
    ImageFinder,
    is_inside_reference,
    language_variant,
    looks_like_image,
)
from kiosk.content.model import Page
from kiosk.content.problems import Problem, Severity

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INLINE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]+\]:[ \t]*<?([^\s>]+)>?")
_FENCE = ("```", "~~~")
LANGUAGE_NAMES = {"en": "English", "sw": "Kiswahili"}


@dataclass(frozen=True)
class PictureWords:
    """What a picture file says about its words.

    ``language`` is a language code (``sw``) or ``None`` when the file states none;
    ``has_words`` is whether an SVG has any ``<text>``; other pictures may, so ``None``.
    """

    language: str | None
    has_words: bool | None


def language_name(code: str) -> str:
    """``sw`` -> ``Kiswahili``; an unknown code is shown as it is."""
    return LANGUAGE_NAMES.get(code, code)


def svg_words(path: Path) -> PictureWords:
    """The language an SVG declares on its root and whether it has ``<text>``.

    A file that is not well-formed XML counts as stating nothing and having no words
    (whether it draws at all is checked elsewhere).
    """
    return _svg_words(path, *_stamp(path))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return 0, 0
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=256)
def _svg_words(path: Path, _mtime: int, _size: int) -> PictureWords:
    # Imported here: the kiosk reads its first pages before the first paint, and the XML
    # parser (about 3 ms with pyexpat) is needed only for pages that show an SVG.
    import xml.etree.ElementTree as ET

    language: str | None = None
    root_seen = False
    try:
        for _event, element in ET.iterparse(path, events=("start",)):
            if not root_seen:
                root_seen = True
                declared = element.get(_XML_LANG) or element.get("lang") or ""
                language = declared.split("-")[0].strip().lower() or None
            if element.tag.rpartition("}")[2] == "text":
                return PictureWords(language, True)
    except (ET.ParseError, OSError, ValueError):
        return PictureWords(None, False)
    return PictureWords(language, False)


@lru_cache(maxsize=16)
def _language_folders(content_root: Path) -> frozenset[str]:
    try:
        return frozenset(folder.name for folder in content_root.iterdir()
                         if folder.is_dir() and LANGUAGE_CODE.match(folder.name))
    except OSError:
        return frozenset()


def picture_words(path: Path, languages: frozenset[str]) -> PictureWords:
    """The language of a picture's words: its own statement, else its folder's language."""
    words = svg_words(path) if path.suffix.lower() == ".svg" else PictureWords(None, None)
    if words.language is None and path.parent.name in languages:
        return PictureWords(path.parent.name, words.has_words)
    return words


def page_language(page: Page, content_root: Path) -> str | None:
    """The language folder a page is in (``content/sw/safety.md`` -> ``sw``)."""
    top, parts = content_root.parts, page.source.parts
    if parts[: len(top)] != top or len(parts) < len(top) + 2:
        return None
    folder = parts[len(top)]
    return folder if LANGUAGE_CODE.match(folder) else None


def picture_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Each picture a page names, with its line in the file.

    Both ``![alt](ref)`` and ``[label]: ref`` definitions (a definition may be a link, so
    the caller keeps only those that are pictures).  Fenced code is skipped, as Markdown
    shows it as text.
    """
    in_code = False
    for offset, line in enumerate(page.body.splitlines()):
        if line.lstrip().startswith(_FENCE):
            in_code = not in_code
            continue
        if in_code:
            continue
        number = page.body_first_line + offset
        for match in _INLINE_IMAGE.finditer(line):
            yield number, match.group(1)
        definition = _REFERENCE.match(line)
        if definition is not None:
            yield number, definition.group(1)


def _default_copy(reference: str, languages: frozenset[str]) -> str:
    """``illustrations/sw/x.svg`` -> ``illustrations/x.svg``; other references unchanged."""
    path = PurePosixPath(reference)
    if path.parent.name in languages:
        return (path.parent.parent / path.name).as_posix()
    return reference


def wrong_language_pictures(page: Page, content_root: Path, images: ImageFinder) -> list[Problem]:
    """Warnings for each picture on ``page`` whose words are not in the page's language."""
    if "![" not in page.body and "]:" not in page.body:
        return []  # no picture and no reference definition: most pages, checked quickly
    language = page_language(page, content_root)
    if language is None:
        return []
    languages = _language_folders(content_root)
    problems: list[Problem] = []
    for line, reference in picture_lines(page):
        if not is_inside_reference(reference):
            continue  # a web address or a page link: reported, if at all, elsewhere
        copy = language_variant(_default_copy(reference, languages), language)
        shown, path = copy, images.locate(copy)
        if path is not None and not looks_like_image(path):
            problems.append(Problem(
                page.source, line, f"the {language_name(language)} copy '{copy}' is not a "
                f"valid picture, so the page shows '{reference}' instead", Severity.WARNING))
            path = None
        if path is None:
            shown, path = reference, images.locate(reference)
        if path is None:
            continue  # a missing picture is reported by the page checks
        words = picture_words(path, languages)
        if words.language is None and words.has_words:
            problems.append(Problem(
                page.source, line,
                f"picture '{shown}' has words but does not say which language they are in: "
                "add xml:lang=\"en\" to its <svg> element if they are in English (or the "
                f"code of their language); a {language_name(language)} copy goes at {copy}",
                Severity.WARNING))
        elif words.language is not None and words.language != language:
            problems.append(Problem(
                page.source, line,
                f"picture '{shown}' has its words in {language_name(words.language)} but "
                f"this page is in {language_name(language)}: add a "
                f"{language_name(language)} copy at {copy}", Severity.WARNING))
    return problems
