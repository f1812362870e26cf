"""What the reader's site reads of one event: its processed tables, clean texts, figures, notebooks.

Every highlight is a span (``start``/``end``: offsets into ``clean/<article>.txt``) of one layer:

* ``quotes`` (``quotes.csv``): quotations and reported speech, coloured by speaking actor; with the
  quotes layer, each quote's source mention and cue verb (``source_start``/``source_end``,
  ``cue_start``/``cue_end``; sub-layers ``sources`` and ``cues``);
* ``labels`` (``label_uses.csv``): label families, the outlet's own narration told apart from quotes;
  with it, each side of a label discrepancy (``label_discrepancies.csv``, :mod:`.discrepancies`);
* ``numbers`` (``numbers.csv``): quantities, marked by whether the other outlets report them alike;
* ``frames`` (``frame_indicators.csv``): frame cues, in the text and as markers in the margin;
* ``sentences`` (``sentence_status.csv`` + ``alignment.csv``): shared / partly shared / unique
  sentences, each with its counterparts in the other outlets.

Spans may overlap or nest (a partial quote inside reported speech, two frame cues on one word);
:mod:`analysis.site.layout` cuts the text so the markup nests correctly whatever the overlaps, and
the number of distinct ids per layer equals the rows of its table. Missing tables give empty layers;
a table that cannot be read, or whose offsets are not whole numbers, stops the build with an
:class:`~analysis.errors.InputError` naming the file and the record. Text cells are read back as written
(the CSV's spreadsheet escape, :func:`analysis.atomic.unescape_formula`, undone). Everything is sorted, so the page is byte-identical on every run.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import config
from analysis.atomic import unescape_formula
from analysis.errors import InputError
from analysis.figures import OKABE_ITO
from analysis.site.cells import pretty

#: Layers in display order: (key, heading, table the highlights come from).
LAYERS: tuple[tuple[str, str, str], ...] = (
    ("quotes", "Quotes by speaker", "quotes.csv"),
    ("labels", "Label families", "label_uses.csv"),
    ("sentences", "Shared and unique sentences", "sentence_status.csv"),
    ("numbers", "Numbers", "numbers.csv"),
    ("frames", "Frame indicators", "frame_indicators.csv"),
)

QUOTE_KINDS = ("direct", "partial", "indirect", "scare", "gloss", "echo")
VOICES = ("narration", "quoted")
SENTENCE_STATUSES = ("shared", "partly shared", "unique")
NUMBER_STATUSES = ("reported alike", "different value", "different description", "one outlet only")
#: Number statuses that mark a mismatch between outlets.
MISMATCH_STATUSES = ("different value", "different description")

#: Colours for speakers, label families and frames: Okabe & Ito (2008), black last.
PALETTE: tuple[str, ...] = tuple(
    OKABE_ITO[name]
    for name in (
        "orange",
        "sky blue",
        "bluish green",
        "yellow",
        "blue",
        "vermillion",
        "reddish purple",
        "black",
    )
)

TABLES = (
    "articles",
    "blocks",
    "sentences",
    "quotes",
    "label_uses",
    "labels",
    "label_discrepancies",
    "sentence_status",
    "alignment",
    "coverage",
    "numbers",
    "numbers_side_by_side",
    "frame_indicators",
    "frame_profile",
    "speakers",
)


#: Columns the site uses as offsets or sentence numbers: whole numbers in every row.
WHOLE_NUMBER_COLUMNS = (
    "start",
    "end",
    "sentence",
    "other_sentence",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "other_start",
    "other_end",
)


def read_tables(folder: Path | str) -> dict[str, pd.DataFrame]:
    """The processed tables of one event by name; a missing table is an empty frame."""
    folder = Path(folder)
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if path.is_file() and path.stat().st_size:
            tables[name] = read_table(path)
        else:
            tables[name] = pd.DataFrame()
    return tables


def read_table(path: Path) -> pd.DataFrame:
    """One processed CSV table, checked; raises :class:`InputError` naming the file and record."""
    try:
        table = pd.read_csv(path, keep_default_na=False, na_values=[])
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as error:
        raise InputError(path, f"cannot be read as CSV: {str(error)[:200]}") from None
    for column in WHOLE_NUMBER_COLUMNS:
        if column in table.columns and not pd.api.types.is_integer_dtype(table[column]):
            numbers = pd.to_numeric(table[column], errors="coerce")
            bad = numbers.isna() | (numbers.fillna(0) % 1 != 0)
            if bad.any():
                record = int(bad.to_numpy().argmax())
                raise InputError(
                    path,
                    f"record {record + 1}: column {column!r} holds "
                    f"{str(table[column].iloc[record])[:60]!r}, not a whole number "
                    "(a damaged table: run the event again with --force)",
                )
            table[column] = numbers.astype("int64")
    for place, dtype in enumerate(table.dtypes):
        if pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
            table.isetitem(place, table.iloc[:, place].map(unescape_formula))
    return table


def has_event(folder: Path | str) -> bool:
    """Whether ``folder`` holds the clean layer of an event (enough for a page)."""
    folder = Path(folder)
    return all((folder / f"{name}.csv").is_file() for name in ("articles", "blocks"))


def clean_text(folder: Path, article: str, blocks: pd.DataFrame) -> str:
    """The clean text of an article; rebuilt from its blocks (same offsets) if the file is missing."""
    path = folder / "clean" / f"{article}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    size = int(blocks["end"].max()) if len(blocks) else 0
    chars = [" "] * size
    for block in blocks.itertuples():
        chars[int(block.start) : int(block.end)] = str(block.text)
    return "".join(chars)


def figures(event_id: str, reports_root: Path | str = config.REPORTS) -> list[dict[str, str]]:
    """The figures of an event (SVG, with the PNG beside it when there), sorted by name."""
    folder = config.report_dir(event_id, Path(reports_root)) / "figures"
    if not folder.is_dir():
        return []
    found = []
    for svg in sorted(folder.glob("*.svg")):
        png = svg.with_suffix(".png")
        found.append(
            {
                "name": svg.stem,
                "title": pretty(svg.stem).capitalize(),
                "svg": f"figures/{svg.name}",
                "png": f"figures/{png.name}" if png.is_file() else "",
            }
        )
    return found


def notebooks(event_id: str, reports_root: Path | str = config.REPORTS) -> list[dict[str, str]]:
    """The executed notebooks' HTML of an event: one entry per notebook, with and without code."""
    folder = config.report_dir(event_id, Path(reports_root))
    if not folder.is_dir():
        return []
    stems = sorted(
        {
            path.name.removesuffix(".nocode.html").removesuffix(".html")
            for path in folder.glob("*.html")
            if path.name != "index.html"
        }
    )
    found = []
    for stem in stems:
        code, nocode = folder / f"{stem}.html", folder / f"{stem}.nocode.html"
        found.append(
            {
                "name": stem,
                "title": pretty(stem.split("_", 1)[-1]).capitalize(),
                "html": code.name if code.is_file() else "",
                "nocode": nocode.name if nocode.is_file() else "",
            }
        )
    return found
