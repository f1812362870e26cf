"""Selection and omission: align the sentences of one event across outlets, then say what is shared.

Method
------
Each sentence becomes a weighted feature vector and two sentences of different outlets are compared by
a cosine. TF-IDF cosine (Spärck Jones 1972, J. Documentation 28(1); Salton & Buckley 1988, Information
Processing & Management 24(5)) is the baseline of monolingual news sentence alignment (Nelken & Shieber
2006, EACL). Like text-reuse work on news (Clough, Gaizauskas, Piao & Wilks 2002, "METER", ACL 2002,
which grades a derived text as wholly, partially or non-derived), a sentence is graded in three:
*shared*, *partly shared* or *unique*.

Features of a sentence: content words, names and numbers
(:func:`analysis.measures.sentence_features.sentence_features`, method there).

Weights and similarity (:mod:`analysis.measures.alignment_weights`): by default a word weighs its
information content in general English (wordfreq's background) times the event's smoothed IDF; names
and numbers weigh as before (event IDF, at a typical word's scale); the similarity of two sentences is
the geometric mean of the full cosine and the cosine without names, so sharing only who and where is
not sharing a fact. ``weighting="idf"`` gives the plain TF-IDF cosine used before. Sub-headings
(``block_kind == "heading"``) are aligned only with sub-headings: they name a topic, not a fact.

Decisions (:func:`classify_sentences`): a sentence is *shared* when its best match in some other
outlet has similarity ≥ ``threshold``, *partly shared* when the best is ≥ ``partial_threshold``, else
*unique*. Alignment is one-to-many: every pair at or above ``partial_threshold`` is kept. Both
thresholds are calibrated on the tuning part of a hand-made gold alignment (five BASIL events,
``data/gold/alignment_basil.csv``) and reported on a checking part (two other BASIL events and the
seed) by ``benchmarks/alignment_calibration.py`` with :mod:`analysis.measures.alignment_gold`.

Calibration (benchmarks/README.md): shared ≥ 0.18 has precision 0.74 / recall 0.57 on the tuning
events, 0.85 / 0.63 on the checking events and 0.58 / 0.55 on the seed (plain TF-IDF: 0.79 / 0.56
and 0.44 / 0.35); 13 of the seed's 15 hand-coded facts land in their class (TF-IDF: 10).

Limits: lexical overlap is not meaning. Paraphrases with no shared content word (a translation's
"armed groups" for another outlet's "militants") are missed, and two sentences that repeat the same
names about different facts can match. Matches are evidence to read, not verdicts; every pair
carries its ``shared_terms``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.measures.alignment_pairs import SparseRows, pair_similarities, shared_columns
from analysis.measures.alignment_weights import (
    Weighting,
    background_weights,
    is_name_feature,
    similarity_matrix,
    tfidf_matrix,
    tfidf_weights,
)
from analysis.measures.sentence_features import token_units, unit_features, unit_names

__all__ = [
    "PARTIAL_THRESHOLD",
    "SHARED_THRESHOLD",
    "align_sentences",
    "classify_sentences",
    "coverage_table",
    "lead_table",
    "similarity_matrix",
    "tfidf_matrix",
]

#: Similarity at or above which two sentences of different outlets report the same thing ("shared").
#: Calibrated: the threshold with maximal F1 for the pair decision on the tuning gold
#: (benchmarks/alignment_calibration.py; table in benchmarks/README.md).
SHARED_THRESHOLD = 0.18
#: Cosine at or above which a pair is kept as a partial match ("partly shared"): the threshold with
#: maximal F2 (recall weighted twice as much as precision) on the same gold, not above
#: SHARED_THRESHOLD (benchmarks/alignment_calibration.py; benchmarks/README.md).
PARTIAL_THRESHOLD = 0.13

#: Block kinds aligned only among themselves: a sub-heading ("Porous border") names a topic, it does
#: not state a fact a body sentence could share. (The document model has no caption blocks.)
APART_KINDS = ("heading",)

#: How many of the top shared features ``align_sentences`` lists per pair.
SHARED_TERMS_SHOWN = 5

SENTENCE_KEYS = ["event_id", "outlet", "article", "sentence"]
ALIGNMENT_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "other_outlet",
    "other_article",
    "other_sentence",
    "similarity",
    "shared_terms",
]
STATUS_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "block",
    "block_kind",
    "words",
    "status",
    "best_similarity",
    "shared_with",
    "matched_outlets",
    "text",
]
COVERAGE_COLUMNS = [
    "event_id",
    "outlet",
    "sentences",
    "shared",
    "partly_shared",
    "unique",
    "words",
    "unique_words",
    "unique_share",
    "unique_share_sentences",
]
LEAD_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "block_kind",
    "text",
    "other_outlet",
    "status_elsewhere",
    "other_article",
    "other_sentence",
    "other_position",
    "similarity",
]
STATUSES = ("shared", "partly shared", "unique")


# --- pairs ------------------------------------------------------------------------------------


def _shared_terms(
    left: dict[int, float], right: dict[int, float], vocabulary: list[str], labels: dict[str, str]
) -> str:
    """Top shared features of a pair by their contribution to the cosine, as written on the left.

    ``left`` and ``right`` are the pair's weighted rows (``{column: weight}``). Features with one
    label (a name and its word; ``27`` and ``num:27``) are summed and shown once. Ties are broken by
    label, so the order is deterministic.
    """
    contribution: dict[str, float] = {}
    for column in shared_columns(left, right):
        term = vocabulary[column]
        label = labels.get(term, term)
        contribution[label] = contribution.get(label, 0.0) + left[column] * right[column]
    ranked = sorted(contribution, key=lambda label: (-round(contribution[label], 12), label))
    return ";".join(ranked[:SHARED_TERMS_SHOWN])


def _check_thresholds(threshold: float, partial_threshold: float) -> None:
    if not 0.0 < partial_threshold <= threshold <= 1.0:
        raise ValueError(
            f"need 0 < partial_threshold <= threshold <= 1, got {partial_threshold}, {threshold}"
        )


def _sorted_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in [*SENTENCE_KEYS, "text"] if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences table lacks column(s): {', '.join(missing)}")
    return sentences.sort_values(SENTENCE_KEYS, kind="stable").reset_index(drop=True)


def align_sentences(
    sentences: pd.DataFrame,
    threshold: float = SHARED_THRESHOLD,
    partial_threshold: float = PARTIAL_THRESHOLD,
    weighting: Weighting = "background",
) -> pd.DataFrame:
    """Every pair of sentences of different outlets of the same event with cosine ≥ ``partial_threshold``.

    ``sentences`` is :func:`analysis.tables.clean_layer.sentences_table` (needs ``event_id, outlet, article,
    sentence, text``; ``block_kind`` is used, when present, to keep Title-Case headlines from making
    names). ``weighting``: :mod:`analysis.measures.alignment_weights` (``idf``: the plain TF-IDF cosine).
    Sub-headings are kept apart: a ``heading`` sentence pairs only with another heading. One-to-many: a sentence may align with several sentences of
    each other outlet. Each pair appears in both directions. ``threshold`` is only checked
    (``partial_threshold ≤ threshold``); the table keeps every pair a partial match needs.
    Pairs with no shared feature are never listed. Sorted by the sentence keys and the other keys.
    The pairs come from an inverted index, never from all pairs; a sentence with more than
    :data:`analysis.measures.alignment_pairs.MAX_PARTNERS` partners in one outlet (a repeated,
    pathological article) keeps its best ones (:mod:`analysis.measures.alignment_pairs`).
    """
    _check_thresholds(threshold, partial_threshold)
    table = _sorted_sentences(sentences)
    columns: dict[str, list] = {name: [] for name in ALIGNMENT_COLUMNS}
    for event_id, event in table.groupby("event_id", sort=True):
        rows, vocabulary, labels, names_free = _event_weights(event, weighting)
        blocks = np.column_stack([_heading_flags(event), _outlet_codes(event)])
        left, right, similarity = pair_similarities(
            rows, names_free, blocks, partial_threshold, fact=weighting == "background"
        )
        outlets = event["outlet"].to_numpy()
        articles = event["article"].to_numpy()
        numbers = event["sentence"].to_numpy()
        weights = {number: rows.row(number) for number in np.unique(left).tolist()}
        columns["event_id"].extend([event_id] * len(left))
        columns["outlet"].extend(outlets[left].tolist())
        columns["article"].extend(articles[left].tolist())
        columns["sentence"].extend(int(number) for number in numbers[left])
        columns["other_outlet"].extend(outlets[right].tolist())
        columns["other_article"].extend(articles[right].tolist())
        columns["other_sentence"].extend(int(number) for number in numbers[right])
        columns["similarity"].extend(similarity.tolist())
        columns["shared_terms"].extend(
            _shared_terms(weights[i], weights[j], vocabulary, labels[i])
            for i, j in zip(left.tolist(), right.tolist(), strict=True)
        )
    found = columns if columns["event_id"] else []  # no pair: object columns, as ever
    alignment = pd.DataFrame(found, columns=ALIGNMENT_COLUMNS)
    order = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    return alignment.sort_values(order, kind="stable").reset_index(drop=True)


def _heading_flags(event: pd.DataFrame) -> np.ndarray:
    """1 for a sentence on the heading side of the divide (a sub-heading), else 0."""
    if "block_kind" not in event.columns:
        return np.zeros(len(event), np.int64)
    return event["block_kind"].astype(str).isin(APART_KINDS).to_numpy().astype(np.int64)


def _outlet_codes(event: pd.DataFrame) -> np.ndarray:
    """Each sentence's outlet as a number (outlets in sorted order)."""
    outlets = sorted(set(event["outlet"]))
    code = {outlet: number for number, outlet in enumerate(outlets)}
    return np.array([code[outlet] for outlet in event["outlet"]], np.int64)


