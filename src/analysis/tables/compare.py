"""The first comparison layer of one event: style and readability, distinctive words, label families.

Each function takes the cleaned articles of an event and returns a tidy table; :func:`compare_tables`
gathers them and :func:`write_compare_layer` writes them all. Methods and sources are in the modules they call (readability, keyness, labels).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.atomic import write_tables
from analysis.evidence import mark
from analysis.measures.keyness import PriorKind, event_keyness
from analysis.measures.labels import LabelFamily, count_labels, find_labels
from analysis.measures.readability import style_measures
from analysis.text.document import Document

DEFAULT_ALPHA_0 = 100.0


def _by_outlet(cleaned: list[Document]) -> dict[str, list[Document]]:
    grouped: dict[str, list[Document]] = {}
    for item in cleaned:
        grouped.setdefault(item.article.outlet, []).append(item)
    return dict(sorted(grouped.items()))


def style_table(cleaned: list[Document]) -> pd.DataFrame:
    """Readability and style per outlet on the body paragraphs (headline and sub-headings excluded).

    Long form: ``outlet, measure, value``; measures in a fixed order. Sentences and words are the
    documents' own (:attr:`Document.sentences`, :attr:`Document.words`).
    """
    rows = []
    for outlet, items in _by_outlet(cleaned).items():
        body = "\n\n".join(block.text for item in items for block in item.paragraphs)
        body_sentences = [(item, s) for item in items for s in item.body_sentences]
        sentences = [sentence.text for _, sentence in body_sentences]
        tokens = [word for item, sentence in body_sentences for word in item.words[sentence.index]]
        measures = style_measures(body, sentences, tokens)
        rows += [
            {"outlet": outlet, "measure": name, "value": value} for name, value in measures.items()
        ]
    return pd.DataFrame(rows, columns=["outlet", "measure", "value"])


def term_counts(cleaned: list[Document]) -> dict[str, Counter[str]]:
    """Lower-cased word counts per outlet over all blocks (headline, headings, paragraphs)."""
    return {
        outlet: Counter(word for item in items for found in item.words for word in found)
        for outlet, items in _by_outlet(cleaned).items()
    }


def keyness_table(
    cleaned: list[Document], alpha_0: float | None = None, prior: PriorKind = "background"
) -> pd.DataFrame:
    """Fightin' Words of each outlet against the rest of the event, with the prior used in columns
    ``alpha`` and ``prior`` (:func:`analysis.measures.keyness.event_keyness`; default: background
    English frequencies, α_0 = 10 × the event's words)."""
    return event_keyness(term_counts(cleaned), prior=prior, alpha_0=alpha_0)


def label_uses(cleaned: list[Document], families: list[LabelFamily]) -> pd.DataFrame:
    """Every label use with its voice and the sentence it stands in (the span marked ``[[…]]``)."""
    found: list[pd.DataFrame] = []
    sentences: list[int] = []
    evidence: list[str] = []
    for item in cleaned:
        uses = find_labels(
            item.article.outlet, ((block.start, block.text) for block in item.blocks), families
        )
        for start, end in zip(uses["start"], uses["end"], strict=True):
            sentence = item.sentence_of(start, end)
            sentences.append(sentence.index)
            evidence.append(mark(sentence.text, start - sentence.start, end - sentence.start))
        found.append(uses.drop(columns="block_text").assign(article=item.id))
    uses = pd.concat(found, ignore_index=True)
    if len(uses):  # without uses, reindex below adds both columns empty
        uses = uses.assign(sentence=sentences, evidence=evidence)
    columns = [
        "outlet",
        "article",
        "family",
        "term",
        "voice",
        "start",
        "end",
        "sentence",
        "evidence",
    ]
    return uses.reindex(columns=columns).sort_values(["outlet", "article", "start"], kind="stable")


def label_table(cleaned: list[Document], families: list[LabelFamily]) -> pd.DataFrame:
    """Label-family counts per outlet and voice (narration / quoted), zeros included."""
    outlets = sorted({item.article.outlet for item in cleaned})
    return count_labels(label_uses(cleaned, families), outlets, families)


def compare_tables(
    cleaned: list[Document], families: list[LabelFamily], alpha_0: float | None = None
) -> dict[str, pd.DataFrame]:
    """Every table of the comparison layer of one event, by name (see ``data/processed/README.md``)."""
    uses = label_uses(cleaned, families)
    outlets = sorted({item.article.outlet for item in cleaned})
    return {
        "style": style_table(cleaned),
        "keyness": keyness_table(cleaned, alpha_0),
        "label_uses": uses,
        "labels": count_labels(uses, outlets, families),
    }


def write_compare_layer(tables: dict[str, pd.DataFrame], out_dir: Path | str) -> dict[str, Path]:
    """Write the comparison tables of one event as CSV and Parquet; return the written paths."""
    return write_tables(out_dir, tables)
