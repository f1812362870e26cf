"""Tone of each sentence (VADER), in the outlet's narration and in quoted text; hedges and modality.

Tone. VADER (Hutto & Gilbert 2014, "VADER: A parsimonious rule-based model for sentiment analysis of
social media text", ICWSM-14; PyPI ``vaderSentiment`` 3.3.2, lexicon shipped with the package, nothing is
downloaded; scored by the exact port :mod:`analysis.measures.vader`) scores each sentence: ``compound``
(normalised sum of valences, −1 … 1) and ``pos``, ``neu``, ``neg`` (proportions of the text). A compound
≤ −0.05 counts as negative and ≥ 0.05 as positive, the thresholds VADER's authors recommend. Each
sentence also gets a *voice* (:mod:`analysis.measures.voice`): the share of its characters (quotation
marks included) that lie inside quotation marks (:mod:`analysis.text.quotemarks`, computed on the whole
paragraph, so a quotation opened in an earlier sentence counts) makes it "quoted" when it is at least
one half (:data:`analysis.measures.voice.QUOTED_SHARE`), "narration" when it is zero, and "mixed"
otherwise. The quoted part and the narration part of each sentence are also scored on their own (the
pieces of each voice joined by a space; NaN when a part has no word), so an outlet's own wording and
the words it attributes to others can be compared even inside one sentence.

Limits. VADER was built and validated on social-media text; its lexicon rates news vocabulary of
violence ("terrorism", "attack", "fight") as negative whatever the stance, so tone here largely tracks
topic, not the outlet's evaluation. It is English-only: machine-translated articles are scored in
translation. Sentence tone is not stance towards an actor; :func:`actor_tone` only averages the tone of
the sentences that mention the actor, with a 95% percentile bootstrap interval of that mean over the
sentences (Efron & Tibshirani 1993, ch. 13) from :data:`ACTOR_MIN_SENTENCES` sentences on.

Hedges and modality. Dictionary counts of hedges and boosters (Hyland 1998, "Hedging in Scientific
Research Articles"; Hyland 2005, "Metadiscourse") and epistemic and deontic modality (Palmer 2001, "Mood
and Modality") from ``codebooks/hedges.yaml``, one use per match, in narration or inside quotation marks
(by the position of the match), with rates per 1,000 words of that voice. The families overlap by design
(may/might/could are hedges and epistemic modals), so rates are read per family; forms are ambiguous out
of context (see the codebook).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.evidence import mark
from analysis.measures import vader
from analysis.measures.codebook import FamilyEntry, Scan, in_codebook_order, load_families, scan
from analysis.measures.frames import require_columns
from analysis.measures.resampling import mean_interval
from analysis.measures.voice import quote_intervals, sentence_voice, voice_tone, voice_words
from analysis.text.document import Document
from analysis.text.quotemarks import Interval, is_quoted

HEDGE_CODEBOOK = config.CODEBOOKS / "hedges.yaml"

VOICES = ("narration", "quoted")
SENTENCE_VOICES = ("narration", "mixed", "quoted")
#: VADER's recommended thresholds on the compound score (Hutto & Gilbert 2014).
NEGATIVE_AT_MOST = -0.05
POSITIVE_AT_LEAST = 0.05
DECIMALS = 6

SENTENCE_COLUMNS = ("event_id", "outlet", "article", "sentence", "block", "start", "end", "text")
TONE_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "block",
    "start",
    "end",
    "words",
    "quoted_share",
    "voice",
    "compound",
    "pos",
    "neu",
    "neg",
    "narration_compound",
    "quoted_compound",
    "narration_words",
    "quoted_words",
    "text",
    "narration_text",
    "quoted_text",
]
SUMMARY_COLUMNS = [
    "outlet",
    "voice",
    "sentences",
    "mean_compound",
    "share_negative",
    "share_positive",
]
ACTOR_COLUMNS = [
    "outlet",
    "actor",
    "sentences",
    "mean_compound",
    "mean_compound_low",
    "mean_compound_high",
    "share_negative",
    "share_positive",
    "mean_narration_compound",
    "mean_quoted_compound",
]
ACTOR_MIN_SENTENCES = 3
"""Fewer sentences about an actor than this: too little evidence for an interval (bounds NaN); the
figure fades such points."""
USE_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "family",
    "term",
    "voice",
    "start",
    "end",
    "evidence",
]
COUNT_COLUMNS = ["outlet", "family", "voice", "count", "words", "rate_per_1000"]


# --- tone ----------------------------------------------------------------------------------------


def sentence_tone(sentences: pd.DataFrame, cleaned: list[Document] | None = None) -> pd.DataFrame:
    """VADER scores and voice of every sentence, and of its narration and quoted parts.

    ``sentences`` is :func:`analysis.tables.clean_layer.sentences_table` of ``cleaned`` (quotation marks are found in
    the cleaned paragraphs; without ``cleaned``, in paragraphs rebuilt from the sentences, see
    :func:`analysis.measures.voice.quote_intervals`). Columns: event_id, outlet,
    article, sentence, block, start, end, words, quoted_share (share of the sentence's characters inside
    quotation marks, 6 decimals), voice (narration / mixed / quoted, see :func:`analysis.measures.voice.sentence_voice`),
    compound, pos, neu, neg (VADER on the whole sentence), narration_compound, quoted_compound (VADER on
    each part; NaN where the part has no word), narration_words, quoted_words, text, narration_text,
    quoted_text. Sorted by event, outlet, article, sentence.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences table")
    rows = []
    for row, spans in zip(
        sentences.itertuples(index=False), quote_intervals(sentences, cleaned), strict=True
    ):
        text = str(row.text)
        share = sum(b - a for a, b in spans) / len(text) if text else 0.0
        scores = vader.scores(text)
        parts = voice_tone(text, spans, scores["compound"])
        rows.append(
            {
                "event_id": row.event_id,
                "outlet": row.outlet,
                "article": row.article,
                "sentence": int(row.sentence),
                "block": int(row.block),
                "start": int(row.start),
                "end": int(row.end),
                "words": parts.narration_words + parts.quoted_words,
                "quoted_share": round(share, DECIMALS),
                "voice": sentence_voice(share),
                **scores,
                "narration_compound": parts.narration_compound,
                "quoted_compound": parts.quoted_compound,
                "narration_words": parts.narration_words,
                "quoted_words": parts.quoted_words,
                "text": text,
                "narration_text": parts.narration_text,
                "quoted_text": parts.quoted_text,
            }
        )
    table = pd.DataFrame(rows, columns=TONE_COLUMNS)
    order = ["event_id", "outlet", "article", "sentence"]
    return table.sort_values(order, kind="stable").reset_index(drop=True)


