"""Sentence vectors and similarities for :mod:`analysis.measures.alignment`.

Two weightings of the features of :mod:`analysis.measures.sentence_features`:

* ``background`` (default): a word's weight is its information content in general English,
  ``−ln p(w)`` (Shannon 1948; used as a term weight by Resnik 1995, "Using information content to
  evaluate semantic similarity", IJCAI), from :mod:`analysis.measures.background`, times the event's
  smoothed IDF (below). The background tells that "electricity" says more than "said" whatever the
  event; a few articles cannot estimate that, but their IDF still discounts the event's topic words that
  every outlet repeats. Names and numbers (``name:``/``num:`` features and the words that are names)
  keep today's weighting: the event IDF, on the scale of a typical word (the median information content
  of the event's other words), so a rare name does not outweigh the fact around it.
* ``idf``: TF-IDF (Spärck Jones 1972; Salton & Buckley 1988), ``idf = ln((1 + N) / (1 + df)) + 1`` over
  the N sentences of the event (scikit-learn's default), the weighting before the background.

Similarity ("same fact", :func:`fact_similarity`): the geometric mean of the cosine of the full vectors
and the cosine of their *what* part (words and numbers, names left out), so two sentences that share
only who and where ("President Rohani") but not what happened score 0. The gold's definition of a
correspondence is "the same actor doing or saying the same thing" (``data/gold/README.md``).
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import numpy as np

from analysis.measures.background import information_content

__all__ = [
    "Weighting",
    "background_matrix",
    "background_weights",
    "fact_similarity",
    "normalise_rows",
    "similarity_matrix",
    "tfidf_matrix",
    "tfidf_weights",
]

Weighting = Literal["background", "idf"]


def normalise_rows(weights: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm (zero rows stay zero)."""
    norms = np.sqrt((weights**2).sum(axis=1, keepdims=True))
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)


def _count_matrix(features: list[Counter[str]]) -> tuple[np.ndarray, list[str]]:
    vocabulary = sorted(set().union(*features)) if features else []
    index = {term: column for column, term in enumerate(vocabulary)}
    counts = np.zeros((len(features), len(vocabulary)))
    for row, counter in enumerate(features):
        for term, count in counter.items():
            counts[row, index[term]] = count
    return counts, vocabulary


def _smoothed_idf(features: list[Counter[str]], vocabulary: list[str]) -> np.ndarray:
    """``ln((1 + N) / (1 + df)) + 1`` per vocabulary term (df: the sentences that have it)."""
    df = Counter(term for counter in features for term in counter if counter[term] > 0)
    counts = np.array([df[term] for term in vocabulary], dtype=np.int64)
    return np.log((1.0 + len(features)) / (1.0 + counts)) + 1.0


def tfidf_weights(features: list[Counter[str]]) -> tuple[list[str], np.ndarray]:
    """The sorted vocabulary and each term's idf (the weight of :func:`tfidf_matrix`)."""
    vocabulary = sorted(set().union(*features)) if features else []
    return vocabulary, _smoothed_idf(features, vocabulary)


def tfidf_matrix(features: list[Counter[str]]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """L2-normalised TF-IDF rows for these feature counts; the sorted vocabulary; the idf vector.

    tf = raw count; idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn's default).
    A sentence without features gets a zero row.
    """
    counts, vocabulary = _count_matrix(features)
    _, idf = tfidf_weights(features)
    return normalise_rows(counts * idf), vocabulary, idf


def is_name_feature(term: str, names: frozenset[str]) -> bool:
    """A ``name:`` feature or the word of an event name."""
    return term.startswith("name:") or term in names


def background_weights(
    features: list[Counter[str]], labels: list[dict[str, str]], names: frozenset[str]
) -> tuple[list[str], np.ndarray]:
    """The sorted vocabulary and each feature's weight: background information content × event
    IDF (module doc).

    A word's information content is that of its most frequent written form in the event (``labels``:
    each sentence's written form of its features). Names and numbers take the median information
    content of the other words.
    """
    vocabulary = sorted(set().union(*features)) if features else []
    index = {term: column for column, term in enumerate(vocabulary)}
    content = np.full(len(vocabulary), np.inf)
    for counter, written in zip(features, labels, strict=True):
        for term in counter:
            surface = written.get(term, term.split(":", 1)[-1]).lower()
            column = index[term]
            content[column] = min(content[column], information_content(surface))
    plain = np.array(
        [is_name_feature(term, names) or term.startswith("num:") for term in vocabulary], bool
    )
    if plain.any():
        content[plain] = float(np.median(content[~plain])) if (~plain).any() else 1.0
    return vocabulary, content * _smoothed_idf(features, vocabulary)


def background_matrix(
    features: list[Counter[str]], labels: list[dict[str, str]], names: frozenset[str]
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """L2-normalised rows weighted by :func:`background_weights`; the sorted vocabulary; the
    weight of each feature (dense: the all-pairs definition; :mod:`analysis.measures.alignment_pairs`
    works on sparse rows)."""
    counts, vocabulary = _count_matrix(features)
    _, weight = background_weights(features, labels, names)
    return normalise_rows(counts * weight), vocabulary, weight


def similarity_matrix(weights: np.ndarray) -> np.ndarray:
    """Cosine similarities of L2-normalised rows, clipped to [0, 1] and rounded to 6 decimals.

    Made exactly symmetric before rounding, so both directions of a pair carry the same value.
    """
    products = weights @ weights.T
    return np.round(np.clip((products + products.T) / 2.0, 0.0, 1.0), 6)


def fact_similarity(
    weights: np.ndarray, vocabulary: list[str], names: frozenset[str]
) -> np.ndarray:
    """√(cosine of the full rows × cosine of their names-free part), rounded to 6 decimals."""
    what = np.array([not is_name_feature(term, names) for term in vocabulary], bool)
    full = similarity_matrix(weights)
    without_names = similarity_matrix(normalise_rows(weights * what))
    return np.round(np.sqrt(full * without_names), 6)
