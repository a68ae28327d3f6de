"""``tigoni-kiosk self-test``: prove an installed kiosk can show everything, offscreen.

It loads all content, renders every screen, and checks that every font, icon, image and
QR code resolves and draws.  IT runs it after installing; CI runs it on the bundle.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from PySide6.QtGui import QFontDatabase, QImage

from kiosk import __version__, resources
from kiosk.app import Options, build_window
from kiosk.commands.screenshots import save_screenshots
from kiosk.content.problems import errors
from kiosk.system_libraries import self_test as system_library_check
from kiosk.ui import voices
from kiosk.ui.fallback_fonts import FALLBACK_FAMILIES
from kiosk.ui.graphics import icon_pixmap, svg_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import FONT_FAMILY

NAV_ICONS = ("home", "back", "contact", "help")


@dataclass
class Report:
    """What each check found: a line per check, and every failure by name."""

    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, name: str, failures: list[str], detail: str) -> None:
        """Record one check: passed when ``failures`` is empty."""
        self.failures.extend(f"{name}: {failure}" for failure in failures)
        self.lines.append(f"  {name:<9} {detail}: {'FAILED' if failures else 'ok'}")


def run_self_test(options: Options, out: TextIO) -> int:
    """Run every check and print a summary; 0 when all pass, 1 otherwise."""
    report = Report()
    window, choice = build_window(options)
    content = choice.content
    pages = sum(len(library.pages) for library in content.libraries.values())
    report.check("content", [p.format() for p in errors(content.problems)],
                 f"{pages} pages in {', '.join(content.languages)} ({choice.origin.value})")
    _check_fonts(report)
    _check_icons(report, window)
    _check_images(report, window)
    _check_screens(report, window)
    report.check("libraries", *system_library_check())  # issue 20: names what is missing
    report.lines.append(f"  speech    {voices.summary(content.languages)}")  # no failure
    where = "bundle" if resources.is_frozen() else "source"
    print(f"self-test: tigoni-kiosk {__version__} from {where}", file=out)
    for line in report.lines:
        print(line, file=out)
    for failure in report.failures:
        print(f"FAILED {failure}", file=out)
    print("self-test passed" if not report.failures else
          f"self-test FAILED: {len(report.failures)} problem(s)", file=out)
    window.close()
    return 0 if not report.failures else 1


def _check_fonts(report: Report) -> None:
    families = QFontDatabase.families()
    missing = [f"font '{family}' is not loaded" for family in (FONT_FAMILY, *FALLBACK_FAMILIES)
               if family not in families]
    # Characters no bundled font can draw are content problems, named by file and line.
    report.check("fonts", missing, f"{len(resources.font_paths())} files")


def _check_icons(report: Report, window: MainWindow) -> None:
    names = set(NAV_ICONS)
    for library in window.content.libraries.values():
        names.update(page.icon for page in library.pages.values() if page.icon)
    failures = [f"icon '{name}' does not draw" for name in sorted(names)
                if icon_pixmap(name, 64).isNull()]
    report.check("icons", failures, f"{len(names)} icons")


def _check_images(report: Report, window: MainWindow) -> None:
    failures: list[str] = []
    count = 0
    for language, library in window.content.libraries.items():
        for page in library.pages.values():
            for reference in window.renderer.render(page, language).images:
                count += 1
                path = window.content.images.find(reference)
                if path is None or _draw(path).isNull():
                    failures.append(f"image '{reference}' on page {language}/{page.id}")
    report.check("images", failures, f"{count} images")


def _draw(path: Path) -> QImage:
    if path.suffix.lower() == ".svg":
        return svg_image(path, 400)
    return QImage(str(path))


def _check_screens(report: Report, window: MainWindow,
                   save: Callable[[MainWindow, Path], list[Path]] = save_screenshots) -> None:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tigoni-self-test-") as folder:
        written = save(window, Path(folder))
        for path in written:
            image = QImage(str(path))
            if image.isNull() or _looks_blank(image):
                failures.append(f"screen {path.stem} is blank")
    report.check("screens", failures, f"{len(written)} screens rendered")


def _looks_blank(image: QImage) -> bool:
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x)
               for y in range(0, image.height(), step_y)}
    return len(colours) < 4
