"""Tests for analysis.figures.profiles: corpus profiles and keyness with intervals over events."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import figures

CORPUS = ["Zeta Times", "Alpha News", "Mid Herald", "Beta Post"]
MEASURES = ["flesch_reading_ease", "gunning_fog", "share of words quoted", "tone_quoted"]
PROFILE_COLUMNS = ["section", "measure", "outlet", "estimate", "low", "high", "events", "articles"]
KEYNESS_COLUMNS = [
    "outlet",
    "term",
    "count_outlet",
    "count_rest",
    "delta",
    "var",
    "z",
    "low",
    "high",
]


def profile_table(outlets: list[str], measures: list[str] = MEASURES) -> pd.DataFrame:
    """One section; every interval differs, is asymmetric, and one outlet has NaN intervals
    for the second measure; the largest ``events`` is 12."""
    rows = []
    for j, measure in enumerate(measures):
        for i, outlet in enumerate(outlets):
            estimate = 10.0 * (j + 1) + 1.5 * i
            low, high = estimate - 0.5 - 0.25 * i, estimate + 1.0 + 0.125 * j
            if j == 1 and i == 1:
                low = high = np.nan
            rows.append(("style", measure, outlet, estimate, low, high, 12 - i, 40 + i))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def keyness_table(outlets: list[str], terms: int = 12) -> pd.DataFrame:
    """Fightin'-words rows per outlet, z falling with the term number, asymmetric intervals."""
    rows = []
    for i, outlet in enumerate(outlets):
        for k in range(terms):
            z = 8.0 - 0.5 * k + 0.1 * i
            low, high = z - 1.0 - 0.05 * k, z + 0.5 + 0.02 * k
            rows.append((outlet, f"{outlet[:4]}-{k}", 30 - k, 10 + k, 0.4, 0.02, z, low, high))
    return pd.DataFrame(rows, columns=KEYNESS_COLUMNS)


def markers(ax) -> dict[str, list[Line2D]]:
    """The point markers on ``ax`` by outlet, in drawing order (first row first)."""
    found: dict[str, list[Line2D]] = {}
    for line in ax.lines:
        label = line.get_label()
        if label.startswith("_point:"):
            found.setdefault(label.removeprefix("_point:"), []).append(line)
    return found


def points(ax) -> dict[str, Line2D]:
    """The estimate marker of each outlet in a profile panel (exactly one per outlet)."""
    found = markers(ax)
    assert all(len(lines) == 1 for lines in found.values()), "one point per outlet"
    return {outlet: lines[0] for outlet, lines in found.items()}


def intervals(ax) -> dict[str, list[np.ndarray]]:
    """The interval segments on ``ax`` by outlet, each a 2 x 2 array [[low, y], [high, y]]."""
    found: dict[str, list[np.ndarray]] = {}
    for collection in ax.collections:
        label = collection.get_label()
        if isinstance(collection, LineCollection) and label.startswith("_interval:"):
            segments = [np.asarray(segment) for segment in collection.get_segments()]
            found.setdefault(label.removeprefix("_interval:"), []).extend(segments)
    return found


def same_color(a, b) -> bool:
    """Same RGB colour, ignoring alpha."""
    return np.allclose(to_rgb(a), to_rgb(b))


def row_of(outlet: str, names: list[str]) -> int:
    """Row (y position) of ``outlet``: outlets are sorted by name, first at the top."""
    return sorted(names).index(outlet)


# --------------------------------------------------------------------------- profile


@pytest.mark.parametrize("n", [2, 3, 4])
def test_profile_panels_points_and_interval_extents(n: int) -> None:
    outlets = CORPUS[:n]
    table = profile_table(outlets)
    fig = figures.plot_profile(table)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == len(MEASURES)
    for ax, measure in zip(fig.axes, MEASURES, strict=True):
        rows = table[table["measure"] == measure].set_index("outlet")
        drawn = points(ax)
        bars = intervals(ax)
        assert sorted(drawn) == sorted(outlets)
        for outlet in outlets:
            row = rows.loc[outlet]
            y = row_of(outlet, outlets)
            assert drawn[outlet].get_xdata()[0] == pytest.approx(row["estimate"])
            assert drawn[outlet].get_ydata()[0] == y
            if np.isnan(row["low"]):
                assert outlet not in bars  # no bar where the interval is undefined
                continue
            (segment,) = bars[outlet]
            assert sorted(segment[:, 0]) == pytest.approx([row["low"], row["high"]])
            assert segment[:, 1].tolist() == [y, y]
    assert "Alpha News" not in intervals(fig.axes[1])  # the NaN interval of the fixture


