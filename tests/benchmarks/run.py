"""The kiosk's performance benchmark (``make bench``): a table and a JSON file.

Every figure is a ratio to a baseline measured in the same run, or a count that does not
depend on the machine's speed, because these machines are noisy.  The baseline is a bare
PySide6 program (``bare_window.py``): a QApplication with one QMainWindow and a QLabel,
quitting after its first paint.  Each measurement runs in its own process
(``drivers.py``); this module only starts them, never Qt itself.

* start-up: process start to the end of the home screen's first paint, offscreen; median
  of interleaved runs, app / bare (``startup_ratio``), and the same for the bundle
  against a frozen bare baseline (``frozen_startup_ratio``);
* tap-to-page: a tap on every tile and link, from the click to the end of the paint of
  the screen it leads to, first visits included; p50 and p95 in ms beside a bare
  QStackedWidget switch timed the same way;
* idle CPU on home, on a long page and on the attract screen, as % of one core;
* memory: RSS after start, app / bare, and growth over seeded random navigations;
* content scaling: start-up with the content copied to 10x and 100x as many pages, / 1x;
* bundle: size of ``dist/tigoni-kiosk/`` / a default one-folder build of the baseline.

It exits 0 even when a target is missed (it measures; it does not test).  Environment:
``BENCH_JSON`` (default ``bench.json`` at the repository root), ``BENCH_IDLE_S``
(default 30), ``BENCH_RUNS`` (start-up runs per program, default 7), ``BENCH_SEED``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUNDLE_DIR = ROOT / "dist" / "tigoni-kiosk"
BUNDLE_EXE = BUNDLE_DIR / "tigoni-kiosk"
FROZEN_CACHE = ROOT / ".pyinstaller" / "bench"
PYCACHE = Path(tempfile.gettempdir()) / "kiosk-bench-pycache"
# The kiosk's debug flag: it prints "first-paint <time.time()> <MiB>" on stdout once the
# home screen's first paint has finished, and exits 0.  A bundle is timed with it only if
# its --help mentions it.
EXIT_FLAG = "--exit-after-first-paint"
MARKER = "BENCH "
SIZE = (1920, 1080)  # as tests.benchmarks.bare_window, which this module must not import

KEYS = (
    "startup_ratio", "frozen_startup_ratio", "tap_p50_ms", "tap_p95_ms",
    "bare_switch_p95_ms", "idle_cpu_home_pct", "idle_cpu_page_pct", "idle_cpu_attract_pct",
    "rss_ratio", "rss_growth_mb", "content_10x_ratio", "content_100x_ratio", "bundle_ratio",
)


@dataclass(frozen=True)
class Target:
    """One row of the table: what is measured, its unit and the target, if any."""

    key: str
    label: str
    unit: str
    limit: float | None = None
    strict: bool = False  # True: must be under the limit; False: at most the limit

    def met(self, value: float | None) -> bool | None:
        """Whether ``value`` meets the target (None: no target, or nothing measured)."""
        if self.limit is None or value is None:
            return None
        return value < self.limit if self.strict else value <= self.limit

    def describe(self) -> str:
        """The target as text."""
        if self.limit is None:
            return "(reference)"
        sign = "<" if self.strict else "<="
        return f"{sign} {self.limit:g}{self.unit}"


TARGETS = (
    Target("startup_ratio", "start-up, app / bare", "x", 1.5),
    Target("frozen_startup_ratio", "start-up frozen, bundle / bare", "x", 1.5),
    Target("tap_p50_ms", "tap-to-page p50", " ms"),
    Target("tap_p95_ms", "tap-to-page p95", " ms", 8.0),
    Target("bare_switch_p95_ms", "bare QStackedWidget switch p95", " ms"),
    Target("idle_cpu_home_pct", "idle CPU, home", "%", 0.5, strict=True),
    Target("idle_cpu_page_pct", "idle CPU, long page", "%", 0.5, strict=True),
    Target("idle_cpu_attract_pct", "idle CPU, attract screen", "%", 3.0, strict=True),
    Target("rss_ratio", "memory after start, app / bare", "x", 1.5),
    Target("rss_growth_mb", "memory growth, random navigation", " MB", 5.0),
    Target("content_10x_ratio", "start-up with 10x content / 1x", "x"),
    Target("content_100x_ratio", "start-up with 100x content / 1x", "x", 1.3),
    Target("bundle_ratio", "bundle size / default bare build", "x", 0.75),
)


@dataclass(frozen=True)
class Config:
    """How much to measure; ``quick()`` is the seconds-long smoke version."""

    json_path: Path = ROOT / "bench.json"
    start_runs: int = 7
    warmup_rounds: int = 1
    taps: int = 300
    idle_s: float = 30.0
    idle_settle_s: float = 2.0
    soak_steps: int = 5000
    seed: int = 8
    multipliers: tuple[int, int] = (10, 100)
    bundles: bool = True
    concurrent: bool = False  # measurements side by side: only when times do not matter

    @classmethod
    def from_environment(cls) -> Config:
        """The full benchmark, with ``BENCH_*`` overrides."""
        path = Path(os.environ.get("BENCH_JSON") or "bench.json")
        return cls(
            json_path=path if path.is_absolute() else ROOT / path,
            start_runs=max(1, int(os.environ.get("BENCH_RUNS") or 7)),
            idle_s=float(os.environ.get("BENCH_IDLE_S") or 30),
            seed=int(os.environ.get("BENCH_SEED") or 8),
        )

    def quick(self) -> Config:
        """A few seconds of everything, to check the machinery (no bundle builds)."""
        return replace(self, start_runs=1, warmup_rounds=0, taps=30, idle_s=1.0,
                       idle_settle_s=0.3, soak_steps=200, bundles=False, concurrent=True)


class DriverError(RuntimeError):
    """A benchmark program failed or printed no result."""


@dataclass
class Outcome:
    """Figures by key, with the raw numbers behind them and why any is missing."""

    figures: dict[str, float | None] = field(default_factory=lambda: dict.fromkeys(KEYS))
    details: dict[str, object] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


# --- running programs ------------------------------------------------------------------


def child_environment() -> dict[str, str]:
    """The environment for every measured program: offscreen Qt, nothing else changed."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Programs keep their compiled bytecode, as an installed program (and the bundle)
    # does; without it every start would compile the kiosk's modules again.  The cache
    # lives outside the repository so nothing is written into other people's folders.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def python_module(module: str, *args: str) -> list[str]:
    """A command line running ``module`` with this environment's Python."""
    return [sys.executable, "-m", module, *args]


