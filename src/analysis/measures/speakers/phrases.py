"""Noun phrases a name only modifies: *the Clinton campaign*, *Ostmark land records*, *the Varnby
billionaire*. The name is then no speaker; the whole phrase is (see
:mod:`analysis.measures.speakers`, the subject rules, and the place mentions of
:mod:`analysis.measures.speakers.mentions`)."""

from __future__ import annotations

import re

from analysis.text.lexicon import (
    FUNCTION_WORDS,
    GROUP_NOUNS,
    MODIFIED_HEAD_NOUNS,
    PERSON_HEADS,
    ROLE_WORDS,
)

#: Nouns that can head a phrase a name modifies (*the Clinton campaign*, *Varnby council officials*).
HEAD_NOUNS = (
    MODIFIED_HEAD_NOUNS
    | GROUP_NOUNS
    | PERSON_HEADS
    | frozenset(role for role in ROLE_WORDS if " " not in role)
)
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")
_WORD_SPAN = re.compile(r"\S+")
#: A determiner or quantifier and up to two adjectives right before a name (*a new* Varnby poll,
#: *many* Wall Street traders).
_PHRASE_OPENING = re.compile(
    r"\b((?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Mm]any|[Ss]ome|[Ss]everal)"
    r"(?:\s+[a-z][\w-]*){0,2}\s+)\Z"
)
#: How many lower-case words may stand between the name and the head noun's end (*land records*).
_MAX_NOUNS = 3


def adverb_or_function(word: str) -> bool:
    """A function word (*has*, *also*) or an adverb in *-ly* (*recently*)."""
    return word in FUNCTION_WORDS or word.endswith("ly")


def singular_noun(noun: str) -> str:
    """A head noun's singular as the word lists hold it (*allies* → *ally*, *records* → *record*),
    or the noun itself when the lists hold it as written (*police*, *allies*)."""
    if noun in HEAD_NOUNS or not noun.endswith("s"):
        return noun
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]


def modified_phrase(
    text: str, start: int, end: int, upper: int, heads: frozenset[str] = HEAD_NOUNS
) -> tuple[int, int] | None:
    """The span of the noun phrase the name at ``[start, end)`` modifies, else None.

    Up to three lower-case content words follow the name (no function word or *-ly* adverb among
    them, no punctuation inside, all before ``upper``); the phrase ends at the last of them that is
    one of ``heads`` (by default a role, group, person, organisation, document or event noun:
    :data:`HEAD_NOUNS`) and opens
    with the determiner, quantifier and adjectives before the name.
    """
    phrase_end = -1
    for count, word in enumerate(_WORD_SPAN.finditer(text, end, upper)):
        form = word.group().rstrip(",;:.!?")
        if count == _MAX_NOUNS or not _LOWER_WORD.fullmatch(form) or adverb_or_function(form):
            break
        if singular_noun(form.removesuffix("'s")) in heads:
            phrase_end = word.start() + len(form)
        if len(form) < len(word.group()):
            break  # punctuation ends the phrase: "the Varnby council, which"
    if phrase_end < 0:
        return None
    opening = _PHRASE_OPENING.search(text, max(0, start - 40), start)
    return (opening.start(1) if opening else start), phrase_end
