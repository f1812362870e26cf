"""Figures comparing how outlets frame one event: readability, distinctive words, label families.

Every outlet keeps one colour in every figure. The colours come from the colour-blind-safe
palette of Okabe & Ito (2008), *Color Universal Design (CUD): How to make figures and
presentations that are friendly to colorblind people* (https://jfly.uni-koeln.de/color/).

The distinctive-words figure follows Monroe, Colaresi & Quinn (2008), *Fightin' Words: Lexical
Feature Selection and Evaluation for Identifying the Content of Political Conflict*, Political
Analysis 16(4), 372-403 (their Fig. 1-style plot: z-score against total term frequency).

Plot functions return a :class:`matplotlib.figure.Figure` that is not registered with pyplot, so
a notebook shows it once (as the value of a cell) and nothing leaks between figures.
:func:`save_figure` writes byte-identical SVG and PNG files on every run.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from analysis.atomic import write_bytes

__all__ = [
    "FIGURE_STYLE",
    "MEASURE_TITLES",
    "OKABE_ITO",
    "OUTLET_PALETTE",
    "SIGNIFICANCE_Z",
    "OutletStyle",
    "figure_style",
    "outlet_colours",
    "outlet_styles",
    "plot_fightin_words",
    "plot_label_families",
    "plot_readability",
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

#: Two-sided 5 % threshold for the fightin'-words z-scores.
SIGNIFICANCE_Z = 1.96

_GREY = "#BBBBBB"
_DARK_GREY = "#666666"
_EDGE = "#333333"

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
    "axes.edgecolor": _EDGE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": mpl.cycler(color=list(OUTLET_PALETTE)),
    "hatch.linewidth": 0.8,
    "savefig.dpi": 150,
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    "svg.hashsalt": "analysis",
}

#: Readable panel titles for the readability measures; unknown measures get a tidied name.
MEASURE_TITLES: dict[str, str] = {
    "flesch_reading_ease": "Flesch reading ease\n(higher = easier)",
    "flesch_kincaid_grade": "Flesch-Kincaid grade\n(school grade; higher = harder)",
    "gunning_fog": "Gunning fog index\n(school years; higher = harder)",
    "smog_index": "SMOG index\n(school grade; higher = harder)",
    "dale_chall_readability_score": "Dale-Chall score\n(higher = harder)",
    "coleman_liau_index": "Coleman-Liau index\n(school grade; higher = harder)",
    "mean_sentence_length": "Mean sentence length\n(words per sentence)",
    "mattr": "Lexical diversity (MATTR)\n(higher = more varied words)",
    "words": "Words\n(total)",
    "sentences": "Sentences\n(total)",
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
        with figure_style():
            for suffix, options in formats.items():
                buffer = io.BytesIO()
                fig.savefig(buffer, format=suffix, **options)
                written.append(
                    write_bytes(stem.with_name(f"{stem.name}.{suffix}"), buffer.getvalue())
                )
    finally:
        plt.close(fig)
    return written


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


# --------------------------------------------------------------------------- helpers


def _check_table(table: pd.DataFrame, required: Sequence[str], what: str) -> pd.DataFrame:
    """Return a copy of ``table`` after checking type, columns and that it has rows."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what}: expected a pandas DataFrame, got {type(table).__name__}")
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise ValueError(f"{what}: table lacks column(s) {missing}; needs {list(required)}")
    if table.empty:
        raise ValueError(f"{what}: the table is empty, so there is nothing to plot")
    table = table.loc[:, list(required)].copy()
    table["outlet"] = table["outlet"].astype(str)
    return table


def _check_unique(table: pd.DataFrame, keys: list[str], what: str) -> None:
    """Raise if a key combination appears more than once."""
    duplicated = table.duplicated(keys, keep=False)
    if duplicated.any():
        first = table.loc[duplicated, keys].iloc[0].tolist()
        raise ValueError(f"{what}: more than one row for {dict(zip(keys, first, strict=True))}")


