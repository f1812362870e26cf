"""Article features as one batch call over a table of cleaned articles.

:func:`article_features` gives one row per article with the values the per-event tables give for that
article, computed in one pass over its text instead of one table (and one tokenisation) per measure:

- readability (six measures) on the body paragraphs, from :mod:`analysis.textcounts` (equal to
  textstat 0.7.13), and ``sentences``, ``words``, ``mean_sentence_length``, ``mattr`` on the same body,
  as :func:`analysis.compare.style_table` (:func:`analysis.readability.style_measures`);
- ``tone_mean_compound``, ``tone_narration``, ``tone_quoted``: means over the article's sentences of
  ``compound``, ``narration_compound``, ``quoted_compound`` of :func:`analysis.tone.sentence_tone`
  (NaN skipped), and ``narration_words``, ``quoted_words`` (its word counts summed). The sum is
  ``math.fsum`` (correctly rounded), so a mean does not depend on the batch; pandas' grouped mean
  (compensated summation) agrees to about 1e-16 relative but not always in the last bit, and itself
  varies in the last bit with the layout and order of the groups;
- ``label_<family>_<voice>``: uses of each label family per voice, as
  :func:`analysis.compare.label_uses` counted per article (families of
  :func:`analysis.labels.load_codebook`, in codebook order);
- ``hedge_<family>_<voice>``: marker uses per voice, as :func:`analysis.tone.hedge_uses` counted per
  article (families of :func:`analysis.tone.load_hedge_codebook`);
- ``frame_<frame>``: share of the article's sentences with at least one cue of the frame, rounded to
  6 decimals, as ``share_of_sentences`` of :func:`analysis.frames.frame_profile` on
  :func:`analysis.frames.frame_indicators` (frames of :func:`analysis.frames.load_frame_codebook`).

Tone, labels, hedges and frames read every block (headline, sub-headings, paragraphs) and every
sentence of :func:`analysis.event.sentences_table`; style reads body paragraphs only, as ``style_table``.
The blocks are recovered from ``text`` (``CleanArticle.text``: blocks joined by a blank line), and their
kinds with the cleaner's own classifier, so no other column is needed. Column names: ``snake_case`` of
the codebook names (lower case, every run of other characters than ``a-z0-9`` replaced by ``_``).

VADER shortcut. A sentence (or part) is scored with :func:`analysis.tone.vader_scores` unless its
compound is provably 0.0, which holds when no character is a single-character key of VADER's emoji
dictionary and no whitespace token, as is or stripped of ``string.punctuation``, lower-cased, is in
VADER's lexicon. Why it is exact (vaderSentiment 3.3.2): ``polarity_scores`` replaces only such emoji
characters by words; ``SentiText`` splits on whitespace and keeps each token or its punctuation-stripped
form; ``sentiment_valence`` gives a non-zero valence only to an item whose lower case is in the lexicon
(boosters, negations and idioms only modify that valence; ``_but_check`` only scales); so every
sentiment is 0, ``score_valence`` sums to 0.0 and ``compound`` is ``round(normalize(0.0), 4) == 0.0``
(or 0.0 directly with no token). Nothing is memoised by sentence; a part equal to its whole sentence
reuses the sentence's score (the same call on the same string).

Regex prefilter. The codebooks' patterns open with ``\\b`` or ``(?<!\\w)``; most have literal
prefixes (``government``, ``ministr`` ...). :func:`word_start_keys` reads them from the parsed pattern;
a pattern is run on an ASCII sentence only when one of its keys stands at a word start of the
lower-cased sentence (:func:`text_keys`), a necessary condition for any match, so counts are unchanged.
Non-ASCII text, and patterns without such prefixes, are always run.
"""

from __future__ import annotations

import functools
import math
import re
import re._constants as sre
import re._parser as sre_parse
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .cleaning import _block_kind
from .frames import Cue, Frame, cue_matches, load_frame_codebook, non_overlapping, require_columns
from .labels import LabelFamily, load_codebook
from .quoted import Interval, is_quoted, quoted_spans
from .readability import READABILITY_MEASURES, mattr
from .segment import split_sentences, tokenize, words
from .textcounts import readability
from .tone import (
    VOICES,
    MarkerFamily,
    _merge,
    analyzer,
    load_hedge_codebook,
    split_voices,
    vader_scores,
    voice_words,
)

__all__ = [
    "article_features",
    "blocks_of",
    "compound",
    "feature_columns",
    "may_match",
    "snake_case",
    "text_keys",
    "word_start_keys",
]

