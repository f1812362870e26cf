"""Which pairs of names can link at all: blocking for :func:`analysis.text.names.group_aliases`.

Comparing every pair of n names costs n² (10,000 aliases in an actor file: 50 million pairs). Blocking
(Christen 2012, "Data Matching", Springer, ch. 4) compares only the pairs that share a key; here the
keys are chosen so that no pair a link rule (:data:`analysis.text.names.LINK_RULES`) could link is
missed, so the grouping is exactly the all-pairs grouping:

- ``normalised``: the normalised form without spaces;
- ``acronym``: an acronym and the longer names whose initials it is;
- ``last_name``: the last token; ``family_first``, ``direction_short``: a one-token name and the names
  it begins; ``token_subsequence``: a name's first token and the names holding it after their first;
- ``fuzzy`` (same number of tokens, ratio 2·M/T of the normalised forms ≥ t): a pair shares at least
  ``(3t/2 - 1)·T - 1`` letter bigrams (each of the K matching blocks of the ratio's M letters gives
  its length - 1 bigrams, and K - 1 <= T - 2M unmatched letters separate the blocks), so with the
  bigrams of every name in one global order, rarest first, two such names share a bigram among their
  first ``|bigrams| - bound + 1`` (prefix filtering, Chaudhuri, Ganti & Kaushik 2006, "A primitive
  operator for similarity joins in data cleaning", ICDE; Xiao et al. 2011, ACM TODS 36(3)). Names too
  short for a positive bound are compared with every name of their token count and a length the ratio
  allows.

The cost is the sum of the squared block sizes: about linear for names that share a surname or a
bigram with a few others, quadratic only when most names share one (a thousand "Alias N").
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping

Pair = tuple[str, str]


def token_index(names: Iterable[str], toks: Mapping[str, tuple[str, ...]]) -> dict[str, dict]:
    """Names by their first token (``first``), last token (``last``) and any token after the first
    (``inner``), each a dict token → names in ``names`` order."""
    index: dict[str, dict] = {"first": defaultdict(list), "last": defaultdict(list),
                              "inner": defaultdict(list)}  # fmt: skip
    for name in names:
        tokens = toks[name]
        if not tokens:
            continue
        index["first"][tokens[0]].append(name)
        index["last"][tokens[-1]].append(name)
        for token in dict.fromkeys(tokens[1:]):
            index["inner"][token].append(name)
    return index


def candidate_pairs(
    names: list[str],
    norm: Mapping[str, str],
    toks: Mapping[str, tuple[str, ...]],
    acro: Mapping[str, str],
    is_acronym: Callable[[str], bool],
    threshold: float,
    fixed: Collection[str] = frozenset(),
) -> list[Pair]:
    """Every pair ``(a, b)``, ``a < b``, of ``names`` that shares a blocking key (see the module
    doc) and not both of ``fixed``, sorted: a superset of the pairs any link rule links. The cost
    grows with the names not fixed times the blocks they fall into, so with ``fixed`` names (an
    actor file's aliases) it is linear in their number."""
    named = [name for name in names if norm[name]]
    free = [name for name in named if name not in fixed]
    keys: dict[str, list[tuple]] = {
        name: _keys(name, norm, toks, acro, is_acronym) for name in named
    }
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for name in named:
        for key in keys[name]:
            blocks[key].append(name)
    pairs: set[Pair] = set()
    for name in free:
        for key in keys[name]:
            for partner in _partner_keys(key):
                pairs.update(_pair(name, other) for other in blocks.get(partner, ()))
    fuzzy = [name for name in named if not is_acronym(name)]
    pairs.update(fuzzy_pairs(fuzzy, norm, toks, threshold, fixed))
    return sorted(pair for pair in pairs if pair[0] != pair[1])


def _keys(
    name: str,
    norm: Mapping[str, str],
    toks: Mapping[str, tuple[str, ...]],
    acro: Mapping[str, str],
    is_acronym: Callable[[str], bool],
) -> list[tuple]:
    """The blocking keys of one name; two names can link only if a key of one is a partner key
    (:func:`_partner_keys`) of a key of the other."""
    tokens = toks[name]
    keys: list[tuple] = [("joined", norm[name].replace(" ", "")), ("last", tokens[-1])]
    if is_acronym(name):
        keys.append(("acronym", acro[name]))
    elif len(tokens) >= 2:
        keys.append(("initials", acro[name]))
    if len(tokens) == 1:
        keys.append(("alone", tokens[0]))
    else:
        keys += [("first", tokens[0]), ("opens", tokens[0])]
        keys += [("inner", token) for token in dict.fromkeys(tokens[1:])]
    return keys


#: Which keys meet: the same key for a shared normalised form or last token; an acronym and the
#: initials of a longer name; a one-token name and the names it begins (family_first,
#: direction_short); a 2+ token name's first token and the names holding it after their first
#: (token_subsequence).
_MEETS = {"joined": "joined", "last": "last", "acronym": "initials", "initials": "acronym",
          "alone": "first", "first": "alone", "opens": "inner", "inner": "opens"}  # fmt: skip


def _partner_keys(key: tuple) -> list[tuple]:
    return [(_MEETS[key[0]], *key[1:])]


def fuzzy_pairs(
    names: list[str],
    norm: Mapping[str, str],
    toks: Mapping[str, tuple[str, ...]],
    threshold: float,
    fixed: Collection[str] = frozenset(),
) -> set[Pair]:
    """The pairs of ``names`` (not both ``fixed``) with the same number of tokens that may have a
    ratio >= ``threshold``: a bigram in common among their rarest (prefix filtering), or too short
    to filter."""
    grams = {name: _bigrams(norm[name]) for name in names}
    frequency = Counter(gram for name in names for gram in grams[name])
    scale = (3 * threshold - 2) / (2 - threshold)  # bound = scale·length - 1 shared bigrams
    blocks: dict[tuple, list[str]] = defaultdict(list)
    prefixes: dict[str, list[tuple]] = {}
    short: dict[int, list[str]] = defaultdict(list)
    for name in names:
        bound = math.ceil(scale * len(norm[name]) - 1 - 1e-9) if scale > 0 else 0
        if bound <= 0:
            short[len(toks[name])].append(name)
            prefixes[name] = []
            continue
        ordered = sorted(grams[name], key=lambda gram: (frequency[gram], gram))
        prefixes[name] = [(len(toks[name]), gram) for gram in ordered[: len(ordered) - bound + 1]]
        for key in prefixes[name]:
            blocks[key].append(name)
    same_count: dict[int, list[str]] = defaultdict(list)
    for name in names:
        same_count[len(toks[name])].append(name)
    pairs: set[Pair] = set()
    for name in names:
        if name in fixed:
            continue
        partners = [blocks[key] for key in prefixes[name]]
        partners.append(short[len(toks[name])])  # a short name meets every name it may match
        if not prefixes[name]:
            partners.append(same_count[len(toks[name])])
        for group in partners:
            pairs.update(
                _pair(name, other)
                for other in group
                if _lengths_allow(norm[name], norm[other], threshold)
            )
    return pairs


def _bigrams(text: str) -> list[tuple[str, int]]:
    """The letter bigrams of ``text`` as a set: each with its occurrence number (a multiset)."""
    seen: Counter[str] = Counter()
    out = []
    for start in range(len(text) - 1):
        gram = text[start : start + 2]
        out.append((gram, seen[gram]))
        seen[gram] += 1
    return out


def _lengths_allow(a: str, b: str, threshold: float) -> bool:
    """SequenceMatcher's ``real_quick_ratio`` (2·min length / total) reaches ``threshold``."""
    total = len(a) + len(b)
    return total > 0 and 2.0 * min(len(a), len(b)) / total >= threshold


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)
