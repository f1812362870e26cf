"""Tests for analysis.measures.keyness: Fightin' Words (Monroe, Colaresi & Quinn 2008) against hand computations
and an independent re-implementation of Jack Hessel's reference loop."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.measures.background import BACKGROUND_FLOOR, background_frequencies
from analysis.measures.keyness import (
    background_alpha_0,
    background_prior,
    describe_prior,
    event_keyness,
    fightin_words,
    informative_prior,
    one_vs_rest,
)


def by_hand(y_a: float, y_b: float, n_a: float, n_b: float, alpha: float, alpha_0: float):
    """δ, σ², z of one term, written out from the paper's formulas."""
    delta = math.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha)) - math.log(
        (y_b + alpha) / (n_b + alpha_0 - y_b - alpha)
    )
    var = 1 / (y_a + alpha) + 1 / (y_b + alpha)
    return delta, var, delta / math.sqrt(var)


COUNTS_A = {"x": 3, "y": 1}
COUNTS_B = {"y": 2, "z": 4}


def test_uniform_prior_by_hand() -> None:
    scores = fightin_words(COUNTS_A, COUNTS_B, 0.5)
    assert list(scores.index) == ["x", "y", "z"]
    assert scores.index.name == "term"
    assert list(scores.columns) == ["delta", "var", "z"]
    # vocabulary {x, y, z}: α_0 = 3 × 0.5 = 1.5; n_a = 4, n_b = 6
    expected = {
        "x": by_hand(3, 0, 4, 6, 0.5, 1.5),
        "y": by_hand(1, 2, 4, 6, 0.5, 1.5),
        "z": by_hand(0, 4, 4, 6, 0.5, 1.5),
    }
    # x, fully written out: ln(3.5 / 2) − ln(0.5 / 7); σ² = 1/3.5 + 1/0.5
    assert expected["x"][0] == pytest.approx(math.log(3.5 / 2.0) - math.log(0.5 / 7.0), abs=1e-15)
    assert expected["x"][1] == pytest.approx(1 / 3.5 + 2.0, abs=1e-15)
    for term, (delta, var, z) in expected.items():
        assert scores.loc[term, "delta"] == pytest.approx(delta, rel=1e-12, abs=1e-12)
        assert scores.loc[term, "var"] == pytest.approx(var, rel=1e-12)
        assert scores.loc[term, "z"] == pytest.approx(z, rel=1e-12, abs=1e-12)
    assert scores.loc["x", "z"] > 0  # only in a: leans to a
    assert scores.loc["z", "z"] < 0  # only in b: leans to b


def test_default_prior_is_0_01() -> None:
    scores = fightin_words(COUNTS_A, COUNTS_B)
    delta, var, z = by_hand(3, 0, 4, 6, 0.01, 0.03)
    assert scores.loc["x"].tolist() == pytest.approx([delta, var, z], rel=1e-12)


def test_mapping_prior_by_hand() -> None:
    prior = {"x": 1.0, "y": 2.0, "z": 0.5, "w": 0.25}  # w: in the prior only
    scores = fightin_words(COUNTS_A, COUNTS_B, prior)
    assert list(scores.index) == ["w", "x", "y", "z"]
    alpha_0 = 1.0 + 2.0 + 0.5 + 0.25
    counts = {"w": (0, 0), "x": (3, 0), "y": (1, 2), "z": (0, 4)}
    for term, (y_a, y_b) in counts.items():
        delta, var, z = by_hand(y_a, y_b, 4, 6, prior[term], alpha_0)
        assert scores.loc[term, "delta"] == pytest.approx(delta, rel=1e-12, abs=1e-12)
        assert scores.loc[term, "var"] == pytest.approx(var, rel=1e-12)
        assert scores.loc[term, "z"] == pytest.approx(z, rel=1e-12, abs=1e-12)
    # y, fully written out: ln(3 / (4 + 3.75 − 1 − 2)) − ln(4 / (6 + 3.75 − 2 − 2))
    assert scores.loc["y", "delta"] == pytest.approx(math.log(3 / 4.75) - math.log(4 / 5.75))


