"""Which surface names refer to the same actor: normalisation, link rules and grouping (see
:mod:`analysis.text.names`, steps 2 and 3)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

from analysis.disjoint_sets import DisjointSets
from analysis.text.lexicon import (
    DEMONYM_SUFFIXES,
    DIRECTION_WORDS,
    GENERATIONAL_SUFFIXES,
    NAME_ORG_WORDS,
    NAME_PARTICLES,
)
from analysis.text.names.blocking import candidate_pairs, token_index
from analysis.text.names.candidates import ACRONYM_SKIP, PARTICLE_HYPHEN, POSSESSIVE, fold, is_title

FUZZY_THRESHOLD = 0.85
#: How many times as often as all its competitors together a full name must be used for a bare last
#: name to join it (:data:`LINK_RULES`, ``last_name``).
DOMINANCE = 3
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
    "last token (Rouhani / Hassan Rouhani); only if one longer name matches (shorter spellings "
    "of that name, John Boehner / John A. Boehner, do not count) or one is used at least "
    f"{DOMINANCE} times as often as all the others together (Trump / Donald Trump, not Ivanka Trump)",
    "family_first": "a one-token name that is the first token of exactly one (or a dominant) "
    "longer person name whose given name has two parts (three tokens or a hyphenated one), and no "
    "other person name begins or ends with it (Kim / Kim Jong Un, Moon / Moon Jae-in: family "
    "name first, as in Korean and Chinese names)",
    "direction_short": "a compass word used alone as a name (the North) and the one (or the "
    "dominant) longer place name it begins (North Korea)",
    "token_subsequence": "the shorter (2+ tokens) is a contiguous token run inside the longer, not "
    "at its start (Revolutionary Guards / Islamic Revolutionary Guards Corps); only if exactly one "
    "longer name matches. Leading runs are excluded: New York / New York Times and Islamic "
    "Republic / Islamic Republic News Agency name different things",
    "fuzzy": f"SequenceMatcher ratio of the normalised forms >= threshold (default {FUZZY_THRESHOLD}), "
    "same number of tokens",
}
#: Cannot-link constraints of :func:`group_aliases`: two groups never merge when a name of one and a
#: name of the other break one of them (constrained clustering, Wagstaff et al. 2001, "Constrained
#: K-means clustering with background knowledge", ICML).
CANNOT_LINK: dict[str, str] = {
    "suffix": "different generational suffixes (Donald Trump / Donald Trump Jr., Jr. / Sr.)",
    "direction": "different compass or qualifier words (North Korea / South Korea)",
    "first_name": "two person names with different first names (Donald Trump / Ivanka Trump); "
    "an initial matches its letter, transliterations (ratio >= threshold) match, and a name that "
    "ends the other is no conflict (Ilse Moreau / Councillor Ilse Moreau)",
    "demonym": "a name and its nationality word (Pakistan / Pakistani)",
}


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _surface_tokens(name: str) -> list[str]:
    """Whitespace tokens of a name without leading 'the', honorifics and a possessive 's."""
    words = [POSSESSIVE.sub("", word) for word in name.split()]
    while len(words) > 1 and fold(words[0]) == "the":
        words = words[1:]
    rest = len(words)
    while rest > 0 and is_title(words[len(words) - rest]):
        rest -= 1
    if 0 < rest < len(words) and not any(fold(word) in NAME_ORG_WORDS for word in words[-rest:]):
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