def driver(mode: str, *args: str) -> list[str]:
    """A command line for one of ``drivers.py``'s modes."""
    return python_module("tests.benchmarks.drivers", mode, *args)


def kiosk_start(data: Path, *args: str) -> list[str]:
    """The kiosk itself, as IT starts it from source, quitting after its first paint.

    It is the real program (``python -m kiosk``), so the time includes everything the
    kiosk does and imports, and nothing a measuring program would add.
    """
    return python_module("kiosk", EXIT_FLAG, "--data-dir", str(data),
                         "--size", f"{SIZE[0]}x{SIZE[1]}", *args)


def parse_result(stdout: str) -> dict[str, object] | None:
    """The last ``BENCH {json}`` line, or ``first-paint <time> [<MiB>]`` from the kiosk."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER):
            parsed = json.loads(line[len(MARKER):])
            return parsed if isinstance(parsed, dict) else None
        if line.startswith("first-paint "):
            words = line.split()
            found: dict[str, object] = {"paint_time": float(words[1])}
            if len(words) > 2 and words[2] != "nan":
                found["rss_mb"] = float(words[2])
            return found
    return None


def _failure(command: Sequence[str], code: int | None, stderr: str) -> DriverError:
    tail = "\n".join(stderr.strip().splitlines()[-12:])
    return DriverError(f"{' '.join(command[:4])}... exited {code}:\n{tail}")


def run_program(command: Sequence[str], timeout: float, exit_is_result: bool = False,
                ) -> tuple[dict[str, object], float, float]:
    """Run a program to its end: its result, and wall-clock times just before it started
    and when it had exited.  ``exit_is_result``: a program that exits 0 without printing
    a result is fine (its exit is taken as its first paint)."""
    started = time.time()
    try:
        done = subprocess.run(list(command), cwd=ROOT, env=child_environment(),
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise DriverError(f"{' '.join(command[:4])}... took over {timeout:.0f} s") from error
    ended = time.time()
    result = parse_result(done.stdout)
    if result is None and exit_is_result and done.returncode == 0:
        result = {"exit_only": True}
    if result is None:
        raise _failure(command, done.returncode, done.stderr)
    return result, started, ended


def run_parallel(commands: dict[str, list[str]], timeout: float) -> dict[str, dict[str, object]]:
    """Run programs side by side (for idle measurements, which barely use the CPU)."""
    processes = {
        name: subprocess.Popen(command, cwd=ROOT, env=child_environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, command in commands.items()
    }
    results: dict[str, dict[str, object]] = {}
    failures: list[str] = []
    for name, process in processes.items():
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            failures.append(f"{name}: took over {timeout:.0f} s")
            continue
        result = parse_result(stdout)
        if result is None:
            failures.append(f"{name}: {_failure(commands[name], process.returncode, stderr)}")
        else:
            results[name] = result
    if failures:
        raise DriverError("; ".join(failures))
    return results


def number(value: object) -> float:
    """A JSON number from a driver's result."""
    if not isinstance(value, int | float):
        raise DriverError(f"expected a number, got {value!r}")
    return float(value)


