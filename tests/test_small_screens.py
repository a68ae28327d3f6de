"""Down to 1024x600 (a small kiosk panel or a laptop), nothing is clipped: it scrolls.

At 1024x600 the bar takes two rows, so screens and panels have little height: their
contents must lie inside the window, never on top of each other, and what does not fit
must be reachable by dragging.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.commands.screenshots import panel_scenes
from kiosk.session.history import CONTACT
from kiosk.ui.panels.panel import Panel
from tests.helpers import WindowFactory, assert_screen_fits, settle_layout

SMALL = [(1024, 600), (1280, 800), (800, 1280)]


@pytest.mark.parametrize("size", SMALL, ids=[f"{w}x{h}" for w, h in SMALL])
def test_every_screen_fits_or_scrolls_on_a_small_screen(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    assert_screen_fits(make_window(size), size)


def panel_controls(panel: Panel) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QAbstractButton, QLabel):
        found.extend(w for w in panel.card.findChildren(kind) if w.isVisible())
    return [w for w in found if not isinstance(w.parentWidget(), QAbstractButton)]


@pytest.mark.parametrize("size", SMALL, ids=[f"{w}x{h}" for w, h in SMALL])
def test_every_panel_fits_or_scrolls_on_a_small_screen(
    qtbot: QtBot, make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    for name, open_it in panel_scenes(window):
        if name == "overlay-attract.png":
            continue  # a full-screen picture, not a card
        window.overlays.close_panels()
        window.session.go_home()
        open_it()
        settle_layout()
        panel = next(p for p in window.overlays.panels() if p.isVisible())
        card = panel.card
        assert window.rect().contains(card.geometry()), f"{name}: the card leaves the window"
        controls = panel_controls(panel)
        # What the patient sees of each control (a scrolled-away part is not on screen).
        shown = [(c, QRect(c.mapTo(card, c.visibleRegion().boundingRect().topLeft()),
                           c.visibleRegion().boundingRect().size())) for c in controls]
        shown = [(c, rect) for c, rect in shown if not rect.isEmpty()]
        for control, rect in shown:
            assert card.rect().contains(rect), \
                f"{name}: {control.objectName() or control} {rect} leaves the card"
        for index, (first, first_rect) in enumerate(shown):
            for second, second_rect in shown[index + 1:]:
                if first.isAncestorOf(second) or second.isAncestorOf(first):
                    continue
                assert first_rect.intersected(second_rect).isEmpty(), (
                    f"{name} at {size}: {first.objectName() or first} overlaps "
                    f"{second.objectName() or second}")
        for control in controls:
            if isinstance(control, QLabel) and control.wordWrap():
                needed = control.heightForWidth(control.width())
                assert needed <= control.height() + 1, f"{name}: {control.text()!r} clipped"
        # Whatever is below the visible part of the body can be scrolled into view.
        body = card.findChild(QScrollArea)
        inner = body.widget() if body is not None else None
        assert body is not None and inner is not None
        if inner.height() > body.viewport().height():
            assert body.verticalScrollBar().maximum() >= \
                inner.height() - body.viewport().height() - 1, name


@pytest.mark.parametrize("size", SMALL, ids=[f"{w}x{h}" for w, h in SMALL])
def test_contact_codes_are_whole_and_clear_of_their_words(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size)
    window.session.navigate(CONTACT)
    settle_layout()
    screen = window.contact_screen
    assert screen.cards
    for card in screen.cards:
        card.qr.ensurePolished()
        left = card.qr.mapTo(window, card.qr.rect().topLeft()).x()
        assert left >= 0 and left + card.qr.width() <= window.width(), \
            f"{card.code.kind}: the code is cut off at the side"
        assert not card.qr.geometry().intersects(card.caption.geometry()), \
            f"{card.code.kind}: the code covers its caption"
    # Everything below the codes can be dragged into view.
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() >= screen.content.height() - screen.scroll_area.viewport().height() - 1
