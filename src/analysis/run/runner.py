"""Run the notebooks of an event through papermill into ``reports/<event_id>/`` and export HTML.

A run is skipped when nothing it depends on changed (raw data, notebooks, library code, parameters, lock
file): a fingerprint of those inputs is stored beside the outputs and written last. Two more stamps make a
rerun with nothing changed cheap (no kernel, no pandas-heavy checks, nothing rewritten):
``reports/.checked.json`` keeps the result of validating the manifest and checking the articles (keyed by
the manifest, every listed file, the library and the lock file), and ``reports/.site-fingerprint.json``
the inputs of the reader's site (processed tables, the report listings it links to, the library). The
heavy libraries (pandas, papermill, nbformat, Jinja2) are imported only when something runs.

Faults: :func:`run` holds an exclusive lock on the output folders (:mod:`analysis.run.lock`; a second run on
the same outputs stops, or waits with ``wait=True``); every output is written atomically
(:mod:`analysis.atomic`), and the hidden temporaries of a killed run are removed when the next run starts.
The fingerprint is removed before an event executes, so a run killed or failed midway is redone in full by
the next one, whose outputs are byte-identical to an uninterrupted run's. A failed write raises
:class:`analysis.atomic.WriteError` and leaves the previous file in place.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import config
from analysis.atomic import remove_stale_temporaries, write_text
from analysis.errors import InputError
from analysis.run.html_export import export_html
from analysis.run.lock import output_lock

if TYPE_CHECKING:
    from analysis.ingest.load import Problem

NOTEBOOKS = ("01_clean.ipynb", "02_compare.ipynb", "03_figures.ipynb")
FINGERPRINT_FILE = ".fingerprint.json"
CHECK_FILE = ".checked.json"
SITE_FINGERPRINT_FILE = ".site-fingerprint.json"
#: Every stamp the runner writes: ``{"fingerprint": <inputs hash>, ...}``, deterministic otherwise.
STAMP_FILES = (FINGERPRINT_FILE, CHECK_FILE, SITE_FINGERPRINT_FILE)
ERRORS_FILE = "errors.csv"
#: :data:`analysis.measures.actors.ACTOR_FILE_NAME`, named here so the up-to-date check need not import it.
ACTOR_FILE_NAME = "actors.yaml"
#: :data:`analysis.site.ASSETS_DIR`, named here so that a no-op run need not import the site (Jinja2).
SITE_ASSETS = "_site"
#: Files of the package that count as library code (sources, codebooks, templates, site assets).
LIBRARY_SUFFIXES = {".py", ".yaml", ".j2", ".json", ".html", ".css", ".js"}


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""


@dataclass(frozen=True)
class RunResult:
    """What one event's run did."""

    event_id: str
    executed: bool
    outputs: tuple[Path, ...]


@dataclass(frozen=True)
class CheckedEvents:
    """The manifest's events, the ones that can run and the problems found while checking them."""

    known: list[str]
    runnable: list[str]
    problems: list[Problem]


def event_parameters(
    event_id: str, raw_dir: Path, processed_root: Path, reports_root: Path
) -> dict[str, Any]:
    """The papermill parameters of every notebook of one event."""
    return {
        "event_id": event_id,
        "raw_dir": config.relative(raw_dir),
        "processed_dir": config.relative(config.processed_dir(event_id, processed_root)),
        "figures_dir": config.relative(config.figures_dir(event_id, reports_root)),
    }


def _add(digest: Any, label: str, data: bytes) -> None:
    digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())


def _add_file(digest: Any, label: str, path: Path) -> None:
    """Add a file's bytes, or a marker when it cannot be read (so a missing file changes the hash)."""
    try:
        _add(digest, label, path.read_bytes())
    except OSError:
        _add(digest, f"missing:{label}", b"")


def _add_environment(digest: Any) -> None:
    """Add the library code, the lock file and the Python version."""
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.suffix in LIBRARY_SUFFIXES and "__pycache__" not in path.parts:
            _add(
                digest,
                f"library:{path.relative_to(config.PACKAGE_DIR).as_posix()}",
                path.read_bytes(),
            )
    if config.LOCK_FILE.is_file():
        _add(digest, "lock", config.LOCK_FILE.read_bytes())
    _add(digest, "python", sys.version.encode())


