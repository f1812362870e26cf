"""Command line of the project: run events or a corpus, prepare a manifest, refresh the notebooks.

Exit status 1 with a one-line message (no traceback) on a bad input, a failed notebook, a failed write
(the path and the reason; previous outputs stay) or when another run is writing the same outputs.
SIGTERM stops a run as Ctrl-C does (exit status 130, temporaries removed): Python's default would end
the process at once and leave the kernel-spec and scratch folders in the temporary directory.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import __version__, config
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


DESCRIPTION = """\
Compare how news outlets frame the same event: clean the articles listed in a
manifest, run the notebooks of each event, build the reader's site.

Exit status 1 with a one-line message on bad input, a failed notebook or write,
or when another run is writing the same outputs."""

EXAMPLES = """\
examples:
  python -m analysis run                              every event of data/raw
  python -m analysis run --event EVENT_ID             one event
  python -m analysis manifest data/raw                add new article files, fill checksums
  python -m analysis run --corpus ../shared/corpora/newswcl50-dev --no-comparison
  python -m analysis refresh-notebooks                re-execute notebooks/ in place
  python -m analysis lab                              open the notebooks in JupyterLab"""


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
    """The command line: ``run`` (events or ``--corpus``), ``manifest`` and ``refresh-notebooks``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run",
        help="execute the notebooks of one or all events (or a corpus)",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    _manifest_options(
        commands.add_parser(
            "manifest",
            help="add rows for new article files to PATH/manifest.csv and fill checksums",
        )
    )
    lab = commands.add_parser(
        "lab", help="JupyterLab in notebooks/ with the project kernel (127.0.0.1 only)"
    )
    lab.add_argument("--port", type=int, help="port (default: JupyterLab's, 8888 or the next free)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.set_defaults(corpus=None)
    return parser


def _manifest_options(prepare: argparse.ArgumentParser) -> None:
    """Options of ``manifest PATH`` (:mod:`analysis.ingest.prepare`)."""
    prepare.formatter_class = argparse.RawDescriptionHelpFormatter
    prepare.description = (
        "Add a row for every article file (.txt, .html) under PATH that PATH/manifest.csv\n"
        "does not list, with its SHA-256; fill empty sha256 fields. Existing rows and\n"
        "article files are left as they are. Event and outlet come from the layout\n"
        "PATH/<event_id>/<outlet>.txt unless given."
    )
    prepare.epilog = (
        "examples:\n  python -m analysis manifest data/raw\n"
        "  python -m analysis manifest data/raw --event-id 2024-05-01_my-event"
    )
    prepare.add_argument("path", type=Path, help="folder of the manifest and the articles")
    prepare.add_argument("--event-id", help="event of every new file (default: its folder's name)")
    prepare.add_argument("--outlet", help="outlet of every new file (default: the file's name)")
    prepare.add_argument("--language", default="en", help="language of new rows (default en)")
    prepare.set_defaults(corpus=None)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    if getattr(args, "event", None):
        args.event = list(dict.fromkeys(args.event))  # --event X --event X: once
    if args.command == "manifest":
        return _prepare_manifest(args)
    if args.command == "lab":
        from analysis.run.lab import start_lab

        start_lab(args.port, open_browser=not args.no_browser)  # replaces this process
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        if args.corpus is not None:
            _print_manifest_warnings(args.corpus)
            return _run_corpus(args)
        if args.command == "run":
            _print_manifest_warnings(args.raw)
        return _run_events(args)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (kill, timeout, a cancelled CI job)
        # atomic writes remove their temporaries on the way out; papermill stops its kernel. The
        # interrupted cell's task dies with the kernel, and asyncio would log its DeadKernelError
        # ("Task exception was never retrieved") after the line below, when the task is collected.
        logging.getLogger("asyncio").disabled = True
        print(
            "interrupted: outputs written so far are complete; run again to finish", file=sys.stderr
        )
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_manifest_warnings(folder: Path) -> None:
    """Empty optional manifest fields, one line per column (allowed; no analysis needs them)."""
    from analysis.ingest.manifest_issues import manifest_warnings, warning_lines

    for line in warning_lines(manifest_warnings(folder)):
        print(f"warning: {line}", file=sys.stderr)


def _prepare_manifest(args: argparse.Namespace) -> int:
    """``manifest PATH``: add new files, fill checksums, then validate; exit status."""
    from analysis.ingest.manifest import read_manifest
    from analysis.ingest.prepare import prepare_manifest

    try:
        prepared = prepare_manifest(args.path, args.event_id, args.outlet, args.language)
        for path in prepared.added:
            print(f"added {path}")
        for path in prepared.filled:
            print(f"checksum filled for {path}")
        print(f"{config.relative(prepared.manifest)}: {len(prepared.added)} row(s) added")
        _print_manifest_warnings(args.path)
        read_manifest(args.path)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print("manifest valid; next: python -m analysis run --raw " + str(args.path))
    return 0


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
