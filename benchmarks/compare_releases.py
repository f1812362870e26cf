"""Run the previous release's pipeline and the current one on the same inputs; report what differs.

An acceptance check for a refactor that must preserve behaviour: every table, figure, notebook and
page the two versions write is compared, and the script exits 0 only when all of them are the same.

Usage (from the repository root)::

    .venv/bin/python benchmarks/compare_releases.py                        # f9bde29 vs working tree
    .venv/bin/python benchmarks/compare_releases.py --base REV --head REV  # two revisions
    .venv/bin/python benchmarks/compare_releases.py --dataset seed --dataset basil-dev --events 2
    .venv/bin/python benchmarks/compare_releases.py --jobs 2 --no-corpus --report /tmp/compare.md

Options: ``--base REV`` (the old side, default ``f9bde29``); ``--head REV`` (the new side; default:
the working tree as it is at the start, copied); ``--dataset NAME`` (repeatable: ``seed``,
``basil-dev``, ``newswcl50-dev``; default every one found); ``--events N`` (per-event runs on the
first N events, in sorted order); ``--no-corpus`` (skip the corpus runs); ``--jobs 2`` (run the two
sides at the same time); ``--report PATH`` (the Markdown report, default
``benchmarks/results/compare_releases.md``); ``--keep-outputs DIR`` (keep both sides' outputs in
``DIR/old`` and ``DIR/new``); ``--python PATH``; ``--allow-source-changes`` (see below).

How the two sides run. Each side is an isolated project root in a temporary folder: the old side a
git worktree at ``--base`` (``git worktree add --detach``), the new side a worktree at ``--head`` or
a copy of the working tree's ``src/``, ``notebooks/``, ``requirements.lock`` and ``pyproject.toml``.
Both run with the same interpreter, ``PYTHONPATH=<root>/src`` (so that side's package is imported
instead of the editable install; checked and printed at the start), ``ANALYSIS_ROOT=<root>``,
``PYTHONHASHSEED=0``, ``JUPYTER_PLATFORM_DIRS=1`` and ``PYDEVD_DISABLE_FILE_VALIDATION=1``. Per
dataset and side it runs

1. ``python -m analysis run --raw RAW --processed P --reports R --force [--event E ...]`` and
2. ``python -m analysis run --corpus RAW --processed P --reports R --force --no-progress`` (the
   corpus writes ``P/corpus/<folder name>/`` and ``R/corpus/<folder name>/``; always the whole
   corpus),

with every output folder inside that side's root at the same relative path, so that the paths the
notebooks show (relative to the root) agree. Both sides read the same input folder. A run may exit 1
when articles were excluded: the exit code and the end of stderr are recorded and the outputs still
compared. The worktrees and the temporary folder are removed at the end, also on failure or
interruption.

Datasets: ``seed`` is ``data/raw`` of this repository; ``basil-dev`` (``$BASIL_DIR`` or
``../shared/corpora/basil-dev``) and ``newswcl50-dev`` (``$NEWSWCL50_DIR`` or
``../shared/corpora/newswcl50-dev``) are read at run time and skipped with a message when absent. A
manifest with blank dates (NewsWCL50 has some; the old release refuses them) is rewritten into a
temporary input folder with the dates set to 1970-01-01 and the article files hard-linked (copied
where a link is impossible) at their relative paths: the manifest checks resolve symbolic links and
refuse files outside the manifest's folder, so links to the corpus cannot be used. Texts are never
copied into the repository.

Comparison: every file of both output trees, by bytes. Tables whose bytes differ (``.csv``;
``.parquet`` compared as Arrow tables first) are loaded with pandas and the report gives the shapes,
the columns added or removed and the first differing rows, keyed by ``event_id``, ``outlet``,
``article``, ``sentence`` and ``start`` where present. Notebooks whose bytes differ are compared
without their metadata (equal: counted as equivalent; otherwise the number of cells whose source or
outputs differ). A notebook whose cell sources alone differ (same outputs: say, imports renamed by a
restructure) is marked "source only", and so is its HTML with code when the ``.nocode.html`` is the
same; they count as differing unless ``--allow-source-changes``. Figures, HTML and other files:
bytes, with the first differing line of text files as a hint. Run bookkeeping is not compared: locks
(pids) and the input fingerprints (``.fingerprint*.json``, ``.checked.json``, ``tables/_done/``),
which hash the library's code and so differ whenever the code does.

Output: a short summary on stdout and the detailed Markdown report. Exit status 0 when every dataset
compared has the same exit codes and the same outputs (identical or equivalent), 1 otherwise (also
when nothing could be compared), 2 on a setup error (unknown revision, wrong package imported).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BASE = "f9bde29"
DEFAULT_REPORT = REPO / "benchmarks" / "results" / "compare_releases.md"
DATASETS = ("seed", "basil-dev", "newswcl50-dev")
PLACEHOLDER_DATE = "1970-01-01"
#: What a copy of the working tree holds: all a run reads from the project root.
TREE_ITEMS = ("src", "notebooks", "requirements.lock", "pyproject.toml")
#: Folder, inside each side's root, that holds its outputs (one subfolder per dataset).
RUNS_FOLDER = "compare-runs"
KEY_COLUMNS = ("event_id", "outlet", "article", "sentence", "start")
#: Run bookkeeping, never compared: lock files hold pids, stamps hash the library's code.
BOOKKEEPING_NAMES = frozenset(
    {".lock", ".fingerprint", ".fingerprint.json", ".checked.json", ".site-fingerprint.json"}
)
BOOKKEEPING_FOLDERS = frozenset({"_done"})
TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # analysis.atomic's hidden temporaries
TEXT_SUFFIXES = frozenset({".svg", ".html", ".json", ".md", ".txt", ".css", ".js", ".yaml"})
MAX_ROWS = 5  # differing rows shown per table
MAX_CELLS = 6  # differing cells shown per row
MAX_VALUE = 80  # characters shown per value
STDERR_TAIL = 15  # lines of stderr kept per run

IDENTICAL, EQUIVALENT, DIFFERENT = "identical", "equivalent", "different"
ONLY_OLD, ONLY_NEW, IGNORED = "only-old", "only-new", "ignored"
SIDES = ("old", "new")


class SetupError(RuntimeError):
    """The comparison cannot start (bad revision, wrong package imported, ...)."""


# ------------------------------------------------------------------------------------------- sides


@dataclass(frozen=True)
class Side:
    """One version of the project, as an isolated project root."""

    label: str  # "old" or "new"
    description: str
    root: Path

    def env(self) -> dict[str, str]:
        """The environment of every process of this side."""
        env = dict(os.environ)
        env.pop("JUPYTER_PATH", None)  # analysis.kernel puts its own spec first; start clean
        env.update(
            PYTHONPATH=str(self.root / "src"),
            ANALYSIS_ROOT=str(self.root),
            PYTHONHASHSEED="0",
            JUPYTER_PLATFORM_DIRS="1",
            PYDEVD_DISABLE_FILE_VALIDATION="1",
        )
        return env

    def runs_dir(self, dataset: str) -> Path:
        """The folder of this side's outputs for one dataset."""
        return self.root / RUNS_FOLDER / dataset


