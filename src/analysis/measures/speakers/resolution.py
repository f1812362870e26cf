"""Resolving speaker mentions to in-article names: persons and organisations, canonical names,
descriptions and pronouns (see :mod:`analysis.measures.speakers`, steps 2 to 5)."""

from __future__ import annotations

import bisect
import re

from analysis.measures.speakers.mentions import (
    Mention,
    MentionFinder,
    is_mere_place,
    is_place_name,
    role_key,
    roles_compatible,
)
from analysis.text.lexicon import (
    FEMALE_NAMES,
    GENERIC_ROLES,
    MALE_NAMES,
    OFFICE_ROLES,
    ROLE_WORDS,
)

#: How many sentences back a pronoun looks for its antecedent (long quotations hold none).
PRONOUN_WINDOW = 10


def _first_name_gender(tokens: tuple[str, ...]) -> str:
    """Gender from a listed first name of a multi-word name, else ``""``."""
    if len(tokens) < 2:
        return ""
    first = tokens[0]
    return "f" if first in FEMALE_NAMES else ("m" if first in MALE_NAMES else "")


def resolve(mentions: MentionFinder) -> None:
    """Fill ``canonical`` (and ``person``) of every mention in place; see the module docstring."""
    items = mentions.items
    names = [m for m in items if m.kind == "name"]
    text = mentions.text
    for mention in names:  # person evidence from context
        before = text[max(0, mention.start - 30) : mention.start]
        role_before = re.search(r"\b([a-z]+(?: [a-z]+)?)\s$", before)
        if role_before and role_before.group(1).split()[-1] in ROLE_WORDS:
            mention.person = True
            mention.roles.add(role_key(role_before.group(1).split()[-1]))
        if re.search(
            r"\b(?:group|organi[sz]ation|party|militia|province|city|agency|company)\s$", before
        ):
            mention.person = False
            continue
        mention.gender = mention.gender or _first_name_gender(mention.tokens)
        if _first_name_gender(mention.tokens):
            mention.person = True
    surnames = {m.tokens[-1].lower() for m in names if m.person and m.tokens}
    for mention in names:
        if mention.person or not mention.tokens:
            continue
        known_surname = mention.tokens[-1].lower() in surnames
        if known_surname or (2 <= len(mention.tokens) <= 4 and not is_place_name(mention.tokens)):
            mention.person = True
    surnames = {m.tokens[-1].lower() for m in names if m.person and m.tokens}
    # canonical names: the fullest form with the same last word
    full: dict[str, list[Mention]] = {}
    for mention in names:
        if mention.person and mention.tokens:
            full.setdefault(mention.tokens[-1].lower(), []).append(mention)
    fullest = {key: _fullest_forms(same) for key, same in full.items()}
    for mention in names:
        if not mention.tokens:
            continue
        if (
            not mention.person
            and len(mention.tokens) == 1
            and mention.tokens[0].lower() in surnames
        ):
            mention.person = True
        if not mention.person:
            mention.kind = "organisation"
            mention.canonical = re.sub(r"^[Tt]he\s+", "", mention.text)
            continue
        longest, forms = fullest[mention.tokens[-1].lower()]
        own = " ".join(mention.tokens)
        wider = sorted(f for f in forms if set(mention.tokens) <= set(f.split()))
        if len(mention.tokens) == longest:
            mention.canonical = own
        elif len(forms) == 1:
            mention.canonical = next(iter(forms))
        elif len(wider) == 1 and len(mention.tokens) > 1:
            mention.canonical = wider[0]
        else:  # several people share the surname (Barack, Michelle, Sasha Obama): keep the short form
            mention.canonical = own
    # merge attributes per canonical person
    profile: dict[str, Mention] = {}
    for mention in names:
        if mention.person:
            entry = profile.setdefault(mention.canonical, Mention(0, 0, mention.canonical, "name"))
            entry.roles |= mention.roles
            entry.places |= mention.places
            entry.gender = entry.gender or mention.gender
    for mention in names:
        if mention.person and mention.canonical in profile:
            mention.gender = mention.gender or profile[mention.canonical].gender
    name_starts: dict[str, list[int]] = {}  # each person's name mentions, in text order
    for mention in items:
        if mention.kind == "name":
            name_starts.setdefault(mention.canonical, []).append(mention.start)
    for index, mention in enumerate(items):
        if mention.kind == "description":
            if mention.link >= 0 and items[mention.link].kind == "name":
                mention.canonical = items[mention.link].canonical
            else:
                mention.canonical = _resolve_description(
                    mention, index, items, profile, name_starts
                )
            if mention.canonical in profile:
                mention.gender = mention.gender or profile[mention.canonical].gender
    for index, mention in enumerate(items):
        if mention.relative:
            _resolve_relative(mention, index, mentions)
        elif mention.kind == "pronoun":
            mention.canonical = _resolve_pronoun(mention, index, mentions)


