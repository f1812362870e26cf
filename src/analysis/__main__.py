"""Command line: ``python -m analysis run [--event ID] [--raw DIR] [--force] [--wait]``,
``python -m analysis run --corpus DIR [--workers N | --scheduler ADDRESS] [--event-reports]`` and
``refresh-notebooks``.

Exit status 1 with a one-line message (no traceback) on a bad input, a failed notebook, a failed write
(the path and the reason; previous outputs stay) or when another run is writing the same outputs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import config
from analysis.errors import InputError

if TYPE_CHECKING:
    from analysis.ingest.load import Problem


def _print_status(event_id: str, executed: bool) -> None:
    status = "executed" if executed else "up to date, skipped"
    print(f"{event_id}: {status}", flush=True)


def _failed(problems: list[Problem]) -> bool:
    """Whether a problem should fail the run (:func:`analysis.ingest.load.failed`, imported only if any)."""
    if not problems:
        return False
    from analysis.ingest.load import failed

    return failed(problems)


def positive_int(text: str) -> int:
    """An option value that must be a whole number ≥ 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    """The command line: ``run`` (events or ``--corpus``) and ``refresh-notebooks``."""
    parser = argparse.ArgumentParser(prog="analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="execute the notebooks of one or all events")
    run_parser.add_argument("--event", action="append", help="event id (repeatable; default: all)")
    run_parser.add_argument(
        "--raw", type=Path, default=config.DATA_RAW, help="folder with manifest.csv"
    )
    run_parser.add_argument(
        "--processed", type=Path, default=config.DATA_PROCESSED, help="folder for processed tables"
    )
    run_parser.add_argument(
        "--reports", type=Path, default=config.REPORTS, help="folder for notebooks, HTML, figures"
    )
    run_parser.add_argument(
        "--force", action="store_true", help="execute even when nothing changed"
    )
    run_parser.add_argument(
        "--wait",
        action="store_true",
        help="when another run is writing the same outputs, wait for it instead of stopping",
    )
    _corpus_options(run_parser)
    refresh = commands.add_parser(
        "refresh-notebooks", help="re-execute notebooks/ in place (stored outputs)"
    )
    refresh.set_defaults(corpus=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    if getattr(args, "event", None):
        args.event = list(dict.fromkeys(args.event))  # --event X --event X: once
    try:
        if args.corpus is not None:
            return _run_corpus(args)
        return _run_events(args)
    except KeyboardInterrupt:
        # atomic writes remove their temporaries on the way out; papermill stops its kernel
        print(
            "interrupted: outputs written so far are complete; run again to finish", file=sys.stderr
        )
        return 130


def _run_events(args: argparse.Namespace) -> int:
    """``run`` of events (then the site) or ``refresh-notebooks``; exit status."""
    from analysis.run.lock import LockBusy
    from analysis.run.runner import NotebookFailed, refresh_notebooks, run

    try:
        started = time.perf_counter()
        if args.command == "refresh-notebooks":
            for path in refresh_notebooks():
                print(f"refreshed {config.relative(path)}")
            return 0
        _, problems = run(
            args.event,
            raw_dir=args.raw,
            processed_root=args.processed,
            reports_root=args.reports,
            force=args.force,
            wait=args.wait,
            on_result=lambda result: _print_status(result.event_id, result.executed),
        )
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"done in {time.perf_counter() - started:.1f} s")
        if _failed(problems):
            print(
                "error: some input was excluded or an event failed; see "
                f"{config.relative(args.reports / 'errors.csv')}",
                file=sys.stderr,
            )
            return 1
    except (InputError, NotebookFailed, LockBusy, OSError) as error:
        # an OSError is also a WriteError: "cannot write PATH: reason"
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "corpus runs", "batch features of every article, Parquet tables, the corpus notebook"
    )
    group.add_argument("--corpus", type=Path, help="corpus folder with manifest.csv (any size)")
    group.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        help="local Dask worker processes (default 1: in process)",
    )
    group.add_argument(
        "--scheduler", help="address of an existing Dask scheduler (tcp://HOST:PORT)"
    )
    group.add_argument(
        "--partition-size", type=positive_int, help="articles per partition (whole events)"
    )
    group.add_argument(
        "--no-comparison",
        action="store_true",
        help="skip quotes and shared sentences (the slow part): article features only "
        "(kept for later runs into the same folder until --comparison)",
    )
    group.add_argument(
        "--comparison", action="store_true", help="compute quotes and shared sentences again"
    )
    group.add_argument(
        "--event-reports",
        action="store_true",
        help="also render every event's notebooks (or the --event ones), in parallel processes",
    )
    group.add_argument("--jobs", type=positive_int, default=2, help="processes for --event-reports")
    group.add_argument("--no-progress", action="store_true", help="no progress bar")


def _run_corpus(args: argparse.Namespace) -> int:
    """``run --corpus``: extraction, corpus notebook, optional event reports; exit status."""
    from analysis.corpus.report import run_corpus
    from analysis.run.lock import LockBusy
    from analysis.run.runner import NotebookFailed

    started = time.perf_counter()
    try:
        report = run_corpus(
            args.corpus,
            args.processed,
            args.reports,
            workers=args.workers,
            scheduler=args.scheduler,
            partition_articles=args.partition_size,
            comparison=False if args.no_comparison else (True if args.comparison else None),
            event_reports=args.event if args.event else args.event_reports,
            jobs=args.jobs,
            force=args.force,
            wait=args.wait,
            progress=not args.no_progress,
            on_event=_print_status,
        )
    except (InputError, NotebookFailed, LockBusy, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    extraction = report.extraction
    print(
        f"corpus {config.relative(args.corpus)}: {extraction.articles} articles in "
        f"{extraction.partitions} partition(s), {extraction.extracted} extracted; tables in "
        f"{config.relative(extraction.tables_dir)}; notebook "
        f"{'executed' if report.notebook_executed else 'up to date'}"
    )
    for problem in extraction.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"done in {time.perf_counter() - started:.1f} s")
    if _failed(list(extraction.problems)):
        errors = config.relative(extraction.summary_dir / "errors.csv")
        print(f"error: some input was excluded; see {errors}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
