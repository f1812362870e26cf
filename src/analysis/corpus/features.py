"""Article features as one batch call over a table of cleaned articles.

:func:`article_features` gives one row per article with the values the per-event tables give for that
article, computed in one pass over its text instead of one table (and one tokenisation) per measure:

- readability (six measures) on the body paragraphs, from :mod:`analysis.measures.textcounts` (equal to
  textstat 0.7.13), and ``sentences``, ``words``, ``mean_sentence_length``, ``mattr`` on the same body,
  as :func:`analysis.tables.compare.style_table` (:func:`analysis.measures.readability.style_measures`);
- ``tone_mean_compound``, ``tone_narration``, ``tone_quoted``: means over the article's sentences of
  ``compound``, ``narration_compound``, ``quoted_compound`` of :func:`analysis.measures.tone.sentence_tone`
  (NaN skipped), and ``narration_words``, ``quoted_words`` (its word counts summed). The sum is
  ``math.fsum`` (correctly rounded), so a mean does not depend on the batch; pandas' grouped mean
  (compensated summation) agrees to about 1e-16 relative but not always in the last bit, and itself
  varies in the last bit with the layout and order of the groups;
- ``label_<family>_<voice>``: uses of each label family per voice, as
  :func:`analysis.tables.compare.label_uses` counted per article (families of
  :func:`analysis.measures.labels.load_codebook`, in codebook order);
- ``hedge_<family>_<voice>``: marker uses per voice, as :func:`analysis.measures.tone.hedge_uses` counted per
  article (families of :func:`analysis.measures.tone.load_hedge_codebook`);
- ``frame_<frame>``: share of the article's sentences with at least one cue of the frame, rounded to
  6 decimals, as ``share_of_sentences`` of :func:`analysis.measures.frames.frame_profile` on
  :func:`analysis.measures.frames.frame_indicators` (frames of :func:`analysis.measures.frames.load_frame_codebook`).

Tone, labels, hedges and frames read every block (headline, sub-headings, paragraphs) and every
sentence of :func:`analysis.tables.clean_layer.sentences_table`; style reads body paragraphs only, as ``style_table``.
The blocks are recovered from ``text`` (``CleanArticle.text``: blocks joined by a blank line), and their
kinds with the cleaner's own classifier, so no other column is needed. Column names: ``snake_case`` of
the codebook names (lower case, every run of other characters than ``a-z0-9`` replaced by ``_``).

VADER, an exact port. :func:`compound` re-implements ``polarity_scores`` of vaderSentiment 3.3.2 (Hutto &
Gilbert 2014, "VADER: A parsimonious rule-based model for sentiment analysis of social media text",
ICWSM-14) for the compound score only, with the reference's operations in the reference's order, so
the floats are equal (``==``): what VADER reads of a whitespace token (``_strip_punc_if_word``, its
lower case, booster, lexicon valence, ``isupper``, ``negated``) is computed once per distinct token and
kept in a module-level cache keyed by the token (never by the text); the negation, idiom, "least" and
"no" rules read the pre-lowered items instead of rebuilding a lower-cased list per rule and item; the
"but" rule, the booster scalar, the punctuation emphasis and ``normalize`` call the reference's own
functions. A sentence without a scored item (a lexicon word that is no booster) is 0.0 at once: every
sentiment is 0, the sum 0.0 and the compound ``round(normalize(0.0), 4) == 0.0``. A text with one of the
emoji characters VADER replaces by words goes to the reference. Tested equal to the reference on every
sentence, narration part and quoted part of the seed and BASIL events, and on generated text with
capitals, negations, "but", "least", boosters, idioms, emoticons, emoji and "!"/"?" emphasis.

Regex prefilter, exact. Every codebook pattern opens with ``\\b`` or ``(?<!\\w)``. :func:`_pattern_keys`
reads from the parsed pattern the literal prefixes one of which starts every match (optional parts
branch) or, for matches starting with a symbol or a set (``\\d``, ``[$€£]``), that first-character class.
One scan per block (:class:`_Scanner`: a trie regex of all prefixes of all codebooks, longest first,
plus one regex per class) gives the word starts where some prefix stands and which patterns' prefixes
those are; a pattern is then run only with ``match`` at those positions, which gives exactly the matches
of its ``finditer`` (it cannot match elsewhere; ``finditer`` resumes at the end of a match and the first
position there where the pattern matches is the next such hit). A sentence reads its block's hits: a
sentence lies between whitespace in its block, so word starts are the same and a prefix found in the
sentence is found in the block (where a longer one can only add patterns). Frames need only whether a
cue matches (a keyed pattern's matches are never empty); hedge counts keep ``non_overlapping``'s
non-empty matches. Patterns with no known prefix are run in full.

Shared segmentation. Each block is split into sentences once; each sentence is tokenised once, for its
voice word counts and, in body paragraphs, for ``words`` and ``mattr``: the sentences of a paragraph
cover all of it but whitespace, and a token never contains or looks past whitespace, so the paragraph's
tokens are its sentences' tokens in order. ``mattr`` is computed from each token's previous occurrence
(the same integer total as :func:`analysis.measures.readability.mattr`, so the same float). The project's
codebooks are read once per version of their files.
"""

