"""Article features as one batch call over a table of cleaned articles.

:func:`article_features` gives one row per article with the values the per-event tables give for that
article, by calling the functions those tables call, on the same units, and aggregating:

- readability (six measures) on the body paragraphs, and ``sentences``, ``words``,
  ``mean_sentence_length``, ``mattr`` on the same body: :func:`analysis.measures.readability.style_measures`,
  as :func:`analysis.tables.compare.style_table` calls it;
- ``tone_mean_compound``, ``tone_narration``, ``tone_quoted``: means over the article's sentences of
  the whole sentence's VADER compound (:func:`analysis.measures.vader.compound`) and of its narration and
  quoted parts (:func:`analysis.measures.voice.voice_tone`), NaN skipped, as ``compound``,
  ``narration_compound``, ``quoted_compound`` of :func:`analysis.measures.tone.sentence_tone`; and
  ``narration_words``, ``quoted_words`` (its word counts summed). The sum is ``math.fsum`` (correctly
  rounded), so a mean does not depend on the batch; pandas' grouped mean (compensated summation) agrees
  to about 1e-16 relative but not always in the last bit, and itself varies in the last bit with the
  layout and order of the groups;
- ``label_<family>_<voice>``: uses of each label family per voice in each block
  (:func:`analysis.measures.labels.block_labels`, as :func:`analysis.tables.compare.label_uses`);
- ``hedge_<family>_<voice>``: marker uses per voice in each sentence
  (:func:`analysis.measures.tone.sentence_markers`, as :func:`analysis.measures.tone.hedge_uses`);
- ``frame_<frame>``: share of the article's sentences with at least one cue of the frame
  (:func:`analysis.measures.frames.sentence_cues`, as :func:`analysis.measures.frames.frame_indicators`),
  rounded to 6 decimals, as ``share_of_sentences`` of :func:`analysis.measures.frames.frame_profile`.

Tone, labels, hedges and frames read every block (headline, sub-headings, paragraphs) and every
sentence of :func:`analysis.tables.clean_layer.sentences_table`; style reads body paragraphs only, as
``style_table``. The blocks are ``text`` (``Document.text``: blocks joined by a blank line) split
at the blank lines, with the kinds of ``Document.blocks``. Column names: ``snake_case`` of the
codebook names (lower case, every run of other characters than ``a-z0-9`` replaced by ``_``).

Each article is read once. A corpus run measures each cleaned :class:`~analysis.text.document.Document`
(:func:`document_values`, rows gathered by :func:`features_table`) from the layers the document built
once and every other table reads too: its sentences, their lower-cased words and each block's quoted
intervals; nothing is split, tokenised or read for quotation marks again. :func:`article_features` takes
texts instead (a frame of ``text`` and block ``kinds``) and builds the same layers with the same
functions. Either way a block is scanned once for the patterns of every codebook
(:func:`analysis.measures.codebook.scan`); each of its sentences reads its window of that scan; token
offsets are read only for sentences with quoted intervals (to place each word in a voice); a body
paragraph's words are its sentences' words (the sentences of a paragraph cover all of it but
whitespace, and a token never contains or looks past whitespace, so the paragraph's tokens are its
sentences' tokens in order). A frame counts for a sentence when one of its cues' patterns has a
non-empty match there, which is when :func:`analysis.measures.frames.sentence_cues` gives it a hit.
The project's codebooks are read once per version of their files.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.measures import vader
from analysis.measures.codebook import Scan, scan
from analysis.measures.frames import (
    FRAME_CODEBOOK,
    Frame,
    load_frame_codebook,
    require_columns,
)
from analysis.measures.labels import DEFAULT_CODEBOOKS, LabelFamily, block_labels, load_codebook
from analysis.measures.readability import READABILITY_MEASURES, style_measures
from analysis.measures.tone import (
    HEDGE_CODEBOOK,
    VOICES,
    MarkerFamily,
    load_hedge_codebook,
    sentence_markers,
)
from analysis.measures.voice import sentence_quotes, voice_tone, voice_words
from analysis.text.document import Document
from analysis.text.quotemarks import Interval, is_quoted, quoted_spans
from analysis.text.segment import split_sentences
from analysis.text.segment import words as words_of

__all__ = [
    "ArticleValues",
    "article_features",
    "blocks_of",
    "document_values",
    "feature_columns",
    "features_table",
    "snake_case",
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


# --- codebooks and columns ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Codebooks:
    """The codebooks of one call and the columns they give."""

    labels: list[LabelFamily]
    hedges: list[MarkerFamily]
    frames: tuple[Frame, ...]

    @functools.cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """Every pattern a block is scanned for: label families, marker families, frame cues."""
        patterns = [family.pattern for family in self.labels]
        patterns += [family.pattern for family in self.hedges]
        return (*patterns, *(cue.pattern for frame in self.frames for cue in frame.cues))

    @functools.cached_property
    def frame_patterns(self) -> tuple[tuple[re.Pattern[str], ...], ...]:
        """The cues' patterns of each frame."""
        return tuple(tuple(cue.pattern for cue in frame.cues) for frame in self.frames)

    @functools.cached_property
    def cue_patterns(self) -> tuple[re.Pattern[str], ...]:
        """Every frame's cue patterns."""
        return tuple(pattern for patterns in self.frame_patterns for pattern in patterns)

    @functools.cached_property
    def count_columns(self) -> list[str]:
        """Integer columns after the tone means: voice words, label uses, marker uses."""
        return [
            *_VOICE_WORDS,
            *(f"label_{snake_case(f.name)}_{voice}" for f in self.labels for voice in VOICES),
            *(f"hedge_{snake_case(f.name)}_{voice}" for f in self.hedges for voice in VOICES),
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


#: The project's codebooks, read once per version of their files (path, mtime, size).
_DEFAULT_BOOKS: dict[tuple[tuple[str, int, int], ...], _Codebooks] = {}


def _default_codebooks() -> _Codebooks:
    """The project's three codebooks, re-read whenever one of their files changes."""
    files = (*DEFAULT_CODEBOOKS, HEDGE_CODEBOOK, FRAME_CODEBOOK)
    try:
        key = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    except OSError:
        key = None  # let the loaders report the missing file
    books = _DEFAULT_BOOKS.get(key) if key is not None else None
    if books is None:
        books = _Codebooks(load_codebook(), load_hedge_codebook(), load_frame_codebook().frames)
        if key is not None:
            _DEFAULT_BOOKS.clear()
            _DEFAULT_BOOKS[key] = books
    return books


def _codebooks(
    label_families: list[LabelFamily] | None,
    hedge_families: list[MarkerFamily] | None,
    frames: Sequence[Frame] | None,
) -> _Codebooks:
    if label_families is None and hedge_families is None and frames is None:
        return _default_codebooks()
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


def blocks_of(text: str, kinds: Sequence[str]) -> list[tuple[int, str, str]]:
    """``(start, kind, text)`` of each block of a clean text, given the kinds of its blocks in order."""
    blocks, start = [], 0
    texts = text.split(BLOCK_SEPARATOR) if text else []
    if len(texts) != len(kinds):
        raise ValueError(f"{len(kinds)} block kinds for a text of {len(texts)} blocks")
    for kind, block in zip(kinds, texts, strict=True):
        blocks.append((start, kind, block))
        start += len(block) + len(BLOCK_SEPARATOR)
    return blocks


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence as the features read it: offsets in its block, text, lower-cased words."""

    start: int
    end: int
    text: str
    words: list[str]


@dataclass(frozen=True, slots=True)
class _Block:
    """One block as the features read it: kind, text, quoted intervals and sentences (block offsets)."""

    kind: str
    text: str
    quotes: list[Interval]
    sentences: list[_Sentence]


def _text_blocks(text: str, kinds: Sequence[str]) -> list[_Block]:
    """The blocks of a clean text, split, read for quotation marks and tokenised here."""
    blocks = []
    for _, kind, block in blocks_of(text, kinds):
        sentences = [
            _Sentence(span.start, span.end, span.text, words_of(span.text))
            for span in split_sentences(block)
        ]
        blocks.append(_Block(kind, block, quoted_spans(block), sentences))
    return blocks


def _document_blocks(document: Document) -> list[_Block]:
    """The blocks of a document from its own layers (sentences, words, quoted intervals), shifted to
    block offsets; nothing is split or read again."""
    grouped: list[list[_Sentence]] = [[] for _ in document.blocks]
    blocks = document.blocks
    for sentence, found in zip(document.sentences, document.words, strict=True):
        base = blocks[sentence.block].start
        grouped[sentence.block].append(
            _Sentence(sentence.start - base, sentence.end - base, sentence.text, found)
        )
    return [
        _Block(
            block.kind,
            block.text,
            [(a - block.start, b - block.start) for a, b in quoted],
            sentences,
        )
        for block, quoted, sentences in zip(blocks, document.quoted, grouped, strict=True)
    ]


def _frames_cued(found: Scan, books: _Codebooks) -> list[int]:
    """Indices of the frames with at least one cue in a sentence (``found``: its scan window).

    The frames of :func:`analysis.measures.frames.sentence_cues`: a frame has a hit there exactly when
    one of its cues' patterns has a non-empty match (the overlap rule only chooses among matches), so
    the patterns are tried in order until one matches, with the same scan primitives.
    """
    if not found.may_match_any(books.cue_patterns):
        return []
    return [
        index
        for index, patterns in enumerate(books.frame_patterns)
        if found.may_match_any(patterns)
        and any(
            match.end() > match.start()
            for pattern in patterns
            if found.may_match(pattern)
            for match in found.finditer(pattern)
        )
    ]


def _count_sentence(
    sentence: _Sentence,
    spans: list[Interval],
    found: Scan,
    books: _Codebooks,
    tally: _Tally,
) -> None:
    """Tone, voice words, marker uses and frame cues of one sentence.

    ``spans``: its quoted intervals; ``found``: its window of its block's scan.
    """
    text = sentence.text
    # token offsets are read only to place the words in a voice; without quoted intervals every word
    # is narration (voice_words' result)
    counts = voice_words(text, spans) if spans else (len(sentence.words), 0)
    whole = vader.compound(text)
    parts = voice_tone(text, spans, whole, counts)
    tally.voice_words[0] += parts.narration_words
    tally.voice_words[1] += parts.quoted_words
    tally.compounds.append((whole, parts.narration_compound, parts.quoted_compound))
    for index, start, _ in sentence_markers(text, books.hedges, found):
        tally.hedges[2 * index + is_quoted(start, spans)] += 1
    for index in _frames_cued(found, books):
        tally.frames[index] += 1
    tally.sentences += 1


@dataclass(frozen=True)
class ArticleValues:
    """One article's features before they become a row: style values and counts."""

    style: dict[str, float]
    tally: _Tally


def _article(blocks: list[_Block], books: _Codebooks) -> ArticleValues:
    """Style values and counts of one article's blocks."""
    tally = _Tally.empty(books)
    paragraphs: list[str] = []
    body_sentences: list[str] = []
    body_words: list[str] = []
    for block in blocks:
        found = scan(block.text, books.patterns)
        for index, _, quoted in block_labels(block.text, books.labels, block.quotes, found):
            tally.labels[2 * index + quoted] += 1
        for sentence in block.sentences:
            spans = (
                sentence_quotes(block.quotes, sentence.start, sentence.end) if block.quotes else []
            )
            window = found.window(sentence.start, sentence.end)
            _count_sentence(sentence, spans, window, books, tally)
        if block.kind == "paragraph":
            # a paragraph's tokens are its sentences' tokens, in order (see the module docstring)
            paragraphs.append(block.text)
            body_sentences += [sentence.text for sentence in block.sentences]
            body_words += [word for sentence in block.sentences for word in sentence.words]
    style = style_measures(BLOCK_SEPARATOR.join(paragraphs), body_sentences, body_words)
    return ArticleValues(style, tally)


def document_values(document: Document) -> ArticleValues:
    """The features of one cleaned document with the project's codebooks, read from its own layers
    (:attr:`Document.sentences`, :attr:`Document.words`, :attr:`Document.quoted`); a row of
    :func:`features_table`."""
    return _article(_document_blocks(document), _default_codebooks())


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


def _frame_shares(tallies: list[_Tally], n_frames: int) -> np.ndarray:
    """Share of each article's sentences with a cue of each frame, as frame_profile (6 decimals)."""
    with_frame = np.array([t.frames for t in tallies], dtype=np.int64).reshape(
        len(tallies), n_frames
    )
    totals = np.array([t.sentences for t in tallies], dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = with_frame / np.where(totals > 0, totals, np.nan)[:, None]
    return np.round(shares, _FRAME_DECIMALS)


def _table(
    articles: Sequence[str], values: Sequence[ArticleValues], books: _Codebooks
) -> pd.DataFrame:
    """The feature columns of ``values`` (one per article, in order), as :func:`article_features`."""
    styles = [value.style for value in values]
    tallies = [value.tally for value in values]
    columns: dict[str, np.ndarray] = {"article": np.array([str(a) for a in articles], dtype=object)}
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


def features_table(articles: Sequence[str], values: Sequence[ArticleValues]) -> pd.DataFrame:
    """The :func:`article_features` table of articles measured by :func:`document_values`."""
    return _table(articles, values, _default_codebooks())


def article_features(
    articles: pd.DataFrame,
    label_families: list[LabelFamily] | None = None,
    hedge_families: list[MarkerFamily] | None = None,
    frames: Sequence[Frame] | None = None,
) -> pd.DataFrame:
    """One row of features per article of ``articles``, in order.

    ``articles`` has columns ``article``, ``text`` (``Document.text``) and ``kinds`` (the kinds of
    ``Document.blocks``, in order). Codebooks default to the project's (loaded once per call);
    columns are :func:`feature_columns` (see the module docstring), ints as int64, floats as float64.
    The texts are split and read here; for documents, :func:`document_values` reads their layers.
    """
    require_columns(articles, ("article", "text", "kinds"), "articles")
    books = _codebooks(label_families, hedge_families, frames)
    values = [
        _article(_text_blocks(str(text), kinds), books)
        for text, kinds in zip(articles["text"], articles["kinds"], strict=True)
    ]
    return _table(list(articles["article"]), values, books)
