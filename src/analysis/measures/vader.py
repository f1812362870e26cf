"""VADER sentiment scores, an exact port of vaderSentiment 3.3.2's ``polarity_scores``.

VADER: Hutto & Gilbert (2014), "VADER: A parsimonious rule-based model for sentiment analysis of social
media text", ICWSM-14 (PyPI ``vaderSentiment`` 3.3.2; its lexicon, booster words, idioms and constants
are read from the package, nothing is downloaded). :func:`scores` and :func:`compound` repeat the
reference's operations in the reference's order, so the floats are equal (``==``; tested against
``SentimentIntensityAnalyzer.polarity_scores`` on every sentence, narration part and quoted part of the
seed and BASIL events, and on generated text with capitals, negations, "but", "least", boosters, idioms,
emoticons, emoji and "!"/"?" emphasis). What VADER reads of a whitespace token (the item with its
punctuation stripped, its lower case, booster, lexicon valence, ``isupper``, ``negated``) is computed once
per distinct token and kept in a module-level cache keyed by the token (never by the text); the
negation, idiom, "least" and "no" rules read the pre-lowered items instead of rebuilding a lower-cased
list per rule and item. A text with one of the emoji characters VADER replaces by words goes to the
reference implementation.

:func:`compound` alone has one more shortcut: a text without a scored item (a lexicon word that is no
booster) is 0.0 at once, since every sentiment is 0, their sum 0.0 and ``round(normalize(0.0), 4)``
0.0.
"""

from __future__ import annotations

import functools
import math
import operator
import string

from vaderSentiment import vaderSentiment as reference
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["analyzer", "compound", "scores"]

#: Size at which the per-token cache is emptied (bounds memory on a very large vocabulary).
_CACHE_LIMIT = 500_000
#: Per whitespace token (never per text): VADER's item (punctuation stripped), its lower case, whether
#: it is a booster, its lexicon valence (None if absent), ``isupper``, ``negated([lower])``
#: and whether it is scored (in the lexicon, not a booster).
_Token = tuple[str, str, bool, float | None, bool, bool, bool]
_TOKENS: dict[str, _Token] = {}
_ITEM, _LOWER, _UPPER, _NEGATED, _SCORED = (operator.itemgetter(k) for k in (0, 1, 4, 5, 6))


@functools.cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The reference VADER analyser (built once; reads the lexicon shipped with the package)."""
    return SentimentIntensityAnalyzer()


@functools.cache
def _vocabulary() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's lexicon and the emoji characters ``polarity_scores`` replaces (single characters)."""
    sia = analyzer()
    return sia.lexicon, frozenset(key for key in sia.emojis if len(key) == 1)


def _strip_punctuation(token: str) -> str:
    """``SentiText._strip_punc_if_word``: leading/trailing punctuation off unless 2 characters remain."""
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 2 else stripped


def _read_token(token: str) -> _Token:
    """What VADER reads of one whitespace token (:data:`_TOKENS`)."""
    item = _strip_punctuation(token)
    lowered = item.lower()
    booster, value = lowered in reference.BOOSTER_DICT, _vocabulary()[0].get(lowered)
    scored = value is not None and not booster
    return (item, lowered, booster, value, item.isupper(), reference.negated([lowered]), scored)


def _tokens(text: str) -> list[_Token]:
    """:func:`_read_token` of every whitespace token of ``text``, from the cache."""
    tokens = text.split()
    cache = _TOKENS
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    rows = list(map(cache.get, tokens))
    if None in rows:
        for index, row in enumerate(rows):
            if row is None:
                rows[index] = cache[tokens[index]] = _read_token(tokens[index])
    return rows


