"""Shape the HTML of GitHub-style constructs into what Qt's rich text draws well.

Qt's ``QTextDocument`` reads a subset of HTML: it draws ``<li class="checked">`` and
``<li class="unchecked">`` as ticked and empty boxes (it has no ``<input>``), draws table
borders and padding only from attributes, and has no use for footnote back-links (a
patient cannot jump inside a page by tapping).  Each function changes one element of
the tree Python-Markdown built, in place.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kiosk.content.pictures import missing_picture_html

_FOOTNOTE_ANCHORS = frozenset({"footnote-ref", "footnote-backref"})


def tidy_element(element: ET.Element) -> None:
    """Task-list items, tables and footnote marks made ready for ``QTextDocument``."""
    if element.tag == "li" and len(element) and _checkbox(element):
        return
    if element.tag == "table" and not element.get("class"):
        element.attrib.update({"class": "content-table", "width": "100%", "border": "1",
                               "cellspacing": "0", "cellpadding": "12"})


def _checkbox(item: ET.Element) -> bool:
    """Turn ``<li><input type=checkbox [checked]> text`` into a ticked or empty box."""
    holder = item[0] if item[0].tag == "p" and len(item[0]) else item
    box = holder[0]
    if box.tag != "input" or box.get("type") != "checkbox":
        return False
    item.set("class", "checked" if "checked" in box.attrib else "unchecked")
    holder.text = ((holder.text or "") + (box.tail or "")).lstrip()
    holder.remove(box)
    return True


def is_footnote_anchor(element: ET.Element) -> bool:
    """Whether ``element`` is a footnote's link or back-link: made plain text here.

    The note's number stays (a superscript); the back-link arrow is dropped.
    """
    kind = element.get("class", "")
    if element.tag != "a" or kind not in _FOOTNOTE_ANCHORS:
        return False
    element.tag = "span"
    element.attrib.clear()
    if kind == "footnote-backref":
        element.text = ""
    return True


def frame_missing_picture(figure: ET.Element, alt: str) -> None:
    """Replace a picture's paragraph by the framed box that holds its alt text."""
    box = ET.fromstring(missing_picture_html(alt))
    figure.clear()
    figure.tag = box.tag
    figure.attrib.update(box.attrib)
    figure.extend(list(box))