def manifest_rows(raw_dir: Path) -> list[dict[str, str]]:
    """The rows of ``raw_dir/manifest.csv`` as plain strings, without validation (that is
    :mod:`analysis.ingest.manifest`'s job): enough to find the files a run depends on, without pandas."""
    text = (raw_dir / "manifest.csv").read_bytes().decode("utf-8-sig")  # as the manifest module
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _listed_paths(
    rows: Iterable[dict[str, str]], raw_dir: Path, event_id: str | None
) -> list[Path]:
    """The raw files of one event (or all), sorted by outlet and path as the manifest module sorts.

    Fails closed: raises :class:`InputError` when a chosen row names no file, or no row is chosen,
    rather than fingerprinting nothing (an edited file would then look unchanged).
    """
    chosen = [row for row in rows if event_id is None or row.get("event_id") == event_id]
    manifest = raw_dir / "manifest.csv"
    if not chosen:
        raise InputError(manifest, f"no rows for event {event_id!r}" if event_id else "no rows")
    for row in chosen:
        if not (row.get("path") or "").strip():
            raise InputError(manifest, f"a row of event {row.get('event_id')!r} names no file")
    chosen.sort(key=lambda row: (row.get("outlet") or "", row.get("path") or ""))
    return [(raw_dir / (row.get("path") or "")).resolve() for row in chosen]


def _event_rows_json(rows: list[dict[str, str]], event_id: str) -> bytes:
    """The manifest rows of one event with their line numbers (header = 1), as canonical JSON."""
    chosen = [
        {"line": line, **row}
        for line, row in enumerate(rows, start=2)
        if row.get("event_id") == event_id
    ]
    return json.dumps(chosen, sort_keys=True).encode()


def fingerprint(
    event_id: str, raw_dir: Path, parameters: dict[str, Any], notebooks_dir: Path
) -> str:
    """SHA-256 over every input of a run: raw files, actor files, the event's manifest rows (not the
    other events'), notebooks, library, lock, parameters."""
    digest = hashlib.sha256()
    rows = manifest_rows(raw_dir)
    _add(digest, "manifest", _event_rows_json(rows, event_id))
    listed = _listed_paths(rows, raw_dir, event_id)
    for path in listed:
        _add_file(digest, f"raw:{path.name}", path)
    for folder in sorted({path.parent for path in listed}):
        if (folder / ACTOR_FILE_NAME).is_file():
            _add(digest, f"actors:{folder.name}", (folder / ACTOR_FILE_NAME).read_bytes())
    for name in NOTEBOOKS:
        _add(digest, f"notebook:{name}", (notebooks_dir / name).read_bytes())
    _add_environment(digest)
    _add(digest, "parameters", json.dumps(parameters, sort_keys=True).encode())
    return digest.hexdigest()


def _read_stamp(stamp_path: Path, stamp: str | None) -> dict[str, Any] | None:
    """The stamp's record when it was written for the inputs hash ``stamp``, else None."""
    try:
        recorded = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp is None or not isinstance(recorded, dict) or recorded.get("fingerprint") != stamp:
        return None
    return recorded


def _write_stamp(stamp_path: Path, record: dict[str, Any]) -> None:
    write_text(stamp_path, json.dumps(record, indent=1, sort_keys=True) + "\n")


def _up_to_date(stamp_path: Path, stamp: str) -> bool:
    recorded = _read_stamp(stamp_path, stamp)
    if recorded is None:
        return False
    return all((config.PROJECT_ROOT / path).is_file() for path in recorded.get("outputs", []))


