"""Run the notebooks of an event through papermill into ``reports/<event_id>/`` and export HTML.

A run is skipped when nothing it depends on changed (raw data, notebooks, library code, parameters, lock
file): a fingerprint of those inputs is stored beside the outputs and written last.

Faults: :func:`run` holds an exclusive lock on the output folders (:mod:`analysis.lock`; a second run on
the same outputs stops, or waits with ``wait=True``); every output is written atomically
(:mod:`analysis.atomic`), and the hidden temporaries of a killed run are removed when the next run starts.
The fingerprint is removed before an event executes, so a run killed or failed midway is redone in full by
the next one, whose outputs are byte-identical to an uninterrupted run's. A failed write raises
:class:`analysis.atomic.WriteError` and leaves the previous file in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config
from .actors import ACTOR_FILE_NAME
from .atomic import remove_stale_temporaries, write_text
from .errors import InputError
from .event import Problem, load_event_checked, write_problems
from .kernel import current_env_kernel
from .lock import output_lock
from .manifest import articles
from .notebook_io import normalise, write_notebook
from .parameters import check_parameters

NOTEBOOKS = ("01_clean.ipynb", "02_compare.ipynb", "03_figures.ipynb")
FINGERPRINT_FILE = ".fingerprint.json"
ERRORS_FILE = "errors.csv"


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""


@dataclass(frozen=True)
class RunResult:
    """What one event's run did."""

    event_id: str
    executed: bool
    outputs: tuple[Path, ...]


def event_parameters(
    event_id: str, raw_dir: Path, processed_root: Path, reports_root: Path
) -> dict[str, Any]:
    """The papermill parameters of every notebook of one event."""
    return {
        "event_id": event_id,
        "raw_dir": config.relative(raw_dir),
        "processed_dir": config.relative(config.processed_dir(event_id, processed_root)),
        "figures_dir": config.relative(config.report_dir(event_id, reports_root) / "figures"),
    }


def fingerprint(
    event_id: str, raw_dir: Path, parameters: dict[str, Any], notebooks_dir: Path
) -> str:
    """SHA-256 over every input of a run: raw files, actor files, manifest, notebooks, library, lock,
    parameters."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    add("manifest", (raw_dir / "manifest.csv").read_bytes())
    listed = articles(raw_dir, event_id)
    for article in listed:
        add(f"raw:{article.path.name}", article.path.read_bytes())
    for folder in sorted({article.path.parent for article in listed}):
        if (folder / ACTOR_FILE_NAME).is_file():
            add(f"actors:{folder.name}", (folder / ACTOR_FILE_NAME).read_bytes())
    for name in NOTEBOOKS:
        add(f"notebook:{name}", (notebooks_dir / name).read_bytes())
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".yaml", ".j2", ".json"}:
            add(f"library:{path.relative_to(config.PACKAGE_DIR).as_posix()}", path.read_bytes())
    if config.LOCK_FILE.is_file():
        add("lock", config.LOCK_FILE.read_bytes())
    add("parameters", json.dumps(parameters, sort_keys=True).encode())
    add("python", sys.version.encode())
    return digest.hexdigest()


def _up_to_date(stamp_path: Path, stamp: str) -> bool:
    try:
        recorded = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    outputs = [config.PROJECT_ROOT / path for path in recorded.get("outputs", [])]
    return recorded.get("fingerprint") == stamp and all(path.is_file() for path in outputs)


def run_event(
    event_id: str,
    raw_dir: Path = config.DATA_RAW,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
    notebooks_dir: Path = config.NOTEBOOKS,
    force: bool = False,
) -> RunResult:
    """Execute the notebooks of one event unless its outputs are up to date; export HTML."""
    parameters = event_parameters(event_id, raw_dir, processed_root, reports_root)
    for name in NOTEBOOKS:
        check_parameters(notebooks_dir / name, parameters)
    stamp = fingerprint(event_id, raw_dir, parameters, notebooks_dir)
    out_dir = config.report_dir(event_id, reports_root)
    stamp_path = out_dir / FINGERPRINT_FILE
    if not force and _up_to_date(stamp_path, stamp):
        return RunResult(event_id, executed=False, outputs=())
    stamp_path.unlink(missing_ok=True)
    outputs: list[Path] = []
    for name in NOTEBOOKS:
        executed = execute_notebook(notebooks_dir / name, out_dir / name, parameters)
        outputs += [executed, *export_html(executed)]
    outputs += _files_under(config.report_dir(event_id, reports_root) / "figures")
    outputs += _files_under(config.processed_dir(event_id, processed_root))
    record = {"fingerprint": stamp, "outputs": sorted(config.relative(path) for path in outputs)}
    write_text(stamp_path, json.dumps(record, indent=1, sort_keys=True) + "\n")
    return RunResult(event_id, executed=True, outputs=tuple(outputs))


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def execute_notebook(source: Path, target: Path, parameters: dict[str, Any]) -> Path:
    """Run ``source`` with ``parameters`` in the notebooks folder; write the normalised result to ``target``."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

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
            raise NotebookFailed(
                f"{source.name} failed in cell {error.exec_count} (cell index {error.cell_index}): "
                f"{error.ename}: {error.evalue}"
            ) from None
    return write_notebook(normalise(notebook, source.name), target)


