"""Size benchmark: one event whose first article is 0.1, 1 or 5 MB, through the whole event pipeline.

The article is the seed event's VOA text, its paragraphs repeated (in order, each repeat numbered so
that no line is a duplicate the cleaning would drop) until the size is reached; ``--one-line``
joins those paragraphs with spaces instead of blank lines (an article saved without line breaks: the
5 MB case of issue 15); the RFI article stays as it is, so the event compares a huge article with a normal one. Each size runs
``python -m analysis run --force`` (notebooks 01–03, HTML, the site) in a fresh folder and records the
wall time and the peak resident memory of the process tree (runner + kernel), sampled every 0.1 s with
psutil. A run above ``--timeout`` seconds is stopped and reported as such; a peak above
``--max-peak-mb`` (default 2,000 MB, the README's limit) is reported, and the script then exits 1.

    python benchmarks/size_bench.py --sizes 0.1 1 5

Texts are made at run time from the seed data; nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from analysis import config

SEED = config.DATA_RAW / config.DEFAULT_EVENT
EVENT = "2019-04-22_size"
FILES = {"VOA": "000_5a7501a11d1dcd97.txt", "RFI": "001_2e6ec9803f784069.txt"}


def make_event(raw: Path, megabytes: float, *, one_line: bool = False) -> int:
    """Write the event; return the size of the large article in bytes."""
    folder = raw / EVENT
    folder.mkdir(parents=True)
    rows = []
    for outlet, name in FILES.items():
        data = (SEED / name).read_bytes()
        if outlet == "VOA":
            paragraphs = [p for p in data.decode("utf-8").split("\n\n") if p.strip()]
            target, parts, size, index = int(megabytes * 1_000_000), [], 0, 0
            while size < target:  # numbered, so the cleaning keeps repeats (no duplicate lines)
                parts.append(f"In update {index}, {paragraphs[index % len(paragraphs)]}")
                size += len(parts[-1].encode("utf-8")) + 2
                index += 1
            text = " ".join(parts).replace("\n", " ") if one_line else "\n\n".join(parts)
            data = text.encode("utf-8") + b"\n"
            large = len(data)
        (folder / name).write_bytes(data)
        rows.append([EVENT, outlet, "", "2019-04-22", f"{EVENT}/{name}",
                     hashlib.sha256(data).hexdigest()])  # fmt: skip
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id", "outlet", "title", "date", "path", "sha256"])
        writer.writerows(rows)
    return large


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def run_size(megabytes: float, timeout: float, *, one_line: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        size = make_event(root / "raw", megabytes, one_line=one_line)
        command = [sys.executable, "-m", "analysis", "run", "--raw", str(root / "raw"),
                   "--processed", str(root / "p"), "--reports", str(root / "r"), "--force"]  # fmt: skip
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        started = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        watched, peak, status = psutil.Process(child.pid), 0, "ok"
        while child.poll() is None:
            peak = max(peak, tree_rss(watched))
            if time.perf_counter() - started > timeout:
                for member in [*watched.children(recursive=True), watched]:
                    member.kill()
                status = f"stopped after {timeout:.0f} s"
                break
            time.sleep(0.1)
        _out, err = child.communicate()
        seconds = time.perf_counter() - started
        if status == "ok" and child.returncode != 0:
            status = f"exit {child.returncode}: {err.strip().splitlines()[-1][:120]}"
    return {
        "MB": megabytes,
        "bytes": size,
        "seconds": seconds,
        "peak_MB": peak / 1e6,
        "status": status,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 5.0])
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--max-peak-mb", type=float, default=2000.0)
    parser.add_argument("--one-line", action="store_true", help="the large article on one line")
    args = parser.parse_args()
    print("| article | bytes | wall time (s) | peak memory, runner + kernel (MB) | status |")
    print("|---|---|---|---|---|")
    failed = False
    for megabytes in args.sizes:
        row = run_size(megabytes, args.timeout, one_line=args.one_line)
        if row["status"] == "ok" and row["peak_MB"] > args.max_peak_mb:
            row["status"] = f"peak above {args.max_peak_mb:.0f} MB"
        failed |= row["status"] != "ok"
        print(f"| {row['MB']} MB | {row['bytes']:,} | {row['seconds']:.1f} | "
              f"{row['peak_MB']:.0f} | {row['status']} |", flush=True)  # fmt: skip
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
