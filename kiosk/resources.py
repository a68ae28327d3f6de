"""The one door to every bundled file: content, fonts, icons and illustrations.

From source the bundled folders sit next to the ``kiosk`` package (the repository root);
in a PyInstaller bundle they sit under ``sys._MEIPASS``.  That difference is handled here
and nowhere else.  Lookups take a relative path inside one of the bundled folders and
refuse absolute paths and ``..`` so nothing outside the bundle is ever reached.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path, PurePosixPath


class ResourceError(ValueError):
    """A resource path that is absolute, escapes its folder, or does not exist."""


@lru_cache(maxsize=1)
def bundle_root() -> Path:
    """The folder holding ``content/`` and ``assets/``, from source or frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return hasattr(sys, "_MEIPASS")


def bundled_content_dir() -> Path:
    """The content folder shipped with the program."""
    return bundle_root() / "content"


def assets_dir() -> Path:
    """The assets folder shipped with the program (fonts, icons, illustrations)."""
    return bundle_root() / "assets"


def translations_dir() -> Path:
    """Compiled UI translations (``.qm``): in the bundle, or built into ``.i18n/``."""
    return bundle_root() / ("i18n" if is_frozen() else ".i18n")


def translation_sources_dir() -> Path:
    """The ``.ts`` translation sources kept in the repository."""
    return Path(__file__).resolve().parent / "i18n"


def safe_relative(relative: str) -> PurePosixPath:
    """Validate a relative, forward-slash path that must stay inside its folder."""
    if not relative or "\\" in relative or "\x00" in relative:
        raise ResourceError(f"not a valid relative path: {relative!r}")
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        raise ResourceError(f"path must stay inside its folder: {relative!r}")
    return path


def resolve_inside(folder: Path, relative: str) -> Path:
    """Return ``folder/relative`` if it is a file inside ``folder``, else raise."""
    candidate = folder.joinpath(*safe_relative(relative).parts)
    try:
        candidate.resolve().relative_to(folder.resolve())
    except ValueError as error:
        raise ResourceError(f"path leaves its folder through a link: {relative!r}") from error
    if not candidate.is_file():
        raise ResourceError(f"no such file: {relative}")
    return candidate


def asset_path(relative: str) -> Path:
    """A file under ``assets/``, e.g. ``icons/home.svg``."""
    return resolve_inside(assets_dir(), relative)


def font_paths() -> list[Path]:
    """Every bundled TrueType font file."""
    return sorted((assets_dir() / "fonts").glob("*.ttf"))


def icon_path(name: str) -> Path:
    """The SVG icon called ``name`` (``icons/<name>.svg``)."""
    return asset_path(f"icons/{name}.svg")
