"""Label discrepancies: the same actor labelled from different codebook families in the narration of
different outlets ("Baluch terrorist organizations" vs "Baloch separatists").

A finding in the sense of the word-choice and labelling bias of Hamborg, Zhukova & Gipp (2019, JCDL):
the referent is the same (one actor of :mod:`analysis.measures.actors`), the label family differs
(dictionary-based content analysis, Krippendorff 2019, ch. 8; families from the label codebooks of
:mod:`analysis.measures.labels`). Only the outlets' own voice counts (narration, not quotations:
Tuchman 1972, "Objectivity as strategic ritual"); each side keeps its evidence span and sentence,
like the numbers' "different description".
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import pandas as pd

from analysis.text.document import Document

DISCREPANCY_COLUMNS = [
    "event_id", "actor", "outlet", "families", "terms", "start", "end", "evidence",
    "other_outlet", "other_families", "other_terms", "other_start", "other_end", "other_evidence",
]  # fmt: skip


def _side(uses: pd.DataFrame, sentences: dict) -> dict:
    """Families, terms and the first use (span, sentence) of one outlet's labels of one actor."""
    families = sorted({f for value in uses["family"] for f in value.split(";") if f})
    first = uses.sort_values(["article", "start"], kind="stable").iloc[0]
    return {
        "families": ";".join(families),
        "terms": "; ".join(sorted(set(uses["term"].str.casefold()))),
        "start": int(first["start"]),
        "end": int(first["end"]),
        "evidence": sentences.get((first["article"], int(first["sentence"])), ""),
    }


def label_discrepancies(terms: pd.DataFrame, cleaned: Sequence[Document]) -> pd.DataFrame:
    """One row per actor and pair of outlets whose narration labels the actor (labels and
    descriptions with a codebook word, :func:`analysis.measures.actor_terms.actor_terms`) from different
    families (each side with its families, terms, first span and sentence); columns
    :data:`DISCREPANCY_COLUMNS`, sorted by event, actor, outlet, other outlet."""
    labels = terms[(terms["family"] != "") & (terms["voice"] == "narration")]
    sentences = {(item.id, s.index): s.text for item in cleaned for s in item.sentences}
    rows = []
    for (event_id, actor), group in labels.groupby(["event_id", "actor"], sort=True):
        sides = {outlet: _side(uses, sentences) for outlet, uses in group.groupby("outlet")}
        for left, right in combinations(sorted(sides), 2):
            if sides[left]["families"] == sides[right]["families"]:
                continue
            other = {f"other_{key}": value for key, value in sides[right].items()}
            rows.append({"event_id": event_id, "actor": actor, "outlet": left, **sides[left],
                         "other_outlet": right, **other})  # fmt: skip
    return pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)


def discrepancy_sentence(table: pd.DataFrame, shown: int = 2) -> str | None:
    """One sentence naming the first ``shown`` discrepancies (None when there is none): "Labelled
    differently: Baloch, RFI “separatists” (separatism) vs VOA “terrorist organizations”
    (terrorism)." Reads the table as written (columns :data:`DISCREPANCY_COLUMNS`)."""
    if table.empty:
        return None
    parts = [
        f"{row.actor}, {row.outlet} “{row.terms}” ({row.families}) vs {row.other_outlet} "
        f"“{row.other_terms}” ({row.other_families})"
        for row in table.head(shown).itertuples()
    ]
    more = f"; {len(table) - shown} more" if len(table) > shown else ""
    return f"Labelled differently in the outlets' own narration: {'; '.join(parts)}{more}."
