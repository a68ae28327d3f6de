"""PySide6 6.12.0 on Python 3.11 aborts after ~5,000 void Qt calls (none_dealloc).

The kiosk makes such calls all day, so the pinned PySide6 must survive 20,000 of them in
one process.  Run in a subprocess: if the bug is back, the abort must not take the test
session down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = """
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for index in range(20_000):
    label.setText(str(index))
    label.update()
print("survived", sys.getrefcount(None) > 0)
"""


@pytest.mark.spawns_processes
def test_twenty_thousand_void_qt_calls_do_not_crash() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=environment, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived True" in result.stdout
