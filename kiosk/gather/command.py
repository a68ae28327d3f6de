"""``tigoni-kiosk stats report DIR_OR_CSV... --out report.html`` (for the office PC)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO


def is_report(words: Sequence[str]) -> bool:
    """Whether the command line asks for ``stats report``."""
    return "stats" in words and words[list(words).index("stats") + 1:][:1] == ["report"]


def report_parser() -> argparse.ArgumentParser:
    """The parser of ``stats report``."""
    parser = argparse.ArgumentParser(
        prog="tigoni-kiosk stats report",
        description="Merge the usage CSV files of any number of kiosks (files or folders "
                    "of them; re-sent files are counted once) into one HTML page with "
                    "charts and the merged CSV. It opens in any browser, offline.")
    parser.add_argument("inputs", nargs="+", type=Path, metavar="DIR_OR_CSV")
    parser.add_argument("--out", type=Path, required=True, metavar="REPORT.html")
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    return parser


def _page_titles() -> dict[str, str]:
    from kiosk.content.loader import load_content

    content = load_content(_bundled(), _assets())
    library = content.libraries.get("en")
    return {page_id: page.title for page_id, page in library.pages.items()} \
        if library is not None else {}


def _bundled() -> Path:
    from kiosk import resources

    return resources.bundled_content_dir()


def _assets() -> Path:
    from kiosk import resources

    return resources.assets_dir()


def run_report(words: Sequence[str], out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """Parse ``words`` (the whole command line) and write the report."""
    out, err = out or sys.stdout, err or sys.stderr
    after = list(words)
    start = after.index("stats")
    args = report_parser().parse_args(after[:start] + after[start + 2:])
    missing = [str(path) for path in args.inputs if not path.exists()]
    if missing:
        print(f"No such file or folder: {', '.join(missing)}", file=err)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import application
    from kiosk.gather.html_report import report_html
    from kiosk.gather.merge import merge

    merged = merge(args.inputs)
    for problem in merged.problems:
        print(problem, file=err)
    if not merged.files:
        print("No usage CSV files found; no report written.", file=err)
        return 1
    application()
    titles = _page_titles()
    made = f"Made {datetime.now(UTC):%Y-%m-%d %H:%M} UTC."
    page = report_html(merged, lambda page_id: titles.get(page_id, page_id), made)
    try:
        args.out.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"Could not write {args.out}: {error.strerror or error}", file=err)
        return 1
    print(f"wrote {args.out}: {len(merged.views)} rows from {merged.files} file(s), "
          f"{len(merged.per_kiosk_day())} kiosk(s)", file=out)
    return 0
