"""``analysis run --corpus PATH``: extract the corpus, execute the corpus notebook, and optionally render
every event's own notebooks in parallel processes.

The corpus notebook (``notebooks/04_corpus.ipynb``) is executed into ``reports/corpus/<corpus name>/`` with
HTML (with and without code) and its figures; it is skipped when its inputs (the partitions' fingerprints,
the notebook, the library, the parameters) are unchanged. Per-event reports run :func:`analysis.run.runner.run_event`
in separate processes: papermill switches the working directory of its process, which threads would share;
they run before the corpus notebook, which then links each event's page of the reader's site (rebuilt for
every event with processed tables, :func:`analysis.run.runner.update_site`). Sections that need the event
comparison say they were skipped when the run had ``--no-comparison`` (:func:`has_section`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import config
from analysis.atomic import write_text
from analysis.corpus.extract import STATUS_ANALYSED
from analysis.corpus.plan import code_fingerprint
from analysis.corpus.run import (
    CORPUS_FOLDER,
    Extraction,
    corpus_name,
    corpus_out_dir,
    extract_corpus,
)
from analysis.corpus.store import read_table
from analysis.errors import InputError
from analysis.run.lock import corpus_root, output_lock
from analysis.run.parameters import check_parameters

CORPUS_NOTEBOOK = "04_corpus.ipynb"
STAMP_FILE = ".fingerprint.json"


@dataclass(frozen=True)
class CorpusReport:
    """What a corpus run did."""

    extraction: Extraction
    notebook_executed: bool
    events_executed: tuple[str, ...]


def corpus_parameters(
    corpus_dir: Path,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
) -> dict[str, Any]:
    """The papermill parameters of the corpus notebook."""
    return {
        "corpus_dir": config.relative(corpus_dir),
        "out_dir": config.relative(corpus_out_dir(corpus_dir, processed_root)),
        "figures_dir": config.relative(corpus_report_dir(corpus_dir, reports_root) / "figures"),
    }


def corpus_report_dir(corpus_dir: Path, reports_root: Path = config.REPORTS) -> Path:
    """``reports/corpus/<corpus name>``."""
    return Path(reports_root) / CORPUS_FOLDER / corpus_name(corpus_dir)


def corpus_folders(
    corpus_dir: str | Path, out_dir: str | Path = "", figures_dir: str | Path = ""
) -> tuple[Path, Path, Path]:
    """The corpus notebook's folders, resolved: the corpus, its tables' folder and its figures' folder.

    An empty ``out_dir`` or ``figures_dir`` derives from the corpus's name, so a notebook given only a
    corpus writes into that corpus's folders, never into another's.
    """
    corpus = config.resolve(corpus_dir)
    out = config.resolve(out_dir) if out_dir else corpus_out_dir(corpus)
    figures = config.resolve(figures_dir) if figures_dir else corpus_report_dir(corpus) / "figures"
    return corpus, out, figures


def run_corpus(
    corpus_dir: Path | str,
    processed_root: Path = config.DATA_PROCESSED,
    reports_root: Path = config.REPORTS,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    partition_articles: int | None = None,
    comparison: bool | None = None,
    event_reports: bool | Sequence[str] = False,
    jobs: int = 2,
    force: bool = False,
    wait: bool = False,
    progress: bool = True,
    on_event: Callable[[str, bool], None] | None = None,
) -> CorpusReport:
    """Extract ``corpus_dir``, execute the corpus notebook, and render per-event reports if asked
    (``event_reports``: True for every event whose articles were analysed, or a list of event ids)."""
    corpus_dir = Path(corpus_dir).resolve()
    extraction = extract_corpus(
        corpus_dir,
        corpus_out_dir(corpus_dir, processed_root),
        workers=workers,
        scheduler=scheduler,
        comparison=comparison,
        force=force,
        wait=wait,
        progress=progress,
        partition_articles=partition_articles,
    )
    events: tuple[str, ...] = ()
    if event_reports:
        chosen = analysed_events(extraction.tables_dir)
        if event_reports is not True:
            unknown = sorted(set(event_reports) - set(chosen))
            if unknown:
                raise InputError(
                    corpus_dir / "manifest.csv", f"no analysed event {', '.join(unknown)}"
                )
            chosen = [event_id for event_id in chosen if event_id in set(event_reports)]
        with output_lock(processed_root, reports_root, wait=wait):
            events = _event_reports(
                chosen, corpus_dir, processed_root, reports_root, jobs, force, on_event
            )
            _update_site(processed_root, reports_root, force)
    executed = _corpus_notebook(corpus_dir, processed_root, reports_root, extraction, force, wait)
    return CorpusReport(extraction, executed, events)


def _update_site(processed_root: Path, reports_root: Path, force: bool) -> None:
    """The reader's site for every event with processed tables (the corpus's and any others)."""
    from analysis.run.runner import update_site

    folders = sorted(processed_root.iterdir()) if processed_root.is_dir() else []
    events = [path.name for path in folders if path.is_dir() and path.name != CORPUS_FOLDER]
    update_site(events, processed_root, reports_root, force=force)


def event_pages(report_dir: Path | str, event_ids: Sequence[str]) -> dict[str, str]:
    """Each event's page of the reader's site that exists, as a link relative to the corpus report
    (``reports/corpus/<name>/``): ``{event_id: "../../<event_id>/index.html"}``."""
    reports_root = Path(report_dir).parent.parent
    return {
        event_id: f"../../{event_id}/index.html"
        for event_id in sorted(event_ids)
        if (reports_root / event_id / "index.html").is_file()
    }


def event_pages_note(report_dir: Path | str, event_ids: Sequence[str]) -> str:
    """Markdown: links to the events' pages, or how to build them (``--event-reports``)."""
    pages = event_pages(report_dir, event_ids)
    if not pages:
        return (
            "No event reports yet: `python -m analysis run --corpus PATH --event-reports` renders "
            "every event's notebooks and its page of the reader's site, linked here."
        )
    links = ", ".join(f"[{event_id}]({link})" for event_id, link in pages.items())
    return f"Each event's page of the reader's site (clean articles side by side): {links}."


