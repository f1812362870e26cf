"""Benchmarks (a) and (d) of corpus runs: batch feature extraction against a naive baseline, and Dask.

Run from the project root (``make bench`` runs it with the other benchmarks; needs the BASIL corpus at
``../shared/corpora/basil-dev`` or ``$BASIL_DIR``, and skips with a message without it)::

    .venv/bin/python benchmarks/corpus_bench.py              # measure, print, rewrite the README blocks
    .venv/bin/python benchmarks/corpus_bench.py --no-write   # print only
    .venv/bin/python benchmarks/corpus_bench.py --articles 100000 --only d

(a) **Batch features against naive calls.** BASIL's 150 cleaned articles are replicated to
``--features-articles`` (default 10,050) rows with unique ids. The batch side is one
:func:`analysis.corpus.features.article_features` call over the whole table in this process, and the same
table split into 10 chunks over 2 worker processes (``concurrent.futures``; the workers are started and
warmed up before timing). The naive side, in the same run, computes the same columns article by article
with one library call per metric, as the per-event pipeline does: textstat's six functions (its caches
cleared before each article, as for a corpus of distinct texts — otherwise the replicated texts would be
cache hits), VADER on every sentence and its narration and quoted parts (:func:`analysis.measures.tone.sentence_tone`),
label uses, hedge uses and frame indicators. It runs on the first ``--naive-articles`` (default 450) rows
only — at its speed the whole table would take many minutes — and its per-article rate is compared. Every
value of those rows must be identical (==) to the batch values.

(d) **Dask.** A synthetic corpus of ``--articles`` (default 100,050) articles: BASIL's 150 files linked
(or copied) into a temporary folder under unique event ids, one manifest row each. The corpus extraction
(:func:`analysis.corpus.extract_corpus`: reading, cleaning, batch features, Parquet tables, CSV summaries
with bootstrap intervals; ``comparison=False``, i.e. without quotes and shared sentences, whose per-event
rules would dominate the time) runs on a ``LocalCluster`` with 1 and then 2 single-threaded workers, given
to the run as ``scheduler=`` (the path an existing cluster takes). Peak memory is the largest sum of the
resident set sizes of this process and all its descendants (scheduler, nannies, workers), sampled every
0.2 s with psutil.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import psutil
from readme_block import write_block

from analysis import config
from analysis.corpus.features import article_features, snake_case
from analysis.ingest.load import load_event_checked
from analysis.ingest.manifest import event_ids
from analysis.measures.frames import frame_indicators, frame_profile, load_frame_codebook
from analysis.measures.labels import load_codebook
from analysis.measures.readability import clear_textstat_caches
from analysis.measures.tone import hedge_uses, load_hedge_codebook, sentence_tone
from analysis.tables.clean_layer import sentences_table
from analysis.tables.compare import label_uses, style_table
from analysis.text.document import Document

SCRIPT = "corpus_bench.py"
BASIL = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))
TARGET_SPEEDUP = 5.0
TARGET_RATE = 1000.0
TARGET_MEMORY_GIB = 2.0
CHUNKS = 10


def basil_articles() -> list[Document]:
    """BASIL's cleaned articles, in event order."""
    return [item for event in event_ids(BASIL) for item in load_event_checked(event, BASIL)[0]]


def replicated(cleaned: list[Document], rows: int) -> pd.DataFrame:
    """``rows`` articles: the cleaned texts repeated, each copy with a unique id."""
    return pd.DataFrame(
        {
            "article": [f"{cleaned[i % len(cleaned)].id}-{i:06d}" for i in range(rows)],
            "text": [cleaned[i % len(cleaned)].text for i in range(rows)],
            "kinds": [
                tuple(block.kind for block in cleaned[i % len(cleaned)].blocks) for i in range(rows)
            ],
        }
    )


