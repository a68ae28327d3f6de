"""Merging kiosks' usage CSV files (the ``stats --csv`` and outbox format).

Columns are found by name (``date``, ``page_id``, ``language``, ``views``, ``kiosk``),
so files from before the ``kiosk`` column (it then reads as the file's name) and with
columns in another order still merge.  Re-sent and overlapping files are common (a
Syncthing folder, a USB stick copied twice, a month's export beside the daily files):
each ``(date, kiosk, page_id, language)`` is counted once, with the largest count any
file gives it, since a later export of the same day can only have counted more.
A file that is not such a CSV is reported by name and line and skipped.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

COLUMNS = ("date", "kiosk", "page_id", "language", "views")
Key = tuple[str, str, str, str]  # date, kiosk, page_id, language


@dataclass
class Merged:
    """Rows counted once each, and the problems met on the way."""

    views: dict[Key, int] = field(default_factory=dict)
    files: int = 0
    problems: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, str, str, int]]:
        """``(date, kiosk, page_id, language, views)`` sorted."""
        return [(*key, count) for key, count in sorted(self.views.items())]

    def per_kiosk_day(self) -> dict[str, dict[str, int]]:
        """Views per day for each kiosk: ``{kiosk: {date: views}}``."""
        result: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (day, kiosk, _page, _language), count in self.views.items():
            result[kiosk][day] += count
        return {kiosk: dict(days) for kiosk, days in sorted(result.items())}

    def total_by(self, index: int) -> list[tuple[str, int]]:
        """Views summed by one key part (2: page, 3: language), most first."""
        totals: dict[str, int] = defaultdict(int)
        for key, count in self.views.items():
            totals[key[index]] += count
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))

    def to_csv(self) -> str:
        """The merged rows as CSV text, with a header."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(self.rows())
        return out.getvalue()


def csv_files(paths: list[Path]) -> list[Path]:
    """The ``*.csv`` files among ``paths`` (folders are searched, recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.csv") if p.is_file()))
        else:
            found.append(path)
    return found


def merge(paths: list[Path]) -> Merged:
    """Read every CSV in ``paths`` (files or folders) into one ``Merged``."""
    merged = Merged()
    for path in csv_files(paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            merged.problems.append(f"{path}: cannot be read ({error})")
            continue
        reader = csv.DictReader(io.StringIO(text))
        needed = {"date", "page_id", "language", "views"}
        if not needed <= set(reader.fieldnames or ()):
            merged.problems.append(f"{path}:1: not a usage CSV (needs columns "
                                   "date, page_id, language, views)")
            continue
        merged.files += 1
        for row in reader:
            line = reader.line_num
            try:
                day = date.fromisoformat(row["date"]).isoformat()
                views = int(row["views"])
                if views < 0:
                    raise ValueError
            except (TypeError, ValueError):
                merged.problems.append(f"{path}:{line}: not a date and a count; skipped")
                continue
            kiosk = (row.get("kiosk") or "").strip() or path.stem
            key = (day, kiosk, row["page_id"] or "", row["language"] or "")
            merged.views[key] = max(merged.views.get(key, 0), views)
    return merged
