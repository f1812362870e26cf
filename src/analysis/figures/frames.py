"""Frame figure: the share of each outlet's sentences that use each frame."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.bars import grouped_bar_figure
from analysis.figures.style import (
    check_table,
    check_unique,
    format_percent,
    numeric,
    styles_for,
    wrap,
)

__all__ = ["plot_frame_profile"]


def plot_frame_profile(profile: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Grouped horizontal bars: per frame, the share of each outlet's sentences that use it.

    ``profile`` has columns ``outlet, frame, share_of_sentences`` with the share as a fraction
    between 0 and 1 (one row per outlet and frame; missing combinations count as 0). Frames
    appear in table order, first at the top; the x axis shows percent.
    """
    what = "plot_frame_profile"
    table = check_table(profile, ["outlet", "frame", "share_of_sentences"], what)
    table["frame"] = table["frame"].astype(str)
    shares = numeric(table, "share_of_sentences", what)
    if shares.isna().any():
        raise ValueError(f"{what}: column 'share_of_sentences' has missing values")
    if ((shares < 0) | (shares > 1)).any():
        raise ValueError(
            f"{what}: share_of_sentences must be a fraction between 0 and 1 "
            f"(got {float(shares.min()):g} to {float(shares.max()):g}); "
            "divide percentages by 100"
        )
    table["percent"] = 100.0 * shares
    check_unique(table, ["outlet", "frame"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    frames = list(pd.unique(table["frame"]))
    matrix = table.pivot(index="frame", columns="outlet", values="percent")
    values = matrix.reindex(index=frames, columns=names).fillna(0.0).to_numpy(dtype=float)
    labels = [[format_percent(value) for value in row] for row in values]
    return grouped_bar_figure(
        [wrap(f, 24) for f in frames],
        names,
        styles,
        values,
        labels,
        axis_labels=("Share of the outlet's sentences that use the frame (%)", "Frame"),
        title="How often does each outlet use each frame?",
    )