def _event_weights(
    event: pd.DataFrame, weighting: Weighting
) -> tuple[SparseRows, list[str], list[dict[str, str]], np.ndarray]:
    """The weighted rows of the sentences of one event, the vocabulary, each sentence's labels,
    and which columns are not names (the *what* part)."""
    texts = event["text"].astype(str).tolist()
    if "block_kind" in event.columns:
        body = (event["block_kind"] == "paragraph").tolist()
    else:
        body = [True] * len(texts)
    units = [token_units(text) for text in texts]
    names = unit_names(units, body)
    featured = [unit_features(sentence_units, names) for sentence_units in units]
    features = [found for found, _ in featured]
    labels = [written for _, written in featured]
    if weighting == "background":
        vocabulary, weight = background_weights(features, labels, names)
    elif weighting == "idf":
        vocabulary, weight = tfidf_weights(features)
    else:
        raise ValueError(f"unknown weighting {weighting!r}: use 'background' or 'idf'")
    names_free = np.array([not is_name_feature(term, names) for term in vocabulary], bool)
    return SparseRows.from_counts(features, vocabulary, weight), vocabulary, labels, names_free


# --- decisions and tables ---------------------------------------------------------------------


def classify_sentences(
    sentences: pd.DataFrame,
    alignment: pd.DataFrame,
    threshold: float = SHARED_THRESHOLD,
    partial_threshold: float = PARTIAL_THRESHOLD,
) -> pd.DataFrame:
    """Status of every sentence: "shared", "partly shared" or "unique".

    shared: its best match in at least one other outlet has similarity ≥ ``threshold``; partly
    shared: the best is ≥ ``partial_threshold``; unique: no match at ``partial_threshold``.
    ``best_similarity`` is 0 when no pair was aligned. ``shared_with`` lists the outlets with a
    match ≥ ``threshold``, ``matched_outlets`` those with a match ≥ ``partial_threshold``
    (semicolon-joined, sorted). Headlines and headings are kept; ``block_kind`` says which they are.
    """
    _check_thresholds(threshold, partial_threshold)
    table = _sorted_sentences(sentences)
    pairs = alignment[alignment["similarity"] >= partial_threshold]
    best_by_outlet = (
        pairs.groupby([*SENTENCE_KEYS, "other_outlet"], sort=True)["similarity"].max().reset_index()
    )
    best: dict[tuple, float] = {}
    shared_with: dict[tuple, list[str]] = {}
    matched: dict[tuple, list[str]] = {}
    for row in best_by_outlet.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        best[key] = max(best.get(key, 0.0), float(row.similarity))
        matched.setdefault(key, []).append(row.other_outlet)
        if row.similarity >= threshold:
            shared_with.setdefault(key, []).append(row.other_outlet)
    rows = []
    for row in table.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        score = best.get(key, 0.0)
        if score >= threshold:
            status = "shared"
        elif score >= partial_threshold:
            status = "partly shared"
        else:
            status = "unique"
        rows.append(
            {
                "event_id": row.event_id,
                "outlet": row.outlet,
                "article": row.article,
                "sentence": int(row.sentence),
                "block": getattr(row, "block", pd.NA),
                "block_kind": getattr(row, "block_kind", "paragraph"),
                "words": getattr(row, "words", len(str(row.text).split())),
                "status": status,
                "best_similarity": score,
                "shared_with": ";".join(sorted(set(shared_with.get(key, [])))),
                "matched_outlets": ";".join(sorted(set(matched.get(key, [])))),
                "text": row.text,
            }
        )
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def coverage_table(status: pd.DataFrame, exclude_kinds: Iterable[str] = ()) -> pd.DataFrame:
    """Per event and outlet: how many sentences (and words) are shared, partly shared, unique.

    ``unique_share`` is the headline figure and is **by words**: the share of the outlet's words that
    sit in sentences no other outlet reports (a short unique heading weighs less than a long unique
    paragraph sentence, and outlets that write long sentences are not favoured).
    ``unique_share_sentences`` is the same by sentence count. ``exclude_kinds`` drops block kinds
    (e.g. ``("headline", "heading")``); by default every sentence counts.
    """
    excluded = set(exclude_kinds)
    table = status[~status["block_kind"].isin(excluded)]
    rows = []
    for (event_id, outlet), group in table.groupby(["event_id", "outlet"], sort=True):
        counts = group["status"].value_counts()
        words = int(group["words"].sum())
        unique_words = int(group.loc[group["status"] == "unique", "words"].sum())
        rows.append(
            {
                "event_id": event_id,
                "outlet": outlet,
                "sentences": len(group),
                "shared": int(counts.get("shared", 0)),
                "partly_shared": int(counts.get("partly shared", 0)),
                "unique": int(counts.get("unique", 0)),
                "words": words,
                "unique_words": unique_words,
                "unique_share": round(unique_words / words, 6) if words else 0.0,
                "unique_share_sentences": round(int(counts.get("unique", 0)) / len(group), 6),
            }
        )
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def _lead_flags(sentences: pd.DataFrame) -> pd.Series:
    """True for lead sentences: headline blocks and the first paragraph block of each article."""
    first_paragraph = (
        sentences[sentences["block_kind"] == "paragraph"]
        .groupby(["event_id", "outlet", "article"])["block"]
        .min()
        .rename("first_paragraph")
    )
    joined = sentences.join(first_paragraph, on=["event_id", "outlet", "article"])
    return (joined["block_kind"] == "headline") | (joined["block"] == joined["first_paragraph"])