def _tone_stats(values: pd.Series) -> pd.Series:
    return pd.Series(
        {
            "sentences": len(values),
            "mean_compound": values.mean() if len(values) else math.nan,
            "share_negative": (values <= NEGATIVE_AT_MOST).mean() if len(values) else math.nan,
            "share_positive": (values >= POSITIVE_AT_LEAST).mean() if len(values) else math.nan,
        }
    )


def _grouped_stats(
    long: pd.DataFrame, keys: list[str], grid: pd.MultiIndex, value: str = "value"
) -> pd.DataFrame:
    stats = {key: _tone_stats(group[value]) for key, group in long.groupby(keys, sort=True)}
    empty = _tone_stats(pd.Series(dtype=float))
    rows = [stats.get(key, empty) for key in grid]
    table = pd.DataFrame(rows, index=grid, columns=empty.index).reset_index()
    table["sentences"] = table["sentences"].astype(int)
    return table.round({column: DECIMALS for column in SUMMARY_COLUMNS[3:]})


def tone_summary(tone: pd.DataFrame, by: str = "part") -> pd.DataFrame:
    """Tone per outlet × voice: sentences, mean_compound, share_negative, share_positive.

    ``by="part"`` (default): voices narration and quoted; each sentence contributes its narration part
    (``narration_compound``) and its quoted part (``quoted_compound``) where they are not empty, so
    ``sentences`` counts sentences with a part in that voice. ``by="sentence"``: the whole-sentence
    ``compound`` grouped by the sentence's voice (narration, mixed, quoted). Shares use VADER's
    thresholds (≤ −0.05 negative, ≥ 0.05 positive). Every outlet × voice, empty ones with 0 sentences
    and NaN; floats rounded to 6 decimals.
    """
    outlets = sorted(set(tone["outlet"]))
    if by == "part":
        voices = VOICES
        long = pd.concat(
            [
                pd.DataFrame({"outlet": tone["outlet"], "voice": v, "value": tone[f"{v}_compound"]})
                for v in VOICES
            ],
            ignore_index=True,
        ).dropna(subset=["value"])
    elif by == "sentence":
        voices = SENTENCE_VOICES
        long = pd.DataFrame(
            {"outlet": tone["outlet"], "voice": tone["voice"], "value": tone["compound"]}
        )
    else:
        raise ValueError(f"by must be 'part' or 'sentence', not {by!r}")
    grid = pd.MultiIndex.from_product([outlets, list(voices)], names=["outlet", "voice"])
    return _grouped_stats(long, ["outlet", "voice"], grid)[SUMMARY_COLUMNS]


