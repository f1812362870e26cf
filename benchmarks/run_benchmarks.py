"""Run every benchmark (``make bench``): each script measures, prints, and rewrites its block(s) of
``benchmarks/README.md``. Add a benchmark by appending its script to :data:`BENCHMARKS`.

Run from the project root: ``.venv/bin/python benchmarks/run_benchmarks.py [NAME ...]`` (default: all).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Benchmark commands (script and arguments), in the order they run; each writes its own README
#: blocks. (a) and (d) run in separate processes so (d)'s peak memory does not include (a)'s.
BENCHMARKS = ("report_bench.py", "corpus_bench.py --only a", "corpus_bench.py --only d")


def main(argv: list[str]) -> int:
    """Run the chosen scripts (all by default) one after another; stop at the first failure."""
    chosen = [
        name
        for name in BENCHMARKS
        if not argv or name.split()[0] in argv or name.split()[0].removesuffix(".py") in argv
    ]
    for name in chosen:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        script, *arguments = name.split()
        done = subprocess.run([sys.executable, str(HERE / script), *arguments], check=False)
        print(
            f"== {name}: exit {done.returncode} in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
