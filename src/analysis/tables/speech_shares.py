"""The one definition of "share of an outlet's quoted words", used by the table, figure and site.

A quotation's words count as the outlet's quoted words when its kind is speech
(:data:`analysis.schema.SPEECH_KINDS`: direct, partial and indirect); scare quotes and titles do not,
nor do indirect reports of a thought, a stance, a topic or an inference (cue classes marked
``speech: false`` or ``no_source: true`` in the reporting-verb codebook: *believes that*, *called
for*, *discussed*, *appeared to*): what those report are not the source's words. Words inside
quotation marks count whatever their cue. Unattributed speech counts in the outlet's total, so the
named speakers' shares need not sum to 1.
Method: a proportion of word counts (no model); the quotation kinds are those of the quotation
extractor, :mod:`analysis.measures.quotes` (after Pareti 2016, "PARC 3.0", LREC).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analysis.measures.quotes.verbs import load_verb_classes
from analysis.schema import SPEECH_KINDS

__all__ = ["SPEECH_SHARE_DEFINITION", "not_words_classes", "quoted_word_shares", "reported_words"]

#: What the share counts, said next to every share (table README, figure note, notebook, site).
SPEECH_SHARE_DEFINITION = (
    "share of the outlet's quoted words; quoted words = words of "
    + ", ".join(SPEECH_KINDS[:-1])
    + f" and {SPEECH_KINDS[-1]} speech (not indirect reports of thoughts, stances or topics),"
    " unattributed speech included in the total"
)


@cache
def not_words_classes() -> frozenset[str]:
    """Cue classes whose indirect reports are no quoted words (see the module docstring)."""
    classes = {**load_verb_classes(), **load_verb_classes(section="noun_cues")}
    return frozenset(name for name, cls in classes.items() if not cls.speech or cls.no_source)


def reported_words(quotes: pd.DataFrame) -> pd.Series:
    """Which quotations are quoted words: speech kinds, less indirect reports under a cue of
    :func:`not_words_classes` (every speech row counts when ``verb_class`` is absent)."""
    speech = quotes["kind"].isin(SPEECH_KINDS)
    if "verb_class" not in quotes:
        return speech
    thought = (quotes["kind"] == "indirect") & quotes["verb_class"].isin(not_words_classes())
    return speech & ~thought


def quoted_word_shares(quotes: pd.DataFrame, by: str = "actor") -> pd.DataFrame:
    """Per outlet × ``by`` (speaker or actor): quotations, quoted words and their share.

    ``quotes`` has columns ``outlet, kind, words`` and ``by`` (and ``verb_class``), one row per
    quotation. Only quoted words count (:func:`reported_words`, :data:`SPEECH_SHARE_DEFINITION`);
    ``share_of_quoted_words`` is the group's words over all quoted words of its outlet (an empty
    ``by`` is a group too), rounded to 6 places.
    """
    speech = quotes[reported_words(quotes)]
    table = (
        speech.groupby(["outlet", by], sort=True)
        .agg(quotes=("words", "size"), quoted_words=("words", "sum"))
        .reset_index()
    )
    totals = speech.groupby("outlet")["words"].sum()
    shares = table["quoted_words"] / table["outlet"].map(totals).astype(float)
    table["share_of_quoted_words"] = shares.astype(float).round(6)
    return table