def actor_tone(tone: pd.DataFrame, actor_mentions: pd.DataFrame) -> pd.DataFrame:
    """Mean tone of the sentences that mention each actor, per outlet × actor (every pair).

    ``actor_mentions`` needs columns outlet, article, actor, sentence_start, sentence_end (clean-text
    offsets). A sentence of ``tone`` mentions an actor when it is in the same article and its span
    contains the mention's span or lies within it (so both a mention's own span and the span of the
    sentence it stands in work). A sentence counts once per actor however often it mentions the actor;
    the outlet is the tone table's. Columns: outlet, actor, sentences, mean_compound,
    mean_compound_low, mean_compound_high, share_negative, share_positive, mean_narration_compound,
    mean_quoted_compound (means over the sentences with that part). Sorted by outlet, actor; floats
    rounded to 6 decimals.

    ``mean_compound_low`` and ``mean_compound_high`` bound a 95% percentile bootstrap interval of the
    mean over the pair's sentences (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*,
    ch. 13; 2,000 resamples of the sentences with a fixed seed,
    :func:`analysis.measures.resampling.mean_interval`); NaN with fewer than
    :data:`ACTOR_MIN_SENTENCES` sentences. Sentences of one article are resampled as if independent,
    so the interval may be too narrow when an article repeats itself.
    """
    require_columns(
        actor_mentions,
        ("outlet", "article", "actor", "sentence_start", "sentence_end"),
        "actor mentions",
    )
    columns = [
        "outlet",
        "article",
        "sentence",
        "start",
        "end",
        "compound",
        "narration_compound",
        "quoted_compound",
    ]
    require_columns(tone, columns, "tone table")
    mentions = actor_mentions[["article", "actor", "sentence_start", "sentence_end"]]
    pairs = mention_sentences(mentions, tone[columns])
    pairs = pairs.drop_duplicates(["outlet", "article", "sentence", "actor"])
    outlets = sorted(set(tone["outlet"]))
    actors = sorted(set(actor_mentions["actor"]))
    grid = pd.MultiIndex.from_product([outlets, actors], names=["outlet", "actor"])
    table = _grouped_stats(pairs, ["outlet", "actor"], grid, value="compound")
    for part in VOICES:
        means = pairs.groupby(["outlet", "actor"])[f"{part}_compound"].mean().reindex(grid)
        table[f"mean_{part}_compound"] = means.round(DECIMALS).to_numpy()
    bounds = {
        key: mean_interval(group.to_numpy())
        for key, group in pairs.groupby(["outlet", "actor"])["compound"]
        if len(group) >= ACTOR_MIN_SENTENCES
    }
    for position, column in enumerate(["mean_compound_low", "mean_compound_high"]):
        values = [bounds.get(key, (math.nan, math.nan))[position] for key in grid]
        table[column] = pd.Series(values, dtype=float).round(DECIMALS).to_numpy()
    return table[ACTOR_COLUMNS]


