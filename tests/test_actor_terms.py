"""Tests for analysis.measures.actor_terms and analysis.measures.label_discrepancies on a small,
hand-written event (two outlets, one bridge collapse)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest.load import load_event
from analysis.measures.actor_terms import TERM_COLUMNS, actor_terms, distinctive_terms
from analysis.measures.actors import actor_mentions
from analysis.measures.label_discrepancies import (
    DISCREPANCY_COLUMNS,
    discrepancy_sentence,
    label_discrepancies,
)
from analysis.site.findings import discrepancy_finding
from analysis.text.document import Document

TEXTS = {
    "Alpha": (
        "Bridge falls\n\n"
        "Councillor Ilse Moreau, the city's transport chief, said the bridge was old. "
        "The Harbour Front, a group of armed militants, claimed the blast. "
        'Later the transport chief visited the site. Moreau said "the terrorists fled".'
    ),
    "Beta": (
        "Span collapses\n\n"
        "Ilse Moreau inspected the river. Harbour Front separatists were blamed. "
        "Ilse Moreau promised repairs, and Moreau met the Harbour Front rebels later."
    ),
}


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> list[Document]:
    raw_dir = tmp_path_factory.mktemp("raw")
    rows = []
    for outlet, text in TEXTS.items():
        path = raw_dir / "ev" / f"{outlet}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        rows.append({"event_id": "ev", "outlet": outlet, "title": "", "date": "2021-03-01",
                     "path": f"ev/{outlet}.txt"})  # fmt: skip
    with (raw_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return load_event("ev", Path(raw_dir))


@pytest.fixture(scope="module")
def terms(event) -> pd.DataFrame:
    return actor_terms(event, actor_mentions(event, discover=False))


def kinds(terms: pd.DataFrame, actor: str, outlet: str) -> set[tuple[str, str]]:
    rows = terms[(terms["actor"] == actor) & (terms["outlet"] == outlet)]
    return set(zip(rows["kind"], rows["term"], strict=True))


def test_columns_offsets_and_kinds(event, terms) -> None:
    assert list(terms.columns) == TERM_COLUMNS
    texts = {item.id: item.text for item in event}
    for row in terms.itertuples():
        assert texts[row.article][row.start : row.end] == row.term
    alpha = kinds(terms, "Ilse Moreau", "Alpha")
    assert ("title", "Councillor") in alpha  # a title before the name
    assert ("description", "the city's transport chief") in alpha  # an apposition after it
    assert ("description", "the transport chief") in alpha  # a later definite description
    assert ("description", "a group of armed militants") in kinds(terms, "Harbour Front", "Alpha")


def test_labels_carry_their_family_and_voice(terms) -> None:
    labels = terms[terms["kind"] == "label"]
    beta = labels[(labels["outlet"] == "Beta") & (labels["actor"] == "Harbour Front")]
    assert {"separatism", "rebellion"} <= set(beta["family"])
    assert set(labels["voice"]) <= {"narration", "quoted"}


def test_label_discrepancy_between_outlets_with_evidence(event, terms) -> None:
    found = label_discrepancies(terms, event)
    assert list(found.columns) == DISCREPANCY_COLUMNS
    (row,) = found[found["actor"] == "Harbour Front"].itertuples()
    assert (row.outlet, row.other_outlet) == ("Alpha", "Beta")
    assert "militancy" in row.families and "separatism" in row.other_families
    assert "armed militants" in row.evidence and "separatists" in row.other_evidence


def test_no_discrepancy_when_the_families_agree(event, terms) -> None:
    same = terms.copy()
    same.loc[same["kind"] == "label", "family"] = "militancy"
    assert label_discrepancies(same, event).empty


def test_distinctive_terms_per_actor_and_outlet(event) -> None:
    """One outlet says "the regime", the other "the government", for the same actor."""
    rows = []
    for item, term in zip(event, ("the regime", "the government"), strict=True):
        for number in range(6):
            rows.append({"event_id": "ev", "outlet": item.article.outlet, "article": item.id,
                         "actor": "Ruritania", "term": term, "kind": "description",
                         "voice": "narration", "sentence": 0, "start": number, "end": number + 1,
                         "family": ""})  # fmt: skip
        rows.append({**rows[-1], "term": "Ruritania", "kind": "name"})
    table = distinctive_terms(pd.DataFrame(rows, columns=TERM_COLUMNS), event)
    best = table.sort_values("z", ascending=False).groupby("outlet")["term"].first()
    assert best.to_dict() == {"Alpha": "the regime", "Beta": "the government"}
    assert "ruritania" not in set(table["term"])  # used by both alike: not distinctive
    assert (table["z"] >= 1.0).all() and (table["evidence"] != "").all()


def test_discrepancies_become_a_site_finding(event, terms) -> None:
    table = label_discrepancies(terms, event)
    finding = discrepancy_finding(table)
    assert finding is not None and finding.table == "label_discrepancies.csv"
    assert "Harbour Front" in finding.text and "separatism" in finding.text
    assert discrepancy_sentence(table.iloc[:0]) is None
    assert discrepancy_finding(table.iloc[:0]) is None
