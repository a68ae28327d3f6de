"""``check --data-dir D`` on a broken content update, as IT runs it on the kiosk PC.

Each problem is printed once (not again by the log), the summary names the update's
folder, and a page with a broken header is still checked for its other problems
(issue 20, point 8).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import resources

pytestmark = pytest.mark.spawns_processes

REPO = Path(__file__).resolve().parents[2]
BROKEN_HEADERS = {
    "unclosed.md": "---\ntitle: Never closed\nSome words.\n\n![A chart](chart-missing.png)\n",
    "no-header.md": "Words with no header.\n\n![A map](map-missing.png)\n",
    "no-title.md": "---\norder: 3\n---\nText.\n\n![](no-alt-missing.png)\n",
}


@pytest.fixture
def broken_update(data_dir: Path) -> Path:
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    for name, text in BROKEN_HEADERS.items():
        (update / "en" / name).write_text(text, encoding="utf-8")
    return update


def check(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "check"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def test_each_problem_once_and_the_summary_names_the_update_folder(
    data_dir: Path, broken_update: Path
) -> None:
    result = check(data_dir)
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    problems = [line for line in lines if ".md:" in line or ".md: " in line]
    assert len(problems) == len(set(problems)), "each problem once"
    summary = lines[-1]
    assert f"in {broken_update};" in summary
    assert "kiosk shows its bundled content" in summary
    assert "_internal" not in summary and str(resources.bundled_content_dir()) not in summary


def test_a_page_with_a_broken_header_is_still_checked_for_its_pictures(
    data_dir: Path, broken_update: Path
) -> None:
    out = check(data_dir).stdout
    en = broken_update / "en"
    assert f"{en / 'unclosed.md'}:1: header is not closed" in out
    assert f"{en / 'unclosed.md'}:5: image 'chart-missing.png' does not exist" in out
    assert f"{en / 'no-header.md'}:1: page has no header" in out
    assert f"{en / 'no-header.md'}:3: image 'map-missing.png' does not exist" in out
    assert f"{en / 'no-title.md'}:1: page has no title" in out
    assert f"{en / 'no-title.md'}:6: image 'no-alt-missing.png' has no alt text" in out
    assert f"{en / 'no-title.md'}:6: image 'no-alt-missing.png' does not exist" in out
