"""Labels that break a word too long for their width, so no word is ever cut off.

``QLabel`` wraps only between words: one long word (an email address, a German-length
compound, a pasted web address) is clipped at the label's edge.  ``BreakingLabel`` shows
its text with a zero-width space after each letter of any word longer than
``LONG_WORD`` letters, so Qt may wrap inside that word; the space is invisible and
screen readers skip it.  Words of ordinary length are shown exactly as given.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtWidgets import QLabel, QWidget

LONG_WORD = 14
ZERO_WIDTH_SPACE = "\u200b"
_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")
_JOINERS = {"\u200d", "\ufe0f", "\ufe0e", ZERO_WIDTH_SPACE}


def breakable(text: str) -> str:
    """``text`` with a break allowed between the letters of every long word.

    Never between a letter and a mark, joiner or variation selector that belongs to it.
    """
    if len(text) <= LONG_WORD or _WORD.search(text) is None:
        return text
    return _WORD.sub(lambda match: _break_word(match.group(0)), text)


def _break_word(word: str) -> str:
    pieces: list[str] = []
    for index, character in enumerate(word):
        pieces.append(character)
        following = word[index + 1] if index + 1 < len(word) else ""
        if following and character not in _JOINERS and following not in _JOINERS \
                and not unicodedata.category(following).startswith("M"):
            pieces.append(ZERO_WIDTH_SPACE)
    return "".join(pieces)


class BreakingLabel(QLabel):
    """A word-wrapped ``QLabel`` that breaks inside a word too long for its width.

    ``text()`` gives the words as shown (with zero-width spaces in long words);
    ``plain_text`` the words as given.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain_text = ""
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.plain_text = text
        super().setText(breakable(text))
