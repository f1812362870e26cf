"""Shared look of every figure: outlet colours and styles, rc settings, saving, table checks.

Every outlet keeps one colour in every figure. The colours come from the colour-blind-safe
palette of Okabe & Ito (2008), *Color Universal Design (CUD): How to make figures and
presentations that are friendly to colorblind people* (https://jfly.uni-koeln.de/color/).

Plot functions return a :class:`matplotlib.figure.Figure` that is not registered with pyplot, so
a notebook shows it once (as the value of a cell) and nothing leaks between figures; importing
this module teaches IPython to display such figures. :func:`save_figure` writes byte-identical
SVG and PNG files on every run.

User text (outlets, actors, speakers, terms) is drawn as text, never as math text: every plot
function takes its text through :func:`check_table` and :func:`styles_for`, which escape each ``$``
(:func:`as_drawn_text`), and :data:`FIGURE_STYLE` keeps TeX off whatever a user's matplotlibrc says.
Matplotlib's own tick labels (``$10^{2}$`` on a log axis) stay math text.

The helpers below the public API (table checks, figure creation, number formatting) are shared
by the plot modules of :mod:`analysis.figures` and are not part of its public API.
"""

from __future__ import annotations

import contextlib
import io
import math
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.atomic import write_bytes

__all__ = [
    "CYCLE_HATCHES",
    "CYCLE_MARKERS",
    "FIGURE_STYLE",
    "OKABE_ITO",
    "OUTLET_PALETTE",
    "QUOTED_HATCH",
    "VOICES",
    "OutletStyle",
    "figure_style",
    "is_empty_with",
    "one_line_figure",
    "outlet_colours",
    "outlet_styles",
    "save_figure",
]

#: Okabe & Ito (2008) palette, in the order of the original publication.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Order in which outlets receive colours: Okabe & Ito's order with black moved to the end,
#: because black bars and points are hard to tell apart from text, axes and grey "not
#: distinctive" points.
OUTLET_PALETTE: tuple[str, ...] = (
    OKABE_ITO["orange"],
    OKABE_ITO["sky blue"],
    OKABE_ITO["bluish green"],
    OKABE_ITO["yellow"],
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish purple"],
    OKABE_ITO["black"],
)

#: With more outlets than colours the colours repeat; each further round through the palette
#: also gets the next bar hatch and point marker, so outlets 1 and 9 still differ.
CYCLE_HATCHES: tuple[str, ...] = ("", "..", "oo", "++", "**")
CYCLE_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v")

#: Hatch drawn over bars that count quoted speech (added to the outlet's own hatch).
QUOTED_HATCH = "////"

#: Voices of a sentence: the outlet's own narration, or inside quotation marks.
VOICES: tuple[str, ...] = ("narration", "quoted")

GREY = "#BBBBBB"
DARK_GREY = "#666666"
EDGE = "#333333"
SEPARATOR = "#DDDDDD"

#: rc settings shared by every figure; applied by :func:`figure_style`.
FIGURE_STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 9.5,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "legend.frameon": False,
    "figure.titlesize": 12,
    "figure.titleweight": "bold",
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": EDGE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": mpl.cycler(color=list(OUTLET_PALETTE)),
    "hatch.linewidth": 0.8,
    "savefig.dpi": 150,
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    "svg.hashsalt": "analysis",
    "text.usetex": False,  # TeX would read every string as markup (user text included)
}


class OutletStyle(NamedTuple):
    """How one outlet is drawn: colour, bar hatch ("" = solid) and point marker."""

    colour: str
    hatch: str
    marker: str


@contextlib.contextmanager
def figure_style() -> Iterator[None]:
    """Apply :data:`FIGURE_STYLE` inside the ``with`` block."""
    with mpl.rc_context(FIGURE_STYLE):
        yield


def outlet_styles(outlets: Iterable[str]) -> dict[str, OutletStyle]:
    """Give each unique outlet (sorted by name) a colour, hatch and marker in palette order."""
    names = sorted({str(outlet) for outlet in outlets})
    styles: dict[str, OutletStyle] = {}
    for index, name in enumerate(names):
        turn, slot = divmod(index, len(OUTLET_PALETTE))
        styles[name] = OutletStyle(
            colour=OUTLET_PALETTE[slot],
            hatch=CYCLE_HATCHES[turn % len(CYCLE_HATCHES)],
            marker=CYCLE_MARKERS[turn % len(CYCLE_MARKERS)],
        )
    return styles


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """Map each unique outlet (sorted by name) to an Okabe-Ito colour; stable under reordering."""
    return {name: style.colour for name, style in outlet_styles(outlets).items()}