def has_section(profiles: Any, section: str) -> bool:
    """Whether the profile table has rows for ``section`` (a ``--no-comparison`` run has none for
    quotes, attribution verbs and selection)."""
    return bool((profiles["section"] == section).any())


def skipped_note(section: str) -> str:
    """Markdown saying a section was skipped, why, and how to fill it."""
    return (
        f"*Section “{section}” skipped: this corpus ran with `--no-comparison` (quotes and shared "
        "sentences are not computed). Run again with `--comparison` to fill it.*"
    )


def _corpus_notebook(
    corpus_dir: Path,
    processed_root: Path,
    reports_root: Path,
    extraction: Extraction,
    force: bool,
    wait: bool,
) -> bool:
    """Execute the corpus notebook unless up to date; True when it ran."""
    from analysis.run.runner import execute_notebook, export_html

    source = config.NOTEBOOKS / CORPUS_NOTEBOOK
    parameters = corpus_parameters(corpus_dir, processed_root, reports_root)
    out_dir = corpus_report_dir(corpus_dir, reports_root)
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(source.read_bytes())
    digest.update(json.dumps(parameters, sort_keys=True).encode())
    digest.update((extraction.summary_dir / ".fingerprint").read_bytes())
    pages = event_pages(out_dir, analysed_events(extraction.tables_dir))
    digest.update(json.dumps(pages, sort_keys=True).encode())  # the notebook links them
    stamp, stamp_path = digest.hexdigest(), out_dir / STAMP_FILE
    with output_lock(out_dir, wait=wait, shared=corpus_root(out_dir)):
        if not force and _recorded(stamp_path) == stamp and (out_dir / CORPUS_NOTEBOOK).is_file():
            return False
        check_parameters(source, parameters)
        stamp_path.unlink(missing_ok=True)
        export_html(execute_notebook(source, out_dir / CORPUS_NOTEBOOK, parameters))
        write_text(stamp_path, json.dumps({"fingerprint": stamp}) + "\n")
    return True


def _recorded(stamp_path: Path) -> str | None:
    try:
        return json.loads(stamp_path.read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None


def analysed_events(tables_dir: Path) -> list[str]:
    """Events with analysed articles (at least two outlets left), sorted."""
    articles = read_table(tables_dir, "articles", ["event_id", "status"])
    return sorted(articles.loc[articles["status"] == STATUS_ANALYSED, "event_id"].unique())


def _event_reports(
    event_ids: list[str],
    corpus_dir: Path,
    processed_root: Path,
    reports_root: Path,
    jobs: int,
    force: bool,
    on_event: Callable[[str, bool], None] | None,
) -> tuple[str, ...]:
    """Run the events' notebooks, ``jobs`` events at a time in separate processes."""
    from analysis.run.runner import run_event

    executed = []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {
            event_id: pool.submit(
                run_event, event_id, corpus_dir, processed_root, reports_root, force=force
            )
            for event_id in event_ids
        }
        for event_id, future in futures.items():
            result = future.result()
            if on_event is not None:
                on_event(event_id, result.executed)
            if result.executed:
                executed.append(event_id)
    return tuple(executed)