def hessel_bayes_compare_language(
    docs_1: list[Counter[str]], docs_2: list[Counter[str]], prior: float | np.ndarray = 0.01
) -> list[tuple[str, float]]:
    """Jack Hessel's ``bayes_compare_language`` (github.com/jmhessel/FightingWords), re-implemented
    with the same loop; the CountVectorizer is replaced by a sorted vocabulary of the documents."""
    vocabulary = sorted(set().union(*docs_1, *docs_2))
    cv_vocabulary = {term: index for index, term in enumerate(vocabulary)}
    counts_mat = np.array([[doc.get(term, 0) for term in vocabulary] for doc in docs_1 + docs_2])
    vocab_size = len(cv_vocabulary)
    priors = np.array([prior for _ in range(vocab_size)]) if isinstance(prior, float) else prior
    z_scores = np.empty(priors.shape[0])
    # float64 where the original has float32: identical for these small integer counts
    count_matrix = np.empty([2, vocab_size], dtype=np.float64)
    count_matrix[0, :] = np.sum(counts_mat[: len(docs_1), :], axis=0)
    count_matrix[1, :] = np.sum(counts_mat[len(docs_1) :, :], axis=0)
    a0 = np.sum(priors)
    n1 = 1.0 * np.sum(count_matrix[0, :])
    n2 = 1.0 * np.sum(count_matrix[1, :])
    for i in range(vocab_size):
        term1 = np.log(
            (count_matrix[0, i] + priors[i]) / (n1 + a0 - count_matrix[0, i] - priors[i])
        )
        term2 = np.log(
            (count_matrix[1, i] + priors[i]) / (n2 + a0 - count_matrix[1, i] - priors[i])
        )
        delta = term1 - term2
        var = 1.0 / (count_matrix[0, i] + priors[i]) + 1.0 / (count_matrix[1, i] + priors[i])
        z_scores[i] = delta / np.sqrt(var)
    index_to_term = {v: k for k, v in cv_vocabulary.items()}
    sorted_indices = np.argsort(z_scores)
    return [(index_to_term[i], z_scores[i]) for i in sorted_indices]


def random_documents(rng: np.random.Generator, vocabulary: list[str], n_docs: int) -> list[Counter]:
    docs = []
    for _ in range(n_docs):
        counts = rng.integers(0, 6, size=len(vocabulary)) * (rng.random(len(vocabulary)) < 0.6)
        docs.append(Counter({t: int(c) for t, c in zip(vocabulary, counts, strict=True) if c > 0}))
    return docs


def summed(docs: list[Counter]) -> Counter:
    total: Counter = Counter()
    for doc in docs:
        total.update(doc)
    return total


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("prior_kind", ["uniform", "array"])
def test_matches_hessel_reference(seed: int, prior_kind: str) -> None:
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{index:02d}" for index in range(40)]
    docs_1, docs_2 = random_documents(rng, vocabulary, 3), random_documents(rng, vocabulary, 4)
    counts_a, counts_b = summed(docs_1), summed(docs_2)
    terms = sorted(set(counts_a) | set(counts_b))
    assert len(terms) > 20 and set(counts_a) != set(counts_b)
    if prior_kind == "uniform":
        reference = hessel_bayes_compare_language(docs_1, docs_2, 0.01)
        scores = fightin_words(counts_a, counts_b, 0.01)
    else:
        alphas = rng.uniform(0.05, 3.0, size=len(terms))
        reference = hessel_bayes_compare_language(docs_1, docs_2, alphas)
        scores = fightin_words(counts_a, counts_b, dict(zip(terms, alphas, strict=True)))
    assert list(scores.index) == terms
    assert len(reference) == len(terms)
    for term, z in reference:
        assert abs(scores.loc[term, "z"] - z) <= 1e-12, term
    # same ranking as the reference (ties broken by term)
    ours = scores.reset_index().sort_values(["z", "term"], kind="stable")
    theirs = sorted(reference, key=lambda pair: (pair[1], pair[0]))
    assert list(ours["term"]) == [term for term, _ in theirs]