def _resolve_relative(mention: Mention, index: int, mentions: MentionFinder) -> None:
    """A relative "who" stands for the mention right before it (*Ana Lind, who said*; *officials
    who said*): its name, gender and person flag; none when another word stands between. A place
    right before *who* is where the person is from (*Ola Dahl of Varnby, who said*), so *who*
    stands for the person before it (:func:`_person_before_place`)."""
    if index == 0:
        return
    antecedent = mentions.items[index - 1]
    if antecedent.kind == "pronoun" or antecedent.possessive:
        return
    if not re.fullmatch(r",?\s*", mentions.text[antecedent.end : mention.start]):
        return
    if mention.gender != "neuter" and is_mere_place(antecedent):
        antecedent = _person_before_place(index - 1, mentions)
        if antecedent is None:
            return
    mention.canonical = antecedent.canonical
    mention.gender = antecedent.gender
    mention.person = antecedent.person


def _person_before_place(index: int, mentions: MentionFinder) -> Mention | None:
    """The person that the place at ``index`` describes (*Ola Dahl of Varnby*; *Ana Lind, a
    doctor from Varnby, Ostmark*): the nearest earlier mention of the sentence that is no place,
    a person's name or description, with at most eight words and no clause mark between."""
    items = mentions.items
    sentence = mentions.sentence_of(items[index].start)
    for other in reversed(items[:index]):
        if mentions.sentence_of(other.start) != sentence:
            return None
        if is_mere_place(other):
            continue
        between = mentions.text[other.end : items[index].start]
        if len(between.split()) > 8 or re.search(r"[;:()\"\u201c\u201d]", between):
            return None
        usable = other.kind in {"name", "description"} and not other.possessive
        return other if usable else None
    return None


def _fullest_forms(same: list[Mention]) -> tuple[int, frozenset[str]]:
    """The largest token count of mentions sharing a last word, and their forms of that length
    (computed once per last word, not once per mention)."""
    longest = max(len(m.tokens) for m in same)
    return longest, frozenset(" ".join(m.tokens) for m in same if len(m.tokens) == longest)


def _resolve_description(
    mention: Mention,
    index: int,
    items: list[Mention],
    profile: dict[str, Mention],
    name_starts: dict[str, list[int]],
) -> str:
    """Canonical name for a definite description (role and places), by recency: the fitting person
    named last before it, else first after it (a bisection in each candidate's ``name_starts``).
    A generic role that is no office (*the Pakistani diplomat*) fits only a person registered with
    that very role: it is not the prime minister the article named, and stays a description; so
    does a description without a role (*many Varnby traders*)."""
    role = next(iter(mention.roles), "")
    places = {p for p in mention.places if p}
    if not role or (role in GENERIC_ROLES and not places):
        return ""  # "the official": too vague to name anyone
    strict = role in GENERIC_ROLES and role not in OFFICE_ROLES
    candidates = []
    for name, entry in profile.items():
        if places and not places <= entry.places:
            continue
        if strict and role not in entry.roles:
            continue
        if not roles_compatible(role, entry.roles) and not (places and role in GENERIC_ROLES):
            continue
        if not places and role in GENERIC_ROLES and not entry.roles:
            continue
        candidates.append(name)
    if not candidates:
        return "" if strict else _recent_person(mention, index, items, profile)
    last_seen: dict[str, int] = {}
    first_after: dict[str, int] = {}
    for name in candidates:
        starts = name_starts.get(name, [])
        cut = bisect.bisect_left(starts, mention.start)
        if cut:
            last_seen[name] = starts[cut - 1]
        if cut < len(starts):
            first_after[name] = starts[cut]
    if last_seen:
        return max(last_seen, key=lambda name: last_seen[name])
    if first_after:
        return min(first_after, key=lambda name: first_after[name])
    return ""


def _recent_person(
    mention: Mention, index: int, items: list[Mention], profile: dict[str, Mention]
) -> str:
    """Fallback for a description no registered person fits ("the Texas governor" when the article
    never says Perry governs Texas): the last person named in the 600 characters before it, unless
    that person's known places or gender contradict the description. ``items`` are sorted by start
    and ``items[index]`` is ``mention``: the look-back starts there, not at the article's end."""
    for other in (items[back] for back in range(index - 1, -1, -1)):
        if other.start >= mention.start or other.kind != "name" or not other.person:
            continue
        if mention.start - other.end > 600:
            break
        entry = profile.get(other.canonical)
        if entry is None:
            continue
        places = {p for p in mention.places if p}
        if places and entry.places and not places & entry.places:
            continue
        if mention.gender and entry.gender and mention.gender != entry.gender:
            continue
        return other.canonical
    return ""


