"""Selection and omission: align the sentences of one event across outlets, then say what is shared.

Method
------
Each sentence becomes a TF-IDF vector (Spärck Jones 1972, "A statistical interpretation of term
specificity and its application in retrieval", J. Documentation 28(1); Salton & Buckley 1988,
"Term-weighting approaches in automatic text retrieval", Information Processing & Management 24(5)),
and two sentences of different outlets are compared by the cosine of their vectors. This is the
baseline of monolingual news sentence alignment (Nelken & Shieber 2006, "Towards robust
context-sensitive sentence alignment for monolingual corpora", EACL 2006, use TF-IDF cosine as the
base score). Like text-reuse work on news (Clough, Gaizauskas, Piao & Wilks 2002, "METER: MEasuring
TExt Reuse", ACL 2002, which grades a derived text as wholly, partially or non-derived), a sentence is
graded in three: *shared*, *partly shared* or *unique*.

Features of a sentence (:func:`sentence_features`)
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

Weights: raw count × idf with document smoothing, ``idf = ln((1 + N) / (1 + df)) + 1`` (N sentences
of the event, df sentences containing the feature; the default of scikit-learn's TfidfVectorizer),
then L2 normalisation, so the cosine is a dot product. IDF is computed per event over the sentences
of all its outlets: a word every outlet repeats weighs little.

Decisions (:func:`classify_sentences`): a sentence is *shared* when its best match in some other
outlet has cosine ≥ ``threshold``, *partly shared* when the best is ≥ ``partial_threshold``, else
*unique*. Alignment is one-to-many: every pair at or above ``partial_threshold`` is kept. Both
thresholds are calibrated on a hand-made gold alignment (``data/gold/alignment_*.csv``) by
``benchmarks/alignment_calibration.py`` (results in ``benchmarks/README.md``).

Calibration (benchmarks/README.md): on 311 gold pairs in 6 events, "shared" (≥ 0.21) has precision
0.71 and recall 0.56 for the pair decision, "partly shared" (≥ 0.14) precision 0.46 and recall 0.73;
on the seed event alone (a machine translation against an English original) 0.47 / 0.45 and
0.26 / 0.70.

Limits: lexical overlap is not meaning. Paraphrases with no shared content word (a translation's
"armed groups" for another outlet's "militants") are missed, and two sentences that repeat the same
names about different facts can match. Matches are evidence to read, not verdicts; every pair
carries its ``shared_terms``.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.text.segment import tokenize

__all__ = [
    "PARTIAL_THRESHOLD",
    "SHARED_THRESHOLD",
    "STOP_WORDS",
    "align_sentences",
    "classify_sentences",
    "coverage_table",
    "evaluate_pairs",
    "event_names",
    "gold_drift",
    "lead_table",
    "load_gold",
    "normalise_number",
    "porter_step1",
    "sentence_features",
    "similarity_matrix",
    "tfidf_matrix",
]

#: Cosine at or above which two sentences of different outlets report the same thing ("shared").
#: Calibrated: the threshold with maximal F1 for the pair decision on the gold alignment
#: (benchmarks/alignment_calibration.py; table in benchmarks/README.md).
SHARED_THRESHOLD = 0.21
#: Cosine at or above which a pair is kept as a partial match ("partly shared"): the threshold with
#: maximal F2 (recall weighted twice as much as precision) on the same gold, not above
#: SHARED_THRESHOLD (benchmarks/alignment_calibration.py; benchmarks/README.md).
PARTIAL_THRESHOLD = 0.14

#: How many of the top shared features ``align_sentences`` lists per pair.
SHARED_TERMS_SHOWN = 5

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

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: Number words and their values ("twenty-seven" is read from its parts).
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)} | {
    word: 10 * (index + 2) for index, word in enumerate(_TENS)
}
#: Scale words: multiply the number before them ("6 million"), or stand alone ("a million").
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?$")
_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?$")
_CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'d", "'m")

SENTENCE_KEYS = ["event_id", "outlet", "article", "sentence"]
ALIGNMENT_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "other_outlet",
    "other_article",
    "other_sentence",
    "similarity",
    "shared_terms",
]
STATUS_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "block",
    "block_kind",
    "words",
    "status",
    "best_similarity",
    "shared_with",
    "matched_outlets",
    "text",
]
COVERAGE_COLUMNS = [
    "event_id",
    "outlet",
    "sentences",
    "shared",
    "partly_shared",
    "unique",
    "words",
    "unique_words",
    "unique_share",
    "unique_share_sentences",
]
LEAD_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "block_kind",
    "text",
    "other_outlet",
    "status_elsewhere",
    "other_article",
    "other_sentence",
    "other_position",
    "similarity",
]
STATUSES = ("shared", "partly shared", "unique")


# --- features ---------------------------------------------------------------------------------


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
    if tens in _TENS and unit in _UNITS[1:10]:
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


class _Unit(NamedTuple):
    """One token part of a sentence."""

    form: str  # content-word feature ("" for a stop word)
    surface: str  # the part as written, cleaned (shown in shared_terms)
    capitalised: bool
    first: bool  # part of the sentence's first token
    value: float | None  # number value, None for words
    scale: bool  # a scale word ("million")


def _token_units(text: str) -> list[_Unit]:
    """The token parts of a sentence, in order.

    A number token is one unit (its word form is the token as written, its value the number);
    other tokens are split at hyphens, and each part is normalised and stemmed.
    """
    units: list[_Unit] = []
    for index, span in enumerate(tokenize(text)):
        token = span.text.replace("\u2019", "'")
        first = index == 0
        value = None if token.lower() in STOP_WORDS else normalise_number(token)
        if value is not None:
            scale = token.lower() in SCALE_WORDS
            units.append(_Unit(token.lower(), token, False, first, value, scale))
            continue
        parts = [token] if _DOTTED.match(token.lower()) else token.split("-")
        for part in parts:
            if not part:
                continue
            value = None if part.lower() in STOP_WORDS else normalise_number(part)
            if value is not None:
                scale = part.lower() in SCALE_WORDS
                units.append(_Unit(part.lower(), part, False, first, value, scale))
                continue
            letters = part.replace("'", "").replace(".", "")
            acronym = len(letters) >= 2 and letters.isalpha() and letters.isupper()
            surface = _surface(part, acronym)
            if surface is None:
                units.append(_Unit("", part, part[:1].isupper(), first, None, False))
                continue
            form = surface.lower() if acronym else porter_step1(surface.lower())
            units.append(_Unit(form, surface, part[:1].isupper(), first, None, False))
    return units


def _merge_scales(units: list[_Unit]) -> list[float]:
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
    return _names([_token_units(text) for text in texts], flags)


def _names(units_per_text: list[list[_Unit]], body: list[bool]) -> frozenset[str]:
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
    return _features(_token_units(text), names)[0]


def _features(units: list[_Unit], names: frozenset[str]) -> tuple[Counter[str], dict[str, str]]:
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


# --- TF-IDF -----------------------------------------------------------------------------------


def tfidf_matrix(features: list[Counter[str]]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """L2-normalised TF-IDF rows for these feature counts; the sorted vocabulary; the idf vector.

    tf = raw count; idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn's default).
    A sentence without features gets a zero row.
    """
    vocabulary = sorted(set().union(*features)) if features else []
    index = {term: column for column, term in enumerate(vocabulary)}
    counts = np.zeros((len(features), len(vocabulary)))
    for row, counter in enumerate(features):
        for term, count in counter.items():
            counts[row, index[term]] = count
    n_docs = len(features)
    df = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    weights = counts * idf
    norms = np.sqrt((weights**2).sum(axis=1, keepdims=True))
    weights = np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
    return weights, vocabulary, idf


def similarity_matrix(weights: np.ndarray) -> np.ndarray:
    """Cosine similarities of L2-normalised rows, clipped to [0, 1] and rounded to 6 decimals.

    Made exactly symmetric before rounding, so both directions of a pair carry the same value.
    """
    products = weights @ weights.T
    return np.round(np.clip((products + products.T) / 2.0, 0.0, 1.0), 6)


def _shared_terms(
    left: np.ndarray, right: np.ndarray, vocabulary: list[str], labels: dict[str, str]
) -> str:
    """Top shared features of a pair by their contribution to the cosine, as written on the left.

    Features with one label (a name and its word; ``27`` and ``num:27``) are summed and shown once.
    Ties are broken by label, so the order is deterministic.
    """
    contribution: dict[str, float] = {}
    for column in np.nonzero((left > 0) & (right > 0))[0]:
        term = vocabulary[column]
        label = labels.get(term, term)
        contribution[label] = contribution.get(label, 0.0) + float(left[column] * right[column])
    ranked = sorted(contribution, key=lambda label: (-round(contribution[label], 12), label))
    return ";".join(ranked[:SHARED_TERMS_SHOWN])


def _check_thresholds(threshold: float, partial_threshold: float) -> None:
    if not 0.0 < partial_threshold <= threshold <= 1.0:
        raise ValueError(
            f"need 0 < partial_threshold <= threshold <= 1, got {partial_threshold}, {threshold}"
        )


def _sorted_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in [*SENTENCE_KEYS, "text"] if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences table lacks column(s): {', '.join(missing)}")
    return sentences.sort_values(SENTENCE_KEYS, kind="stable").reset_index(drop=True)


def align_sentences(
    sentences: pd.DataFrame,
    threshold: float = SHARED_THRESHOLD,
    partial_threshold: float = PARTIAL_THRESHOLD,
) -> pd.DataFrame:
    """Every pair of sentences of different outlets of the same event with cosine ≥ ``partial_threshold``.

    ``sentences`` is :func:`analysis.tables.clean_layer.sentences_table` (needs ``event_id, outlet, article,
    sentence, text``; ``block_kind`` is used, when present, to keep Title-Case headlines from making
    names). IDF is computed per event. One-to-many: a sentence may align with several sentences of
    each other outlet. Each pair appears in both directions. ``threshold`` is only checked
    (``partial_threshold ≤ threshold``); the table keeps every pair a partial match needs.
    Pairs with no shared feature are never listed. Sorted by the sentence keys and the other keys.
    """
    _check_thresholds(threshold, partial_threshold)
    table = _sorted_sentences(sentences)
    rows: list[dict[str, object]] = []
    for event_id, event in table.groupby("event_id", sort=True):
        weights, vocabulary, labels = _event_weights(event)
        similarity = similarity_matrix(weights)
        outlets = event["outlet"].to_numpy()
        articles = event["article"].to_numpy()
        numbers = event["sentence"].to_numpy()
        keep = (similarity >= partial_threshold) & (similarity > 0)
        keep &= outlets[:, None] != outlets[None, :]
        for i, j in zip(*np.nonzero(keep), strict=True):
            rows.append(
                {
                    "event_id": event_id,
                    "outlet": outlets[i],
                    "article": articles[i],
                    "sentence": int(numbers[i]),
                    "other_outlet": outlets[j],
                    "other_article": articles[j],
                    "other_sentence": int(numbers[j]),
                    "similarity": float(similarity[i, j]),
                    "shared_terms": _shared_terms(weights[i], weights[j], vocabulary, labels[i]),
                }
            )
    alignment = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    order = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    return alignment.sort_values(order, kind="stable").reset_index(drop=True)


def _event_weights(
    event: pd.DataFrame,
) -> tuple[np.ndarray, list[str], list[dict[str, str]]]:
    """TF-IDF rows of the sentences of one event, the vocabulary, and each sentence's labels."""
    texts = event["text"].astype(str).tolist()
    if "block_kind" in event.columns:
        body = (event["block_kind"] == "paragraph").tolist()
    else:
        body = [True] * len(texts)
    units = [_token_units(text) for text in texts]
    names = _names(units, body)
    featured = [_features(sentence_units, names) for sentence_units in units]
    weights, vocabulary, _ = tfidf_matrix([features for features, _ in featured])
    return weights, vocabulary, [labels for _, labels in featured]


