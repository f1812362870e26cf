"""The features of a sentence that sentence alignment compares: content words, names, numbers.

Method (used by :mod:`analysis.measures.alignment`; sources cited there and below)
    * content words: the lower-cased tokens of :func:`analysis.text.segment.tokenize` (the tokens
      :func:`analysis.text.segment.words` counts) minus :data:`STOP_WORDS`. Curly apostrophes are made
      straight, a possessive ``'s`` is removed, hyphenated tokens are split into their parts
      (``al-Adl`` → ``al``, ``adl``), dotted abbreviations lose their dots (``F.B.I.`` → ``fbi``),
      and inflections are folded by steps 1a-1c of Porter's stemmer (Porter 1980, "An algorithm
      for suffix stripping", Program 14(3)): plurals, ``-ed``, ``-ing``, final ``-y``
      (``bombing`` = ``bomb``, ``killed`` = ``kill``), not derivations (``cooperation`` ≠
      ``cooperate``). All-capital acronyms (``US``, ``IRGC``) are never stop words, not stemmed.
      Single letters are dropped.
    * names: ``name:<form>`` for a capitalised token whose form is a *name of the event*: it is
      capitalised somewhere inside a body sentence (not as its first word) and never written in lower
      case anywhere in the event. So "Rohani" counts twice (word and name), Title-Case headline
      words such as "Set" or "Joint" do not.
    * numbers: ``num:<value>``, in addition to the number's word. Digits (``14``, ``1,000``,
      ``2.5``, ``27th``) and number words (``ten``, ``fourteen``, ``twenty-seven``) are normalised
      to one value, and a following scale word multiplies (``six million`` = ``6 million`` =
      6000000; ``$10 billion`` = 10000000000). So "14" and "fourteen" share ``num:14``; "14" and
      "14" share the word too. ``one`` is a stop word (mostly a pronoun in news: "no one", "one
      of"); word ordinals (``first``) are words, not numbers.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from analysis.text.lexicon import ONES, SCALES, SMALL_NUMBERS, TENS
from analysis.text.segment import tokenize

__all__ = [
    "NUMBER_WORDS",
    "SCALE_WORDS",
    "STOP_WORDS",
    "Unit",
    "event_names",
    "normalise_number",
    "porter_step1",
    "sentence_features",
    "token_units",
    "unit_features",
    "unit_names",
]

#: English function words removed before weighting: articles, pronouns, auxiliaries and modals,
#: prepositions, conjunctions, common adverbs and determiners, their contractions, and news
#: attribution verbs (said, says, told, according) that nearly every news sentence carries. Written
#: for this module (close in spirit to the SMART and scikit-learn lists, much shorter). Number words
#: other than "one" are not stop words: they become ``num:`` features.
_STOP_TEXT = """
    a about above after again against all also although am among an and another any are around as
    at be because been before being below between both but by can could did do does doing down
    during each either else even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just least less many may
    me might more most much must my myself neither no nor not now of off often on once one only or
    other others our ours ourselves out over own per perhaps quite rather same several shall she
    should since so some such than that the their theirs them themselves then there these they
    this those though through thus to too toward towards under until up upon us very via was we
    were what whatever when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves
    mr mrs ms
    said say says saying told tell tells according
    don't doesn't didn't won't can't cannot isn't aren't wasn't weren't hasn't haven't hadn't
    wouldn't couldn't shouldn't it's i'm i'll i've i'd we're we've we'll we'd you're you've you'll
    they're they've they'll they'd he's she's he'd she'd that's there's here's who's what's let's
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

#: Number words and their values ("twenty-seven" is read from its parts): the lexicon's.
NUMBER_WORDS: dict[str, float] = {"zero": 0.0, **SMALL_NUMBERS}
#: Scale words: multiply the number before them ("6 million"), or stand alone ("a million").
SCALE_WORDS: dict[str, float] = SCALES

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?$")
_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?$")
_CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'d", "'m")


def normalise_number(token: str) -> float | None:
    """Value of a number token (``"14"``, ``"1,000"``, ``"2.5"``, ``"27th"``, ``"fourteen"``,
    ``"twenty-seven"``, ``"million"``), else None. Case-insensitive."""
    token = token.lower()
    match = _DIGITS.match(token)
    if match:
        return float(match.group(1).replace(",", "") + (match.group(2) or ""))
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if token in SCALE_WORDS:
        return float(SCALE_WORDS[token])
    tens, _, unit = token.partition("-")
    if tens in TENS and unit in ONES:
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[unit])
    return None


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


_VOWELS = frozenset("aeiou")


def _is_consonant(word: str, index: int) -> bool:
    """Porter's consonant: not a e i o u, and not a y after a consonant."""
    letter = word[index]
    if letter in _VOWELS:
        return False
    if letter == "y":
        return index == 0 or not _is_consonant(word, index - 1)
    return True


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in ``stem``."""
    pattern = "".join("c" if _is_consonant(stem, i) else "v" for i in range(len(stem)))
    return len(re.findall(r"v+c+", pattern))


def _has_vowel(stem: str) -> bool:
    return any(not _is_consonant(stem, i) for i in range(len(stem)))


def _ends_cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (Porter's *o)."""
    return (
        len(stem) >= 3
        and _is_consonant(stem, len(stem) - 3)
        and not _is_consonant(stem, len(stem) - 2)
        and _is_consonant(stem, len(stem) - 1)
        and stem[-1] not in "wxy"
    )


