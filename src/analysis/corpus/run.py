"""Extract a whole corpus into Parquet tables and CSV summaries, resumably, locally or on Dask.

Layout under ``out_dir`` (``data/processed/corpus/<corpus name>/`` by default):

- ``tables/<table>/part-NNNNN.parquet`` — one file per partition for ``articles``, ``quote_counts``,
  ``terms`` and ``problems`` (:mod:`analysis.corpus.extract`; columns in ``data/processed/README.md``);
- ``tables/_done/part-NNNNN.json`` — the partition's input fingerprint, written after its tables;
- ``summary/*.csv`` — small tables for a spreadsheet: outlet profiles with intervals, corpus keyness, events,
  and the errors report.

A rerun skips every partition whose fingerprint matches, so an interrupted run resumes where it stopped;
the outputs are byte-identical to an uninterrupted run's. The output folder is locked for the run
(:mod:`analysis.run.lock`) and every file is written atomically.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import config
from analysis.atomic import remove_stale_temporaries, write_csv, write_text
from analysis.corpus.engine import run_dask, run_local
from analysis.corpus.extract import TABLES, extract_partition
from analysis.corpus.plan import (
    DEFAULT_PARTITION_ARTICLES,
    Partition,
    code_fingerprint,
    partition_fingerprint,
    plan_partitions,
)
from analysis.corpus.profiles import (
    analysed_articles,
    corpus_keyness,
    events_table,
    outlet_profiles,
)
from analysis.corpus.store import (
    is_done,
    parquet_bytes,
    read_table,
    remove_parts_beyond,
    write_marker,
    write_part,
)
from analysis.ingest.load import Problem
from analysis.ingest.manifest import manifest_with_rows
from analysis.run.lock import corpus_root, output_lock

CORPUS_FOLDER = "corpus"
SETTINGS_FILE = "_settings.json"
SUMMARY_FILES = ("outlet_profiles.csv", "keyness.csv", "events.csv", "errors.csv")


@dataclass(frozen=True)
class Extraction:
    """What one corpus extraction did."""

    out_dir: Path
    partitions: int
    extracted: int
    articles: int
    problems: tuple[Problem, ...]

    @property
    def tables_dir(self) -> Path:
        """Folder of the Parquet tables."""
        return self.out_dir / "tables"

    @property
    def summary_dir(self) -> Path:
        """Folder of the CSV summaries."""
        return self.out_dir / "summary"


def corpus_name(corpus_dir: Path | str) -> str:
    """The name a corpus's outputs are filed under: its folder's name."""
    return Path(corpus_dir).resolve().name


def corpus_out_dir(corpus_dir: Path | str, processed_root: Path = config.DATA_PROCESSED) -> Path:
    """``data/processed/corpus/<corpus name>``."""
    return Path(processed_root) / CORPUS_FOLDER / corpus_name(corpus_dir)


def extract_corpus(
    corpus_dir: Path | str,
    out_dir: Path | str | None = None,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    partition_articles: int | None = None,
    comparison: bool | None = None,
    force: bool = False,
    wait: bool = False,
    progress: bool = True,
) -> Extraction:
    """Extract every partition not yet up to date, then rewrite the CSV summaries.

    ``workers`` = 1 without ``scheduler`` runs in this process; more workers start a local Dask cluster;
    ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) uses an existing Dask cluster.
    ``comparison=False`` skips quotes and shared sentences (:func:`extract_partition`).
    ``partition_articles`` and ``comparison`` left at None take the values of the previous run into
    ``out_dir`` (``tables/_settings.json``; defaults :data:`DEFAULT_PARTITION_ARTICLES` and True), so a
    later call — the corpus notebook's — finds the tables up to date instead of re-planning them.
    A bad manifest raises :class:`analysis.errors.InputError`; bad articles become problems.
    """
    corpus_dir = Path(corpus_dir).resolve()
    out_dir = Path(out_dir) if out_dir is not None else corpus_out_dir(corpus_dir)
    tables_dir = out_dir / "tables"
    settings = _settings(tables_dir, partition_articles, comparison)
    partition_articles, comparison = settings["partition_articles"], settings["comparison"]
    partitions = plan_partitions(manifest_with_rows(corpus_dir), partition_articles)
    code = code_fingerprint() + ("" if comparison else ":no-comparison")
    stamps = {part.name: partition_fingerprint(part, corpus_dir, code) for part in partitions}
    with output_lock(out_dir, wait=wait, shared=corpus_root(out_dir)):
        remove_stale_temporaries(out_dir)
        remove_parts_beyond(tables_dir, TABLES, set(stamps))
        write_text(tables_dir / SETTINGS_FILE, json.dumps(settings, sort_keys=True) + "\n")
        todo = [
            part
            for part in partitions
            if force or not is_done(tables_dir, part.name, TABLES, stamps[part.name])
        ]
        work = functools.partial(encoded_partition, corpus_dir=corpus_dir, comparison=comparison)
        results = (
            run_dask(work, todo, workers, scheduler)
            if (scheduler or workers > 1) and todo
            else run_local(work, todo)
        )
        for part, tables in _progress(results, todo, progress):
            for name in TABLES:
                write_part(tables_dir, name, part.name, tables[name])
            write_marker(tables_dir, part.name, stamps[part.name], len(part.rows))
        summary_stamp = hashlib.sha256("".join(sorted(stamps.values())).encode()).hexdigest()
        counts = len(partitions), len(todo), sum(len(part.rows) for part in partitions)
        # the summaries read the tables, not the manifest's rows (~1 KB an article): let them go
        del partitions, todo, results
        problems = _write_summaries(tables_dir, out_dir / "summary", summary_stamp)
    return Extraction(out_dir, *counts, tuple(problems))


def encoded_partition(partition: Partition, corpus_dir: Path, comparison: bool) -> dict[str, bytes]:
    """The tables of :func:`extract_partition` as Parquet file bytes, by name.

    This is what a worker sends back: compact bytes, written as they are, instead of DataFrames that
    the writing process would rebuild object by object (its memory then stays flat).
    """
    tables = extract_partition(partition, corpus_dir, comparison)
    return {name: parquet_bytes(tables[name]) for name in TABLES}


def _settings(
    tables_dir: Path, partition_articles: int | None, comparison: bool | None
) -> dict[str, Any]:
    """The options of this run: those given, else the previous run's, else the defaults."""
    try:
        previous = json.loads((tables_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    return {
        "partition_articles": partition_articles
        or previous.get("partition_articles", DEFAULT_PARTITION_ARTICLES),
        "comparison": comparison if comparison is not None else previous.get("comparison", True),
    }


def _progress(
    results: Iterator[tuple[Partition, dict[str, bytes]]],
    todo: list[Partition],
    enabled: bool,
) -> Iterator[tuple[Partition, dict[str, bytes]]]:
    """Pass results through, advancing a tqdm bar (articles) when ``enabled``."""
    if not enabled or not todo:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(total=sum(len(part.rows) for part in todo), unit="article", desc="corpus") as bar:
        for part, tables in results:
            bar.update(len(part.rows))
            yield part, tables


def _write_summaries(tables_dir: Path, summary_dir: Path, stamp: str) -> list[Problem]:
    """The CSV summaries (skipped when every partition is unchanged); returns the problems."""
    problems_table = read_table(tables_dir, "problems")
    problems = [
        Problem(
            row.path, None if pd.isna(row.row) else int(row.row), row.kind, row.message, row.action
        )
        for row in problems_table.itertuples(index=False)
    ]
    stamp_path = summary_dir / ".fingerprint"
    current = stamp_path.read_text(encoding="utf-8").strip() if stamp_path.is_file() else ""
    if current == stamp and all((summary_dir / name).is_file() for name in SUMMARY_FILES):
        return problems
    stamp_path.unlink(missing_ok=True)
    articles = analysed_articles(tables_dir)
    write_csv(summary_dir / "outlet_profiles.csv", outlet_profiles(articles))
    write_csv(summary_dir / "keyness.csv", corpus_keyness(tables_dir))
    write_csv(summary_dir / "events.csv", events_table(tables_dir).reset_index())
    write_csv(summary_dir / "errors.csv", problems_table)
    write_text(stamp_path, stamp + "\n")
    return problems
