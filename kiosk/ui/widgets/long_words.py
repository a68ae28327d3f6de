"""Labels that break a word too long for their width, with a hyphen, so none is cut off.

``QLabel`` wraps only between words: one long word (an email address, a long Kiswahili
word at a large text size, a pasted web address) is clipped at the label's edge.
``hyphenated`` puts a soft hyphen between the letters of each word too wide for a line,
so Qt may break inside it and draws a "-" where it does; a word that fits a line of its
own is left whole, so lines still wrap at spaces first ("hazijaidhinishwa" moves to the
next line instead of "hazija- / idhinishwa").  ``BreakingLabel`` does this for its width
whenever it is resized; the soft hyphens are invisible elsewhere and screen readers
skip them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

LONG_WORD = 14
"""Words longer than this are broken while the label's width is not known yet."""
SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"
_WORD = re.compile(r"\S{2,}")
_JOINERS = {"\u200d", "\ufe0f", "\ufe0e", ZERO_WIDTH_SPACE, SOFT_HYPHEN}
_TALL = 100_000


def hyphenated(text: str, too_wide: Callable[[str], bool]) -> str:
    """``text`` with a soft hyphen between the letters of every word ``too_wide`` for a line.

    Never between a letter and a mark, joiner or variation selector that belongs to it.
    """
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    return _WORD.sub(lambda match: _break_word(match.group(0))
                     if too_wide(match.group(0)) else match.group(0), text)


def breakable(text: str) -> str:
    """``text`` with a break (and hyphen) allowed inside every word over ``LONG_WORD`` letters."""
    return hyphenated(text, lambda word: len(word) > LONG_WORD)


def _break_word(word: str) -> str:
    pieces: list[str] = []
    for index, character in enumerate(word):
        pieces.append(character)
        following = word[index + 1] if index + 1 < len(word) else ""
        if following and character not in _JOINERS and following not in _JOINERS \
                and not unicodedata.category(following).startswith("M"):
            pieces.append(SOFT_HYPHEN)
    return "".join(pieces)


class BreakingLabel(QLabel):
    """A word-wrapped ``QLabel`` that breaks, with a hyphen, a word too long for its width.

    ``text()`` gives the words as shown (soft hyphens in words too wide for a line);
    ``plain_text`` the words as given.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain_text = ""
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.plain_text = text
        width = self._line_width(self.width())
        shown = self._shown_for(width) if self.testAttribute(
            Qt.WidgetAttribute.WA_Resized) or self.isVisible() else breakable(text)
        super().setText(shown)

    def _line_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return width - margins.left() - margins.right() - 2 * self.margin()

    def _shown_for(self, line_width: int) -> str:
        metrics = self.fontMetrics()
        return hyphenated(self.plain_text,
                          lambda word: metrics.horizontalAdvance(word) > line_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        shown = self._shown_for(self._line_width(event.size().width()))
        if shown != self.text():
            super().setText(shown)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setText(self.plain_text)  # a larger font: other words may be too wide now

    def heightForWidth(self, width: int) -> int:
        """The height of the words as they would be shown at ``width``."""
        shown = self._shown_for(self._line_width(width))
        if shown == self.text() or not self.wordWrap():
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        box = QFontMetrics(self.font()).boundingRect(
            QRect(0, 0, max(1, self._line_width(width)), _TALL), flags, shown)
        return box.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for any width: a word too wide for it would break."""
        hint = super().minimumSizeHint()
        if not self.wordWrap():
            return hint
        broken = _break_word(max(self.plain_text.split() or [""], key=len)[:2])
        narrow = self.fontMetrics().horizontalAdvance(broken + "-")
        extra = hint.width() - self._line_width(hint.width())
        return QSize(min(hint.width(), narrow + extra), hint.height())
