"""The parsed article: built once, read by every measure.

A :class:`Document` is one article after cleaning: its manifest row, the decoded raw text, the clean text
with per-character raw offsets (:class:`~analysis.text.offsets.Tracked`), its blocks (headline, headings,
paragraphs) and the provenance of every change; and, built on first use and then kept, its sentences,
their tokens (and the tokens' lower-cased texts) and each block's quoted intervals from the one reader of quotation marks
(:mod:`analysis.text.quotemarks`). Measures read these layers instead of splitting or scanning again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from analysis.ingest.manifest import Article
from analysis.ingest.web_page import Extracted
from analysis.text.intervals import IntervalUnion
from analysis.text.offsets import Tracked
from analysis.text.quotemarks import Interval, quoted_spans
from analysis.text.segment import Span, split_sentences, tokenize, words


@dataclass(frozen=True)
class Change:
    """One provenance entry: a rule dropped a raw line or changed a paragraph."""

    rule: str
    action: str  # "dropped" or "changed"
    line: int  # 1-based raw line number where the unit starts
    raw_start: int
    raw_end: int
    before: str
    after: str
    count: int  # number of edits the rule made in this unit
    why: str


@dataclass(frozen=True)
class Block:
    """A headline, sub-heading or paragraph of the clean text."""

    kind: str  # "headline", "heading" or "paragraph"
    text: str
    start: int  # offsets into Document.text
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text: its number in the article, its block, and clean-text offsets."""

    index: int  # 0, 1, ... over all blocks of the article in order
    block: int  # index of its block in Document.blocks
    block_kind: str  # the kind of that block
    start: int  # offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A cleaned article: clean text (blocks separated by a blank line), blocks and provenance.

    ``raw`` is the decoded file; for a web page it is the main text extracted from the page (``extracted``
    holds it with the page's title, date and author), and every raw offset refers to that text.
    The parsed layers (sentences, their tokens, quoted intervals) are built once, on first use.
    """

    article: Article
    raw: str
    tracked: Tracked
    blocks: tuple[Block, ...]
    changes: tuple[Change, ...]
    extracted: Extracted | None = None

    @property
    def text(self) -> str:
        """The clean text."""
        return self.tracked.text

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-file offsets of ``text[start:end]``."""
        return self.tracked.raw_span(start, end)

    @property
    def headline(self) -> str:
        """The headline found in the text, else the manifest title."""
        found = [block.text for block in self.blocks if block.kind == "headline"]
        return found[0] if found else self.article.title

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """Body paragraphs only (no headline, no sub-headings)."""
        return tuple(block for block in self.blocks if block.kind == "paragraph")

    @property
    def id(self) -> str:
        """Stable short id of the article, unique in its event: the manifest's
        (:func:`analysis.ingest.manifest.article_ids`), else the raw file name without extension."""
        return self.article.article_id or self.article.path.stem

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences of every block in order (:func:`analysis.text.segment.split_sentences`)."""
        found: list[Sentence] = []
        for block_index, block in enumerate(self.blocks):
            found.extend(
                Sentence(len(found), block_index, block.kind, span.start, span.end, span.text)
                for span in split_sentences(block.text, offset=block.start)
            )
        return tuple(found)

    def sentence_of(self, start: int, end: int) -> Sentence:
        """The sentence that contains ``text[start:end]`` (found by bisection); ValueError if none."""
        index = bisect_right(self.sentences, start, key=attrgetter("start")) - 1
        if index < 0 or self.sentences[index].end < end:
            raise ValueError(f"{self.id}: no sentence contains [{start}, {end})")
        return self.sentences[index]

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (0 before the first)."""
        return max(bisect_right(self.sentences, offset, key=attrgetter("start")) - 1, 0)

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of the body paragraphs only (no headline, no sub-headings)."""
        return tuple(sentence for sentence in self.sentences if sentence.block_kind == "paragraph")

    @cached_property
    def tokens(self) -> tuple[tuple[Span, ...], ...]:
        """Word tokens of each sentence (:func:`analysis.text.segment.tokenize`), clean-text offsets."""
        return tuple(
            tuple(tokenize(sentence.text, offset=sentence.start)) for sentence in self.sentences
        )

    @cached_property
    def words(self) -> tuple[list[str], ...]:
        """Lower-cased word tokens of each sentence (:func:`analysis.text.segment.words`): the texts of
        :attr:`tokens`, lower-cased, without building a token object per word."""
        return tuple(words(sentence.text) for sentence in self.sentences)

    @cached_property
    def quoted(self) -> tuple[tuple[Interval, ...], ...]:
        """Quoted intervals of each block (:func:`analysis.text.quotemarks.quoted_spans`), clean-text
        offsets."""
        return tuple(
            tuple(
                (block.start + start, block.start + end) for start, end in quoted_spans(block.text)
            )
            for block in self.blocks
        )

    @cached_property
    def quote_index(self) -> IntervalUnion:
        """All quoted intervals of the article, for ``offset in document.quote_index``."""
        return IntervalUnion(span for block in self.quoted for span in block)
