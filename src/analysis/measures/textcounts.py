"""The counts every readability formula shares, computed once per text, and six formulas from them.

textstat 0.7.13 computes each formula from scratch: every formula re-tokenises the text, re-counts its
sentences and looks up every word's syllables again (with lru caches keyed by the whole text, which a
corpus of distinct articles never hits). Here one pass over a text gives :class:`TextCounts` (words,
sentences, syllables, polysyllables, Dale-Chall and Gunning difficult words, letters); what each
whitespace token adds to them is computed once per distinct token and kept in a module-level cache keyed
by the token, never by the text. The formulas then read the shared counts.

Values equal textstat 0.7.13 exactly (``==``, same floats) as exposed in
:data:`analysis.measures.readability.READABILITY_MEASURES` (English ``en_US``, no rounding): tokens are textstat's
``list_words`` (non-contraction apostrophes, then every character but word characters, whitespace and
apostrophes removed, then split on whitespace); sentences are textstat's ``count_sentences`` (regex
fragments ``\\b[^.!?]+[.!?]*``, fragments of at most two words ignored, at least one); syllables come from
the CMU Pronouncing Dictionary (first pronunciation, stressed phones) else Pyphen's hyphenation points
plus one, on the lower-cased token; polysyllables and difficult words repeat textstat's per-word
functions (``count_syllables``, ``is_difficult_word``: not in textstat's easy-word list and enough
syllables); letters are word characters. Each formula repeats textstat's arithmetic in textstat's order,
with its zero-division fallbacks to ``0.0``. The CMU dictionary is the packaged copy of
:mod:`analysis.measures.pronouncing` (NLTK is never touched); textstat is only read for its language
constants, easy-word list and Pyphen hyphenator, and stays the reference in the tests.

Sources of the formulas (as in :mod:`analysis.measures.readability`): Flesch (1948) reading ease; Kincaid et al.
(1975) grade; Gunning (1952) fog index; McLaughlin (1969) SMOG; Chall & Dale (1995) new Dale-Chall score;
Coleman & Liau (1975) index.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pyphen import Pyphen
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root, get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

from analysis.measures.pronouncing import cmu_dictionary

__all__ = ["LANG", "TextCounts", "readability", "readability_from_counts", "text_counts"]

#: textstat's language of :data:`analysis.measures.readability.READABILITY_MEASURES`.
LANG = "en_US"
_LANG_ROOT = get_lang_root(LANG)
#: Gunning fog's "complex word" threshold in syllables (textstat's ``syllable_threshold``).
_FOG_THRESHOLD = int(get_lang_cfg(LANG, "syllable_threshold"))
_POLYSYLLABLE = 3  # textstat's count_polysyllable_words: 3 syllables or more

_NONCONTRACTION = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")
_WORD_CHAR = re.compile(r"\w")
_FRAGMENT = re.compile(r"\b[^.!?]+[.!?]*")
#: Size at which the per-token cache is emptied (bounds memory on a very large vocabulary).
_CACHE_LIMIT = 1_000_000

#: Per whitespace token (never per text): (words, letters, syllables, polysyllables, Gunning
#: difficult, Dale-Chall difficult) it contributes to the counts of any text containing it.
_TOKEN_COUNTS: dict[str, tuple[int, int, int, int, int, int]] = {}


@dataclass(frozen=True, slots=True)
class TextCounts:
    """The counts of one text that textstat's six English formulas read."""

    words: int  # count_words (lexicon_count)
    sentences: int  # count_sentences
    syllables: int  # count_syllables
    polysyllables: int  # count_polysyllable_words
    fog_difficult: int  # count_difficult_words, threshold 3 (Gunning fog)
    dale_chall_difficult: int  # count_difficult_words, threshold 0 (not in the easy-word list)
    letters: int  # count_letters


@functools.cache
def _pyphen() -> Pyphen:
    return get_pyphen(LANG)


@functools.cache
def _easy_words() -> frozenset[str]:
    """textstat's easy-word list of :data:`LANG` (Dale-Chall), lower case."""
    return frozenset(get_lang_easy_words(LANG))


def _strip(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NONCONTRACTION.sub("", text))


