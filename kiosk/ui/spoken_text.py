"""What read-aloud says for a screen: the words a patient sees, as a list of utterances.

It walks the blocks of the ``QTextDocument`` the page view shows (built from
``kiosk.content.render``), so what is spoken follows what is rendered: the crisis help box,
headings, paragraphs and list items, in order.  Each heading, list item and paragraph is
its own utterance ending in sentence punctuation, so the engine pauses between them
instead of running a heading into the next line.

Left out, because they are for reading, not for listening: the Sources section (a heading
whose section is only a list of web links, or a heading named like "Sources"), everything
after it, and the footer (a closing paragraph set wholly in italics, the "This is general
information" line).  Pictures are skipped; their words are in the text around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextDocument

# Headings that open a page's list of references, in the content's languages.
SOURCES_HEADINGS = frozenset({"sources", "source", "references", "vyanzo", "chanzo",
                              "marejeo"})
_SENTENCE_END = (".", "!", "?", ":", ";", "…")
_INVISIBLE = re.compile("[\ufffc\u00ad\u200b]")  # pictures, soft hyphens, zero-width spaces
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Spoken:
    """What to read for one screen: its language code (``en``, ``sw``) and utterances."""

    language: str
    utterances: tuple[str, ...]

    @property
    def text(self) -> str:
        """All utterances as one text, one per line (for logs and tests)."""
        return "\n".join(self.utterances)


def as_utterance(text: str) -> str:
    """``text`` tidied to one line and ending as a sentence ("" if it has no words)."""
    text = _SPACES.sub(" ", _INVISIBLE.sub(" ", text)).strip()
    if not any(character.isalnum() for character in text):
        return ""
    return text if text.endswith(_SENTENCE_END) else f"{text}."


def page_utterances(title: str, document: QTextDocument) -> list[str]:
    """The title, then each block of ``document`` up to its Sources section and footer."""
    blocks = _blocks(document)
    end = len(blocks)
    for index, block in enumerate(blocks):
        if _is_heading(block) and _opens_sources(block, blocks[index + 1:]):
            end = index
            break
    while end > 0 and _is_footer(blocks[end - 1]):
        end -= 1
    said = [as_utterance(title)] + [as_utterance(block.text()) for block in blocks[:end]]
    return [utterance for utterance in said if utterance]


def text_utterances(*texts: str) -> list[str]:
    """Plain texts (e.g. the home screen's welcome), one utterance per paragraph."""
    said = [as_utterance(part) for text in texts for part in text.split("\n\n")]
    return [utterance for utterance in said if utterance]


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    """Every block with words, in reading order (table cells included)."""
    found = []
    block = document.begin()
    while block.isValid():
        if as_utterance(block.text()):
            found.append(block)
        block = block.next()
    return found


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def _opens_sources(heading: QTextBlock, following: list[QTextBlock]) -> bool:
    """A heading named like "Sources", or one whose section is only web links."""
    name = as_utterance(heading.text()).rstrip(".:").strip().casefold()
    if name in SOURCES_HEADINGS:
        return True
    section = []
    for block in following:
        if _is_heading(block):
            break
        section.append(block)
    items = [block for block in section if not _is_footer(block)]
    return bool(items) and all(_only_web_links(block) for block in items)


def _fragments(block: QTextBlock) -> list[tuple[str, str, bool]]:
    """(text, link target, italic) for each run of equally formatted text in ``block``."""
    runs = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            char_format = fragment.charFormat()
            runs.append((fragment.text(), char_format.anchorHref(), char_format.fontItalic()))
        iterator += 1
    return runs


def _only_web_links(block: QTextBlock) -> bool:
    worded = [run for run in _fragments(block) if as_utterance(run[0])]
    return bool(worded) and all(href.startswith(("http://", "https://"))
                                for _text, href, _italic in worded)


def _is_footer(block: QTextBlock) -> bool:
    """A paragraph set wholly in italics (the page's closing note), never a heading."""
    if _is_heading(block) or block.textList() is not None:
        return False
    worded = [run for run in _fragments(block) if as_utterance(run[0])]
    return bool(worded) and all(italic for _text, _href, italic in worded)