def numbers(value: object) -> list[float]:
    """A JSON list of numbers from a driver's result."""
    if not isinstance(value, list):
        raise DriverError(f"expected a list, got {value!r}")
    return [number(item) for item in value]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile, linearly interpolated between closest ranks."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def make_data_dir(parent: Path, name: str) -> Path:
    """A data folder whose idle reset never fires during a measurement."""
    folder = parent / name
    folder.mkdir(parents=True, exist_ok=True)
    # 300 s: the longest the file allows, and longer than any measurement here.
    (folder / "settings.json").write_text(json.dumps({"idle_timeout_s": 300}),
                                          encoding="utf-8")
    return folder


# --- the measurements ------------------------------------------------------------------


def time_startups(programs: dict[str, list[str]], runs: int, warmup: int,
                  exit_is_result: bool = False) -> dict[str, dict[str, list[float]]]:
    """Start each program ``warmup + runs`` times, interleaved; keep the last ``runs``.

    Returns, per program, the seconds from just before start to the end of the first
    paint (``seconds``) and the RSS then (``rss_mb``, when reported).
    """
    found: dict[str, dict[str, list[float]]] = {
        name: {"seconds": [], "rss_mb": []} for name in programs
    }
    for round_number in range(warmup + runs):
        for name, command in programs.items():
            result, started, ended = run_program(command, timeout=120,
                                                 exit_is_result=exit_is_result)
            painted = number(result.get("paint_time", ended))
            if round_number < warmup:
                continue
            found[name]["seconds"].append(painted - started)
            if "rss_mb" in result:
                found[name]["rss_mb"].append(number(result["rss_mb"]))
    return found


def measure_startup(config: Config, work: Path, outcome: Outcome) -> None:
    """Start-up and memory after start against the bare baseline; content scaling."""
    from kiosk import resources
    from tests.benchmarks.content import multiply_content, page_count_and_errors

    data = make_data_dir(work, "data-start")
    programs = {
        "bare": python_module("tests.benchmarks.bare_window"),
        "app": kiosk_start(data),
    }
    pages: dict[str, int] = {}
    for times in (1, *config.multipliers):
        content = multiply_content(resources.bundled_content_dir(), work / f"content-{times}x",
                                   times)
        count, failed = page_count_and_errors(content)
        if failed:
            raise DriverError(f"the {times}x content copy has {failed} errors")
        pages[f"{times}x"] = count
        programs[f"app_{times}x"] = kiosk_start(data, "--content", str(content))
    runs = time_startups(programs, config.start_runs, config.warmup_rounds)
    medians = {name: statistics.median(found["seconds"]) for name, found in runs.items()}
    rss = {name: statistics.median(found["rss_mb"]) for name, found in runs.items()
           if found["rss_mb"]}
    figures = outcome.figures
    figures["startup_ratio"] = medians["app"] / medians["bare"]
    figures["rss_ratio"] = rss["app"] / rss["bare"]
    low, high = config.multipliers
    figures["content_10x_ratio"] = medians[f"app_{low}x"] / medians["app_1x"]
    figures["content_100x_ratio"] = medians[f"app_{high}x"] / medians["app_1x"]
    outcome.details["startup"] = {
        "median_ms": {name: round(value * 1000, 1) for name, value in medians.items()},
        "runs_ms": {name: [round(s * 1000, 1) for s in found["seconds"]]
                    for name, found in runs.items()},
        "rss_mb": {name: round(value, 1) for name, value in rss.items()},
        "pages": pages,
        "runs_each": config.start_runs,
    }


