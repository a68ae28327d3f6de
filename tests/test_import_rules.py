"""The shape of the code, enforced: which packages may import what, no cycles, small modules.

Read from the source with ``ast`` (nothing is imported).  Every ``import`` counts, also
those inside functions and under ``TYPE_CHECKING``: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parent.parent / "kiosk"
LONGEST_MODULE = 300
# ``check`` must decode pictures exactly as the screen will (issue 14): with Qt's own image
# reader and SVG renderer, which live in QtGui and QtSvg.  This one module may use QtGui,
# never QtWidgets, and nothing else in the logic packages imports Qt's GUI.
GUI_FOR_PICTURES = {"kiosk.content.pictures"}


def module_name(path: Path) -> str:
    parts = path.relative_to(KIOSK.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(KIOSK.rglob("*.py"))}


def imports(name: str) -> Iterator[str]:
    """Every module ``name`` imports (``from package import module`` names the module)."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in modules() else base


def kiosk_imports(name: str) -> set[str]:
    return {imported for imported in imports(name) if imported in modules()}


def under(name: str, *packages: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


LOGIC = ("kiosk.session", "kiosk.content", "kiosk.stats", "kiosk.settings")


@pytest.mark.parametrize("name", [m for m in sorted(modules()) if under(m, *LOGIC)])
def test_logic_packages_import_no_widgets_and_no_gui(name: str) -> None:
    """Session, content, statistics and settings work with no window (QtCore at most)."""
    forbidden = ("PySide6.QtWidgets",) if name in GUI_FOR_PICTURES \
        else ("PySide6.QtWidgets", "PySide6.QtGui")
    assert not [m for m in imports(name) if under(m, *forbidden)]
    assert not [m for m in kiosk_imports(name) if under(m, "kiosk.ui")]


@pytest.mark.parametrize("name", [m for m in sorted(modules()) if under(m, "kiosk.ui")])
def test_ui_never_imports_the_program_or_its_commands(name: str) -> None:
    assert not [m for m in kiosk_imports(name)
                if under(m, "kiosk.app", "kiosk.cli", "kiosk.commands", "kiosk.__main__")]


@pytest.mark.parametrize("name", [m for m in sorted(modules()) if under(m, "kiosk.ui.widgets")])
def test_widgets_know_no_screen_panel_or_window(name: str) -> None:
    window_parts = ("kiosk.ui.screens", "kiosk.ui.panels", "kiosk.ui.main_window",
                    "kiosk.ui.overlays")
    assert not [m for m in kiosk_imports(name) if under(m, *window_parts)]


def test_no_import_cycles_in_kiosk() -> None:
    graph = {name: kiosk_imports(name) - {name} for name in modules()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for imported in sorted(graph[name]):
            if state.get(imported) == 1:
                cycles.append([*path[path.index(imported):], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_is_over_300_lines() -> None:
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines())
               for name, path in modules().items()}
    assert {name: length for name, length in lengths.items() if length > LONGEST_MODULE} == {}


def test_the_rules_see_the_imports_they_check() -> None:
    """The reader itself: it finds lazy, relative and ``from package import module`` imports."""
    assert "kiosk.ui.main_window" in kiosk_imports("kiosk.app")
    assert "kiosk.commands.selftest" in kiosk_imports("kiosk.cli")  # inside a function
    assert "PySide6.QtWidgets" in set(imports("kiosk.ui.main_window"))
