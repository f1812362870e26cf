"""Proper names in clean news text, and which surface names refer to the same actor.

Three steps, each a small, inspectable rule set rather than a trained model:

1. **Candidates** (:func:`proper_name_spans`, :func:`name_candidates`): runs of capitalised tokens,
   joined by name particles (``al-``, ``bin``, ``de``, ``van`` ...) and by ``of``/``for`` after an
   organisation word or before a run ending in one ("Islamic Republic of Iran", "Defense of
   Marriage Act"); acronyms (``IRGC``, ``U.S.``) and diacritics (``Jaïch``) are kept. A run loses a
   sentence-initial common word (:data:`COMMON_WORDS`, -ly adverbs, words also used in lower case in
   the text: "Leaders", "However", "The"); months and weekdays break runs; hyphenated adjectives
   ("Democratic-controlled") and contractions ("I'm") are not names; a leading title ("Iranian
   President", "Prime Minister", "Secretary of State") is split off and reported separately
   (:class:`NameSpan`). A possessive ``'s`` ends a name and is not part of it. The rules are
   heuristics for English news prose (in the tradition of rule-based name finders; there is no
   trained tagger): headlines in title case and sentence-initial verbs still yield false candidates.
2. **Normalisation** (:func:`normalise_name`): a deterministic key for comparing transliterations,
   in the spirit of the phonetic and rule-based name standardisation of Christen (2012, "Data
   Matching", Springer, ch. 4): Unicode NFKD with combining marks dropped (UAX #15), case folding,
   leading honorifics and "the" dropped, then the transliteration rules of :data:`RULES` applied to
   each token. The key is for matching only; it is never shown as a name.
3. **Grouping** (:func:`group_aliases`, :func:`alias_table`): surface names are linked pairwise by the
   first rule that applies (:data:`LINK_RULES`, strongest first) and linked names form one group
   (single linkage, union-find). Each group gets a canonical name: the longest, most frequent full
   form. The similarity used by the ``fuzzy`` rule is :class:`difflib.SequenceMatcher`'s ratio
   2·M/T, the Ratcliff/Obershelp "gestalt pattern matching" score (Ratcliff & Metzener 1988, Dr.
   Dobb's Journal); Christen (2012, ch. 5) surveys it among approximate string comparators.

Why names matter for framing: which name (and which title or label) an outlet gives an actor is a
framing choice (Entman 1993, "Framing: Toward clarification of a fractured paradigm"); comparing
outlets needs the naming variation kept (the surface form) and the referent unified (the canonical).

The default fuzzy threshold, :data:`FUZZY_THRESHOLD` = 0.85, allows one substitution only in
normalised names of at least 7 characters (6/7 = 0.857: "mohamad"/"mohamed") and one insertion or
deletion in names of at least 3, while 4-6 letter names one letter apart stay separate
("iran"/"iraq" = 0.75, "oman"/"iran" = 0.5). Most transliteration variants are already unified by
the rules, so fuzzy matching only mops up residual spelling variants; :func:`alias_table` shows the
similarity of every link so the threshold can be checked against the data (Christen 2012, ch. 5,
recommends choosing it by inspecting true and false pairs).

Nationality adjectives are not names of the country: "Pakistani" is kept apart from "Pakistan"
(a ``demonym`` guard blocks every link between a name and the same name plus a demonym suffix), so
"Pakistani Prime Minister" or "27 Iranian soldiers" never count as mentions of the country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

import pandas as pd

from analysis.disjoint_sets import DisjointSets
from analysis.text.lexicon import (
    COMMON_WORDS,
    DEMONYM_SUFFIXES,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NAME_ORG_WORDS,
    NAME_PARTICLES,
    TITLE_OBJECTS,
    TITLE_WORDS,
    WEEKDAYS,
    wordset,
)
from analysis.text.segment import TITLES

__all__ = [
    "FUZZY_THRESHOLD",
    "LINK_RULES",
    "RULES",
    "NameSpan",
    "acronym",
    "alias_table",
    "group_aliases",
    "is_acronym",
    "is_demonym_of",
    "link_rule",
    "name_candidates",
    "name_tokens",
    "normalise_name",
    "proper_name_spans",
    "similarity",
]

FUZZY_THRESHOLD = 0.85


#: Transliteration rules of :func:`normalise_name`, applied in this order to each token (after
#: NFKD, dropping combining marks and case folding). Each entry: (id, pattern, replacement, why).
RULES: tuple[tuple[str, str, str, str], ...] = (
    ("ch_sh", r"(?<=[aeiouy])ch", "sh",
     "French transliteration writes English 'sh' as 'ch' after a vowel: Jaïch/Jaish"),
    ("ou_o_u", r"ou|o", "u",
     "o, u and ou are one vowel class (Persian/Arabic short u): Rouhani/Rohani, Baloch/Baluch, "
     "Mohammad/Muhammad"),
    ("estan", r"estan$", "istan", "e/i in the -estan/-istan suffix: Baluchestan/Baluchistan"),
    ("double", r"([a-z])\1+", r"\1", "doubled letters: Hassan/Hasan, Mohammad/Mohamad"),
)  # fmt: skip
_COMPILED_RULES = [(re.compile(pattern), repl) for _, pattern, repl, _ in RULES]

#: Link rules of :func:`group_aliases`, strongest first (the first that applies names the link).
LINK_RULES: dict[str, str] = {
    "normalised": "same normalised form (normalise_name)",
    "acronym": "an all-capital name equals the initials of the other (IRGC / Islamic "
    "Revolutionary Guards Corps); only if one long form in the group has these initials",
    "last_name": "person names: the shorter is a token sub-sequence of the longer ending in its "
    "last token (Rouhani / Hassan Rouhani); only if exactly one longer name matches (shorter "
    "spellings of that name, John Boehner / John A. Boehner, do not count)",
    "token_subsequence": "the shorter (2+ tokens) is a contiguous token run inside the longer, not "
    "at its start (Revolutionary Guards / Islamic Revolutionary Guards Corps); only if exactly one "
    "longer name matches. Leading runs are excluded: New York / New York Times and Islamic "
    "Republic / Islamic Republic News Agency name different things",
    "fuzzy": f"SequenceMatcher ratio of the normalised forms >= threshold (default {FUZZY_THRESHOLD})",
}

_PARTICLE_HYPHEN = re.compile(
    r"^(?:al|el|ul|an|ad|ar|as|ash|at|az|ud|bin|ibn|abu|abd)-(?=[^\W\d_a-z])"
)
_DATES = MONTH_NAMES | MONTH_ABBREVIATIONS | WEEKDAYS
ACRONYM_SKIP = wordset("of the and for in on at to a an &") | NAME_PARTICLES

# Tokens: dotted acronyms (U.S.), abbreviations with their period (Mr., Gen.), initials before a
# capital (George W. Bush), and words with internal hyphens or apostrophes.
_ABBREVIATIONS = "|".join(sorted(TITLES, key=len, reverse=True))
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    rf"|\b(?:{_ABBREVIATIONS})\.(?=\s)"
    r"|\b[^\W\d_a-z]\.(?=\s+[^\W\d_a-z])"
    r"|[^\W\d_][\w]*(?:[-'\u2019][^\W_]+)*"
)
_POSSESSIVE = re.compile(r"['\u2019]s$")
_CONTRACTION = re.compile(r"['\u2019](?:m|d|ll|ve|re|s|t)$", re.IGNORECASE)
# A hyphenated compound with a lower-case adjectival tail is an adjective, not a name token:
# Democratic-controlled, Colorado-grown (but Ki-moon stays: its tail is no such word).
_ADJECTIVE_TAIL = re.compile(
    r"-(?:[a-z]+(?:ed|ing)|led|based|backed|born|grown|style|like|era|made|owned|run|wide|"
    r"friendly|bound|free|only|specific|type)$"
)
_RUN_GAP = re.compile(r"^[ \t]+$")
_OPENERS = "\"'([\u201c\u2018"


@dataclass(frozen=True)
class NameSpan:
    """A proper-name candidate: ``name`` at ``start:end``, and its title (if any) before it."""

    start: int
    end: int
    name: str
    title: str = ""
    title_start: int = -1
    initial: bool = False  # the name opens a sentence (no title before it)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    possessive: bool  # the token carried a possessive 's (stripped from text/end)


def _fold(word: str) -> str:
    return word.rstrip(".").casefold()


def _is_title(word: str) -> bool:
    parts = [part for part in re.split(r"-", _fold(word)) if part]
    return bool(parts) and all(part in TITLE_WORDS for part in parts)


def _is_capitalised(word: str) -> bool:
    if _ADJECTIVE_TAIL.search(word):
        return False
    return word[:1].isupper() or bool(_PARTICLE_HYPHEN.match(word))


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        word, end = match.group(), match.end()
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            word, end = word[:-2], end - 2
        found.append(_Token(match.start(), end, word, possessive))
    return found


def _sentence_initial(text: str, start: int) -> bool:
    """At the start of the text, after . ! ? or :, or just inside an opening quotation mark."""
    before = text[:start].rstrip()
    if before and before[-1] in '"\u201c' and (len(before) == 1 or not before[-2].isalnum()):
        return True  # a quotation opens a sentence: asked, "Is this ..."
    before = before.rstrip(_OPENERS).rstrip()
    return not before or before[-1] in ".!?:\n" or before.endswith(('."', ".'", '?"', '!"'))


def _lowercase_elsewhere(word: str, lower_words: set[str]) -> bool:
    folded = word.casefold()
    forms = {folded, folded + "s", folded.removesuffix("s"), folded.removesuffix("es")}
    return bool(forms & lower_words)


def _is_common_opener(word: str, lower_words: set[str]) -> bool:
    folded = _fold(word)
    return (
        folded in COMMON_WORDS
        or (folded.endswith("ly") and len(folded) > 4)
        or _lowercase_elsewhere(word, lower_words)
    )


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal runs of name tokens, joined by particles and by 'of (the)' after an organisation."""
    runs: list[list[_Token]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        folded = _fold(token.text)
        if not _is_capitalised(token.text) or folded in _DATES:
            index += 1
            continue
        run = [token]
        index += 1
        while index < len(tokens) and not run[-1].possessive:
            previous, current = run[-1], tokens[index]
            if not _RUN_GAP.match(text[previous.end : current.start]):
                break
            word = current.text
            if _is_capitalised(word) and _fold(word) not in _DATES:
                run.append(current)
                index += 1
                continue
            joined = _connector(text, tokens, index, run)
            if joined is None:
                break
            run.extend(joined)
            index += len(joined)
        runs.append(run)
    return runs


def _connector(
    text: str, tokens: list[_Token], index: int, run: list[_Token]
) -> list[_Token] | None:
    """Lower-case connector tokens at ``index`` followed by a capitalised token, else None.

    Particles always connect; "of"/"for" (+ "the") connect after an organisation word or a title
    (Secretary of State), or when the capitalised run after them ends in an organisation word
    (Defense of Marriage Act) unless the run so far is one sentence-initial word ("Envoys of the
    Islamic Republic").
    """
    previous = run[-1]
    word = tokens[index].text
    if word in NAME_PARTICLES:
        width = 1
    elif word in ("of", "for"):
        width = 2 if index + 1 < len(tokens) and tokens[index + 1].text == "the" else 1
        if not (
            _fold(previous.text) in NAME_ORG_WORDS
            or (word == "of" and _is_title(previous.text))
            or (
                _org_follows(text, tokens, index + width)
                and not (len(run) == 1 and _sentence_initial(text, run[0].start))
            )
        ):
            return None
    else:
        return None
    following = index + width
    if following >= len(tokens):
        return None
    joined = tokens[index : following + 1]
    for left, right in pairwise(joined):
        if not _RUN_GAP.match(text[left.end : right.start]):
            return None
    nxt = tokens[following].text
    if not _is_capitalised(nxt) or _fold(nxt) in _DATES:
        return None
    if word == "of" and _is_title(previous.text) and _fold(nxt) not in TITLE_OBJECTS:
        return None
    return joined


def _org_follows(text: str, tokens: list[_Token], index: int) -> bool:
    """The capitalised run starting at ``index`` ends in an organisation word (Defense of Marriage
    *Act*, Centers for Disease *Control*... only the former: the last word must be in NAME_ORG_WORDS)."""
    last = None
    while index < len(tokens) and _is_capitalised(tokens[index].text):
        if last is not None and not _RUN_GAP.match(text[last.end : tokens[index].start]):
            break
        last = tokens[index]
        index += 1
        if last.possessive:
            break
    return last is not None and _fold(last.text) in NAME_ORG_WORDS


def _split_title(run: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """(title tokens, name tokens): a leading title with up to three modifiers before it.

    "Iranian President Hassan Rohani" -> (Iranian President, Hassan Rohani). The title is split off
    only when a name follows it and the rest has no organisation word ("Justice Army" stays whole).
    A run of title words only ("President") yields no name.
    """
    words = [token.text for token in run]
    if all(_is_title(word) or word in NAME_PARTICLES or word in ("of", "the") for word in words):
        return run, []
    for first_title in range(min(4, len(run))):
        if not _is_title(words[first_title]):
            continue
        end = first_title
        while end < len(run) and _is_title(words[end]):
            end += 1
        while end < len(run) and words[end] in ("of", "the"):  # Secretary of State
            end += 1
            while end < len(run) and _fold(words[end]) in TITLE_OBJECTS:
                end += 1
        rest = words[end:]
        if not rest:
            return run, []  # "Pakistani Prime Minister": a title without a name
        if any(_fold(word) in NAME_ORG_WORDS for word in rest) or rest[0] in NAME_PARTICLES:
            return [], run  # "Justice Army", "UN General Assembly": the title word is part of it
        return run[:end], run[end:]
    return [], run


def name_candidates(text: str, offset: int = 0) -> list[NameSpan]:
    """Proper-name candidates of ``text`` with their titles; offsets are positions plus ``offset``."""
    tokens = _tokens(text)
    lower_words = {token.text.casefold() for token in tokens if token.text[:1].islower()}
    spans = []
    for run in _runs(text, tokens):
        while run and (
            _fold(run[0].text) in ("the", "a", "an")
            or (
                _sentence_initial(text, run[0].start)
                and _is_common_opener(run[0].text, lower_words)
            )
        ):
            run = run[1:]
            while run and not _is_capitalised(run[0].text):  # "of the" left by "Leaders of the"
                run = run[1:]
        while run and not _is_capitalised(run[-1].text):
            run = run[:-1]
        if not run:
            continue
        title, name = _split_title(run)
        if not name:
            continue
        if len(name) == 1:
            word = name[0].text
            if len(word.rstrip(".")) < 2 or _fold(_CONTRACTION.sub("", word)) in COMMON_WORDS:
                continue  # "I", "I'm", a lone initial, a lone "No."
        start, end = name[0].start, name[-1].end
        title_text = text[title[0].start : title[-1].end] if title else ""
        spans.append(
            NameSpan(
                start + offset,
                end + offset,
                text[start:end],
                title_text,
                title[0].start + offset if title else -1,
                not title and _sentence_initial(text, start),
            )
        )
    return spans


def proper_name_spans(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Capitalised multi-word name candidates as ``(start, end, name)``, titles excluded.

    ``text[start - offset:end - offset] == name``. See :func:`name_candidates` for the titles.
    """
    return [(span.start, span.end, span.name) for span in name_candidates(text, offset)]


# --- normalisation -------------------------------------------------------------------------------


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _surface_tokens(name: str) -> list[str]:
    """Whitespace tokens of a name without leading 'the', honorifics and a possessive 's."""
    words = [_POSSESSIVE.sub("", word) for word in name.split()]
    while len(words) > 1 and _fold(words[0]) == "the":
        words = words[1:]
    rest = len(words)
    while rest > 0 and _is_title(words[len(words) - rest]):
        rest -= 1
    if 0 < rest < len(words) and not any(_fold(word) in NAME_ORG_WORDS for word in words[-rest:]):
        words = words[-rest:]  # honorifics dropped unless the title word is part of an
    return words  # organisation's name ("Justice Army")


def _normalise_token(word: str) -> str:
    word = _strip_marks(word).casefold()
    word = re.sub(r"[-'\u2019.`\u02bf\u02be]", "", word)  # hyphens, apostrophes, periods, ayn/hamza
    for pattern, replacement in _COMPILED_RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Normalised tokens of ``name``; a free-standing particle joins the next token (al Adl = al-Adl)."""
    tokens: list[str] = []
    pending = ""
    for word in _surface_tokens(name):
        if word.casefold() in ("al", "el", "ul") and not pending:
            pending = word
            continue
        normalised = _normalise_token(pending + word)
        pending = ""
        if normalised:
            tokens.append(normalised)
    if pending:
        tokens.append(_normalise_token(pending))
    return tuple(tokens)


def normalise_name(name: str) -> str:
    """Matching key of a name: NFKD without marks, case-folded, honorifics dropped, :data:`RULES`.

    ``normalise_name("President Hassan Rouhani") == normalise_name("Hasan Rohani") == "hasan ruhani"``;
    ``normalise_name("Jaïch al-Adl") == normalise_name("Jaish al-Adl")``.
    """
    return " ".join(name_tokens(name))


def is_acronym(name: str) -> bool:
    """A single all-capital token of 2-8 letters, periods allowed (IRGC, UAE, U.S.)."""
    letters = name.replace(".", "")
    return (
        " " not in name.strip()
        and 2 <= len(letters) <= 8
        and letters.isalpha()
        and letters.upper() == letters
    )


def acronym(name: str) -> str:
    """Initials of the significant words (of/the/and and lower-case particles such as al- skipped).

    ``acronym("Islamic Revolutionary Guards Corps") == "IRGC"``; an acronym is returned as it is
    (without periods): ``acronym("U.S.") == "US"``.
    """
    if is_acronym(name):
        return name.replace(".", "").upper()
    initials = []
    for word in re.split(r"[\s\-]+", _strip_marks(name)):
        word = word.strip(".,'\u2019()")
        if not word or word in ACRONYM_SKIP or word.casefold() in ("of", "the", "and", "for"):
            continue
        if is_acronym(word):
            initials.append(word.replace(".", ""))
        elif word[0].isalpha():
            initials.append(word[0].upper())
    return "".join(initials)


def similarity(a: str, b: str) -> float:
    """Ratcliff/Obershelp ratio (difflib) of the normalised forms of two names, 0..1."""
    return SequenceMatcher(None, normalise_name(a), normalise_name(b), autojunk=False).ratio()


def is_demonym_of(adjective: str, name: str) -> bool:
    """Whether ``adjective`` is the nationality word of ``name`` (Pakistani/Pakistan, Afghan/Afghanistan).

    Rule: one normalised form is the other plus a demonym suffix (:data:`DEMONYM_SUFFIXES`, with an
    optional plural s), or the country is the adjective plus -istan/-stan.
    """
    adj, country = normalise_name(adjective), normalise_name(name)
    if not adj or not country or adj == country:
        return False
    if adj.startswith(country) and adj[len(country) :].removesuffix("s") in DEMONYM_SUFFIXES:
        return True  # Pakistan/Pakistani, Iran/Iranian, America/American
    stem = country[:-1]
    if country[-1] in "aeiy" and adj.startswith(stem):  # China/Chinese, Turkey/Turkish
        return adj[len(stem) :].removesuffix("s") in DEMONYM_SUFFIXES
    return country in (adj + "istan", adj + "stan")  # Afghan/Afghanistan


# --- grouping --------------------------------------------------------------------------------------


def _person_like(name: str) -> bool:
    """2-4 title-case tokens without an organisation word or acronym: a plausible person name."""
    words = _surface_tokens(name)
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        if word in NAME_PARTICLES or _PARTICLE_HYPHEN.match(word):
            continue
        if not word[:1].isupper() or is_acronym(word) or _fold(word) in NAME_ORG_WORDS:
            return False
    return True


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    position = 0
    for token in long:
        if position < len(short) and token == short[position]:
            position += 1
    return position == len(short)


def _contiguous_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` occurs as a contiguous run of ``long`` starting after its first token."""
    width = len(short)
    return any(long[i : i + width] == short for i in range(1, len(long) - width + 1))


@dataclass
class _Universe:
    """Precomputed forms of the distinct names being grouped."""

    names: list[str]
    norm: dict[str, str]
    toks: dict[str, tuple[str, ...]]
    person: dict[str, bool]
    acro: dict[str, str]

    @classmethod
    def of(cls, names: list[str]) -> _Universe:
        return cls(
            names,
            {name: normalise_name(name) for name in names},
            {name: name_tokens(name) for name in names},
            {name: _person_like(name) for name in names},
            {name: acronym(name) for name in names},
        )

    def long_forms(self, predicate) -> set[tuple[str, ...]]:
        """Distinct maximal token forms of the names satisfying ``predicate``.

        A form that is a token sub-sequence of another matching form is the same referent written
        shorter (John Boehner / John A. Boehner) and does not make a match ambiguous.
        """
        forms = {self.toks[name] for name in self.names if predicate(name)}
        return {
            form
            for form in forms
            if not any(other != form and _is_subsequence(form, other) for other in forms)
        }


def link_rule(
    a: str, b: str, threshold: float = FUZZY_THRESHOLD, universe: Iterable[str] | None = None
) -> str | None:
    """The first rule of :data:`LINK_RULES` that links ``a`` and ``b`` (None: no link).

    ``universe``: all names being grouped, for the "only if unambiguous" conditions (default: the pair).
    """
    names = sorted(set(universe or ()) | {a, b})
    return _link(a, b, threshold, _Universe.of(names))


def _link(a: str, b: str, threshold: float, u: _Universe) -> str | None:
    na, nb = u.norm[a], u.norm[b]
    if not na or not nb:
        return None
    if is_demonym_of(a, b) or is_demonym_of(b, a):
        return None
    if na == nb:
        return "normalised"
    short, long = sorted((a, b), key=lambda name: (len(u.toks[name]), len(u.norm[name]), name))
    ts, tl = u.toks[short], u.toks[long]
    if is_acronym(short) and not is_acronym(long) and len(tl) >= 2:
        initials = u.acro[short]
        if (
            u.acro[long] == initials
            and len(u.long_forms(lambda n: not is_acronym(n) and u.acro[n] == initials)) == 1
        ):
            return "acronym"
        return None
    if len(ts) < len(tl) and not is_acronym(long):
        if u.person[long] and ts[-1] == tl[-1] and _is_subsequence(ts, tl):
            matches = u.long_forms(
                lambda n: (
                    len(u.toks[n]) > len(ts)
                    and u.toks[n][-1] == ts[-1]
                    and _is_subsequence(ts, u.toks[n])
                )
            )  # fmt: skip  (any longer name ending so competes: Bill Clinton, Clinton Street)
            if len(matches) == 1:
                return "last_name"
        if len(ts) >= 2 and _contiguous_inside(ts, tl):
            matches = u.long_forms(lambda n: _contiguous_inside(ts, u.toks[n]))
            if len(matches) == 1:
                return "token_subsequence"
    if is_acronym(a) or is_acronym(b):
        return None  # an acronym links by its initials or its normalised form, never by spelling
    matcher = SequenceMatcher(None, na, nb, autojunk=False)
    if (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    ):
        return "fuzzy"
    return None


def _canonical_key(name: str, count: int, u: _Universe) -> tuple:
    """Full forms first (not an acronym), then more tokens, more uses, longer (titles not counted),
    alphabetical."""
    return (
        is_acronym(name),
        -len(u.toks[name]),
        -count,
        -len(" ".join(_surface_tokens(name))),
        name,
    )


def _groups(names: Iterable[str], threshold: float) -> list[dict]:
    """One record per distinct name: alias, canonical, rule, via, similarity, count."""
    counts = Counter(name.strip() for name in names if name and name.strip())
    distinct = sorted(counts)
    u = _Universe.of(distinct)
    sets = DisjointSets(distinct)

    edges: dict[str, list[tuple[str, str]]] = {name: [] for name in distinct}
    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            rule = _link(a, b, threshold, u)
            if rule is None:
                continue
            edges[a].append((b, rule))
            edges[b].append((a, rule))
            sets.join(a, b)
    rank = list(LINK_RULES)
    records = []
    for group in sets.groups():
        canonical = min(group, key=lambda name: _canonical_key(name, counts[name], u))
        # breadth-first from the canonical: each alias is explained by the strongest edge that
        # reached it first (ties: rule rank, then name)
        reached = {canonical: ("canonical", "")}
        frontier = [canonical]
        while frontier:
            following = []
            for name in frontier:
                for other, rule in sorted(edges[name], key=lambda e: (rank.index(e[1]), e[0])):
                    if other not in reached:
                        reached[other] = (rule, "" if name == canonical else name)
                        following.append(other)
            frontier = sorted(following)
        for name in group:
            rule, via = reached[name]
            ratio = SequenceMatcher(None, u.norm[name], u.norm[canonical], autojunk=False).ratio()
            records.append(
                {
                    "alias": name,
                    "canonical": canonical,
                    "rule": rule,
                    "via": via,
                    "similarity": round(ratio, 4),
                    "count": counts[name],
                }
            )
    return sorted(records, key=lambda r: (r["canonical"], r["rule"] != "canonical", r["alias"]))


def group_aliases(names: Iterable[str], threshold: float = FUZZY_THRESHOLD) -> dict[str, str]:
    """Map every surface name to the canonical name of its group (the canonical maps to itself).

    ``names`` may repeat a name: repeats count as uses when choosing the canonical (the longest, most
    frequent full form; see :data:`LINK_RULES` for how names are linked).
    """
    return {record["alias"]: record["canonical"] for record in _groups(names, threshold)}


def alias_table(names: Iterable[str], threshold: float = FUZZY_THRESHOLD) -> pd.DataFrame:
    """The grouping for review: alias, canonical, rule that linked it, via (intermediate alias, if the
    link is indirect), similarity (ratio of the normalised alias and canonical), count (uses)."""
    columns = ["alias", "canonical", "rule", "via", "similarity", "count"]
    return pd.DataFrame(_groups(names, threshold), columns=columns)