def _numeric(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    """Column as floats; raise with the column name if it is not numeric."""
    try:
        return pd.to_numeric(table[column]).astype(float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{what}: column {column!r} must be numeric ({error})") from error


def _styles_for(table: pd.DataFrame, outlets: Iterable[str] | None) -> dict[str, OutletStyle]:
    """Styles for ``outlets`` (all outlets of the event) or, if None, the table's outlets."""
    present = set(table["outlet"])
    styles = outlet_styles(present if outlets is None else {str(o) for o in outlets} | present)
    return styles


def _new_figure(width: float, height: float) -> Figure:
    """A pyplot-free figure with an Agg canvas and constrained layout."""
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _freeze_layout(fig: Figure) -> Figure:
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


def _decimals(values: np.ndarray) -> int:
    """Decimals for one panel's value labels: 0 for counts, 3 below 1, 1 below 100, else 0."""
    finite = values[np.isfinite(values)]
    if not finite.size or np.all(finite == np.round(finite)):
        return 0
    largest = float(np.abs(finite).max())
    return 3 if largest < 1 else 1 if largest < 100 else 0


def _format_value(value: float, decimals: int) -> str:
    """Bar label with thousands separators and a typographic minus; "n/a" for missing."""
    if not math.isfinite(value):
        return "n/a"
    return f"{value:,.{decimals}f}".replace("-", "\u2212")


def _measure_title(measure: str) -> str:
    """Readable panel title for a readability measure."""
    return MEASURE_TITLES.get(measure, measure.replace("_", " ").capitalize())


def _hatch_colour(colour: str) -> str:
    """Black hatching on light colours, white on dark ones, so the hatch always shows."""
    red, green, blue = to_rgb(colour)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if luminance > 0.35 else "white"


# --------------------------------------------------------------------------- readability


def plot_readability(table: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Small multiples: one panel per measure, one bar per outlet with its value printed.

    ``table`` has columns ``outlet, measure, value`` (one row per outlet and measure). Panels
    follow the measures' first appearance in the table. ``outlets`` (optional) lists every
    outlet of the event so colours match figures built from other tables.
    """
    what = "plot_readability"
    table = _check_table(table, ["outlet", "measure", "value"], what)
    table["measure"] = table["measure"].astype(str)
    table["value"] = _numeric(table, "value", what)
    _check_unique(table, ["outlet", "measure"], what)

    styles = _styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    measures = list(pd.unique(table["measure"]))
    values = table.pivot(index="outlet", columns="measure", values="value").reindex(names)

    ncols = min(len(measures), 4)
    nrows = math.ceil(len(measures) / ncols)
    label_room = 0.08 * max(len(name) for name in names)
    width = 2.6 * ncols + label_room + 0.4
    height = nrows * (1.0 + 0.28 * len(names)) + 0.6
    with figure_style():
        fig = _new_figure(width, height)
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False).ravel()
        positions = np.arange(len(names))
        for ax, measure in zip(axes, measures, strict=False):
            column = values[measure].to_numpy(dtype=float)
            decimals = _decimals(column)
            for position, name, value in zip(positions, names, column, strict=True):
                style = styles[name]
                bar_value = value if math.isfinite(value) else 0.0
                bar = ax.barh(
                    position,
                    bar_value,
                    height=0.7,
                    color=style.colour,
                    hatch=style.hatch,
                    edgecolor=_EDGE,
                    linewidth=0.5,
                )
                bar.patches[0].set_label(name)  # so ax.legend() would list the outlets
                ax.annotate(
                    _format_value(value, decimals),
                    xy=(bar_value, position),
                    xytext=(3 if bar_value >= 0 else -3, 0),
                    textcoords="offset points",
                    ha="left" if bar_value >= 0 else "right",
                    va="center",
                    fontsize=8,
                    label="_value-label",
                )
            finite = column[np.isfinite(column)]
            low = min(0.0, float(finite.min())) if finite.size else 0.0
            high = max(0.0, float(finite.max())) if finite.size else 1.0
            span = (high - low) or 1.0
            ax.set_xlim(low - (0.3 * span if low < 0 else 0.0), high + 0.3 * span)
            ax.axvline(0, color=_EDGE, linewidth=0.8)
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", length=0)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.set_title(_measure_title(measure))
        for ax in axes[len(measures) :]:
            fig.delaxes(ax)
        axes[0].set_yticks(positions, names)
        axes[0].set_ylim(len(names) - 0.5, -0.5)  # first outlet at the top
        fig.suptitle("Readability of each outlet's coverage")
    return _freeze_layout(fig)


# --------------------------------------------------------------------------- fightin' words

#: Candidate label offsets (unit directions) and alignments, tried ring by ring; labels on
#: the outer rings get a thin leader line back to their point.
_LABEL_DIRECTIONS: tuple[tuple[float, float, str, str], ...] = (
    (1.0, 0.0, "left", "center"),
    (-1.0, 0.0, "right", "center"),
    (0.0, 1.0, "center", "bottom"),
    (0.0, -1.0, "center", "top"),
    (0.7, 0.7, "left", "bottom"),
    (-0.7, 0.7, "right", "bottom"),
    (0.7, -0.7, "left", "top"),
    (-0.7, -0.7, "right", "top"),
)
_LABEL_RINGS: tuple[float, ...] = (4.0, 12.0, 22.0, 34.0)  # distance from the point, in points
_MARKER_SIZE = 14.0  # scatter size (points squared)


def _overlap(box: Bbox, others: list[Bbox]) -> float:
    """Total area of ``box`` covered by ``others`` (display units squared)."""
    area = 0.0
    for other in others:
        width = min(box.x1, other.x1) - max(box.x0, other.x0)
        height = min(box.y1, other.y1) - max(box.y0, other.y0)
        if width > 0 and height > 0:
            area += width * height
    return area


def _segment_samples(start: tuple[float, float], end: tuple[float, float]) -> np.ndarray:
    """Evenly spaced points along a leader line (display coordinates), ends excluded."""
    steps = np.linspace(0.1, 0.9, 9)[:, None]
    return np.asarray(start) + steps * (np.asarray(end) - np.asarray(start))


def _inside(box: Bbox, samples: np.ndarray) -> np.ndarray:
    """Boolean mask: which sample points lie inside ``box``."""
    return (
        (samples[:, 0] > box.x0)
        & (samples[:, 0] < box.x1)
        & (samples[:, 1] > box.y0)
        & (samples[:, 1] < box.y1)
    )


def _hits(box: Bbox, samples: np.ndarray) -> bool:
    """True if any sample point lies inside ``box``."""
    return bool(len(samples)) and bool(_inside(box, samples).any())


def _label_points(
    ax: Any,
    labels: Sequence[tuple[float, float, str]],
    obstacles: tuple[np.ndarray, np.ndarray],
    renderer: Any,
    fontsize: float,
) -> None:
    """Label points deterministically, choosing for each the cheapest candidate position.

    Cost, in order of weight: leaving the axes, overlapping an earlier label or leader line,
    covering points (``obstacles``: data coordinates and weights), distance from the point.
    """
    scale = ax.figure.dpi / 72.0
    frame = ax.get_window_extent(renderer)
    centres = ax.transData.transform(obstacles[0]) if len(obstacles[0]) else np.empty((0, 2))
    weights = obstacles[1]
    radius = 0.5 * math.sqrt(_MARKER_SIZE) * scale
    placed: list[Bbox] = []
    leaders = np.empty((0, 2))
    for x, y, text in labels:
        px, py = ax.transData.transform((x, y))
        probe = ax.text(0, 0, text, fontsize=fontsize)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        width, height = extent.width, extent.height
        best: tuple[float, Bbox, tuple[float, float, str, str], np.ndarray] | None = None
        for ring_index, ring in enumerate(_LABEL_RINGS):
            for direction_index, (dx, dy, ha, va) in enumerate(_LABEL_DIRECTIONS):
                ox, oy = px + dx * ring * scale, py + dy * ring * scale
                x0 = {"left": ox, "right": ox - width, "center": ox - width / 2}[ha]
                y0 = {"bottom": oy, "top": oy - height, "center": oy - height / 2}[va]
                box = Bbox.from_bounds(x0, y0, width, height)
                covered = (
                    (centres[:, 0] > box.x0 - radius)
                    & (centres[:, 0] < box.x1 + radius)
                    & (centres[:, 1] > box.y0 - radius)
                    & (centres[:, 1] < box.y1 + radius)
                )
                leader = _segment_samples((px, py), (box.x0 + width / 2, box.y0 + height / 2))
                leader = leader[~_inside(box, leader)] if ring_index else leader[:0]
                crossings = _hits(box, leaders) or any(_hits(other, leader) for other in placed)
                cost = (
                    1000.0 * (width * height - _overlap(box, [frame]) > 0.5)
                    + 100.0 * (_overlap(box, placed) > 0.5)
                    + 50.0 * crossings
                    + float(weights[covered].sum())
                    + 0.6 * ring_index
                    + (0.8 if dy < 0 else 0.0)  # keep labels above the crowd
                    + 0.01 * direction_index
                )
                if best is None or cost < best[0]:
                    best = (cost, box, (dx * ring, dy * ring, ha, va), leader)
        assert best is not None
        _, box, (offset_x, offset_y, ha, va), leader = best
        placed.append(box)
        leaders = np.vstack([leaders, leader])
        leader = math.hypot(offset_x, offset_y) > _LABEL_RINGS[0] + 1
        annotation = ax.annotate(
            text,
            xy=(x, y),
            xytext=(offset_x, offset_y),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=fontsize,
            label="_term-label",
            arrowprops={"arrowstyle": "-", "color": _DARK_GREY, "linewidth": 0.5, "shrinkA": 0}
            if leader
            else None,
        )
        annotation.set_in_layout(False)


def _point_handle(colour: str, marker: str, label: str) -> Line2D:
    """Legend entry showing one scatter marker."""
    return Line2D([], [], linestyle="", marker=marker, color=colour, label=label)


def plot_fightin_words(
    table: pd.DataFrame, top_n: int = 10, *, outlets: Iterable[str] | None = None
) -> Figure:
    """One panel per outlet: z-score against total frequency (Monroe et al. 2008 style).

    ``table`` has columns ``outlet, term, count_outlet, count_rest, delta, var, z``; each
    outlet is compared with the rest of the event and z > 0 means the term leans to the outlet.
    Points with z >= 1.96 take the outlet colour, |z| < 1.96 is grey, z <= -1.96 dark grey;
    the ``top_n`` terms by z are labelled.
    """
    what = "plot_fightin_words"
    columns = ["outlet", "term", "count_outlet", "count_rest", "delta", "var", "z"]
    table = _check_table(table, columns, what)
    if top_n < 0:
        raise ValueError(f"{what}: top_n must be >= 0, got {top_n}")
    table["term"] = table["term"].astype(str)
    for column in columns[2:]:
        table[column] = _numeric(table, column, what)
    _check_unique(table, ["outlet", "term"], what)
    table["total"] = table["count_outlet"] + table["count_rest"]
    usable = table[np.isfinite(table["z"]) & (table["total"] > 0)]
    if usable.empty:
        raise ValueError(f"{what}: no term has a finite z and a positive total count")

    styles = _styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    ncols = min(len(names), 3)
    nrows = math.ceil(len(names) / ncols)
    z_low, z_high = float(usable["z"].min()), float(usable["z"].max())
    z_low, z_high = min(z_low, -SIGNIFICANCE_Z), max(z_high, SIGNIFICANCE_Z)
    z_pad = 0.08 * (z_high - z_low)
    x_low, x_high = float(usable["total"].min()), float(usable["total"].max())

    with figure_style():
        fig = _new_figure(4.3 * ncols + 0.4, 3.9 * nrows + 0.9)
        axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False).ravel()
        for ax, name in zip(axes, names, strict=False):
            rows = usable[usable["outlet"] == name]
            style = styles[name]
            groups = [
                (rows["z"].abs() < SIGNIFICANCE_Z, _GREY, "o", "not-distinctive"),
                (rows["z"] <= -SIGNIFICANCE_Z, _DARK_GREY, "o", "leans-to-rest"),
                (rows["z"] >= SIGNIFICANCE_Z, style.colour, style.marker, "leans-to-outlet"),
            ]
            for mask, colour, marker, kind in groups:
                part = rows[mask]
                ax.scatter(
                    part["total"],
                    part["z"],
                    s=_MARKER_SIZE,
                    c=colour,
                    marker=marker,
                    edgecolors=_EDGE if kind == "leans-to-outlet" else "none",
                    linewidths=0.3,
                    alpha=0.9,
                    label=f"_{kind}",
                    zorder=3 if kind == "leans-to-outlet" else 2,
                )
            for level in (SIGNIFICANCE_Z, -SIGNIFICANCE_Z):
                ax.axhline(level, color=_DARK_GREY, linestyle="--", linewidth=0.8, zorder=1)
            ax.axhline(0, color=_GREY, linewidth=0.6, zorder=0)
            ax.set_xscale("log")
            ax.set_title(f"{name} vs. all other outlets")
            if rows.empty:
                ax.text(0.5, 0.5, "no terms", transform=ax.transAxes, ha="center", color="grey")
        for ax in axes[len(names) :]:
            fig.delaxes(ax)
        axes[0].set_xlim(x_low / 1.6, x_high * 3.0)
        axes[0].set_ylim(z_low - z_pad, z_high + 2 * z_pad)
        for index, ax in enumerate(axes[: len(names)]):
            if ax.get_subplotspec().is_first_col():
                ax.set_ylabel("z-score (> 0: typical of this outlet)")
            if index + ncols >= len(names):  # nothing below this panel: show its x axis
                ax.xaxis.set_tick_params(labelbottom=True)
                ax.set_xlabel("Uses of the term, all outlets together (log scale)")
        fig.suptitle("Words that distinguish each outlet (Monroe et al. 2008)")

        handles = [
            _point_handle(_GREY, "o", "not distinctive (|z| < 1.96)"),
            _point_handle(_DARK_GREY, "o", "typical of the other outlets (z \u2264 \u22121.96)"),
            Line2D([], [], linestyle="--", color=_DARK_GREY, label="z = \u00b11.96 (5 % level)"),
        ]
        handles += [
            _point_handle(styles[n].colour, styles[n].marker, f"typical of {n} (z \u2265 1.96)")
            for n in names
        ]
        fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3))

        if top_n:
            fig.draw_without_rendering()  # fix the layout before measuring label positions
            renderer = fig.canvas.get_renderer()
            for ax, name in zip(axes, names, strict=False):
                rows = usable[usable["outlet"] == name]
                top = rows.sort_values(["z", "term"], ascending=[False, True]).head(top_n)
                labels = list(zip(top["total"], top["z"], top["term"], strict=True))
                # covering a labelled point costs most, another coloured point less, grey least
                weights = np.where(rows["z"].abs() >= SIGNIFICANCE_Z, 2.0, 0.7)
                weights[rows.index.isin(top.index)] = 4.0
                obstacles = (rows[["total", "z"]].to_numpy(dtype=float), weights)
                _label_points(ax, labels, obstacles, renderer, fontsize=7.5)
    return _freeze_layout(fig)


# --------------------------------------------------------------------------- label families

VOICES: tuple[str, ...] = ("narration", "quoted")


def plot_label_families(table: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Horizontal bars per label family, one bar per outlet: narration solid, quoted hatched.

    ``table`` has columns ``outlet, family, voice, count`` with voice in {"narration",
    "quoted"}. Families appear in table order, including families whose counts are all zero;
    missing outlet/family/voice combinations count as zero.
    """
    what = "plot_label_families"
    table = _check_table(table, ["outlet", "family", "voice", "count"], what)
    table["family"] = table["family"].astype(str)
    table["voice"] = table["voice"].astype(str)
    unknown = sorted(set(table["voice"]) - set(VOICES))
    if unknown:
        raise ValueError(f"{what}: voice must be one of {list(VOICES)}, got {unknown}")
    table["count"] = _numeric(table, "count", what)
    if table["count"].isna().any():
        raise ValueError(f"{what}: column 'count' has missing values")
    _check_unique(table, ["outlet", "family", "voice"], what)

    styles = _styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    families = list(pd.unique(table["family"]))
    counts = table.pivot_table(
        index=["family", "outlet"], columns="voice", values="count", aggfunc="sum", fill_value=0
    ).reindex(columns=list(VOICES), fill_value=0)
    counts = counts.reindex(
        pd.MultiIndex.from_product([families, names], names=["family", "outlet"]), fill_value=0
    )

    slot = 0.8 / len(names)
    longest = max(float((counts["narration"] + counts["quoted"]).max()), 1.0)
    with figure_style():
        fig = _new_figure(9.5, 1.3 + len(families) * (0.19 * len(names) + 0.22))
        ax = fig.subplots()
        for group, family in enumerate(families):
            for index, name in enumerate(names):
                style = styles[name]
                y = group - 0.4 + slot * (index + 0.5)
                narration, quoted = (float(v) for v in counts.loc[(family, name), list(VOICES)])
                common = {"height": slot * 0.9, "color": style.colour, "edgecolor": _EDGE}
                solid = ax.barh(y, narration, hatch=style.hatch, linewidth=0.5, **common)
                hatched = ax.barh(
                    y,
                    quoted,
                    left=narration,
                    hatch=style.hatch + QUOTED_HATCH,
                    hatchcolor=_hatch_colour(style.colour),
                    linewidth=0.5,
                    **common,
                )
                solid.patches[0].set_label(f"_narration:{name}")
                hatched.patches[0].set_label(f"_quoted:{name}")
                label = (
                    f"{narration:,.0f} + {quoted:,.0f} quoted" if quoted else f"{narration:,.0f}"
                )
                ax.annotate(
                    label,
                    xy=(narration + quoted, y),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                    color=_EDGE,
                    label="_count-label",
                )
            if group:
                ax.axhline(group - 0.5, color="#DDDDDD", linewidth=0.6)
        ax.set_yticks(range(len(families)), families)
        ax.set_ylim(len(families) - 0.5, -0.5)  # first family at the top
        ax.set_xlim(0, longest * 1.25)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Number of occurrences")
        ax.set_ylabel("Label family")
        ax.set_title(
            "Which outlet uses which labels, in its own voice or only in quotes?",
            fontsize=12,
            fontweight="bold",
            loc="left",
        )

        handles = [Patch(facecolor=styles[n].colour, hatch=styles[n].hatch, label=n) for n in names]
        handles += [
            Patch(facecolor="white", edgecolor=_EDGE, label="solid: narration (own voice)"),
            Patch(
                facecolor="white",
                edgecolor=_EDGE,
                hatch=QUOTED_HATCH,
                label="hatched: inside quotation marks",
            ),
        ]
        fig.legend(handles=handles, loc="outside right upper", title="Outlet / voice")
    return _freeze_layout(fig)
