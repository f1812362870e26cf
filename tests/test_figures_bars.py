"""Shared bar helpers: an axis of counts gets whole-number ticks only."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np

from analysis.figures.bars import grouped_bar_figure, is_count
from analysis.figures.style import outlet_styles


def _figure(values: np.ndarray):
    names = ["Alpha", "Beta", "Gamma"]
    labels = [[f"{v:g}" for v in row] for row in values]
    return grouped_bar_figure(
        ["first", "second"], names, outlet_styles(names), values, labels,
        axis_labels=("Number", "Category"), title="t",
    )  # fmt: skip


def test_counts_get_whole_number_ticks() -> None:
    figure = _figure(np.array([[1.0, 1.0, 2.0], [2.0, 0.0, 1.0]]))  # 0.5, 1.5 … by default
    ticks = [t for t in figure.axes[0].get_xticks() if 0 <= t <= figure.axes[0].get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_shares_keep_fractional_ticks() -> None:
    assert not is_count(np.array([[0.5, 1.25]]))
    assert is_count(np.array([[0.0, 4.0], [np.nan, 2.0]]))
    figure = _figure(np.array([[0.2, 0.5, 0.9], [0.1, 0.0, 0.7]]))
    assert any(not float(t).is_integer() for t in figure.axes[0].get_xticks())
