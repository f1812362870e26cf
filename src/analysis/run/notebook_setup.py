"""What every event notebook does first: resolve its folders, set pandas' display, load or read the event.

The notebooks' ``processed_dir`` and ``figures_dir`` parameters default to ``""``, meaning "the event's
own folders" (:func:`analysis.config.processed_dir`, :func:`analysis.config.figures_dir`), so running a
notebook with only ``event_id`` changed writes to that event's folders; explicit values (the runner's)
still win. Notebooks 01 and 02 load the event from raw (:func:`analysis.ingest.load.load_event`), once
each; notebook 03 only reads the tables 02 wrote (:meth:`NotebookSetup.table`) and draws.

User text (event ids, outlets, titles, paths) shown in a notebook's Markdown output goes through
:func:`literal` or :func:`literal_code`: it is data, never markup, in the notebook and in its HTML export
(nbconvert passes raw HTML and ``javascript:`` links in Markdown through). The figures draw user text
as text themselves (:func:`analysis.figures.style.as_drawn_text`).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis import config

if TYPE_CHECKING:
    from IPython.display import SVG, Markdown

    from analysis.text.document import Document

#: Characters written as numeric character references by :func:`literal`: every ASCII punctuation
#: character, so no value can open a tag, an entity, a link, emphasis, a code span or maths.
MARKUP_CHARACTERS = frozenset(string.punctuation)

#: pandas display options of every event notebook.
DISPLAY_OPTIONS = {"display.precision": 2, "display.max_colwidth": 160}


@dataclass(frozen=True)
class NotebookSetup:
    """An event notebook's resolved folders and outlets; the cleaned articles when it loaded them."""

    event_id: str
    raw: Path
    processed: Path
    figures: Path
    outlets: list[str]
    article_count: int
    cleaned: list[Document] = field(default_factory=list)

    def summary(self) -> Markdown:
        """One line naming the event, its number of articles and its outlets."""
        from IPython.display import Markdown

        return Markdown(
            f"**Event** {literal_code(self.event_id)}: {self.article_count} articles from "
            f"{literal(', '.join(self.outlets))}."
        )

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` of the event, for figures: as written (``<processed>/<name>.parquet``)."""
        return read_table(self.processed, name)

    def show(self, figure: Any, name: str) -> SVG:
        """Save a figure as ``<figures>/<name>.svg`` and ``.png``, then display the SVG."""
        from IPython.display import SVG

        from analysis.figures import save_figure

        svg, _png = save_figure(figure, self.figures / name)
        return SVG(filename=str(svg))


def literal(value: object) -> str:
    """``value`` as Markdown that renders as exactly its text: ASCII punctuation as numeric character
    references (CommonMark 0.31 §6.2: they are literal text, never markup), line breaks as spaces."""
    text = " ".join(str(value).splitlines())
    return "".join(f"&#{ord(char)};" if char in MARKUP_CHARACTERS else char for char in text)


def literal_code(value: object) -> str:
    """``value`` as literal Markdown in a code font (``<code>``; a backtick span could be closed by
    the value)."""
    return f"<code>{literal(value)}</code>"


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """A table written by :func:`analysis.atomic.write_tables`, read from its Parquet file (full
    precision, the dtypes it was written with)."""
    return pd.read_parquet(Path(folder) / f"{name}.parquet")


def measure_table(
    long: pd.DataFrame, row: str = "measure", column: str = "outlet", value: str = "value"
) -> pd.DataFrame:
    """A long table (one ``value`` per ``row`` × ``column``) as a wide one to display: rows in
    first-seen order, columns sorted, every cell text formatted per row — a row whose values are all
    whole numbers (counts: sentences, words) prints as integers ("458", not "458.00"), other rows with
    the notebooks' precision (:data:`DISPLAY_OPTIONS`); a missing value is empty. For display only:
    the tables written to disk keep their numbers."""
    wide = long.pivot(index=row, columns=column, values=value).loc[long[row].unique()]
    precision = DISPLAY_OPTIONS["display.precision"]
    shown = {}
    for name, values in wide.iterrows():
        numbers = pd.to_numeric(values).astype(float)
        known = numbers.dropna()
        digits = 0 if (known == known.round()).all() else precision
        shown[name] = [f"{number:.{digits}f}" if pd.notna(number) else "" for number in numbers]
    return pd.DataFrame.from_dict(shown, orient="index", columns=wide.columns).rename_axis(
        index=row, columns=column
    )


def relative_paths(paths: Iterable[Path]) -> list[str]:
    """Written paths, relative to the project root and sorted: what a notebook shows it wrote."""
    return sorted(config.relative(path) for path in paths)


def notebook_setup(
    event_id: str,
    raw_dir: str,
    processed_dir: str = "",
    figures_dir: str = "",
    load_event: bool = True,
) -> NotebookSetup:
    """Resolve the notebook's folders (empty: the event's own), set the display options, and either
    load the event from ``raw_dir`` (``load_event``) or take its outlets from the processed
    ``articles`` table that notebook 01 wrote."""
    for option, value in DISPLAY_OPTIONS.items():
        pd.set_option(option, value)
    raw = config.resolve(raw_dir)
    processed = config.resolve(processed_dir) if processed_dir else config.processed_dir(event_id)
    figures = config.resolve(figures_dir) if figures_dir else config.figures_dir(event_id)
    if not load_event:
        articles = read_table(processed, "articles")
        outlets = sorted(articles["outlet"].unique())
        return NotebookSetup(event_id, raw, processed, figures, outlets, len(articles))
    from analysis.ingest.load import load_event as load

    cleaned = load(event_id, raw)
    outlets = sorted({item.article.outlet for item in cleaned})
    return NotebookSetup(event_id, raw, processed, figures, outlets, len(cleaned), cleaned)
