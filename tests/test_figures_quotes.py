"""Tests for analysis.figures.quotes: whose words are quoted, reporting-verb classes."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis import figures
from analysis.tables.framing import speaking_table

EVENT = ["Zeta Times", "Alpha News", "Mid Herald", "Beta Post"]


def same_color(a, b) -> bool:
    """Same RGB colour, ignoring alpha."""
    return np.allclose(to_rgb(a), to_rgb(b))


def bars(ax) -> list[Rectangle]:
    """Bar rectangles drawn on ``ax``."""
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def texts(ax, label: str) -> list[str]:
    """Texts of the annotations on ``ax`` with the given artist label."""
    return [text.get_text() for text in ax.texts if text.get_label() == label]


def quotes_table(outlets: list[str]) -> pd.DataFrame:
    """Quotations: outlet i has 3 + i named speakers, an unattributed one, indirect noise."""
    rows = []
    for i, outlet in enumerate(outlets):
        for k in range(3 + i):
            rows.append((outlet, f"Speaker {k}", "direct" if k % 2 else "partial", 40 - 5 * k))
        rows.append((outlet, "", "direct", 8))
        rows.append((outlet, None, "partial", 2))
        rows.append((outlet, "Speaker 0", "indirect", 5))  # speech too (SPEECH_KINDS)
        rows.append((outlet, "Speaker 1", "scare", 500))  # not speech: ignored
    table = pd.DataFrame(rows, columns=["outlet", "speaker", "kind", "words"])
    table["verb_class"] = [
        ["neutral", "assertive", "", "disputing"][k % 4] for k in range(len(table))
    ]
    return table


# --------------------------------------------------------------------------- quote shares


@pytest.mark.parametrize("n", [2, 3])
def test_quote_shares_panels_bars_labels_colours(n: int) -> None:
    outlets = EVENT[:n]
    table = quotes_table(outlets)
    fig = figures.plot_quote_shares(table, outlets=EVENT)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == n
    colours = figures.outlet_colours(EVENT)
    for ax, outlet in zip(fig.axes, sorted(outlets), strict=True):
        i = outlets.index(outlet)
        drawn = bars(ax)
        assert len(drawn) == 3 + i + 1  # named speakers + unattributed, all within top_n=6
        assert all(same_color(bar.get_facecolor(), colours[outlet]) for bar in drawn)
        assert sum(bar.get_width() for bar in drawn) == pytest.approx(100.0, abs=1e-3)  # rounded
        widths = [bar.get_width() for bar in drawn]
        assert widths == sorted(widths, reverse=True)  # largest share at the top
        shares = texts(ax, "_value-label")
        assert len(shares) == len(drawn)
        assert all(share.endswith(" %") for share in shares)
        ticks = [tick.get_text() for tick in ax.get_yticklabels()]
        assert "unattributed" in ticks
        assert ax.get_title(loc="left").startswith(outlet)
        speech = table[(table["outlet"] == outlet) & (table["kind"] != "scare")]
        assert f"{speech['words'].sum():,}" in ax.get_title(loc="left")
    assert fig.texts[0].get_text() == "Whose words does each outlet quote?"


def test_quote_shares_counts_words_not_quotations() -> None:
    table = pd.DataFrame(
        [("A", "Khan", "direct", 30), ("A", "Khan", "partial", 30), ("A", "Rouhani", "direct", 40)],
        columns=["outlet", "speaker", "kind", "words"],
    )
    ax = figures.plot_quote_shares(table).axes[0]
    assert [bar.get_width() for bar in bars(ax)] == pytest.approx([60.0, 40.0])
    assert texts(ax, "_value-label") == ["60 %", "40 %"]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["Khan", "Rouhani"]


def test_quote_shares_equal_the_speakers_table_for_every_speaker() -> None:
    """One definition: the figure's bar for an actor is that actor's speakers.csv share."""
    quotes = pd.DataFrame(
        [
            ("A", "Khan", "direct", 30),
            ("A", "Khan", "indirect", 30),
            ("A", "Rouhani", "partial", 20),
            ("A", "Rouhani", "indirect", 10),
            ("A", "", "indirect", 10),
            ("A", "Rouhani", "scare", 99),
        ],
        columns=["outlet", "actor", "kind", "words"],
    ).assign(quote=range(6))
    table = speaking_table(quotes).set_index("actor")["share_of_quoted_words"]
    ax = figures.plot_quote_shares(quotes.assign(speaker=quotes["actor"])).axes[0]
    drawn = {bar.get_label().removeprefix("_speaker:"): bar.get_width() for bar in bars(ax)}
    assert drawn.pop("unattributed") == pytest.approx(10.0)
    assert drawn == pytest.approx({actor: 100 * share for actor, share in table.items()})
    assert "indirect" in ax.figure.get_supxlabel()  # the definition is stated on the figure


def test_quote_shares_merges_speakers_beyond_top_n() -> None:
    rows = [("A", f"S{k}", "direct", 10 - k) for k in range(6)]
    table = pd.DataFrame(rows, columns=["outlet", "speaker", "kind", "words"])
    ax = figures.plot_quote_shares(table, top_n=3).axes[0]
    ticks = [tick.get_text() for tick in ax.get_yticklabels()]
    assert ticks == ["S0", "S1", "S2", "others (3 speakers)"]
    assert bars(ax)[-1].get_width() == pytest.approx(100 * (7 + 6 + 5) / 45)
    # a single leftover speaker keeps its own name instead of becoming "others"
    ax = figures.plot_quote_shares(table, top_n=5).axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()][-1] == "S5"


def test_quote_shares_outlet_without_speech_gets_a_note() -> None:
    table = pd.DataFrame(
        [("A", "Khan", "direct", 10), ("B", "Khan", "scare", 10)],
        columns=["outlet", "speaker", "kind", "words"],
    )
    fig = figures.plot_quote_shares(table)
    assert len(fig.axes) == 2
    assert not bars(fig.axes[1])
    assert any("no quoted speech" in text.get_text() for text in fig.axes[1].texts)


def test_quote_shares_rejects_bad_input() -> None:
    table = quotes_table(["A", "B"])
    assert figures.plot_quote_shares(table.iloc[0:0]).axes == []  # no rows: one line of text
    with pytest.raises(ValueError, match=r"lacks column.*'words'"):
        figures.plot_quote_shares(table.drop(columns="words"))
    only_scare = figures.plot_quote_shares(table.assign(kind="scare"))
    assert (
        only_scare.axes == []
        and "No speech (direct, partial, indirect)" in only_scare.texts[0].get_text()
    )
    with pytest.raises(ValueError, match="negative"):
        figures.plot_quote_shares(table.assign(words=-1))
    with pytest.raises(ValueError, match="top_n"):
        figures.plot_quote_shares(table, top_n=0)


# --------------------------------------------------------------------------- verb classes


@pytest.mark.parametrize("n", [2, 3])
def test_verb_classes_bars_labels_colours(n: int) -> None:
    outlets = EVENT[:n]
    table = quotes_table(outlets)
    fig = figures.plot_verb_classes(table, outlets=EVENT)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    used = table[table["verb_class"] != ""]
    classes = used["verb_class"].value_counts()
    expected_order = sorted(classes.index, key=lambda c: (-classes[c], c))
    assert [tick.get_text() for tick in ax.get_yticklabels()] == expected_order
    drawn = bars(ax)
    assert len(drawn) == len(expected_order) * n
    colours = figures.outlet_colours(EVENT)
    for bar in drawn:
        outlet = bar.get_label().split(":", 1)[1]
        assert same_color(bar.get_facecolor(), colours[outlet])
    assert sum(bar.get_width() for bar in drawn) == len(used)
    assert len(texts(ax, "_value-label")) == len(drawn)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == sorted(outlets)


def test_verb_classes_counts_and_share_labels() -> None:
    table = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B", "B"],
            "verb_class": ["neutral", "neutral", "disputing", "disputing", None],
        }
    )
    ax = figures.plot_verb_classes(table).axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["disputing", "neutral"]
    assert [bar.get_width() for bar in bars(ax)] == [1, 1, 2, 0]
    assert texts(ax, "_value-label") == ["1 (33 %)", "1 (100 %)", "2 (67 %)", "0"]


def test_verb_classes_rejects_bad_input() -> None:
    table = quotes_table(["A", "B"])
    assert figures.plot_verb_classes(table.iloc[0:0]).axes == []
    with pytest.raises(ValueError, match="lacks column"):
        figures.plot_verb_classes(table.drop(columns="verb_class"))
    assert figures.plot_verb_classes(table.assign(verb_class="")).axes == []


# --------------------------------------------------------------------------- saving


@pytest.mark.parametrize("plot", [figures.plot_quote_shares, figures.plot_verb_classes])
def test_quote_figures_are_byte_identical(tmp_path: Path, plot) -> None:
    table = quotes_table(EVENT[:3])
    previewed = plot(table, outlets=EVENT)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / "fig")
    second = figures.save_figure(plot(table, outlets=EVENT), tmp_path / "b" / "fig")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_events_without_quotations_get_one_line_figures() -> None:
    """Two articles that quote nobody: both quote figures say so instead of failing notebook 03."""
    shares = figures.plot_quote_shares(pd.DataFrame(columns=["outlet", "speaker", "kind", "words"]))
    verbs = figures.plot_verb_classes(pd.DataFrame(columns=["outlet", "verb_class"]))
    for fig in (shares, verbs):
        assert fig.axes == [] and len(fig.texts) == 1


@pytest.mark.parametrize("outlets", [1, 2, 3])
def test_quote_shares_note_fits_in_the_figure(outlets: int) -> None:
    quotes = pd.DataFrame(
        [(f"Outlet {k}", "Khan", "direct", 30) for k in range(outlets)],
        columns=["outlet", "speaker", "kind", "words"],
    )
    fig = figures.plot_quote_shares(quotes)
    renderer = fig.canvas.get_renderer()
    [note] = [t.get_window_extent(renderer) for t in fig.texts if t.get_text().startswith("Bars:")]
    page = fig.bbox
    assert page.x0 <= note.x0 and note.x1 <= page.x1 and page.y0 <= note.y0