def run_event(
    event_id: str,
    raw_dir: Path = config.DATA_RAW,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
    notebooks_dir: Path = config.NOTEBOOKS,
    force: bool = False,
) -> RunResult:
    """Execute the notebooks of one event unless its outputs are up to date; export HTML.

    The parameters are checked against the notebooks only when the event runs: an up-to-date event ran
    with the same notebooks and parameters, which were checked then.
    """
    from analysis.run.parameters import check_parameters

    parameters = event_parameters(event_id, raw_dir, processed_root, reports_root)
    stamp = fingerprint(event_id, raw_dir, parameters, notebooks_dir)
    out_dir = config.report_dir(event_id, reports_root)
    stamp_path = out_dir / FINGERPRINT_FILE
    if not force and _up_to_date(stamp_path, stamp):
        return RunResult(event_id, executed=False, outputs=())
    for name in NOTEBOOKS:
        check_parameters(notebooks_dir / name, parameters)
    stamp_path.unlink(missing_ok=True)
    outputs = execute_and_export([notebooks_dir / name for name in NOTEBOOKS], out_dir, parameters)
    outputs += _files_under(config.figures_dir(event_id, reports_root))
    outputs += _files_under(config.processed_dir(event_id, processed_root))
    _write_stamp(
        stamp_path,
        {"fingerprint": stamp, "outputs": sorted(config.relative(path) for path in outputs)},
    )
    return RunResult(event_id, executed=True, outputs=tuple(outputs))


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def execute_notebook(source: Path, target: Path, parameters: dict[str, Any]) -> Path:
    """Run ``source`` with ``parameters`` in the notebooks folder; write the normalised result to ``target``."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.run.kernel import current_env_kernel
    from analysis.run.notebook_io import normalise, write_notebook

    os.environ.setdefault("PYTHONHASHSEED", "0")
    with current_env_kernel() as kernel_name, tempfile.TemporaryDirectory() as scratch:
        try:
            notebook = papermill.execute_notebook(
                str(source),
                str(Path(scratch) / source.name),
                parameters=parameters,
                kernel_name=kernel_name,
                cwd=str(source.parent),
                progress_bar=False,
                request_save_on_cell_execute=False,
            )
        except PapermillExecutionError as error:
            evalue = " ".join(str(error.evalue).split())
            evalue = evalue if len(evalue) <= 300 else evalue[:300] + " …"
            raise NotebookFailed(
                f"{source.name} failed in cell {error.exec_count} (cell index {error.cell_index}): "
                f"{error.ename}: {evalue}"
            ) from None
    return write_notebook(normalise(notebook, source.name), target)


def execute_and_export(
    sources: Sequence[Path], out_dir: Path, parameters: dict[str, Any]
) -> list[Path]:
    """Execute the notebooks ``sources`` in order into ``out_dir``; export each to HTML while the
    next one runs. Return every file written (notebook, then its two pages, per notebook).

    A notebook reads what the previous one wrote, so they run one after the other; the export of
    notebook k (nbconvert, in this process) needs only k's file, so it runs in a worker thread
    while the kernel of k + 1 works in its own process. An error of an export is raised here, after
    the notebook that ran beside it; a failing notebook is raised once the export beside it ended.
    """
    written: list[Path] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-html") as pool:
        pending: Future[list[Path]] | None = None
        for source in sources:
            executed = execute_notebook(source, out_dir / source.name, parameters)
            if pending is not None:
                written += pending.result()
            written.append(executed)
            pending = pool.submit(export_html, executed)
        if pending is not None:
            written += pending.result()
    return written


def refresh_notebooks(notebooks_dir: Path = config.NOTEBOOKS) -> list[Path]:
    """Re-execute the committed notebooks in place on their default parameters (the seed event; the
    seed data as a corpus for the corpus notebook)."""
    names = (*NOTEBOOKS, "04_corpus.ipynb")
    return [execute_notebook(notebooks_dir / name, notebooks_dir / name, {}) for name in names]


def check_events(event_ids: list[str], raw_dir: Path) -> tuple[list[str], list[Problem]]:
    """The events that can run (≥ 2 outlets left after excluding bad articles) and every problem found."""
    from analysis.ingest.load import load_event_checked

    runnable, problems = [], []
    for event_id in event_ids:
        cleaned, event_problems = load_event_checked(event_id, raw_dir)
        problems += event_problems
        if len({item.article.outlet for item in cleaned}) >= 2:
            runnable.append(event_id)
    return runnable, problems


def check_fingerprint(raw_dir: Path, event_ids: list[str] | None) -> str | None:
    """SHA-256 over what validating the manifest and checking the articles depend on: the manifest,
    every file it lists, the library, the lock file and the events asked for. None when the manifest
    cannot even be read (the full check then reports why)."""
    try:
        manifest = (raw_dir / "manifest.csv").read_bytes()
        rows = manifest_rows(raw_dir)
        listed = _listed_paths(rows, raw_dir, None)
    except (OSError, UnicodeDecodeError, csv.Error, InputError):
        return None
    digest = hashlib.sha256()
    _add(digest, "manifest", manifest)
    _add(digest, "raw_dir", str(raw_dir.resolve()).encode())
    for path in listed:
        _add_file(digest, f"raw:{path}", path)
    _add_environment(digest)
    _add(digest, "events", json.dumps(event_ids).encode())
    return digest.hexdigest()


def _checked_from(recorded: dict[str, Any] | None) -> CheckedEvents | None:
    """The checked events of a check stamp's record (None without a record)."""
    if recorded is None:
        return None
    problems = []
    if recorded["problems"]:
        from analysis.ingest.load import Problem

        problems = [Problem(**problem) for problem in recorded["problems"]]
    return CheckedEvents(recorded["known"], recorded["runnable"], problems)