def save_figure(fig: Figure, stem: Path | str) -> list[Path]:
    """Write ``stem.svg`` and ``stem.png`` (150 dpi) reproducibly, close ``fig``, return paths."""
    stem = Path(stem)
    formats: dict[str, dict[str, Any]] = {
        "svg": {"metadata": {"Date": None, "Creator": None}},
        "png": {"metadata": {"Software": None}, "dpi": 150},
    }
    written: list[Path] = []
    try:
        with figure_style(), _no_layout_engine(fig):
            for suffix, options in formats.items():
                buffer = io.BytesIO()
                fig.savefig(buffer, format=suffix, **options)
                written.append(
                    write_bytes(stem.with_name(f"{stem.name}.{suffix}"), buffer.getvalue())
                )
    finally:
        plt.close(fig)
    return written


@contextlib.contextmanager
def _no_layout_engine(fig: Figure) -> Iterator[None]:
    """Within the block, ``fig`` has no layout engine if it only has the frozen placeholder.

    :func:`freeze_layout` leaves ``fig`` with matplotlib's ``PlaceHolderLayoutEngine`` (what
    ``set_layout_engine("none")`` installs), which lays out nothing; yet ``savefig`` sees *a*
    layout engine and so draws the whole figure once more, with rendering disabled, before the
    real draw: a wasted draw per format, about a third of the saving time. Without an engine
    ``savefig`` skips it; the files are the same bytes. The placeholder is put back afterwards.
    """
    engine = fig.get_layout_engine()
    if not isinstance(engine, PlaceHolderLayoutEngine):
        yield
        return
    with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)  # with both rc settings off: no engine at all
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


# --------------------------------------------------------------------------- notebook display


def _png_for_display(fig: Figure) -> bytes:
    """PNG bytes of ``fig`` for a notebook's rich display."""
    buffer = io.BytesIO()
    with figure_style():
        fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _enable_notebook_display() -> None:
    """Let IPython show pyplot-free figures as images (pyplot only arranges this on first use)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", {})
    png = formatters.get("image/png")
    if png is None:
        return
    try:
        png.lookup_by_type(Figure)  # already registered (e.g. by the inline backend)
    except KeyError:
        png.for_type(Figure, _png_for_display)


_enable_notebook_display()


# --------------------------------------------------------------------------- table checks


def as_drawn_text(value: object) -> object:
    """User text as matplotlib draws it literally: every ``$`` escaped (``\\$``). Matplotlib parses
    a string with an unescaped ``$`` as math text (``$\\alpha$`` becomes α, ``$\\beta{$`` raises);
    any other string is drawn as it is, with each ``\\$`` shown as ``$``. Other values unchanged."""
    return value.replace("$", r"\$") if isinstance(value, str) else value


def check_table(table: pd.DataFrame, required: Sequence[str], what: str) -> pd.DataFrame:
    """Return a copy of ``table`` after checking type, columns and that it has rows; text is
    escaped for drawing (:func:`as_drawn_text`)."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what}: expected a pandas DataFrame, got {type(table).__name__}")
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise ValueError(f"{what}: table lacks column(s) {missing}; needs {list(required)}")
    if table.empty:
        raise ValueError(f"{what}: the table is empty, so there is nothing to plot")
    table = table.loc[:, list(required)].copy()
    table["outlet"] = table["outlet"].astype(str)
    for column in table.columns:
        if pd.api.types.is_object_dtype(table[column]) or pd.api.types.is_string_dtype(
            table[column]
        ):
            table[column] = table[column].map(as_drawn_text)
    return table


def check_unique(table: pd.DataFrame, keys: list[str], what: str) -> None:
    """Raise if a key combination appears more than once."""
    duplicated = table.duplicated(keys, keep=False)
    if duplicated.any():
        first = table.loc[duplicated, keys].iloc[0].tolist()
        raise ValueError(f"{what}: more than one row for {dict(zip(keys, first, strict=True))}")


