"""Benchmarks (b) and (c) of the report runner: the seed report against a floor, and a no-op rerun.

Run from the project root (``make bench`` runs it with the other benchmarks)::

    .venv/bin/python benchmarks/report_bench.py             # measure, print, rewrite the README blocks
    .venv/bin/python benchmarks/report_bench.py --no-write  # print only

(b) **Report against its floor.** The floor is the same number of notebooks as the seed report executes
(3), each holding only the real notebook's ``parameters`` cell and one cell with every import statement
of the real notebook (pandas, IPython.display, ``analysis`` and its modules …), run and exported by the
runner's own :func:`analysis.run.runner.execute_and_export`, the code path of the real report (same
kernel spec, papermill engine, normalising and atomic write; HTML with and without code, each
notebook's export beside the next notebook's execution): the fixed cost of a notebook report, with
no analysis in it, so the ratio measures only the analysis work. The real side is
``analysis.run.runner.run([seed], force=True)`` into a temporary folder: manifest and article checks, the
three notebooks, their HTML, the fingerprint and the site. The two alternate, three times each, in this
one process (papermill, nbconvert and the site modules are imported once before timing); ratio = median
real / median floor. Each real run is also split into phases by wrapping the runner's functions (an
export runs beside the next notebook's execution, so the phases add up to more than the total).

(c) **No-op rerun.** Right after, with every output up to date, ``python -m analysis run`` (a fresh
interpreter, wall clock including its start) on the same temporary folders, five times; the median is
reported. One more run starts with a ``sitecustomize`` on ``PYTHONPATH`` that logs the command line of
every Python process it starts: it must log no kernel (``ipykernel_launcher`` or the project's
``analysis.run.kernel_launcher``, :data:`KERNEL_LAUNCHERS`). As a check of that detector, a
``--force`` run with the same hook must log three kernels. No file may change (sizes, bytes, mtimes;
the lock files, which hold the pid of the last run, excepted).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import nbconvert  # noqa: F401  (imported before timing: the floor and the real run share it)
import nbformat
import papermill  # noqa: F401
from readme_block import write_block

import analysis.site  # noqa: F401
from analysis import config
from analysis.run import kernel, runner

SCRIPT = "report_bench.py"
EVENT = config.DEFAULT_EVENT
REPEATS = 3
NOOP_RUNS = 5
TARGET_RATIO = 1.3
TARGET_NOOP_SECONDS = 1.0
#: The modules a kernel process is started with: ipykernel's, and the project kernel's quiet launcher
#: (what the runner starts since 07842ca; counting only ipykernel's, the detector saw no kernel).
KERNEL_LAUNCHERS = ("ipykernel_launcher", kernel.LAUNCHER)
KERNEL_LOG_HOOK = """
import os, sys
_log = os.environ.get("ANALYSIS_BENCH_PROCESS_LOG")
if _log:
    with open(_log, "a", encoding="utf-8") as handle:
        handle.write(" ".join(sys.orig_argv) + "\\n")
"""


# ------------------------------------------------------------------------------------- (b) the floor


def import_lines(notebook: nbformat.NotebookNode) -> list[str]:
    """Every import statement of the notebook's code cells, in order, without duplicates."""
    found: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import | ast.ImportFrom):
                line = ast.unparse(node)
                if line not in found:
                    found.append(line)
    return found


def bare_notebook(source: Path, target: Path) -> Path:
    """Write a copy of ``source`` keeping only its parameters cell and one cell of its imports."""
    notebook = nbformat.read(source, as_version=4)
    parameters = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    imports = nbformat.v4.new_code_cell("\n".join(import_lines(notebook)))
    bare = nbformat.v4.new_notebook(cells=[parameters, imports], metadata=notebook.metadata)
    nbformat.write(bare, target)
    return target


class Timing(NamedTuple):
    """Seconds of one run: wall clock, and CPU of this process plus its kernels (ended children)."""

    wall: float
    cpu: float


@contextlib.contextmanager
def timing(record: list[Timing]) -> Iterator[None]:
    """Append the wall-clock and CPU seconds (this process + ended children) of the block to
    ``record``. CPU time is what the load of other users' processes inflates least."""

    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    wall, used = time.perf_counter(), cpu()
    yield
    record.append(Timing(time.perf_counter() - wall, cpu() - used))


