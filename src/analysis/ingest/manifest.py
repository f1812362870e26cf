"""Read and validate an article manifest (``manifest.csv``) and the raw files it lists.

A manifest has one row per article. Required columns (what an analysis needs): ``event_id, outlet,
path``; optional: ``title, date, language, original_language, url, sha256, notes``; any other column is
carried through. An empty ``title``, ``date``, ``url`` or ``language`` is allowed (no analysis needs it)
and listed as a warning (:func:`analysis.ingest.manifest_issues.manifest_warnings`). Validation reads the whole manifest and reports every
problem in one :class:`ManifestError` (file, row, column, problem): a bad manifest stops the run. An empty
``sha256`` in a manifest that has the column is a problem (the README promises every checksum is checked);
``python -m analysis manifest`` (:mod:`analysis.ingest.prepare`) fills it. Two rows for the same outlet in
one event are rejected (naming both rows): the comparison is between outlets, and the tables key articles
by outlet, so a second article of one outlet would be silently merged or mistaken for another. Put a
second story in an event of its own. Problems of one article's *text* (encoding, binary, HTML, language)
are checked later, per article, by :mod:`analysis.ingest.decode` and collected by
:func:`analysis.ingest.load.load_event_checked`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import InputError
from analysis.ingest.manifest_issues import PREPARE_COMMAND, ManifestIssue

REQUIRED_COLUMNS = ("event_id", "outlet", "path")
OPTIONAL_COLUMNS = ("title", "date", "language", "original_language", "url", "sha256", "notes")
MIN_OUTLETS_PER_EVENT = 2
#: Column names the project adds to a manifest's rows (corpus tables): a manifest may not bring its own.
RESERVED_COLUMNS = ("article", "status", "manifest_row")
#: Names under ``reports/`` and ``data/processed/`` that are not events: an event may not be called so.
RESERVED_EVENT_IDS = ("index.html", "errors.csv", "corpus", "screenshots")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ManifestError(InputError):
    """Every problem of a manifest at once; one problem reads like a plain :class:`InputError`."""

    def __init__(self, issues: list[ManifestIssue]) -> None:
        self.issues = tuple(issues)
        first = issues[0]
        if len(issues) == 1:
            super().__init__(first.path, first.problem, row=first.row)
            return
        lines = "\n".join(f"  {issue}" for issue in issues)
        super().__init__(first.path, f"{len(issues)} problems:\n{lines}")


@dataclass(frozen=True)
class Article:
    """One raw article as listed in a manifest."""

    event_id: str
    outlet: str
    title: str
    date: str
    path: Path
    language: str
    original_language: str
    url: str
    sha256: str
    notes: str
    row: int | None = field(default=None, compare=False)  # line of the manifest (header = 1)
    article_id: str = field(default="", compare=False)  # unique in its event (see article_ids)

    def read_raw(self) -> str:
        """The file's text, decoded as UTF-8 (a clear error otherwise). Never writes."""
        data = self.path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(self.path, f"not valid UTF-8 (byte {error.start})") from None


def file_sha256(path: Path) -> str:
    """SHA-256 hex digest of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(raw_dir: Path | str, manifest_name: str = "manifest.csv") -> pd.DataFrame:
    """Load and validate ``raw_dir/manifest_name``; return it sorted by event, outlet and path."""
    return _read_manifest(raw_dir, manifest_name).drop(columns=[_ROW, ARTICLE])


_ROW = "__manifest_row__"
MANIFEST_ROW = "manifest_row"
#: Column of each row's article id (:func:`article_ids`) in :func:`manifest_with_rows`.
ARTICLE = "article"


def _read_manifest(raw_dir: Path | str, manifest_name: str = "manifest.csv") -> pd.DataFrame:
    raw_dir = Path(raw_dir)
    manifest_path = raw_dir / manifest_name
    if not manifest_path.is_file():
        raise InputError(manifest_path, "manifest not found")
    try:
        text = manifest_path.read_bytes().decode("utf-8-sig")  # a byte-order mark is not a name
        lines = _record_lines(text)
        table = pd.read_csv(io.StringIO(text, newline=""), dtype=str, keep_default_na=False)
    except (
        pd.errors.ParserError,
        UnicodeDecodeError,
        pd.errors.EmptyDataError,
        csv.Error,
    ) as error:
        raise InputError(manifest_path, f"cannot be read as CSV: {str(error)[:200]}") from None
    header, starts = lines
    _check_columns(table, manifest_path, header)
    has_sha256 = "sha256" in table.columns
    for column in OPTIONAL_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    folder = raw_dir.resolve()
    if len(starts) != len(table):  # records pandas reads differently (whitespace-only lines)
        starts = list(range(2, len(table) + 2))
    issues: list[ManifestIssue] = []
    for line, row in zip(starts, table.to_dict("records"), strict=True):
        issues += _row_issues(row, line, folder, str(manifest_path), has_sha256)
    table[_ROW] = starts
    if not issues:  # the event checks need valid rows
        issues = _event_issues(table, str(manifest_path))
    if issues:
        raise ManifestError(issues)
    table[ARTICLE] = article_ids(table, manifest_path)
    return table.sort_values(["event_id", "outlet", "path"], kind="stable").reset_index(drop=True)


def _record_lines(text: str) -> tuple[list[str], list[int]]:
    """The header's names and the line (1-based) on which each record starts: a quoted field may
    span lines, so "row N" in messages is the line a text editor shows. Blank lines hold no record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    starts: list[int] = []
    previous = 0
    for record in reader:
        if record and not header:
            header = record
        elif record:
            starts.append(previous + 1)
        previous = reader.line_num
    return header, starts