BLOCK_SEPARATOR = "\n\n"
_NOT_SNAKE = re.compile(r"[^a-z0-9]+")
_FRAME_DECIMALS = 6  # frame_profile rounds share_of_sentences to 6 decimals
_STYLE = ("sentences", "words", "mean_sentence_length", "mattr")
_TONE = ("tone_mean_compound", "tone_narration", "tone_quoted")
_VOICE_WORDS = ("narration_words", "quoted_words")


def snake_case(name: str) -> str:
    """Column-name form of a codebook name: lower case, other characters than a-z0-9 as ``_``."""
    return _NOT_SNAKE.sub("_", name.lower()).strip("_")


# --- VADER -----------------------------------------------------------------------------------------


@functools.cache
def _vader_vocabulary() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's lexicon and the emoji characters ``polarity_scores`` replaces (single characters)."""
    sia = analyzer()
    return sia.lexicon, frozenset(key for key in sia.emojis if len(key) == 1)


def _provably_neutral(text: str) -> bool:
    """True when VADER's compound of ``text`` is 0.0 for certain (module docstring)."""
    lexicon, emojis = _vader_vocabulary()
    if not emojis.isdisjoint(text):
        return False
    return not any(
        token.lower() in lexicon or token.strip(string.punctuation).lower() in lexicon
        for token in text.split()
    )


def compound(text: str) -> float:
    """VADER's compound score of ``text`` (:func:`analysis.tone.vader_scores`), skipping certain 0.0."""
    return 0.0 if _provably_neutral(text) else vader_scores(text)["compound"]


def _part_compound(part: str, sentence: str, sentence_compound: float, n_words: int) -> float:
    """``tone._part_compound`` of one voice's part: its compound, NaN when it has no word."""
    if part == sentence:
        return sentence_compound if n_words else math.nan
    return compound(part) if tokenize(part) else math.nan


# --- word-start prefilter ---------------------------------------------------------------------------

_PREFIX_CAP = 64  # most alternative literal prefixes kept per pattern
_KEY = 6  # characters of a prefix compared at word starts
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_CLASS = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def _asserts_word_start(op: object, av: object) -> bool:
    """True for ``\\b`` and for ``(?<!\\w)``, the openings of the codebooks' patterns."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    return op is sre.ASSERT_NOT and av[0] == -1 and list(av[1]) == _WORD_CLASS


def _literal_prefixes(items: sre_parse.SubPattern | list) -> tuple[set[str], bool]:
    """Lower-cased ASCII strings one of which starts every match of ``items``; True if exact."""
    found = {""}
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        if op is sre.LITERAL and av < 128:
            added, complete = {chr(av).lower()}, True
        elif op is sre.SUBPATTERN:
            added, complete = _literal_prefixes(av[3])
        elif op is sre.BRANCH:
            parts = [_literal_prefixes(alternative) for alternative in av[1]]
            added = set().union(*(part for part, _ in parts))
            complete = all(done for _, done in parts)
        elif op is sre.IN and all(o is sre.LITERAL and a < 128 for o, a in av):
            added, complete = {chr(a).lower() for _, a in av}, True
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            added, complete = _literal_prefixes(av[2])[0], False
        else:
            return found, False
        if len(found) * len(added) > _PREFIX_CAP:
            return found, False
        found = {a + b for a in found for b in added}
        if not complete:
            return found, False
    return found, True


def word_start_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Keys of which one is at a word start of the lower-cased text wherever ``pattern`` matches.

    Applies to a pattern that opens with ``\\b`` or ``(?<!\\w)`` (as the codebooks' do) and whose
    matches all start with a literal word character; None otherwise (no prefilter). A key is the
    first :data:`_KEY` characters of a literal prefix. Valid on ASCII text only, where lower-casing
    is case-insensitive matching and keeps word characters word characters.
    """
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if not items or not _asserts_word_start(*items[0]):
        return None
    prefixes, _ = _literal_prefixes(items)
    if not prefixes or not all(prefix[:1].isalnum() for prefix in prefixes):
        return None
    return frozenset(prefix[:_KEY] for prefix in prefixes)


def text_keys(text: str) -> set[str] | None:
    """The 1- to ``_KEY``-character strings at word starts of lower-cased ``text``; None if not ASCII."""
    if not text.isascii():
        return None
    lowered = text.lower()
    return {
        lowered[start : start + size]
        for start in (match.start() for match in _WORD_START.finditer(lowered))
        for size in range(1, _KEY + 1)
    }


def may_match(keys: frozenset[str] | None, found: set[str] | None) -> bool:
    """False only when the pattern with ``keys`` cannot match the text with ``found`` keys."""
    return keys is None or found is None or not keys.isdisjoint(found)


