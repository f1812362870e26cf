"""Readability figure: one panel per measure, one bar per outlet with its value printed."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.figures.bars import outlet_bar
from analysis.figures.style import (
    EDGE,
    check_table,
    check_unique,
    decimals,
    figure_style,
    format_value,
    freeze_layout,
    new_figure,
    numeric,
    styles_for,
)

__all__ = ["MEASURE_TITLES", "plot_readability"]

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
    "words": "Words\n(body paragraphs)",
    "sentences": "Sentences\n(body paragraphs)",
}


def _measure_title(measure: str) -> str:
    """Readable panel title for a readability measure."""
    return MEASURE_TITLES.get(measure, measure.replace("_", " ").capitalize())


def plot_readability(table: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Small multiples: one panel per measure, one bar per outlet with its value printed.

    ``table`` has columns ``outlet, measure, value`` (one row per outlet and measure). Panels
    follow the measures' first appearance in the table. ``outlets`` (optional) lists every
    outlet of the event so colours match figures built from other tables.
    """
    what = "plot_readability"
    table = check_table(table, ["outlet", "measure", "value"], what)
    table["measure"] = table["measure"].astype(str)
    table["value"] = numeric(table, "value", what)
    check_unique(table, ["outlet", "measure"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    measures = list(pd.unique(table["measure"]))
    values = table.pivot(index="outlet", columns="measure", values="value").reindex(names)

    ncols = min(len(measures), 4)
    nrows = math.ceil(len(measures) / ncols)
    label_room = 0.08 * max(len(name) for name in names)
    width = 2.6 * ncols + label_room + 0.4
    height = nrows * (1.0 + 0.28 * len(names)) + 0.6
    with figure_style():
        fig = new_figure(width, height)
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False).ravel()
        positions = np.arange(len(names))
        for ax, measure in zip(axes, measures, strict=False):
            column = values[measure].to_numpy(dtype=float)
            places = decimals(column)
            for position, name, value in zip(positions, names, column, strict=True):
                style = styles[name]
                bar_value = value if math.isfinite(value) else 0.0
                # labelled with the outlet, so ax.legend() would list the outlets
                outlet_bar(ax, position, bar_value, style, 0.7, label=name)
                ax.annotate(
                    format_value(value, places),
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
            ax.axvline(0, color=EDGE, linewidth=0.8)
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", length=0)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.set_title(_measure_title(measure))
        for ax in axes[len(measures) :]:
            fig.delaxes(ax)
        axes[0].set_yticks(positions, names)
        axes[0].set_ylim(len(names) - 0.5, -0.5)  # first outlet at the top
        fig.suptitle("Readability of each outlet's coverage")
    return freeze_layout(fig)
