"""Tests for analysis.measures.alignment_weights: background information content × IDF, the names-free
similarity, and sub-headings kept apart (hand-written sentences)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.measures.alignment import align_sentences
from analysis.measures.alignment_weights import background_matrix, fact_similarity
from analysis.measures.background import BACKGROUND_FLOOR, information_content


def sentences(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A sentences table from (outlet, block_kind, text) rows of one event."""
    counters: Counter[str] = Counter()
    records = []
    for block, (outlet, kind, text) in enumerate(rows):
        records.append(
            {"event_id": "e", "outlet": outlet, "article": outlet.lower(),
             "sentence": counters[outlet], "block": block, "block_kind": kind, "text": text}
        )  # fmt: skip
        counters[outlet] += 1
    return pd.DataFrame(records)


def test_information_content_is_minus_log_background_frequency() -> None:
    assert information_content("the") < information_content("electricity") < 18.5
    assert information_content("zqxjvwq") == pytest.approx(-math.log(BACKGROUND_FLOOR))


def test_background_weights_by_hand() -> None:
    features = [Counter({"electricity": 1, "said": 1}), Counter({"said": 1}), Counter({"gas": 1})]
    labels = [{"electricity": "electricity", "said": "said"}, {"said": "said"}, {"gas": "gas"}]
    weights, vocabulary, weight = background_matrix(features, labels, frozenset())
    assert vocabulary == ["electricity", "gas", "said"]
    idf_once, idf_twice = math.log(4 / 2) + 1, math.log(4 / 3) + 1
    expected = [
        information_content("electricity") * idf_once,
        information_content("gas") * idf_once,
        information_content("said") * idf_twice,
    ]
    assert weight.tolist() == pytest.approx(expected)
    norm = math.hypot(expected[0], expected[2])
    assert weights[0].tolist() == pytest.approx([expected[0] / norm, 0, expected[2] / norm])
    assert weight[0] > weight[2]  # a rare word says more than a common one, whatever the event


def test_names_and_numbers_weigh_as_a_typical_word() -> None:
    features = [Counter({"rohani": 1, "name:rohani": 1, "num:27": 1, "visit": 1, "cooperation": 1})]
    labels = [{"rohani": "Rohani", "name:rohani": "Rohani", "num:27": "27", "visit": "visit"}]
    _, vocabulary, weight = background_matrix(features, labels, frozenset({"rohani"}))
    by_term = dict(zip(vocabulary, weight, strict=True))
    median = float(np.median([information_content("visit"), information_content("cooperation")]))
    idf = math.log(2 / 2) + 1
    for term in ("rohani", "name:rohani", "num:27"):
        assert by_term[term] == pytest.approx(median * idf)


def test_sharing_only_names_is_not_sharing_a_fact() -> None:
    toy = sentences(
        ("A", "paragraph", "On Monday the visiting President Rohani praised the refinery."),
        ("B", "paragraph", "Later that week President Rohani denounced the sanctions."),
        ("B", "paragraph", "Iran has a new refinery, said President Rohani."),
    )
    background = align_sentences(toy, threshold=0.5, partial_threshold=1e-6)
    assert background["other_sentence"].tolist() == [1, 0]  # only the pair that shares "refinery"
    plain = align_sentences(toy, threshold=0.5, partial_threshold=1e-6, weighting="idf")
    assert sorted(plain[plain["outlet"] == "A"]["other_sentence"]) == [0, 1]


def test_fact_similarity_is_the_geometric_mean() -> None:
    weights = np.array([[0.6, 0.8], [0.6, 0.0], [0.0, 1.0]])
    weights = weights / np.linalg.norm(weights, axis=1, keepdims=True)
    similarity = fact_similarity(weights, ["name:x", "word"], frozenset())
    full = float(weights[0] @ weights[2])
    assert similarity[0, 2] == pytest.approx(math.sqrt(full * 1.0), abs=1e-6)
    assert similarity[0, 1] == 0.0  # shares only the name


def test_sub_headings_align_only_with_sub_headings() -> None:
    toy = sentences(
        ("A", "heading", "Porous border"),
        ("B", "paragraph", "The porous border is hard to guard."),
        ("B", "heading", "A porous border"),
    )
    aligned = align_sentences(toy, threshold=0.5, partial_threshold=1e-6)
    assert aligned[aligned["outlet"] == "A"]["other_sentence"].tolist() == [1]
    with pytest.raises(ValueError, match="unknown weighting"):
        align_sentences(toy, weighting="bm25")  # type: ignore[arg-type]
