"""Speakers that are not names of people or organisations: a check shared by the attribution benchmarks.

A record's speaker (each canonical name of ``speaker``, ``"; "``-separated) is counted as

* ``place``: the country/place gazetteer of :func:`analysis.text.names.gazetteer.actor_type` calls
  it a country or a place (a country's name, a capital, a name ending in a place word such as
  *River*, *County*), or it is one of the lexicon's multi-word places (*New York*, *Wall Street*)
  that the gazetteer does not type as an organisation (*White House*, *European Union*: an
  institution named by its seat is a source, as a government named by its capital is);
* ``common word``: a one-word speaker that the same article also writes in lower case (*Local*,
  *Emergency*) or that is a lexicon function, group or role word (*Others*, *Officials*,
  *Councillor*), unless the article capitalises it after a lower-case word too (so a party's
  members, *the Republicans said*, and a newspaper, *the Post said* beside *a blog post*, are
  names): the evidence for common words and proper nouns of Mikheev 2002, "Periods, capitalized
  words, etc.", Computational Linguistics 28(3).

Countries and capitals are kept apart from other places in the counts (both under ``country``): a
government named by its country or capital (*Iran said*, *Washington says*) is metonymy, a
legitimate source, while a river, a county or a common word is never a speaker. A country's state
or province (``state``: *Ohio*, *Balochistan*; the gazetteer's first-level subdivisions) is counted
apart too: it is a polity that can act (*Nebraska and Oklahoma asked the Supreme Court*) but is
more often a place (*the Ohio primary*), so its records are worth reading. The check reads only the record and the article text;
it is a measurement, not a rule of the extractor.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from analysis.text.lexicon import COMMON_WORDS, GROUP_NOUNS, PLACES, ROLE_WORDS
from analysis.text.names.gazetteer import actor_type, is_capital, is_region

_LOWER_WORDS = re.compile(r"(?<![\w.])[a-z][a-z'-]+")
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,] )[A-Z][a-z'-]+")
_COMMON = COMMON_WORDS | GROUP_NOUNS | frozenset(ROLE_WORDS)


def speaker_kind(name: str, lower_words: set[str], proper_words: set[str] = frozenset()) -> str:
    """'country', 'state', 'place', 'common word' or '' (a plausible person or organisation name);
    ``lower_words``: the article's lower-case words; ``proper_words`` (lower-cased): the words it
    capitalises after a lower-case word."""
    kind = actor_type(name, True)
    if kind == "country" or is_capital(name):
        return "country"
    if is_region(name):
        return "state"
    if kind == "place" or (name.lower() in PLACES and kind != "organisation"):
        return "place"
    words = name.split()
    if len(words) == 1:
        word = words[0].strip(".").lower()
        plain = word[:-2] if word.endswith("'s") else word
        if (plain in lower_words or plain in _COMMON) and plain not in proper_words:
            return "common word"
    return ""


def non_name_speakers(text: str, quotes: pd.DataFrame) -> Counter:
    """Counts of (kind, speaker) over the records of one article whose speaker is no name."""
    lower_words = set(_LOWER_WORDS.findall(text))
    proper_words = {word.lower() for word in _CAPITALISED_INSIDE.findall(text)}
    found: Counter = Counter()
    for speaker in quotes["speaker"]:
        for name in str(speaker).split("; "):
            kind = speaker_kind(name, lower_words, proper_words) if name else ""
            if kind:
                found[(kind, name)] += 1
    return found


def summary(found: Counter) -> str:
    """One line per kind: record count and the most frequent speakers."""
    lines = []
    for kind in ("country", "state", "place", "common word"):
        names = Counter({name: n for (k, name), n in found.items() if k == kind})
        top = ", ".join(f"{name} {n}" for name, n in names.most_common(12))
        lines.append(f"  {kind}: {sum(names.values())} records ({len(names)} names): {top}")
    return "\n".join(lines)
