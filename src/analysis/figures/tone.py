"""Tone figures: mean VADER compound score per outlet, by voice and by actor.

VADER: Hutto & Gilbert (2014), *VADER: A Parsimonious Rule-based Model for Sentiment Analysis
of Social Media Text*, ICWSM. The compound score runs from -1 (most negative) to +1 (most
positive). Dots of different outlets in one row are offset vertically by a fixed amount (no
random jitter), and a dot's area grows with the number of sentences behind the mean.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.style import (
    DARK_GREY,
    EDGE,
    SEPARATOR,
    VOICES,
    OutletStyle,
    check_table,
    check_top_n,
    check_unique,
    check_voices,
    counts,
    figure_style,
    format_value,
    freeze_layout,
    is_empty_with,
    new_figure,
    numeric,
    one_line_figure,
    point_handle,
    side_legend,
    styles_for,
    top_by_total,
    wrap,
)
from analysis.measures.tone import ACTOR_MIN_SENTENCES

__all__ = ["VOICE_TITLES", "plot_actor_tone", "plot_tone"]

#: Tick labels of the voice rows.
VOICE_TITLES: dict[str, str] = {
    "narration": "narration\n(the outlet's own words)",
    "quoted": "quoted\n(inside quotation marks)",
}

_X_LABEL = (
    "Mean VADER compound score (\u22121 = most negative, 0 = neutral, +1 = most positive)\n"
    "dot size = number of sentences"
)
_ACTOR_X_LABEL = (
    "Mean VADER compound score of the sentences about the actor (\u22121 = most negative, "
    "+1 = most positive)\ndot size = number of sentences; bar = 95% bootstrap interval of the mean\n"
    "faded, no bar: fewer than {min_sentences} sentences (too little evidence)"
)
_FADED_ALPHA = 0.3
_MIN_AREA = 14.0  # dot area (points squared) for the fewest sentences
_X_MARGIN = 0.08


def _check_tone(table: pd.DataFrame, what: str) -> pd.DataFrame:
    """Convert ``mean_compound`` and ``sentences``; raise on values outside -1..1 or no means."""
    table["mean_compound"] = numeric(table, "mean_compound", what)
    table["sentences"] = counts(table, "sentences", what)
    means = table["mean_compound"]
    if ((means < -1) | (means > 1)).any():
        raise ValueError(f"{what}: mean_compound must lie between -1 and 1")
    if not np.isfinite(means).any():
        raise ValueError(f"{what}: column 'mean_compound' has no values to plot")
    return table


def _offsets(count: int, spread: float) -> np.ndarray:
    """Fixed vertical offsets of ``count`` dots in one row, centred on the row."""
    if count == 1:
        return np.zeros(1)
    step = min(spread / (count - 1), 0.22)
    return (np.arange(count) - (count - 1) / 2) * step


def _dot_rows(
    ax: Any,
    rows: Sequence[str],
    names: Sequence[str],
    styles: dict[str, OutletStyle],
    table: pd.DataFrame,
    key: str,
    *,
    max_area: float,
    show_mean: bool,
    min_sentences: int = 0,
) -> None:
    """One row per value of ``key`` (first at the top), one dot per outlet with its n printed.

    With ``min_sentences``, dots with fewer sentences are faded and the others get their interval
    (``mean_compound_low`` … ``mean_compound_high``) as a horizontal error bar."""
    largest = max(float(table["sentences"].max()), 1.0)
    offsets = _offsets(len(names), 0.6)
    lookup = table.set_index([key, "outlet"])
    for row, value in enumerate(rows):
        if row:
            ax.axhline(row - 0.5, color=SEPARATOR, linewidth=0.6, zorder=0)
        for offset, name in zip(offsets, names, strict=True):
            y = row + offset
            if (value, name) not in lookup.index:
                continue
            mean, sentences = (
                float(v) for v in lookup.loc[(value, name), ["mean_compound", "sentences"]]
            )
            if not math.isfinite(mean):
                ax.annotate(
                    f"{name}: no sentences",
                    xy=(-1.0, y),
                    xytext=(2, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                    fontstyle="italic",
                    color=DARK_GREY,
                    label="_n-label",
                )
                continue
            style = styles[name]
            area = _MIN_AREA + (max_area - _MIN_AREA) * sentences / largest
            faded = sentences < min_sentences
            if min_sentences and not faded:
                _error_bar(ax, lookup.loc[(value, name)], y, style.colour, name)
            ax.scatter(
                [mean],
                [y],
                s=area,
                c=style.colour,
                marker=style.marker,
                edgecolors=EDGE,
                linewidths=0.5,
                alpha=_FADED_ALPHA if faded else None,
                zorder=3,
                label=f"_dot:{name}",
            )
            text = f"n = {sentences:,.0f}"
            if show_mean:
                shown = round(mean, 2) + 0.0  # + 0.0 turns -0.0 into 0.0
                text = f"{'+' if shown > 0 else ''}{format_value(shown, 2)}  ({text})"
            right = mean <= 0.55  # near +1 the label goes to the left of the dot
            gap = 0.5 * math.sqrt(area) + 2.5
            ax.annotate(
                text,
                xy=(mean, y),
                xytext=(gap if right else -gap, 0),
                textcoords="offset points",
                ha="left" if right else "right",
                va="center",
                fontsize=7,
                color=DARK_GREY,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.5},
                label="_n-label",
            )
    ax.axvline(0, color=EDGE, linewidth=0.8, zorder=1)
    ax.set_xlim(-1.0 - _X_MARGIN, 1.0 + _X_MARGIN)  # room for dots at the ends of the scale
    ax.set_xticks([-1.0, -0.5, 0.0, 0.5, 1.0], ["\u22121", "\u22120.5", "0", "+0.5", "+1"])
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row at the top
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(_X_LABEL)


def _error_bar(ax: Any, row: pd.Series, y: float, colour: str, name: str) -> None:
    """The row's interval as a horizontal line with end caps (nothing when a bound is missing)."""
    low, high = float(row["mean_compound_low"]), float(row["mean_compound_high"])
    if math.isfinite(low) and math.isfinite(high):
        ax.errorbar(
            [(low + high) / 2],
            [y],
            xerr=[[(high - low) / 2], [(high - low) / 2]],
            fmt="none",
            ecolor=colour,
            elinewidth=1.2,
            capsize=2.5,
            zorder=2,
            label=f"_interval:{name}",
        )


