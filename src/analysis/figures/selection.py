"""Story-selection figure: how much of each outlet's coverage the other outlets share."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import MultipleLocator

from analysis.figures.bars import value_label
from analysis.figures.style import (
    DARK_GREY,
    EDGE,
    check_table,
    check_unique,
    counts,
    figure_style,
    freeze_layout,
    hatch_colour,
    new_figure,
    styles_for,
    tint,
)

__all__ = ["COVERAGE_PARTS", "plot_coverage"]

#: Columns of the coverage table, the shade of the outlet colour each part gets (1 = the
#: colour itself, lower = lighter) and its legend text.
COVERAGE_PARTS: tuple[tuple[str, float, str], ...] = (
    ("shared", 1.0, "dark: shared with the other outlets"),
    ("partly_shared", 0.5, "medium: partly shared"),
    ("unique", 0.18, "light: unique to this outlet"),
)

_BAR_HEIGHT = 0.6
_PAD = 4.0  # pixels between a count and the edge of its segment


def _place_counts(fig: Figure, ax: Axes, labels: list[tuple[Text, float, float]]) -> None:
    """Move counts that do not fit in their segment just above or below the bar.

    ``labels`` holds (text, segment width in data units, bar position). Narrow segments
    alternate above and below the bar so neighbouring counts do not collide.
    """
    with figure_style():
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        scale = ax.transData.transform((1.0, 0.0))[0] - ax.transData.transform((0.0, 0.0))[0]
        outside = 0
        for text, width, position in labels:
            if text.get_window_extent(renderer).width + 2 * _PAD <= width * scale:
                continue
            above = outside % 2 == 0
            outside += 1
            text.set_y(position + (-1 if above else 1) * (_BAR_HEIGHT / 2 + 0.02))
            text.set_va("bottom" if above else "top")
            text.set_color(EDGE)
            text.set_label("_count-label-outside")


def plot_coverage(coverage: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """One 100 % bar per outlet: shared, partly shared and unique sentences.

    ``coverage`` has columns ``outlet, shared, partly_shared, unique`` (sentence counts, one
    row per outlet). Segments are the outlet colour in three shades (dark = shared, medium =
    partly shared, light = unique) with the counts printed in them; the total is printed after
    each bar.
    """
    what = "plot_coverage"
    columns = ["outlet", *(part for part, _, _ in COVERAGE_PARTS)]
    table = check_table(coverage, columns, what)
    for column in columns[1:]:
        table[column] = counts(table, column, what)
    check_unique(table, ["outlet"], what)
    table = table.set_index("outlet").sort_index()
    totals = table.sum(axis=1)
    if not (totals > 0).any():
        raise ValueError(f"{what}: every outlet has zero sentences, so there is nothing to plot")

    styles = styles_for(table.reset_index(), outlets)
    names = list(table.index)
    with figure_style():
        fig = new_figure(8.5, 1.7 + 0.5 * len(names))
        ax = fig.subplots()
        placed: list[tuple[Text, float, float]] = []
        for position, name in enumerate(names):
            style = styles[name]
            total = float(totals[name])
            left = 0.0
            for part, shade, _ in COVERAGE_PARTS:
                count = float(table.loc[name, part])
                width = 100.0 * count / total if total else 0.0
                colour = tint(style.colour, shade)
                bar = ax.barh(
                    position,
                    width,
                    left=left,
                    height=_BAR_HEIGHT,
                    color=colour,
                    hatch=style.hatch,
                    edgecolor=EDGE,
                    linewidth=0.5,
                )
                bar.patches[0].set_label(f"_{part}:{name}")
                if count:
                    text = ax.text(
                        left + width / 2,
                        position,
                        f"{count:,.0f}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color=hatch_colour(colour),
                        label="_count-label",
                    )
                    placed.append((text, width, position))
                left += width
            total_text = f"{total:,.0f} sentences" if total else "no sentences"
            value_label(ax, total_text, 100.0, position, gap=4, fontsize=8, label="_total-label")
        ax.set_yticks(range(len(names)), names)
        ax.set_ylim(len(names) - 0.5, -0.5)  # first outlet at the top
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_locator(MultipleLocator(25))
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Share of the outlet's sentences (%); numbers in the bars: sentences")
        fig.suptitle("How much of each outlet's coverage do the other outlets share?")
        shades = [
            Patch(facecolor=tint(DARK_GREY, shade), edgecolor=EDGE, label=label)
            for _, shade, label in COVERAGE_PARTS
        ]
        fig.legend(handles=shades, loc="outside lower center", ncols=len(shades))
    _place_counts(fig, ax, placed)
    return freeze_layout(fig)
