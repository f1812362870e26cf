"""Tests for analysis.figures: stable colours, reproducible files, expected plot contents."""

from __future__ import annotations

import io
import itertools
import struct
import zlib
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis import figures

MEASURES = ["flesch_reading_ease", "gunning_fog", "mattr", "words"]
FAMILIES = ["terror", "militant", "freedom fighter"]


def outlets_for(n: int) -> list[str]:
    """``n`` outlet names, deliberately not in sorted order."""
    return ["Zeta Times", "Alpha News", "Mid Herald", "Beta Post"][:n]


def readability_table(outlets: list[str]) -> pd.DataFrame:
    """Long table: every outlet has every measure."""
    rows = [
        (outlet, measure, 10.0 * (i + 1) + j)
        for j, measure in enumerate(MEASURES)
        for i, outlet in enumerate(outlets)
    ]
    return pd.DataFrame(rows, columns=["outlet", "measure", "value"])


def fightin_table(outlets: list[str], terms: int = 30) -> pd.DataFrame:
    """Deterministic fightin'-words table; each outlet has terms on both sides of +-1.96."""
    rng = np.random.default_rng(7)
    rows = []
    for outlet in outlets:
        for k in range(terms):
            z = -4.0 + 8.0 * k / (terms - 1)
            count_outlet = int(rng.integers(1, 50))
            count_rest = int(rng.integers(0, 200))
            rows.append((outlet, f"term{k}", count_outlet, count_rest, z / 10, 0.01, z))
    columns = ["outlet", "term", "count_outlet", "count_rest", "delta", "var", "z"]
    return pd.DataFrame(rows, columns=columns)


def families_table(outlets: list[str]) -> pd.DataFrame:
    """Counts per outlet, family and voice; "freedom fighter" is zero everywhere."""
    rows = []
    for i, outlet in enumerate(outlets):
        for j, family in enumerate(FAMILIES):
            for voice in ("narration", "quoted"):
                count = 0 if family == "freedom fighter" else 3 + i + j + (voice == "quoted")
                rows.append((outlet, family, voice, count))
    return pd.DataFrame(rows, columns=["outlet", "family", "voice", "count"])


def same_color(a, b) -> bool:
    """Same RGB colour, ignoring alpha."""
    return np.allclose(to_rgb(a), to_rgb(b))