def git(repo: Path, *args: str) -> str:
    """Output of a git command in ``repo`` (stripped); a failure raises :class:`SetupError`."""
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SetupError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def describe_revision(repo: Path, rev: str) -> str:
    """``REV = <short sha> <subject>``."""
    line = git(repo, "log", "-1", "--format=%h %s", f"{rev}^{{commit}}")
    sha, _, subject = line.partition(" ")
    return f"{rev} = {sha} {subject[:70]}"


def add_worktree(repo: Path, rev: str, path: Path, label: str) -> Side:
    """A detached git worktree of ``rev`` at ``path``."""
    description = describe_revision(repo, rev)  # fails clearly on an unknown revision
    git(repo, "worktree", "add", "--detach", str(path), rev)
    return Side(label, description, path)


def remove_worktree(repo: Path, path: Path) -> None:
    """Remove a worktree made by :func:`add_worktree` (quietly when it is already gone)."""
    subprocess.run(
        ["git", "-C", str(repo), "worktree", "remove", "--force", str(path)],
        capture_output=True,
        check=False,
    )
    subprocess.run(["git", "-C", str(repo), "worktree", "prune"], capture_output=True, check=False)


def copy_working_tree(repo: Path, path: Path, label: str) -> Side:
    """A copy of what a run reads from the working tree (:data:`TREE_ITEMS`), taken now."""
    path.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    try:
        for name in TREE_ITEMS:
            source = repo / name
            if source.is_dir():
                shutil.copytree(source, path / name, ignore=ignore, symlinks=False)
            elif source.is_file():
                shutil.copy2(source, path / name)
    except (shutil.Error, OSError) as error:  # a file moved while it was being copied
        raise SetupError(f"cannot copy the working tree (changing under us?): {error}") from None
    head = git(repo, "rev-parse", "--short", "HEAD")
    changed = git(repo, "status", "--porcelain", "--", *TREE_ITEMS).splitlines()
    return Side(
        label, f"working tree of {repo} (HEAD {head}, {len(changed)} changed path(s))", path
    )