def test_antisymmetry() -> None:
    rng = np.random.default_rng(7)
    vocabulary = [f"t{index}" for index in range(25)]
    a = summed(random_documents(rng, vocabulary, 2))
    b = summed(random_documents(rng, vocabulary, 2))
    forward = fightin_words(a, b, 0.1)
    backward = fightin_words(b, a, 0.1)
    assert list(forward.index) == list(backward.index)
    np.testing.assert_allclose(backward["delta"], -forward["delta"], rtol=0, atol=1e-14)
    np.testing.assert_allclose(backward["var"], forward["var"], rtol=1e-15)
    np.testing.assert_allclose(backward["z"], -forward["z"], rtol=0, atol=1e-14)


def test_z_positive_leans_to_a() -> None:
    a = {"tehran": 10, "border": 5, "force": 5}
    b = {"tehran": 1, "border": 5, "force": 14}
    scores = fightin_words(a, b, 0.5)
    assert scores.loc["tehran", "z"] > 0
    assert scores.loc["force", "z"] < 0
    # same count, same corpus size: no lean
    assert scores.loc["border", "z"] == pytest.approx(0.0, abs=1e-12)


def test_counts_may_be_floats_and_missing_terms_count_zero() -> None:
    scores = fightin_words({"a": 1.5}, {"b": 2.5}, 1.0)
    delta, _, _ = by_hand(1.5, 0, 1.5, 2.5, 1.0, 2.0)
    assert scores.loc["a", "delta"] == pytest.approx(delta, rel=1e-12)


