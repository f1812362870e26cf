"""Corpus figures: outlet profiles and distinctive words, each with an interval over events.

The tables come from :mod:`analysis.corpus.profiles`: every statistic is computed once over all
articles of the corpus (the point), and its 95 % percentile interval comes from a cluster
bootstrap that resamples events (the bar; :mod:`analysis.corpus.bootstrap`). Fightin' Words follows
Monroe, Colaresi & Quinn (2008), *Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict*, Political Analysis 16(4), 372-403.

Points and interval bars are drawn as separate artists, labelled ``_point:<outlet>`` (a
:class:`~matplotlib.lines.Line2D`) and ``_interval:<outlet>`` (a
:class:`~matplotlib.collections.LineCollection` with one segment from ``low`` to ``high`` per
row), so a percentile interval that does not contain its estimate is still drawn as it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patheffects import withStroke
from matplotlib.ticker import MaxNLocator

from analysis.figures.bars import value_label
from analysis.figures.keyness import SIGNIFICANCE_Z
from analysis.figures.readability import MEASURE_TITLES
from analysis.figures.style import (
    DARK_GREY,
    EDGE,
    GREY,
    OutletStyle,
    as_drawn_text,
    check_table,
    check_top_n,
    check_unique,
    counts,
    decimals,
    figure_style,
    format_value,
    freeze_layout,
    new_figure,
    numeric,
    styles_for,
    wrap,
)

__all__ = ["PROFILE_TITLES", "plot_corpus_keyness", "plot_profile"]

#: Panel titles of profile measures. The readability measures keep their
#: :data:`~analysis.figures.readability.MEASURE_TITLES`, except the counts: a profile gives the
#: mean per article, not a total. Other measures are shown under their own name.
PROFILE_TITLES: dict[str, str] = {
    **MEASURE_TITLES,
    "words": "Words\n(per article)",
    "sentences": "Sentences\n(per article)",
    "tone_mean_compound": "Tone, all sentences\n(VADER compound, \u22121 to +1)",
    "tone_narration": "Tone of the narration\n(VADER compound, \u22121 to +1)",
    "tone_quoted": "Tone of the quotes\n(VADER compound, \u22121 to +1)",
}

_PROFILE_COLUMNS = ["section", "measure", "outlet", "estimate", "low", "high", "events", "articles"]
_KEYNESS_COLUMNS = [
    "outlet",
    "term",
    "count_outlet",
    "count_rest",
    "delta",
    "var",
    "z",
    "low",
    "high",
]
_POINT_SIZE = 6.0  # marker size (points)
_BAR_WIDTH = 1.8  # interval line width (points); outlined in EDGE so light colours show
_LABEL_GAP = 3.0  # points between the end of a bar (or a point) and its value label


# --------------------------------------------------------------------------- shared drawing


def _panel_title(measure: str) -> str:
    """Readable panel title: :data:`PROFILE_TITLES`, else the measure's name, first letter up."""
    if measure in PROFILE_TITLES:
        return PROFILE_TITLES[measure]
    name = measure.replace("_", " ")
    return wrap(name[:1].upper() + name[1:], 30)


def _places(values: np.ndarray) -> int:
    """Decimals for a panel's labels: :func:`decimals`, with two significant digits below 0.01."""
    places = decimals(values)
    finite = np.abs(values[np.isfinite(values)])
    largest = float(finite.max()) if finite.size else 0.0
    if places and 0 < largest < 0.01:
        places = max(places, 1 - math.floor(math.log10(largest)))
    return places


def _interval_rows(low: pd.Series, high: pd.Series, what: str) -> pd.Series:
    """Rows with a defined interval (both ends finite); raise if some ``low`` exceeds ``high``."""
    defined = np.isfinite(low) & np.isfinite(high)
    if (low[defined] > high[defined]).any():
        raise ValueError(f"{what}: some rows have low > high")
    return defined


