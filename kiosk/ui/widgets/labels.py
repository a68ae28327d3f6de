"""Plain text labels styled by the theme's object names, breaking words too long for them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.widgets.long_words import BreakingLabel


def caption_label(text: str, name: str, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label styled by ``name`` in the theme."""
    label = BreakingLabel(text, parent)  # a word too long for the width wraps
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label
