"""Tests for analysis.figures.frames: share of sentences per frame and outlet."""

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
FRAMES = ["security", "diplomacy", "human interest"]  # deliberately not sorted


def bars(ax) -> list[Rectangle]:
    """Bar rectangles drawn on ``ax``."""
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def profile_table(outlets: list[str]) -> pd.DataFrame:
    """Share of sentences (fraction) per outlet and frame."""
    rows = [
        (outlet, frame, round(0.05 * (i + 1) + 0.1 * j, 3))
        for i, outlet in enumerate(outlets)
        for j, frame in enumerate(FRAMES)
    ]
    return pd.DataFrame(rows, columns=["outlet", "frame", "share_of_sentences"])


@pytest.mark.parametrize("n", [2, 3])
def test_frame_profile_bars_order_labels_colours(n: int) -> None:
    outlets = EVENT[:n]
    table = profile_table(outlets)
    fig = figures.plot_frame_profile(table, outlets=EVENT)
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == FRAMES  # table order
    drawn = bars(ax)
    assert len(drawn) == len(FRAMES) * n
    colours = figures.outlet_colours(EVENT)
    expected = []
    for frame in FRAMES:
        for outlet in sorted(outlets):
            row = table[(table["frame"] == frame) & (table["outlet"] == outlet)]
            expected.append((outlet, 100 * float(row["share_of_sentences"].iloc[0])))
    for bar, (outlet, percent) in zip(drawn, expected, strict=True):
        assert bar.get_label() == f"_bar:{outlet}"
        assert bar.get_width() == pytest.approx(percent)
        assert np.allclose(bar.get_facecolor()[:3], to_rgb(colours[outlet]))
    labels = [t.get_text() for t in ax.texts if t.get_label() == "_value-label"]
    assert labels == [f"{percent:.0f} %" for _, percent in expected]
    assert "(%)" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == sorted(outlets)
    # every value label ends inside the axes
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    right = ax.get_window_extent(renderer).x1
    assert all(
        t.get_window_extent(renderer).x1 <= right + 1
        for t in ax.texts
        if t.get_label() == "_value-label"
    )


def test_frame_profile_missing_combinations_are_zero() -> None:
    table = profile_table(["A", "B"])
    table = table[~((table["outlet"] == "B") & (table["frame"] == "diplomacy"))]
    ax = figures.plot_frame_profile(table).axes[0]
    drawn = bars(ax)
    assert len(drawn) == 6
    assert drawn[3].get_label() == "_bar:B"  # diplomacy (second group), outlet B
    assert drawn[3].get_width() == 0


def test_frame_profile_rejects_bad_input() -> None:
    table = profile_table(["A", "B"])
    with pytest.raises(ValueError, match="empty"):
        figures.plot_frame_profile(table.iloc[0:0])
    with pytest.raises(ValueError, match="lacks column"):
        figures.plot_frame_profile(table.drop(columns="share_of_sentences"))
    with pytest.raises(ValueError, match="more than one row"):
        figures.plot_frame_profile(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match="fraction between 0 and 1"):
        figures.plot_frame_profile(table.assign(share_of_sentences=35.0))
    with pytest.raises(ValueError, match="missing values"):
        figures.plot_frame_profile(table.assign(share_of_sentences=np.nan))


def test_frame_profile_is_byte_identical(tmp_path: Path) -> None:
    table = profile_table(EVENT[:3])
    previewed = figures.plot_frame_profile(table)
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    first = figures.save_figure(previewed, tmp_path / "a" / "frames")
    second = figures.save_figure(figures.plot_frame_profile(table), tmp_path / "b" / "frames")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
