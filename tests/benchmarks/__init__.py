"""Performance benchmark of the kiosk against a bare PySide6 baseline (``make bench``).

Every figure is a ratio to a baseline measured in the same run, or a count that does not
depend on the machine's speed; see ``tests/benchmarks/run.py``.
"""
