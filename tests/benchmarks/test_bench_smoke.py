"""The benchmark keeps working: a seconds-long run writes every figure (no times asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks.run import KEYS, Config, run_benchmark, write_json

BUNDLE_KEYS = {"frozen_startup_ratio", "bundle_ratio"}


@pytest.mark.slow
@pytest.mark.spawns_processes
def test_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    config = Config(json_path=tmp_path / "bench.json").quick()
    messages: list[str] = []
    outcome = run_benchmark(config, log=messages.append)
    write_json(config, outcome)
    data = json.loads(config.json_path.read_text(encoding="utf-8"))
    for key in KEYS:
        assert key in data, key
        assert data[key] is None or isinstance(data[key], int | float), (key, data[key])
    # Only the bundle figures may be missing here (the quick run builds no bundle); any
    # other null means a measuring program broke, which is what this test is for.
    broken = {key: data["notes"].get(key) for key in KEYS
              if data[key] is None and key not in BUNDLE_KEYS}
    assert not broken, "\n".join(messages)