def bars(ax) -> list[Rectangle]:
    """Bar rectangles drawn on ``ax`` (excluding the axes background)."""
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def png_chunk_types(data: bytes) -> list[bytes]:
    """Chunk types of a PNG file, in order."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    types, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        assert struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])[0] == (
            zlib.crc32(kind + body)
        )
        types.append(kind)
        offset += 12 + length
    return types


# --------------------------------------------------------------------------- colours


def test_palette_is_okabe_ito() -> None:
    assert set(figures.OUTLET_PALETTE) == set(figures.OKABE_ITO.values())
    assert len(figures.OUTLET_PALETTE) == 8


def test_colours_stable_under_permutation() -> None:
    names = ["Reuters", "BBC", "CNN", "Al Jazeera"]
    expected = figures.outlet_colours(names)
    for permutation in itertools.permutations(names):
        assert figures.outlet_colours(permutation) == expected
    assert figures.outlet_colours(names + names) == expected  # duplicates ignored
    assert list(expected) == sorted(names)
    assert list(expected.values()) == list(figures.OUTLET_PALETTE[: len(names)])


@pytest.mark.parametrize("n", range(1, 9))
def test_colours_distinct_up_to_eight(n: int) -> None:
    colours = figures.outlet_colours(f"outlet {i}" for i in range(n))
    assert len(set(colours.values())) == n


def test_more_than_eight_outlets_cycle_and_vary_hatch_and_marker() -> None:
    styles = figures.outlet_styles(f"outlet {i:02d}" for i in range(10))
    first, ninth = styles["outlet 00"], styles["outlet 08"]
    assert first.colour == ninth.colour
    assert first.hatch != ninth.hatch
    assert first.marker != ninth.marker
    assert len(set(styles.values())) == 10


# --------------------------------------------------------------------------- saving


def test_save_figure_is_byte_identical(tmp_path: Path) -> None:
    table = fightin_table(outlets_for(3))
    first = figures.save_figure(figures.plot_fightin_words(table), tmp_path / "one" / "fw")
    second = figures.save_figure(figures.plot_fightin_words(table), tmp_path / "two" / "fw")
    assert [path.name for path in first] == ["fw.svg", "fw.png"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize("plot", ["readability", "fightin_words", "label_families"])
def test_save_figure_ignores_earlier_draws(tmp_path: Path, plot: str) -> None:
    """A notebook preview before saving must not change the saved bytes."""
    tables = {
        "readability": readability_table(outlets_for(3)),
        "fightin_words": fightin_table(outlets_for(3)),
        "label_families": families_table(outlets_for(3)),
    }
    build = getattr(figures, f"plot_{plot}")
    previewed = build(tables[plot])
    previewed.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    previewed.savefig(io.BytesIO(), format="png", dpi=72)
    first = figures.save_figure(previewed, tmp_path / "a" / plot)
    second = figures.save_figure(build(tables[plot]), tmp_path / "b" / plot)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_save_figure_closes_figure(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    fig = plt.figure()
    fig.add_subplot().plot([0, 1], [0, 1])
    figures.save_figure(fig, tmp_path / "line")
    assert fig.number not in plt.get_fignums()


def test_svg_has_no_date_or_creator(tmp_path: Path) -> None:
    paths = figures.save_figure(
        figures.plot_readability(readability_table(["A", "B"])), tmp_path / "r"
    )
    svg = paths[0].read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    assert "<dc:date>" not in svg
    assert "<dc:creator>" not in svg
    assert "Matplotlib v" not in svg
    assert "<text" not in svg  # svg.fonttype "path": glyphs as paths, same look everywhere


def test_png_has_no_software_chunk(tmp_path: Path) -> None:
    paths = figures.save_figure(
        figures.plot_label_families(families_table(["A", "B"])), tmp_path / "f"
    )
    data = paths[1].read_bytes()
    kinds = png_chunk_types(data)
    assert not {b"tEXt", b"iTXt", b"zTXt"} & set(kinds)
    assert b"Software" not in data
    assert b"matplotlib" not in data.lower()
    # 150 dpi = 5906 pixels per metre in the pHYs chunk
    assert struct.pack(">IIB", 5906, 5906, 1) in data


# --------------------------------------------------------------------------- readability


@pytest.mark.parametrize("n", [2, 3])
def test_readability_panels_bars_labels_colours(n: int) -> None:
    outlets = outlets_for(n)
    fig = figures.plot_readability(readability_table(outlets))
    assert isinstance(fig, Figure)
    assert len(fig.axes) == len(MEASURES)
    colours = figures.outlet_colours(outlets)
    for ax, measure in zip(fig.axes, MEASURES, strict=True):
        drawn = bars(ax)
        assert len(drawn) == n
        assert [bar.get_label() for bar in drawn] == sorted(outlets)
        for bar in drawn:
            assert same_color(bar.get_facecolor(), colours[bar.get_label()])
        labels = [text for text in ax.texts if text.get_label() == "_value-label"]
        assert len(labels) == n
        assert ax.get_title() == figures.MEASURE_TITLES[measure]
    first = readability_table(outlets).query("measure == 'flesch_reading_ease'")
    expected = first.sort_values("outlet")["value"].tolist()
    assert [bar.get_width() for bar in bars(fig.axes[0])] == expected
    assert "(higher = easier)" in fig.axes[0].get_title()


def test_readability_value_labels_and_order() -> None:
    table = readability_table(["B", "A"])
    fig = figures.plot_readability(table)
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert texts == ["20", "10"]  # outlets sorted (A then B); A = second row of table
    assert fig.axes[2].get_title().startswith("Lexical diversity")


def test_readability_colours_follow_event_outlets() -> None:
    table = readability_table(["B", "C"])
    fig = figures.plot_readability(table, outlets=["A", "B", "C"])
    colours = figures.outlet_colours(["A", "B", "C"])
    assert same_color(bars(fig.axes[0])[0].get_facecolor(), colours["B"])


# --------------------------------------------------------------------------- fightin' words


@pytest.mark.parametrize("n", [2, 3])
def test_fightin_words_panels_points_labels(n: int) -> None:
    outlets = outlets_for(n)
    table = fightin_table(outlets)
    fig = figures.plot_fightin_words(table, top_n=5)
    assert len(fig.axes) == n
    colours = figures.outlet_colours(outlets)
    for ax, outlet in zip(fig.axes, sorted(outlets), strict=True):
        assert ax.get_xscale() == "log"
        assert outlet in ax.get_title()
        labels = [text for text in ax.texts if text.get_label() == "_term-label"]
        expected = table[table["outlet"] == outlet].nlargest(5, "z")["term"]
        assert sorted(label.get_text() for label in labels) == sorted(expected)
        groups = {collection.get_label(): collection for collection in ax.collections}
        rows = table[table["outlet"] == outlet]
        strong = groups["_leans-to-outlet"]
        assert len(strong.get_offsets()) == int((rows["z"] >= 1.96).sum())
        assert all(same_color(c, colours[outlet]) for c in strong.get_facecolors())
        grey = groups["_not-distinctive"]
        assert len(grey.get_offsets()) == int((rows["z"].abs() < 1.96).sum())
        assert not any(same_color(c, colours[outlet]) for c in grey.get_facecolors())
        dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
        assert sorted(line.get_ydata()[0] for line in dashed) == [-1.96, 1.96]


def test_fightin_words_labels_are_deterministic_and_inside() -> None:
    table = fightin_table(outlets_for(3))

    def positions(fig: Figure) -> list[tuple[str, tuple[float, float]]]:
        return [
            (text.get_text(), tuple(text.xyann))
            for ax in fig.axes
            for text in ax.texts
            if text.get_label() == "_term-label"
        ]

    first = figures.plot_fightin_words(table)
    assert positions(first) == positions(figures.plot_fightin_words(table))
    first.draw_without_rendering()
    renderer = first.canvas.get_renderer()
    for ax in first.axes:
        frame = ax.get_window_extent(renderer)
        labels = [t for t in ax.texts if t.get_label() == "_term-label"]
        boxes = [Text.get_window_extent(t, renderer) for t in labels]  # text only, no leader
        for box in boxes:
            assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1
        for a, b in itertools.combinations(boxes, 2):
            common = Bbox.intersection(a, b)
            assert common is None or min(common.width, common.height) < 1.0


def test_fightin_words_top_n_zero_has_no_labels() -> None:
    fig = figures.plot_fightin_words(fightin_table(["A", "B"]), top_n=0)
    assert not [t for ax in fig.axes for t in ax.texts if t.get_label() == "_term-label"]


# --------------------------------------------------------------------------- label families


@pytest.mark.parametrize("n", [2, 3])
def test_label_families_bars_hatches_legend(n: int) -> None:
    outlets = outlets_for(n)
    fig = figures.plot_label_families(families_table(outlets))
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    drawn = bars(ax)
    shown = FAMILIES[:-1]  # "freedom fighter" is zero everywhere: left out
    assert len(drawn) == len(shown) * n * 2
    narration = [bar for bar in drawn if bar.get_label().startswith("_narration:")]
    quoted = [bar for bar in drawn if bar.get_label().startswith("_quoted:")]
    assert len(narration) == len(quoted) == len(shown) * n
    assert all(not bar.get_hatch() for bar in narration)
    assert all(bar.get_hatch() for bar in quoted)
    colours = figures.outlet_colours(outlets)
    used = {matplotlib.colors.to_hex(bar.get_facecolor()) for bar in narration}
    assert used == {colour.lower() for colour in colours.values()}
    # a family no outlet uses is not drawn; the others keep table order
    assert [label.get_text() for label in ax.get_yticklabels()] == shown
    legend_texts = [text.get_text() for text in fig.legends[0].get_texts()]
    assert legend_texts[:n] == sorted(outlets)
    assert any("narration" in text for text in legend_texts)
    assert any("quotation" in text for text in legend_texts)


def test_label_families_stacks_quoted_after_narration() -> None:
    table = families_table(["A", "B"])
    fig = figures.plot_label_families(table)
    drawn = bars(fig.axes[0])
    first_narration, first_quoted = drawn[0], drawn[1]  # terror, outlet A
    assert first_narration.get_width() == 3  # 3 + i + j with i = j = 0
    assert first_quoted.get_x() == 3 and first_quoted.get_width() == 4
    assert same_color(first_narration.get_facecolor(), figures.outlet_colours(["A", "B"])["A"])


def test_label_families_missing_rows_count_as_zero() -> None:
    table = families_table(["A", "B"])
    table = table[~((table["outlet"] == "B") & (table["voice"] == "quoted"))]
    fig = figures.plot_label_families(table)
    quoted_b = [bar for bar in bars(fig.axes[0]) if bar.get_label().startswith("_quoted:")][1::2]
    assert [bar.get_width() for bar in quoted_b] == [0, 0]


def test_label_families_without_any_use_say_so_in_one_line() -> None:
    table = families_table(["A", "B"]).assign(count=0)
    fig = figures.plot_label_families(table)
    assert not fig.axes
    assert [text.get_text() for text in fig.texts] == [
        "No label from the codebooks occurs in this event."
    ]


def test_label_families_rejects_unknown_voice() -> None:
    table = families_table(["A", "B"])
    table.loc[0, "voice"] = "reported"
    with pytest.raises(ValueError, match="voice"):
        figures.plot_label_families(table)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("plot", "table"),
    [
        (figures.plot_readability, readability_table(["A", "B"])),
        (figures.plot_fightin_words, fightin_table(["A", "B"])),
        (figures.plot_label_families, families_table(["A", "B"])),
    ],
)
def test_empty_and_malformed_tables_raise(plot, table: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="empty"):
        plot(table.iloc[0:0])
    with pytest.raises(ValueError, match="lacks column"):
        plot(table.drop(columns="outlet"))
    with pytest.raises(ValueError, match="more than one row"):
        plot(pd.concat([table, table.iloc[:1]]))