def test_profile_titles_order_and_value_labels() -> None:
    outlets = ["B", "A", "C"]
    fig = figures.plot_profile(profile_table(outlets))
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0] == figures.MEASURE_TITLES["flesch_reading_ease"]
    assert titles[1] == figures.MEASURE_TITLES["gunning_fog"]
    assert titles[2] == "Share of words quoted"
    assert titles[3] == figures.PROFILE_TITLES["tone_quoted"]
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]  # sorted, A on top
    assert ax.get_ylim()[0] > ax.get_ylim()[1]
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_value-label"]
    assert labels == ["11.5", "10.0", "13.0"]  # drawn in table order B, A, C
    for panel in fig.axes:  # every label inside its panel's x range
        right = panel.get_xlim()[1]
        assert all(t.xy[0] < right for t in panel.texts if t.get_label() == "_value-label")


def test_profile_panels_have_own_scales() -> None:
    table = profile_table(["A", "B"])
    table.loc[table["measure"] == "tone_quoted", ["estimate", "low", "high"]] /= 1000.0
    fig = figures.plot_profile(table)
    first, last = fig.axes[0].get_xlim(), fig.axes[3].get_xlim()
    assert first[1] > 5
    assert last[1] < 1  # not stretched to the first panel's range
    text = [t.get_text() for t in fig.axes[3].texts if t.get_label() == "_value-label"]
    assert text == ["0.040", "0.042"]  # decimals chosen per panel


def test_profile_colours_follow_corpus_outlets() -> None:
    table = profile_table(["Mid Herald", "Beta Post"])
    fig = figures.plot_profile(table, outlets=CORPUS)
    colours = figures.outlet_colours(CORPUS)
    assert colours != figures.outlet_colours(["Mid Herald", "Beta Post"])  # the test can fail
    for ax in fig.axes:
        for outlet, line in points(ax).items():
            assert same_color(line.get_markerfacecolor(), colours[outlet])
            assert line.get_marker() == figures.outlet_styles(CORPUS)[outlet].marker
        for outlet in intervals(ax):
            (collection,) = [c for c in ax.collections if c.get_label() == f"_interval:{outlet}"]
            assert same_color(collection.get_colors()[0], colours[outlet])


def test_profile_footnote_counts_events() -> None:
    fig = figures.plot_profile(profile_table(["A", "B", "C"]).assign(events=[7, 12, 3] * 4))
    note = fig.get_supxlabel()
    assert "points: estimate over all articles" in note
    assert "bars: 95 % interval, bootstrap over events (12 events)" in note
    assert "no bar: interval undefined" in note  # the NaN interval of the fixture
    complete = profile_table(["A", "B", "C"]).dropna()
    assert "no bar" not in figures.plot_profile(complete).get_supxlabel()


def test_profile_one_event_draws_points_without_bars() -> None:
    table = profile_table(["A", "B", "C"]).assign(low=np.nan, high=np.nan, events=1)
    fig = figures.plot_profile(table)
    assert len(fig.axes) == len(MEASURES)
    for ax in fig.axes:
        assert intervals(ax) == {}
        assert not [c for c in ax.collections if isinstance(c, LineCollection)]
        assert sorted(points(ax)) == ["A", "B", "C"]
    note = fig.get_supxlabel()
    assert "no interval: one event" in note
    assert "bars" not in note


def test_profile_section_filter_and_title() -> None:
    style = profile_table(["A", "B"])
    tone = profile_table(["A", "B"], ["tone_narration"]).assign(section="tone")
    table = pd.concat([style, tone], ignore_index=True)
    fig = figures.plot_profile(table, section="tone")
    assert len(fig.axes) == 1
    assert fig.get_suptitle().startswith("Tone")
    both = figures.plot_profile(table, title="All of it")
    assert len(both.axes) == len(MEASURES) + 1
    assert both.get_suptitle() == "All of it"
    assert both.axes[-1].get_title().startswith("tone:")  # section named when mixed
    with pytest.raises(ValueError, match="no rows for section 'frames'"):
        figures.plot_profile(table, section="frames")


def test_profile_missing_estimate_and_outlet_get_notes() -> None:
    table = profile_table(["A", "B", "C"])
    table.loc[(table["measure"] == MEASURES[0]) & (table["outlet"] == "B"), "estimate"] = np.nan
    table = table[~((table["measure"] == MEASURES[2]) & (table["outlet"] == "C"))]
    fig = figures.plot_profile(table)
    assert sorted(points(fig.axes[0])) == ["A", "C"]
    assert "n/a" in [t.get_text() for t in fig.axes[0].texts]
    assert sorted(points(fig.axes[2])) == ["A", "B"]
    assert "no data" in [t.get_text() for t in fig.axes[2].texts]


def test_profile_many_outlets_and_measures() -> None:
    outlets = [f"Outlet {i}" for i in range(9)]  # beyond the eight colours
    measures = [f"measure_{j}" for j in range(20)]
    fig = figures.plot_profile(profile_table(outlets, measures))
    assert len(fig.axes) == 20
    geometry = fig.axes[0].get_subplotspec().get_geometry()
    assert geometry[:2] == (7, 3)  # at most three panels per row
    assert all(len(points(ax)) == 9 for ax in fig.axes)
    markers = {line.get_marker() for line in points(fig.axes[0]).values()}
    assert len(markers) == 2  # the ninth outlet repeats a colour with another marker