def numeric(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    """Column as floats; raise with the column name if it is not numeric."""
    try:
        return pd.to_numeric(table[column]).astype(float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{what}: column {column!r} must be numeric ({error})") from error


def counts(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    """Column as non-negative floats without missing values (counts, word numbers)."""
    values = numeric(table, column, what)
    if values.isna().any():
        raise ValueError(f"{what}: column {column!r} has missing values")
    if (values < 0).any():
        raise ValueError(f"{what}: column {column!r} has negative values")
    return values


def text_column(table: pd.DataFrame, column: str) -> pd.Series:
    """Column as stripped strings; missing values become ""."""
    return table[column].map(lambda value: "" if pd.isna(value) else str(value).strip())


def check_voices(table: pd.DataFrame, what: str) -> None:
    """Raise unless every ``voice`` is one of :data:`VOICES`."""
    unknown = sorted(set(table["voice"]) - set(VOICES))
    if unknown:
        raise ValueError(f"{what}: voice must be one of {list(VOICES)}, got {unknown}")


def check_top_n(top_n: int, what: str) -> None:
    """Raise unless ``top_n`` is a positive whole number."""
    if isinstance(top_n, bool) or not isinstance(top_n, int | np.integer) or top_n < 1:
        raise ValueError(f"{what}: top_n must be a whole number >= 1, got {top_n!r}")


def top_by_total(
    table: pd.DataFrame, key: str, value: str, top_n: int
) -> tuple[pd.Series, list[str]]:
    """Totals of ``value`` per ``key`` over all outlets, and the ``top_n`` keys by total (ties
    by name)."""
    totals = table.groupby(key)[value].sum()
    return totals, sorted(totals.index, key=lambda name: (-float(totals[name]), name))[:top_n]


def styles_for(table: pd.DataFrame, outlets: Iterable[str] | None) -> dict[str, OutletStyle]:
    """Styles for ``outlets`` (all outlets of the event) or, if None, the table's outlets; the names
    escaped as :func:`check_table` escapes the table's."""
    present = set(table["outlet"])
    given = {str(as_drawn_text(str(outlet))) for outlet in outlets or ()}
    return outlet_styles(present if outlets is None else given | present)


# --------------------------------------------------------------------------- figure helpers


def new_figure(width: float, height: float) -> Figure:
    """A pyplot-free figure with an Agg canvas and constrained layout."""
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def freeze_layout(fig: Figure) -> Figure:
    """Run constrained layout once, then fix it.

    Constrained layout starts from the current axes positions, so every extra draw (a notebook
    preview, say) would move them by rounding noise and change the SVG's clip-path ids. A fixed
    layout makes :func:`save_figure` output independent of what was drawn before. Call
    ``fig.set_layout_engine("constrained")`` to re-enable it after editing the figure.
    """
    with figure_style():
        fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return fig


def decimals(values: np.ndarray) -> int:
    """Decimals for one panel's value labels: 0 for counts, 3 below 1, 1 below 100, else 0."""
    finite = values[np.isfinite(values)]
    if not finite.size or np.all(finite == np.round(finite)):
        return 0
    largest = float(np.abs(finite).max())
    return 3 if largest < 1 else 1 if largest < 100 else 0


def format_value(value: float, decimals: int) -> str:
    """Bar label with thousands separators and a typographic minus; "n/a" for missing."""
    if not math.isfinite(value):
        return "n/a"
    return f"{value:,.{decimals}f}".replace("-", "\u2212")


def format_percent(percent: float) -> str:
    """A percentage (0-100) as a label: whole numbers, "<1 %" for small non-zero shares."""
    if not math.isfinite(percent):
        return "n/a"
    if 0 < percent < 0.5:
        return "<1 %"
    return f"{percent:.0f} %"


def hatch_colour(colour: str) -> str:
    """Black hatching on light colours, white on dark ones, so the hatch always shows."""
    red, green, blue = to_rgb(colour)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if luminance > 0.35 else "white"


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 1 keeps the colour, 0 gives white."""
    rgb = np.asarray(to_rgb(colour))
    return to_hex(amount * rgb + (1.0 - amount) * np.ones(3))


def point_handle(colour: str, marker: str, label: str) -> Line2D:
    """Legend entry showing one scatter marker."""
    return Line2D([], [], linestyle="", marker=marker, color=colour, label=label)


def wrap(label: str, width: int = 24) -> str:
    """Break a long tick label (an actor, speaker or frame name) into lines of ``width``."""
    return textwrap.fill(label, width=width, break_long_words=False) or label


def outlet_handles(names: Sequence[str], styles: dict[str, OutletStyle]) -> list[Patch]:
    """Legend entries (coloured, hatched patches) for the outlets ``names``."""
    return [Patch(facecolor=styles[n].colour, hatch=styles[n].hatch, label=n) for n in names]


def side_legend(ax: Any, handles: Sequence[Any], title: str) -> None:
    """Legend to the right of ``ax``, top-aligned; laid out below the figure title."""
    ax.legend(
        handles=list(handles),
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        title=title,
        alignment="left",
    )


def one_line_figure(message: str) -> Figure:
    """A figure that is one line of text: what a chart would show when there is nothing to draw."""
    with figure_style():
        fig = new_figure(9.5, 0.6)
        fig.text(0.01, 0.5, message, va="center")
    return freeze_layout(fig)


def is_empty_with(table: pd.DataFrame, required: Sequence[str]) -> bool:
    """True for a well-formed table without rows (an event where the measure found nothing)."""
    return isinstance(table, pd.DataFrame) and table.empty and set(required) <= set(table.columns)
