"""Tests for analysis.figures.actors: mentions per actor, the quoted part hatched."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle

from analysis import figures

EVENT = ["Zeta Times", "Alpha News", "Mid Herald", "Beta Post"]
ACTORS = ["Iran", "Pakistan", "Jaish al-Adl", "Imran Khan", "United States"]


def bars(ax) -> list[Rectangle]:
    """Bar rectangles drawn on ``ax``."""
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def actors_table(outlets: list[str]) -> pd.DataFrame:
    """Mentions per outlet and actor (later actors fewer), some of them inside quotes."""
    rows = [
        (outlet, actor, 20 - 3 * j + i, (i + j) % 3)
        for i, outlet in enumerate(outlets)
        for j, actor in enumerate(ACTORS)
    ]
    return pd.DataFrame(rows, columns=["outlet", "actor", "mentions", "quoted_mentions"])


@pytest.mark.parametrize("n", [2, 3])
def test_actor_mentions_bars_hatches_labels(n: int) -> None:
    outlets = EVENT[:n]
    table = actors_table(outlets)
    fig = figures.plot_actor_mentions(table, outlets=EVENT, top_n=4)
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ACTORS[:4]
    assert "4 most mentioned of 5" in ax.get_ylabel()
    drawn = bars(ax)
    assert len(drawn) == 4 * n * 2
    unquoted = [bar for bar in drawn if bar.get_label().startswith("_unquoted:")]
    quoted = [bar for bar in drawn if bar.get_label().startswith("_quoted:")]
    assert len(unquoted) == len(quoted) == 4 * n
    assert all(not bar.get_hatch() for bar in unquoted)
    assert all(figures.QUOTED_HATCH in bar.get_hatch() for bar in quoted)
    colours = figures.outlet_colours(EVENT)
    for solid, hatched in zip(unquoted, quoted, strict=True):
        outlet = solid.get_label().split(":", 1)[1]
        assert np.allclose(solid.get_facecolor()[:3], to_rgb(colours[outlet]))
        assert hatched.get_x() == pytest.approx(solid.get_width())  # stacked after the solid part
    first = table[(table["actor"] == "Iran") & (table["outlet"] == sorted(outlets)[0])].iloc[0]
    assert unquoted[0].get_width() + quoted[0].get_width() == first["mentions"]
    assert quoted[0].get_width() == first["quoted_mentions"]
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_value-label"]
    assert len(labels) == 4 * n
    assert any("quoted" in label for label in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:n] == sorted(outlets)
    assert any("quotation marks" in text for text in legend)


def test_actor_mentions_label_text_and_missing_rows() -> None:
    table = pd.DataFrame(
        [("A", "Iran", 12, 4), ("A", "Pakistan", 3, 0), ("B", "Pakistan", 1, 1)],
        columns=["outlet", "actor", "mentions", "quoted_mentions"],
    )
    ax = figures.plot_actor_mentions(table).axes[0]
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_value-label"]
    assert labels == ["12 (4 quoted)", "0", "3", "1 (1 quoted)"]
    assert ax.get_ylabel() == "Actor"


def test_actor_mentions_rejects_bad_input() -> None:
    table = actors_table(["A", "B"])
    assert (
        figures.plot_actor_mentions(table.iloc[0:0]).axes == []
    )  # no rows: one line of text, no chart
    with pytest.raises(ValueError, match=r"lacks column.*'quoted_mentions'"):
        figures.plot_actor_mentions(table.drop(columns="quoted_mentions"))
    with pytest.raises(ValueError, match="quoted_mentions exceeds mentions"):
        figures.plot_actor_mentions(table.assign(quoted_mentions=100))
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_actor_mentions(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match="missing values"):
        figures.plot_actor_mentions(table.assign(mentions=np.nan))


def test_actor_mentions_is_byte_identical(tmp_path: Path) -> None:
    table = actors_table(EVENT[:3])
    previewed = figures.plot_actor_mentions(table)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / "actors")
    second = figures.save_figure(figures.plot_actor_mentions(table), tmp_path / "b" / "actors")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


# --------------------------------------------------------------------------- actor terms (issue 11)


def distinctive_table() -> pd.DataFrame:
    rows = [
        ("Ruritania", "narration", "Alpha", "the regime", 2.5),
        ("Ruritania", "narration", "Alpha", "the dictatorship", 1.4),
        ("Ruritania", "narration", "Beta", "the government", 2.1),
        ("Ruritania", "quoted", "Beta", "the tyrants", 3.0),
        ("Ada Lowe", "narration", "Beta", "the mayor", 1.2),
    ]
    return pd.DataFrame(rows, columns=["actor", "voice", "outlet", "term", "z"])


def test_actor_terms_panels_per_actor_and_outlet_narration_only() -> None:
    fig = figures.plot_actor_terms(distinctive_table())
    axes = fig.axes
    assert len(axes) == 2 * 2  # two actors x two outlets
    labels = {text.get_text() for ax in axes for text in ax.get_yticklabels()}
    assert {"the regime", "the dictatorship", "the government", "the mayor"} <= labels
    assert "the tyrants" not in labels  # quoted terms are not the outlet's own word choice
    assert axes[0].get_title(loc="left") == "Alpha" and axes[0].get_ylabel() == "Ruritania"


def test_actor_terms_without_rows_say_so_in_one_line() -> None:
    fig = figures.plot_actor_terms(distinctive_table().iloc[:0])
    assert not fig.axes and len(fig.texts) == 1


def test_actor_mentions_of_an_event_without_actors_is_one_line() -> None:
    """Two short articles that name no actor: the figure says so instead of failing notebook 03."""
    empty = pd.DataFrame(columns=["outlet", "actor", "mentions", "quoted_mentions"])
    fig = figures.plot_actor_mentions(empty)
    assert fig.axes == []
    assert [text.get_text() for text in fig.texts] == [
        "No actor is named in this event's articles."
    ]
    with pytest.raises(ValueError, match="lacks column"):
        figures.plot_actor_mentions(pd.DataFrame(columns=["outlet", "actor"]))
