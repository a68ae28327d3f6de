"""Plain text labels styled by the theme's object names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def caption_label(text: str, name: str, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label styled by ``name`` in the theme."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label