def imported_package(python: str, side: Side) -> Path:
    """The ``analysis/__init__.py`` a process of this side imports; it must be the side's own."""
    done = subprocess.run(
        [python, "-c", "import analysis; print(analysis.__file__)"],
        env=side.env(),
        cwd=side.root,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SetupError(f"{side.label}: cannot import analysis: {done.stderr.strip()[-500:]}")
    imported = Path(done.stdout.strip()).resolve()
    if not imported.is_relative_to((side.root / "src").resolve()):
        raise SetupError(f"{side.label} imports {imported}, not its own {side.root / 'src'}")
    return imported


# ---------------------------------------------------------------------------------------- datasets


@dataclass(frozen=True)
class Dataset:
    """One input folder, as given and as the runs read it."""

    name: str
    source: Path  # the folder with manifest.csv
    raw: Path  # what the runs read (``source``, or a temporary folder with a repaired manifest)
    events: tuple[str, ...]  # every event of the manifest, sorted
    filled_dates: int  # blank dates set to PLACEHOLDER_DATE


def dataset_source(name: str, repo: Path) -> Path:
    """Where a dataset is expected (it may be absent)."""
    corpora = repo.parent / "shared" / "corpora"
    if name == "seed":
        return repo / "data" / "raw"
    if name == "basil-dev":
        return Path(os.environ.get("BASIL_DIR", corpora / "basil-dev"))
    if name == "newswcl50-dev":
        return Path(os.environ.get("NEWSWCL50_DIR", corpora / "newswcl50-dev"))
    raise ValueError(f"unknown dataset {name!r}")


def read_manifest_rows(folder: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of ``folder/manifest.csv``, as strings, unvalidated."""
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def prepare_dataset(name: str, source: Path, inputs_dir: Path) -> Dataset:
    """The dataset as the runs read it: ``source`` itself, or, when some dates are blank, a folder
    ``inputs_dir/<source folder name>`` (the corpus run names its outputs after it) with the dates
    filled in and the articles linked at their relative paths."""
    source = source.resolve()
    header, rows = read_manifest_rows(source)
    events = tuple(sorted({row.get("event_id", "") for row in rows}))
    blank = [row for row in rows if "date" in row and not (row["date"] or "").strip()]
    if not blank:
        return Dataset(name, source, source, events, 0)
    raw = inputs_dir / source.name
    raw.mkdir(parents=True)
    for row in blank:
        row["date"] = PLACEHOLDER_DATE
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    listed = {Path(row["path"]) for row in rows if (row.get("path") or "").strip()}
    actor_files = {path.parent / "actors.yaml" for path in listed}  # inputs too, when present
    listed |= {path for path in actor_files if (source / path).is_file()}
    for relative in sorted(listed):
        target, origin = raw / relative, source / relative
        if not origin.is_file() or not target.resolve().is_relative_to(raw.resolve()):
            continue  # the manifest check reports it, on both sides alike
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(origin, target)
        except OSError:
            shutil.copyfile(origin, target)
    return Dataset(name, source, raw, events, len(blank))


# ----------------------------------------------------------------------------------------- running


@dataclass(frozen=True)
class RunOutcome:
    """One ``python -m analysis run`` of one side."""

    kind: str  # "events" or "corpus"
    arguments: tuple[str, ...]
    returncode: int
    seconds: float
    stderr_tail: str


class Processes:
    """The child processes running now, so that an interruption can stop them (each is the leader
    of its own session, with the notebook kernels it starts)."""

    def __init__(self) -> None:
        self.running: set[subprocess.Popen[bytes]] = set()

    def run(
        self, command: Sequence[str], env: dict[str, str], cwd: Path, stdout: Path, stderr: Path
    ) -> int:
        """Run ``command`` to its end, its output into the two files; return its exit code."""
        with stdout.open("wb") as out, stderr.open("wb") as err:
            process = subprocess.Popen(
                list(command), env=env, cwd=cwd, stdout=out, stderr=err, start_new_session=True
            )
            self.running.add(process)
            try:
                return process.wait()
            finally:
                self.running.discard(process)

    def stop_all(self) -> None:
        """Terminate every process still running (its whole process group)."""
        for process in list(self.running):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGTERM)


def log_tail(log: Path, lines: int = STDERR_TAIL) -> str:
    """The last lines of a log file."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def run_side(
    side: Side,
    dataset: Dataset,
    events: Sequence[str] | None,
    corpus: bool,
    python: str,
    processes: Processes,
    logs: Path,
) -> list[RunOutcome]:
    """One side's per-event run (``events``: the ids to pass, None for all) and corpus run."""
    out = side.runs_dir(dataset.name)
    plan: list[tuple[str, list[str]]] = [
        (
            "events",
            [
                "--raw",
                str(dataset.raw),
                "--processed",
                str(out / "events" / "processed"),
                "--reports",
                str(out / "events" / "reports"),
                "--force",
                *[argument for event in events or () for argument in ("--event", event)],
            ],
        )
    ]
    if corpus:
        plan.append(
            (
                "corpus",
                [
                    "--corpus",
                    str(dataset.raw),
                    "--processed",
                    str(out / "corpus" / "processed"),
                    "--reports",
                    str(out / "corpus" / "reports"),
                    "--force",
                    "--no-progress",
                ],
            )
        )
    outcomes = []
    for kind, arguments in plan:
        log = f"{dataset.name}.{side.label}.{kind}"
        started = time.perf_counter()
        code = processes.run(
            [python, "-m", "analysis", "run", *arguments],
            side.env(),
            side.root,
            logs / f"{log}.out",
            logs / f"{log}.err",
        )
        seconds = time.perf_counter() - started
        tail = log_tail(logs / f"{log}.err")
        outcomes.append(RunOutcome(kind, tuple(arguments), code, seconds, tail))
    return outcomes


# --------------------------------------------------------------------------------------- comparing


@dataclass
class FileResult:
    """The comparison of one output file (path relative to the dataset's output folder)."""

    path: str
    status: str
    kind: str
    details: list[str] = field(default_factory=list)
    source_only: bool = False  # a notebook (or its HTML) whose cell sources alone differ


KINDS = ("table", "figure", "notebook", "html", "other")


def file_kind(path: str) -> str:
    """``table``, ``figure``, ``notebook``, ``html`` or ``other``, by suffix."""
    suffix = Path(path).suffix.lower()
    return {
        ".csv": "table",
        ".parquet": "table",
        ".svg": "figure",
        ".png": "figure",
        ".ipynb": "notebook",
        ".html": "html",
    }.get(suffix, "other")


def is_bookkeeping(relative: Path) -> bool:
    """A lock, an input stamp or a stale temporary: not an output."""
    return (
        relative.name in BOOKKEEPING_NAMES
        or bool(BOOKKEEPING_FOLDERS & set(relative.parts[:-1]))
        or bool(TEMPORARY.match(relative.name))
    )


def files_under(folder: Path) -> set[str]:
    """Every file below ``folder``, as POSIX paths relative to it."""
    if not folder.is_dir():
        return set()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def compare_trees(old_dir: Path, new_dir: Path) -> list[FileResult]:
    """Every file of the two trees, compared (sorted by path)."""
    old_files, new_files = files_under(old_dir), files_under(new_dir)
    results = []
    for path in sorted(old_files | new_files):
        kind = file_kind(path)
        if is_bookkeeping(Path(path)):
            results.append(FileResult(path, IGNORED, kind))
        elif path not in new_files:
            results.append(FileResult(path, ONLY_OLD, kind))
        elif path not in old_files:
            results.append(FileResult(path, ONLY_NEW, kind))
        else:
            results.append(compare_file(old_dir / path, new_dir / path, path, kind))
    return results


def compare_file(old: Path, new: Path, path: str, kind: str) -> FileResult:
    """Bytes first; when they differ, a closer look that depends on the kind of file."""
    old_bytes, new_bytes = old.read_bytes(), new.read_bytes()
    if old_bytes == new_bytes:
        return FileResult(path, IDENTICAL, kind)
    suffix = old.suffix.lower()
    try:
        if suffix == ".parquet":
            return compare_parquet(old, new, path)
        if suffix == ".csv":
            return FileResult(path, DIFFERENT, kind, compare_csv(old, new))
        if suffix == ".ipynb":
            return compare_notebooks(old_bytes, new_bytes, path)
    except Exception as error:  # a file that does not parse is still reported, by bytes
        details = [f"could not be compared as {kind}: {type(error).__name__}: {error}"]
        return FileResult(path, DIFFERENT, kind, details + bytes_hint(old_bytes, new_bytes, True))
    return FileResult(
        path, DIFFERENT, kind, bytes_hint(old_bytes, new_bytes, suffix in TEXT_SUFFIXES)
    )


def bytes_hint(old: bytes, new: bytes, text: bool) -> list[str]:
    """The sizes, and for text the first line that differs."""
    hints = [f"size {len(old):,} → {len(new):,} bytes"]
    if text:
        old_lines = old.decode("utf-8", "replace").splitlines()
        new_lines = new.decode("utf-8", "replace").splitlines()
        for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
            if a != b:
                start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
                start = max(0, min(start, len(a), len(b)) - 20)
                change = f"{short(a[start:])!r} → {short(b[start:])!r}"
                hints.append(f"first difference on line {number}: {change}")
                break
        else:
            hints.append(f"lines {len(old_lines):,} → {len(new_lines):,} (one is a prefix)")
    return hints


def short(value: Any) -> str:
    """A value as text, cut to :data:`MAX_VALUE` characters."""
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def compare_parquet(old: Path, new: Path, path: str) -> FileResult:
    """Parquet files as Arrow tables: equal data and schema is equivalent, else a table diff."""
    old_table, new_table = pq.read_table(old), pq.read_table(new)
    if old_table.equals(new_table, check_metadata=True):
        return FileResult(path, EQUIVALENT, "table", ["bytes differ, Arrow tables equal"])
    details = schema_differences(old_table.schema, new_table.schema)
    if old_table.equals(new_table):
        return FileResult(path, DIFFERENT, "table", [*details, "schema metadata differs only"])
    details += compare_frames(as_text(old_table.to_pandas()), as_text(new_table.to_pandas()))
    return FileResult(path, DIFFERENT, "table", details)


def schema_differences(old: pa.Schema, new: pa.Schema) -> list[str]:
    """Columns whose Arrow type changed (added and removed columns are reported with the rows)."""
    new_types = {name: new.field(name).type for name in new.names}
    return [
        f"column {name!r}: type {old.field(name).type} → {new_types[name]}"
        for name in old.names
        if name in new_types and old.field(name).type != new_types[name]
    ]


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every value as its text (missing as ''), so values compare as the CSV files show them."""
    return frame.astype(object).where(frame.notna(), "").astype(str).reset_index(drop=True)


def compare_csv(old: Path, new: Path) -> list[str]:
    """What differs between two CSV tables, read as text."""
    return compare_frames(read_csv_text(old), read_csv_text(new))


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file with every value as a string (an empty file as an empty table)."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


def compare_frames(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    """Shapes, columns and the first differing rows of two tables of strings."""
    details = []
    if old.shape != new.shape:
        details.append(f"shape {old.shape[0]}×{old.shape[1]} → {new.shape[0]}×{new.shape[1]}")
    removed = [column for column in old.columns if column not in new.columns]
    added = [column for column in new.columns if column not in old.columns]
    if removed:
        details.append(f"columns removed: {', '.join(map(str, removed))}")
    if added:
        details.append(f"columns added: {', '.join(map(str, added))}")
    common = [column for column in old.columns if column in new.columns]
    if common != [column for column in new.columns if column in old.columns]:
        details.append("column order changed")
    keys = [column for column in KEY_COLUMNS if column in common]
    unique = bool(keys) and not old.duplicated(keys).any() and not new.duplicated(keys).any()
    if unique:
        details += keyed_differences(old[common], new[common], keys)
    elif len(old) == len(new):
        details += positional_differences(old[common], new[common], keys)
    else:
        details += multiset_differences(old[common], new[common])
    if len(details) == 0:
        details.append("same values when read as text; the bytes differ (format, quoting or types)")
    return details


def keyed_differences(old: pd.DataFrame, new: pd.DataFrame, keys: list[str]) -> list[str]:
    """Rows matched on their (unique) key columns."""
    old_indexed, new_indexed = old.set_index(keys), new.set_index(keys)
    only_old = old_indexed.index[~old_indexed.index.isin(new_indexed.index)]
    only_new = new_indexed.index[~new_indexed.index.isin(old_indexed.index)]
    shared = old_indexed.index[old_indexed.index.isin(new_indexed.index)]
    values = [column for column in old.columns if column not in keys]
    left, right = old_indexed.loc[shared, values], new_indexed.loc[shared, values]
    details = []
    if len(only_old):
        details.append(f"{len(only_old)} row(s) only in old, e.g. {key_label(keys, only_old[0])}")
    if len(only_new):
        details.append(f"{len(only_new)} row(s) only in new, e.g. {key_label(keys, only_new[0])}")
    details += cell_differences(left, right, [key_label(keys, key) for key in shared])
    if not details and not old.reset_index(drop=True).equals(new.reset_index(drop=True)):
        details.append(f"same rows (matched on {', '.join(keys)}), in a different order")
    return details


def positional_differences(old: pd.DataFrame, new: pd.DataFrame, keys: list[str]) -> list[str]:
    """Rows matched by position (no unique key)."""
    old, new = old.reset_index(drop=True), new.reset_index(drop=True)
    labels = [
        f"row {number + 2}"
        + (f" ({key_label(keys, tuple(old.loc[number, keys]))})" if keys else "")
        for number in range(len(old))
    ]  # +2: the CSV line (header = line 1)
    return cell_differences(old, new, labels)


def cell_differences(old: pd.DataFrame, new: pd.DataFrame, labels: list[str]) -> list[str]:
    """Count and show the differing cells of two aligned tables with the same columns."""
    if old.empty:
        return []
    unequal = old.to_numpy() != new.to_numpy()
    rows = unequal.any(axis=1)
    if not rows.any():
        return []
    columns = list(old.columns)
    per_column = unequal.sum(axis=0)
    counts = ", ".join(
        f"{column} ({count})" for column, count in zip(columns, per_column, strict=True) if count
    )
    details = [
        f"{int(rows.sum())} of {len(old)} row(s) differ; cells differing by column: {counts}"
    ]
    for number in [index for index, flag in enumerate(rows) if flag][:MAX_ROWS]:
        cells = [
            cell_change(columns[column], old.iat[number, column], new.iat[number, column])
            for column in range(len(columns))
            if unequal[number, column]
        ]
        more = f"; … {len(cells) - MAX_CELLS} more" if len(cells) > MAX_CELLS else ""
        details.append(f"{labels[number]}: {'; '.join(cells[:MAX_CELLS])}{more}")
    return details


def cell_change(column: str, old: str, new: str) -> str:
    """``column: 'old' → 'new'``, with the difference when both are numbers."""
    change = f"{column}: {short(old)!r} → {short(new)!r}"
    try:
        a, b = float(old), float(new)
    except (TypeError, ValueError):
        return change
    if math.isfinite(a) and math.isfinite(b):
        change += f" (Δ {b - a:+.3g})"
    return change


def multiset_differences(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    """Rows compared as a multiset (no unique key and different row counts)."""
    old_rows = Counter(map(tuple, old.to_numpy().tolist()))
    new_rows = Counter(map(tuple, new.to_numpy().tolist()))
    only_old, only_new = old_rows - new_rows, new_rows - old_rows
    details = [
        f"{sum(only_old.values())} row(s) only in old, {sum(only_new.values())} only in new "
        "(compared as whole rows)"
    ]
    columns = list(old.columns)
    for label, rows in (("old", only_old), ("new", only_new)):
        for row in list(rows)[:MAX_ROWS]:
            shown = ", ".join(
                f"{column}={short(value)!r}" for column, value in zip(columns, row, strict=True)
            )
            details.append(f"only in {label}: {short(shown) if len(shown) > 400 else shown}")
    return details


def key_label(keys: list[str], key: Any) -> str:
    """``event_id=…, outlet=…`` for a key value (a tuple for several key columns)."""
    values = key if isinstance(key, tuple) else (key,)
    return ", ".join(f"{column}={value}" for column, value in zip(keys, values, strict=True))


def notebook_content(data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A notebook without metadata and cell ids, as (top-level fields, cells)."""
    notebook = json.loads(data)
    cells = []
    for cell in notebook.get("cells", []):
        kept = {key: value for key, value in cell.items() if key not in ("metadata", "id")}
        if "outputs" in kept:
            kept["outputs"] = [
                {key: value for key, value in output.items() if key != "metadata"}
                for output in kept["outputs"]
            ]
        cells.append(kept)
    top = {key: value for key, value in notebook.items() if key not in ("metadata", "cells")}
    return top, cells


def compare_notebooks(old: bytes, new: bytes, path: str) -> FileResult:
    """Notebooks compared without metadata: equal is equivalent, else counts of differing cells."""
    (old_top, old_cells), (new_top, new_cells) = notebook_content(old), notebook_content(new)
    if old_top == new_top and old_cells == new_cells:
        return FileResult(path, EQUIVALENT, "notebook", ["differs in metadata only"])
    details = []
    if len(old_cells) != len(new_cells):
        details.append(f"cells {len(old_cells)} → {len(new_cells)}")
    pairs = list(zip(old_cells, new_cells, strict=False))
    sources = [i for i, (a, b) in enumerate(pairs) if a.get("source") != b.get("source")]
    outputs = [i for i, (a, b) in enumerate(pairs) if a.get("outputs") != b.get("outputs")]
    if sources:
        details.append(f"{len(sources)} cell(s) with a different source")
    details.append(f"{len(outputs)} cell(s) with different outputs")
    if old_top != new_top:
        details.append("notebook format fields differ")
    source_only = (
        old_top == new_top
        and len(old_cells) == len(new_cells)
        and all(without_source(a) == without_source(b) for a, b in pairs)
    )
    return FileResult(path, DIFFERENT, "notebook", details, source_only)


def without_source(cell: dict[str, Any]) -> dict[str, Any]:
    """A cell without its source."""
    return {key: value for key, value in cell.items() if key != "source"}


def mark_source_only(results: list[FileResult], allow: bool) -> None:
    """Mark a notebook's with-code HTML as source-only when the notebook is and its ``.nocode.html``
    is the same; with ``allow``, count every source-only file as equivalent."""
    by_path = {result.path: result for result in results}
    for result in results:
        if result.status != DIFFERENT or not result.path.endswith(".html"):
            continue
        stem = result.path.removesuffix(".html")
        notebook, nocode = by_path.get(f"{stem}.ipynb"), by_path.get(f"{stem}.nocode.html")
        if (
            notebook
            and notebook.source_only
            and nocode
            and nocode.status in (IDENTICAL, EQUIVALENT)
        ):
            result.source_only = True
            result.details.append(
                "the notebook's sources alone differ (outputs, .nocode.html same)"
            )
    for result in results:
        if allow and result.source_only and result.status == DIFFERENT:
            result.status = EQUIVALENT
            result.details.append("counted as equivalent (--allow-source-changes)")


# --------------------------------------------------------------------------------------- reporting


@dataclass
class DatasetResult:
    """Everything about one dataset: its inputs, the runs of both sides and the file comparisons."""

    name: str
    source: Path
    skipped: str = ""
    error: str = ""
    dataset: Dataset | None = None
    events_run: int = 0
    runs: dict[str, list[RunOutcome]] = field(default_factory=dict)
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        """Files with this status."""
        return sum(result.status == status for result in self.files)

    @property
    def source_only(self) -> int:
        """Differing files that are notebooks (or their HTML) whose cell sources alone differ."""
        return sum(result.status == DIFFERENT and result.source_only for result in self.files)

    @property
    def compared(self) -> int:
        """Files present on both sides (bookkeeping excluded)."""
        return sum(result.status in (IDENTICAL, EQUIVALENT, DIFFERENT) for result in self.files)

    def exit_mismatches(self) -> list[str]:
        """Runs whose exit code differs between the sides."""
        old, new = self.runs.get("old", []), self.runs.get("new", [])
        return [
            f"{a.kind}: exit {a.returncode} (old) vs {b.returncode} (new)"
            for a, b in zip(old, new, strict=False)
            if a.returncode != b.returncode
        ]

    @property
    def same(self) -> bool:
        """Whether this dataset passes: compared, same exit codes, no differing, one-sided file."""
        if self.skipped:
            return True
        return (
            not self.error
            and self.compared > 0
            and not self.exit_mismatches()
            and all(self.count(status) == 0 for status in (DIFFERENT, ONLY_OLD, ONLY_NEW))
        )


def summary_line(result: DatasetResult) -> str:
    """One line of the stdout summary."""
    if result.skipped:
        return f"{result.name}: skipped ({result.skipped})"
    if result.error:
        return f"{result.name}: ERROR {result.error} ({result.seconds:.0f} s)"
    exits = "; ".join(
        f"{side} exit " + "/".join(str(run.returncode) for run in result.runs.get(side, []))
        for side in SIDES
    )
    verdict = "SAME" if result.same else "DIFFERENT"
    return (
        f"{result.name}: {verdict} — {result.compared} compared, "
        f"{result.count(IDENTICAL)} identical, "
        f"{result.count(EQUIVALENT)} equivalent, {result.count(DIFFERENT)} differing"
        f"{f' ({result.source_only} notebook source only)' if result.source_only else ''}, "
        f"{result.count(ONLY_OLD)} only-old, {result.count(ONLY_NEW)} only-new "
        f"({result.count(IGNORED)} bookkeeping ignored; {exits}; {result.seconds:.0f} s)"
    )


def markdown_report(
    sides: dict[str, Side],
    imports: dict[str, Path],
    results: list[DatasetResult],
    python: str,
    options: str,
) -> str:
    """The detailed report."""
    lines = [
        "# Release comparison",
        "",
        f"Generated by `benchmarks/compare_releases.py {options}`".rstrip() + ".",
        "",
    ]
    for label in SIDES:
        lines.append(f"- **{label}**: {sides[label].description}; imports `{imports[label]}`")
    lines += [
        f"- interpreter of both sides: `{python}`",
        "- not compared: run bookkeeping (locks, `.fingerprint*.json`, `.checked.json`, "
        "`tables/_done/`), which records pids and hashes of the library's code",
        "",
        "| dataset | verdict | events | compared | identical | equivalent | differing | only old "
        "| only new | time (s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        if result.skipped or result.error:
            verdict = "skipped" if result.skipped else "**error**"
            lines.append(f"| {result.name} | {verdict} | | | | | | | | {result.seconds:.0f} |")
            continue
        lines.append(
            f"| {result.name} | {'same' if result.same else '**different**'} | "
            f"{result.events_run} | {result.compared} | {result.count(IDENTICAL)} | "
            f"{result.count(EQUIVALENT)} | {result.count(DIFFERENT)}"
            f"{f' ({result.source_only} source only)' if result.source_only else ''} | "
            f"{result.count(ONLY_OLD)} | "
            f"{result.count(ONLY_NEW)} | {result.seconds:.0f} |"
        )
    for result in results:
        lines += ["", *dataset_section(result)]
    return "\n".join(lines) + "\n"


def dataset_section(result: DatasetResult) -> list[str]:
    """The report's section on one dataset."""
    lines = [f"## {result.name}", "", f"Source: `{result.source}`."]
    if result.skipped:
        return [*lines, "", f"Skipped: {result.skipped}."]
    if result.error:
        lines += ["", f"**Error:** {result.error}"]
    if result.dataset is not None and result.dataset.raw != result.dataset.source:
        lines.append(
            f"Read from a temporary copy of the manifest with {result.dataset.filled_dates} blank "
            f"date(s) set to {PLACEHOLDER_DATE} (articles linked at their paths)."
        )
    if result.dataset is not None:
        lines.append(
            f"Per-event runs on {result.events_run} of {len(result.dataset.events)} event(s)."
        )
    if result.runs:
        lines += ["", "| run | side | exit | seconds |", "|---|---|---:|---:|"]
        for side in SIDES:
            for run in result.runs.get(side, []):
                lines.append(f"| {run.kind} | {side} | {run.returncode} | {run.seconds:.0f} |")
        for mismatch in result.exit_mismatches():
            lines.append(f"\n**Exit codes differ**: {mismatch}.")
        for side in SIDES:
            for run in result.runs.get(side, []):
                if run.returncode != 0:
                    lines += [
                        "",
                        f"End of stderr of `{run.kind}` ({side}, exit {run.returncode}):",
                        "",
                        "```",
                        run.stderr_tail,
                        "```",
                    ]
    differing = sorted(
        (r for r in result.files if r.status in (DIFFERENT, EQUIVALENT)),
        key=lambda r: (r.status != DIFFERENT, r.source_only, KINDS.index(r.kind), r.path),
    )
    if differing:
        lines += ["", "### Files whose bytes differ (tables and figures first)", ""]
        for item in differing:
            note = ", notebook sources only" if item.source_only else ""
            lines.append(f"- `{item.path}` ({item.kind}, **{item.status}**{note})")
            lines += [f"  - {detail}" for detail in item.details]
    for status, title in ((ONLY_OLD, "Only in old"), (ONLY_NEW, "Only in new")):
        one_sided = [r for r in result.files if r.status == status]
        if one_sided:
            lines += ["", f"### {title}", ""]
            lines += [f"- `{item.path}` ({item.kind})" for item in one_sided]
    if not differing and result.compared and not result.error:
        lines += ["", f"All {result.compared} files present on both sides are byte-identical."]
    return lines


# ------------------------------------------------------------------------------------------ driver


def compare_dataset(
    name: str,
    sides: dict[str, Side],
    args: argparse.Namespace,
    temp: Path,
    processes: Processes,
) -> DatasetResult:
    """Prepare one dataset, run both sides on it and compare their outputs."""
    source = dataset_source(name, args.repo)
    result = DatasetResult(name, source)
    if not (source / "manifest.csv").is_file():
        result.skipped = f"no manifest.csv in {source}"
        return result
    started = time.perf_counter()
    try:
        dataset = prepare_dataset(name, source, temp / "inputs")
        result.dataset = dataset
        chosen = list(dataset.events[: args.events]) if args.events else list(dataset.events)
        result.events_run = len(chosen)
        events = chosen if len(chosen) < len(dataset.events) else None
        note = f" (temporary manifest, {dataset.filled_dates} blank date(s) filled)"
        print(
            f"{name}: {len(chosen)} of {len(dataset.events)} event(s) from {dataset.source}"
            f"{note if dataset.filled_dates else ''}; running…",
            flush=True,
        )
        logs = temp / "logs"
        logs.mkdir(exist_ok=True)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {
                label: pool.submit(
                    run_side,
                    sides[label],
                    dataset,
                    events,
                    not args.no_corpus,
                    args.python,
                    processes,
                    logs,
                )
                for label in SIDES
            }
            try:
                result.runs = {label: future.result() for label, future in futures.items()}
            except BaseException:  # an interruption: stop the runs, or the pool waits for them
                processes.stop_all()
                raise
        result.files = compare_trees(sides["old"].runs_dir(name), sides["new"].runs_dir(name))
        mark_source_only(result.files, args.allow_source_changes)
    except (OSError, csv.Error, UnicodeDecodeError, KeyError) as error:
        result.error = f"{type(error).__name__}: {error}"
    result.seconds = time.perf_counter() - started
    return result


def keep_outputs(sides: dict[str, Side], destination: Path) -> None:
    """Move both sides' outputs to ``destination/old`` and ``destination/new``."""
    for label, side in sides.items():
        target = destination / label
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        if (side.root / RUNS_FOLDER).is_dir():
            shutil.move(side.root / RUNS_FOLDER, target)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Run a previous release and the current tree on the same inputs; report every "
        "table and figure that differs (exit 0 when all are the same).",
    )
    parser.add_argument("--base", default=DEFAULT_BASE, help="old revision (default %(default)s)")
    parser.add_argument(
        "--head", help="new revision (default: the working tree, copied at the start)"
    )
    parser.add_argument(
        "--dataset",
        action="append",
        choices=DATASETS,
        help="dataset to compare (repeatable; default: every one found)",
    )
    parser.add_argument(
        "--events", type=int, help="per-event runs on the first N events only (sorted)"
    )
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus runs")
    parser.add_argument(
        "--allow-source-changes",
        action="store_true",
        help="count notebooks whose cell sources alone changed (same outputs), and their HTML with "
        "code, as equivalent (e.g. imports renamed by a restructure)",
    )
    parser.add_argument(
        "--jobs", type=int, choices=(1, 2), default=1, help="2: run the two sides at the same time"
    )
    parser.add_argument(
        "--report", type=Path, default=DEFAULT_REPORT, help="Markdown report (default %(default)s)"
    )
    parser.add_argument(
        "--keep-outputs", type=Path, metavar="DIR", help="keep the outputs in DIR/old and DIR/new"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter of both sides")
    parser.add_argument("--repo", type=Path, default=REPO, help="repository (default %(default)s)")
    args = parser.parse_args(argv)
    if args.events is not None and args.events < 1:
        parser.error("--events must be at least 1")
    args.repo = args.repo.resolve()
    return args


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM as an interruption, so that the worktrees and the temporary folder are removed."""
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = parse_arguments(argv)
    names = list(dict.fromkeys(args.dataset or DATASETS))
    signal.signal(signal.SIGTERM, _interrupt)
    temp = Path(tempfile.mkdtemp(prefix="compare-releases-"))
    processes = Processes()
    worktrees: list[Path] = []
    sides: dict[str, Side] = {}
    imports: dict[str, Path] = {}
    results: list[DatasetResult] = []
    try:
        worktrees.append(temp / "old")
        sides["old"] = add_worktree(args.repo, args.base, temp / "old", "old")
        if args.head:
            worktrees.append(temp / "new")
            sides["new"] = add_worktree(args.repo, args.head, temp / "new", "new")
        else:
            sides["new"] = copy_working_tree(args.repo, temp / "new", "new")
        for label in SIDES:
            imports[label] = imported_package(args.python, sides[label])
            print(f"{label}: {sides[label].description}\n  imports {imports[label]}", flush=True)
        for name in names:
            results.append(compare_dataset(name, sides, args, temp, processes))
            print(summary_line(results[-1]), flush=True)
        if args.keep_outputs:
            keep_outputs(sides, args.keep_outputs.resolve())
            print(f"outputs kept in {args.keep_outputs}/old and {args.keep_outputs}/new")
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; removing the temporary worktrees", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        for path in worktrees:
            remove_worktree(args.repo, path)
        shutil.rmtree(temp, ignore_errors=True)
    options = " ".join(sys.argv[1:] if argv is None else argv)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(
        markdown_report(sides, imports, results, args.python, options), encoding="utf-8"
    )
    print(f"report: {args.report}")
    compared = [result for result in results if not result.skipped]
    if not compared:
        print("nothing was compared (every dataset skipped)", file=sys.stderr)
    return 0 if compared and all(result.same for result in compared) else 1


if __name__ == "__main__":
    sys.exit(main())