def _draw_row(
    ax: Any,
    position: float,
    estimate: float,
    interval: tuple[float, float] | None,
    style: OutletStyle,
    name: str,
    label: str | None,
) -> None:
    """One point (``_point:<name>``), its interval bar and, if ``label``, its printed value."""
    end = estimate
    if interval is not None:
        low, high = interval
        ax.hlines(
            position,
            low,
            high,
            colors=style.colour,
            linewidth=_BAR_WIDTH,
            capstyle="butt",
            path_effects=[withStroke(linewidth=_BAR_WIDTH + 1.0, foreground=EDGE)],
            label=f"_interval:{name}",
            zorder=2,
        )
        end = max(estimate, high)
    ax.plot(
        [estimate],
        [position],
        linestyle="",
        marker=style.marker,
        markersize=_POINT_SIZE,
        color=style.colour,
        markeredgecolor=EDGE,
        markeredgewidth=0.6,
        label=f"_point:{name}",
        zorder=3,
    )
    if label is not None:
        value_label(ax, label, end, position, gap=_LABEL_GAP + 0.5 * _POINT_SIZE, ha="left")


def _missing(ax: Any, position: float, text: str) -> None:
    """A grey note at the left edge of ``ax`` for a row without an estimate."""
    ax.annotate(
        text,
        xy=(0.0, position),
        xycoords=ax.get_yaxis_transform(),
        xytext=(3, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=7,
        color=DARK_GREY,
        label="_missing-label",
    )


def _set_range(ax: Any, values: np.ndarray, *, anchor: float | None = None) -> None:
    """Fit the x range of ``ax`` to ``values`` (and ``anchor``), with a small margin."""
    finite = values[np.isfinite(values)]
    if anchor is not None:
        finite = np.append(finite, anchor)
    if not finite.size:
        return
    low, high = float(finite.min()), float(finite.max())
    span = high - low or max(abs(high), 1.0) * 0.2
    ax.set_xlim(low - 0.08 * span, high + 0.08 * span)
    if low < 0 < high or anchor == 0:
        ax.axvline(0, color=GREY, linewidth=0.6, zorder=0)


def _fit_labels(fig: Figure, axes: Sequence[Any]) -> None:
    """Raise the upper x limit of each of ``axes`` (own scale) until its value labels fit.

    Like :func:`analysis.figures.bars.fit_value_labels`, but every panel keeps its lower limit:
    the measures of a profile have different units.
    """
    with figure_style():
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        for ax in axes:
            low, high = ax.get_xlim()
            width = ax.get_window_extent(renderer).width
            needed = high
            for text in ax.texts:
                if text.get_label() != "_value-label":
                    continue
                end = float(text.xy[0])
                room = text.get_window_extent(renderer).x1 - ax.transData.transform(text.xy)[0]
                free = width - room - 4.0  # pixels left for the data
                if free > 0:
                    needed = max(needed, low + (end - low) * width / free)
                else:
                    needed = max(needed, low + 2.0 * (end - low))
            ax.set_xlim(low, needed)


def _grid(fig: Figure, panels: int, *, sharex: bool, sharey: bool) -> tuple[np.ndarray, int]:
    """Up to three panels per row; unused axes removed. Returns the used axes and the columns."""
    ncols = min(panels, 3)
    nrows = math.ceil(panels / ncols)
    axes = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=False).ravel()
    for ax in axes[panels:]:
        fig.delaxes(ax)
    return axes[:panels], ncols


# --------------------------------------------------------------------------- outlet profiles