@pytest.mark.parametrize(
    ("counts_a", "counts_b", "prior", "message"),
    [
        pytest.param({}, {}, 0.01, "at least one term", id="empty-vocabulary"),
        pytest.param({"a": 1}, {"b": 2}, {"a": 0.1}, "prior has no", id="missing-prior-term"),
        pytest.param({"a": 1}, {"b": 2}, 0.0, "must be positive", id="zero-prior"),
        pytest.param({"a": 1}, {"b": 2}, -0.5, "must be positive", id="negative-prior"),
        pytest.param(
            {"a": 1}, {"b": 2}, {"a": 0.1, "b": 0.0}, "must be positive", id="zero-in-map"
        ),
        pytest.param({"a": -1}, {"b": 2}, 0.1, "must not be negative", id="negative-count"),
    ],
)
def test_errors(counts_a, counts_b, prior, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fightin_words(counts_a, counts_b, prior)


def test_informative_prior() -> None:
    prior = informative_prior({"b": 3, "a": 1, "zero": 0}, 8.0)
    assert prior == {"a": 2.0, "b": 6.0}
    assert list(prior) == ["a", "b"]
    with pytest.raises(ValueError, match="empty"):
        informative_prior({}, 1.0)


GROUPS = {
    "VOA": {"terrorist": 6, "border": 3, "khan": 2},
    "BBC": {"militant": 4, "border": 2, "khan": 1},
    "RFI": {"terrorist": 1, "armed": 5, "border": 4},
}


def test_one_vs_rest_shapes_and_order() -> None:
    table = one_vs_rest(GROUPS, alpha_0=10.0)
    terms = ["armed", "border", "khan", "militant", "terrorist"]
    columns = ["outlet", "term", "count_outlet", "count_rest", "delta", "var", "z"]
    assert list(table.columns) == columns
    assert len(table) == 3 * len(terms)
    assert list(table.index) == list(range(15))
    assert list(table["outlet"]) == ["BBC"] * 5 + ["RFI"] * 5 + ["VOA"] * 5
    for outlet, part in table.groupby("outlet"):
        assert sorted(part["term"]) == terms, outlet
        z = list(part["z"])
        assert z == sorted(z, reverse=True), outlet


def test_one_vs_rest_counts_and_scores() -> None:
    alpha_0 = 10.0
    table = one_vs_rest(GROUPS, alpha_0=alpha_0)
    pooled = {"terrorist": 7, "border": 9, "khan": 3, "militant": 4, "armed": 5}  # total 28
    prior = {term: alpha_0 * count / 28 for term, count in pooled.items()}
    for outlet, own in GROUPS.items():
        rest = Counter()
        for other, counts in GROUPS.items():
            if other != outlet:
                rest.update(counts)
        part = table[table["outlet"] == outlet].set_index("term")
        for term in pooled:
            assert part.loc[term, "count_outlet"] == own.get(term, 0)
            assert part.loc[term, "count_rest"] == rest.get(term, 0)
            assert part.loc[term, "count_outlet"] + part.loc[term, "count_rest"] == pooled[term]
            delta, var, z = by_hand(
                own.get(term, 0), rest.get(term, 0), sum(own.values()), 28 - sum(own.values()),
                prior[term], alpha_0,
            )  # fmt: skip
            assert part.loc[term, "delta"] == pytest.approx(delta, rel=1e-12, abs=1e-12)
            assert part.loc[term, "var"] == pytest.approx(var, rel=1e-12)
            assert part.loc[term, "z"] == pytest.approx(z, rel=1e-12, abs=1e-12)
    voa = table[table["outlet"] == "VOA"]
    assert voa.iloc[0]["term"] == "terrorist"  # VOA's most distinctive word


def test_one_vs_rest_ties_sorted_by_term() -> None:
    groups = {"A": {"p": 1, "q": 1}, "B": {"p": 1, "q": 1}}
    table = one_vs_rest(groups)
    assert list(table["term"]) == ["p", "q", "p", "q"]
    assert isinstance(table, pd.DataFrame)


def test_one_vs_rest_needs_two_groups() -> None:
    with pytest.raises(ValueError, match="at least two groups"):
        one_vs_rest({"only": {"a": 1}})


# --------------------------------------------------------------------------- background prior


def test_background_prior_follows_english_frequency_and_sums_to_alpha_0() -> None:
    prior = background_prior(["the", "ceasefire", "zqxjvw"], alpha_0=50.0)
    assert sum(prior.values()) == pytest.approx(50.0)
    assert prior["the"] > 100 * prior["ceasefire"] > 0
    frequencies = background_frequencies(["zqxjvw"])
    assert frequencies["zqxjvw"] == BACKGROUND_FLOOR  # absent from the list: the floor, not zero


def test_background_prior_shrinks_a_function_word_an_outlet_overuses() -> None:
    # a uses "the" 12 times against b's 6 and "ceasefire" 4 times against b's 0: under a weak uniform
    # prior "the" leads; under the background prior the content word does.
    a = Counter({"the": 12, "ceasefire": 4, "talks": 4, "said": 4})
    b = Counter({"the": 6, "talks": 4, "said": 4, "army": 4})
    uniform = fightin_words(a, b, 0.01)
    assert uniform.loc["the", "z"] > uniform.loc["ceasefire", "z"]
    alpha_0 = background_alpha_0({"a": a, "b": b})
    scores = fightin_words(a, b, background_prior(a + b, alpha_0))
    assert scores.loc["ceasefire", "z"] > scores.loc["the", "z"]
    assert abs(scores.loc["the", "delta"]) < abs(uniform.loc["the", "delta"])


def test_event_keyness_stores_the_prior_it_used() -> None:
    groups = {"X": Counter({"the": 5, "rebels": 3}), "Y": Counter({"the": 4, "army": 2})}
    table = event_keyness(groups)
    assert set(table["prior"]) == {describe_prior("background", background_alpha_0(groups))}
    expected = background_prior(["the", "rebels", "army"], background_alpha_0(groups))
    for row in table.itertuples():
        assert row.alpha == pytest.approx(expected[row.term])
    pooled = event_keyness(groups, prior="pooled", alpha_0=20.0)
    assert pooled.set_index(["outlet", "term"])["z"].equals(
        one_vs_rest(groups, alpha_0=20.0).set_index(["outlet", "term"])["z"]
    )
    with pytest.raises(ValueError, match="unknown prior"):
        event_keyness(groups, prior="uniform")  # type: ignore[arg-type]