from __future__ import annotations

import functools
import math
import operator
import re
import re._constants as sre
import re._parser as sre_parse
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vader
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from analysis import config
from analysis.measures.frames import FRAME_CODEBOOK, Frame, load_frame_codebook, require_columns
from analysis.measures.labels import LabelFamily, load_codebook
from analysis.measures.readability import READABILITY_MEASURES, mattr
from analysis.measures.textcounts import readability
from analysis.measures.tone import (
    HEDGE_CODEBOOK,
    VOICES,
    MarkerFamily,
    _merge,
    analyzer,
    load_hedge_codebook,
    split_voices,
    vader_scores,
)
from analysis.text.cleaning import _block_kind
from analysis.text.quotemarks import Interval, is_quoted, quoted_spans
from analysis.text.segment import _TOKEN_RE, split_sentences

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

#: Size at which the per-token VADER cache is emptied (bounds memory on a very large vocabulary).
_CACHE_LIMIT = 500_000
#: Per whitespace token (never per text): VADER's item (``_strip_punc_if_word``), its lower case, whether
#: it is a booster, its lexicon valence (None if absent), ``isupper``, ``negated([lower])``
#: and whether it is scored (in the lexicon, not a booster).
_VaderToken = tuple[str, str, bool, float | None, bool, bool, bool]
_VADER_TOKENS: dict[str, _VaderToken] = {}
_ITEM, _LOWER, _UPPER, _NEGATED = (operator.itemgetter(k) for k in (0, 1, 4, 5))


@functools.cache
def _vader_vocabulary() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's lexicon and the emoji characters ``polarity_scores`` replaces (single characters)."""
    sia = analyzer()
    return sia.lexicon, frozenset(key for key in sia.emojis if len(key) == 1)


def _vader_token(token: str) -> _VaderToken:
    """What VADER reads of one whitespace token (:data:`_VADER_TOKENS`)."""
    item = SentiText._strip_punc_if_word(token)
    lowered = item.lower()
    lexicon = _vader_vocabulary()[0]
    booster, value = lowered in vader.BOOSTER_DICT, lexicon.get(lowered)
    return (
        item,
        lowered,
        booster,
        value,
        item.isupper(),
        vader.negated([lowered]),
        value is not None and not booster,
    )


