"""Agreement of a sentence alignment with a hand-made gold alignment (``data/gold/alignment_*.csv``).

Used by ``benchmarks/alignment_calibration.py`` to calibrate the thresholds of
:mod:`analysis.measures.alignment`: precision, recall and F1 of the pair decision "similarity ≥
threshold" (the usual measures of sentence alignment evaluation, e.g. Nelken & Shieber 2006,
"Towards robust context-sensitive sentence alignment for monolingual corpora", EACL 2006).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

__all__ = ["GOLD_COLUMNS", "evaluate_pairs", "gold_drift", "load_gold"]

GOLD_COLUMNS = [
    "event_id",
    "outlet",
    "sentence",
    "other_outlet",
    "other_sentence",
    "relation",
    "sha",
    "other_sha",
    "note",
]
_PAIR_KEYS = ["event_id", "outlet", "sentence", "other_outlet", "other_sentence"]


def load_gold(path: str | Path) -> pd.DataFrame:
    """A gold alignment (``data/gold/alignment_*.csv``; format in ``data/gold/README.md``).

    One row per corresponding pair of sentences of two outlets (``outlet`` < ``other_outlet``);
    every other cross-outlet pair of a listed event is a non-correspondence.
    """
    gold = pd.read_csv(path, dtype={"event_id": str, "outlet": str, "other_outlet": str})
    missing = [column for column in GOLD_COLUMNS if column not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    if not (gold["outlet"] < gold["other_outlet"]).all():
        raise ValueError(f"{path}: each pair must have outlet < other_outlet")
    if not gold["relation"].isin(["same", "partial"]).all():
        raise ValueError(f"{path}: relation must be 'same' or 'partial'")
    if gold.duplicated(_PAIR_KEYS).any():
        raise ValueError(f"{path}: duplicate pairs")
    return gold.sort_values(_PAIR_KEYS, kind="stable").reset_index(drop=True)


def gold_drift(gold: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Gold pairs whose sentence no longer has the text the annotator saw (segmentation changed).

    ``sha``/``other_sha`` are the first 10 hex digits of the SHA-256 of the sentence text.
    """
    digest = {
        (row.event_id, row.outlet, int(row.sentence)): hashlib.sha256(
            str(row.text).encode("utf-8")
        ).hexdigest()[:10]
        for row in sentences.itertuples(index=False)
    }
    problems = []
    for row in gold.itertuples(index=False):
        for outlet, sentence, sha in (
            (row.outlet, row.sentence, row.sha),
            (row.other_outlet, row.other_sentence, row.other_sha),
        ):
            if digest.get((row.event_id, outlet, int(sentence))) != sha:
                problems.append(f"{row.event_id} {outlet} sentence {sentence}: text changed")
    return sorted(set(problems))


def evaluate_pairs(
    alignment: pd.DataFrame, gold: pd.DataFrame, threshold: float
) -> dict[str, float]:
    """Precision, recall and F1 of the pair decision "similarity ≥ threshold" against ``gold``.

    Pairs are unordered and counted once; only the events of ``gold`` are scored. Also returns the
    counts (tp, fp, fn) and ``recall_same``, the recall on the pairs graded "same".
    """
    events = set(gold["event_id"])
    forward = alignment[
        alignment["event_id"].isin(events)
        & (alignment["outlet"] < alignment["other_outlet"])
        & (alignment["similarity"] >= threshold)
    ]
    predicted = set(forward[_PAIR_KEYS].itertuples(index=False, name=None))
    truth = {
        (e, o, int(s), oo, int(os_)): relation
        for e, o, s, oo, os_, relation in gold[[*_PAIR_KEYS, "relation"]].itertuples(
            index=False, name=None
        )
    }
    predicted = {(e, o, int(s), oo, int(os_)) for e, o, s, oo, os_ in predicted}
    tp = len(predicted & truth.keys())
    fp = len(predicted) - tp
    fn = len(truth) - tp
    same = {pair for pair, relation in truth.items() if relation == "same"}
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "recall_same": len(predicted & same) / len(same) if same else 1.0,
    }


FACT_COLUMNS = ["event_id", "fact", "fact_class", "outlet", "sentence", "sha", "note"]


def load_facts(path: str | Path) -> pd.DataFrame:
    """Hand-coded facts (``data/gold/selection_*.csv``): one row per sentence that states a fact.

    ``fact_class`` is ``shared`` (every outlet listed states it) or ``only <outlet>``.
    """
    facts = pd.read_csv(path, dtype={"event_id": str, "outlet": str, "sha": str})
    missing = [column for column in FACT_COLUMNS if column not in facts.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    only = facts["fact_class"].str.removeprefix("only ")
    bad = (facts["fact_class"] != "shared") & (only != facts["outlet"])
    if bad.any():
        raise ValueError(f"{path}: fact_class must be 'shared' or 'only <its outlet>'")
    return facts.sort_values(["event_id", "fact", "outlet", "sentence"], kind="stable")


def score_facts(facts: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """Per fact: the statuses of its sentences and whether the fact lands in its class.

    A shared fact is right when none of its sentences is ``unique``; a one-outlet fact when all of
    them are ``unique`` (status from :func:`analysis.measures.alignment.classify_sentences`).
    """
    keys = ["event_id", "outlet", "sentence"]
    found = facts.merge(status[[*keys, "status"]], on=keys, how="left", validate="m:1")
    if found["status"].isna().any():
        raise ValueError("a fact's sentence is missing from the status table")
    rows = []
    for (event_id, fact), group in found.groupby(["event_id", "fact"], sort=True):
        fact_class = str(group["fact_class"].iloc[0])
        unique = group["status"] == "unique"
        right = bool(unique.all()) if fact_class != "shared" else not bool(unique.any())
        statuses = "; ".join(
            f"{o} {s}: {st}"
            for o, s, st in group[["outlet", "sentence", "status"]].itertuples(index=False)
        )
        rows.append({"event_id": event_id, "fact": fact, "fact_class": fact_class,
                     "statuses": statuses, "right": right})  # fmt: skip
    return pd.DataFrame(rows)
