"""Colours, sizes and the style sheets built from them.

Sizes scale with the window: designed for 1920x1080, where body text is 38 px (a capital
H about 7 mm tall on a 24-inch screen, readable at 60 cm) and every control is at least
72 px tall.  ``Metrics.for_size`` gives the same proportions on other screens.
"""

from __future__ import annotations

from dataclasses import dataclass

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


NORMAL = Palette()


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size (device-independent pixels)."""

    scale: float

    @classmethod
    def for_size(cls, width: int, height: int) -> Metrics:
        """Scale so the short side of the window maps to the 1080 px design."""
        short_side = max(1, min(width, height))
        return cls(scale=max(0.7, min(2.6, short_side / DESIGN_SHORT_SIDE)))

    def px(self, design_px: float, minimum: int = 0) -> int:
        """A design size (at 1080 px) scaled to this window, never under ``minimum``."""
        return max(minimum, round(design_px * self.scale))

    @property
    def body_font(self) -> int:
        """Body text size."""
        return self.px(38, 22)

    @property
    def title_font(self) -> int:
        """Page and screen titles."""
        return self.px(60, 32)

    @property
    def control_font(self) -> int:
        """Text on buttons."""
        return self.px(34, 22)

    @property
    def control_height(self) -> int:
        """Smallest height of any touch control."""
        return self.px(96, 60)

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


def application_style(palette: Palette, metrics: Metrics) -> str:
    """The Qt style sheet for every widget of the kiosk."""
    p, m = palette, metrics
    radius = m.px(20, 10)
    return f"""
    QWidget {{ font-family: "{FONT_FAMILY}"; color: {p.text}; }}
    #KioskRoot, #HomeScreen, #PageScreen, QScrollArea, #TileGrid {{
        background: {p.background}; border: none; }}
    #ClinicName {{ font-size: {m.title_font}px; font-weight: bold; color: {p.primary}; }}
    #Welcome {{ font-size: {m.px(36, 22)}px; color: {p.muted_text}; }}
    #PageTitle {{ font-size: {m.title_font}px; font-weight: bold; color: {p.primary}; }}
    #Tile {{ background: {p.surface}; border: {m.px(3, 2)}px solid {p.border};
        border-radius: {radius}px; }}
    #Tile:pressed, #Tile:checked {{ background: {p.pressed}; border-color: {p.primary}; }}
    #TileTitle {{ font-size: {m.px(40, 24)}px; font-weight: bold; color: {p.primary};
        background: transparent; }}
    #TileSummary {{ font-size: {m.px(30, 20)}px; color: {p.muted_text};
        background: transparent; }}
    #SubTile {{ background: {p.surface}; border: {m.px(3, 2)}px solid {p.border};
        border-radius: {radius}px; font-size: {m.control_font}px; font-weight: bold;
        color: {p.primary}; padding: 0 {m.px(24, 12)}px; min-height: {m.control_height}px; }}
    #SubTile:pressed {{ background: {p.pressed}; }}
    #SubTile:checked {{ background: {p.primary}; color: {p.on_primary};
        border-color: {p.primary}; }}
    #NavBar {{ background: {p.primary}; }}
    #NavButton {{ background: {p.surface}; color: {p.primary}; border: none;
        border-radius: {radius}px; font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(22, 12)}px; }}
    #NavButton:pressed {{ background: {p.pressed}; }}
    #NavButton:disabled {{ background: {p.primary}; color: {p.primary}; }}
    #HelpButton {{ background: {p.help_button}; color: {p.on_help_button};
        border: {m.px(3, 2)}px solid {p.on_primary}; border-radius: {radius}px;
        font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(22, 12)}px; }}
    #HelpButton:pressed {{ background: {p.help_text}; }}
    #ContactScreen {{ background: {p.background}; }}
    #ContactCard {{ background: {p.surface}; border: {m.px(3, 2)}px solid {p.border};
        border-radius: {radius}px; }}
    #CardCaption {{ font-size: {m.px(34, 20)}px; font-weight: bold; color: {p.primary}; }}
    #CardValue {{ font-size: {m.px(30, 18)}px; color: {p.text}; }}
    #Address {{ font-size: {m.px(32, 20)}px; color: {p.text}; }}
    #PanelCard {{ background: {p.surface}; border-radius: {radius}px; }}
    #PanelTitle {{ font-size: {m.px(52, 28)}px; font-weight: bold; color: {p.primary}; }}
    #PanelText {{ font-size: {m.px(36, 22)}px; color: {p.text}; }}
    #HelpNow {{ font-size: {m.px(40, 24)}px; font-weight: bold; color: {p.help_text};
        background: {p.help_background}; border-radius: {radius}px;
        padding: {m.px(24, 12)}px; }}
    #CrisisLine {{ font-size: {m.px(46, 26)}px; font-weight: bold; color: {p.text}; }}
    #PinKey, #StaffButton {{ background: {p.surface}; color: {p.primary};
        border: {m.px(3, 2)}px solid {p.border}; border-radius: {radius}px;
        font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(20, 10)}px; }}
    #PinKey:pressed, #StaffButton:pressed {{ background: {p.pressed}; }}
    #StaffButton:checked {{ background: {p.primary}; color: {p.on_primary};
        border-color: {p.primary}; }}
    #PinKey:disabled, #StaffButton:disabled {{ color: {p.disabled_text};
        border-color: {p.pressed}; }}
    #PinDisplay {{ font-size: {m.px(56, 30)}px; font-weight: bold; color: {p.primary}; }}
    #PanelSmall {{ font-size: {m.px(28, 18)}px; color: {p.muted_text}; }}
    #PanelClose {{ background: {p.primary}; color: {p.on_primary}; border: none;
        border-radius: {radius}px; font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(28, 14)}px; }}
    #PanelClose:pressed {{ background: {p.text}; }}
    QScrollBar:vertical {{ background: {p.background}; width: {m.px(22, 14)}px; margin: 0; }}
    QScrollBar::handle:vertical {{ background: {p.border}; border-radius: {m.px(11, 7)}px;
        min-height: {m.px(80, 40)}px; }}
    QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page,
    QScrollBar::sub-page {{ background: none; height: 0; }}
    QTextBrowser {{ background: {p.background}; border: none; }}
    """


def document_style(palette: Palette, metrics: Metrics) -> str:
    """The CSS subset Qt's rich-text engine understands, for page bodies.

    The body size comes from the document's default font (``body_font``): Qt ignores a
    ``font-size`` on ``body``.
    """
    p, m = palette, metrics
    return f"""
    p, li {{ line-height: 140%; }}
    p {{ margin-top: 0; margin-bottom: {m.px(22, 10)}px; }}
    .figure {{ line-height: 100%; margin-top: {m.px(10, 4)}px; margin-bottom: {m.px(30, 12)}px; }}
    h3 {{ color: {p.primary}; margin-top: {m.px(34, 14)}px; margin-bottom: {m.px(14, 6)}px; }}
    h4 {{ color: {p.primary}; margin-top: {m.px(24, 10)}px; margin-bottom: {m.px(10, 4)}px; }}
    ul, ol {{ margin-top: 0; margin-bottom: {m.px(20, 8)}px; }}
    li {{ margin-bottom: {m.px(12, 6)}px; }}
    a {{ color: {p.link}; font-weight: bold; text-decoration: underline; }}
    em {{ color: {p.muted_text}; }}
    .helpbox {{ background-color: {p.help_background}; color: {p.help_text};
        margin-bottom: {m.px(24, 10)}px; }}
    .helpheading {{ font-size: {m.px(46, 28)}px; color: {p.help_text}; font-weight: bold; }}
    .helpnow {{ font-size: {m.body_font}px; color: {p.help_text}; font-weight: bold; }}
    .crisis {{ font-size: {m.px(42, 26)}px; color: {p.help_text}; }}
    """