def _negation_check(
    valence: float, lows: list[str], negs: list[bool], start_i: int, i: int
) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` on the pre-lowered items (same operations)."""
    if start_i == 0 and negs[i - 1]:
        valence = valence * reference.N_SCALAR
    if start_i == 1:
        if lows[i - 2] == "never" and (lows[i - 1] == "so" or lows[i - 1] == "this"):
            valence = valence * 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            valence = valence
        elif negs[i - 2]:
            valence = valence * reference.N_SCALAR
    if start_i == 2:
        if (lows[i - 3] == "never" and (lows[i - 2] == "so" or lows[i - 2] == "this")) or (
            lows[i - 1] == "so" or lows[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            valence = valence
        elif negs[i - 3]:
            valence = valence * reference.N_SCALAR
    return valence


@functools.cache
def _idiom_openers() -> frozenset[str]:
    """First words of VADER's multi-word idioms and boosters.

    Every n-gram :func:`_special_idioms_check` looks up joins two or three items with a space and
    opens with item ``i - 3``, ``i - 2``, ``i - 1`` or ``i``; items hold no space, so when none of
    those four is the first word of a multi-word key, no look-up can succeed and the check returns
    the valence unchanged.
    """
    keys = [*reference.SPECIAL_CASES, *reference.BOOSTER_DICT]
    return frozenset(key.split(" ")[0] for key in keys if " " in key)


def _special_idioms_check(valence: float, lows: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` on the pre-lowered items."""
    onezero = f"{lows[i - 1]} {lows[i]}"
    twoonezero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
    twoone = f"{lows[i - 2]} {lows[i - 1]}"
    threetwoone = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
    threetwo = f"{lows[i - 3]} {lows[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in reference.SPECIAL_CASES:
            valence = reference.SPECIAL_CASES[seq]
            break
    if len(lows) - 1 > i:
        zeroone = f"{lows[i]} {lows[i + 1]}"
        if zeroone in reference.SPECIAL_CASES:
            valence = reference.SPECIAL_CASES[zeroone]
    if len(lows) - 1 > i + 1:
        zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if zeroonetwo in reference.SPECIAL_CASES:
            valence = reference.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in reference.BOOSTER_DICT:
            valence = valence + reference.BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lows: list[str], i: int, lexicon: dict[str, float]) -> float:
    """``SentimentIntensityAnalyzer._least_check`` on the pre-lowered items."""
    if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        if lows[i - 2] != "at" and lows[i - 2] != "very":
            valence = valence * reference.N_SCALAR
    elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        valence = valence * reference.N_SCALAR
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
        valence = value * reference.N_SCALAR
    if upper and is_cap_diff:
        if valence > 0:
            valence += reference.C_INCR
        else:
            valence -= reference.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lows[i - (start_i + 1)] not in lexicon:
            # scalar_inc_dec is 0.0 for a word whose lower case is no booster
            s = (
                reference.scalar_inc_dec(items[i - (start_i + 1)], valence, is_cap_diff)
                if lows[i - (start_i + 1)] in reference.BOOSTER_DICT
                else 0.0
            )
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lows, negs, start_i, i)
            if start_i == 2 and not _idiom_openers().isdisjoint(lows[i - 3 : i + 1]):
                valence = _special_idioms_check(valence, lows, i)
    return _least_check(valence, lows, i, lexicon)


def _but_check(lows: list[str], sentiments: list[float]) -> list[float]:
    """``SentimentIntensityAnalyzer._but_check`` (its ``list.index`` lookups included)."""
    if "but" in lows:
        bi = lows.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _punctuation_emphasis(text: str) -> float:
    """``SentimentIntensityAnalyzer._punctuation_emphasis``: "!" (up to 4) and "?" (2 or more)."""
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _sentiments(rows: list[_Token]) -> list[float]:
    """The sentiment of every item (``polarity_scores`` up to and including the "but" rule)."""
    lexicon = _vocabulary()[0]
    items = list(map(_ITEM, rows))
    lows = list(map(_LOWER, rows))
    negs = list(map(_NEGATED, rows))
    n = len(rows)
    capitals = sum(map(_UPPER, rows))
    is_cap_diff = 0 < n - capitals < n
    # booster, non-lexicon and "kind" before "of" items score 0 (the int), as in polarity_scores
    sentiments: list[float] = [0] * n
    for i in [i for i, row in enumerate(rows) if row[6]]:
        if not (i < n - 1 and lows[i] == "kind" and lows[i + 1] == "of"):
            row = rows[i]
            sentiments[i] = _valence(i, row[3], row[4], items, lows, negs, is_cap_diff, lexicon)
    return _but_check(lows, sentiments)


def _has_emoji(text: str) -> bool:
    """Whether ``text`` holds an emoji character VADER replaces by its description."""
    return not text.isascii() and not _vocabulary()[1].isdisjoint(text)


def compound(text: str) -> float:
    """VADER's compound score of ``text`` (−1 … 1), equal to ``polarity_scores(text)["compound"]``."""
    if _has_emoji(text):
        return float(analyzer().polarity_scores(text)["compound"])
    rows = _tokens(text)
    if not any(map(_SCORED, rows)):
        return 0.0  # every sentiment is 0 (see the module docstring)
    sum_s = float(sum(_sentiments(rows)))
    if sum_s > 0:
        sum_s += _punctuation_emphasis(text)
    elif sum_s < 0:
        sum_s -= _punctuation_emphasis(text)
    return round(reference.normalize(sum_s), 4)


def scores(text: str) -> dict[str, float]:
    """VADER's ``compound``, ``pos``, ``neu``, ``neg`` of ``text``, equal to ``polarity_scores``."""
    if _has_emoji(text):
        found = analyzer().polarity_scores(text)
        return {key: float(found[key]) for key in ("compound", "pos", "neu", "neg")}
    sentiments = _sentiments(_tokens(text))
    if not sentiments:
        return {"compound": 0.0, "pos": 0.0, "neu": 0.0, "neg": 0.0}
    sum_s = float(sum(sentiments))
    emphasis = _punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    pos_sum, neg_sum, neu_count = 0.0, 0.0, 0
    for sentiment in sentiments:  # _sift_sentiment_scores
        if sentiment > 0:
            pos_sum += float(sentiment) + 1
        if sentiment < 0:
            neg_sum += float(sentiment) - 1
        if sentiment == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "compound": round(reference.normalize(sum_s), 4),
        "pos": round(math.fabs(pos_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "neg": round(math.fabs(neg_sum / total), 3),
    }