# --- decisions and tables ---------------------------------------------------------------------


def classify_sentences(
    sentences: pd.DataFrame,
    alignment: pd.DataFrame,
    threshold: float = SHARED_THRESHOLD,
    partial_threshold: float = PARTIAL_THRESHOLD,
) -> pd.DataFrame:
    """Status of every sentence: "shared", "partly shared" or "unique".

    shared: its best match in at least one other outlet has similarity ≥ ``threshold``; partly
    shared: the best is ≥ ``partial_threshold``; unique: no match at ``partial_threshold``.
    ``best_similarity`` is 0 when no pair was aligned. ``shared_with`` lists the outlets with a
    match ≥ ``threshold``, ``matched_outlets`` those with a match ≥ ``partial_threshold``
    (semicolon-joined, sorted). Headlines and headings are kept; ``block_kind`` says which they are.
    """
    _check_thresholds(threshold, partial_threshold)
    table = _sorted_sentences(sentences)
    pairs = alignment[alignment["similarity"] >= partial_threshold]
    best_by_outlet = (
        pairs.groupby([*SENTENCE_KEYS, "other_outlet"], sort=True)["similarity"].max().reset_index()
    )
    best: dict[tuple, float] = {}
    shared_with: dict[tuple, list[str]] = {}
    matched: dict[tuple, list[str]] = {}
    for row in best_by_outlet.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        best[key] = max(best.get(key, 0.0), float(row.similarity))
        matched.setdefault(key, []).append(row.other_outlet)
        if row.similarity >= threshold:
            shared_with.setdefault(key, []).append(row.other_outlet)
    rows = []
    for row in table.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        score = best.get(key, 0.0)
        if score >= threshold:
            status = "shared"
        elif score >= partial_threshold:
            status = "partly shared"
        else:
            status = "unique"
        rows.append(
            {
                "event_id": row.event_id,
                "outlet": row.outlet,
                "article": row.article,
                "sentence": int(row.sentence),
                "block": getattr(row, "block", pd.NA),
                "block_kind": getattr(row, "block_kind", "paragraph"),
                "words": getattr(row, "words", len(str(row.text).split())),
                "status": status,
                "best_similarity": score,
                "shared_with": ";".join(sorted(set(shared_with.get(key, [])))),
                "matched_outlets": ";".join(sorted(set(matched.get(key, [])))),
                "text": row.text,
            }
        )
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def coverage_table(status: pd.DataFrame, exclude_kinds: Iterable[str] = ()) -> pd.DataFrame:
    """Per event and outlet: how many sentences (and words) are shared, partly shared, unique.

    ``unique_share`` is the headline figure and is **by words**: the share of the outlet's words that
    sit in sentences no other outlet reports (a short unique heading weighs less than a long unique
    paragraph sentence, and outlets that write long sentences are not favoured).
    ``unique_share_sentences`` is the same by sentence count. ``exclude_kinds`` drops block kinds
    (e.g. ``("headline", "heading")``); by default every sentence counts.
    """
    excluded = set(exclude_kinds)
    table = status[~status["block_kind"].isin(excluded)]
    rows = []
    for (event_id, outlet), group in table.groupby(["event_id", "outlet"], sort=True):
        counts = group["status"].value_counts()
        words = int(group["words"].sum())
        unique_words = int(group.loc[group["status"] == "unique", "words"].sum())
        rows.append(
            {
                "event_id": event_id,
                "outlet": outlet,
                "sentences": len(group),
                "shared": int(counts.get("shared", 0)),
                "partly_shared": int(counts.get("partly shared", 0)),
                "unique": int(counts.get("unique", 0)),
                "words": words,
                "unique_words": unique_words,
                "unique_share": round(unique_words / words, 6) if words else 0.0,
                "unique_share_sentences": round(int(counts.get("unique", 0)) / len(group), 6),
            }
        )
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def _lead_flags(sentences: pd.DataFrame) -> pd.Series:
    """True for lead sentences: headline blocks and the first paragraph block of each article."""
    first_paragraph = (
        sentences[sentences["block_kind"] == "paragraph"]
        .groupby(["event_id", "outlet", "article"])["block"]
        .min()
        .rename("first_paragraph")
    )
    joined = sentences.join(first_paragraph, on=["event_id", "outlet", "article"])
    return (joined["block_kind"] == "headline") | (joined["block"] == joined["first_paragraph"])