def _known_events(raw_dir: Path, event_ids: list[str] | None) -> list[str]:
    """Validate the manifest; return its events. Raises :class:`InputError` for an unknown event."""
    from analysis.ingest.manifest import event_ids as all_events

    known = all_events(raw_dir)
    for event_id in event_ids or []:
        if event_id not in known:
            raise InputError(
                raw_dir / "manifest.csv", f"no event {event_id!r} (known: {', '.join(known)})"
            )
    return known


def _check(raw_dir: Path, event_ids: list[str] | None, known: list[str]) -> CheckedEvents:
    runnable, problems = check_events(event_ids or known, raw_dir)
    return CheckedEvents(known, runnable, problems)


def _write_errors(checked: CheckedEvents, path: Path, recorded: str | None) -> str:
    """Write the errors report unless the file already holds it (``recorded``: its SHA-256 as last
    written); return the report's SHA-256."""
    if recorded is not None and path.is_file() and _sha256(path) == recorded:
        return recorded
    from analysis.ingest.load import write_problems

    return _sha256(write_problems(checked.problems, path))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_check(stamp_path: Path, stamp: str | None, checked: CheckedEvents, errors: str) -> None:
    if stamp is None:
        return
    record = {
        "fingerprint": stamp,
        "known": checked.known,
        "runnable": checked.runnable,
        "problems": [dataclasses.asdict(problem) for problem in checked.problems],
        "errors_sha256": errors,
    }
    if _read_stamp(stamp_path, stamp) != record:
        _write_stamp(stamp_path, record)


def site_fingerprint(event_ids: list[str], processed_root: Path, reports_root: Path) -> str:
    """SHA-256 over what the site shows: each event's processed tables (bytes), the names of its
    notebooks' HTML and figures (it links to them), the library (templates, assets) and the lock file."""
    digest = hashlib.sha256()
    _add(digest, "events", json.dumps(sorted(event_ids)).encode())
    for event_id in sorted(event_ids):
        folder = config.processed_dir(event_id, processed_root)
        for path in _files_under(folder):
            _add(
                digest,
                f"processed:{event_id}/{path.relative_to(folder).as_posix()}",
                path.read_bytes(),
            )
        report = config.report_dir(event_id, reports_root)
        linked = (
            [p for p in report.glob("*.html") if p.name != "index.html"] if report.is_dir() else []
        )
        linked += _files_under(report / "figures")
        names = sorted(path.relative_to(report).as_posix() for path in linked)
        _add(digest, f"linked:{event_id}", json.dumps(names).encode())
    _add_environment(digest)
    return digest.hexdigest()