def floor_run(bare_dir: Path, out: Path, record: list[Timing]) -> None:
    """Execute and export the bare notebooks as the runner does for one event; record the time."""
    parameters = runner.event_parameters(EVENT, config.DATA_RAW, out / "processed", out / "reports")
    sources = [bare_dir / name for name in runner.NOTEBOOKS]
    with timing(record):
        runner.execute_and_export(sources, out / "reports", parameters)  # the report's code path


# ---------------------------------------------------------------------------------- (b) the report


@contextlib.contextmanager
def phase_timer(totals: dict[str, float]) -> Iterator[None]:
    """Within the block, add the seconds spent in the runner's main steps to ``totals``."""
    names = ("check_events", "execute_notebook", "export_html", "update_site")
    saved = {name: getattr(runner, name) for name in names}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                label = name
                if name == "execute_notebook":
                    label = f"execute {Path(args[0]).stem}"
                totals[label] += time.perf_counter() - started

        return wrapper

    for name, function in saved.items():
        setattr(runner, name, timed(name, function))
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(runner, name, function)


def real_run(out: Path, phases: dict[str, float], record: list[Timing]) -> None:
    """The seed event's full report into ``out`` (forced); record the time."""
    with timing(record), phase_timer(phases):
        runner.run(
            [EVENT], processed_root=out / "processed", reports_root=out / "reports", force=True
        )


