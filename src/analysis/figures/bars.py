"""Bars of the outlet figures: one bar per outlet, grouped bars per category, value labels.

Every bar is drawn in its outlet's colour and hatch (:func:`analysis.figures.style.outlet_styles`),
outlined in :data:`EDGE`, and labelled ``_<kind>:<outlet>`` so tests can find it; values are
printed after the bars (label ``_value-label``) and :func:`fit_value_labels` widens the x range
until they fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.figures.style import (
    EDGE,
    QUOTED_HATCH,
    SEPARATOR,
    OutletStyle,
    figure_style,
    freeze_layout,
    hatch_colour,
    new_figure,
    outlet_handles,
    side_legend,
)


def outlet_bar(
    ax: Any,
    position: float,
    length: float,
    style: OutletStyle,
    height: float,
    *,
    label: str,
    hatch: str | None = None,
    **options: Any,
) -> None:
    """One horizontal bar in the outlet's colour and hatch (or ``hatch``), labelled ``label``."""
    bar = ax.barh(
        position,
        length,
        height=height,
        color=style.colour,
        hatch=style.hatch if hatch is None else hatch,
        edgecolor=EDGE,
        linewidth=0.5,
        **options,
    )
    bar.patches[0].set_label(label)


def value_label(
    ax: Any,
    text: str,
    x: float,
    y: float,
    *,
    gap: float = 3,
    fontsize: float = 7,
    label: str = "_value-label",
    **options: Any,
) -> None:
    """``text`` printed ``gap`` points after ``(x, y)``, vertically centred, in :data:`EDGE`."""
    ax.annotate(
        text,
        xy=(x, y),
        xytext=(gap, 0),
        textcoords="offset points",
        va="center",
        fontsize=fontsize,
        color=EDGE,
        label=label,
        **options,
    )


def voice_handles(own_words: str) -> list[Patch]:
    """Legend entries for the two voices: solid (``own_words``) and hatched (inside quotes)."""
    return [
        Patch(facecolor="white", edgecolor=EDGE, label=f"solid: {own_words}"),
        Patch(
            facecolor="white",
            edgecolor=EDGE,
            hatch=QUOTED_HATCH,
            label="hatched: inside quotation marks",
        ),
    ]


def grouped_barh(
    ax: Any,
    categories: Sequence[str],
    names: Sequence[str],
    styles: dict[str, OutletStyle],
    solid: np.ndarray,
    labels: Sequence[Sequence[str]],
    *,
    hatched: np.ndarray | None = None,
    kinds: tuple[str, str] = ("bar", "quoted"),
) -> None:
    """Horizontal bars grouped by category (first at the top), one bar per outlet in a group.

    ``solid[c, i]`` is the bar length of category ``c`` and outlet ``names[i]``; ``hatched``
    (optional) is stacked after it with :data:`QUOTED_HATCH`. Bars are labelled
    ``_<kind>:<outlet>`` and ``labels[c][i]`` is printed after the bar (label ``_value-label``).
    """
    slot = 0.8 / len(names)
    for group in range(len(categories)):
        for index, name in enumerate(names):
            style = styles[name]
            y = group - 0.4 + slot * (index + 0.5)
            first = float(solid[group, index])
            outlet_bar(ax, y, first, style, slot * 0.9, label=f"_{kinds[0]}:{name}")
            end = first
            if hatched is not None:
                second = float(hatched[group, index])
                outlet_bar(
                    ax,
                    y,
                    second,
                    style,
                    slot * 0.9,
                    label=f"_{kinds[1]}:{name}",
                    left=first,
                    hatch=style.hatch + QUOTED_HATCH,
                    hatchcolor=hatch_colour(style.colour),
                )
                end += second
            value_label(ax, labels[group][index], end, y)
        if group:
            ax.axhline(group - 0.5, color=SEPARATOR, linewidth=0.6)
    ax.set_yticks(range(len(categories)), list(categories))
    ax.set_ylim(len(categories) - 0.5, -0.5)  # first category at the top
    ax.tick_params(axis="y", length=0)
    ends = solid if hatched is None else solid + hatched
    if is_count(ends):
        integer_ticks(ax.xaxis)


def is_count(values: np.ndarray) -> bool:
    """Whether every value is a whole number (bars of counts: mentions, quotations)."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    return bool(finite.size) and bool(np.all(finite == np.round(finite)))


def integer_ticks(axis: Any) -> None:
    """Ticks at whole numbers only (no 2.5 or 7.5 on an axis of counts)."""
    axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def grouped_height(categories: int, outlets: int) -> float:
    """Figure height (inches) for :func:`grouped_barh` with a title and an x label."""
    return max(2.6, 1.4 + categories * (0.19 * outlets + 0.22))


def fit_value_labels(fig: Figure, axes: Sequence[Any], *, low: float = 0.0) -> None:
    """Widen the (shared) x range of ``axes`` until every ``_value-label`` fits inside.

    Labels sit a few points after the bar end, so the room they need depends on the final
    layout; the figure is laid out once, then the upper x limit is raised just enough.
    """
    with figure_style():
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        high = max(ax.get_xlim()[1] for ax in axes)
        for ax in axes:
            frame = ax.get_window_extent(renderer)
            for text in ax.texts:
                if text.get_label() != "_value-label" or not text.get_visible():
                    continue
                end = float(text.xy[0])
                room = text.get_window_extent(renderer).x1 - ax.transData.transform(text.xy)[0]
                free = frame.width - room - 6.0  # pixels left for the bar itself
                if end <= low:
                    continue  # a zero bar: its label starts at the axis and needs no range
                if free > 0:
                    needed = low + (end - low) * frame.width / free
                else:
                    needed = low + 2.0 * (end - low)
                high = max(high, needed)
        for ax in axes:
            ax.set_xlim(low, high)


def grouped_bar_figure(
    categories: Sequence[str],
    names: Sequence[str],
    styles: dict[str, OutletStyle],
    solid: np.ndarray,
    labels: Sequence[Sequence[str]],
    *,
    axis_labels: tuple[str, str],
    title: str,
    hatched: np.ndarray | None = None,
    kinds: tuple[str, str] = ("bar", "quoted"),
    own_words: str | None = None,
) -> Figure:
    """A one-panel figure of :func:`grouped_barh`: ``axis_labels`` (x, y), ``title``, outlets
    (and, given ``own_words``, the two voices) in a side legend, value labels fitted."""
    with figure_style():
        fig = new_figure(8.5, grouped_height(len(categories), len(names)))
        ax = fig.subplots()
        grouped_barh(ax, categories, names, styles, solid, labels, hatched=hatched, kinds=kinds)
        ends = solid if hatched is None else solid + hatched
        ax.set_xlim(0, max(float(np.max(ends)), 1.0))
        ax.set_xlabel(axis_labels[0])
        ax.set_ylabel(axis_labels[1])
        fig.suptitle(title)
        handles = outlet_handles(names, styles)
        if own_words is None:
            side_legend(ax, handles, "Outlet")
        else:
            side_legend(ax, handles + voice_handles(own_words), "Outlet / voice")
    fit_value_labels(fig, [ax])
    return freeze_layout(fig)
