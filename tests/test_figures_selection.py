"""Tests for analysis.figures.selection: shared, partly shared and unique sentences."""

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
PARTS = ["shared", "partly_shared", "unique"]


def bars(ax) -> list[Rectangle]:
    """Bar rectangles drawn on ``ax``."""
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def lightness(colour) -> float:
    """Mean of the RGB channels: higher = lighter."""
    return float(np.mean(to_rgb(colour)))


def coverage_table(outlets: list[str]) -> pd.DataFrame:
    """Sentence counts per outlet; every part is non-zero."""
    rows = [(outlet, 10 + 2 * i, 3 + i, 5) for i, outlet in enumerate(outlets)]
    return pd.DataFrame(rows, columns=["outlet", *PARTS])


@pytest.mark.parametrize("n", [2, 3])
def test_coverage_bars_shades_labels(n: int) -> None:
    outlets = EVENT[:n]
    table = coverage_table(outlets)
    fig = figures.plot_coverage(table, outlets=EVENT)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    drawn = bars(ax)
    assert len(drawn) == 3 * n
    assert [tick.get_text() for tick in ax.get_yticklabels()] == sorted(outlets)
    colours = figures.outlet_colours(EVENT)
    for index, outlet in enumerate(sorted(outlets)):
        shared, partly, unique = drawn[3 * index : 3 * index + 3]
        assert [bar.get_label() for bar in (shared, partly, unique)] == [
            f"_{part}:{outlet}" for part in PARTS
        ]
        assert sum(bar.get_width() for bar in (shared, partly, unique)) == pytest.approx(100)
        assert partly.get_x() == pytest.approx(shared.get_width())
        assert np.allclose(shared.get_facecolor()[:3], to_rgb(colours[outlet]))
        # dark, medium, light shades of the same colour
        assert lightness(shared.get_facecolor()) < lightness(partly.get_facecolor())
        assert lightness(partly.get_facecolor()) < lightness(unique.get_facecolor())
        row = table[table["outlet"] == outlet].iloc[0]
        assert shared.get_width() == pytest.approx(100 * row["shared"] / row[PARTS].sum())
    counts = [t.get_text() for t in ax.texts if t.get_label().startswith("_count-label")]
    assert len(counts) == 3 * n
    totals = [t.get_text() for t in ax.texts if t.get_label() == "_total-label"]
    assert totals == [
        f"{table.set_index('outlet').loc[o, PARTS].sum()} sentences" for o in sorted(outlets)
    ]
    legend = [text.get_text() for text in fig.legends[0].get_texts()]
    assert [text.split(":")[0] for text in legend] == ["dark", "medium", "light"]
    assert ax.get_xlim() == (0, 100)


def test_coverage_zero_parts_unlabelled_and_narrow_counts_moved_out() -> None:
    table = pd.DataFrame([("A", 80, 0, 1), ("B", 5, 5, 5)], columns=["outlet", *PARTS])
    ax = figures.plot_coverage(table).axes[0]
    labels = {t.get_text(): t for t in ax.texts if t.get_label().startswith("_count-label")}
    assert sorted(labels) == ["1", "5", "80"]  # the zero segment has no label; "5" is shared
    assert labels["80"].get_label() == "_count-label"  # fits inside its segment
    assert labels["1"].get_label() == "_count-label-outside"  # 1 of 81: moved next to the bar
    assert labels["1"].get_position()[1] != 0


def test_coverage_rejects_bad_input() -> None:
    table = coverage_table(["A", "B"])
    with pytest.raises(ValueError, match="empty"):
        figures.plot_coverage(table.iloc[0:0])
    with pytest.raises(ValueError, match=r"lacks column.*'partly_shared'"):
        figures.plot_coverage(table.drop(columns="partly_shared"))
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_coverage(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match="negative"):
        figures.plot_coverage(table.assign(unique=-1))
    with pytest.raises(ValueError, match="zero sentences"):
        figures.plot_coverage(table.assign(shared=0, partly_shared=0, unique=0))


def test_coverage_is_byte_identical(tmp_path: Path) -> None:
    table = coverage_table(EVENT[:3])
    previewed = figures.plot_coverage(table)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / "coverage")
    second = figures.save_figure(figures.plot_coverage(table), tmp_path / "b" / "coverage")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