def update_site(
    event_ids: list[str], processed_root: Path, reports_root: Path, force: bool = False
) -> bool:
    """Rebuild the reader's site unless its inputs are unchanged and its pages are there (or ``force``);
    return whether it was rebuilt. The stamp is removed first, so a build killed midway is redone."""
    stamp = site_fingerprint(event_ids, processed_root, reports_root)
    stamp_path = reports_root / SITE_FINGERPRINT_FILE
    if not force and _up_to_date(stamp_path, stamp):
        return False
    from analysis.site import build_site

    stamp_path.unlink(missing_ok=True)
    written = build_site(event_ids, processed_root, reports_root)
    outputs = sorted(config.relative(path) for path in written)
    _write_stamp(stamp_path, {"fingerprint": stamp, "outputs": outputs})
    return True


def run(
    event_ids: list[str] | None = None,
    raw_dir: Path = config.DATA_RAW,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
    force: bool = False,
    wait: bool = False,
    on_result: Callable[[RunResult], None] | None = None,
) -> tuple[list[RunResult], list[Problem]]:
    """Run every event of ``raw_dir`` (or the listed ones), then update the reader's site.

    Articles that cannot be read (binary, empty, HTML, not English …) are excluded and reported in
    ``reports/errors.csv`` with the file, the manifest row and the problem; the other articles and events
    still run. An event whose notebook fails is reported the same way (kind ``notebook-failed``: the
    event, the notebook, the cell and the error) and the other events still run; the errors report
    and the site are written all the same. ``on_result`` is called after each event that ran
    (progress for long corpus runs). Returns the per-event results and the problems.

    The site (``reports/index.html`` and one page per event, :mod:`analysis.site`) covers every event of
    the manifest that has processed tables; it is rebuilt whenever what it shows changed (see
    :func:`update_site`), even when every event was up to date. With nothing changed, the manifest
    check, the article checks and the site come from their stamps and no file is rewritten.

    The whole run holds the lock on ``processed_root`` and ``reports_root``: when another run holds it,
    :class:`analysis.run.lock.LockBusy` is raised at once, or the run waits for it with ``wait=True``.
    """
    raw_dir, processed_root, reports_root = Path(raw_dir), Path(processed_root), Path(reports_root)
    check_path = reports_root / CHECK_FILE
    stamp = check_fingerprint(raw_dir, event_ids)
    recorded = None if force else _read_stamp(check_path, stamp)
    cached = _checked_from(recorded)
    known = cached.known if cached else _known_events(raw_dir, event_ids)
    with output_lock(processed_root, reports_root, wait=wait):
        remove_own_temporaries(known, processed_root, reports_root)
        checked = cached or _check(raw_dir, event_ids, known)
        results, failures = [], []
        for event_id in checked.runnable:
            try:
                result = run_event(event_id, raw_dir, processed_root, reports_root, force=force)
            except NotebookFailed as error:
                failures.append(_failure(event_id, error, reports_root))
                continue
            results.append(result)
            if on_result is not None:
                on_result(result)
        errors_sha = recorded["errors_sha256"] if recorded and not failures else None
        reported = dataclasses.replace(checked, problems=[*checked.problems, *failures])
        errors = _write_errors(reported, reports_root / ERRORS_FILE, errors_sha)
        # a report with failed events is not the check's alone: the next run writes it again
        _record_check(check_path, stamp, checked, "" if failures else errors)
        update_site(known, processed_root, reports_root, force=force)
    return results, reported.problems


def remove_own_temporaries(event_ids: list[str], processed_root: Path, reports_root: Path) -> None:
    """Remove the stale temporaries of what an event run writes: its events' folders, the site's
    assets and the roots' own files; never a corpus run's (``<root>/corpus/``)."""
    for root in (processed_root, reports_root):
        remove_stale_temporaries(root, recursive=False)
        for event_id in event_ids:
            remove_stale_temporaries(root / event_id)
    remove_stale_temporaries(reports_root / SITE_ASSETS)


def _failure(event_id: str, error: NotebookFailed, reports_root: Path) -> Problem:
    """A failed event as a problem of the errors report (the next run executes it again)."""
    from analysis.ingest.load import Problem

    folder = config.relative(config.report_dir(event_id, reports_root))
    return Problem(folder, None, "notebook-failed", f"event {event_id!r}: {error}", "event failed")
