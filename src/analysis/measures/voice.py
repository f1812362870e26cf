"""The two voices of a sentence: the outlet's narration and the text it quotes.

Quotation marks are read on the whole paragraph (:func:`analysis.text.quotemarks.quoted_spans`), so a
quotation opened in an earlier sentence of the paragraph counts; each sentence gets the quoted intervals
that fall in it (:func:`sentence_quotes`, :func:`quote_intervals`). A sentence whose quoted characters
(quotation marks included) are at least :data:`QUOTED_SHARE` of it is "quoted", none "narration", else
"mixed" (:func:`sentence_voice`). Its narration part and quoted part are the pieces of each voice joined
by a space (:func:`split_voices`); a word token belongs to the voice of its first character
(:func:`voice_words`); each part gets its own VADER compound (Hutto & Gilbert 2014, ICWSM-14;
:mod:`analysis.measures.vader`), NaN when it has no word (:func:`voice_tone`). The split follows the
distinction between a journalist's own wording and attributed wording (Tuchman 1972, "Objectivity as
strategic ritual"; Entman 1993).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pandas as pd

from analysis.errors import InputError
from analysis.measures import vader
from analysis.measures.frames import require_columns
from analysis.text.document import Document
from analysis.text.quotemarks import Interval, quoted_spans
from analysis.text.segment import has_word, token_starts

#: A sentence is "quoted" when at least this share of its characters lies inside quotation marks.
QUOTED_SHARE = 0.5


def sentence_voice(quoted_share: float) -> str:
    """Voice of a sentence: "quoted" if ``quoted_share`` ≥ :data:`QUOTED_SHARE`, "narration" if 0, else "mixed"."""
    if quoted_share >= QUOTED_SHARE:
        return "quoted"
    return "narration" if quoted_share == 0 else "mixed"


def sentence_quotes(quotes: list[Interval], start: int, end: int) -> list[Interval]:
    """The quoted intervals ``quotes`` of a block clipped to the sentence ``[start, end)``.

    Offsets of ``quotes``, ``start`` and ``end`` are on one scale; the result is relative to the
    sentence, sorted, with overlapping or touching intervals merged.
    """
    clipped = [
        (max(a, start) - start, min(b, end) - start) for a, b in quotes if a < end and b > start
    ]
    merged: list[Interval] = []
    for low, high in sorted(clipped):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _block_quotes(
    sentences: pd.DataFrame, cleaned: list[Document] | None
) -> dict[tuple[str, int], list[Interval]]:
    """Quoted intervals (clean-text offsets) of every block the sentences come from: the documents'
    own (read once per article), or, without documents, read from the block rebuilt from its sentences."""
    by_id = {item.id: item for item in cleaned} if cleaned is not None else None
    rows = list(
        zip(
            sentences["article"].tolist(),
            sentences["block"].tolist(),
            sentences["start"].tolist(),
            sentences["end"].tolist(),
            sentences["text"].tolist(),
            sentences["sentence"].tolist(),
            strict=True,
        )
    )
    groups: dict[tuple[str, int], list[int]] = {}  # in order of first appearance, one pass
    for position, (article, block, *_) in enumerate(rows):
        groups.setdefault((article, int(block)), []).append(position)
    quotes = {}
    for key, positions in groups.items():
        article, block = key
        group = [rows[position] for position in positions]
        if by_id is None:
            # Rebuild the block from its sentences: the gaps between sentences are whitespace only.
            base = int(min(row[2] for row in group))
            chars = [" "] * (int(max(row[3] for row in group)) - base)
            for _, _, start, end, text, _ in group:
                chars[int(start) - base : int(end) - base] = str(text)
            quotes[key] = [(base + a, base + b) for a, b in quoted_spans("".join(chars))]
            continue
        item = by_id.get(article)
        if item is None or not 0 <= block < len(item.blocks):
            raise InputError(f"article {article}", f"block {block} not among the cleaned articles")
        for _, _, start, end, text, sentence in group:
            if item.text[int(start) : int(end)] != text:
                raise InputError(
                    f"article {article}",
                    f"sentence {sentence} does not match the clean text at its offsets",
                )
        quotes[key] = list(item.quoted[block])
    return quotes


def quote_intervals(
    sentences: pd.DataFrame, cleaned: list[Document] | None = None
) -> list[list[Interval]]:
    """For each row of ``sentences`` (in order), its quoted intervals relative to the sentence start.

    Quotation marks are found on the whole paragraph (a quotation opened in an earlier sentence of the
    paragraph counts). With ``cleaned`` the paragraphs are the cleaned blocks (and every sentence is
    checked against the clean text); without, each paragraph is rebuilt from its sentences, which is
    exact when all sentences of the paragraph are given.
    """
    require_columns(
        sentences, ("article", "sentence", "block", "start", "end", "text"), "sentences"
    )
    merged = {  # each block's quotations merged once; a sentence then bisects, not scans, them
        key: sentence_quotes(spans, 0, max((b for _, b in spans), default=0))
        for key, spans in _block_quotes(sentences, cleaned).items()
    }
    ends = {key: [b for _, b in spans] for key, spans in merged.items()}
    return [
        _clip_merged(
            merged[(row.article, int(row.block))],
            ends[(row.article, int(row.block))],
            int(row.start),
            int(row.end),
        )
        for row in sentences.itertuples(index=False)
    ]


def _clip_merged(merged: list[Interval], ends: list[int], start: int, end: int) -> list[Interval]:
    """:func:`sentence_quotes` of disjoint, sorted, non-touching intervals (``ends``: their ends):
    clipping keeps them so, so only those from the first ending after ``start`` are looked at."""
    result, index = [], bisect_right(ends, start)
    while index < len(merged) and merged[index][0] < end:
        a, b = merged[index]
        result.append((max(a, start) - start, min(b, end) - start))
        index += 1
    return result


def split_voices(text: str, spans: list[Interval]) -> tuple[str, str]:
    """The narration part and the quoted part of ``text``: each voice's pieces, stripped, joined by a space."""
    if not spans:  # one narration piece
        return text.strip(), ""
    quoted = [text[a:b] for a, b in spans]
    narration, cursor = [], 0
    for a, b in spans:
        narration.append(text[cursor:a])
        cursor = b
    narration.append(text[cursor:])

    def join(pieces: list[str]) -> str:
        return " ".join(piece.strip() for piece in pieces if piece.strip())

    return join(narration), join(quoted)


