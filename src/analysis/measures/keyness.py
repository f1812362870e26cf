"""Distinctive vocabulary: Fightin' Words, the log-odds ratio with an informative Dirichlet prior.

Source: Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), 372-403, eqs. 16, 18-22:

    δ_w = ln[(y_w^a + α_w) / (n^a + α_0 − y_w^a − α_w)] − ln[(y_w^b + α_w) / (n^b + α_0 − y_w^b − α_w)]
    σ²_w ≈ 1/(y_w^a + α_w) + 1/(y_w^b + α_w)
    z_w = δ_w / σ_w,   α_0 = Σ_w α_w

z > 0 means the term leans to corpus a.

The prior (§3.5): by default α_w is proportional to the word's frequency in a large general English
background (:mod:`analysis.measures.background`: wordfreq's ``large`` English list), scaled so that Σ_w α_w = α_0 over the terms compared, with α_0 = :data:`BACKGROUND_WEIGHT` × the number
of words compared (:func:`background_alpha_0`): the prior is worth ten times the event's own words, so its
pull is the same on a 500-word and a 5,000-word event.
Frequent function words then get a large α_w and are shrunk towards δ = 0, while a content word that one
outlet uses far more than general English does stands out. The event's own pooled counts (§3.5.2, the
"informative prior from the corpus itself") are the option ``prior="pooled"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from analysis.measures.background import BACKGROUND_FLOOR, background_frequencies, background_name

Counts = Mapping[str, float]
PriorKind = Literal["background", "pooled"]

BACKGROUND_WEIGHT = 10.0
"""α_0 of the background prior ÷ words compared; chosen on tuning events (``benchmarks/keyness_prior.py``)."""


def fightin_words(counts_a: Counts, counts_b: Counts, prior: float | Counts = 0.01) -> pd.DataFrame:
    """Log-odds ratio with informative Dirichlet prior for every term of a, b (and the prior).

    ``prior`` is a uniform α_w (float) or a mapping term → α_w; with a mapping every counted term needs
    a positive α_w. Returns a DataFrame indexed by term (sorted), columns ``delta``, ``var``, ``z``.
    """
    vocabulary = sorted(
        set(counts_a) | set(counts_b) | (set(prior) if isinstance(prior, Mapping) else set())
    )
    if not vocabulary:
        raise ValueError("fightin_words needs at least one term")
    y_a = np.array([counts_a.get(term, 0) for term in vocabulary], dtype=float)
    y_b = np.array([counts_b.get(term, 0) for term in vocabulary], dtype=float)
    alpha = _prior_vector(prior, vocabulary)
    if (y_a < 0).any() or (y_b < 0).any():
        raise ValueError("counts must not be negative")
    alpha_0 = alpha.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    delta = np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha)) - np.log(
        (y_b + alpha) / (n_b + alpha_0 - y_b - alpha)
    )
    var = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    return pd.DataFrame(
        {"delta": delta, "var": var, "z": delta / np.sqrt(var)},
        index=pd.Index(vocabulary, name="term"),
    )


def _prior_vector(prior: float | Counts, vocabulary: list[str]) -> np.ndarray:
    if isinstance(prior, Mapping):
        missing = [term for term in vocabulary if term not in prior]
        if missing:
            raise ValueError(f"prior has no α for {len(missing)} term(s), e.g. {missing[:3]}")
        alpha = np.array([prior[term] for term in vocabulary], dtype=float)
    else:
        alpha = np.full(len(vocabulary), float(prior))
    if (alpha <= 0).any():
        raise ValueError("prior α_w must be positive")
    return alpha


def informative_prior(background: Counts, alpha_0: float) -> dict[str, float]:
    """Dirichlet prior proportional to background frequencies, scaled to sum to ``alpha_0``.

    Monroe et al. (2008, §3.5.2) use the pooled corpus as background; every term must appear in it.
    """
    total = float(sum(background.values()))
    if total <= 0:
        raise ValueError("background counts are empty")
    return {
        term: alpha_0 * count / total for term, count in sorted(background.items()) if count > 0
    }


def background_alpha_0(
    counts_by_group: Mapping[str, Counts], weight: float = BACKGROUND_WEIGHT
) -> float:
    """α_0 of the background prior: ``weight`` × all words of all groups."""
    if weight <= 0:
        raise ValueError("the prior weight must be positive")
    return weight * float(sum(sum(counts.values()) for counts in counts_by_group.values()))


def background_prior(terms: Iterable[str], alpha_0: float) -> dict[str, float]:
    """Dirichlet prior over ``terms`` proportional to background English frequency, summing to α_0."""
    return informative_prior(background_frequencies(terms), alpha_0)


def describe_prior(kind: PriorKind, alpha_0: float) -> str:
    """One line naming the prior (stored with the keyness table and printed in the notebook)."""
    if kind == "background":
        return f"background: {background_name()}, floor {BACKGROUND_FLOOR:g}, α_0 = {alpha_0:g}"
    if kind == "pooled":
        return f"pooled: the compared groups' own counts, α_0 = {alpha_0:g}"
    raise ValueError(f"unknown prior {kind!r}: use 'background' or 'pooled'")


def group_prior(
    counts_by_group: Mapping[str, Counts], kind: PriorKind, alpha_0: float
) -> dict[str, float]:
    """The prior of :func:`one_vs_rest` over the groups' vocabulary (``background`` or ``pooled``)."""
    pooled = _sum_counts(counts_by_group.values())
    if kind == "background":
        return background_prior(pooled, alpha_0)
    if kind == "pooled":
        return informative_prior(pooled, alpha_0)
    raise ValueError(f"unknown prior {kind!r}: use 'background' or 'pooled'")