def _negation_check(
    valence: float, lows: list[str], negs: list[bool], start_i: int, i: int
) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` on the pre-lowered items (same operations)."""
    if start_i == 0 and negs[i - 1]:
        valence = valence * vader.N_SCALAR
    if start_i == 1:
        if lows[i - 2] == "never" and (lows[i - 1] == "so" or lows[i - 1] == "this"):
            valence = valence * 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            valence = valence
        elif negs[i - 2]:
            valence = valence * vader.N_SCALAR
    if start_i == 2:
        if (lows[i - 3] == "never" and (lows[i - 2] == "so" or lows[i - 2] == "this")) or (
            lows[i - 1] == "so" or lows[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            valence = valence
        elif negs[i - 3]:
            valence = valence * vader.N_SCALAR
    return valence


def _special_idioms_check(valence: float, lows: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` on the pre-lowered items."""
    onezero = f"{lows[i - 1]} {lows[i]}"
    twoonezero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
    twoone = f"{lows[i - 2]} {lows[i - 1]}"
    threetwoone = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
    threetwo = f"{lows[i - 3]} {lows[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[seq]
            break
    if len(lows) - 1 > i:
        zeroone = f"{lows[i]} {lows[i + 1]}"
        if zeroone in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroone]
    if len(lows) - 1 > i + 1:
        zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if zeroonetwo in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in vader.BOOSTER_DICT:
            valence = valence + vader.BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lows: list[str], i: int, lexicon: dict[str, float]) -> float:
    """``SentimentIntensityAnalyzer._least_check`` on the pre-lowered items."""
    if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        if lows[i - 2] != "at" and lows[i - 2] != "very":
            valence = valence * vader.N_SCALAR
    elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        valence = valence * vader.N_SCALAR
    return valence


def _valence(
    i: int,
    value: float,
    upper: bool,
    items: list[str],
    lows: list[str],
    negs: list[bool],
    is_cap_diff: bool,
    lexicon: dict[str, float],
) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` of lexicon item ``i`` (same operations)."""
    valence = value
    if lows[i] == "no" and i != len(items) - 1 and lows[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lows[i - 1] == "no")
        or (i > 1 and lows[i - 2] == "no")
        or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ["or", "nor"])
    ):
        valence = value * vader.N_SCALAR
    if upper and is_cap_diff:
        if valence > 0:
            valence += vader.C_INCR
        else:
            valence -= vader.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lows[i - (start_i + 1)] not in lexicon:
            s = vader.scalar_inc_dec(items[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lows, negs, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lows, i)
    return _least_check(valence, lows, i, lexicon)


def compound(text: str) -> float:
    """VADER's compound score of ``text``, equal (``==``) to :func:`analysis.measures.tone.vader_scores`'s.

    An exact port of vaderSentiment 3.3.2's ``polarity_scores`` (module docstring); text with an emoji
    character VADER replaces goes to the reference implementation.
    """
    lexicon, emojis = _vader_vocabulary()
    if not text.isascii() and not emojis.isdisjoint(text):
        return vader_scores(text)["compound"]
    tokens = text.split()
    if not tokens:
        return 0.0
    cache = _VADER_TOKENS
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    rows = list(map(cache.get, tokens))
    if None in rows:
        for index, row in enumerate(rows):
            if row is None:
                rows[index] = cache[tokens[index]] = _vader_token(tokens[index])
    scored = [i for i, row in enumerate(rows) if row[6]]
    if not scored:
        return 0.0  # every sentiment is 0 (see the module docstring)
    items = list(map(_ITEM, rows))
    lows = list(map(_LOWER, rows))
    negs = list(map(_NEGATED, rows))
    n = len(rows)
    capitals = sum(map(_UPPER, rows))
    is_cap_diff = 0 < n - capitals < n
    # booster, non-lexicon and "kind" before "of" items score 0 (the int), as in polarity_scores
    sentiments: list[float] = [0] * n
    for i in scored:
        if not (i < n - 1 and lows[i] == "kind" and lows[i + 1] == "of"):
            row = rows[i]
            sentiments[i] = _valence(i, row[3], row[4], items, lows, negs, is_cap_diff, lexicon)
    if "but" in lows:
        sentiments = SentimentIntensityAnalyzer._but_check(items, sentiments)
    sum_s = float(sum(sentiments))
    if sum_s > 0:
        sum_s += analyzer()._punctuation_emphasis(text)
    elif sum_s < 0:
        sum_s -= analyzer()._punctuation_emphasis(text)
    return round(vader.normalize(sum_s), 4)


def _part_compound(part: str, sentence: str, sentence_compound: float, n_words: int) -> float:
    """``tone._part_compound`` of one voice's part: its compound, NaN when it has no word."""
    if part == sentence:
        return sentence_compound if n_words else math.nan
    return compound(part) if _TOKEN_RE.search(part) else math.nan


# --- word-start prefilter ---------------------------------------------------------------------------

_PREFIX_CAP = 64  # most alternative literal prefixes kept per pattern (word_start_keys)
_PREFIXES_KEPT = 4096  # most alternative literal prefixes kept per pattern (word_start_prefixes)
_KEY = 6  # characters of a prefix compared at word starts (text_keys)
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_CLASS = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_Prefixes = set[tuple[str, bool]]  # (literal prefix, True if the match may go on with what follows)


def _asserts_word_start(op: object, av: object) -> bool:
    """True for ``\\b`` and for ``(?<!\\w)``, the openings of the codebooks' patterns."""
    if op is sre.AT:
        return av is sre.AT_BOUNDARY
    return op is sre.ASSERT_NOT and av[0] == -1 and list(av[1]) == _WORD_CLASS


def _literal_prefixes(items: sre_parse.SubPattern | list) -> tuple[set[str], bool]:
    """Lower-cased ASCII strings one of which starts every match of ``items``; True if exact."""
    found = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
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


_CLASS = "\x00"  # opens a "prefix" that is a one-character class (regex source after it)
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _class_source(op: object, av: object) -> str | None:
    """Regex source of a one-character item (literal or set), None for anything else."""
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is not sre.IN:
        return None
    parts = []
    for o, a in av:
        if o is sre.NEGATE and not parts:
            parts.append("^")
        elif o is sre.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o is sre.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is sre.CATEGORY and a in _CATEGORIES:
            parts.append(_CATEGORIES[a])
        else:
            return None
    return f"[{''.join(parts)}]"


def _atom_prefixes(op: object, av: object) -> _Prefixes:
    """Literal prefixes of one parsed item, each with whether a match may continue after it.

    A prefix may instead be a one-character class (:data:`_CLASS` and its source) when the item is a
    character that is no ASCII letter or digit, or a set of characters.
    """
    if op is sre.LITERAL and 0 < av < 128 and chr(av).isalnum():
        return {(chr(av).lower(), True)}
    if op is sre.IN and all(o is sre.LITERAL and 0 < a < 128 and chr(a).isalnum() for o, a in av):
        return {(chr(a).lower(), True) for _, a in av}
    if op is sre.LITERAL and 0 < av < 128:
        return {(chr(av), True)}  # ASCII punctuation or space: kept inside a prefix
    if op is sre.SUBPATTERN:
        return _sequence_prefixes(av[3])
    if op is sre.BRANCH:
        return set().union(*(_sequence_prefixes(alternative) for alternative in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        once = low == high == 1 or (low == 0 and high == 1)
        found = {(prefix, more and once) for prefix, more in _sequence_prefixes(body)}
        return found | {("", True)} if low == 0 else found
    source = _class_source(op, av)
    if source is not None:
        return {(_CLASS + source, False)}
    return {("", False)}  # anything else: no literal known


def _sequence_prefixes(items: sre_parse.SubPattern | list) -> _Prefixes:
    """Literal prefixes of a sequence: every match of ``items`` starts with one of them."""
    found: _Prefixes = {("", True)}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if not any(more for _, more in found):
            break
        added = _atom_prefixes(op, av)
        if len(found) * len(added) > _PREFIXES_KEPT:
            return {(a, False) for a, _ in found}  # still prefixes of every match
        grown = {(a, False) for a, more in found if not more}
        for a, more in found:
            if more:  # a class is a prefix only at the start; after a literal it ends the prefix
                grown |= {
                    (a, False) if a and b[:1] == _CLASS else (a + b, done) for b, done in added
                }
        found = grown
    return found


def _pattern_keys(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """Literal prefixes and first-character classes, one of which starts every match of ``pattern``.

    For a pattern that opens with ``\\b`` or ``(?<!\\w)`` (without ``re.ASCII``): each match starts
    with one of the lower-case ASCII literals (whose first character is a letter or digit) or with a
    character of one of the classes (regex sources). None when some match may start otherwise.
    """
    if pattern.flags & re.ASCII:
        return None
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if not items or not _asserts_word_start(*items[0]):
        return None
    prefixes = {prefix for prefix, _ in _sequence_prefixes(items)}
    literals = {prefix for prefix in prefixes if prefix[:1] != _CLASS}
    if not prefixes or not all(
        prefix[:1].isascii() and prefix[:1].isalnum() for prefix in literals
    ):
        return None
    return frozenset(literals), frozenset(prefix[1:] for prefix in prefixes - literals)


def word_start_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Keys of which one is at a word start of the lower-cased text wherever ``pattern`` matches.

    Applies to a pattern that opens with ``\\b`` or ``(?<!\\w)`` (as the codebooks' do) and whose
    matches all start with a literal word character; None otherwise (no prefilter). A key is the
    first :data:`_KEY` characters of a literal prefix. Valid on ASCII text only, where lower-casing
    is case-insensitive matching and keeps word characters word characters. (A coarser test than
    :class:`_Scanner`, kept for :func:`text_keys` and :func:`may_match`.)
    """
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if not items or not _asserts_word_start(*items[0]):
        return None
    prefixes, _ = _literal_prefixes(items)
    if not prefixes or not all(prefix[:1].isalnum() for prefix in prefixes):
        return None
    return frozenset(prefix[:_KEY] for prefix in prefixes)


def word_start_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII literals one of which starts, case-insensitively, every match of ``pattern``.

    For a pattern that opens with ``\\b`` or ``(?<!\\w)`` (without ``re.ASCII``) and whose matches all
    start with a literal ASCII letter or digit; None otherwise. Optional parts (``?``, ``*``) branch.
    Every match then starts at a word start (the character before it is no word character) with one
    of the prefixes, as :class:`_Scanner` looks for them.
    """
    keys = _pattern_keys(pattern)
    return keys[0] if keys is not None and not keys[1] else None


def _trie_pattern(keys: list[str]) -> str:
    """A regex matching the longest of ``keys`` (distinct, non-empty) that starts the text.

    The keys are factored into a trie: siblings start with different characters, so at most one
    branch matches, and the optional tail after a complete key is greedy (longer keys first).
    """
    children: dict[str, list[str]] = {}
    for key in keys:
        children.setdefault(key[0], []).append(key[1:])
    branches = []
    for first, rests in children.items():
        longer = [rest for rest in rests if rest]
        tail = _trie_pattern(longer) if longer else ""
        if tail and len(longer) < len(rests):
            tail = f"(?:{tail})?"  # a key ends here: the longer ones are optional
        branches.append(re.escape(first) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class _Scanner:
    """Where each of many patterns can match a text, from one regex scan for their prefixes.

    Bit ``i`` stands for ``patterns[i]``. The scan ``(?<!\\w)(?=(k1|k2|...))`` (case-insensitive, a
    trie of every pattern's :func:`word_start_prefixes`, longest first) gives at each word start the
    longest prefix there; every prefix at that position is a prefix of it (distinct lower-case ASCII
    literals never fold to the same text), so the position gets the bits of all its prefixes. A
    found text that does not lower-case to a prefix gets every bit. Patterns without prefixes are in
    :attr:`always`. So a keyed pattern matches a text only at a position of a hit with its bit.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.everything = (1 << len(patterns)) - 1
        self.always = 0
        self.keyed: list[bool] = []
        bits: dict[str, int] = {}
        classes: dict[tuple[str, int], int] = {}
        for index, pattern in enumerate(patterns):
            keys = _pattern_keys(pattern)
            self.keyed.append(keys is not None)
            if keys is None:
                self.always |= 1 << index
                continue
            for prefix in keys[0]:
                bits[prefix] = bits.get(prefix, 0) | 1 << index
            boundary = sre_parse.parse(pattern.pattern)[0][0] is sre.AT
            for source in keys[1]:
                # the pattern's opening and first character; IGNORECASE only widens the class.
                # "c(?<!\w(?s:.))" is "(?<!\w)c" with the check after the character, so that the
                # regex opens with the class (which re scans for fast)
                found = rf"\b{source}" if boundary else rf"{source}(?<!\w(?s:.))"
                key = (found, pattern.flags | re.IGNORECASE)
                classes[key] = classes.get(key, 0) | 1 << index
        self.closure = {
            key: functools.reduce(
                operator.or_, (bits.get(key[:end], 0) for end in range(1, len(key) + 1))
            )
            for key in bits
        }
        trie = _trie_pattern(sorted(bits)) if bits else ""
        self.regex = re.compile(rf"(?<!\w)(?=({trie}))", re.IGNORECASE) if bits else None
        # on ASCII text, lower-casing maps A-Z to a-z only, so matching the lower-case keys
        # case-sensitively in the lower-cased text finds the same texts (lower-cased) at the same
        # positions, and word characters stay word characters
        self.ascii_regex = re.compile(rf"(?<!\w)(?=({trie}))") if bits else None
        self.classes = [
            (re.compile(source, flags), bit) for (source, flags), bit in classes.items()
        ]
        self.cased = dict(self.closure)  # found text, as in the text -> bits

    def _bits(self, found: str) -> int:
        """Bits of a found text (any case), remembered by that text (at most a bounded number)."""
        bits = self.closure.get(found.lower(), self.everything)
        if len(self.cased) > _CACHE_LIMIT:
            self.cased.clear()
        self.cased[found] = bits
        return bits

    def scan(self, text: str) -> tuple[int, list[tuple[int, int]]]:
        """Bits of the patterns that may match ``text``, and each hit ``(position, bits)`` in order."""
        mask, hits, cased = self.always, [], self.cased
        if self.regex is not None:
            ascii_text = text.isascii()
            regex = self.ascii_regex if ascii_text else self.regex
            for match in regex.finditer(text.lower() if ascii_text else text):
                found = match.group(1)
                bits = cased.get(found)
                if bits is None:
                    bits = self._bits(found)
                mask |= bits
                hits.append((match.start(), bits))
        more = [(m.start(), bit) for regex, bit in self.classes for m in regex.finditer(text)]
        if not more:
            return mask, hits
        merged = dict(hits)
        for position, bits in more:
            merged[position] = merged.get(position, 0) | bits
            mask |= bits
        return mask, sorted(merged.items())


@functools.lru_cache(maxsize=8)
def _scanner(patterns: tuple[re.Pattern[str], ...]) -> _Scanner:
    return _Scanner(patterns)


def _keyed_starts(
    pattern: re.Pattern[str], bit: int, text: str, hits: list[tuple[int, int]]
) -> list[int]:
    """Starts of ``pattern.finditer(text)`` for a keyed pattern: it can only match at its hits.

    ``finditer`` searches from the end of the last match; the first position there at which the
    pattern matches is the first such hit, and ``match`` there gives the same match as the search.
    """
    starts, reach = [], 0
    for position, bits in hits:
        if bits & bit and position >= reach:
            found = pattern.match(text, position)
            if found is not None:
                starts.append(position)
                reach = found.end()
    return starts


def _keyed_any(pattern: re.Pattern[str], bit: int, text: str, hits: list[tuple[int, int]]) -> bool:
    """Whether a keyed pattern matches ``text`` (its matches are never empty)."""
    return any(bits & bit and pattern.match(text, position) for position, bits in hits)


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
    def scanner(self) -> _Scanner:
        """The prefilter of every pattern: label families, marker families, then cues by frame."""
        patterns = [family.pattern for family in self.labels]
        patterns += [family.pattern for family in self.hedges]
        patterns += [cue.pattern for frame in self.frames for cue in frame.cues]
        return _scanner(tuple(patterns))

    @functools.cached_property
    def label_rows(self) -> list[tuple[int, int, re.Pattern[str], bool]]:
        """``(bit, row, pattern, keyed)`` of each label family."""
        keyed = self.scanner.keyed
        return [(1 << row, row, f.pattern, keyed[row]) for row, f in enumerate(self.labels)]

    @functools.cached_property
    def hedge_rows(self) -> list[tuple[int, int, re.Pattern[str], bool]]:
        """``(bit, row, pattern, keyed)`` of each marker family."""
        keyed, offset = self.scanner.keyed, len(self.labels)
        return [
            (1 << (offset + row), row, family.pattern, keyed[offset + row])
            for row, family in enumerate(self.hedges)
        ]

    @functools.cached_property
    def frame_rows(self) -> list[tuple[int, int, list[tuple[int, re.Pattern[str], bool]]]]:
        """``(bits, row, cues)`` of each frame: its cues' bits and ``(bit, pattern, keyed)``."""
        keyed, index = self.scanner.keyed, len(self.labels) + len(self.hedges)
        rows = []
        for row, frame in enumerate(self.frames):
            cues = [
                (1 << (index + k), cue.pattern, keyed[index + k])
                for k, cue in enumerate(frame.cues)
            ]
            rows.append((functools.reduce(operator.or_, (bit for bit, _, _ in cues), 0), row, cues))
            index += len(frame.cues)
        return rows

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
    files = (config.LABEL_CODEBOOK, HEDGE_CODEBOOK, FRAME_CODEBOOK)
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


def blocks_of(text: str) -> list[tuple[int, str, str]]:
    """``(start, kind, text)`` of each block of a clean text, kinds as :mod:`analysis.text.cleaning`."""
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


def _has_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` has a non-empty match in ``text`` (``cue_matches`` keeps only those)."""
    found = pattern.search(text)
    if found is None:
        return False
    if found.end() > found.start():
        return True
    return any(match.end() > match.start() for match in pattern.finditer(text))


def _count_sentence(
    text: str,
    spans: list[Interval],
    hits: list[tuple[int, int]],
    books: _Codebooks,
    tally: _Tally,
    words: list[str] | None,
) -> None:
    """Tone, voice words, marker uses and frame cues of one sentence.

    ``spans``: its quoted intervals; ``hits``: the scanner's hits of its block that lie in it,
    relative to it (see :func:`_article`); ``words``: extended with its tokens, lower-cased.
    """
    if spans:
        matches = list(_TOKEN_RE.finditer(text))
        starts = [match.start() for match in matches]
        n_words = len(starts)
        # spans are merged (disjoint, sorted): tokens starting inside them, as is_quoted
        quoted_words = sum(bisect_left(starts, b) - bisect_left(starts, a) for a, b in spans)
        tokens = [match.group() for match in matches] if words is not None else []
    else:
        tokens = _TOKEN_RE.findall(text)
        n_words, quoted_words = len(tokens), 0
    if words is not None:
        words += [token.lower() for token in tokens]
    tally.voice_words[0] += n_words - quoted_words
    tally.voice_words[1] += quoted_words
    whole = compound(text)
    if spans:
        narration, quoted = split_voices(text, spans)
        parts = (_part_compound(narration, text, whole, n_words),)
        parts += (_part_compound(quoted, text, whole, n_words),)
    else:  # split_voices gives (text, "") for a stripped sentence without quotation marks
        parts = (whole if n_words else math.nan, math.nan)
    tally.compounds.append((whole, *parts))
    mask = books.scanner.always
    for _, bits in hits:
        mask |= bits
    for bit, row, pattern, keyed in books.hedge_rows:
        if not mask & bit:
            continue
        if keyed:
            for start in _keyed_starts(pattern, bit, text, hits):
                tally.hedges[2 * row + is_quoted(start, spans)] += 1
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                tally.hedges[2 * row + is_quoted(match.start(), spans)] += 1
    for bits, row, cues in books.frame_rows:
        if mask & bits and any(
            (_keyed_any(pattern, bit, text, hits) if keyed else _has_match(pattern, text))
            for bit, pattern, keyed in cues
            if mask & bit
        ):
            tally.frames[row] += 1
    tally.sentences += 1


def _mattr(tokens: list[str], window: int = 50) -> float:
    """:func:`analysis.measures.readability.mattr` from each token's previous occurrence (same integers)."""
    n = len(tokens)
    if n < window:
        return mattr(tokens, window)
    last: dict[str, int] = {}
    total, top = 0, n - window
    for i, token in enumerate(tokens):
        # windows starting at s count token i as new when its previous occurrence is before s
        low = last.get(token, -1) + 1
        last[token] = i
        if low < i - window + 1:
            low = i - window + 1
        high = i if i < top else top
        if high >= low:
            total += high - low + 1
    return total / ((n - window + 1) * window)


def _style(paragraphs: list[str], tokens: list[str], n_sentences: int) -> dict[str, float]:
    """Readability and style of the body, as :func:`analysis.measures.readability.style_measures`."""
    n_words = len(tokens)
    return {
        **readability(BLOCK_SEPARATOR.join(paragraphs)),
        "sentences": n_sentences,
        "words": n_words,
        "mean_sentence_length": n_words / n_sentences if n_sentences else math.nan,
        "mattr": _mattr(tokens),
    }


def _article(text: str, books: _Codebooks) -> tuple[dict[str, float], _Tally]:
    """Style values and counts of one clean text."""
    tally = _Tally.empty(books)
    paragraphs: list[str] = []
    body_tokens: list[str] = []
    body_sentences = 0
    for _, kind, block in blocks_of(text):
        # quoted_spans finds no span without a double or a single quotation mark
        quotes = quoted_spans(block) if '"' in block or "'" in block else []
        mask, hits = books.scanner.scan(block)
        for bit, row, pattern, keyed in books.label_rows:
            if not mask & bit:
                continue
            found = (
                _keyed_starts(pattern, bit, block, hits)
                if keyed
                else [match.start() for match in pattern.finditer(block)]
            )
            for start in found:
                tally.labels[2 * row + is_quoted(start, quotes)] += 1
        sentences = split_sentences(block)
        positions = [position for position, _ in hits]
        # a paragraph's tokens are its sentences' tokens, in order (see the module docstring)
        words = body_tokens if kind == "paragraph" else None
        for span in sentences:
            spans = _sentence_intervals(quotes, span.start, span.end)
            first, last = bisect_left(positions, span.start), bisect_left(positions, span.end)
            near = [(position - span.start, bits) for position, bits in hits[first:last]]
            _count_sentence(span.text, spans, near, books, tally, words)
        if kind == "paragraph":
            paragraphs.append(block)
            body_sentences += len(sentences)
    return _style(paragraphs, body_tokens, body_sentences), tally


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