def export_html(notebook_path: Path) -> list[Path]:
    """Export an executed notebook to HTML twice: with code and without (``.nocode.html``).

    The template (``templates/offline_lab``) is JupyterLab's without CDN scripts, so pages open offline.
    """
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(notebook_path, as_version=4)
    written = []
    for suffix, exclude_input in ((".html", False), (".nocode.html", True)):
        exporter = HTMLExporter(
            template_name="offline_lab",
            extra_template_basedirs=[str(config.PACKAGE_DIR / "templates")],
            exclude_input=exclude_input,
        )
        body, _ = exporter.from_notebook_node(
            notebook, resources={"metadata": {"name": notebook_path.stem}}
        )
        written.append(write_text(notebook_path.with_suffix(suffix), body))
    return written


def refresh_notebooks(notebooks_dir: Path = config.NOTEBOOKS) -> list[Path]:
    """Re-execute the committed notebooks in place on their default parameters (the seed event)."""
    return [execute_notebook(notebooks_dir / name, notebooks_dir / name, {}) for name in NOTEBOOKS]


def check_events(event_ids: list[str], raw_dir: Path) -> tuple[list[str], list[Problem]]:
    """The events that can run (≥ 2 outlets left after excluding bad articles) and every problem found."""
    runnable, problems = [], []
    for event_id in event_ids:
        cleaned, event_problems = load_event_checked(event_id, raw_dir)
        problems += event_problems
        if len({item.article.outlet for item in cleaned}) >= 2:
            runnable.append(event_id)
    return runnable, problems


def run(
    event_ids: list[str] | None = None,
    raw_dir: Path = config.DATA_RAW,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
    force: bool = False,
    wait: bool = False,
    on_result: Callable[[RunResult], None] | None = None,
) -> tuple[list[RunResult], list[Problem]]:
    """Run every event of ``raw_dir`` (or the listed ones), then rebuild the reader's site.

    Articles that cannot be read (binary, empty, HTML, not English …) are excluded and reported in
    ``reports/errors.csv`` with the file, the manifest row and the problem; the other articles and events
    still run. ``on_result`` is called after each event (progress for long corpus runs). Returns the
    per-event results and the problems.

    The site (``reports/index.html`` and one page per event, :mod:`analysis.site`) is rebuilt for every
    event of the manifest that has processed tables, even when every event was up to date.

    The whole run holds the lock on ``processed_root`` and ``reports_root``: when another run holds it,
    :class:`analysis.lock.LockBusy` is raised at once, or the run waits for it with ``wait=True``.
    """
    from .manifest import event_ids as all_events
    from .site import build_site

    raw_dir = Path(raw_dir)
    known = all_events(raw_dir)
    for event_id in event_ids or []:
        if event_id not in known:
            raise InputError(
                raw_dir / "manifest.csv", f"no event {event_id!r} (known: {', '.join(known)})"
            )
    with output_lock(processed_root, reports_root, wait=wait):
        for folder in (processed_root, reports_root):
            remove_stale_temporaries(folder)
        runnable, problems = check_events(event_ids or known, raw_dir)
        results = []
        for event_id in runnable:
            results.append(run_event(event_id, raw_dir, processed_root, reports_root, force=force))
            if on_result is not None:
                on_result(results[-1])
        write_problems(problems, Path(reports_root) / ERRORS_FILE)
        build_site(known, processed_root, reports_root)
    return results, problems