# --- codebooks and columns ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Codebooks:
    """The codebooks of one call and the columns they give."""

    labels: list[LabelFamily]
    hedges: list[MarkerFamily]
    frames: tuple[Frame, ...]

    @functools.cached_property
    def count_columns(self) -> list[str]:
        """Integer columns after the tone means: voice words, label uses, marker uses."""
        return [
            *_VOICE_WORDS,
            *(f"label_{snake_case(f.name)}_{voice}" for f in self.labels for voice in VOICES),
            *(f"hedge_{snake_case(f.name)}_{voice}" for f in self.hedges for voice in VOICES),
        ]

    @functools.cached_property
    def label_keys(self) -> list[frozenset[str] | None]:
        """Word-start keys of each label family (:func:`word_start_keys`)."""
        return [word_start_keys(family.pattern) for family in self.labels]

    @functools.cached_property
    def hedge_keys(self) -> list[frozenset[str] | None]:
        """Word-start keys of each marker family."""
        return [word_start_keys(family.pattern) for family in self.hedges]

    @functools.cached_property
    def cue_keys(self) -> list[list[tuple[Cue, frozenset[str] | None]]]:
        """Each frame's cues with their word-start keys."""
        return [
            [(cue, word_start_keys(cue.pattern)) for cue in frame.cues] for frame in self.frames
        ]

    @functools.cached_property
    def columns(self) -> list[str]:
        """Every output column, in order; raises ValueError if two codebook names collide."""
        frames = [f"frame_{snake_case(frame.name)}" for frame in self.frames]
        columns = ["article", *READABILITY_MEASURES, *_STYLE, *_TONE, *self.count_columns, *frames]
        duplicated = sorted({name for name in columns if columns.count(name) > 1})
        if duplicated:
            raise ValueError(f"codebook names give duplicate columns: {', '.join(duplicated)}")
        return columns


def feature_columns(
    label_families: list[LabelFamily] | None = None,
    hedge_families: list[MarkerFamily] | None = None,
    frames: Sequence[Frame] | None = None,
) -> list[str]:
    """The columns of :func:`article_features` for these codebooks (defaults: the project's)."""
    return _codebooks(label_families, hedge_families, frames).columns


def _codebooks(
    label_families: list[LabelFamily] | None,
    hedge_families: list[MarkerFamily] | None,
    frames: Sequence[Frame] | None,
) -> _Codebooks:
    return _Codebooks(
        label_families if label_families is not None else load_codebook(),
        hedge_families if hedge_families is not None else load_hedge_codebook(),
        tuple(frames) if frames is not None else load_frame_codebook().frames,
    )


# --- one article -------------------------------------------------------------------------------------


@dataclass
class _Tally:
    """Per-article counts, filled block by block and sentence by sentence (voice 0 narration, 1 quoted)."""

    labels: list[int]  # index 2 * family + voice
    hedges: list[int]  # index 2 * family + voice
    frames: list[int]  # sentences with a cue, per frame
    voice_words: list[int] = field(default_factory=lambda: [0, 0])
    sentences: int = 0
    compounds: list[tuple[float, float, float]] = field(default_factory=list)

    @classmethod
    def empty(cls, books: _Codebooks) -> _Tally:
        """Zero counts for the families and frames of ``books``."""
        return cls(
            [0] * 2 * len(books.labels), [0] * 2 * len(books.hedges), [0] * len(books.frames)
        )


def blocks_of(text: str) -> list[tuple[int, str, str]]:
    """``(start, kind, text)`` of each block of a clean text, kinds as :mod:`analysis.cleaning`."""
    blocks, start = [], 0
    for index, block in enumerate(text.split(BLOCK_SEPARATOR) if text else []):
        blocks.append((start, _block_kind(block, first=index == 0), block))
        start += len(block) + len(BLOCK_SEPARATOR)
    return blocks


def _sentence_intervals(quotes: list[Interval], start: int, end: int) -> list[Interval]:
    """Quoted intervals of a block clipped to one sentence, relative to it (tone.quote_intervals)."""
    return _merge(
        [(max(a, start) - start, min(b, end) - start) for a, b in quotes if a < end and b > start]
    )


def _count_labels(block: str, quotes: list[Interval], books: _Codebooks, tally: _Tally) -> None:
    """Label uses of one block per family and voice, as :func:`analysis.labels.find_labels`."""
    found = text_keys(block)
    for row, (family, keys) in enumerate(zip(books.labels, books.label_keys, strict=True)):
        if not may_match(keys, found):
            continue
        for match in family.pattern.finditer(block):
            tally.labels[2 * row + is_quoted(match.start(), quotes)] += 1


