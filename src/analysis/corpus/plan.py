"""Split a corpus into partitions of whole events, and fingerprint each partition's inputs.

A partition is the unit of work, of output files and of resumption: its tables are written as one Parquet
file per table (``<table>/part-00007.parquet``) and a marker (``_done/part-00007.json``) holding its
fingerprint is written last. A rerun skips every partition whose marker matches, so an interrupted run
resumes where it stopped and an unchanged corpus is not recomputed. Events are never split (the
comparison features — shared sentences, Fightin' Words per event — need every outlet of an event), and
events are taken in sorted order, so the plan depends only on the manifest.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import config

DEFAULT_PARTITION_ARTICLES = 600
"""Articles per partition (whole events, so a partition can be slightly larger).

About 600 articles keep a worker's memory flat (a partition's clean texts and tables take tens of MB)
while the per-partition overhead (scheduling, one Parquet file per table) stays below 1 % of its work.
"""


@dataclass(frozen=True)
class Partition:
    """Whole events of a corpus: their manifest rows (all columns, strings) and where they write."""

    index: int
    rows: tuple[dict[str, str], ...]

    @property
    def name(self) -> str:
        """File stem of every output of this partition."""
        return f"part-{self.index:05d}"

    @property
    def events(self) -> tuple[str, ...]:
        """Event ids, in order."""
        return tuple(dict.fromkeys(row["event_id"] for row in self.rows))


def plan_partitions(
    manifest: pd.DataFrame, partition_articles: int = DEFAULT_PARTITION_ARTICLES
) -> list[Partition]:
    """Group the manifest's events (sorted by id) into partitions of about ``partition_articles``."""
    if partition_articles < 1:
        raise ValueError(f"partition_articles must be >= 1, got {partition_articles}")
    table = manifest.astype(str).sort_values(["event_id", "outlet"], kind="stable")
    partitions: list[Partition] = []
    current: list[dict[str, str]] = []
    rows = table.to_dict("records")
    for _, event_rows in itertools.groupby(rows, key=operator.itemgetter("event_id")):
        current += event_rows
        if len(current) >= partition_articles:
            partitions.append(Partition(len(partitions), tuple(current)))
            current = []
    if current:
        partitions.append(Partition(len(partitions), tuple(current)))
    return partitions


def code_fingerprint() -> str:
    """SHA-256 over the library's code and codebooks, the lock file and the Python version."""
    digest = hashlib.sha256()
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".yaml"}:
            digest.update(path.relative_to(config.PACKAGE_DIR).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    if config.LOCK_FILE.is_file():
        digest.update(hashlib.sha256(config.LOCK_FILE.read_bytes()).digest())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def partition_fingerprint(partition: Partition, corpus_dir: Path, code: str) -> str:
    """SHA-256 over a partition's manifest rows, the bytes of its articles and the code fingerprint."""
    digest = hashlib.sha256(code.encode())
    digest.update(json.dumps(partition.rows, sort_keys=True).encode())
    for row in partition.rows:
        path = corpus_dir / row["path"]
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"missing")
    return digest.hexdigest()