def lead_table(
    sentences: pd.DataFrame, status: pd.DataFrame, alignment: pd.DataFrame
) -> pd.DataFrame:
    """What each outlet puts in its lead that another outlet puts later or leaves out.

    The lead of an article is its headline plus its first paragraph block. For every lead sentence and
    every other outlet X of the event, its counterpart in X is its best match there (highest
    similarity among the pairs in ``alignment``; ties: the earlier sentence). If the counterpart is
    in X's lead, nothing is reported; if it is later, the row says ``later in X`` with the
    counterpart (``other_sentence``; ``other_position`` = its relative position in its article,
    0 = first sentence, 1 = last); without any match in X, ``omitted by X``. ``status`` (from
    :func:`classify_sentences`) gives the outlets of each event. Sorted by sentence, then outlet X.
    """
    table = _sorted_sentences(sentences)
    lead_flags = _lead_flags(table).to_numpy()
    sizes = table.groupby(["event_id", "outlet", "article"])["sentence"].transform("count")
    positions = (table["sentence"] / (sizes - 1).clip(lower=1)).to_numpy()
    keys = list(table[SENTENCE_KEYS].itertuples(index=False, name=None))
    keys = [(e, o, a, int(n)) for e, o, a, n in keys]
    is_lead = dict(zip(keys, lead_flags, strict=True))
    position = dict(zip(keys, positions, strict=True))
    matches: dict[tuple, list[tuple]] = {}
    columns = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence", "similarity"]
    for e, o, a, n, other, other_article, other_n, similarity in alignment[columns].itertuples(
        index=False, name=None
    ):
        other_key = (e, other, other_article, int(other_n))
        matches.setdefault((e, o, a, int(n)), []).append((other, other_key, float(similarity)))
    outlets = status.groupby("event_id")["outlet"].agg(lambda s: sorted(set(s))).to_dict()
    rows = []
    lead_rows = table[lead_flags]
    for row in lead_rows.itertuples(index=False):
        key = (row.event_id, row.outlet, row.article, int(row.sentence))
        for other in outlets.get(row.event_id, []):
            if other == row.outlet:
                continue
            base = {
                "event_id": row.event_id,
                "outlet": row.outlet,
                "article": row.article,
                "sentence": int(row.sentence),
                "block_kind": row.block_kind,
                "text": row.text,
                "other_outlet": other,
            }
            found = [(k, sim) for o, k, sim in matches.get(key, []) if o == other]
            if not found:
                rows.append(
                    base
                    | {
                        "status_elsewhere": f"omitted by {other}",
                        "other_article": None,
                        "other_sentence": None,
                        "other_position": math.nan,
                        "similarity": math.nan,
                    }
                )
                continue
            best, similarity = min(found, key=lambda item: (-item[1], position[item[0]], item[0]))
            if is_lead[best]:
                continue
            rows.append(
                base
                | {
                    "status_elsewhere": f"later in {other}",
                    "other_article": best[2],
                    "other_sentence": best[3],
                    "other_position": round(float(position[best]), 6),
                    "similarity": similarity,
                }
            )
    lead = pd.DataFrame(rows, columns=LEAD_COLUMNS)
    lead["other_sentence"] = lead["other_sentence"].astype("Int64")
    return lead


