"""Characters the text font lacks are drawn by the bundled fallback fonts, everywhere.

Atkinson Hyperlegible has no emoji and few symbols.  Qt would look for them in the
system's fonts, which a fresh kiosk PC may not have (empty boxes), so the bundled
Noto Emoji (monochrome: it takes the text's colour, in every theme) and DejaVu Sans are
made Qt's substitutes for the text font: tried, in that order, for every character
the text font cannot draw, in widgets, style sheets and page documents alike.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.ui.theme import FONT_FAMILY

FALLBACK_FAMILIES = ("Noto Emoji", "DejaVu Sans")


def use_fallback_fonts() -> list[str]:
    """Make the loaded fallback families substitutes for the text font; returns them."""
    loaded = [family for family in FALLBACK_FAMILIES if family in QFontDatabase.families()]
    QFont.insertSubstitutions(FONT_FAMILY, loaded)
    if "Noto Emoji" in loaded:
        QFontDatabase.setApplicationEmojiFontFamilies(["Noto Emoji"])
    return loaded