_JOINED = re.compile(r",?\s+and\s+|,\s+")


#: A sentence-opening participle clause, with or without a subordinator, up to its comma and the
#: subject pronoun right after it (*Since naming Dahl his deputy, he*; *Asked about Dahl, she*):
#: the clause's understood subject is the main clause's (Quirk et al. 1985, 15.58, the attachment
#: rule), so no name inside it is the pronoun's antecedent.
_OPENING_PARTICIPLE = re.compile(
    r"(?:(?:[Ss]ince|[Aa]fter|[Bb]efore|[Ww]hile|[Ww]hen|[Uu]pon|[Oo]n)\s+)?"
    r"[A-Za-z][a-z]{2,}(?:ing|ed)\b[^,;:\"]{0,150},\s*$"
)


def _resolve_pronoun(mention: Mention, index: int, mentions: MentionFinder) -> str:
    """Hobbs-style recency: this sentence before the pronoun, then earlier sentences, left to right;
    a resolved pronoun of the same gender met first passes its antecedent on (a coreference
    chain)."""
    wanted = mention.gender
    if wanted == "plural":
        return _joint_antecedent(mention, mentions)
    if wanted in ("first", "second"):
        return ""
    sentence = mentions.sentence_of(mention.start)
    items = mentions.items
    for back in range(0, PRONOUN_WINDOW + 1):
        number = sentence - back
        if number < 0:
            break
        lower, upper = mentions.sentences[number]
        upper = mention.start if back == 0 else upper
        if back == 0 and (adjunct := _OPENING_PARTICIPLE.match(mentions.text, lower, upper)):
            lower = adjunct.end()  # "Since naming Dahl his deputy, he": his subject, not Dahl
        found = mentions.between(lower, upper)
        if back == 0:  # "Of Obama, he said": a fronted prepositional phrase is not the antecedent
            found = [
                m
                for m in found
                if not (
                    m.prep and re.fullmatch(r"\s*\w+\s+(?:the\s+)?", mentions.text[lower : m.start])
                )
            ]
        ordered = [m for m in found if not m.prep] + [m for m in found if m.prep]
        for other in ordered:
            if other is mention:
                continue
            if not other.canonical:
                if _unnamed_antecedent(other, wanted):
                    return ""  # "the Pakistani diplomat said ... He added": that unnamed person
                continue
            if wanted == "neuter":
                if other.kind == "organisation" and not is_mere_place(other):
                    return other.canonical  # "it" is an organisation, a country or a capital
                continue
            if other.kind == "pronoun" and other.gender == wanted and not other.prep:
                return other.canonical  # "He said Obama ... Of Obama, he said": he, not Obama
            if other.kind == "pronoun" or not (
                other.person and other.kind in {"name", "description"}
            ):
                continue
            if other.gender and other.gender != wanted:
                continue
            return other.canonical
    del items
    return ""


def _joint_antecedent(mention: Mention, mentions: MentionFinder) -> str:
    """*They* after coordinated names (*Khan and Rohani met ... they said*) stands for them jointly:
    their canonical names, ``"; "``-joined in text order. The nearest candidate in this sentence
    and the one before decides: an unnamed group met first (*officials ... they*) or no names
    coordinated by *and* leave *they* unresolved (a single name is no antecedent of *they*, nor
    are a city and its state: *in Varnby, Ostland*)."""
    sentence = mentions.sentence_of(mention.start)
    lower = mentions.sentences[max(0, sentence - 1)][0] if mentions.sentences else 0
    found = [m for m in mentions.between(lower, mention.start) if not (m.prep or m.possessive)]
    for position in range(len(found) - 1, 0, -1):
        last = found[position]
        if last.kind == "group":
            return ""
        first = position  # walk back over the names joined to the last one
        while first > 0 and _JOINED.fullmatch(
            mentions.text, found[first - 1].end, found[first].start
        ):
            first -= 1
        joint = found[first : position + 1]
        names = list(dict.fromkeys(m.canonical for m in joint if m.canonical))
        coordinated = " and " in mentions.text[joint[0].end : joint[-1].start]
        if coordinated and len(names) == len(joint) and not any(map(is_mere_place, joint)):
            return "; ".join(names)
    return ""


def _unnamed_antecedent(other: Mention, wanted: str) -> bool:
    """A person description with no name (*the Pakistani diplomat*, *the official*) of the wanted
    gender, as a subject: the nearest antecedent in Hobbs's order, so the pronoun names no one."""
    return (
        wanted in {"m", "f"}
        and other.kind == "description"
        and other.person
        and not other.prep
        and other.gender in {"", wanted}
    )
