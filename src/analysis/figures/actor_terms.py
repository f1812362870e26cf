"""Word-choice figure: for the top actors, each outlet's characteristic terms side by side."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.style import (
    check_table,
    figure_style,
    freeze_layout,
    new_figure,
    numeric,
    one_line_figure,
    styles_for,
    wrap,
)

__all__ = ["plot_actor_terms"]


def plot_actor_terms(
    terms: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    top_actors: int = 4,
    per_outlet: int = 4,
) -> Figure:
    """One row per actor (the ``top_actors`` with most distinctive terms), one panel per outlet:
    horizontal bars of the z-scores of the outlet's characteristic terms for that actor
    (Fightin' Words, one outlet against the others), narration only; an empty panel means the
    outlet has no term that sets it apart. ``terms``: the ``actor_distinctive_terms`` table
    (columns ``actor, voice, outlet, term, z``). Without any row the figure says so in one line.
    """
    what = "plot_actor_terms"
    nothing = "No actor has narration terms that set one outlet apart."
    if terms.empty and {"actor", "voice", "outlet", "term", "z"} <= set(terms.columns):
        return one_line_figure(nothing)
    table = check_table(terms, ["actor", "voice", "outlet", "term", "z"], what)
    table["z"] = numeric(table, "z", what)
    table = table[table["voice"] == "narration"]
    if table.empty:
        return one_line_figure(nothing)
    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    sizes = table.groupby("actor").size()
    actors = sorted(sizes.index, key=lambda actor: (-sizes[actor], actor))[:top_actors]
    with figure_style():
        fig = new_figure(3.2 * len(names) + 1.5, 1.6 * len(actors) + 0.9)
        axes = fig.subplots(len(actors), len(names), squeeze=False, sharex=True)
        for row, actor in enumerate(actors):
            for column, outlet in enumerate(names):
                ax = axes[row][column]
                part = table[(table["actor"] == actor) & (table["outlet"] == outlet)]
                part = part.sort_values(["z", "term"], ascending=[False, True]).head(per_outlet)
                labels = [wrap(term, 22) for term in part["term"]]
                ax.barh(range(len(part)), part["z"].to_numpy(), height=0.6,
                        color=styles[outlet].colour)  # fmt: skip
                ax.set_yticks(range(len(part)), labels, fontsize=8)
                ax.set_ylim(per_outlet - 0.4, -0.6)  # strongest term at the top
                if part.empty:
                    ax.text(0.02, 0.5, "no distinctive term", transform=ax.transAxes,
                            fontsize=8, color="0.4", va="center")  # fmt: skip
                if row == 0:
                    ax.set_title(outlet, fontsize=10, loc="left")
                if column == 0:
                    ax.set_ylabel(wrap(actor, 18), fontsize=9)
        for ax in axes[-1]:
            ax.set_xlabel("z (Fightin' Words)")
        fig.suptitle(
            "How does each outlet name and describe the main actors?",
            fontsize=12,
            fontweight="bold",
            x=0.01,
            ha="left",
        )
    return freeze_layout(fig)
