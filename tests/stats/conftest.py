"""Fixtures for the usage tests: a clock moved by hand and a recorder that uses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.stats import UsageRecorder
from tests.stats.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder(data_dir: Path, clock: FakeClock) -> Iterator[UsageRecorder]:
    """A recorder on ``clock`` that writes only when flushed (the interval is a minute)."""
    opened = UsageRecorder(data_dir, clock=clock, monotonic=clock.monotonic, flush_interval=60)
    yield opened
    opened.close()
