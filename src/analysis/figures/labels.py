"""Label-family figure: how often each outlet uses each family, in narration or in quotes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.figures.style import (
    EDGE,
    QUOTED_HATCH,
    SEPARATOR,
    VOICES,
    check_table,
    check_unique,
    check_voices,
    figure_style,
    freeze_layout,
    hatch_colour,
    new_figure,
    numeric,
    styles_for,
)

__all__ = ["VOICES", "plot_label_families"]


def plot_label_families(table: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Horizontal bars per label family, one bar per outlet: narration solid, quoted hatched.

    ``table`` has columns ``outlet, family, voice, count`` with voice in {"narration",
    "quoted"}. Families appear in table order, including families whose counts are all zero;
    missing outlet/family/voice combinations count as zero.
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
        fig = new_figure(9.5, 1.3 + len(families) * (0.19 * len(names) + 0.22))
        ax = fig.subplots()
        for group, family in enumerate(families):
            for index, name in enumerate(names):
                style = styles[name]
                y = group - 0.4 + slot * (index + 0.5)
                narration, quoted = (float(v) for v in counts.loc[(family, name), list(VOICES)])
                common = {"height": slot * 0.9, "color": style.colour, "edgecolor": EDGE}
                solid = ax.barh(y, narration, hatch=style.hatch, linewidth=0.5, **common)
                hatched = ax.barh(
                    y,
                    quoted,
                    left=narration,
                    hatch=style.hatch + QUOTED_HATCH,
                    hatchcolor=hatch_colour(style.colour),
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
                    color=EDGE,
                    label="_count-label",
                )
            if group:
                ax.axhline(group - 0.5, color=SEPARATOR, linewidth=0.6)
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
            Patch(facecolor="white", edgecolor=EDGE, label="solid: narration (own voice)"),
            Patch(
                facecolor="white",
                edgecolor=EDGE,
                hatch=QUOTED_HATCH,
                label="hatched: inside quotation marks",
            ),
        ]
        fig.legend(handles=handles, loc="outside right upper", title="Outlet / voice")
    return freeze_layout(fig)
