"""Label-family figure: how often each outlet uses each family, in narration or in quotes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.bars import grouped_barh, voice_handles
from analysis.figures.style import (
    VOICES,
    check_table,
    check_unique,
    check_voices,
    figure_style,
    freeze_layout,
    new_figure,
    numeric,
    one_line_figure,
    outlet_handles,
    styles_for,
)

__all__ = ["VOICES", "plot_label_families"]


def plot_label_families(table: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Horizontal bars per label family, one bar per outlet: narration solid, quoted hatched.

    ``table`` has columns ``outlet, family, voice, count`` with voice in {"narration",
    "quoted"}. Families appear in table order; a family no outlet uses is left out, and when no
    family is used the figure says so in one line instead of drawing zeros. Missing
    outlet/family/voice combinations count as zero.
    """
    what = "plot_label_families"
    table = check_table(table, ["outlet", "family", "voice", "count"], what)
    table["family"] = table["family"].astype(str)
    table["voice"] = table["voice"].astype(str)
    check_voices(table, what)
    table["count"] = numeric(table, "count", what)
    if table["count"].isna().any():
        raise ValueError(f"{what}: column 'count' has missing values")
    check_unique(table, ["outlet", "family", "voice"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    used = table.groupby("family", sort=False)["count"].sum()
    families = [family for family in pd.unique(table["family"]) if used[family] > 0]
    if not families:
        return one_line_figure("No label from the codebooks occurs in this event.")
    counts = table.pivot_table(
        index=["family", "outlet"], columns="voice", values="count", aggfunc="sum", fill_value=0
    ).reindex(columns=list(VOICES), fill_value=0)
    counts = counts.reindex(
        pd.MultiIndex.from_product([families, names], names=["family", "outlet"]), fill_value=0
    )

    narration = counts[VOICES[0]].to_numpy(dtype=float).reshape(len(families), len(names))
    quoted = counts[VOICES[1]].to_numpy(dtype=float).reshape(len(families), len(names))
    labels = [
        [f"{n:,.0f} + {q:,.0f} quoted" if q else f"{n:,.0f}" for n, q in zip(*row, strict=True)]
        for row in zip(narration, quoted, strict=True)
    ]
    longest = max(float((narration + quoted).max()), 1.0)
    with figure_style():
        fig = new_figure(9.5, 1.3 + len(families) * (0.19 * len(names) + 0.22))
        ax = fig.subplots()
        grouped_barh(ax, families, names, styles, narration, labels, hatched=quoted, kinds=VOICES)
        ax.set_xlim(0, longest * 1.25)
        ax.set_xlabel("Number of occurrences")
        ax.set_ylabel("Label family")
        ax.set_title(
            "Which outlet uses which labels, in its own voice or only in quotes?",
            fontsize=12,
            fontweight="bold",
            loc="left",
        )
        handles = outlet_handles(names, styles) + voice_handles("narration (own voice)")
        fig.legend(handles=handles, loc="outside right upper", title="Outlet / voice")
    return freeze_layout(fig)