def plot_profile(
    table: pd.DataFrame,
    *,
    section: str | None = None,
    outlets: Iterable[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Small multiples: one panel per measure, one point per outlet with its 95 % interval.

    ``table`` is the long profile table of :func:`analysis.corpus.profiles.outlet_profiles`,
    columns ``section, measure, outlet, estimate, low, high, events, articles`` (one row per
    section, measure and outlet; ``low``/``high`` NaN where the interval is undefined).
    ``section`` keeps that section's rows only. Panels follow the measures' first appearance,
    up to three per row, each on its own x scale (the measures have different units); outlets
    are rows in the same order (sorted) in every panel, and each point's estimate is printed
    beside its bar. The footnote gives the number of events (the largest ``events``). When no
    row has an interval (a corpus of one event) the points are drawn without bars and the
    footnote says so. ``outlets`` (optional) lists every outlet of the corpus so colours
    match other figures; ``title`` replaces the default title.
    """
    what = "plot_profile"
    table = _check_profile(table, section, what)
    defined = _interval_rows(table["low"], table["high"], what)

    events = int(table["events"].max())
    bars = bool(defined.any()) and events > 1
    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    sections = list(pd.unique(table["section"]))
    panels = list(dict.fromkeys(zip(table["section"], table["measure"], strict=True)))
    grouped = table.assign(defined=defined).groupby(["section", "measure"], sort=False)
    rows = {key: group.set_index("outlet") for key, group in grouped}

    ncols = min(len(panels), 3)
    nrows = math.ceil(len(panels) / ncols)
    label_room = 0.075 * max(len(name) for name in names)
    width = 2.7 * ncols + label_room + 0.3
    height = nrows * (1.05 + 0.24 * len(names)) + 1.0
    with figure_style():
        fig = new_figure(width, height)
        axes, _ = _grid(fig, len(panels), sharex=False, sharey=True)
        positions = np.arange(len(names))
        for ax, key in zip(axes, panels, strict=True):
            _profile_panel(ax, rows[key], names, styles, bars)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.tick_params(axis="y", length=0)
            ax.grid(axis="y", color="#EEEEEE", linewidth=0.6)
            ax.set_axisbelow(True)
            heading = _panel_title(key[1])
            ax.set_title(heading if len(sections) == 1 else f"{key[0]}:\n{heading}")
        axes[0].set_yticks(positions, names)
        axes[0].set_ylim(len(names) - 0.5, -0.5)  # first outlet at the top
        if title is None:
            title = (
                f"{sections[0][:1].upper()}{sections[0][1:]}: each outlet across the corpus"
                if len(sections) == 1
                else "Each outlet across the corpus"
            )
        fig.suptitle(title)
        fig.supxlabel(_profile_note(events, bars, bool(defined.all())), fontsize=8, color=EDGE)
        _fit_labels(fig, axes)
    return freeze_layout(fig)


def _check_profile(table: pd.DataFrame, section: str | None, what: str) -> pd.DataFrame:
    """The profile table checked and converted, only ``section``'s rows if given."""
    table = check_table(table, _PROFILE_COLUMNS, what)
    table["section"] = table["section"].astype(str)
    table["measure"] = table["measure"].astype(str)
    if section is not None:
        available = list(pd.unique(table["section"]))
        table = table[table["section"] == as_drawn_text(str(section))]
        if table.empty:
            raise ValueError(f"{what}: no rows for section {section!r}; sections: {available}")
    for column in ("estimate", "low", "high"):
        table[column] = numeric(table, column, what)
    for column in ("events", "articles"):
        table[column] = counts(table, column, what)
    check_unique(table, ["section", "measure", "outlet"], what)
    if not np.isfinite(table["estimate"]).any():
        raise ValueError(f"{what}: column 'estimate' has no values to plot")
    return table


def _profile_panel(
    ax: Any, rows: pd.DataFrame, names: list[str], styles: dict[str, OutletStyle], bars: bool
) -> None:
    """One measure: a point (and, if ``bars``, its interval) per outlet, the x range fitted."""
    panel = rows.reindex(names)
    estimates = panel["estimate"].to_numpy(dtype=float)
    places = _places(estimates)
    for position, name in enumerate(names):
        estimate = float(panel.at[name, "estimate"])
        if not math.isfinite(estimate):
            _missing(ax, position, "n/a" if name in rows.index else "no data")
            continue
        interval = None
        if bars and bool(panel.at[name, "defined"]):
            interval = (float(panel.at[name, "low"]), float(panel.at[name, "high"]))
        label = format_value(estimate, places)
        _draw_row(ax, position, estimate, interval, styles[name], name, label)
    extent = [estimates]
    if bars:
        usable = panel["defined"].eq(True).to_numpy(dtype=bool)
        extent += [panel["low"].to_numpy(dtype=float)[usable]]
        extent += [panel["high"].to_numpy(dtype=float)[usable]]
    _set_range(ax, np.concatenate(extent), anchor=0.0)  # from zero: 12.10 vs 12.16 looks close


def _profile_note(events: int, bars: bool, complete: bool) -> str:
    """Footnote of :func:`plot_profile`: what points and bars mean, and over how many events."""
    counted = f"{events:,} event{'s' if events != 1 else ''}"
    if not bars:
        reason = "one event" if events <= 1 else f"not defined ({counted})"
        return f"points: estimate over all articles; no interval: {reason}"
    note = (
        "points: estimate over all articles; "
        f"bars: 95 % interval, bootstrap over events ({counted})"
    )
    return note if complete else f"{note}; no bar: interval undefined"


# --------------------------------------------------------------------------- corpus keyness


def plot_corpus_keyness(
    table: pd.DataFrame, *, top_n: int = 10, outlets: Iterable[str] | None = None
) -> Figure:
    """One panel per outlet: its ``top_n`` terms by z, each with a 95 % interval over events.

    ``table`` is the table of :func:`analysis.corpus.profiles.corpus_keyness`, columns
    ``outlet, term, count_outlet, count_rest, delta, var, z, low, high``: Fightin' Words
    (Monroe et al. 2008) of each outlet against the rest of the corpus, with a percentile
    interval of z from a bootstrap over events (``low``/``high`` NaN where undefined). Terms
    are rows, the highest z at the top; points take the outlet colour and marker, bars span
    ``low`` to ``high``, and a dashed line marks z = 1.96 (5 % level). All panels share the
    x axis. ``outlets`` (optional) lists every outlet so colours match other figures.
    """
    what = "plot_corpus_keyness"
    table = check_table(table, _KEYNESS_COLUMNS, what)
    check_top_n(top_n, what)
    table["term"] = table["term"].astype(str)
    for column in _KEYNESS_COLUMNS[2:]:
        table[column] = numeric(table, column, what)
    check_unique(table, ["outlet", "term"], what)
    defined = _interval_rows(table["low"], table["high"], what)
    table = table.assign(defined=defined)
    usable = table[np.isfinite(table["z"])]
    if usable.empty:
        raise ValueError(f"{what}: no term has a finite z")

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    tops = {
        name: usable[usable["outlet"] == name]
        .sort_values(["z", "term"], ascending=[False, True])
        .head(top_n)
        for name in names
    }
    shown = pd.concat(list(tops.values()))
    extent = np.concatenate(
        [
            shown["z"].to_numpy(dtype=float),
            shown.loc[shown["defined"], "low"].to_numpy(dtype=float),
            shown.loc[shown["defined"], "high"].to_numpy(dtype=float),
            [SIGNIFICANCE_Z],
        ]
    )
    terms = max(len(top) for top in tops.values())
    ncols = min(len(names), 3)
    nrows = math.ceil(len(names) / ncols)
    label_room = 0.07 * max(len(term) for term in shown["term"]) if len(shown) else 0.5
    with figure_style():
        fig = new_figure(ncols * (2.6 + label_room) + 0.4, nrows * (0.9 + 0.2 * terms) + 1.1)
        axes, ncols = _grid(fig, len(names), sharex=True, sharey=False)
        for ax, name in zip(axes, names, strict=True):
            top = tops[name]
            for position, row in enumerate(top.itertuples(index=False)):
                interval = (float(row.low), float(row.high)) if row.defined else None
                _draw_row(ax, position, float(row.z), interval, styles[name], name, None)
            ax.axvline(SIGNIFICANCE_Z, color=DARK_GREY, linestyle="--", linewidth=0.8, zorder=1)
            ax.set_yticks(range(len(top)), list(top["term"]))
            ax.set_ylim(max(len(top), 1) - 0.5, -0.5)  # highest z at the top
            ax.tick_params(axis="y", length=0)
            ax.grid(axis="y", color="#EEEEEE", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.set_title(f"{name} vs. all other outlets")
            if top.empty:
                ax.text(0.5, 0.5, "no terms", transform=ax.transAxes, ha="center", color="grey")
        for index, ax in enumerate(axes):
            _set_range(ax, extent, anchor=0.0)  # the same range: the panels share x
            if index + ncols >= len(names):  # nothing below this panel: show its x axis
                ax.xaxis.set_tick_params(labelbottom=True)
                ax.set_xlabel("z-score (> 0: typical of this outlet)")
        fig.suptitle("Words that distinguish each outlet across the corpus (Monroe et al. 2008)")
        if shown["defined"].any():
            bars = "bars: 95 % interval of z, bootstrap over events"
            if not shown["defined"].all():
                bars += " (no bar: interval undefined)"
        else:
            bars = "no interval of z (bootstrap undefined)"
        note = f"points: z over the whole corpus; {bars}; dashed line: z = 1.96 (5 % level)"
        fig.supxlabel(note, fontsize=8, color=EDGE)
    return freeze_layout(fig)
