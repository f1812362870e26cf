"""Rule-based sentence and token segmentation for cleaned English news paragraphs.

The approach follows the rule-based tradition of Grefenstette & Tapanainen (1994, "What is a
word, what is a sentence?"): a period, ``!`` or ``?`` (plus any closing quotes or brackets) ends a
sentence when whitespace and a plausible sentence opening follow, unless the word before it is an
abbreviation. Abbreviations are the hard case Kiss & Strunk (2006, "Unsupervised multilingual
sentence boundary detection") describe: a period after ``U.S.`` may or may not end the sentence.
Rather than learn abbreviations from a corpus, this module uses fixed, documented lists:

* :data:`analysis.text.lexicon.NO_BREAK_ABBREVIATIONS` never end a sentence (``Mr.``, ``Gen.``, ``Inc.``, ``Jan.`` ...);
* multi-dot abbreviations (``U.S.``, ``a.m.``, ``e.g.``) and single-letter initials (``F.``) end
  a sentence only when the next word is one of :data:`SENTENCE_STARTERS` (``The``, ``He`` ...)
  or opens with a quote or bracket before a capital (``U.S. "clearly" needed`` goes on).

Input is assumed to be cleaned text: straight quotes, single spaces, NFC-normalised Unicode.
Everything is deterministic and uses only precompiled :mod:`re` patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text.lexicon import NO_BREAK_ABBREVIATIONS

__all__ = [
    "MAX_SENTENCE_CHARS",
    "SENTENCE_STARTERS",
    "Span",
    "has_word",
    "split_sentences",
    "token_starts",
    "tokenize",
    "words",
]

#: Capitalised words that commonly open a news sentence. After a multi-dot abbreviation
#: (``U.S.``) or a single-letter initial, the sentence ends only if the next word is one of these.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An",
        "This", "That", "These", "Those", "There", "Its", "His", "Her", "Their", "Our",
        "On", "At", "After", "When", "If", "However", "Meanwhile", "Yet", "So", "Some",
    }
)  # fmt: skip

#: The longest sentence kept whole, in characters. Longer runs without a sentence end (a transcript
#: or a list without punctuation) are cut at a clause mark, so no step meets an unbounded sentence;
#: the longest sentence of the 840 PolNeAR articles has 1,094 characters.
MAX_SENTENCE_CHARS = 2_000
_OPENERS = "\"'([\u201c\u2018"  # straight and curly opening quotes, brackets
_CURRENCY = "$\u00a3\u20ac\u00a5"  # $ £ € ¥ may open a sentence ("$10 million was ...")

# Candidate boundary: one or more of . ! ?, optional closing quotes/brackets, whitespace, and (looked
# ahead, not consumed) the next non-space run. The scan finds the leftmost terminator of a word whose
# rest up to the whitespace is terminators and closers, so the word before it (``_word_before``) is
# what a pattern opening with ``(?<!\S)(?P<word>\S*?)`` would give, and the scan is faster.
_BOUNDARY_RE = re.compile(r"(?P<term>[.!?]+)(?P<close>[\"')\]\u201d\u2019]*)\s+(?=(?P<next>\S+))")
# Multi-dot abbreviation without its final period: U.S, U.N, a.m, e.g, i.e.
_MULTI_DOT_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# First word of the following text, after any opening quotes/brackets: "It's" -> "It".
_NEXT_WORD_RE = re.compile(r"[\w-]+")

_LETTER = r"[^\W_]"  # a Unicode letter or digit
_TOKEN_RE = re.compile(
    # dotted abbreviations keep their final period: U.S., a.m., e.g. (and U.S.-led)
    rf"(?:[^\W\d_]\.){{2,}}(?!{_LETTER})(?:-{_LETTER}+)*"
    # words and numbers with internal hyphens, apostrophes, periods, or thousands commas
    rf"|{_LETTER}+(?:(?:[-'\u2019.]|(?<=\d),(?=\d{{3}}(?!\d))){_LETTER}+)*"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with character offsets: ``source[start - offset:end - offset] == text``."""

    start: int
    end: int
    text: str


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters of ``text`` that ends at ``end``."""
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_boundary(match: re.Match[str]) -> bool:
    """Decide whether a candidate boundary match really ends a sentence."""
    following = match["next"]
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS or first in _CURRENCY):
        return False  # lower-case (or other punctuation) continues the sentence
    if match["term"] != "." or match["close"]:
        return True  # ! ? ... and a period inside closing quotes/brackets end the sentence
    word = _word_before(match.string, match.start()).lstrip(_OPENERS)
    if word in NO_BREAK_ABBREVIATIONS:
        return False
    if _MULTI_DOT_RE.fullmatch(word) or (len(word) == 1 and word.isalpha() and word.isupper()):
        if (
            first in _OPENERS
        ):  # a quotation or bracket opening in lower case goes on (U.S. "clearly")
            return not following[1:2].islower()
        next_word = _NEXT_WORD_RE.match(following)
        return next_word is not None and next_word.group() in SENTENCE_STARTERS
    return True


def _strip_span(text: str, start: int, end: int, offset: int) -> Span | None:
    """Span of ``text[start:end]`` without surrounding whitespace, or None if nothing is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    return Span(begin + offset, begin + len(stripped) + offset, stripped)


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split one paragraph into sentence spans without surrounding whitespace (a run longer than
    :data:`MAX_SENTENCE_CHARS` without a sentence end is cut into pieces).

    Offsets are positions in ``text`` plus ``offset``.
    """
    ends = [match.end("close") for match in _BOUNDARY_RE.finditer(text) if _is_boundary(match)]
    spans: list[Span] = []
    start = 0
    for end in [*ends, len(text)]:
        for piece_start, piece_end in _capped(text, start, end):
            span = _strip_span(text, piece_start, piece_end, offset)
            if span is not None:
                spans.append(span)
        start = end
    return spans


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` in pieces of at most :data:`MAX_SENTENCE_CHARS`, each cut after the last
    ``;``, ``:`` or ``,`` in its second half, else after its last space, else at the limit."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        half = start + MAX_SENTENCE_CHARS // 2
        cut = max(text.rfind(mark, half, limit) for mark in ";:,") + 1
        if cut <= half:
            cut = text.rfind(" ", half, limit) + 1
        if cut <= half:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def tokenize(text: str, offset: int = 0) -> list[Span]:
    """Word tokens (letters/digits with internal ``-``, ``'``, ``.``, or thousands commas).

    Punctuation and currency symbols are not tokens (``$10`` gives ``10``); dotted abbreviations
    keep their final period (``U.S.``).
    """
    return [Span(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN_RE.finditer(text)]


def token_starts(text: str) -> list[int]:
    """Start offsets of the tokens of :func:`tokenize` (no token object built per word)."""
    return [match.start() for match in _TOKEN_RE.finditer(text)]


def has_word(text: str) -> bool:
    """Whether ``text`` has a word token, i.e. :func:`words` of it is not empty (one search)."""
    return _TOKEN_RE.search(text) is not None


def words(text: str) -> list[str]:
    """Lower-cased token texts of ``text``, for counting vocabulary."""
    return [token.lower() for token in _TOKEN_RE.findall(text)]  # no groups: whole matches
