"""Parquet tables of a corpus run: one folder per table, one file per partition, written atomically.

A table is a Parquet *dataset* (Apache Parquet format, read with ``pyarrow.dataset``): reading a column
or a filter streams through the part files, so a large corpus never has to fit in memory. Files are
written without the pandas index, with fixed compression and without timestamps, so the same rows give
the same bytes on every machine with the locked pyarrow version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analysis.atomic import write_bytes, write_text

DONE_FOLDER = "_done"
COMPRESSION = "zstd"


def part_path(tables_dir: Path, table: str, part: str) -> Path:
    """``<tables_dir>/<table>/<part>.parquet``."""
    return tables_dir / table / f"{part}.parquet"


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """One partition of one table as the bytes of its Parquet file (:func:`to_arrow`, zstd)."""
    sink = pa.BufferOutputStream()
    pq.write_table(to_arrow(frame), sink, compression=COMPRESSION)
    return sink.getvalue().to_pybytes()


def write_part(tables_dir: Path, table: str, part: str, data: bytes) -> Path:
    """Write one partition of one table (:func:`parquet_bytes`) atomically; return its path."""
    return write_bytes(part_path(tables_dir, table, part), data)


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    """Columns typed from pandas, text columns always ``string`` (also when empty or all missing),
    so every part file of a table has the same schema."""
    schema = pa.Schema.from_pandas(frame, preserve_index=False)
    for index, name in enumerate(frame.columns):
        if frame[name].dtype == object:
            schema = schema.set(index, pa.field(name, pa.string()))
    return pa.Table.from_pandas(
        frame.reset_index(drop=True), schema=schema, preserve_index=False
    ).replace_schema_metadata(None)


def marker_path(tables_dir: Path, part: str) -> Path:
    """Where a partition's completion marker lives."""
    return tables_dir / DONE_FOLDER / f"{part}.json"


def write_marker(tables_dir: Path, part: str, fingerprint: str, articles: int) -> Path:
    """Mark a partition complete (written after all its tables)."""
    record = {"fingerprint": fingerprint, "articles": articles}
    return write_text(marker_path(tables_dir, part), json.dumps(record, sort_keys=True) + "\n")


def is_done(tables_dir: Path, part: str, tables: Sequence[str], fingerprint: str) -> bool:
    """True when the partition's marker matches ``fingerprint`` and all its table files exist."""
    try:
        record = json.loads(marker_path(tables_dir, part).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("fingerprint") == fingerprint and all(
        part_path(tables_dir, table, part).is_file() for table in tables
    )


def remove_parts_beyond(tables_dir: Path, tables: Sequence[str], keep: set[str]) -> list[Path]:
    """Delete part files and markers of partitions no longer in the plan (the corpus shrank)."""
    removed = []
    for folder in [*tables, DONE_FOLDER]:
        for path in sorted((tables_dir / folder).glob("part-*")):
            if path.name.split(".")[0] not in keep:
                path.unlink()
                removed.append(path)
    return removed


def part_files(tables_dir: Path | str, table: str) -> list[Path]:
    """The table's part files, in partition order."""
    return sorted((Path(tables_dir) / table).glob("part-*.parquet"))


def dataset(tables_dir: Path | str, table: str) -> ds.Dataset:
    """The table as a pyarrow dataset (part files in partition order)."""
    return ds.dataset([str(path) for path in part_files(tables_dir, table)], format="parquet")


def read_table(
    tables_dir: Path | str, table: str, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Read a whole table (or some columns) into pandas, in partition order."""
    return dataset(tables_dir, table).to_table(columns=columns).to_pandas()


def iter_batches(
    tables_dir: Path | str, table: str, columns: Sequence[str] | None = None
) -> Iterator[pd.DataFrame]:
    """Stream a table in record batches, for corpora larger than memory."""
    for batch in scan(tables_dir, table, columns):
        yield batch.to_pandas()


def scan(
    tables_dir: Path | str,
    table: str,
    columns: Sequence[str] | None = None,
    where: pc.Expression | None = None,
) -> Iterator[pa.RecordBatch]:
    """The table's record batches (some columns, the rows ``where`` holds), one part file at a time.

    A scan of the whole dataset reads ahead over many files (hundreds of MB on a large corpus, whatever
    its read-ahead options say); a file is one partition, so this keeps memory to one partition's rows.
    """
    for path in part_files(tables_dir, table):
        found = ds.dataset(str(path), format="parquet").to_table(columns=columns, filter=where)
        yield from found.to_batches()
