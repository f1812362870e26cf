"""Prepare a manifest from a folder of articles: ``python -m analysis manifest PATH``.

Adds a row for every article file (``.txt``, ``.html``, ``.htm``) under ``PATH`` that the manifest does
not list yet, with its ``event_id`` and ``outlet`` from the folder layout (``PATH/<event_id>/<file>``;
the outlet is the file name's stem) or from the options, and its ``sha256``; fills an empty ``sha256`` of
an existing row; leaves every other field of existing rows as it was. Article files are only read. The
manifest is written atomically (:func:`analysis.atomic.write_text`), with the header of the existing
manifest (plus any missing standard column) or the standard header. Rows are then validated as for a run
(:mod:`analysis.ingest.manifest`), so what is still missing (a second outlet, say) is reported at once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from analysis.atomic import write_text
from analysis.errors import InputError
from analysis.ingest.manifest import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, file_sha256

#: The standard column order of a new manifest (the seed manifest's).
STANDARD_HEADER = (
    "event_id", "outlet", "title", "date", "language", "original_language", "url", "path", "sha256",
    "notes",
)  # fmt: skip
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class Prepared:
    """What :func:`prepare_manifest` did: the manifest written, rows added and checksums filled."""

    manifest: Path
    added: tuple[str, ...]  # paths of the new rows
    filled: tuple[str, ...]  # paths whose empty sha256 was filled


def _read_rows(manifest: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The existing manifest's header and rows (empty when there is none)."""
    if not manifest.is_file():
        return list(STANDARD_HEADER), []
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(manifest, f"not valid UTF-8 (byte {error.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = [{key: value or "" for key, value in row.items()} for row in reader]
    header = list(reader.fieldnames or [])
    for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
        if column not in header:
            header.append(column)
    return header, rows


def article_files(folder: Path) -> list[Path]:
    """Article files under ``folder`` (any depth, hidden files and folders skipped), sorted."""
    found = [
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found)


def _new_row(
    relative: Path, folder: Path, event_id: str | None, outlet: str | None, language: str
) -> dict[str, str]:
    """The row of a file the manifest does not list yet."""
    event = event_id or (relative.parts[0] if len(relative.parts) > 1 else "")
    if not event:
        raise InputError(
            folder / relative,
            "no event: put the file in a folder named after its event, or pass --event-id",
        )
    return {
        "event_id": event,
        "outlet": outlet or relative.stem,
        "language": language,
        "path": relative.as_posix(),
        "sha256": file_sha256(folder / relative),
    }


def prepare_manifest(
    folder: Path | str,
    event_id: str | None = None,
    outlet: str | None = None,
    language: str = "en",
) -> Prepared:
    """Add the unlisted article files under ``folder`` to ``folder/manifest.csv`` (see module doc)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a folder")
    manifest = folder / "manifest.csv"
    header, rows = _read_rows(manifest)
    listed = {(folder / row.get("path", "")).resolve() for row in rows if row.get("path")}
    filled = []
    for row in rows:
        path = (folder / row.get("path", "")).resolve()
        if row.get("path") and not row.get("sha256", "").strip() and path.is_file():
            row["sha256"] = file_sha256(path)
            filled.append(row["path"])
    added = []
    for path in article_files(folder):
        if path.resolve() not in listed:
            relative = path.relative_to(folder)
            rows.append(_new_row(relative, folder, event_id, outlet, language))
            added.append(relative.as_posix())
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if added or filled or not manifest.is_file():
        write_text(manifest, buffer.getvalue())
    return Prepared(manifest, tuple(added), tuple(filled))