@functools.lru_cache(maxsize=1 << 16)
def porter_step1(word: str) -> str:
    """Steps 1a-1c of Porter's (1980) stemmer: the inflectional suffixes (plural, -ed, -ing, -y).

    ``countries`` → ``countri``, ``bombing`` → ``bomb``, ``killed`` → ``kill``, ``agreed`` →
    ``agree``; derivational suffixes (``cooperation``) are left alone. Words of one or two letters
    are returned unchanged.
    """
    if len(word) <= 2:
        return word
    # 1a: plurals
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # 1b: -eed, -ed, -ing
    if word.endswith("eed"):
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    else:
        for suffix in ("ed", "ing"):
            if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
                word = word[: -len(suffix)]
                if word.endswith(("at", "bl", "iz")):
                    word += "e"
                elif (
                    len(word) >= 2
                    and word[-1] == word[-2]
                    and _is_consonant(word, len(word) - 1)
                    and word[-1] not in "lsz"
                ):
                    word = word[:-1]
                elif _measure(word) == 1 and _ends_cvc(word):
                    word += "e"
                break
    # 1c: y → i after a vowel-bearing stem
    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    return word


def _surface(part: str, acronym: bool) -> str | None:
    """A token part made comparable (case kept), or None for a stop word or a single letter.

    Possessive ``'s`` and apostrophes are removed; dotted abbreviations lose their dots.
    """
    lower = part.lower()
    if not acronym and (lower in STOP_WORDS or lower.endswith(_CONTRACTIONS)):
        return None
    if lower.endswith("'s"):
        part = part[:-2]
        if not acronym and part.lower() in STOP_WORDS:
            return None
    part = part.replace(".", "") if _DOTTED.match(part.lower()) else part.replace("'", "")
    if len(part) < 2 or (not acronym and part.lower() in STOP_WORDS):
        return None
    return part


class Unit(NamedTuple):
    """One token part of a sentence."""

    form: str  # content-word feature ("" for a stop word)
    surface: str  # the part as written, cleaned (shown in shared_terms)
    capitalised: bool
    first: bool  # part of the sentence's first token
    value: float | None  # number value, None for words
    scale: bool  # a scale word ("million")


def _number_unit(text: str, first: bool) -> Unit | None:
    """``text`` as a number unit (its value, whether it is a scale word), or None: not a number
    or a stop word ("one")."""
    lower = text.lower()
    value = None if lower in STOP_WORDS else normalise_number(text)
    if value is None:
        return None
    return Unit(lower, text, False, first, value, lower in SCALE_WORDS)


def _word_unit(part: str, first: bool) -> Unit:
    """A word part as a unit: stemmed content word, acronym as written, or a stop word (no form)."""
    letters = part.replace("'", "").replace(".", "")
    acronym = len(letters) >= 2 and letters.isalpha() and letters.isupper()
    surface = _surface(part, acronym)
    if surface is None:
        return Unit("", part, part[:1].isupper(), first, None, False)
    form = surface.lower() if acronym else porter_step1(surface.lower())
    return Unit(form, surface, part[:1].isupper(), first, None, False)


def token_units(text: str) -> list[Unit]:
    """The token parts of a sentence, in order.

    A number token is one unit (its word form is the token as written, its value the number);
    other tokens are split at hyphens, and each part is normalised and stemmed.
    """
    units: list[Unit] = []
    for index, span in enumerate(tokenize(text)):
        token = span.text.replace("\u2019", "'")
        first = index == 0
        number = _number_unit(token, first)
        if number is not None:
            units.append(number)
            continue
        parts = [token] if _DOTTED.match(token.lower()) else token.split("-")
        for part in parts:
            if part:
                number = _number_unit(part, first)
                units.append(number if number is not None else _word_unit(part, first))
    return units


def _merge_scales(units: list[Unit]) -> list[float]:
    """Number values, a scale word folded into the number just before it ("6 million")."""
    values: list[float] = []
    previous_number = False
    for unit in units:
        if unit.value is None:
            previous_number = False
            continue
        if previous_number and unit.scale and unit.value > values[-1]:
            values[-1] *= unit.value
        else:
            values.append(unit.value)
        previous_number = True
    return values


def event_names(texts: Iterable[str], body: Iterable[bool] | None = None) -> frozenset[str]:
    """Forms that are names in these texts: capitalised inside a body sentence, never lower case.

    ``body`` flags which texts are body sentences (default: all); headlines and headings in Title
    Case do not make a word a name.
    """
    texts = list(texts)
    flags = [True] * len(texts) if body is None else list(body)
    return unit_names([token_units(text) for text in texts], flags)


def unit_names(units_per_text: list[list[Unit]], body: list[bool]) -> frozenset[str]:
    capitalised: set[str] = set()
    lower: set[str] = set()
    for units, is_body in zip(units_per_text, body, strict=True):
        for unit in units:
            if not unit.form:
                continue
            if not unit.capitalised:
                lower.add(unit.form)
            elif is_body and not unit.first:
                capitalised.add(unit.form)
    return frozenset(capitalised - lower)


def sentence_features(text: str, names: frozenset[str] = frozenset()) -> Counter[str]:
    """Feature counts of one sentence: content words, ``name:`` features, ``num:`` features."""
    return unit_features(token_units(text), names)[0]


def unit_features(units: list[Unit], names: frozenset[str]) -> tuple[Counter[str], dict[str, str]]:
    """Feature counts and a label per feature (as written in this sentence) for ``shared_terms``.

    A name, its word and a number's word and value share one label, so they are shown once.
    """
    features: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for unit in units:
        if not unit.form:
            continue
        features[unit.form] += 1
        if unit.capitalised and unit.form in names:
            features[f"name:{unit.form}"] += 1
            labels.setdefault(f"name:{unit.form}", unit.surface)
            labels.setdefault(unit.form, unit.surface)
        else:
            labels.setdefault(unit.form, unit.surface.lower())
    for value in _merge_scales(units):
        number = _number_text(value)
        features[f"num:{number}"] += 1
        labels.setdefault(f"num:{number}", number)
    return features, labels