def naive_row(item: Document, families: list, markers: list, frames: Any) -> dict[str, float]:
    """One article's features, one library call per metric (the per-event functions)."""
    clear_textstat_caches()
    row: dict[str, float] = dict(style_table([item]).set_index("measure")["value"])
    sentences = sentences_table([item])
    tone = sentence_tone(sentences, [item])
    for name, column in (("tone_mean_compound", "compound"), ("tone_narration", "narration_compound"),
                         ("tone_quoted", "quoted_compound")):  # fmt: skip
        values = tone[column].dropna()
        row[name] = math.fsum(values) / len(values) if len(values) else math.nan
    labels = label_uses([item], families)
    hedges = hedge_uses(sentences, markers, [item])
    for voice in ("narration", "quoted"):
        row[f"{voice}_words"] = int(tone[f"{voice}_words"].sum())
        for prefix, uses, books in (("label", labels, families), ("hedge", hedges, markers)):
            for family in books:
                hit = (uses["family"] == family.name) & (uses["voice"] == voice)
                row[f"{prefix}_{snake_case(family.name)}_{voice}"] = int(hit.sum())
    profile = frame_profile(frame_indicators(sentences, frames), sentences, frames)
    for frame, share in zip(profile["frame"], profile["share_of_sentences"], strict=True):
        row[f"frame_{snake_case(frame)}"] = share
    return row


def _warm(_: int) -> int:
    text = "A warm-up sentence, said Ann."
    article_features(pd.DataFrame({"article": ["w"], "text": [text], "kinds": [("paragraph",)]}))
    return os.getpid()


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def measure_features(total: int, naive_rows: int) -> dict[str, Any]:
    """(a): batch in one process, batch over two processes, naive on a prefix; values compared."""
    cleaned = basil_articles()
    table = replicated(cleaned, total)
    _warm(0)
    one_seconds, batch = timed(lambda: article_features(table))
    chunks = np.array_split(np.arange(total), CHUNKS)
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_warm, range(2)))
        two_seconds, parts = timed(
            lambda: list(pool.map(article_features, [table.iloc[c] for c in chunks]))
        )
    parallel = pd.concat(parts, ignore_index=True)
    families, markers, frames = load_codebook(), load_hedge_codebook(), load_frame_codebook()
    items = [cleaned[i % len(cleaned)] for i in range(naive_rows)]
    naive_seconds, naive = timed(lambda: [naive_row(i, families, markers, frames) for i in items])
    differing = 0
    for row, want in zip(batch.head(naive_rows).to_dict("records"), naive, strict=True):
        for column, value in want.items():
            got = float(row[column])
            same = got == float(value) or (math.isnan(got) and math.isnan(float(value)))
            differing += not same
    return {
        "total": total,
        "naive_rows": naive_rows,
        "one": one_seconds,
        "two": two_seconds,
        "naive": naive_seconds,
        "parallel_equal": parallel.equals(batch),
        "differing": differing,
        "values": naive_rows * (len(batch.columns) - 1),
    }


def features_block(m: dict[str, Any]) -> str:
    one, two = m["total"] / m["one"], m["total"] / m["two"]
    naive = m["naive_rows"] / m["naive"]
    ok_speed, ok_rate = one / naive >= TARGET_SPEEDUP, two >= TARGET_RATE
    return "\n".join(
        [
            "| side | articles | seconds | articles/s | vs naive |",
            "|---|---:|---:|---:|---:|",
            f"| naive, per article and metric (1 process) | {m['naive_rows']:,} | {m['naive']:.1f} "
            f"| {naive:.1f} | 1.0× |",
            f"| batch `article_features` (1 process) | {m['total']:,} | {m['one']:.1f} | {one:.1f} "
            f"| **{one / naive:.1f}×** |",
            f"| batch, 2 worker processes | {m['total']:,} | {m['two']:.1f} | **{two:.1f}** "
            f"| {two / naive:.1f}× |",
            "",
            f"Values: {m['values']:,} batch values of the first {m['naive_rows']:,} articles compared "
            f"with the naive ones: **{m['differing']} differ**; the 2-process result equals the "
            f"1-process one: {m['parallel_equal']}. Targets: ≥ {TARGET_SPEEDUP:.0f}× the naive rate "
            f"({'met' if ok_speed else 'NOT met'}); ≥ {TARGET_RATE:,.0f} articles/s "
            f"({'met' if ok_rate else 'NOT met'}).",
        ]
    )