def _syllables(word: str) -> int:
    """Syllables of one lower-cased word, as the loop body of textstat's ``count_syllables``."""
    try:
        phones = cmu_dictionary()[word][0]
        return sum(1 for phone in phones if phone[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(_pyphen().positions(word)) + 1


def _count_syllables(text: str) -> int:
    """textstat's ``count_syllables(text, LANG)``: its words, lower-cased, punctuation removed."""
    return sum(_syllables(word) for word in _strip(text).lower().split()) if text else 0


def _is_difficult(word: str, threshold: int) -> bool:
    """textstat's ``is_difficult_word(word, threshold, LANG)``: one word, not easy, enough syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    return word not in _easy_words() and _count_syllables(word) >= threshold


def _token_counts(token: str) -> tuple[int, int, int, int, int, int]:
    """What one whitespace token adds to each count (see :func:`text_counts` for why it is local)."""
    word = _strip(token)
    if not word:
        return (0, 0, 0, 0, 0, 0)
    return (
        1,
        len(word) - word.count("'"),
        _syllables(word.lower()),
        _count_syllables(word) >= _POLYSYLLABLE,
        _is_difficult(word, _FOG_THRESHOLD),
        _is_difficult(word, 0),
    )


def _at_most_two_words(fragment: str) -> bool:
    """textstat's ``count_words(fragment) <= 2``: at most two tokens with a word character."""
    found = 0
    for token in fragment.split():
        if token[0].isalnum() or _WORD_CHAR.search(token):
            found += 1
            if found > 2:
                return False
    return True


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: fragments with more than two words, at least one."""
    if not text:
        return 0
    fragments = _FRAGMENT.findall(text)
    return max(1, len(fragments) - sum(map(_at_most_two_words, fragments)))


def text_counts(text: str) -> TextCounts:
    """Every count of :class:`TextCounts` for ``text``, from one split and per-token cache look-ups.

    Exact because textstat's punctuation removal is local to a whitespace token: it deletes single
    characters that are neither word characters nor whitespace, and an apostrophe unless one of the
    letters ``t s d ve ll re`` follows it (letters, so inside the same token). A token therefore
    yields one word (its stripped form) or none, and lower-casing a token equals the matching slice
    of the lower-cased text (no case mapping involves whitespace; final sigma stops at spaces).
    Letters are the word characters, which the removal never deletes.
    """
    tokens = text.split()
    missing = set(tokens).difference(_TOKEN_COUNTS)
    if len(_TOKEN_COUNTS) + len(missing) > _CACHE_LIMIT:
        _TOKEN_COUNTS.clear()
        missing = set(tokens)
    for token in missing:
        _TOKEN_COUNTS[token] = _token_counts(token)
    rows = [_TOKEN_COUNTS[token] for token in tokens] or [(0, 0, 0, 0, 0, 0)]
    words, letters, syllables, poly, fog, dale = map(sum, zip(*rows, strict=True))
    return TextCounts(
        words=words,
        sentences=_sentence_count(text),
        syllables=syllables,
        polysyllables=poly,
        fog_difficult=fog,
        dale_chall_difficult=dale,
        letters=letters,
    )


def _ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, 0.0 when the denominator is 0 (textstat's ZeroDivision rule)."""
    return numerator / denominator if denominator else 0.0


def flesch_reading_ease(counts: TextCounts) -> float:
    """Flesch (1948) reading ease, as textstat's ``flesch_reading_ease``."""
    sentence_length = _ratio(counts.words, counts.sentences)
    syllables = _ratio(counts.syllables, counts.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (
        get_lang_cfg(_LANG_ROOT, "fre_base")
        - get_lang_cfg(_LANG_ROOT, "fre_sentence_length") * sentence_length
        - get_lang_cfg(_LANG_ROOT, "fre_syll_per_word") * syllables
    )


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """Kincaid et al. (1975) grade level, as textstat's ``flesch_kincaid_grade``."""
    sentence_length = _ratio(counts.words, counts.sentences)
    syllables = _ratio(counts.syllables, counts.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def gunning_fog(counts: TextCounts) -> float:
    """Gunning (1952) fog index, as textstat's ``gunning_fog``."""
    if not counts.words:
        return 0.0
    per_diff_words = 100 * counts.fog_difficult / counts.words
    return 0.4 * (_ratio(counts.words, counts.sentences) + per_diff_words)


def smog_index(counts: TextCounts) -> float:
    """McLaughlin (1969) SMOG grade, as textstat's ``smog_index``."""
    if not counts.sentences:
        return 0.0
    return (1.043 * (30 * (counts.polysyllables / counts.sentences)) ** 0.5) + 3.1291


def dale_chall_readability_score(counts: TextCounts) -> float:
    """Chall & Dale (1995) new Dale-Chall score, as textstat's ``dale_chall_readability_score``."""
    if not counts.words:
        return 0.0
    per_difficult_words = 100 * counts.dale_chall_difficult / counts.words
    score = (0.1579 * per_difficult_words) + (0.0496 * _ratio(counts.words, counts.sentences))
    if per_difficult_words > 5:
        score += 3.6365
    return score


def coleman_liau_index(counts: TextCounts) -> float:
    """Coleman & Liau (1975) index, as textstat's ``coleman_liau_index``."""
    letters = _ratio(counts.letters, counts.words) * 100
    sentences = _ratio(counts.sentences, counts.words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


_FORMULAS = {
    "flesch_reading_ease": flesch_reading_ease,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "gunning_fog": gunning_fog,
    "smog_index": smog_index,
    "dale_chall_readability_score": dale_chall_readability_score,
    "coleman_liau_index": coleman_liau_index,
}


def readability_from_counts(counts: TextCounts) -> dict[str, float]:
    """The six measures of :data:`analysis.measures.readability.READABILITY_MEASURES`, in its order."""
    return {name: formula(counts) for name, formula in _FORMULAS.items()}


def readability(text: str) -> dict[str, float]:
    """The six readability measures of ``text``, equal to textstat 0.7.13's functions."""
    return readability_from_counts(text_counts(text))
