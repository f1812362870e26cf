"""Command line: ``python -m analysis run [--event ID] [--raw DIR] [--force] [--wait]`` and
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

from . import config
from .errors import InputError

if TYPE_CHECKING:
    from .runner import RunResult


def _print_result(result: RunResult) -> None:
    status = "executed" if result.executed else "up to date, skipped"
    print(f"{result.event_id}: {status}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
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
    commands.add_parser("refresh-notebooks", help="re-execute notebooks/ in place (stored outputs)")
    args = parser.parse_args(argv)

    from .event import failed
    from .lock import LockBusy
    from .runner import NotebookFailed, refresh_notebooks, run

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
            on_result=_print_result,
        )
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"done in {time.perf_counter() - started:.1f} s")
        if failed(problems):
            print(
                f"error: some input was excluded; see {config.relative(args.reports / 'errors.csv')}",
                file=sys.stderr,
            )
            return 1
    except (InputError, NotebookFailed, LockBusy) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)  # WriteError: "cannot write PATH: reason"
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