def _check_columns(table: pd.DataFrame, manifest_path: Path, header: list[str]) -> None:
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise InputError(
            manifest_path, f"column(s) named twice in the header: {', '.join(repeated)}"
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise InputError(manifest_path, f"missing required column(s): {', '.join(missing)}")
    reserved = [column for column in RESERVED_COLUMNS if column in table.columns]
    if reserved:
        raise InputError(
            manifest_path,
            f"column(s) {', '.join(reserved)} are added by the project; rename them in the manifest",
        )
    if table.empty:
        raise InputError(manifest_path, "manifest has no rows")


def _is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a real calendar day."""
    if not _ISO_DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _row_issues(
    row: Mapping[str, str], line: int, folder: Path, manifest: str, has_sha256: bool
) -> list[ManifestIssue]:
    """Every problem of one manifest row; ``folder``: the manifest's folder, resolved."""
    issues = [
        ManifestIssue(manifest, line, column, f"empty {column}")
        for column in REQUIRED_COLUMNS
        if not row[column].strip()
    ]
    if row["event_id"].strip() and not _EVENT_ID.match(row["event_id"]):
        message = f"event_id {row['event_id']!r} must be letters, digits, '.', '_' or '-'"
        issues.append(ManifestIssue(manifest, line, "event_id", message))
    if row["event_id"].lower() in RESERVED_EVENT_IDS:
        message = (
            f"event_id {row['event_id']!r} is the name of a file or folder of the site "
            f"({', '.join(RESERVED_EVENT_IDS)}); choose another"
        )
        issues.append(ManifestIssue(manifest, line, "event_id", message))
    if row["date"].strip() and not _is_iso_date(row["date"]):
        message = f"date {row['date']!r} is not an ISO date YYYY-MM-DD (or leave it empty)"
        issues.append(ManifestIssue(manifest, line, "date", message))
    if row["path"].strip():
        issues += _file_issues(row, line, folder, manifest, has_sha256)
    return issues


def _file_issues(
    row: Mapping[str, str], line: int, folder: Path, manifest: str, has_sha256: bool
) -> list[ManifestIssue]:
    """The listed file: inside the folder, present, with the checksum the row gives."""
    path = (folder / row["path"]).resolve()
    if folder not in path.parents:
        return [
            ManifestIssue(manifest, line, "path", f"path {row['path']!r} points outside {folder}")
        ]
    if not path.is_file():
        return [ManifestIssue(manifest, line, "path", f"file {row['path']!r} not found")]
    expected = row["sha256"].strip().lower()
    if not expected:
        if not has_sha256:
            return []
        message = f"sha256 is empty; `{PREPARE_COMMAND} {Path(manifest).parent}` fills it"
        return [ManifestIssue(manifest, line, "sha256", message)]
    if not _SHA256.match(expected):
        message = f"sha256 {row['sha256']!r} is not a SHA-256 hex digest"
        return [ManifestIssue(manifest, line, "sha256", message)]
    actual = file_sha256(path)
    if actual != expected:
        message = f"checksum mismatch: manifest row {line} says {expected}, file has {actual}"
        return [ManifestIssue(str(path), None, "", message)]
    return []


def _event_issues(table: pd.DataFrame, manifest: str) -> list[ManifestIssue]:
    """Duplicate rows, events with one outlet, two articles of one outlet in an event."""
    issues = []
    duplicated = table[table.duplicated(["event_id", "outlet", "path"], keep=False)]
    for (event_id, path), rows in duplicated.groupby(["event_id", "path"], sort=True):
        message = f"duplicate row for {event_id} / {path}"
        issues.append(ManifestIssue(manifest, int(rows[_ROW].iloc[-1]), "", message))
    outlets = table.groupby("event_id")["outlet"].nunique().sort_index()
    for event_id, count in outlets.items():
        if count < MIN_OUTLETS_PER_EVENT:
            message = (
                f"event {event_id!r} has {count} outlet(s); a comparison needs at least "
                f"{MIN_OUTLETS_PER_EVENT}"
            )
            issues.append(ManifestIssue(manifest, None, "outlet", message))
    unique = table.drop_duplicates(["event_id", "outlet", "path"])
    same_outlet = unique[unique.duplicated(["event_id", "outlet"], keep=False)]
    for (event_id, outlet), rows in same_outlet.groupby(["event_id", "outlet"], sort=True):
        lines = ", ".join(str(line) for line in rows[_ROW])
        message = (
            f"rows {lines}: event {event_id!r} has more than one article from outlet {outlet!r} "
            f"({', '.join(rows['path'])}); keep one article per outlet per event"
        )
        issues.append(ManifestIssue(manifest, int(rows[_ROW].iloc[0]), "outlet", message))
    return issues


def article_ids(table: pd.DataFrame, manifest_path: Path) -> list[str]:
    """Each row's article id, unique within its event: the file name without extension, or, where
    two rows of an event share it (``ev/voa/article.txt``, ``ev/rfi/article.txt``, or one file listed
    for two outlets), that name + ``-`` + 8 hex digits of the SHA-256 of outlet and manifest path.
    Raises :class:`InputError` if ids still collide (a file named like a suffixed id)."""
    stems = [Path(path).stem for path in table["path"]]
    keys = list(zip(table["event_id"], stems, strict=True))
    counts: dict[tuple[str, str], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    ids = []
    for (event_id, stem), outlet, path in zip(keys, table["outlet"], table["path"], strict=True):
        if counts[(event_id, stem)] > 1:
            digest = hashlib.sha256(f"{outlet}\0{path}".encode()).hexdigest()[:8]
            stem = f"{stem}-{digest}"
        ids.append(stem)
    seen: dict[tuple[str, str], str] = {}
    for event_id, article_id, path in zip(table["event_id"], ids, table["path"], strict=True):
        if (event_id, article_id) in seen:
            raise InputError(
                manifest_path,
                f"files {seen[(event_id, article_id)]!r} and {path!r} of event {event_id!r} "
                f"get the same article id {article_id!r}; rename one",
            )
        seen[(event_id, article_id)] = path
    return ids


def articles(raw_dir: Path | str, event_id: str | None = None) -> list[Article]:
    """The validated articles of one event (or all events), in manifest order."""
    raw_dir = Path(raw_dir)
    table = _read_manifest(raw_dir)
    if event_id is not None:
        table = table[table["event_id"] == event_id]
        if table.empty:
            raise InputError(raw_dir / "manifest.csv", f"no rows for event {event_id!r}")
    return [article_from_row(row, raw_dir) for row in table.to_dict("records")]


def manifest_with_rows(raw_dir: Path | str) -> pd.DataFrame:
    """The validated manifest (all columns, strings) with each article's line in ``manifest_row``
    and its id in ``article`` (:func:`article_ids`: unique in its event, as the event path gives)."""
    return _read_manifest(raw_dir).rename(columns={_ROW: MANIFEST_ROW})


def article_from_row(row: Mapping[str, Any], raw_dir: Path | str) -> Article:
    """The :class:`Article` of one validated manifest row (with ``manifest_row`` or the internal row,
    and the article id in ``article``)."""
    return Article(
        event_id=row["event_id"],
        outlet=row["outlet"],
        title=row["title"],
        date=row["date"],
        path=(Path(raw_dir) / row["path"]).resolve(),
        language=row["language"] or "en",
        original_language=row["original_language"] or row["language"] or "en",
        url=row["url"],
        sha256=row["sha256"],
        notes=row["notes"],
        row=int(row.get(MANIFEST_ROW, row.get(_ROW))),
        article_id=str(row.get(ARTICLE, "")),
    )


def event_ids(raw_dir: Path | str) -> list[str]:
    """All event ids of a validated manifest, sorted."""
    return sorted(read_manifest(raw_dir)["event_id"].unique())