def _count_sentence(text: str, spans: list[Interval], books: _Codebooks, tally: _Tally) -> None:
    """Tone, voice words, marker uses and frame cues of one sentence."""
    narration_words, quoted_words = voice_words(text, spans)
    tally.voice_words[0] += narration_words
    tally.voice_words[1] += quoted_words
    whole = compound(text)
    narration, quoted = split_voices(text, spans)
    n_words = narration_words + quoted_words
    tally.compounds.append(
        (
            whole,
            _part_compound(narration, text, whole, n_words),
            _part_compound(quoted, text, whole, n_words),
        )
    )
    found = text_keys(text)
    for row, (family, keys) in enumerate(zip(books.hedges, books.hedge_keys, strict=True)):
        if not may_match(keys, found):
            continue
        for _, start, _ in non_overlapping(text, [family.pattern]):
            tally.hedges[2 * row + is_quoted(start, spans)] += 1
    for row, cues in enumerate(books.cue_keys):
        possible = [cue for cue, keys in cues if may_match(keys, found)]
        if possible and cue_matches(text, possible):
            tally.frames[row] += 1
    tally.sentences += 1


def _style(paragraphs: list[str], n_sentences: int) -> dict[str, float]:
    """Readability and style of the body, as :func:`analysis.readability.style_measures`."""
    body = BLOCK_SEPARATOR.join(paragraphs)
    tokens = words(body)
    n_words = len(tokens)
    return {
        **readability(body),
        "sentences": n_sentences,
        "words": n_words,
        "mean_sentence_length": n_words / n_sentences if n_sentences else math.nan,
        "mattr": mattr(tokens),
    }


def _article(text: str, books: _Codebooks) -> tuple[dict[str, float], _Tally]:
    """Style values and counts of one clean text."""
    tally = _Tally.empty(books)
    paragraphs, body_sentences = [], 0
    for _, kind, block in blocks_of(text):
        quotes = quoted_spans(block)
        _count_labels(block, quotes, books, tally)
        sentences = split_sentences(block)
        for span in sentences:
            spans = _sentence_intervals(quotes, span.start, span.end)
            _count_sentence(span.text, spans, books, tally)
        if kind == "paragraph":
            paragraphs.append(block)
            body_sentences += len(sentences)
    return _style(paragraphs, body_sentences), tally


# --- the batch ---------------------------------------------------------------------------------------


def _mean(values: list[float]) -> float:
    """Mean of the non-NaN ``values`` with a correctly rounded sum (``math.fsum``); NaN if none."""
    kept = [value for value in values if not math.isnan(value)]
    return math.fsum(kept) / len(kept) if kept else math.nan


def _tone_means(tallies: list[_Tally]) -> dict[str, np.ndarray]:
    """Mean compound, narration and quoted compound of each article's sentences (NaN skipped)."""
    return {
        name: np.array([_mean([row[index] for row in t.compounds]) for t in tallies], np.float64)
        for index, name in enumerate(_TONE)
    }


def article_features(
    articles: pd.DataFrame,
    label_families: list[LabelFamily] | None = None,
    hedge_families: list[MarkerFamily] | None = None,
    frames: Sequence[Frame] | None = None,
) -> pd.DataFrame:
    """One row of features per article of ``articles`` (columns ``article``, ``text``), in order.

    ``text`` is ``CleanArticle.text``. Codebooks default to the project's (loaded once per call);
    columns are :func:`feature_columns` (see the module docstring), ints as int64, floats as float64.
    """
    require_columns(articles, ("article", "text"), "articles")
    books = _codebooks(label_families, hedge_families, frames)
    styles, tallies = [], []
    for text in articles["text"]:
        style, tally = _article(str(text), books)
        styles.append(style)
        tallies.append(tally)
    columns: dict[str, np.ndarray] = {"article": articles["article"].astype(str).to_numpy()}
    for name in [*READABILITY_MEASURES, *_STYLE]:
        dtype = np.int64 if name in ("sentences", "words") else np.float64
        columns[name] = np.array([style[name] for style in styles], dtype=dtype)
    columns.update(_tone_means(tallies))
    counts = np.array([t.voice_words + t.labels + t.hedges for t in tallies], dtype=np.int64)
    counts = counts.reshape(len(tallies), len(books.count_columns))
    columns.update(zip(books.count_columns, counts.T, strict=True))
    frame_columns = books.columns[len(columns) :]
    columns.update(zip(frame_columns, _frame_shares(tallies, len(frame_columns)).T, strict=True))
    return pd.DataFrame(columns, columns=books.columns)


def _frame_shares(tallies: list[_Tally], n_frames: int) -> np.ndarray:
    """Share of each article's sentences with a cue of each frame, as frame_profile (6 decimals)."""
    with_frame = np.array([t.frames for t in tallies], dtype=np.int64).reshape(
        len(tallies), n_frames
    )
    totals = np.array([t.sentences for t in tallies], dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = with_frame / np.where(totals > 0, totals, np.nan)[:, None]
    return np.round(shares, _FRAME_DECIMALS)