def test_profile_rejects_bad_input() -> None:
    table = profile_table(["A", "B"])
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['low', 'events'\]"):
        figures.plot_profile(table.drop(columns=["events", "low"]))
    with pytest.raises(ValueError, match="empty"):
        figures.plot_profile(table.iloc[0:0])
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_profile(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match="low > high"):
        figures.plot_profile(table.assign(low=table["high"] + 1))
    with pytest.raises(ValueError, match="'estimate' must be numeric"):
        figures.plot_profile(table.assign(estimate="high"))
    with pytest.raises(ValueError, match="no values"):
        figures.plot_profile(table.assign(estimate=np.nan))


# --------------------------------------------------------------------------- corpus keyness


@pytest.mark.parametrize("n", [2, 4])
def test_corpus_keyness_panels_terms_and_intervals(n: int) -> None:
    outlets = CORPUS[:n]
    table = keyness_table(outlets)
    fig = figures.plot_corpus_keyness(table, top_n=5, outlets=CORPUS)
    assert len(fig.axes) == n
    colours = figures.outlet_colours(CORPUS)
    for ax, outlet in zip(fig.axes, sorted(outlets), strict=True):
        rows = table[table["outlet"] == outlet].sort_values("z", ascending=False).head(5)
        assert ax.get_title() == f"{outlet} vs. all other outlets"
        assert [t.get_text() for t in ax.get_yticklabels()] == rows["term"].tolist()
        drawn = markers(ax)
        assert list(drawn) == [outlet]
        assert [line.get_xdata()[0] for line in drawn[outlet]] == pytest.approx(rows["z"].tolist())
        assert [line.get_ydata()[0] for line in drawn[outlet]] == list(range(5))
        assert all(
            same_color(line.get_markerfacecolor(), colours[outlet]) for line in drawn[outlet]
        )
        segments = intervals(ax)[outlet]
        assert len(segments) == 5
        for position, (segment, row) in enumerate(zip(segments, rows.itertuples(), strict=True)):
            assert sorted(segment[:, 0]) == pytest.approx([row.low, row.high])
            assert segment[:, 1].tolist() == [position, position]
        reference = [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == "--"]
        assert reference == [figures.SIGNIFICANCE_Z]
    assert "bootstrap over events" in fig.get_supxlabel()


def test_corpus_keyness_nan_intervals_and_order() -> None:
    table = keyness_table(["A", "B"], terms=4).sample(frac=1.0, random_state=3)
    table.loc[table["term"] == "A-1", ["low", "high"]] = np.nan
    fig = figures.plot_corpus_keyness(table)  # top_n 10 > 4 terms: all shown
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A-0", "A-1", "A-2", "A-3"]
    rows = [segment[0, 1] for segment in intervals(ax)["A"]]
    assert rows == [0, 2, 3]  # no bar for the undefined interval of A-1
    assert "no bar: interval undefined" in fig.get_supxlabel()


def test_corpus_keyness_rejects_bad_input() -> None:
    table = keyness_table(["A", "B"])
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['z', 'high'\]"):
        figures.plot_corpus_keyness(table.drop(columns=["high", "z"]))
    with pytest.raises(ValueError, match="top_n"):
        figures.plot_corpus_keyness(table, top_n=0)
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_corpus_keyness(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match="no term has a finite z"):
        figures.plot_corpus_keyness(table.assign(z=np.nan))


# --------------------------------------------------------------------------- saving


@pytest.mark.parametrize("plot", ["profile", "corpus_keyness"])
def test_save_figure_is_byte_identical(tmp_path: Path, plot: str) -> None:
    """Two builds give the same bytes, even when the first was previewed before saving."""
    build = getattr(figures, f"plot_{plot}")
    table = profile_table(CORPUS[:3]) if plot == "profile" else keyness_table(CORPUS[:3])
    previewed = build(table)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / plot)
    second = figures.save_figure(build(table), tmp_path / "b" / plot)
    assert [path.name for path in first] == [f"{plot}.svg", f"{plot}.png"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_profile_axes_start_at_zero_so_small_differences_look_small() -> None:
    table = profile_table(["A", "B"])
    first = table["measure"] == table["measure"].iloc[0]
    table.loc[first, "estimate"] = [12.10, 12.16]
    table.loc[first, ["low", "high"]] = np.nan
    fig = figures.plot_profile(table)
    low, high = fig.axes[0].get_xlim()
    assert low <= 0 < 12.10 < 12.16 < high
    assert (12.16 - 12.10) / (high - low) < 0.02  # a gap of 0.06 is a sliver, not the full width