def _legend(ax: Any, names: Sequence[str], styles: dict[str, OutletStyle]) -> None:
    """Outlet legend (markers) to the right of the plot."""
    handles = [point_handle(styles[n].colour, styles[n].marker, n) for n in names]
    for handle in handles:
        handle.set_markeredgecolor(EDGE)
        handle.set_markeredgewidth(0.5)
        handle.set_markersize(8)
    side_legend(ax, handles, "Outlet")


def plot_tone(summary: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Dot plot of the mean VADER compound score: one row per voice, one dot per outlet.

    ``summary`` has columns ``outlet, voice, mean_compound, sentences`` with voice in
    {"narration", "quoted"}. Dot area grows with ``sentences``; each dot is annotated with
    its mean and n. Rows with a missing mean (no sentences) get no dot.
    """
    what = "plot_tone"
    table = check_table(summary, ["outlet", "voice", "mean_compound", "sentences"], what)
    table["voice"] = table["voice"].astype(str)
    check_voices(table, what)
    table = _check_tone(table, what)
    check_unique(table, ["outlet", "voice"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    with figure_style():
        fig = new_figure(8.5, 1.9 + 0.32 * len(VOICES) * max(len(names), 2))
        ax = fig.subplots()
        _dot_rows(ax, VOICES, names, styles, table, "voice", max_area=260.0, show_mean=True)
        ax.set_yticks(range(len(VOICES)), [VOICE_TITLES[voice] for voice in VOICES])
        fig.suptitle("How positive or negative is the wording? (VADER sentiment)")
        _legend(ax, names, styles)
    return freeze_layout(fig)


def plot_actor_tone(
    actor_tone: pd.DataFrame, *, outlets: Iterable[str] | None = None, top_n: int = 10
) -> Figure:
    """Dot plot of the mean VADER compound score of the sentences about each actor.

    ``actor_tone`` has columns ``outlet, actor, mean_compound, mean_compound_low,
    mean_compound_high, sentences`` (:func:`analysis.measures.tone.actor_tone`). The ``top_n``
    actors by sentences over all outlets are shown (most at the top), one dot per outlet whose
    area grows with ``sentences`` and whose n is printed beside it, with the 95% percentile
    bootstrap interval of the mean as an error bar. Dots with fewer than
    :data:`~analysis.measures.tone.ACTOR_MIN_SENTENCES` sentences are faded and have no bar; the
    axis label says so.
    """
    what = "plot_actor_tone"
    required = ["outlet", "actor", "mean_compound", "mean_compound_low", "mean_compound_high"]
    if is_empty_with(actor_tone, [*required, "sentences"]):
        return one_line_figure(
            "No actor is named in this event's articles, so there is no tone per actor."
        )
    table = check_table(actor_tone, [*required, "sentences"], what)
    for bound in ("mean_compound_low", "mean_compound_high"):
        table[bound] = numeric(table, bound, what)
    check_top_n(top_n, what)
    table["actor"] = table["actor"].astype(str)
    table = _check_tone(table, what)
    check_unique(table, ["outlet", "actor"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    totals, chosen = top_by_total(table, "actor", "sentences", top_n)
    shown = table[table["actor"].isin(chosen)]
    row_height = 0.2 + 0.15 * len(names)
    with figure_style():
        fig = new_figure(8.5, 1.9 + row_height * len(chosen))
        ax = fig.subplots()
        _dot_rows(
            ax,
            chosen,
            names,
            styles,
            shown,
            "actor",
            max_area=150.0,
            show_mean=False,
            min_sentences=ACTOR_MIN_SENTENCES,
        )
        ax.set_xlabel(_ACTOR_X_LABEL.format(min_sentences=ACTOR_MIN_SENTENCES))
        ax.set_yticks(range(len(chosen)), [wrap(actor, 24) for actor in chosen])
        more = len(totals) > top_n
        ax.set_ylabel(f"Actor ({len(chosen)} most discussed of {len(totals)})" if more else "Actor")
        fig.suptitle("How positive or negative are the sentences about each actor?")
        _legend(ax, names, styles)
    return freeze_layout(fig)
