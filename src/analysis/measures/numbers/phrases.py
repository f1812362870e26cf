"""What a number counts: the counted noun phrase, its head and the casualty test (see
:mod:`analysis.measures.numbers`, "Counted phrase" and "Kind")."""

from __future__ import annotations

import re

from analysis.text.lexicon import (
    GLUED_IDIOMS,
    HEAD_SYNONYMS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PLURALS,
    LOWER_CASE_STOPS,
    NOUNS_ED_ING,
    PERSON_HEADS,
    PHRASE_STOP_WORDS,
)

MAX_WORDS = 5  # words of the counted noun phrase before "of" / "and"
MAX_OF_WORDS = 6  # words of the "of" attachment ("Islamic Revolutionary Guards Corps")
CASUALTY_WINDOW = 6  # words between a kill word and the number
_CLASS_OF = {word: name for name, group in HEAD_SYNONYMS.items() for word in group}
_WORD = re.compile(r" (?P<w>(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'][^\W\d_]+)*)")
_GLUED_WORD = re.compile(r"-(?P<w>[^\W\d_]+)(?![\w-])")
_OF = re.compile(r" of(?= )")
_DETERMINER = re.compile(r" (?:the|a|an|these|those|its|their|his|her|our|this|that)(?= )", re.I)
_COORD = re.compile(r" (?:and|or)(?= )")
_OF_BEFORE = re.compile(r"(?<![\w-])(?P<w>[^\W\d_]+) of\s+$")
KILL_WORDS = re.compile(
    r"\b(?:kill(?:s|ed|ing|ings)?|die[ds]?|dying|dead|deaths?|wound(?:s|ed|ing)?|"
    r"injur(?:e|es|ed|ing|y|ies)|casualt(?:y|ies)|fatalit(?:y|ies)|massacred?|massacring|slain|"
    r"slaughter(?:s|ed|ing)?|murder(?:s|ed|ing)?|executed|lost\s+their\s+lives|"
    r"claimed\s+the\s+lives|toll)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:!?]|\s[-–—]\s")
WORD_TOKENS = re.compile(r"[\w']+")


def lemma(word: str) -> str:
    """Lower-cased singular of a noun by rule: soldiers → soldier, casualties → casualty, men → man."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if low.endswith("men") and len(low) > 4:  # policemen, gunmen, servicemen
        return low[:-3] + "man"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low


def head_class(head: str) -> str:
    """The synonym group of a head noun (:data:`HEAD_SYNONYMS`), else the head itself."""
    return _CLASS_OF.get(head, head)


def is_person(head: str, surface: str) -> bool:
    """Whether a counted head is people: a person noun, or a capitalised nationality plural."""
    if head in PERSON_HEADS:
        return True
    # capitalised nationality plurals: Afghans, Pakistanis, Iraqis, Americans
    return surface[:1].isupper() and surface.endswith(("ans", "is", "ese")) and len(surface) > 4


def _nounish(word: str) -> bool:
    low = word.lower()
    return (
        lemma(low) in PERSON_HEADS
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")))
        or word[:1].isupper()
    )


def _is_participle(word: str) -> bool:
    """A past or present participle by its ending (``based``, ``died``, ``fleeing``) or by list."""
    low = word.lower()
    if low in NOUNS_ED_ING:
        return False
    if low in IRREGULAR_PARTICIPLES:
        return True
    return (low.endswith("ed") and len(low) >= 4) or (low.endswith("ing") and len(low) > 5)


def join_words(first: str, second: str) -> str:
    """Two descriptions joined by ``"; "`` (the second alone when the first is empty)."""
    return f"{first}; {second}" if first else second


def _noun_phrase(s: str, position: int, limit: int) -> tuple[list[re.Match[str]], int]:
    """Words of a noun phrase starting at ``position`` (each preceded by one space)."""
    taken: list[re.Match[str]] = []
    while len(taken) < limit:
        word = _WORD.match(s, position)
        if word is None:
            break
        low = word["w"].lower()
        if low in PHRASE_STOP_WORDS or low == "of" or (taken and word["w"] in LOWER_CASE_STOPS):
            break
        if _is_participle(word["w"]):
            if taken and _nounish(taken[-1]["w"]):
                break  # organizations based in ..., Soldiers Killed
            if word["w"][:1].isupper():
                taken.append(word)  # a name (Ahmed), unless it follows a noun
                position = word.end()
                continue
            following = _WORD.match(s, word.end())
            if following is None or following["w"].lower() in PHRASE_STOP_WORDS | {"of"}:
                break  # "27 killed." has no noun after the participle
        taken.append(word)
        position = word.end()
    return taken, position


def counted_phrase(s: str, end: int, start: int, measure: bool) -> tuple[str, str, str, int]:
    """Counted phrase, head lemma, head as written, and where the phrase ends (``end`` if none)."""
    nothing = ("", "", "", end)
    glued = _GLUED_WORD.match(s, end)
    phrase_start = phrase_end = None
    head_word = ""
    position = end
    if glued:
        if glued["w"].lower() in GLUED_IDIOMS:
            return nothing
        phrase_start, phrase_end, position = glued.start("w"), glued.end(), glued.end()
        head_word = glued["w"]  # "14-member delegation": the glued noun is what is counted
    first, position = _noun_phrase(s, position, MAX_WORDS)
    if first:
        phrase_start = first[0].start("w") if phrase_start is None else phrase_start
        phrase_end = first[-1].end()
        head_word = head_word or first[-1]["w"]
    # one coordinated person noun: "soldiers and members of ..."
    coordination = _COORD.match(s, position)
    if first and coordination and lemma(head_word) in PERSON_HEADS:
        second, after = _noun_phrase(s, coordination.end(), MAX_WORDS)
        if second and lemma(second[-1]["w"]) in PERSON_HEADS:
            phrase_end, position = second[-1].end(), after
    # one "of" attachment: "members of the Islamic Revolutionary Guards Corps"; or, right after
    # the number, the object of "of" is what is counted: "dozens of people", "two of the soldiers"
    of = _OF.match(s, position)
    if of:
        determiner = _DETERMINER.match(s, of.end())
        obj, _ = _noun_phrase(s, determiner.end() if determiner else of.end(), MAX_OF_WORDS)
        if obj:
            worth = [word["w"].lower() for word in first] == ["worth"] and not glued
            if phrase_start is None or worth:
                phrase_start, head_word = obj[0].start("w"), obj[-1]["w"]
            phrase_end = obj[-1].end()
    if phrase_start is None or phrase_end is None:
        if measure:  # "a frontier of more than 900-kilometers": the noun before "of"
            previous = _OF_BEFORE.search(s[:start])
            if previous and previous["w"].lower() not in PHRASE_STOP_WORDS:
                return previous["w"], lemma(previous["w"]), previous["w"], end
        return nothing
    return s[phrase_start:phrase_end], lemma(head_word), head_word, phrase_end


def is_casualty(s: str, start: int, counted_end: int) -> bool:
    """A kill word governs the number: shortly before it in the same clause, or right after it."""
    before = s[:start]
    last = None
    for last in KILL_WORDS.finditer(before):  # noqa: B007 - the last match is wanted
        pass
    if last is not None:
        gap = before[last.end() :]
        if len(WORD_TOKENS.findall(gap)) <= CASUALTY_WINDOW and not _CLAUSE_BREAK.search(gap):
            return True
    after = s[counted_end:]
    following = re.match(r"(?:\s+[\w']+){0,3}", after)
    window = following.group() if following else ""
    return bool(KILL_WORDS.search(window)) and not re.search(r"[,.;:]", window)
