"""Markdown as editors know it: GitHub-style pages rendered by the ``markdown`` package.

Editors copy from guides written for GitHub and check their pages in VS Code, Obsidian
or GitHub's preview, so the kiosk reads those constructs as they do:

* tables (``tables``), footnotes (``footnotes``), fenced code (``fenced_code``),
  ``~~strike-through~~`` (``pymdownx.tilde``), task lists shown as ticked or empty boxes
  (``pymdownx.tasklist``) and ``:pill:`` short codes as the emoji character
  (``pymdownx.emoji``), all from well-kept packages;
* lists nested by the CommonMark rule every preview uses: a line belongs to a list item
  when it is indented at least to the item's text, so 2-, 3- and 4-space indents all
  nest.  Python-Markdown wants 4 spaces per level, so ``ListIndenter`` re-indents lists
  to that before parsing (``mdx_truly_sane_lists`` takes one fixed indent per page and
  drops an item that follows a paragraph inside a list, so it was not used).  A list
  that starts straight after a paragraph line starts a list, as on GitHub;
* HTML comments (``<!-- note -->``) are dropped before anything else sees them.

What still renders differently from a GitHub preview is named by ``gfm_check``, line by
line, for ``check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor
from pymdownx import emoji
from pymdownx.emoji import EmojiExtension
from pymdownx.tasklist import TasklistExtension
from pymdownx.tilde import DeleteSubExtension

from kiosk.content.gfm_check import drop_comments


def extensions() -> list[markdown.Extension]:
    """The extensions, configured, made afresh for one ``markdown.Markdown``.

    Imported by class, not by name, so the frozen bundle carries each of them.
    """
    return [
        SaneListExtension(), SmartyExtension(), TableExtension(), FencedCodeExtension(),
        FootnoteExtension(BACKLINK_TEXT=""),
        DeleteSubExtension(subscript=False),  # GitHub strikes ~one~ too; no subscript
        TasklistExtension(custom_checkbox=False),
        EmojiExtension(emoji_index=emoji.gemoji, emoji_generator=emoji.to_alt),
    ]


_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$")


def reindent_lists(lines: Iterable[str]) -> Iterator[str]:
    """Lines with lists re-indented from CommonMark's rule to 4 spaces per level."""
    stack: list[int] = []  # the text column of each open list item
    in_fence, previous_blank, continued = False, True, False
    for raw in lines:
        line = raw.expandtabs(4)
        if _FENCE.match(line) and not stack:
            in_fence = not in_fence
        if in_fence or not line.strip():
            previous_blank = not line.strip() or previous_blank
            yield raw
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        was_in_list = bool(stack)
        while stack and indent < stack[-1]:
            stack.pop()
        if item is not None:
            if not previous_blank and (continued or (not was_in_list and indent == 0)):
                yield ""  # a list item straight after a paragraph line starts, as on GitHub
            spaces = len(item.group(3))
            width = len(item.group(2)) + (1 if spaces == 0 or spaces > 4 else spaces)
            depth = len(stack)
            stack.append(indent + width)
            yield " " * (4 * depth) + f"{item.group(2)} {item.group(4)}".rstrip()
        elif stack:
            yield " " * (4 * len(stack)) + line.lstrip(" ")
        else:
            yield raw
        previous_blank, continued = False, item is None and bool(stack)


class _Cleaner(Preprocessor):
    """Drops HTML comments and re-indents lists before Python-Markdown reads the page."""

    def run(self, lines: list[str]) -> list[str]:
        return list(reindent_lists(drop_comments("\n".join(lines)).split("\n")))


class EditorsMarkdown(markdown.Extension):
    """Registers ``_Cleaner`` ahead of every other preprocessor."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_Cleaner(md), "kiosk_editors", 40)
