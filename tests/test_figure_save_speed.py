"""``save_figure`` skips savefig's extra draw for frozen layouts, with the same bytes."""

from __future__ import annotations

import io

import matplotlib.figure as mfigure
import pytest
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from analysis.figures import style


def _frozen_figure() -> mfigure.Figure:
    fig = style.new_figure(3.0, 2.0)
    ax = fig.add_subplot()
    ax.barh([0, 1], [1.5, 2.25], color=style.OUTLET_PALETTE[0])
    ax.set_title("a title")
    return style.freeze_layout(fig)


def _plain_savefig(fig: mfigure.Figure, suffix: str) -> bytes:
    options = {
        "svg": {"metadata": {"Date": None, "Creator": None}},
        "png": {"metadata": {"Software": None}, "dpi": 150},
    }[suffix]
    buffer = io.BytesIO()
    with style.figure_style():
        fig.savefig(buffer, format=suffix, **options)
    return buffer.getvalue()


def test_same_bytes_and_one_draw_per_format(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {suffix: _plain_savefig(_frozen_figure(), suffix) for suffix in ("svg", "png")}
    draws = []
    original = mfigure.Figure.draw

    def counting(self: mfigure.Figure, renderer: object) -> None:
        draws.append(renderer)
        original(self, renderer)

    monkeypatch.setattr(mfigure.Figure, "draw", counting)
    fig = _frozen_figure()
    draws.clear()
    svg, png = style.save_figure(fig, tmp_path / "figure")
    assert len(draws) == 2  # one draw per format, no disabled pre-draw
    assert svg.read_bytes() == expected["svg"]
    assert png.read_bytes() == expected["png"]
    assert isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine)  # put back


def test_figures_with_a_live_layout_engine_are_left_alone(tmp_path) -> None:
    fig = style.new_figure(3.0, 2.0)
    fig.add_subplot().plot([0, 1], [1, 0])
    engine = fig.get_layout_engine()
    style.save_figure(fig, tmp_path / "live")
    assert fig.get_layout_engine() is engine
