"""Actor figure: how often each outlet mentions each actor, and how often inside quotes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.bars import grouped_bar_figure
from analysis.figures.style import (
    check_table,
    check_top_n,
    check_unique,
    counts,
    is_empty_with,
    one_line_figure,
    styles_for,
    top_by_total,
    wrap,
)

__all__ = ["plot_actor_mentions"]


def plot_actor_mentions(
    actors: pd.DataFrame, *, outlets: Iterable[str] | None = None, top_n: int = 12
) -> Figure:
    """Grouped horizontal bars of mentions per actor and outlet; the quoted part hatched.

    ``actors`` has columns ``outlet, actor, mentions, quoted_mentions`` (one row per outlet and
    actor; ``quoted_mentions`` is the part of ``mentions`` inside quotation marks). The
    ``top_n`` actors by mentions over all outlets are shown, most mentioned at the top; missing
    outlet/actor combinations count as zero.
    """
    what = "plot_actor_mentions"
    required = ["outlet", "actor", "mentions", "quoted_mentions"]
    if is_empty_with(actors, required):
        return one_line_figure("No actor is named in this event's articles.")
    table = check_table(actors, required, what)
    check_top_n(top_n, what)
    table["actor"] = table["actor"].astype(str)
    for column in ("mentions", "quoted_mentions"):
        table[column] = counts(table, column, what)
    too_many = table[table["quoted_mentions"] > table["mentions"]]
    if not too_many.empty:
        first = too_many.iloc[0]
        raise ValueError(
            f"{what}: quoted_mentions exceeds mentions for outlet {first['outlet']!r}, "
            f"actor {first['actor']!r}"
        )
    check_unique(table, ["outlet", "actor"], what)

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    totals, chosen = top_by_total(table, "actor", "mentions", top_n)
    index = pd.MultiIndex.from_product([chosen, names], names=["actor", "outlet"])
    grid = table.set_index(["actor", "outlet"]).reindex(index, fill_value=0.0)
    mentions = grid["mentions"].to_numpy(dtype=float).reshape(len(chosen), len(names))
    quoted = grid["quoted_mentions"].to_numpy(dtype=float).reshape(len(chosen), len(names))
    labels = [
        [f"{m:,.0f} ({q:,.0f} quoted)" if q else f"{m:,.0f}" for m, q in zip(*row, strict=True)]
        for row in zip(mentions, quoted, strict=True)
    ]
    more = len(totals) > top_n
    return grouped_bar_figure(
        [wrap(actor, 24) for actor in chosen],
        names,
        styles,
        mentions - quoted,
        labels,
        axis_labels=(
            "Number of mentions",
            f"Actor ({len(chosen)} most mentioned of {len(totals)})" if more else "Actor",
        ),
        title="Who is mentioned, and how often inside quotes?",
        hatched=quoted,
        kinds=("unquoted", "quoted"),
        own_words="in the outlet's own words",
    )