def voice_words(text: str, spans: list[Interval]) -> tuple[int, int]:
    """Word tokens of ``text`` in narration and inside ``spans`` (by the token's first character).

    A token is quoted when its first character lies in one of ``spans``
    (:func:`analysis.text.quotemarks.is_quoted`), i.e. in their union: the tokens
    (:func:`analysis.text.segment.tokenize`, by their starts) starting in each merged interval are
    counted by bisection.
    """
    starts = token_starts(text)
    union = sentence_quotes(spans, 0, len(text)) if spans else []
    quoted = sum(bisect_left(starts, b) - bisect_left(starts, a) for a, b in union)
    return len(starts) - quoted, quoted


@dataclass(frozen=True, slots=True)
class VoiceTone:
    """One sentence by voice: each part's text, words and VADER compound (NaN without a word)."""

    narration_text: str
    quoted_text: str
    narration_words: int
    quoted_words: int
    narration_compound: float
    quoted_compound: float


def _part_compound(part: str, sentence: str, sentence_compound: float, n_words: int) -> float:
    """VADER compound of one voice's part of a sentence, NaN when the part has no word."""
    if part == sentence:  # the same text: the sentence's compound and word count
        return sentence_compound if n_words else math.nan
    return vader.compound(part) if part and has_word(part) else math.nan


def voice_tone(
    text: str, spans: list[Interval], compound: float, counts: tuple[int, int] | None = None
) -> VoiceTone:
    """The narration and quoted parts of a sentence, their word counts and VADER compounds.

    ``spans``: the sentence's quoted intervals (:func:`sentence_quotes`); ``compound``: VADER's
    compound of the whole sentence; ``counts``: its :func:`voice_words`, when known.
    """
    narration_text, quoted_text = split_voices(text, spans)
    narration_words, quoted_words = counts if counts is not None else voice_words(text, spans)
    total = narration_words + quoted_words
    return VoiceTone(
        narration_text,
        quoted_text,
        narration_words,
        quoted_words,
        _part_compound(narration_text, text, compound, total),
        _part_compound(quoted_text, text, compound, total),
    )
