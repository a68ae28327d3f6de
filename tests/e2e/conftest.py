"""Fixtures for the end-to-end tests: kiosk processes, each killed after its test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.kiosk_process import KioskProcesses


@pytest.fixture
def kiosk_processes(tmp_path: Path) -> Iterator[KioskProcesses]:
    """Start kiosks with ``kiosk_processes.start(...)``; all are killed afterwards."""
    processes = KioskProcesses(tmp_path)
    yield processes
    processes.stop_all()
