"""Command line: ``python -m analysis run [--event ID] [--raw DIR] [--force]`` and ``refresh-notebooks``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import config
from .errors import InputError


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
    commands.add_parser("refresh-notebooks", help="re-execute notebooks/ in place (stored outputs)")
    args = parser.parse_args(argv)

    from .runner import NotebookFailed, refresh_notebooks, run

    try:
        started = time.perf_counter()
        if args.command == "refresh-notebooks":
            for path in refresh_notebooks():
                print(f"refreshed {config.relative(path)}")
            return 0
        results = run(
            args.event,
            raw_dir=args.raw,
            processed_root=args.processed,
            reports_root=args.reports,
            force=args.force,
        )
        for result in results:
            status = "executed" if result.executed else "up to date, skipped"
            print(f"{result.event_id}: {status}")
        print(f"done in {time.perf_counter() - started:.1f} s")
    except (InputError, NotebookFailed) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
