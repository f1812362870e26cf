"""Proper names in clean news text, and which surface names refer to the same actor.

Three steps, each a small, inspectable rule set rather than a trained model:

1. **Candidates** (:func:`name_candidates`, :func:`proper_name_spans`): the one proper-name finder of
   the project (actors count its names; :mod:`analysis.measures.speakers` parses its runs, leading
   title included, into names, roles and places). Runs of capitalised tokens, joined by name
   particles (``al-``, ``bin``, ``de``, ``van`` ...) and by ``of``/``for`` after an organisation word
   or a title (Secretary of State, Director of National Intelligence) or before a run ending in an
   organisation word ("Islamic Republic of Iran", "Defense of Marriage Act"); acronyms (``IRGC``,
   ``U.S.``) and diacritics (``Jaïch``) are kept. A run loses a leading article and a
   sentence-initial common word (:data:`COMMON_WORDS`, -ly adverbs, words also used in lower case in
   the text or, for speakers, in the article: "Leaders", "However", "Rather") or label ("Updated:"),
   but not a sentence-initial title ("Prime Minister Khan"). Months and weekdays break runs (an
   abbreviated month only with its period or before a number: "Jan. 5", but "Gov. Jan Brewer"); a
   month continues a one-word name ("Theresa May"); hyphenated adjectives ("Democratic-controlled"),
   party designations ("R-Texas") and contractions ("I'm") are not names; a leading title ("Iranian
   President", "Prime Minister", "Secretary of State") is split off and reported separately
   (:class:`NameSpan`; ``bare_titles`` also gives a title without a name). A possessive ``'s`` ends
   a name and is not part of it. The rules are heuristics for English news prose (in the tradition
   of rule-based name finders; there is no trained tagger): headlines in title case and
   sentence-initial verbs still yield false candidates.
2. **Normalisation** (:func:`normalise_name`): a deterministic key for comparing transliterations,
   in the spirit of the phonetic and rule-based name standardisation of Christen (2012, "Data
   Matching", Springer, ch. 4): Unicode NFKD with combining marks dropped (UAX #15), case folding,
   leading honorifics and "the" dropped, then the transliteration rules of :data:`RULES` applied to
   each token. The key is for matching only; it is never shown as a name.
3. **Grouping** (:func:`group_aliases`, :func:`alias_table`): surface names are linked pairwise by the
   first rule that applies (:data:`LINK_RULES`, strongest first); links are taken strongest first
   and join two groups only when no pair of their names breaks a cannot-link constraint
   (:data:`CANNOT_LINK`: North/South, Jr./Sr., different first names, a demonym), constrained
   clustering in the sense of Wagstaff et al. (2001, ICML), so that no chain of links merges
   different actors. Only pairs sharing a blocking key are compared (:mod:`.blocking`; no pair a
   rule links is missed), and an actor file's aliases are compared only with the text's names, so
   the cost is about linear in the number of aliases. Each group gets a canonical name: its most
   frequent full form. The similarity used by the ``fuzzy`` rule is :class:`difflib.SequenceMatcher`'s ratio
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

Countries and demonyms (:mod:`analysis.text.names.gazetteer`, data of the ``countryinfo`` package)
type actors and link nationality words to their country as typed mentions (actors).

Nationality adjectives are not names of the country: "Pakistani" is kept apart from "Pakistan"
(a ``demonym`` guard blocks every link between a name and the same name plus a demonym suffix), so
"Pakistani Prime Minister" or "27 Iranian soldiers" never count as mentions of the country.
"""

from __future__ import annotations

from analysis.text.names.aliases import (
    CANNOT_LINK,
    FUZZY_THRESHOLD,
    LINK_RULES,
    RULES,
    acronym,
    alias_table,
    cannot_link,
    group_aliases,
    is_acronym,
    is_demonym_of,
    link_rule,
    name_tokens,
    normalise_name,
    person_like,
    similarity,
)
from analysis.text.names.candidates import (
    NameSpan,
    is_title_case,
    name_candidates,
    proper_name_spans,
)
from analysis.text.names.gazetteer import (
    actor_type,
    country_of,
    demonym_country,
    demonym_of,
    demonym_pattern,
)

__all__ = [
    "CANNOT_LINK",
    "FUZZY_THRESHOLD",
    "LINK_RULES",
    "RULES",
    "NameSpan",
    "acronym",
    "actor_type",
    "alias_table",
    "cannot_link",
    "country_of",
    "demonym_country",
    "demonym_of",
    "demonym_pattern",
    "group_aliases",
    "is_acronym",
    "is_demonym_of",
    "is_title_case",
    "link_rule",
    "name_candidates",
    "name_tokens",
    "normalise_name",
    "person_like",
    "proper_name_spans",
    "similarity",
]
