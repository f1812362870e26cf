"""Who speaks, what is selected, how facts are told: the framing layer of one event.

Framing is selection and salience (Entman 1993, "Framing: Toward clarification of a fractured
paradigm", Journal of Communication 43(4)). This module runs the analyses that measure it, each in its
own module with its method and sources (quotes, actors, alignment, numbers, frames, tone), joins them
where one needs another (speakers become actors; actors get their tone), and writes the tables.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.atomic import write_tables
from analysis.measures.actor_terms import actor_terms, distinctive_terms
from analysis.measures.actors import (
    actor_mentions,
    actors_table,
    find_actor_file,
    speaker_actors,
)
from analysis.measures.alignment import (
    align_sentences,
    classify_sentences,
    coverage_table,
    lead_table,
)
from analysis.measures.frames import frame_indicators, frame_profile, load_frame_codebook
from analysis.measures.label_discrepancies import label_discrepancies
from analysis.measures.labels import LabelFamily, load_codebook
from analysis.measures.numbers import match_numbers, numbers_table, side_by_side
from analysis.measures.quotes import quotes_table
from analysis.measures.tone import (
    actor_tone,
    hedge_counts,
    hedge_uses,
    load_hedge_codebook,
    sentence_tone,
    tone_summary,
)
from analysis.tables.clean_layer import sentences_table
from analysis.tables.speech_shares import quoted_word_shares
from analysis.text.document import Document


def speaking_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet × speaking actor: quotations, quoted words, share of the outlet's quoted words.

    The share is :func:`analysis.tables.speech_shares.quoted_word_shares` (one definition for the
    table, the quote-share figure and the site); speech without an actor counts only in the total.
    """
    table = quoted_word_shares(quotes, "actor")
    return table[table["actor"] != ""].reset_index(drop=True)


def actor_labels(mentions: pd.DataFrame) -> pd.DataFrame:
    """Label families attached to each actor, per outlet and voice (narration / quoted).

    The spine's narration-vs-quoted split (:mod:`analysis.measures.labels`) applied to the descriptors of every
    actor mention: e.g. one outlet calls a group "separatists" in its own voice, another "terrorist
    organizations".
    """
    labelled = mentions[mentions["label_families"] != ""].assign(
        family=lambda table: table["label_families"].str.split(";")
    )
    labelled = labelled.explode("family")
    columns = ["outlet", "actor", "family", "voice", "uses", "descriptors"]
    if labelled.empty:
        return pd.DataFrame(columns=columns)
    table = (
        labelled.groupby(["outlet", "actor", "family", "voice"], sort=True)
        .agg(
            uses=("mention", "size"),
            descriptors=("descriptor", lambda d: "; ".join(sorted(set(d)))),
        )
        .reset_index()
    )
    return table[columns]


def aligned_pairs(alignment: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Aligned sentences side by side (each pair once), most similar first: the evidence of sharing."""
    keys = zip(sentences["article"], sentences["sentence"], strict=True)
    text = dict(zip(keys, sentences["text"], strict=True))  # a dict: one look-up per pair
    pairs = alignment[alignment["outlet"] < alignment["other_outlet"]].copy()
    pairs["text"] = [text[key] for key in zip(pairs["article"], pairs["sentence"], strict=True)]
    pairs["other_text"] = [
        text[key] for key in zip(pairs["other_article"], pairs["other_sentence"], strict=True)
    ]
    pairs = pairs.sort_values(["similarity", "article", "sentence"], ascending=[False, True, True])
    columns = [
        "outlet",
        "sentence",
        "text",
        "other_outlet",
        "other_sentence",
        "other_text",
        "similarity",
    ]
    return pairs[columns].reset_index(drop=True)


def framing_tables(
    cleaned: list[Document],
    actor_file: Path | str | None = None,
    label_families: list[LabelFamily] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of the framing layer of one event, by name (see ``data/processed/README.md``)."""
    families = label_families if label_families is not None else load_codebook()
    sentences = sentences_table(cleaned)
    mentions = actor_mentions(cleaned, actor_file or find_actor_file(cleaned), families=families)
    terms = actor_terms(cleaned, mentions, families)
    quotes = quotes_table(cleaned)
    quotes.insert(quotes.columns.get_loc("speaker") + 1, "actor", speaker_actors(quotes, mentions))
    tone = sentence_tone(sentences, cleaned)
    alignment = align_sentences(sentences)
    status = classify_sentences(sentences, alignment)
    numbers = match_numbers(numbers_table(cleaned))
    frames_codebook = load_frame_codebook()
    indicators = frame_indicators(sentences, frames_codebook)
    markers = load_hedge_codebook()
    speaking = speaking_table(quotes)
    actors = actors_table(mentions).merge(
        speaking.drop(columns="share_of_quoted_words"), on=["outlet", "actor"], how="left"
    )
    actors[["quotes", "quoted_words"]] = actors[["quotes", "quoted_words"]].fillna(0).astype(int)
    tone_by_actor = actor_tone(tone, mentions)
    actors = actors.merge(
        tone_by_actor[["outlet", "actor", "mean_compound"]],
        on=["outlet", "actor"],
        how="left",
    )
    return {
        "quotes": quotes,
        "speakers": speaking,
        "actor_mentions": mentions,
        "actors": actors,
        "actor_labels": actor_labels(mentions),
        "actor_terms": terms,
        "actor_distinctive_terms": distinctive_terms(terms, cleaned),
        "label_discrepancies": label_discrepancies(terms, cleaned),
        "alignment": alignment,
        "aligned_pairs": aligned_pairs(alignment, sentences),
        "sentence_status": status,
        "coverage": coverage_table(status),
        "lead": lead_table(sentences, status, alignment),
        "numbers": numbers,
        "numbers_side_by_side": side_by_side(numbers),
        "frame_indicators": indicators,
        "frame_profile": frame_profile(indicators, sentences, frames_codebook),
        "tone": tone,
        "tone_summary": tone_summary(tone),
        "actor_tone": tone_by_actor,
        "hedge_uses": hedge_uses(sentences, markers, cleaned),
        "hedges": hedge_counts(sentences, markers, cleaned),
    }


def write_framing_layer(tables: dict[str, pd.DataFrame], out_dir: Path | str) -> dict[str, Path]:
    """Write every framing table as ``<name>.csv`` and ``<name>.parquet`` into ``out_dir``; return
    the paths."""
    return write_tables(out_dir, dict(sorted(tables.items())))
