"""Distinctive vocabulary: Fightin' Words, the log-odds ratio with an informative Dirichlet prior.

Source: Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), 372-403, eqs. 16, 18-22:

    δ_w = ln[(y_w^a + α_w) / (n^a + α_0 − y_w^a − α_w)] − ln[(y_w^b + α_w) / (n^b + α_0 − y_w^b − α_w)]
    σ²_w ≈ 1/(y_w^a + α_w) + 1/(y_w^b + α_w)
    z_w = δ_w / σ_w,   α_0 = Σ_w α_w

z > 0 means the term leans to corpus a.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

Counts = Mapping[str, float]


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


def one_vs_rest(counts_by_group: Mapping[str, Counts], alpha_0: float = 100.0) -> pd.DataFrame:
    """Fightin' Words for each group against the pooled other groups (N ≥ 2 groups).

    The prior is informative: the pooled counts of all groups scaled to ``alpha_0``. Returns a long table
    with columns ``outlet, term, count_outlet, count_rest, delta, var, z``, sorted by outlet, z desc, term.
    """
    if len(counts_by_group) < 2:
        raise ValueError("one_vs_rest needs at least two groups")
    pooled = _sum_counts(counts_by_group.values())
    prior = informative_prior(pooled, alpha_0)
    frames = []
    for group in sorted(counts_by_group):
        own = counts_by_group[group]
        rest = _sum_counts(counts for name, counts in counts_by_group.items() if name != group)
        scores = fightin_words(own, rest, prior)
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
