"""The first comparison layer of one event: style and readability, distinctive words, label families.

Each function takes the cleaned articles of an event and returns a tidy table; :func:`write_compare_layer`
writes them all. Methods and sources are in the modules they call (readability, keyness, labels).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.atomic import write_tables
from analysis.evidence import mark
from analysis.measures.keyness import one_vs_rest
from analysis.measures.labels import LabelFamily, count_labels, find_labels
from analysis.measures.readability import style_measures
from analysis.tables.clean_layer import sentences_table
from analysis.text.cleaning import CleanArticle
from analysis.text.segment import split_sentences, words

DEFAULT_ALPHA_0 = 100.0


def _by_outlet(cleaned: list[CleanArticle]) -> dict[str, list[CleanArticle]]:
    grouped: dict[str, list[CleanArticle]] = {}
    for item in cleaned:
        grouped.setdefault(item.article.outlet, []).append(item)
    return dict(sorted(grouped.items()))


def style_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """Readability and style per outlet on the body paragraphs (headline and sub-headings excluded).

    Long form: ``outlet, measure, value``; measures in a fixed order.
    """
    rows = []
    for outlet, items in _by_outlet(cleaned).items():
        paragraphs = [block.text for item in items for block in item.paragraphs]
        body = "\n\n".join(paragraphs)
        sentences = [span.text for paragraph in paragraphs for span in split_sentences(paragraph)]
        measures = style_measures(body, sentences, words(body))
        rows += [
            {"outlet": outlet, "measure": name, "value": value} for name, value in measures.items()
        ]
    return pd.DataFrame(rows, columns=["outlet", "measure", "value"])


def term_counts(cleaned: list[CleanArticle]) -> dict[str, Counter[str]]:
    """Lower-cased word counts per outlet over all blocks (headline, headings, paragraphs)."""
    return {
        outlet: Counter(word for item in items for word in words(item.text))
        for outlet, items in _by_outlet(cleaned).items()
    }


def keyness_table(cleaned: list[CleanArticle], alpha_0: float = DEFAULT_ALPHA_0) -> pd.DataFrame:
    """Fightin' Words of each outlet against the rest of the event (informative prior, ``alpha_0``)."""
    return one_vs_rest(term_counts(cleaned), alpha_0=alpha_0)


def label_uses(cleaned: list[CleanArticle], families: list[LabelFamily]) -> pd.DataFrame:
    """Every label use with its voice and the sentence it stands in (the span marked ``[[…]]``)."""
    uses = pd.concat(
        [
            find_labels(
                item.article.outlet, ((block.start, block.text) for block in item.blocks), families
            ).assign(article=item.article.path.stem)
            for item in cleaned
        ],
        ignore_index=True,
    )
    sentences = sentences_table(cleaned)
    evidence = []
    for use in uses.itertuples():
        sentence = sentences[
            (sentences["article"] == use.article)
            & (sentences["start"] <= use.start)
            & (sentences["end"] >= use.end)
        ].iloc[0]
        left, right = use.start - sentence["start"], use.end - sentence["start"]
        text = sentence["text"]
        evidence.append(
            {
                "sentence": int(sentence["sentence"]),
                "evidence": mark(text, left, right),
            }
        )
    uses = pd.concat(
        [uses.drop(columns="block_text"), pd.DataFrame(evidence, index=uses.index)], axis=1
    )
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


def label_table(cleaned: list[CleanArticle], families: list[LabelFamily]) -> pd.DataFrame:
    """Label-family counts per outlet and voice (narration / quoted), zeros included."""
    outlets = sorted({item.article.outlet for item in cleaned})
    return count_labels(label_uses(cleaned, families), outlets, families)


def write_compare_layer(
    cleaned: list[CleanArticle],
    families: list[LabelFamily],
    out_dir: Path | str,
    alpha_0: float = DEFAULT_ALPHA_0,
) -> dict[str, Path]:
    """Write the comparison tables of one event as CSV and Parquet; return the written paths."""
    uses = label_uses(cleaned, families)
    outlets = sorted({item.article.outlet for item in cleaned})
    tables = {
        "style": style_table(cleaned),
        "keyness": keyness_table(cleaned, alpha_0),
        "label_uses": uses,
        "labels": count_labels(uses, outlets, families),
    }
    return write_tables(out_dir, tables)
