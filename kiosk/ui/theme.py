"""Colours, sizes and the style sheets built from them.

Sizes scale with the window: designed for 1920x1080, where body text is 38 px (a capital
H about 7 mm tall on a 24-inch screen, readable at 60 cm) and every control is at least
72 px tall.  ``Metrics.for_size`` gives the same proportions on other screens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from kiosk.session.text_size import TEXT_STEPS, clamp_text_step

DESIGN_SHORT_SIDE = 1080
FONT_FAMILY = "Atkinson Hyperlegible"


@dataclass(frozen=True)
class Palette:
    """A theme's colours; every text colour is chosen against its background."""

    background: str = "#FBF7F0"
    surface: str = "#FFFFFF"
    text: str = "#1B2B2A"
    muted_text: str = "#34504D"
    primary: str = "#0B5D5B"
    on_primary: str = "#FFFFFF"
    pressed: str = "#CFE8E4"
    border: str = "#9CC7C1"
    link: str = "#0A5250"
    disabled_text: str = "#5F6F6D"
    help_background: str = "#FBE3DC"
    help_text: str = "#6E2414"
    help_button: str = "#A63F2B"
    on_help_button: str = "#FFFFFF"
    tint_icons: bool = False


NORMAL = Palette()

HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted_text="#FFFFFF",
    primary="#FFD400",
    on_primary="#000000",
    pressed="#3A3A3A",
    border="#FFFFFF",
    link="#FFD400",
    disabled_text="#BDBDBD",
    help_background="#000000",
    help_text="#FFD400",
    help_button="#FFD400",
    on_help_button="#000000",
    tint_icons=True,
)
"""Yellow and white on black, for patients with low vision (every pair 7:1 or more)."""


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) pair the kiosk actually draws."""
    p = palette
    return [
        ("body text", p.text, p.background),
        ("text on tiles and cards", p.text, p.surface),
        ("titles", p.primary, p.background),
        ("tile titles", p.primary, p.surface),
        ("summaries", p.muted_text, p.surface),
        ("welcome and notes", p.muted_text, p.background),
        ("links", p.link, p.background),
        ("pressed tile", p.primary, p.pressed),
        ("selected tab and kiosk buttons", p.on_primary, p.primary),
        ("navigation buttons", p.primary, p.surface),
        ("disabled keys", p.disabled_text, p.surface),
        ("help box", p.help_text, p.help_background),
        ("help button", p.on_help_button, p.help_button),
        ("attract screen", p.on_primary, p.primary),
    ]


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    red, green, blue = (int(colour[index:index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_factor(step: int) -> float:
    """The factor for a text-size step (clamped to the steps there are)."""
    return TEXT_STEPS[clamp_text_step(step)]


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size and text size (device-independent pixels).

    ``scale`` follows the window; ``text`` is the patient's text-size factor.  Reading
    text grows by the full factor, controls by half of it so the bar still fits.
    """

    scale: float
    text: float = 1.0

    @classmethod
    def for_size(cls, width: int, height: int, text: float = 1.0) -> Metrics:
        """Scale so the short side of the window maps to the 1080 px design."""
        short_side = max(1, min(width, height))
        return cls(scale=max(0.7, min(2.6, short_side / DESIGN_SHORT_SIDE)), text=text)

    def px(self, design_px: float, minimum: int = 0) -> int:
        """A design size (at 1080 px) scaled to this window, never under ``minimum``."""
        return max(minimum, round(design_px * self.scale))

    def font(self, design_px: float, minimum: int = 0) -> int:
        """A reading-text size: window scale times the patient's text size."""
        return max(minimum, round(design_px * self.scale * self.text))

    @property
    def control_factor(self) -> float:
        """How much controls grow with the text size."""
        return 1.0 + (self.text - 1.0) / 2

    def control_px(self, design_px: float, minimum: int = 0) -> int:
        """A control size: grows with half the text-size factor."""
        return max(minimum, round(design_px * self.scale * self.control_factor))

    @property
    def body_font(self) -> int:
        """Body text size."""
        return self.font(38, 22)

    @property
    def title_font(self) -> int:
        """Page and screen titles."""
        return self.font(60, 32)

    @property
    def control_font(self) -> int:
        """Text on buttons."""
        return self.control_px(34, 22)

    @property
    def control_height(self) -> int:
        """Smallest height of any touch control."""
        return self.control_px(96, 60)

    @property
    def spacing(self) -> int:
        """Gap between controls."""
        return self.px(24, 12)

    @property
    def margin(self) -> int:
        """Margin around a screen."""
        return self.px(40, 16)

    @property
    def tile_icon(self) -> int:
        """Icon size on a home tile."""
        return self.px(112, 56)

    @property
    def nav_icon(self) -> int:
        """Icon size in the navigation bar."""
        return self.px(48, 28)

    @property
    def reading_width(self) -> int:
        """Widest a column of body text gets, for comfortable reading."""
        return self.px(1500, 600)


@dataclass(frozen=True)
class Look:
    """Everything a screen or panel needs to draw itself: colours, sizes, window size."""

    palette: Palette
    metrics: Metrics
    width: int
    height: int

    def for_staff(self) -> Look:
        """The same look at text factor 1.0, for staff screens (PIN pad, staff panel, Usage).

        They follow the window's size, never the text size a patient chose: at the largest
        step the keys and rows would no longer fit the screen.
        """
        return replace(self, metrics=replace(self.metrics, text=1.0))


class Themed(Protocol):
    """What every screen, panel and bar of the window implements to follow the ``Look``."""

    def apply_look(self, look: Look) -> None:
        """Take on these colours and sizes (called on every change, and once when made)."""
