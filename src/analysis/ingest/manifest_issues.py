"""Manifest problems and warnings, with the standard library only (no pandas: a run with nothing to
do prints the warnings without loading the heavy libraries).

:class:`ManifestIssue` is one problem or warning (file, row, column, what); :func:`manifest_warnings`
lists the empty optional fields of a manifest; :func:`warning_lines` groups them for the command line.
Validation itself is :mod:`analysis.ingest.manifest`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Optional fields whose empty value is worth a warning (a reader of the report may miss them).
WARN_WHEN_EMPTY = ("title", "date", "url", "language")
#: The command that adds rows and fills checksums (:mod:`analysis.ingest.prepare`).
PREPARE_COMMAND = "python -m analysis manifest"


@dataclass(frozen=True)
class ManifestIssue:
    """One problem (or warning) of a manifest: the file, the row (header = 1), the column, what."""

    path: str
    row: int | None
    column: str
    problem: str

    def __str__(self) -> str:
        where = [self.path] + ([f"row {self.row}"] if self.row is not None else [])
        where += [f"column {self.column}"] if self.column else []
        return f"{', '.join(where)}: {self.problem}"


def manifest_warnings(
    raw_dir: Path | str, manifest_name: str = "manifest.csv"
) -> list[ManifestIssue]:
    """Empty optional fields (:data:`WARN_WHEN_EMPTY`) and a missing ``sha256`` column: allowed, but
    listed so the user knows. Read with the standard library only (cheap; no validation: an unreadable
    manifest gives no warnings, the validation then says why)."""
    manifest_path = Path(raw_dir) / manifest_name
    try:
        text = manifest_path.read_bytes().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []
    columns = set(rows[0]) if rows else set()
    issues = [
        ManifestIssue(str(manifest_path), line, column, f"empty {column}")
        for line, row in enumerate(rows, start=2)
        for column in WARN_WHEN_EMPTY
        if column in columns and not (row.get(column) or "").strip()
    ]
    if rows and "sha256" not in columns:
        message = f"no sha256 column: files are not checked (`{PREPARE_COMMAND}` adds one)"
        issues.append(ManifestIssue(str(manifest_path), None, "sha256", message))
    return issues


def warning_lines(issues: Iterable[ManifestIssue]) -> list[str]:
    """Warnings grouped by file and column: ``FILE: empty date in rows 2, 5 (allowed)``."""
    grouped: dict[tuple[str, str, str], list[int]] = {}
    for issue in issues:
        grouped.setdefault((issue.path, issue.column, issue.problem), [])
        if issue.row is not None:
            grouped[(issue.path, issue.column, issue.problem)].append(issue.row)
    lines = []
    for (path, _column, problem), rows in grouped.items():
        where = f" in row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows))}" if rows else ""
        lines.append(f"{path}: {problem}{where}")
    return lines
