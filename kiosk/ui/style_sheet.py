"""The Qt style sheets of the kiosk: one for every widget, one for page documents.

Both are built from a ``Palette`` (colours) and ``Metrics`` (sizes) of ``kiosk.ui.theme``;
the widgets' object names (``#Tile``, ``#PanelCard``...) are the selectors.
"""

from __future__ import annotations

from kiosk.ui.theme import FONT_FAMILY, Metrics, Palette


def application_style(palette: Palette, metrics: Metrics) -> str:
    """The Qt style sheet for every widget of the kiosk."""
    p, m = palette, metrics
    radius = m.px(20, 10)
    return f"""
    QWidget {{ font-family: "{FONT_FAMILY}"; color: {p.text}; }}
    #KioskRoot, #HomeScreen, #HomeContent, #ContactContent, #PageScreen, QScrollArea,
    #TileGrid {{
        background: {p.background}; border: none; }}
    #ClinicName {{ font-size: {m.title_font}px; font-weight: bold; color: {p.primary}; }}
    #Welcome {{ font-size: {m.font(36, 22)}px; color: {p.muted_text}; }}
    #Notice {{ font-size: {m.font(30, 18)}px; color: {p.text}; background: {p.pressed};
        border-radius: {m.px(12, 6)}px; padding: {m.px(12, 6)}px; }}
    #PageTitle {{ font-size: {m.title_font}px; font-weight: bold; color: {p.primary}; }}
    #Tile {{ background: {p.surface}; border: {m.px(3, 2)}px solid {p.border};
        border-radius: {radius}px; }}
    #Tile:pressed, #Tile:checked {{ background: {p.pressed}; border-color: {p.primary}; }}
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
    #NavButton:disabled {{ background: {p.pressed}; color: {p.disabled_text}; }}
    #HelpButton {{ background: {p.help_button}; color: {p.on_help_button};
        border: {m.px(3, 2)}px solid {p.on_primary}; border-radius: {radius}px;
        font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(22, 12)}px; }}
    #HelpButton:pressed {{ background: {p.help_text}; }}
    #ContactScreen {{ background: {p.background}; }}
    #ContactCard {{ background: {p.surface}; border: {m.px(3, 2)}px solid {p.border};
        border-radius: {radius}px; }}
    #CardCaption {{ font-size: {m.font(34, 20)}px; font-weight: bold; color: {p.primary}; }}
    #CardValue {{ font-size: {m.font(30, 18)}px; color: {p.text}; }}
    #Address {{ font-size: {m.font(32, 20)}px; color: {p.text}; }}
    #PanelCard {{ background: {p.surface}; border-radius: {radius}px; }}
    #PanelBody {{ background: transparent; border: none; }}
    #PanelTitle {{ font-size: {m.font(52, 28)}px; font-weight: bold; color: {p.primary}; }}
    #PanelText {{ font-size: {m.font(36, 22)}px; color: {p.text}; }}
    #HelpNow {{ font-size: {m.font(40, 24)}px; font-weight: bold; color: {p.help_text};
        background: {p.help_background}; border-radius: {radius}px;
        padding: {m.px(24, 12)}px; }}
    #CrisisLine {{ font-size: {m.font(46, 26)}px; font-weight: bold; color: {p.text}; }}
    #PinKey, #StaffButton {{ background: {p.surface}; color: {p.primary};
        border: {m.px(3, 2)}px solid {p.border}; border-radius: {radius}px;
        font-size: {m.control_font}px; font-weight: bold;
        min-height: {m.control_height}px; padding: 0 {m.px(20, 10)}px; }}
    #StaffPanel #StaffButton {{ min-height: {m.control_px(76, 56)}px; }}
    #PinKey:pressed, #StaffButton:pressed {{ background: {p.pressed}; }}
    #StaffButton:checked {{ background: {p.primary}; color: {p.on_primary};
        border-color: {p.primary}; }}
    #PinKey:disabled, #StaffButton:disabled {{ color: {p.disabled_text};
        border-color: {p.pressed}; }}
    #PinDisplay {{ font-size: {m.font(56, 30)}px; font-weight: bold; color: {p.primary}; }}
    #PanelSmall {{ font-size: {m.font(28, 18)}px; color: {p.muted_text}; }}
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
    li {{ margin-bottom: {m.px(6, 3)}px; }}
    a {{ color: {p.link}; font-weight: bold; text-decoration: underline; }}
    em {{ color: {p.muted_text}; }}
    .helpbox {{ background-color: {p.help_background}; color: {p.help_text};
        margin-bottom: {m.px(24, 10)}px; }}
    .helpheading {{ font-size: {m.font(46, 28)}px; color: {p.help_text}; font-weight: bold; }}
    .helpnow {{ font-size: {m.body_font}px; color: {p.help_text}; font-weight: bold; }}
    .crisis {{ font-size: {m.font(42, 26)}px; color: {p.help_text}; }}
    table.content-table {{ border-color: {p.border}; border-style: solid;
        border-collapse: collapse; margin-bottom: {m.px(24, 10)}px; }}
    .content-table th {{ background-color: {p.pressed}; color: {p.text}; font-weight: bold;
        text-align: left; border-color: {p.border}; }}
    .content-table td {{ background-color: {p.surface}; color: {p.text};
        border-color: {p.border}; }}
    table.missing-picture {{ border-color: {p.muted_text}; border-style: dashed;
        margin-bottom: {m.px(24, 10)}px; }}
    .missing-picture td {{ color: {p.muted_text}; }}
    """
