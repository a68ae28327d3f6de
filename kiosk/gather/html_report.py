"""The clinic manager's usage page: one self-contained HTML file, no script, no network.

Charts are the kiosk's own ``BarChart`` (``kiosk.ui.usage_chart``) painted into
``QSvgGenerator`` and put inline as SVG, so they look like the staff Usage page and
stay sharp when printed.  The kiosk's font (Atkinson Hyperlegible, OFL) is embedded as
``@font-face`` data so the SVG text renders the same in any browser.  The merged CSV is
in the page as a table and as a ``data:`` link to save it.  Needs a ``QApplication``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtSvg import QSvgGenerator

from kiosk import resources
from kiosk.gather.merge import Merged
from kiosk.ui.i18n import LANGUAGE_NAMES
from kiosk.ui.theme import NORMAL, Metrics
from kiosk.ui.widgets.usage_chart import BarChart, day_label

CHART_WIDTH = 900
MAX_DAYS = 31
TOP_PAGES = 10


def chart_svg(title: str, bars: list[tuple[str, int]], empty_text: str = "No data") -> str:
    """``bars`` drawn by ``BarChart`` at its natural size, as SVG text."""
    chart = BarChart(title, empty_text)
    chart.set_data(bars)
    chart.apply_theme(NORMAL, Metrics(1.0))
    size = QSize(CHART_WIDTH, chart.sizeHint().height())
    chart.resize(size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(chart.accessibleDescription())
    chart.render(generator)
    buffer.close()
    chart.deleteLater()
    svg = bytes(data.data()).decode("utf-8")
    return svg[svg.index("<svg"):]  # inline: no XML declaration or DOCTYPE


def _days(per_day: dict[str, int]) -> list[tuple[str, int]]:
    """The last ``MAX_DAYS`` days up to the newest in the data, zeros included."""
    if not per_day:
        return []
    last = max(date.fromisoformat(day) for day in per_day)
    first = max(min(date.fromisoformat(day) for day in per_day),
                last - timedelta(days=MAX_DAYS - 1))
    span = (last - first).days + 1
    days = [first + timedelta(days=offset) for offset in range(span)]
    return [(day_label(day), per_day.get(day.isoformat(), 0)) for day in days]


def _font_faces() -> str:
    faces = []
    for path in resources.font_paths():
        if "Italic" in path.name:
            continue
        weight = "bold" if "Bold" in path.name else "normal"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        faces.append("@font-face{font-family:'Atkinson Hyperlegible';font-weight:"
                     f"{weight};src:url(data:font/ttf;base64,{data}) format('truetype');}}")
    return "\n".join(faces)


def report_html(merged: Merged, title_for: Callable[[str], str] = str,
                made: str = "") -> str:
    """The whole page for ``merged``; ``title_for`` turns page ids into page titles."""
    sections = []
    for kiosk, per_day in merged.per_kiosk_day().items():
        sections.append(chart_svg(f"Page views per day: {kiosk}", _days(per_day)))
    pages = [(title_for(page), views) for page, views in merged.total_by(2)[:TOP_PAGES]]
    sections.append(chart_svg("Most-read pages, all kiosks", pages))
    languages = [(LANGUAGE_NAMES.get(code, code), views) for code, views in merged.total_by(3)]
    sections.append(chart_svg("Languages, all kiosks", languages))
    csv_text = merged.to_csv()
    link = "data:text/csv;charset=utf-8;base64," + base64.b64encode(
        csv_text.encode("utf-8")).decode("ascii")
    rows = "\n".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row)
                     + "</tr>" for row in merged.rows())
    kiosks = ", ".join(html.escape(name) for name in merged.per_kiosk_day()) or "none"
    problems = "".join(f"<li>{html.escape(problem)}</li>" for problem in merged.problems)
    total = sum(merged.views.values())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tigoni kiosks: usage</title>
<style>
{_font_faces()}
body{{font-family:'Atkinson Hyperlegible',sans-serif;max-width:960px;margin:2em auto;
padding:0 1em;color:#1b2a33;background:#fff}}
h1{{color:#1c5d7a}} svg{{display:block;max-width:100%;height:auto;margin:1.5em 0;
border:1px solid #d5dde2}}
table{{border-collapse:collapse}} td,th{{border:1px solid #d5dde2;padding:.2em .6em}}
.note{{color:#4a5a63}}
</style></head><body>
<h1>Tigoni kiosks: how the pages were used</h1>
<p class="note">{total} page views from {merged.files} file(s); kiosks: {kiosks}.
Anonymous counts only: no one who used a kiosk can be identified. {html.escape(made)}</p>
{''.join(sections)}
<h2>The merged figures</h2>
<p><a download="tigoni-usage-merged.csv" href="{link}">Save the merged CSV</a>
(each day, kiosk, page and language counted once).</p>
{f'<p>Files or lines skipped:</p><ul>{problems}</ul>' if problems else ''}
<details><summary>All rows</summary><table>
<tr><th>date</th><th>kiosk</th><th>page</th><th>language</th><th>views</th></tr>
{rows}
</table></details>
</body></html>
"""