# --- agreement with a gold alignment ----------------------------------------------------------

GOLD_COLUMNS = [
    "event_id",
    "outlet",
    "sentence",
    "other_outlet",
    "other_sentence",
    "relation",
    "sha",
    "other_sha",
    "note",
]
_PAIR_KEYS = ["event_id", "outlet", "sentence", "other_outlet", "other_sentence"]


def load_gold(path: str | Path) -> pd.DataFrame:
    """A gold alignment (``data/gold/alignment_*.csv``; format in ``data/gold/README.md``).

    One row per corresponding pair of sentences of two outlets (``outlet`` < ``other_outlet``);
    every other cross-outlet pair of a listed event is a non-correspondence.
    """
    gold = pd.read_csv(path, dtype={"event_id": str, "outlet": str, "other_outlet": str})
    missing = [column for column in GOLD_COLUMNS if column not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    if not (gold["outlet"] < gold["other_outlet"]).all():
        raise ValueError(f"{path}: each pair must have outlet < other_outlet")
    if not gold["relation"].isin(["same", "partial"]).all():
        raise ValueError(f"{path}: relation must be 'same' or 'partial'")
    if gold.duplicated(_PAIR_KEYS).any():
        raise ValueError(f"{path}: duplicate pairs")
    return gold.sort_values(_PAIR_KEYS, kind="stable").reset_index(drop=True)


def gold_drift(gold: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Gold pairs whose sentence no longer has the text the annotator saw (segmentation changed).

    ``sha``/``other_sha`` are the first 10 hex digits of the SHA-256 of the sentence text.
    """
    digest = {
        (row.event_id, row.outlet, int(row.sentence)): hashlib.sha256(
            str(row.text).encode("utf-8")
        ).hexdigest()[:10]
        for row in sentences.itertuples(index=False)
    }
    problems = []
    for row in gold.itertuples(index=False):
        for outlet, sentence, sha in (
            (row.outlet, row.sentence, row.sha),
            (row.other_outlet, row.other_sentence, row.other_sha),
        ):
            if digest.get((row.event_id, outlet, int(sentence))) != sha:
                problems.append(f"{row.event_id} {outlet} sentence {sentence}: text changed")
    return sorted(set(problems))


def evaluate_pairs(
    alignment: pd.DataFrame, gold: pd.DataFrame, threshold: float
) -> dict[str, float]:
    """Precision, recall and F1 of the pair decision "similarity ≥ threshold" against ``gold``.

    Pairs are unordered and counted once; only the events of ``gold`` are scored. Also returns the
    counts (tp, fp, fn) and ``recall_same``, the recall on the pairs graded "same".
    """
    events = set(gold["event_id"])
    forward = alignment[
        alignment["event_id"].isin(events)
        & (alignment["outlet"] < alignment["other_outlet"])
        & (alignment["similarity"] >= threshold)
    ]
    predicted = set(forward[_PAIR_KEYS].itertuples(index=False, name=None))
    truth = {
        (e, o, int(s), oo, int(os_)): relation
        for e, o, s, oo, os_, relation in gold[[*_PAIR_KEYS, "relation"]].itertuples(
            index=False, name=None
        )
    }
    predicted = {(e, o, int(s), oo, int(os_)) for e, o, s, oo, os_ in predicted}
    tp = len(predicted & truth.keys())
    fp = len(predicted) - tp
    fn = len(truth) - tp
    same = {pair for pair, relation in truth.items() if relation == "same"}
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "recall_same": len(predicted & same) / len(same) if same else 1.0,
    }
