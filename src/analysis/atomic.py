"""Atomic writes: a crash leaves either the old file or the new one, never half of one.

Every output is written to a hidden temporary beside its target (``.<name>.<random>.tmp``), flushed to
disk and moved over the target with ``os.replace``; the folder is then fsynced where the platform allows
it. A process killed mid-write can leave only such a hidden temporary, which the next run removes
(:func:`remove_stale_temporaries`). A failed write raises :class:`WriteError`, naming the target and the
reason; the previous file stays as it was.

An event's tables are written by :func:`write_tables`: each as CSV (6 significant digits, for people
and the site) and as Parquet beside it (full precision and dtypes, for the notebooks that read them).
CSV fields holding a line break (LF or a lone CR), the delimiter or a quote are quoted, so every table
reads back as written. The CSVs are opened in spreadsheets, so a text cell that a spreadsheet would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is prefixed with ``'`` (OWASP,
"CSV Injection"); :func:`unescape_formula` undoes it exactly. The Parquet tables keep the text as it is.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import config

if TYPE_CHECKING:  # only for a type hint: importing pandas costs ~0.3 s in a no-op run
    import pandas as pd

PARQUET_COMPRESSION = "zstd"
"""Fixed Parquet compression, so the same table gives the same bytes."""

FORMULA_LIKE = re.compile(r"^'*[=+\-@\t\r]")
"""A cell a spreadsheet could run as a formula, or one already prefixed (escaped again, so that
:func:`unescape_formula` is the exact inverse)."""

TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""The name of a temporary made by :func:`atomic_path` (``tempfile.mkstemp``'s 8 random characters)."""


class WriteError(OSError):
    """An output could not be written; the message names the path and the reason."""

    def __init__(self, target: Path | str, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.target = Path(target)

    def __str__(self) -> str:
        return f"cannot write {config.relative(self.target)}: {self.strerror}"


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it over ``target`` only if the block succeeds.

    Raises :class:`WriteError` (an ``OSError``) when the folder or the file cannot be written.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as error:
        raise WriteError(target, error) from None
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except OSError as error:
            if isinstance(error, WriteError):
                raise
            raise WriteError(target, error) from None
        try:
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as error:
            raise WriteError(target, error) from None
        _fsync_folder(target.parent)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path | str, recursive: bool = True) -> list[Path]:
    """Delete the temporaries a killed writer left in ``folder`` (and below); return them.

    Call it only while no other process writes there (the runner holds :mod:`analysis.run.lock`).
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    candidates = folder.rglob(".*.tmp") if recursive else folder.glob(".*.tmp")
    removed = []
    for path in sorted(candidates):
        if TEMPORARY.match(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def write_bytes(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: Path | str, text: str) -> Path:
    """Write UTF-8 text with LF line ends to ``target`` atomically."""
    return write_bytes(target, text.encode("utf-8"))


def escape_formula(value: object) -> object:
    """A text cell made safe for spreadsheets: ``'`` before a formula-like start (OWASP)."""
    if isinstance(value, str) and FORMULA_LIKE.match(value):
        return "'" + value
    return value


def unescape_formula(value: object) -> object:
    """The text :func:`escape_formula` was given."""
    if isinstance(value, str) and value.startswith("'") and FORMULA_LIKE.match(value):
        return value[1:]
    return value


def csv_text(table: pd.DataFrame) -> str:
    """A table as CSV text: LF line ends, no index, 6 significant digits, text cells escaped for
    spreadsheets; every field with LF, CR, the delimiter or a quote quoted.

    pandas quotes only the characters of its line terminator, so the rows are written with ``\r\n``
    (every field holding either character is then quoted) and the terminators, the ``\r\n`` outside
    quotes (an even number of ``"`` before them), become ``\n``.
    """
    text_columns = [place for place, dtype in enumerate(table.dtypes) if not _is_numeric(dtype)]
    if text_columns:
        table = table.copy()
        for place in text_columns:
            table.isetitem(place, table.iloc[:, place].map(escape_formula))
    text = table.to_csv(index=False, lineterminator="\r\n", float_format="%.6g")
    pieces = text.split('"')
    pieces[::2] = [piece.replace("\r\n", "\n") for piece in pieces[::2]]
    return '"'.join(pieces)


def _is_numeric(dtype: object) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)


def write_csv(target: Path | str, table: pd.DataFrame) -> Path:
    """Write a table as UTF-8 CSV (:func:`csv_text`) atomically."""
    return write_text(target, csv_text(table))


def write_parquet(target: Path | str, table: pd.DataFrame) -> Path:
    """Write a table as Parquet atomically: no index, zstd, the pandas schema kept (dtypes read back).

    Deterministic: the file holds no timestamp, only the writer's version (``created_by``) and the
    schema, so the same rows give the same bytes with the locked pyarrow and pandas versions.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(table.reset_index(drop=True), preserve_index=False)
    with atomic_path(target) as tmp:
        pq.write_table(arrow, tmp, compression=PARQUET_COMPRESSION)
    return Path(target)


def write_tables(folder: Path | str, tables: dict[str, pd.DataFrame]) -> dict[str, Path]:
    """Write each table as ``<name>.csv`` (:func:`write_csv`) and ``<name>.parquet``
    (:func:`write_parquet`) into ``folder``; return the paths, the CSV's under ``name`` and the
    Parquet file's under ``name.parquet``."""
    folder = Path(folder)
    written = {}
    for name, table in tables.items():
        written[name] = write_csv(folder / f"{name}.csv", table)
        written[f"{name}.parquet"] = write_parquet(folder / f"{name}.parquet", table)
    return written
