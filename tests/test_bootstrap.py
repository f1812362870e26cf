"""The event bootstrap: estimates equal direct computations, intervals behave, Fightin' Words replicates
equal the reference implementation."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.bootstrap import (
    TermCounts,
    fightin_words_intervals,
    fightin_words_replicates,
    ratios_by_group,
)
from analysis.measures.keyness import one_vs_rest
from analysis.measures.resampling import BLOCK, BLOCK_CELLS, percentile_interval, resample_weights


def articles(values: dict[tuple[str, str], float]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"event_id": e, "outlet": o, "x": v, "w": 10.0} for (e, o), v in values.items()]
    )


def ratio_by_group(
    table: pd.DataFrame, numerator: str, denominator: str | None = None, **options: float
) -> pd.DataFrame:
    scale = options.pop("scale", 1.0)
    measures = {"m": (numerator, denominator, scale)}
    return ratios_by_group(table, measures, **options).drop(columns="measure")  # type: ignore[arg-type]


def test_weights_draw_as_many_events_as_the_corpus_has_in_blocks() -> None:
    blocks = list(resample_weights(7, resamples=BLOCK + 50, seed=1))
    assert [block.shape for block in blocks] == [(BLOCK, 7), (50, 7)]
    weights = np.vstack(blocks)
    assert (weights.sum(axis=1) == 7).all()
    assert (np.vstack(list(resample_weights(7, BLOCK + 50, 1))) == weights).all()
    assert not (np.vstack(list(resample_weights(7, BLOCK + 50, 2))) == weights).all()
    # every event is drawn with probability 1/7: the mean count is 1
    assert weights.mean() == pytest.approx(1.0, abs=0.05)


def test_weights_blocks_shrink_so_a_block_holds_at_most_block_cells_counts() -> None:
    events = BLOCK_CELLS // 100  # a corpus of many events: 100 replicates per block
    shapes = [block.shape for block in resample_weights(events, resamples=150, seed=1)]
    assert shapes == [(100, events), (50, events)]


def test_mean_estimate_is_the_mean_over_articles_and_interval_contains_it() -> None:
    rng = np.random.default_rng(0)
    values = {
        (f"e{i:02d}", o): float(rng.normal(3 if o == "A" else 5)) for i in range(30) for o in "AB"
    }
    table = ratio_by_group(articles(values), "x", resamples=500)
    direct = articles(values).groupby("outlet")["x"].mean()
    assert table["estimate"].to_numpy() == pytest.approx(direct.to_numpy(), rel=1e-12)
    assert (table["low"] < table["estimate"]).all() and (table["estimate"] < table["high"]).all()
    assert table["events"].tolist() == [30, 30] and table["articles"].tolist() == [30, 30]


def test_identical_events_give_a_zero_width_interval() -> None:
    values = {(f"e{i}", o): (1.0 if o == "A" else 2.0) for i in range(5) for o in "AB"}
    table = ratio_by_group(articles(values), "x", "w", scale=1000.0, resamples=200)
    assert table["estimate"].tolist() == pytest.approx([100.0, 200.0])
    assert table["low"].tolist() == pytest.approx([100.0, 200.0])
    assert table["high"].tolist() == pytest.approx([100.0, 200.0])


def test_one_event_has_no_interval() -> None:
    table = ratio_by_group(articles({("e", "A"): 1.0, ("e", "B"): 2.0}), "x", resamples=100)
    assert table["estimate"].tolist() == [1.0, 2.0]
    # a single event is drawn every time: a zero-width interval would claim certainty it lacks
    assert table["low"].isna().all() and table["high"].isna().all()


def test_missing_values_are_left_out() -> None:
    values = {("e1", "A"): 1.0, ("e2", "A"): float("nan"), ("e1", "B"): 3.0, ("e2", "B"): 5.0}
    table = ratio_by_group(articles(values), "x", resamples=100)
    assert table["estimate"].tolist() == [1.0, 4.0]
    assert table["articles"].tolist() == [1, 2]


def test_percentile_interval_ignores_undefined_replicates() -> None:
    replicates = np.array([[1.0, np.nan], [2.0, np.nan], [np.inf, np.nan], [3.0, np.nan]])
    low, high = percentile_interval(replicates, level=0.5)
    assert low[0] == pytest.approx(1.5) and high[0] == pytest.approx(2.5)
    assert np.isnan(low[1]) and np.isnan(high[1])


def terms_table() -> pd.DataFrame:
    rows = []
    texts = {
        ("e1", "A"): "the army said the militants attacked the border post",
        ("e1", "B"): "the separatists attacked a border post the ministry said",
        ("e1", "C"): "militants attacked the post officials said",
        ("e2", "A"): "the militants fled across the border",
        ("e2", "B"): "the armed groups fled the army said",
        ("e2", "C"): "the army chased the armed groups",
        ("e3", "A"): "terrorists killed soldiers the army said",
        ("e3", "B"): "armed men killed soldiers",
        ("e3", "C"): "soldiers were killed by militants",
    }
    for (event, outlet), text in texts.items():
        for term, count in sorted(Counter(text.split()).items()):
            rows.append({"event_id": event, "outlet": outlet, "term": term, "count": count})
    return pd.DataFrame(rows)


def totals_of(terms: pd.DataFrame) -> pd.DataFrame:
    return terms.groupby(["event_id", "outlet"])["count"].sum().rename("total").reset_index()


def test_fightin_words_replicate_of_all_events_equals_one_vs_rest() -> None:
    terms = terms_table()
    selected = ["militants", "armed", "the", "terrorists", "separatists"]
    counts = TermCounts.from_tables(terms, totals_of(terms), selected)
    outlets, z = counts.outlets, fightin_words_replicates(counts, 100.0, np.ones((1, 3)))
    totals = terms.groupby(["outlet", "term"])["count"].sum()
    reference = one_vs_rest({o: totals.loc[o].to_dict() for o in outlets}, alpha_0=100.0)
    for index, outlet in enumerate(outlets):
        expected = reference[reference["outlet"] == outlet].set_index("term")["z"]
        assert z[0, index, :] == pytest.approx(expected.loc[selected].to_numpy(), rel=1e-9)


def test_fightin_words_weights_count_events_twice() -> None:
    terms = terms_table()
    doubled = pd.concat([terms, terms[terms["event_id"] == "e2"].assign(event_id="e2bis")])
    z = fightin_words_replicates(
        TermCounts.from_tables(terms, totals_of(terms), ["militants"]), 100.0, np.array([[1, 2, 1]])
    )
    expected = fightin_words_replicates(
        TermCounts.from_tables(doubled, totals_of(doubled), ["militants"]), 100.0, np.ones((1, 4))
    )
    assert z == pytest.approx(expected, rel=1e-12)


def test_fightin_words_intervals_have_one_row_per_outlet_and_term() -> None:
    terms = terms_table()
    counts = TermCounts.from_tables(terms, totals_of(terms), ["militants", "army"])
    table = fightin_words_intervals(counts, 100.0, resamples=300)
    assert table[["outlet", "term"]].values.tolist() == [
        ["A", "militants"], ["A", "army"], ["B", "militants"],
        ["B", "army"], ["C", "militants"], ["C", "army"],
    ]  # fmt: skip
    assert (table["low"] <= table["high"]).all()