def one_vs_rest(
    counts_by_group: Mapping[str, Counts], alpha_0: float = 100.0, prior: PriorKind = "pooled"
) -> pd.DataFrame:
    """Fightin' Words for each group against the pooled other groups (N ≥ 2 groups).

    The prior is informative (:func:`group_prior`): the pooled counts of all groups (``pooled``, the
    corpus-level default, which ``analysis.corpus.bootstrap`` replicates) or the background English
    frequencies (``background``), scaled to ``alpha_0``. Returns a long table with columns
    ``outlet, term, count_outlet, count_rest, delta, var, z``, sorted by outlet, z desc, term.
    """
    if len(counts_by_group) < 2:
        raise ValueError("one_vs_rest needs at least two groups")
    prior_alpha = group_prior(counts_by_group, prior, alpha_0)
    frames = []
    for group in sorted(counts_by_group):
        own = counts_by_group[group]
        rest = _sum_counts(counts for name, counts in counts_by_group.items() if name != group)
        scores = fightin_words(own, rest, prior_alpha)
        scores.insert(0, "count_rest", [rest.get(term, 0) for term in scores.index])
        scores.insert(0, "count_outlet", [own.get(term, 0) for term in scores.index])
        scores.insert(0, "outlet", group)
        frames.append(scores.reset_index())
    table = pd.concat(frames, ignore_index=True)
    table["_neg_z"] = -table["z"]
    table = table.sort_values(["outlet", "_neg_z", "term"], kind="stable").drop(columns="_neg_z")
    return table.reset_index(drop=True)[
        ["outlet", "term", "count_outlet", "count_rest", "delta", "var", "z"]
    ]


def _sum_counts(groups: Iterable[Counts]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counts in groups:
        total.update(counts)
    return total


def event_keyness(
    counts_by_group: Mapping[str, Counts],
    prior: PriorKind = "background",
    alpha_0: float | None = None,
) -> pd.DataFrame:
    """:func:`one_vs_rest` with the prior stored beside the scores: columns ``alpha`` (α_w of the term)
    and ``prior`` (:func:`describe_prior`). ``alpha_0`` None: :func:`background_alpha_0` for the
    background prior, 100 for the pooled one (the corpus tables' value)."""
    if alpha_0 is None:
        alpha_0 = background_alpha_0(counts_by_group) if prior == "background" else 100.0
    alphas = group_prior(counts_by_group, prior, alpha_0)
    table = one_vs_rest(counts_by_group, alpha_0=alpha_0, prior=prior)
    return table.assign(
        alpha=[alphas[term] for term in table["term"]], prior=describe_prior(prior, alpha_0)
    )