def measure_taps(config: Config, work: Path, outcome: Outcome) -> None:
    """Tap-to-page in the kiosk, and the bare switch timed the same way."""
    bare, _, _ = run_program(driver("bare-switch", "--taps", str(config.taps)), timeout=300)
    data = make_data_dir(work, "data-taps")
    app, _, _ = run_program(
        driver("app-taps", "--data-dir", str(data), "--taps", str(config.taps)), timeout=600)
    latencies = numbers(app["latencies_ms"])
    bare_latencies = numbers(bare["latencies_ms"])
    if not latencies or not bare_latencies:
        raise DriverError("no tap was timed")
    kinds = app.get("kinds")
    firsts = app.get("first_visit")
    clicks = numbers(app.get("click_ms", []))
    by_kind: dict[str, dict[str, float]] = {}
    if isinstance(kinds, list) and len(clicks) == len(latencies):
        for kind in sorted(set(map(str, kinds))):
            values = [ms for ms, k in zip(latencies, kinds, strict=True) if k == kind]
            inside = [ms for ms, k in zip(clicks, kinds, strict=True) if k == kind]
            by_kind[kind] = {"count": len(values), "p50": round(percentile(values, 50), 2),
                             "p95": round(percentile(values, 95), 2),
                             "max": round(max(values), 2),
                             "in_click_p50": round(percentile(inside, 50), 2)}
    settled = numbers(app.get("settled_ms", []))
    passes = numbers(app.get("paint_passes", []))
    first_ms: list[float] = []
    if isinstance(firsts, list):
        first_ms = [ms for ms, first in zip(latencies, firsts, strict=True) if first]
    figures = outcome.figures
    figures["tap_p50_ms"] = percentile(latencies, 50)
    figures["tap_p95_ms"] = percentile(latencies, 95)
    figures["bare_switch_p95_ms"] = percentile(bare_latencies, 95)
    outcome.details["taps"] = {
        "count": len(latencies),
        "timeouts": app.get("timeouts"),
        "wrong_screen": app.get("wrong_screen"),
        "max_ms": round(max(latencies), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "settled_p95_ms": round(percentile(settled, 95), 2) if settled else None,
        "taps_with_more_than_one_paint_pass": sum(1 for n in passes if n > 1),
        "first_visits": {"count": len(first_ms),
                         "p50_ms": round(percentile(first_ms, 50), 2) if first_ms else None,
                         "max_ms": round(max(first_ms), 2) if first_ms else None},
        "by_kind": by_kind,
        "bare_switch": {"count": len(bare_latencies),
                        "p50_ms": round(percentile(bare_latencies, 50), 2),
                        "p95_ms": round(percentile(bare_latencies, 95), 2)},
        "p95_over_bare_p95": round(percentile(latencies, 95)
                                   / percentile(bare_latencies, 95), 2),
    }


def measure_idle(config: Config, work: Path, outcome: Outcome) -> None:
    """CPU used while nobody touches the kiosk, on three screens, side by side."""
    timing = ["--seconds", str(config.idle_s), "--settle", str(config.idle_settle_s)]
    commands = {
        scene: driver("app-idle", "--data-dir", str(make_data_dir(work, f"data-idle-{scene}")),
                      "--scene", scene, *timing)
        for scene in ("home", "page", "attract")
    }
    commands["bare"] = driver("bare-idle", *timing)
    results = run_parallel(commands, timeout=config.idle_s + 120)
    for scene in ("home", "page", "attract"):
        outcome.figures[f"idle_cpu_{scene}_pct"] = number(results[scene]["cpu_pct"])
    outcome.details["idle"] = {
        name: {"cpu_s": round(number(result["cpu_s"]), 3),
               "wall_s": round(number(result["wall_s"]), 2),
               "cpu_pct": round(number(result["cpu_pct"]), 3),
               "paints": result.get("paints"),
               **({"page": result["page"]} if "page" in result else {})}
        for name, result in results.items()
    }


def measure_soak(config: Config, work: Path, outcome: Outcome) -> None:
    """Memory growth over seeded random navigation."""
    data = make_data_dir(work, "data-soak")
    result, _, _ = run_program(
        driver("app-soak", "--data-dir", str(data), "--steps", str(config.soak_steps),
               "--seed", str(config.seed)), timeout=900)
    rss = result["rss"]
    if not isinstance(rss, list) or len(rss) < 2:
        raise DriverError(f"no memory checkpoints: {rss!r}")
    points = [(int(number(step)), number(mb)) for step, mb in rss]
    outcome.figures["rss_growth_mb"] = points[-1][1] - points[0][1]
    how = result.get("how")
    counts = result.get("counts")
    outcome.details["soak"] = {
        "steps": result.get("steps"), "seed": config.seed,
        "rss_mb_by_step": [[step, round(mb, 1)] for step, mb in points],
        "growth_after_first_checkpoint_mb": round(points[-1][1] - points[1][1], 2)
        if len(points) > 2 else None,
        "actions": counts, "how": how, "seconds": result.get("seconds"),
        "objects_before": result.get("objects_before"),
        "objects_after": result.get("objects_after"),
    }
    if isinstance(counts, dict) and counts.get("text_size_skipped"):
        outcome.notes["rss_growth_mb"] = ("text-size changes skipped: the window has no "
                                          "public set_text_step/set_text_size yet")


def tree_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``, not following or counting symbolic links and
    counting hard-linked files once."""
    seen: set[tuple[int, int]] = set()
    total = files = 0
    for directory, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(directory, name)
            if path.is_symlink() or not path.is_file():
                continue
            info = path.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            total += info.st_size
            files += 1
    return total, files


def frozen_bare_baseline() -> Path:
    """A default (unslimmed) PyInstaller one-folder build of ``bare_window.py``, built once
    and kept under ``.pyinstaller/bench/`` (rebuilt when the script or versions change)."""
    script = HERE / "bare_window.py"
    digest = hashlib.sha256(script.read_bytes())
    digest.update(" ".join([qt_version(), sys.version, platform.machine()]).encode())
    folder = FROZEN_CACHE / digest.hexdigest()[:16]
    program = folder / "dist" / "bench-bare" / "bench-bare"
    if program.is_file():
        return program
    try:
        metadata.version("pyinstaller")
    except metadata.PackageNotFoundError as error:
        raise DriverError("PyInstaller is not installed, so the bare baseline cannot be "
                          "frozen; it is in the 'build' dependency group (make build "
                          "installs it)") from error
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"bench: building the frozen bare baseline in {folder.relative_to(ROOT)} "
          "(once; about a minute)", flush=True)
    command = python_module("PyInstaller", "--noconfirm", "--onedir", "--log-level", "WARN",
                            "--name", "bench-bare", "--distpath", str(folder / "dist"),
                            "--workpath", str(folder / "work"), "--specpath", str(folder),
                            str(script))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=1200)
    if done.returncode != 0 or not program.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        raise _failure(command, done.returncode, done.stderr)
    return program


def measure_bundle(config: Config, work: Path, outcome: Outcome) -> None:
    """Bundle size and frozen start-up against a frozen bare baseline."""
    if not BUNDLE_EXE.is_file():
        reason = f"no bundle: {BUNDLE_EXE.relative_to(ROOT)} does not exist (make build)"
        outcome.notes["bundle_ratio"] = outcome.notes["frozen_startup_ratio"] = reason
        return
    bare = frozen_bare_baseline()
    bundle_bytes, bundle_files = tree_size(BUNDLE_DIR)
    bare_bytes, bare_files = tree_size(bare.parent)
    outcome.figures["bundle_ratio"] = bundle_bytes / bare_bytes
    details: dict[str, object] = {
        "bundle_mb": round(bundle_bytes / 1e6, 1), "bundle_files": bundle_files,
        "bare_default_mb": round(bare_bytes / 1e6, 1), "bare_default_files": bare_files,
        "bare_build": str(bare.parent.relative_to(ROOT)),
    }
    outcome.details["bundle"] = details
    help_text = subprocess.run([str(BUNDLE_EXE), "--help"], capture_output=True, text=True,
                               env=child_environment(), timeout=120, check=False).stdout
    if EXIT_FLAG not in help_text:
        outcome.notes["frozen_startup_ratio"] = (
            f"the bundle has no {EXIT_FLAG} flag (not in 'tigoni-kiosk --help'), so its first "
            "paint cannot be timed")
        return
    data = make_data_dir(work, "data-frozen")
    programs = {
        "bare_frozen": [str(bare)],
        "bundle": [str(BUNDLE_EXE), EXIT_FLAG, "--data-dir", str(data), "--size", "1920x1080"],
    }
    # The bundle should print "first-paint <time.time()>" (see EXIT_FLAG); if it only
    # exits, its exit is timed instead, which slightly favours the baseline.
    runs = time_startups(programs, config.start_runs, config.warmup_rounds,
                         exit_is_result=True)
    medians = {name: statistics.median(found["seconds"]) for name, found in runs.items()}
    outcome.figures["frozen_startup_ratio"] = medians["bundle"] / medians["bare_frozen"]
    details["startup_median_ms"] = {name: round(value * 1000, 1)
                                    for name, value in medians.items()}


# --- report ----------------------------------------------------------------------------


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model,
            "python": platform.python_version(), "pyside6": qt_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "bytecode_cache": str(PYCACHE)}


def qt_version() -> str:
    """The installed PySide6 version."""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def format_value(target: Target, value: float | None) -> str:
    """A figure for the table."""
    if value is None:
        return "null"
    if target.unit == "x":
        return f"{value:.2f}x"
    if target.unit == "%":
        return f"{value:.3f}%"
    return f"{value:.2f}{target.unit}"


def table(outcome: Outcome) -> str:
    """The printed table: figure, value, target, result."""
    rows = [("figure", "key", "value", "target", "result")]
    for target in TARGETS:
        value = outcome.figures[target.key]
        met = target.met(value)
        result = "-" if met is None else ("pass" if met else "MISSED")
        if value is None:
            result = "n/a"
        rows.append((target.label, target.key, format_value(target, value), target.describe(),
                     result))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def missed(outcome: Outcome) -> list[str]:
    """Keys whose target was missed."""
    return [t.key for t in TARGETS if t.met(outcome.figures[t.key]) is False]


Step = Callable[[Config, Path, Outcome], None]
STEPS: tuple[tuple[str, tuple[str, ...], Step], ...] = (
    ("start-up, memory and content scaling",
     ("startup_ratio", "rss_ratio", "content_10x_ratio", "content_100x_ratio"),
     measure_startup),
    ("tap-to-page", ("tap_p50_ms", "tap_p95_ms", "bare_switch_p95_ms"), measure_taps),
    ("idle CPU", ("idle_cpu_home_pct", "idle_cpu_page_pct", "idle_cpu_attract_pct"),
     measure_idle),
    ("memory growth", ("rss_growth_mb",), measure_soak),
    ("bundle", ("bundle_ratio", "frozen_startup_ratio"), measure_bundle),
)


def run_benchmark(config: Config, log: Callable[[str], None] = print) -> Outcome:
    """Measure everything; a failing measurement leaves its figures null with a note."""
    outcome = Outcome()
    outcome.details["machine"] = machine()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as temporary:
        work = Path(temporary)

        def measure(title: str, keys: tuple[str, ...], step: Step) -> None:
            log(f"bench: {title}...")
            step_began = time.monotonic()
            try:
                step(config, work, outcome)
            except (DriverError, OSError, subprocess.SubprocessError) as error:
                for key in keys:
                    outcome.notes.setdefault(key, f"{title} failed: {error}")
                log(f"bench: {title} FAILED: {error}")
            log(f"bench: {title} took {time.monotonic() - step_began:.1f} s")

        steps = []
        for title, keys, step in STEPS:
            if step is measure_bundle and not config.bundles:
                for key in keys:
                    outcome.notes[key] = "bundle measurements are off in the quick run"
            else:
                steps.append((title, keys, step))
        if config.concurrent:
            with ThreadPoolExecutor(max_workers=len(steps)) as pool:
                for future in [pool.submit(measure, *item) for item in steps]:
                    future.result()
        else:
            for item in steps:
                measure(*item)
    outcome.details["seconds"] = round(time.monotonic() - began, 1)
    outcome.details["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return outcome


def write_json(config: Config, outcome: Outcome) -> None:
    """Write the figures (rounded), the raw numbers and the notes to ``config.json_path``."""
    data: dict[str, object] = {
        key: None if value is None else round(value, 4)
        for key, value in outcome.figures.items()
    }
    data["missed"] = missed(outcome)
    data["notes"] = outcome.notes
    data["details"] = outcome.details
    config_data = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()}
    data["config"] = config_data
    config.json_path.parent.mkdir(parents=True, exist_ok=True)
    config.json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def report(config: Config, outcome: Outcome) -> str:
    """The text printed at the end."""
    host = outcome.details["machine"]
    assert isinstance(host, dict)
    lines = [
        "",
        f"machine: {host['nproc']} cores, {host['cpu']}, Python {host['python']}, "
        f"PySide6 {host['pyside6']}, load {host['load_average']} -> "
        f"{outcome.details.get('load_average_after')}",
        table(outcome),
    ]
    startup = outcome.details.get("startup")
    if isinstance(startup, dict):
        lines.append(f"start-up medians (ms): {startup['median_ms']}; RSS (MB): "
                     f"{startup['rss_mb']}; pages: {startup['pages']}")
    taps = outcome.details.get("taps")
    if isinstance(taps, dict):
        lines.append(f"taps: {taps['count']} timed, by kind {taps['by_kind']}; "
                     f"first visits {taps['first_visits']}; bare {taps['bare_switch']}; "
                     f"{taps['taps_with_more_than_one_paint_pass']} taps painted more than "
                     f"once (p95 until the last pass {taps['settled_p95_ms']} ms)")
    idle = outcome.details.get("idle")
    if isinstance(idle, dict):
        lines.append(f"idle: {idle}")
    soak = outcome.details.get("soak")
    if isinstance(soak, dict):
        lines.append(f"memory along the navigation (step, MB): {soak['rss_mb_by_step']}; "
                     f"actions {soak['actions']}; Qt objects alive before "
                     f"{soak['objects_before']}, after {soak['objects_after']}")
    bundle = outcome.details.get("bundle")
    if isinstance(bundle, dict):
        lines.append(f"bundle: {bundle}")
    for key, note in outcome.notes.items():
        lines.append(f"note: {key}: {note}")
    missing = missed(outcome)
    lines.append(f"targets missed: {', '.join(missing)}" if missing
                 else "targets missed: none")
    lines.append(f"wrote {config.json_path}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table, write the JSON; exit 0 even if targets are
    missed."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--quick", action="store_true",
                        help="a seconds-long run that only checks the machinery")
    parser.add_argument("--json", type=Path, help="where to write the JSON (default: "
                        "$BENCH_JSON or bench.json at the repository root)")
    args = parser.parse_args(argv)
    config = Config.from_environment()
    if args.json is not None:
        config = replace(config, json_path=args.json.resolve())
    if args.quick:
        config = config.quick()
    outcome = run_benchmark(config)
    write_json(config, outcome)
    print(report(config, outcome))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
