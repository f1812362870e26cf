"""Lone sentence openers that are common words, not names (used by
:mod:`analysis.measures.speakers.mentions`).

English capitalises every sentence's first word, so a lone capitalised word opening a sentence is ambiguous; the evidence used is the document's own (Mikheev
2002, "Periods, capitalized words, etc.", Computational Linguistics 28(3): a word is a proper name
when the same document writes it capitalised where capitals are not forced). A one-word name run
that opens its sentence without a title, followed by no further capitalised word, is no person when
the article never writes that word capitalised elsewhere (with a first name or a title, inside a
longer name, or in mid-sentence: *Theresa May*, *Sen. Brown* keep *May*, *Brown*), it is no known
first name or organisation acronym (*NBC*; an organisation word alone, *Media*, is common), and it
is a group noun of the lexicon (*Polls show*, *Aides said*) or a frequent English word, at least
:data:`OPENER_FREQUENCY` in wordfreq's English background (:mod:`analysis.measures.background`;
*Audiences*, *Source*, *Having*; a hyphenated word as its closed spelling, *E-mails*) or ends in a
suffix of abstract nouns (*Polarization*). Such a word is read as an
unnamed group (a source without a name, as *officials*), except a participle (*Led by*, *Having*,
*Talking*: a word ending in *-ing* or *-ed*), which is no source at all.
A function word or pronoun (lexicon ``COMMON_WORDS``) left alone after places are split off
(*U.S. He says*) is never a name.
"""

from __future__ import annotations

import re

from analysis.measures.background import background_frequency
from analysis.text.lexicon import FIRST_NAMES, GROUP_NOUNS, SPEAKER_ORG_WORDS
from analysis.text.names import NameSpan

_POSSESSIVE = re.compile(r"'s?$")


OPENER_FREQUENCY = 1e-5
"""Background frequency (Zipf 4: ten per million words) from which a lone sentence-opening word
the article never capitalises elsewhere is read as a common word, not a name (module docstring)."""


def name_key(word: str) -> str:
    """A name word case-folded, without a possessive ending or a trailing period."""
    return _POSSESSIVE.sub("", word).rstrip(".").casefold()


def lone_opener(span: NameSpan) -> bool:
    """Whether the name span is one word opening its sentence without a title."""
    return span.initial and not span.title and len(span.name.split()) == 1


def common_opener(word: str, capitalised: set[str]) -> bool:
    """Whether a lone sentence-opening ``word`` is a common word, not a name (module docstring):
    never capitalised elsewhere (``capitalised``: the case-folded words of the article's other
    name runs), no first name or organisation acronym, and a group noun or a frequent English word
    (*Media shares blame*: an organisation word alone is a common word)."""
    key = name_key(word)
    if key in capitalised or word in FIRST_NAMES or (key in SPEAKER_ORG_WORDS and word.isupper()):
        return False  # an acronym names its organisation alone (NBC); "Media" does not
    return (
        key in GROUP_NOUNS
        or _ABSTRACT_NOUN.search(key) is not None
        or max(background_frequency(key), background_frequency(key.replace("-", "")))
        >= OPENER_FREQUENCY  # a hyphenated spelling counts as its closed one (E-mails, emails)
    )


#: Suffixes that derive abstract nouns (Quirk et al. 1985, Appendix I.29-I.35: *-ity*, *-tion*,
#: *-sion*, *-ism*; not *-ment* or *-ness*, which end names such as *Clement* and *Guinness*): an
#: opener ending in one is a common word however rare (*Polarization*, *Hostility*), as Mikheev
#: (2002) uses suffixes.
_ABSTRACT_NOUN = re.compile(r"\w{3,}(?:ity|ities|tions?|sions?|isms?)$")
_PARTICIPLE = re.compile(r"(?:ing|ed)$")


def participle(word: str) -> bool:
    """Whether a common opener is a participle by its ending (*Having*, *Led*), never a source."""
    return _PARTICIPLE.search(name_key(word)) is not None