def person_like(name: str) -> bool:
    """2-4 title-case tokens without an organisation word or acronym: a plausible person name."""
    words = _surface_tokens(name)
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        if word in NAME_PARTICLES or PARTICLE_HYPHEN.match(word):
            continue
        if not word[:1].isupper() or is_acronym(word) or fold(word) in NAME_ORG_WORDS:
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
    counts: dict[str, int]
    tokens: dict[str, dict]  # blocking.token_index: names by first, last and inner token
    by_initials: dict[str, list[str]]  # names that are not acronyms, by their initials
    uses: Counter[str]  # uses of the names written with the same tokens (spacing ignored)

    @classmethod
    def of(cls, names: list[str], counts: dict[str, int] | None = None) -> _Universe:
        """The look-up tables of ``names`` (``counts``: uses of each, default 1)."""
        toks = {name: name_tokens(name) for name in names}
        acro = {name: acronym(name) for name in names}
        counts = {name: (counts or {}).get(name, 1) for name in names}
        by_initials: dict[str, list[str]] = {}
        uses: Counter[str] = Counter()
        for name in names:
            if not is_acronym(name):
                by_initials.setdefault(acro[name], []).append(name)
            uses["".join(toks[name])] += counts[name]
        return cls(
            names,
            {name: normalise_name(name) for name in names},
            toks,
            {name: person_like(name) for name in names},
            acro,
            counts,
            token_index(names, toks),
            by_initials,
            uses,
        )

    def long_forms(self, predicate, pool: Iterable[str]) -> set[tuple[str, ...]]:
        """Distinct maximal token forms of the names of ``pool`` satisfying ``predicate`` (``pool``:
        the names of an index that holds every name the predicate can accept).

        A form that is a token sub-sequence of another matching form is the same referent written
        shorter (John Boehner / John A. Boehner) and does not make a match ambiguous.
        """
        forms = {self.toks[name] for name in pool if predicate(name)}
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
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return "normalised"  # Kim Jong Un / Kim Jong-un
    short, long = sorted((a, b), key=lambda name: (len(u.toks[name]), len(u.norm[name]), name))
    ts, tl = u.toks[short], u.toks[long]
    if is_acronym(short) and not is_acronym(long) and len(tl) >= 2:
        initials = u.acro[short]
        if (
            u.acro[long] == initials
            and len(u.long_forms(lambda n: True, u.by_initials.get(initials, ()))) == 1
        ):
            return "acronym"
        return None
    if len(ts) < len(tl) and not is_acronym(long):
        if u.person[long] and ts[-1] == tl[-1] and _is_subsequence(ts, tl):
            matches = u.long_forms(
                lambda n: len(u.toks[n]) > len(ts) and _is_subsequence(ts, u.toks[n]),
                u.tokens["last"][ts[-1]],
            )  # any longer name ending so competes: Bill Clinton, Clinton Street
            if len(matches) == 1 or _dominant(tl, matches, u):
                return "last_name"
        if len(ts) == 1 and u.person[long] and ts[0] == tl[0] and _given_name_pair(long):
            pool = dict.fromkeys([*u.tokens["first"][ts[0]], *u.tokens["last"][ts[0]]])
            matches = u.long_forms(lambda n: u.person[n], pool)
            if len(matches) == 1 or _dominant(tl, matches, u):
                return "family_first"  # Kim / Kim Jong Un, Moon / Moon Jae-in
        if len(ts) == 1 and _directions(short) and tl[0] == ts[0]:
            matches = u.long_forms(lambda n: len(u.toks[n]) > 1, u.tokens["first"][ts[0]])
            if len(matches) == 1 or _dominant(tl, matches, u):
                return "direction_short"  # the North / North Korea
        if len(ts) >= 2 and _contiguous_inside(ts, tl):
            matches = u.long_forms(
                lambda n: _contiguous_inside(ts, u.toks[n]), u.tokens["inner"][ts[0]]
            )
            if len(matches) == 1:
                return "token_subsequence"
    if is_acronym(a) or is_acronym(b):
        return None  # an acronym links by its initials or its normalised form, never by spelling
    if len(ts) != len(tl):
        return None
    matcher = SequenceMatcher(None, na, nb, autojunk=False)
    if (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    ):
        return "fuzzy"
    return None


def _dominant(form: tuple[str, ...], matches: set[tuple[str, ...]], u: _Universe) -> bool:
    """Whether the long form ``form`` (or the match it is a shorter spelling of) is used
    :data:`DOMINANCE` times as often as all the other ``matches`` together (forms that differ only
    in spacing, Kim Jong Un / Kim Jong-un, count as one)."""
    uses = Counter({"".join(match): u.uses["".join(match)] for match in matches})
    mine = next(("".join(m) for m in sorted(matches) if _is_subsequence(form, m)), None)
    others = sum(count for key, count in uses.items() if key != mine)
    return mine is not None and uses[mine] >= DOMINANCE * max(others, 1)


def _given_name_pair(name: str) -> bool:
    """Three tokens, or two with a hyphenated second: the shape of a family-name-first name."""
    words = _surface_tokens(name)
    return len(words) == 3 or (len(words) == 2 and "-" in words[1])


def _directions(name: str) -> set[str]:
    """The compass and qualifier words of a name, case-folded (before transliteration rules)."""
    return {fold(word) for word in _surface_tokens(name)} & DIRECTION_WORDS


def _suffixes(tokens: tuple[str, ...]) -> set[str]:
    return {token for token in tokens[1:] if token in GENERATIONAL_SUFFIXES}


