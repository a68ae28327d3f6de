"""Keep the UI translations in step: collect words from the code, compile for the app.

    python build/translations.py update    # refresh kiosk/i18n/*.ts from kiosk/ui/**/*.py
    python build/translations.py compile   # kiosk/i18n/*.ts -> .i18n/*.qm (run, test, build)

Both use Qt's own tools that ship with PySide6 (pyside6-lupdate, pyside6-lrelease).  The
kiosk's words are marked with ``kiosk.ui.i18n.tr``, which lupdate is told to read as tr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "kiosk" / "i18n"
COMPILED = ROOT / ".i18n"


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this inside the project's environment")
    return found


def update() -> None:
    """Add new words from the code to every .ts file (translations are kept)."""
    code = sorted(str(path) for path in (ROOT / "kiosk" / "ui").rglob("*.py"))
    for ts_file in sorted(SOURCES.glob("*.ts")):
        # The source language needs only the plural forms ("%n problem(s)" -> "1 problem").
        only_plurals = ["-pluralonly"] if ts_file.stem.endswith("_en") else []
        subprocess.run([_tool("pyside6-lupdate"), *code, "-tr-function-alias", "tr+=tr",
                        "-locations", "none", "-no-obsolete", *only_plurals, "-ts",
                        str(ts_file)], check=True)


def compile_all(out_dir: Path = COMPILED) -> list[Path]:
    """Compile every .ts file to a .qm file in ``out_dir``."""
    out_dir.mkdir(exist_ok=True)
    written = []
    for ts_file in sorted(SOURCES.glob("*.ts")):
        qm_file = out_dir / ts_file.with_suffix(".qm").name
        if qm_file.exists() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime:
            continue  # up to date
        # Write beside it and rename: a running kiosk maps the .qm file into memory, and
        # rewriting that file in place would crash it (SIGBUS); a rename leaves it the old one.
        partial = qm_file.with_name(f".{qm_file.name}.{os.getpid()}.tmp")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(partial)],
                       check=True)
        partial.replace(qm_file)
        written.append(qm_file)
    return written


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "update":
        update()
    elif command == "compile":
        done = compile_all()
        print("compiled:", ", ".join(path.name for path in done) if done else "up to date")
    else:
        raise SystemExit(__doc__)