def mention_sentences(mentions: pd.DataFrame, tone: pd.DataFrame) -> pd.DataFrame:
    """Each mention joined with every sentence of its article whose span contains the mention's
    span (``sentence_start``, ``sentence_end``) or lies within it: the rows, in the order, of an
    inner merge on ``article`` filtered by those two conditions, without building every mention ×
    sentence pair of the article (issue 15, linear cost).

    An article's sentences are ordered by start; where their ends are ordered too (sentences do
    not nest), each condition holds on one run of sentences, found by bisection. Otherwise the
    article falls back to the merge.
    """
    found: list[tuple[np.ndarray, np.ndarray]] = []
    rows_of = tone.groupby("article", sort=False).indices
    mention_rows = mentions.groupby("article", sort=False).indices
    for article, sentence_rows in rows_of.items():
        if article not in mention_rows:
            continue
        order = sentence_rows[np.lexsort((tone["end"].to_numpy()[sentence_rows],
                                          tone["start"].to_numpy()[sentence_rows]))]  # fmt: skip
        starts, ends = tone["start"].to_numpy()[order], tone["end"].to_numpy()[order]
        chosen = mention_rows[article]
        first = mentions["sentence_start"].to_numpy()[chosen]
        last = mentions["sentence_end"].to_numpy()[chosen]
        if np.any(np.diff(ends) < 0) or pd.isna(first).any() or pd.isna(last).any():
            found.append(_merged_pairs(chosen, first, last, order, starts, ends))
            continue
        for low, high in (
            (np.searchsorted(ends, last, "left"), np.searchsorted(starts, first, "right")),
            (np.searchsorted(starts, first, "left"), np.searchsorted(ends, last, "right")),
        ):
            sizes = np.clip(high - low, 0, None)
            offset = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            found.append((np.repeat(chosen, sizes), order[np.repeat(low, sizes) + offset]))
    mention_index = np.concatenate([pair[0] for pair in found] or [np.zeros(0, np.int64)])
    sentence_index = np.concatenate([pair[1] for pair in found] or [np.zeros(0, np.int64)])
    unique = np.unique(np.column_stack([mention_index, sentence_index]), axis=0)
    joined = mentions.iloc[unique[:, 0]].reset_index(drop=True)
    others = tone.drop(columns="article").iloc[unique[:, 1]].reset_index(drop=True)
    return pd.concat([joined, others], axis=1)


