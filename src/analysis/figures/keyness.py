"""Distinctive-words figure: fightin'-words z-scores against term frequency, labelled points.

Follows Monroe, Colaresi & Quinn (2008), *Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict*, Political Analysis 16(4),
372-403 (their Fig. 1-style plot: z-score against total term frequency). The labels of the most
distinctive terms are placed deterministically by :func:`_label_points`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from analysis.figures.style import (
    DARK_GREY,
    EDGE,
    GREY,
    OutletStyle,
    check_table,
    check_unique,
    figure_style,
    freeze_layout,
    new_figure,
    numeric,
    point_handle,
    styles_for,
)

__all__ = ["SIGNIFICANCE_Z", "plot_fightin_words"]

#: Two-sided 5 % threshold for the fightin'-words z-scores.
SIGNIFICANCE_Z = 1.96

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


# --------------------------------------------------------------------------- label placement


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
            arrowprops={"arrowstyle": "-", "color": DARK_GREY, "linewidth": 0.5, "shrinkA": 0}
            if leader
            else None,
        )
        annotation.set_in_layout(False)


# --------------------------------------------------------------------------- figure


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
    table = check_table(table, columns, what)
    if top_n < 0:
        raise ValueError(f"{what}: top_n must be >= 0, got {top_n}")
    table["term"] = table["term"].astype(str)
    for column in columns[2:]:
        table[column] = numeric(table, column, what)
    check_unique(table, ["outlet", "term"], what)
    table["total"] = table["count_outlet"] + table["count_rest"]
    usable = table[np.isfinite(table["z"]) & (table["total"] > 0)]
    if usable.empty:
        raise ValueError(f"{what}: no term has a finite z and a positive total count")

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    ncols = min(len(names), 3)
    nrows = math.ceil(len(names) / ncols)
    z_low, z_high = float(usable["z"].min()), float(usable["z"].max())
    z_low, z_high = min(z_low, -SIGNIFICANCE_Z), max(z_high, SIGNIFICANCE_Z)
    z_pad = 0.08 * (z_high - z_low)
    x_low, x_high = float(usable["total"].min()), float(usable["total"].max())

    with figure_style():
        fig = new_figure(4.3 * ncols + 0.4, 3.9 * nrows + 0.9)
        axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False).ravel()
        for ax, name in zip(axes, names, strict=False):
            _draw_panel(ax, usable[usable["outlet"] == name], styles[name], name)
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

        handles = _legend_handles(names, styles)
        fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3))
        if top_n:
            _label_top_terms(fig, axes, names, usable, top_n)
    return freeze_layout(fig)


def _draw_panel(ax: Any, rows: pd.DataFrame, style: OutletStyle, name: str) -> None:
    """One outlet's terms: grey, dark grey or outlet-coloured by z; the ±1.96 lines; log x."""
    groups = [
        (rows["z"].abs() < SIGNIFICANCE_Z, GREY, "o", "not-distinctive"),
        (rows["z"] <= -SIGNIFICANCE_Z, DARK_GREY, "o", "leans-to-rest"),
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
            edgecolors=EDGE if kind == "leans-to-outlet" else "none",
            linewidths=0.3,
            alpha=0.9,
            label=f"_{kind}",
            zorder=3 if kind == "leans-to-outlet" else 2,
        )
    for level in (SIGNIFICANCE_Z, -SIGNIFICANCE_Z):
        ax.axhline(level, color=DARK_GREY, linestyle="--", linewidth=0.8, zorder=1)
    ax.axhline(0, color=GREY, linewidth=0.6, zorder=0)
    ax.set_xscale("log")
    ax.set_title(f"{name} vs. all other outlets")
    if rows.empty:
        ax.text(0.5, 0.5, "no terms", transform=ax.transAxes, ha="center", color="grey")


def _legend_handles(names: list[str], styles: dict[str, OutletStyle]) -> list[Any]:
    """Legend entries: grey, dark grey, the ±1.96 line, then each outlet's colour and marker."""
    handles = [
        point_handle(GREY, "o", "not distinctive (|z| < 1.96)"),
        point_handle(DARK_GREY, "o", "typical of the other outlets (z \u2264 \u22121.96)"),
        Line2D([], [], linestyle="--", color=DARK_GREY, label="z = \u00b11.96 (5 % level)"),
    ]
    return handles + [
        point_handle(styles[n].colour, styles[n].marker, f"typical of {n} (z \u2265 1.96)")
        for n in names
    ]


def _label_top_terms(
    fig: Figure, axes: Sequence[Any], names: list[str], usable: pd.DataFrame, top_n: int
) -> None:
    """Label the ``top_n`` terms by z of each panel, placed around the other points."""
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
