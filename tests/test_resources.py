"""The one door to bundled files refuses to leave its folders and finds every asset."""

from __future__ import annotations

import pytest

from kiosk import resources


def test_bundled_folders_exist() -> None:
    assert (resources.bundled_content_dir() / "clinic.toml").is_file()
    assert resources.font_paths(), "the Atkinson Hyperlegible fonts must be bundled"
    assert resources.icon_path("home").suffix == ".svg"


@pytest.mark.parametrize("bad", ["../pyproject.toml", "/etc/passwd", "icons/../../README.md",
                                 "C:\\x", "", "c:/windows"])
def test_paths_outside_the_bundle_are_refused(bad: str) -> None:
    with pytest.raises(resources.ResourceError):
        resources.asset_path(bad)


def test_missing_asset_is_a_clear_error() -> None:
    with pytest.raises(resources.ResourceError, match="no such file"):
        resources.asset_path("icons/does-not-exist.svg")
