"""Shape the HTML of GitHub-style constructs into what Qt's rich text draws well.

Qt's ``QTextDocument`` reads a subset of HTML: it draws ``<li class="checked">`` and
``<li class="unchecked">`` as ticked and empty boxes (it has no ``<input>``), draws table
borders and padding only from attributes, and has no use for footnote back-links (a
patient cannot jump inside a page by tapping).  Each function changes one element of
the tree Python-Markdown built, in place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kiosk.content.pictures import missing_picture_html

_FOOTNOTE_ANCHORS = frozenset({"footnote-ref", "footnote-backref"})
_TASK_ITEM = re.compile(r'<li class="task-list-item">(\s*<p>)?\s*'
                        r'<input type="checkbox" disabled( checked)?\s*/?>\s*')


def tidy_element(element: ET.Element) -> None:
    """A table made ready for ``QTextDocument``: full width, framed cells, no gaps."""
    if element.tag == "table" and not element.get("class"):
        element.attrib.update({"class": "content-table", "width": "100%", "border": "1",
                               "cellspacing": "0", "cellpadding": "12"})


def tick_boxes(page_html: str) -> str:
    """Task-list items (``- [x] done``) as Qt's ticked and empty boxes, not ``<input>``.

    ``pymdownx.tasklist`` stores its ``<input>`` outside the tree, so this works on the
    finished HTML.
    """
    return _TASK_ITEM.sub(
        lambda match: f'<li class="{"checked" if match.group(2) else "unchecked"}">'
                      + (match.group(1) or ""), page_html)


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