def lead_table(
    sentences: pd.DataFrame, status: pd.DataFrame, alignment: pd.DataFrame
) -> pd.DataFrame:
    """What each outlet puts in its lead that another outlet puts later or leaves out.

    The lead of an article is its headline plus its first paragraph block. For every lead sentence and
    every other outlet X of the event, its counterpart in X is its best match there (highest
    similarity among the pairs in ``alignment``; ties: the earlier sentence). If the counterpart is
    in X's lead, nothing is reported; if it is later, the row says ``later in X`` with the
    counterpart (``other_sentence``; ``other_position`` = its relative position in its article,
    0 = first sentence, 1 = last); without any match in X, ``omitted by X``. ``status`` (from
    :func:`classify_sentences`) gives the outlets of each event. Sorted by sentence, then outlet X.
    """
    table = _sorted_sentences(sentences)
    lead_flags = _lead_flags(table).to_numpy()
    sizes = table.groupby(["event_id", "outlet", "article"])["sentence"].transform("count")
    positions = (table["sentence"] / (sizes - 1).clip(lower=1)).to_numpy()
    keys = list(table[SENTENCE_KEYS].itertuples(index=False, name=None))
    keys = [(e, o, a, int(n)) for e, o, a, n in keys]
    is_lead = dict(zip(keys, lead_flags, strict=True))
    position = dict(zip(keys, positions, strict=True))
    leads = {key for key, flag in zip(keys, lead_flags, strict=True) if flag}
    matches: dict[tuple, list[tuple]] = {}  # only the lead sentences' pairs are kept
    columns = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence", "similarity"]
    for e, o, a, n, other, other_article, other_n, similarity in alignment[columns].itertuples(
        index=False, name=None
    ):
        if (e, o, a, int(n)) in leads:
            other_key = (e, other, other_article, int(other_n))
            matches.setdefault((e, o, a, int(n)), []).append((other, other_key, float(similarity)))
    outlets = status.groupby("event_id")["outlet"].agg(lambda s: sorted(set(s))).to_dict()
    rows = []
    lead_rows = table[lead_flags]
    for row in lead_rows.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        for other in outlets.get(row.event_id, []):
            if other == row.outlet:
                continue
            base = {
                "event_id": row.event_id,
                "outlet": row.outlet,
                "article": row.article,
                "sentence": int(row.sentence),
                "block_kind": row.block_kind,
                "text": row.text,
                "other_outlet": other,
            }
            found = [(k, sim) for o, k, sim in matches.get(key, []) if o == other]
            if not found:
                rows.append(
                    base
                    | {
                        "status_elsewhere": f"omitted by {other}",
                        "other_article": None,
                        "other_sentence": None,
                        "other_position": math.nan,
                        "similarity": math.nan,
                    }
                )
                continue
            best, similarity = min(found, key=lambda item: (-item[1], position[item[0]], item[0]))
            if is_lead[best]:
                continue
            rows.append(
                base
                | {
                    "status_elsewhere": f"later in {other}",
                    "other_article": best[2],
                    "other_sentence": best[3],
                    "other_position": round(float(position[best]), 6),
                    "similarity": similarity,
                }
            )
    lead = pd.DataFrame(rows, columns=LEAD_COLUMNS)
    lead["other_sentence"] = lead["other_sentence"].astype("Int64")
    return lead
