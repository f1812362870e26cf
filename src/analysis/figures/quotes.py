"""Quotation figures: whose words each outlet quotes, and which reporting verbs it uses."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.bars import fit_value_labels, grouped_bar_figure, outlet_bar, value_label
from analysis.figures.style import (
    check_table,
    check_top_n,
    counts,
    figure_style,
    format_percent,
    freeze_layout,
    is_empty_with,
    new_figure,
    one_line_figure,
    styles_for,
    text_column,
    wrap,
)
from analysis.schema import SPEECH_KINDS
from analysis.tables.speech_shares import SPEECH_SHARE_DEFINITION, quoted_word_shares

__all__ = ["OTHERS", "UNATTRIBUTED", "plot_quote_shares", "plot_verb_classes"]

#: Speaker name for quotations without an attributed speaker.
UNATTRIBUTED = "unattributed"

#: Bar that collects the speakers beyond ``top_n``.
OTHERS = "others"


def _speaker_shares(shares: pd.DataFrame, top_n: int) -> pd.Series:
    """Share (%) per speaker of one outlet, largest first (ties by name); beyond ``top_n`` merged.

    ``shares`` are :func:`quoted_word_shares` rows of one outlet. The merged bar is called
    ``"others (k speakers)"`` and gets the sum of their shares; a single leftover keeps its name.
    """
    percent = 100.0 * shares.set_index("speaker")["share_of_quoted_words"].astype(float)
    percent = percent.sort_index().sort_values(ascending=False, kind="stable")
    if len(percent) <= top_n + 1:
        return percent
    rest = percent.iloc[top_n:]
    merged = pd.Series({f"{OTHERS} ({len(rest)} speakers)": float(rest.sum())})
    return pd.concat([percent.iloc[:top_n], merged])


def plot_quote_shares(
    quotes: pd.DataFrame, *, outlets: Iterable[str] | None = None, top_n: int = 6
) -> Figure:
    """One panel per outlet: share of the outlet's quoted words that each speaker gets.

    ``quotes`` has one row per quotation with columns ``outlet, speaker, kind, words`` (and
    ``verb_class``). The shares are :func:`analysis.tables.speech_shares.quoted_word_shares` (the
    ``speakers.csv`` shares when ``speaker`` is the actor): direct, partial and indirect speech
    count, not indirect reports of thoughts, stances or topics; an empty speaker counts as
    ``"unattributed"``. Each panel shows the ``top_n`` speakers by share, the rest merged as
    "others", largest at the top, with the share printed after each bar; the definition is the
    figure's note.
    """
    what = "plot_quote_shares"
    required = ["outlet", "speaker", "kind", "words"]
    if is_empty_with(quotes, required):
        return one_line_figure("No outlet quotes or reports anyone's words in this event.")
    optional = ["verb_class"] if isinstance(quotes, pd.DataFrame) and "verb_class" in quotes else []
    table = check_table(quotes, required + optional, what)
    check_top_n(top_n, what)
    table["kind"] = text_column(table, "kind").str.lower()
    table["speaker"] = text_column(table, "speaker").replace("", UNATTRIBUTED)
    table["words"] = counts(table, "words", what)
    shares = quoted_word_shares(table, "speaker")
    if shares.empty:  # e.g. only scare quotes: nobody's words are reported
        return one_line_figure(
            f"No speech ({', '.join(SPEECH_KINDS)}) in this event; "
            f"quotation kinds found: {', '.join(sorted(set(table['kind'])))}."
        )

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    per_outlet = {name: _speaker_shares(shares[shares["outlet"] == name], top_n) for name in names}
    totals = shares.groupby("outlet")["quoted_words"].sum()
    nrows = math.ceil(len(names) / 3)
    ncols = math.ceil(len(names) / nrows)  # balanced rows: 4 outlets as 2 x 2, not 3 + 1
    most_bars = max(max(len(words) for words in per_outlet.values()), 1)
    with figure_style():
        fig = new_figure(3.9 * ncols + 0.6, nrows * (0.7 + 0.3 * most_bars) + 0.9)
        axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
        for ax, name in zip(axes, names, strict=False):
            percent = per_outlet[name]
            total = float(totals.get(name, 0))
            style = styles[name]
            ax.set_title(f"{name}: {total:,.0f} quoted words", loc="left")
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", length=0)
            if total <= 0:
                ax.set_yticks([])
                ax.text(
                    0.5,
                    0.5,
                    "no quoted speech",
                    transform=ax.transAxes,
                    ha="center",
                    va="center",
                    color="grey",
                )
                continue
            positions = np.arange(len(percent))
            for position, speaker, share in zip(positions, percent.index, percent, strict=True):
                outlet_bar(ax, position, share, style, 0.7, label=f"_speaker:{speaker}")
                value_label(ax, format_percent(share), share, position, fontsize=7.5)
            ax.set_yticks(positions, [wrap(str(speaker), 26) for speaker in percent.index])
            for tick, speaker in zip(ax.get_yticklabels(), percent.index, strict=True):
                if speaker == UNATTRIBUTED or str(speaker).startswith(f"{OTHERS} ("):
                    tick.set_fontstyle("italic")
            ax.set_ylim(most_bars - 0.5, -0.5)  # largest share at the top, same bar size
        for ax in axes[len(names) :]:
            fig.delaxes(ax)
        peaks = [float(p.max()) for p in per_outlet.values() if len(p) and p.sum() > 0]
        axes[0].set_xlim(0, max(peaks, default=1.0))
        for index, ax in enumerate(axes[: len(names)]):
            ax.xaxis.set_tick_params(labelbottom=True)
            if index + ncols >= len(names):  # nothing below this panel
                ax.set_xlabel("Share of the outlet's quoted words (%)")
        fig.suptitle("Whose words does each outlet quote?")
        note = wrap(f"Bars: {SPEECH_SHARE_DEFINITION}.", int(14 * fig.get_figwidth()))
        fig.supxlabel(note, fontsize=8, color="grey")
    fit_value_labels(fig, axes[: len(names)])
    return freeze_layout(fig)


def plot_verb_classes(quotes: pd.DataFrame, *, outlets: Iterable[str] | None = None) -> Figure:
    """Grouped horizontal bars: how many quotations each outlet introduces with each verb class.

    ``quotes`` has columns ``outlet, verb_class`` (one row per quotation); rows with an empty
    ``verb_class`` are ignored. Classes are sorted by their total count (most used at the top);
    each bar is labelled with the count and its share of the outlet's classified quotations.
    """
    what = "plot_verb_classes"
    if is_empty_with(quotes, ["outlet", "verb_class"]):
        return one_line_figure("No quotation in this event, so no attribution verb.")
    table = check_table(quotes, ["outlet", "verb_class"], what)
    table["verb_class"] = text_column(table, "verb_class")
    used = table[table["verb_class"] != ""]
    if used.empty:
        return one_line_figure("No quotation in this event is introduced by a classified verb.")

    styles = styles_for(table, outlets)
    names = sorted(set(table["outlet"]))
    matrix = pd.crosstab(used["verb_class"], used["outlet"]).reindex(columns=names, fill_value=0)
    totals = matrix.sum(axis=1)
    order = sorted(matrix.index, key=lambda verb_class: (-int(totals[verb_class]), verb_class))
    matrix = matrix.loc[order]
    values = matrix.to_numpy(dtype=float)
    per_outlet = values.sum(axis=0)
    labels = [
        [
            f"{count:,.0f} ({format_percent(100.0 * count / per_outlet[i])})" if count else "0"
            for i, count in enumerate(row)
        ]
        for row in values
    ]
    return grouped_bar_figure(
        [wrap(c, 24) for c in order],
        names,
        styles,
        values,
        labels,
        axis_labels=(
            "Number of quotations (in brackets: share of the outlet's quotations)",
            "Reporting-verb class",
        ),
        title="Which reporting verbs does each outlet use to introduce quotations?",
    )
