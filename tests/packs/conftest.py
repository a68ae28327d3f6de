"""Fixtures for the pack tests: an office PC and a kiosk already showing pack 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.packs.install import install_pack
from tests.packs.kit import Office


@pytest.fixture
def office(tmp_path: Path) -> Office:
    """The office's key and content, and a kiosk data folder already showing pack 1."""
    made = Office.make(tmp_path)
    install_pack(made.pack(1), made.data_dir)
    return made