def _merged_pairs(
    chosen: np.ndarray,
    first: np.ndarray,
    last: np.ndarray,
    order: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(mention, sentence) rows of one article by testing every pair (sentences that nest)."""
    inside = (starts[None, :] <= first[:, None]) & (last[:, None] <= ends[None, :])
    covers = (first[:, None] <= starts[None, :]) & (ends[None, :] <= last[:, None])
    mention, sentence = np.nonzero(inside | covers)
    return chosen[mention], order[sentence]


# --- hedges, boosters, modality ------------------------------------------------------------------


#: A family of hedge, booster or modality markers: an entry of the hedge codebook (name, description,
#: source, compiled pattern, examples, keeps).
MarkerFamily = FamilyEntry


def load_hedge_codebook(path: Path | str = HEDGE_CODEBOOK) -> list[MarkerFamily]:
    """Read a hedge/modality codebook (:func:`analysis.measures.codebook.load_families`); errors
    name the file and the family."""
    return load_families(path, "hedge codebook")


def sentence_markers(
    text: str, families: list[MarkerFamily], found: Scan | None = None
) -> list[tuple[int, int, int]]:
    """Every marker use in one sentence: ``(family index, start, end)``, family by family.

    Within one family overlapping matches count once: the non-empty matches of its pattern's
    ``finditer``, which never overlap. ``found``: a scan of ``text`` for (at least) the families'
    patterns, made here when not given.
    """
    patterns = [family.pattern for family in families]
    found = found if found is not None else scan(text, patterns)
    if not found.may_match_any(patterns):
        return []
    return [
        (index, match.start(), match.end())
        for index, pattern in enumerate(patterns)
        if found.may_match(pattern)
        for match in found.finditer(pattern)
        if match.end() > match.start()
    ]


def _uses(
    sentences: pd.DataFrame, families: list[MarkerFamily], intervals: list[list[Interval]]
) -> pd.DataFrame:
    rows = []
    for row, spans in zip(sentences.itertuples(index=False), intervals, strict=True):
        text = str(row.text)
        for index, start, end in sentence_markers(text, families):
            rows.append(
                {
                    "event_id": row.event_id,
                    "outlet": row.outlet,
                    "article": row.article,
                    "sentence": int(row.sentence),
                    "family": families[index].name,
                    "term": " ".join(text[start:end].lower().split()),
                    "voice": "quoted" if is_quoted(start, spans) else "narration",
                    "start": int(row.start) + start,
                    "end": int(row.start) + end,
                    "evidence": mark(text, start, end),
                }
            )
    table = pd.DataFrame(rows, columns=USE_COLUMNS)
    return in_codebook_order(table, "family", [family.name for family in families])


def hedge_uses(
    sentences: pd.DataFrame,
    families: list[MarkerFamily],
    cleaned: list[Document] | None = None,
) -> pd.DataFrame:
    """Every hedge/booster/modality marker: one row per use, with its voice and evidence.

    Columns: event_id, outlet, article, sentence, family, term (lower case), voice (narration or quoted,
    by the position of the match's first character), start, end (clean-text offsets), evidence (the
    sentence with the marker marked ``[[…]]``). Within one family overlapping matches count once. Pass
    ``cleaned`` to take quotation marks from the cleaned paragraphs (see :func:`analysis.measures.voice.quote_intervals`).
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences table")
    return _uses(sentences, families, quote_intervals(sentences, cleaned))


def hedge_counts(
    sentences: pd.DataFrame,
    families: list[MarkerFamily],
    cleaned: list[Document] | None = None,
) -> pd.DataFrame:
    """Marker uses per outlet × family × voice, with the rate per 1,000 words of that voice.

    Columns: outlet, family, voice, count, words (word tokens of the outlet in that voice, by the
    token's first character), rate_per_1000 (count / words × 1000, 6 decimals; NaN without words).
    Every outlet × family × voice, in codebook order for families.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences table")
    intervals = quote_intervals(sentences, cleaned)
    uses = _uses(sentences, families, intervals)
    outlets = sorted(set(sentences["outlet"]))
    names = [family.name for family in families]
    grid = pd.MultiIndex.from_product(
        [outlets, names, list(VOICES)], names=["outlet", "family", "voice"]
    )
    counts = uses.groupby(["outlet", "family", "voice"]).size().reindex(grid, fill_value=0)
    totals = {(outlet, voice): 0 for outlet in outlets for voice in VOICES}
    for row, spans in zip(sentences.itertuples(index=False), intervals, strict=True):
        narration, quoted = voice_words(str(row.text), spans)
        totals[(row.outlet, "narration")] += narration
        totals[(row.outlet, "quoted")] += quoted
    table = counts.rename("count").reset_index()
    table["count"] = table["count"].astype(int)
    table["words"] = [totals[(o, v)] for o, v in zip(table["outlet"], table["voice"], strict=True)]
    rate = table["count"] / table["words"].where(table["words"] > 0) * 1000
    table["rate_per_1000"] = rate.round(DECIMALS)
    return table[COUNT_COLUMNS]