def synthetic_corpus(folder: Path, total: int) -> Path:
    """``total`` articles: BASIL's files under unique event ids (hard links where possible)."""
    with open(BASIL / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    copies = math.ceil(total / len(rows))
    out_rows = []
    for copy in range(copies):
        for row in rows:
            if len(out_rows) == total:
                break
            target = folder / f"{copy:05d}" / Path(row["path"]).name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(BASIL / row["path"], target)
            except OSError:
                shutil.copyfile(BASIL / row["path"], target)
            out_rows.append(
                {**row, "event_id": f"{row['event_id']}-{copy:05d}",
                 "path": target.relative_to(folder).as_posix()}
            )  # fmt: skip
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(out_rows[0]))
        writer.writeheader()
        writer.writerows(out_rows)
    return folder


class PeakMemory:
    """Largest summed RSS of this process and its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def measure_dask(
    total: int, work: Path, worker_counts: tuple[int, ...] = (1, 2)
) -> list[dict[str, Any]]:
    """(d): the synthetic corpus on a LocalCluster of each size in ``worker_counts`` (1 and 2)."""
    from distributed import LocalCluster

    from analysis.corpus import extract_corpus

    corpus = synthetic_corpus(work / "synthetic", total)
    results = []
    for workers in worker_counts:
        out = work / f"out-{workers}"
        with PeakMemory() as memory:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
            )
            try:
                seconds, extraction = timed(
                    lambda out=out, cluster=cluster: extract_corpus(
                        corpus, out, scheduler=cluster.scheduler_address, comparison=False,
                        progress=False,
                    )
                )  # fmt: skip
            finally:
                cluster.close()
        size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
        results.append(
            {
                "workers": workers,
                "seconds": seconds,
                "articles": extraction.articles,
                "partitions": extraction.partitions,
                "peak_gib": memory.peak / 2**30,
                "output_mib": size / 2**20,
            }
        )
        print(results[-1], flush=True)
    outputs = [_digests(work / f"out-{workers}") for workers in worker_counts]
    same = all(output == outputs[0] for output in outputs)
    for result in results:
        result["identical"] = same
    return results


def _digests(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.parquet")) + sorted(folder.rglob("*.csv"))
    }


def dask_block(results: list[dict[str, Any]]) -> str:
    lines = [
        "| workers | articles | partitions | seconds | articles/s | peak memory | output |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['workers']} | {r['articles']:,} | {r['partitions']} | {r['seconds']:.0f} "
            f"| {r['articles'] / r['seconds']:.1f} | {r['peak_gib']:.2f} GiB | {r['output_mib']:.0f} MiB |"
        )
    peak = max(r["peak_gib"] for r in results)
    speedup = (
        f"{results[-1]['workers']} workers against {results[0]['workers']}: "
        f"**{results[0]['seconds'] / results[-1]['seconds']:.2f}×**. "
        if len(results) > 1
        else ""
    )
    lines += [
        "",
        f"{speedup}Peak memory (all processes): **{peak:.2f} GiB** "
        f"(target < {TARGET_MEMORY_GIB:.0f} GiB: {'met' if peak < TARGET_MEMORY_GIB else 'NOT met'}). "
        f"Tables of the runs byte-identical: {results[0]['identical']}.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure (a) and (d); print the blocks and (unless ``--no-write``) rewrite them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--only", choices=["a", "d"], help="one benchmark only")
    parser.add_argument("--features-articles", type=int, default=10_050)
    parser.add_argument("--naive-articles", type=int, default=450)
    parser.add_argument("--articles", type=int, default=100_050, help="synthetic corpus size (d)")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes for (d) (default 1 2)"
    )
    args = parser.parse_args(argv)
    if not (BASIL / "manifest.csv").is_file():
        print(f"skipped: the BASIL corpus is not at {BASIL} (set BASIL_DIR)")
        return 0
    os.environ.setdefault("PYTHONHASHSEED", "0")
    blocks = {}
    if args.only in (None, "a"):
        print("(a) batch features against naive calls", flush=True)
        measured = measure_features(args.features_articles, args.naive_articles)
        blocks["corpus-features"] = features_block(measured)
    if args.only in (None, "d"):
        print("(d) Dask on a synthetic corpus", flush=True)
        work = Path(tempfile.mkdtemp(prefix="corpus-bench-"))
        try:
            blocks["corpus-dask"] = dask_block(
                measure_dask(args.articles, work, tuple(args.workers))
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    for name, block in blocks.items():
        print(f"\n{name}:\n{block}")
        if not args.no_write:
            write_block(name, SCRIPT, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
