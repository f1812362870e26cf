"""The one definition of "share of an outlet's quoted words", used by the table, figure and site.

A quotation's words count as the outlet's quoted words when its kind is speech
(:data:`analysis.schema.SPEECH_KINDS`: direct, partial and indirect); scare quotes and titles do not.
Unattributed speech counts in the outlet's total, so the named speakers' shares need not sum to 1.
Method: a proportion of word counts (no model); the quotation kinds are those of the quotation
extractor, :mod:`analysis.measures.quotes` (after Pareti 2016, "PARC 3.0", LREC).
"""

from __future__ import annotations

import pandas as pd

from analysis.schema import SPEECH_KINDS

__all__ = ["SPEECH_SHARE_DEFINITION", "quoted_word_shares"]

#: What the share counts, said next to every share (table README, figure note, notebook, site).
SPEECH_SHARE_DEFINITION = (
    "share of the outlet's quoted words; quoted words = words of "
    + ", ".join(SPEECH_KINDS[:-1])
    + f" and {SPEECH_KINDS[-1]} speech, unattributed speech included in the total"
)


def quoted_word_shares(quotes: pd.DataFrame, by: str = "actor") -> pd.DataFrame:
    """Per outlet × ``by`` (speaker or actor): quotations, quoted words and their share.

    ``quotes`` has columns ``outlet, kind, words`` and ``by``, one row per quotation. Only speech
    kinds count (see :data:`SPEECH_SHARE_DEFINITION`); ``share_of_quoted_words`` is the group's
    words over all speech words of its outlet (an empty ``by`` is a group too), rounded to 6 places.
    """
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
    table = (
        speech.groupby(["outlet", by], sort=True)
        .agg(quotes=("words", "size"), quoted_words=("words", "sum"))
        .reset_index()
    )
    totals = speech.groupby("outlet")["words"].sum()
    shares = table["quoted_words"] / table["outlet"].map(totals).astype(float)
    table["share_of_quoted_words"] = shares.astype(float).round(6)
    return table