def cannot_link(a: str, b: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
    """The first constraint of :data:`CANNOT_LINK` that keeps ``a`` and ``b`` apart (None: none)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if _suffixes(ta) != _suffixes(tb):
        return "suffix"
    if _directions(a) != _directions(b):
        return "direction"
    if is_demonym_of(a, b) or is_demonym_of(b, a):
        return "demonym"
    short, long = sorted((ta, tb), key=len)
    inside = len(short) < len(long) and long[len(long) - len(short) :] == short
    if person_like(a) and person_like(b) and len(ta) >= 2 and len(tb) >= 2 and not inside:
        first_a, first_b = ta[0], tb[0]
        initial = len(first_a) == 1 or len(first_b) == 1
        if initial and first_a[0] != first_b[0]:
            return "first_name"
        ratio = SequenceMatcher(None, first_a, first_b, autojunk=False).ratio()
        if not initial and ratio < threshold:
            return "first_name"
    return None


def _canonical_key(name: str, count: int, u: _Universe) -> tuple:
    """Full forms first (not an acronym, more than one token), then more uses, more tokens, longer
    (titles not counted), alphabetical: the most frequent full form."""
    return (
        is_acronym(name),
        len(u.toks[name]) < 2,
        -count,
        -len(u.toks[name]),
        -len(" ".join(_surface_tokens(name))),
        name,
    )


def _merge(distinct: list[str], links: list[tuple[int, float, str, str, str]], threshold: float):
    """Join the names of ``links`` (strongest first) unless a cannot-link pair would end up in one
    group; return the disjoint sets."""
    sets = DisjointSets(distinct)
    members = {name: [name] for name in distinct}
    for _, _, a, b, _ in sorted(links):
        root_a, root_b = sets.find(a), sets.find(b)
        if root_a == root_b:
            continue
        if any(cannot_link(x, y, threshold) for x in members[root_a] for y in members[root_b]):
            continue
        sets.join(a, b)
        joined = members.pop(root_a) + members.pop(root_b)
        members[sets.find(a)] = joined
    return sets


def _groups(names: Iterable[str], threshold: float, fixed: Iterable[str] = ()) -> list[dict]:
    """One record per distinct name: alias, canonical, rule, via, similarity, count; two names
    of ``fixed`` are never compared (see :func:`group_aliases`)."""
    counts = Counter(name.strip() for name in names if name and name.strip())
    distinct = sorted(counts)
    u = _Universe.of(distinct, counts)
    rank = list(LINK_RULES)
    links = []
    fixed = frozenset(fixed)
    for a, b in candidate_pairs(distinct, u.norm, u.toks, u.acro, is_acronym, threshold, fixed):
        rule = _link(a, b, threshold, u)  # blocking: only pairs some rule can link
        if rule is not None:
            ratio = SequenceMatcher(None, u.norm[a], u.norm[b], autojunk=False).ratio()
            links.append((rank.index(rule), -ratio, a, b, rule))
    sets = _merge(distinct, links, threshold)
    edges: dict[str, list[tuple[str, str]]] = {name: [] for name in distinct}
    for _, _, a, b, rule in links:
        if sets.find(a) == sets.find(b):
            edges[a].append((b, rule))
            edges[b].append((a, rule))
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


def group_aliases(
    names: Iterable[str], threshold: float = FUZZY_THRESHOLD, *, fixed: Iterable[str] = ()
) -> dict[str, str]:
    """Map every surface name to the canonical name of its group (the canonical maps to itself).

    ``names`` may repeat a name: repeats count as uses when choosing the canonical (the longest, most
    frequent full form; see :data:`LINK_RULES` for how names are linked). Only pairs that share a
    blocking key are compared (:mod:`analysis.text.names.blocking`: no pair a rule links is missed);
    two names of ``fixed`` (an actor file's aliases, whose actors the file already gives) are not
    compared at all, so the cost is linear in their number.
    """
    return {record["alias"]: record["canonical"] for record in _groups(names, threshold, fixed)}


def alias_table(names: Iterable[str], threshold: float = FUZZY_THRESHOLD) -> pd.DataFrame:
    """The grouping for review: alias, canonical, rule that linked it, via (intermediate alias, if the
    link is indirect), similarity (ratio of the normalised alias and canonical), count (uses)."""
    columns = ["alias", "canonical", "rule", "via", "similarity", "count"]
    return pd.DataFrame(_groups(names, threshold), columns=columns)
