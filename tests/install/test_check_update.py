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


def test_a_page_with_a_broken_header_is_still_checked_for_links_order_and_icon(
    data_dir: Path
) -> None:
    update = data_dir / "content"
    shutil.copytree(resources.bundled_content_dir(), update)
    safety = update / "en" / "safety.md"
    text = safety.read_text(encoding="utf-8")
    header_end = text.index("\n---\n", 4)
    kept = [line for line in text[4:header_end].splitlines()
            if not line.startswith(("title:", "order:", "icon:"))]
    safety.write_text("---\norder: x\nicon: no-such-icon\n" + "\n".join(kept)
                      + text[header_end:] + "\nSee [nowhere](page:nowhere).\n",
                      encoding="utf-8")
    last_line = len(safety.read_text(encoding="utf-8").splitlines())

    out = check(data_dir).stdout
    assert f"{safety}:1: page has no title" in out
    assert f"{safety}:2: order must be a whole number, not 'x'" in out
    assert f"{safety}: icon 'no-such-icon' does not exist in assets/icons" in out
    assert f"{safety}:{last_line}: link to a page that does not exist: 'page:nowhere'" in out
    linking = [line for line in out.splitlines() if "'page:safety'" in line]
    assert linking, "the pages that link to it are named"
    for line in linking:
        assert "not shown until the problems in en/safety.md are fixed" in line
        assert "does not exist" not in line