def measure_report(work: Path) -> tuple[list[Timing], list[Timing], dict[str, float], str]:
    """Alternate floor and real runs; return their timings, the mean phases of the real runs and
    the load averages (1 min) before and after."""
    bare_dir = work / "bare"
    bare_dir.mkdir()
    for name in runner.NOTEBOOKS:
        bare_notebook(config.NOTEBOOKS / name, bare_dir / name)
    floors: list[Timing] = []
    reals: list[Timing] = []
    phases: dict[str, float] = defaultdict(float)
    load_before = os.getloadavg()[0]
    for repeat in range(REPEATS):
        floor_run(bare_dir, work / "floor", floors)
        real_run(work / "real", phases, reals)
        print(
            f"  repeat {repeat + 1}: floor {floors[-1].wall:.2f} s (CPU {floors[-1].cpu:.2f} s), "
            f"report {reals[-1].wall:.2f} s (CPU {reals[-1].cpu:.2f} s), "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    loads = f"{load_before:.1f} → {os.getloadavg()[0]:.1f}"
    return floors, reals, {name: seconds / REPEATS for name, seconds in phases.items()}, loads


# ---------------------------------------------------------------------------------- (c) no-op rerun


def command(out: Path, *extra: str) -> list[str]:
    """``python -m analysis run`` on the benchmark's output folders."""
    return [
        sys.executable,
        "-m",
        "analysis",
        "run",
        "--processed",
        str(out / "processed"),
        "--reports",
        str(out / "reports"),
        *extra,
    ]


def snapshot(out: Path) -> dict[str, tuple[int, int, str]]:
    """(size, mtime in ns, SHA-256) of every output file; the lock files are left out."""
    return {
        str(path): (
            path.stat().st_size,
            path.stat().st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


def timed_command(out: Path, env: dict[str, str], *extra: str) -> tuple[float, str]:
    """Run the command; return its wall-clock seconds and its standard output (fails on exit ≠ 0)."""
    started = time.perf_counter()
    done = subprocess.run(
        command(out, *extra), env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command(out, *extra))} failed:\n{done.stdout}{done.stderr}")
    return seconds, done.stdout


def kernels_started(out: Path, work: Path, env: dict[str, str], *extra: str) -> int:
    """How many kernels (:data:`KERNEL_LAUNCHERS`) one run starts, logged by a ``sitecustomize``."""
    hook, log = work / "hook", work / "processes.log"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(KERNEL_LOG_HOOK, encoding="utf-8")
    log.unlink(missing_ok=True)
    tracked = {
        **env,
        "ANALYSIS_BENCH_PROCESS_LOG": str(log),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")])),
    }
    timed_command(out, tracked, *extra)
    lines = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    return sum(any(launcher in line for launcher in KERNEL_LAUNCHERS) for line in lines)


def measure_noop(out: Path, work: Path) -> dict[str, Any]:
    """Time no-op reruns of the report in ``out``; count kernels and changed files."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    timed_command(out, env)  # settles the stamps after the in-process runs (same inputs: no-op)
    before = snapshot(out)
    times, outputs = [], []
    for _ in range(NOOP_RUNS):
        seconds, stdout = timed_command(out, env)
        times.append(seconds)
        outputs.append(stdout)
    kernels = kernels_started(out, work, env)
    after = snapshot(out)
    changed = sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )
    forced_kernels = kernels_started(out, work, env, "--force")
    return {
        "times": times,
        "skipped": all(f"{EVENT}: up to date, skipped" in text for text in outputs),
        "kernels": kernels,
        "forced_kernels": forced_kernels,
        "changed": changed,
    }


# ------------------------------------------------------------------------------------------ report


def report_block(
    floors: list[Timing], reals: list[Timing], phases: dict[str, float], loads: str
) -> str:
    """The README block of (b)."""
    floor, real = (statistics.median(t.wall for t in runs) for runs in (floors, reals))
    floor_cpu, real_cpu = (statistics.median(t.cpu for t in runs) for runs in (floors, reals))
    ratio = real / floor
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    rows = "\n".join(f"| {name} | {seconds:.2f} |" for name, seconds in sorted(phases.items()))
    return f"""Floor (3 bare notebooks, executed and exported as the runner does): median **{floor:.2f} s**
({", ".join(f"{t.wall:.2f}" for t in floors)}). Seed report, `run(force=True)`: median **{real:.2f} s**
({", ".join(f"{t.wall:.2f}" for t in reals)}). Ratio **{ratio:.2f}×**: {verdict} the target ≤ {TARGET_RATIO}×.
CPU (this process and its kernels): floor median {floor_cpu:.2f} s, report {real_cpu:.2f} s, ratio
{real_cpu / floor_cpu:.2f}×. Load average (1 min) over the runs: {loads}.

Where the report's time goes (mean of the {REPEATS} runs; each `execute` includes its kernel start;
`export_html` runs beside the next notebook's `execute`, so the phases overlap):

| phase | seconds |
|---|---:|
{rows}
| total | {real:.2f} |"""


def noop_block(noop: dict[str, Any]) -> str:
    """The README block of (c)."""
    median = statistics.median(noop["times"])
    verdict = "meets" if median < TARGET_NOOP_SECONDS and noop["kernels"] == 0 else "misses"
    changed = ", ".join(noop["changed"]) or "none"
    return f"""No-op rerun, `python -m analysis run` (wall clock, interpreter start included), {NOOP_RUNS}
runs: median **{median:.2f} s** ({", ".join(f"{s:.2f}" for s in noop["times"])}); every run said
"up to date, skipped": {noop["skipped"]}. Kernels started: **{noop["kernels"]}** (detector check: a
`--force` run logged {noop["forced_kernels"]}). Files changed by the no-op runs: {changed}. {verdict.capitalize()}
the target < {TARGET_NOOP_SECONDS:.0f} s with no kernel."""


def main(argv: list[str] | None = None) -> int:
    """Measure (b) and (c); print the blocks and (unless ``--no-write``) rewrite them in the README."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    work = Path(tempfile.mkdtemp(prefix="report-bench-"))
    try:
        print("(b) seed report against the floor", flush=True)
        floors, reals, phases, loads = measure_report(work)
        print("(c) no-op rerun", flush=True)
        noop = measure_noop(work / "real", work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    blocks = {
        "report-floor": report_block(floors, reals, phases, loads),
        "noop-rerun": noop_block(noop),
    }
    for name, block in blocks.items():
        print(f"\n{name}:\n{block}")
        if not args.no_write:
            write_block(name, SCRIPT, block)
    ok = statistics.median(noop["times"]) < TARGET_NOOP_SECONDS and noop["kernels"] == 0
    ok = ok and noop["forced_kernels"] == len(runner.NOTEBOOKS)  # the detector sees kernels
    return 0 if ok and not noop["changed"] and noop["skipped"] else 1


if __name__ == "__main__":
    sys.exit(main())
