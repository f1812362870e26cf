"""Tests for analysis.figures.tone: VADER tone by voice and by actor."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from analysis import figures

EVENT = ["Zeta Times", "Alpha News", "Mid Herald", "Beta Post"]
ACTORS = ["Iran", "Pakistan", "Jaish al-Adl", "Imran Khan", "United States"]


def dots(ax) -> dict[str, list]:
    """Scatter dots on ``ax`` by outlet."""
    found: dict[str, list] = {}
    for collection in ax.collections:
        label = collection.get_label()
        if label.startswith("_dot:"):
            found.setdefault(label.removeprefix("_dot:"), []).append(collection)
    return found


def tone_table(outlets: list[str]) -> pd.DataFrame:
    """Mean compound and sentence count per outlet and voice."""
    rows = [
        (outlet, voice, round(-0.4 + 0.2 * i + 0.3 * j, 2), 5 + 10 * i + j)
        for i, outlet in enumerate(outlets)
        for j, voice in enumerate(["narration", "quoted"])
    ]
    return pd.DataFrame(rows, columns=["outlet", "voice", "mean_compound", "sentences"])


def actor_table(outlets: list[str]) -> pd.DataFrame:
    """Mean compound, its interval (±0.1) and sentence count per outlet and actor; later actors
    have fewer sentences."""
    rows = [
        (outlet, actor, round(0.9 - 0.35 * j - 0.1 * i, 2), 20 - 4 * j + i)
        for i, outlet in enumerate(outlets)
        for j, actor in enumerate(ACTORS)
    ]
    table = pd.DataFrame(rows, columns=["outlet", "actor", "mean_compound", "sentences"])
    return table.assign(
        mean_compound_low=table["mean_compound"] - 0.1,
        mean_compound_high=table["mean_compound"] + 0.1,
    )


# --------------------------------------------------------------------------- tone by voice


@pytest.mark.parametrize("n", [2, 3])
def test_tone_dots_rows_sizes_labels(n: int) -> None:
    outlets = EVENT[:n]
    table = tone_table(outlets)
    fig = figures.plot_tone(table, outlets=EVENT)
    ax = fig.axes[0]
    ticks = [tick.get_text() for tick in ax.get_yticklabels()]
    assert [tick.split("\n")[0] for tick in ticks] == ["narration", "quoted"]
    found = dots(ax)
    assert sorted(found) == sorted(outlets)
    colours = figures.outlet_colours(EVENT)
    sizes = {}
    for outlet, collections in found.items():
        assert len(collections) == 2  # one dot per voice
        for voice, collection in zip(["narration", "quoted"], collections, strict=True):
            row = table[(table["outlet"] == outlet) & (table["voice"] == voice)].iloc[0]
            x, y = collection.get_offsets()[0]
            assert x == pytest.approx(row["mean_compound"])
            assert round(y) == ["narration", "quoted"].index(voice)  # in its voice's row
            assert np.allclose(collection.get_facecolors()[0][:3], to_rgb(colours[outlet]))
            sizes[row["sentences"]] = collection.get_sizes()[0]
    ordered = [sizes[count] for count in sorted(sizes)]
    assert ordered == sorted(ordered)  # more sentences, bigger dot
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_n-label"]
    assert len(labels) == 2 * n
    assert all("n = " in label for label in labels)
    assert ax.get_xlim()[0] <= -1 and ax.get_xlim()[1] >= 1
    assert any(line.get_xdata()[0] == 0 for line in ax.lines)  # zero line
    assert [t.get_text() for t in ax.get_legend().get_texts()] == sorted(outlets)


def test_tone_dots_of_one_row_do_not_share_a_height() -> None:
    table = tone_table(["A", "B", "C"]).assign(mean_compound=0.1)
    found = dots(figures.plot_tone(table).axes[0])
    heights = [found[o][0].get_offsets()[0][1] for o in ["A", "B", "C"]]
    assert len(set(heights)) == 3
    assert heights == sorted(heights)  # fixed order, no random jitter


def test_tone_missing_mean_gets_note_instead_of_dot() -> None:
    table = tone_table(["A", "B"])
    table.loc[(table["outlet"] == "B") & (table["voice"] == "quoted"), "mean_compound"] = np.nan
    ax = figures.plot_tone(table).axes[0]
    assert len(dots(ax)["B"]) == 1
    assert "B: no sentences" in [t.get_text() for t in ax.texts]


def test_tone_rejects_bad_input() -> None:
    table = tone_table(["A", "B"])
    with pytest.raises(ValueError, match="empty"):
        figures.plot_tone(table.iloc[0:0])
    with pytest.raises(ValueError, match="lacks column"):
        figures.plot_tone(table.drop(columns="sentences"))
    with pytest.raises(ValueError, match="voice must be one of"):
        figures.plot_tone(table.assign(voice="reported"))
    with pytest.raises(ValueError, match="between -1 and 1"):
        figures.plot_tone(table.assign(mean_compound=1.5))
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_tone(pd.concat([table, table.iloc[:1]]))


# --------------------------------------------------------------------------- tone by actor


@pytest.mark.parametrize("n", [2, 3])
def test_actor_tone_top_actors_and_dots(n: int) -> None:
    outlets = EVENT[:n]
    table = actor_table(outlets)
    fig = figures.plot_actor_tone(table, outlets=EVENT, top_n=3)
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ACTORS[:3]
    assert "3 most discussed of 5" in ax.get_ylabel()
    found = dots(ax)
    assert sorted(found) == sorted(outlets)
    assert all(len(collections) == 3 for collections in found.values())
    colours = figures.outlet_colours(EVENT)
    for outlet, collections in found.items():
        assert np.allclose(collections[0].get_facecolors()[0][:3], to_rgb(colours[outlet]))
        rows = [round(c.get_offsets()[0][1]) for c in collections]
        assert rows == [0, 1, 2]
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_n-label"]
    assert len(labels) == 3 * n


def test_actor_tone_missing_outlet_actor_has_no_dot() -> None:
    table = actor_table(["A", "B"])
    table = table[~((table["outlet"] == "B") & (table["actor"] == "Iran"))]
    ax = figures.plot_actor_tone(table).axes[0]
    assert len(dots(ax)["A"]) == len(ACTORS)
    assert len(dots(ax)["B"]) == len(ACTORS) - 1
    assert ax.get_ylabel() == "Actor"  # every actor shown


def intervals(ax) -> dict[str, list[tuple[float, float]]]:
    """Error bars on ``ax`` by outlet, as (low, high)."""
    found: dict[str, list[tuple[float, float]]] = {}
    for container in ax.containers:
        label = container.get_label()
        if label.startswith("_interval:"):
            segment = container.lines[2][0].get_segments()[0]
            bounds = (round(float(segment[0][0]), 6), round(float(segment[1][0]), 6))
            found.setdefault(label.removeprefix("_interval:"), []).append(bounds)
    return found


def test_actor_tone_intervals_and_faded_thin_evidence() -> None:
    table = actor_table(["A", "B"])
    thin = (table["outlet"] == "B") & (table["actor"] == "Iran")
    table.loc[thin, ["sentences", "mean_compound_low", "mean_compound_high"]] = [1, np.nan, np.nan]
    ax = figures.plot_actor_tone(table).axes[0]
    bars = intervals(ax)
    assert len(bars["A"]) == len(ACTORS) and len(bars["B"]) == len(ACTORS) - 1
    rows_a = table[table["outlet"] == "A"]
    expected = zip(
        rows_a["mean_compound_low"].round(6), rows_a["mean_compound_high"].round(6), strict=True
    )
    assert sorted(bars["A"]) == sorted(expected)
    faded = [d for d in dots(ax)["B"] if d.get_alpha() is not None]
    assert len(faded) == 1 and faded[0].get_alpha() < 0.5
    iran = [t.get_text() for t in ax.get_yticklabels()].index("Iran")
    assert round(faded[0].get_offsets()[0][1]) == iran  # the thin pair: B about Iran
    assert all(d.get_alpha() is None for d in dots(ax)["A"])
    assert "fewer than 3 sentences" in ax.get_xlabel()


def test_actor_tone_rejects_bad_input() -> None:
    table = actor_table(["A", "B"])
    assert (
        figures.plot_actor_tone(table.iloc[0:0]).axes == []
    )  # no rows: one line of text, no chart
    with pytest.raises(ValueError, match=r"lacks column.*'actor'"):
        figures.plot_actor_tone(table.drop(columns="actor"))
    with pytest.raises(ValueError, match="top_n"):
        figures.plot_actor_tone(table, top_n=0)
    with pytest.raises(ValueError, match="no values"):
        figures.plot_actor_tone(table.assign(mean_compound=np.nan))


@pytest.mark.parametrize(
    ("plot", "table"),
    [(figures.plot_tone, tone_table(EVENT)), (figures.plot_actor_tone, actor_table(EVENT))],
)
def test_tone_figures_are_byte_identical(tmp_path: Path, plot, table: pd.DataFrame) -> None:
    previewed = plot(table)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / "tone")
    second = figures.save_figure(plot(table), tmp_path / "b" / "tone")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_actor_tone_of_an_event_without_actors_is_one_line() -> None:
    columns = ["outlet", "actor", "mean_compound", "mean_compound_low", "mean_compound_high"]
    fig = figures.plot_actor_tone(pd.DataFrame(columns=[*columns, "sentences"]))
    assert fig.axes == []
    assert len(fig.texts) == 1 and "No actor is named" in fig.texts[0].get_text()
