"""Numbers and facts: the quantities each outlet reports, what they count, and how outlets compare.

Method: rule-based numeric expression recognition. A quantity is a number (digits or words) extended by
its approximator, currency, multiplier and unit, plus the noun phrase it counts, read off the sentence
by fixed, documented rules, in the tradition of rule-based quantity extraction (Roy, Vieira & Roth
2015, "Reasoning about Quantities in Natural Language", TACL 3; Saha, Pal & Mausam 2017, "Bootstrapping
for Numerical Open IE", ACL). Why numbers matter for framing: they are credibility devices that make a
report look factual and precise (Koetsenruijter 2011, "Using numbers in news increases story
credibility", Newspaper Research Journal 32(2)); which numbers an outlet gives, and what it says they
count ("27 members of the Revolutionary Guards" vs "27 Iranian soldiers"), is a framing choice.

**What is a quantity** (:func:`extract_numbers`), per sentence of the clean text:

* digits with thousands separators and decimals (``1,200``, ``1.2``); ranges ``10-12``, ``10 to 12``,
  ``between 10 and 12``, ``two or three`` (``value`` is the lower bound, ``approx`` says ``range``);
  a hyphenated pair whose second number is smaller (``3-2``, ``2019-20``) is a score or a season and
  is skipped; ``from 10 to 12`` is a change, so two numbers;
* spelled-out numbers ``one`` .. ``ninety-nine`` (``zero`` is left out: ``ground zero``) combined
  with ``hundred``, ``thousand``, ``lakh``, ``million``, ``crore``, ``billion``, ``trillion``
  (``six million``, ``a hundred and fifty``);
  ``a dozen`` (12), ``half a dozen`` (6), ``half a million``; fractions followed by ``of``/``the``
  (``half of``, ``a third of``, ``two-thirds of``: unit ``fraction``);
* vague plurals followed by ``of`` (``tens``, ``dozens``, ``scores``, ``hundreds``, ``thousands``,
  ``millions``, ``billions``, also ``tens of thousands``): ``value`` is the conventional lower bound,
  twice the base (dozens = 24, hundreds = 200, tens of thousands = 20,000), ``approx`` names the word;
* multipliers after a number: the scale words above and ``bn``, ``mn``, ``mln``, ``tn``, ``k``
  (``1.2bn``; ``m``/``b`` only after a currency symbol, ``$10m``, since ``100m`` may be metres, and
  other glued letters make an ordinal, decade, time or identifier); the value is multiplied out;
* approximators before (``about``, ``around``, ``some``, ``nearly``, ``almost``, ``more than``,
  ``over``, ``at least``, ``up to``, ``as many as``, ``less than`` ...) or after (``or more``,
  ``or so``, ``-plus``), recorded lower-cased in ``approx`` and included in the span.

The span (``text``, ``start``, ``end``: ``text == cleaned.text[start:end]``) covers approximator,
currency symbol, number, multiplier and unit word; never the counted noun phrase.

**Units** (``unit``, normalised): ``money:<code>`` from symbols (``$`` US dollar, ``€``, ``£``, ``¥``,
``₹``, ``Rs``, ``C$`` ...) or words after the number (``dollars``, ``euros``, ``pounds sterling``,
``rupees``, ``rials``, ``riyals``, ``yuan``, ``yen`` ...; ``Pakistani rupees`` is ``money:PKR``, plain
``rupees`` stays ``money:rupee`` because the country is unknown); ``distance:km|m|cm|mile|nmi|ft|yd``
(``900-kilometers``, ``900 km``); ``area:km2|mile2|m2|ha|acre``; ``percent`` and
``percentage_point``; ``fraction``; ``duration:<second..century>`` (``two-day visit``); ``mass:``,
``volume:``, ``power:``. Units are **not converted**: 560 miles stays ``distance:mile`` and never equals
900 km, so the unit column itself marks the outlet's choice. Without a unit word the unit is ``people``
when the counted head is a person noun (:data:`PERSON_HEADS`, or a capitalised nationality plural
such as *Afghans*), ``count`` when something else is counted, ``number`` when nothing is.

**Not quantities** (each rule is a test): years (a bare four-digit integer 1000-2100 that counts
nothing or a non-person thing: ``in 2019``, ``the 2018 budget``; ``2,000 soldiers`` or ``2000
people`` stay counts), dates (a number next to a month name: ``April 22``, ``22 April``), decades
(``1990s``, ``'90s``, ``60s``), times (``3 p.m.``, ``3pm``, ``10:30``, ``o'clock``, ``GMT``), ages
(``25-year-old``, ``25 years old``, ``aged 25``, ``the age of 30``, ``Name, 45,``), points in time
given as durations (``two years ago``, ``three days later``),
ordinals (``first``, ``14th``, ``second``: not in the number vocabulary; a fraction such as ``a
third of`` is the only ordinal-shaped count), identifiers (``F-16``, ``G20``, ``COVID-19``,
``Resolution 2231``, ``No. 10``, ``Flight 370``, ``4G``), and the pronoun uses of *one*: ``one`` is a
quantity only when it measures something (a unit, currency or multiplier), carries an approximator,
or is a casualty count (``killed one soldier``); so ``one of the``, ``no one``, ``one official
said``, ``one another`` are not. A capitalised number word inside a body sentence (``Group of
Seven``) is a name; in headlines and sub-headings (title case) it counts. ``several``, ``many``,
``a few``, ``both`` are not numbers.

**Counted phrase** (``counted``): the noun phrase right after the span, at most :data:`MAX_WORDS` words,
ending before punctuation, a digit, a stop word (prepositions, conjunctions, auxiliaries and common
verbs, pronouns, determiners, time words: :data:`PHRASE_STOP_WORDS`) or a participle after a noun
(``organizations based in``); a participle before the noun is a modifier (``14 wounded soldiers``).
Then one ``of``-attachment is added (``members`` + ``of the Islamic Revolutionary Guards Corps``, up
to :data:`MAX_OF_WORDS` words, capitalised names included) and one coordinated person noun
(``soldiers and members of the Pakistani security forces``). When the span is followed directly by
``of`` (``dozens of people``, ``two of the soldiers``, ``5 percent of the vote``), the counted phrase is
the object of ``of``, without its determiner. A hyphenated noun glued to the number (``14-member
delegation``) opens the counted phrase and is its head. For measures with nothing after them, the noun
of a preceding ``<noun> of`` is taken (``a frontier of more than 900-kilometers`` → ``frontier``).
``head`` is the phrase's head noun (the last word before ``of``/``and``; the glued noun; else the last
word), lower-cased and singularised by rule (``soldiers`` → ``soldier``, ``casualties`` →
``casualty``, ``men`` → ``man``; ``people`` stays).

**Kind**: ``money``, ``distance`` (lengths and areas), ``percent`` (percentages and fractions),
``duration``, ``casualty`` (a count of people with a kill/die/dead/wound/injure word at most
:data:`CASUALTY_WINDOW` words before the span in the same clause, as in ``killed 27 Iranian soldiers``
and ``killing of 14 Pakistani soldiers``, or at most 3 words after the counted phrase, as in ``14
soldiers were killed``; a bare number within 3 words after such a word, ``a blast that killed 27``,
or right before one, ``27 dead``, becomes a casualty count of ``people``), ``people`` (other counts
of people), ``other``. Deterministic: plain precompiled regular expressions, no model.

**Matching across outlets** (:func:`match_numbers`), within each event (``event_id``). Each number first
gets a ``role``, what it counts in the event (:mod:`analysis.measures.numbers.roles`): a person frame
(``killed``, ``injured``, ``in serious condition`` …, from cue words in its clause; a bare number such as
"three of them in serious condition" counts people then), the purpose of a sum of money (``repairs``,
``damage``, ``aid`` …), else the counted head's class; empty when unknown ("6,000 people a day").

1. Same fact: equal value and unit family, and the same role when either has one (so 4 killed ≠ 4
   injured; how the dead are described may differ). Without a role: the same kind and, for counts,
   compatible heads (same head class, :func:`head_class`, synonym groups of :data:`HEAD_SYNONYMS`).
   Bare numbers (unit ``number``, no person frame) are never matched across outlets. Same facts are
   joined transitively. A fact reported by ≥ 2 outlets is **reported alike** when every mention has the
   same counted phrase and approximator (lower-cased, articles dropped), else **different description**
   (e.g. VOA "14 Pakistani soldiers" vs RFI "14 soldiers and members of the Pakistani security forces";
   "12 people" vs "at least a dozen people").
2. Different value: facts (of one outlet or several) with the same known role and unit family, from
   outlets that do not overlap and with compatible heads (at most one specific head class: "people"
   agrees with "soldiers", "soldiers" does not with "civilians"), are joined into one row, greedily in
   a fixed order: 12 vs 11 injured vs "at least a dozen" hurt; 1.2 vs 1.5 million euros for repairs.
   Two facts of the same role that one outlet both reports (27 and 14 killed) stay apart.
3. Everything else: **one outlet only**.

The approximator stays with each number (``approx``, and in the span shown side by side).
Match ids are content keys, so they do not depend on row order: ``kind/unit/value[/role or head class]``
(``casualty/people/14/killed``, ``money/money:USD/10000000000/investment``,
``other/count/3/organization``), bare numbers add the outlet, and different-value matches give the role
and list their values (``casualty/people/injured/11~12``).
:func:`side_by_side` lays the matches out for reading: one row per match id, one column per outlet with
the surface text and its counted phrase as the sentence has them (``14 Pakistani soldiers``; a phrase
not right after the number is added in brackets), ``—`` where the outlet has no such number, sorted by
status (the order of :data:`MATCH_STATUSES`) and match id.

Limitations: English only; no syntax parser, so the counted phrase and the casualty test are
window heuristics (a kill word in a neighbouring clause can be taken as governing); ``member`` is in
the soldier group even when it means a member of a militant group; vague plurals get conventional
values; a range keeps only its lower bound in ``value``; numbers inside quotations count like any other.
"""

from __future__ import annotations

import pandas as pd

from analysis.evidence import mark
from analysis.measures.numbers.matching import MATCH_STATUSES, MISSING, match_numbers, side_by_side
from analysis.measures.numbers.phrases import (
    CASUALTY_WINDOW,
    MAX_OF_WORDS,
    MAX_WORDS,
    head_class,
    lemma,
)
from analysis.measures.numbers.quantities import Quantity, find_quantities
from analysis.text.document import Document

__all__ = [
    "CASUALTY_WINDOW",
    "COLUMNS",
    "MATCH_STATUSES",
    "MAX_OF_WORDS",
    "MAX_WORDS",
    "MISSING",
    "Quantity",
    "extract_numbers",
    "find_quantities",
    "head_class",
    "lemma",
    "match_numbers",
    "numbers_table",
    "side_by_side",
]


COLUMNS = ["event_id", "outlet", "article", "number", "value", "text", "start", "end", "unit",
           "approx", "counted", "head", "kind", "sentence_start", "sentence_end", "evidence"]  # fmt: skip


def extract_numbers(cleaned: Document) -> pd.DataFrame:
    """Every quantity of one clean article, in text order (columns :data:`COLUMNS`)."""
    rows = []
    text = cleaned.text
    for sentence in cleaned.sentences:
        title_case = sentence.block_kind in ("headline", "heading")
        for quantity in find_quantities(sentence.text, sentence.start, title_case):
            left = quantity.start - sentence.start
            right = quantity.end - sentence.start
            marked = mark(sentence.text, left, right)
            assert text[quantity.start : quantity.end] == quantity.text
            rows.append(
                {
                    "event_id": cleaned.article.event_id,
                    "outlet": cleaned.article.outlet,
                    "article": cleaned.id,
                    "number": len(rows),
                    "value": quantity.value,
                    "text": quantity.text,
                    "start": quantity.start,
                    "end": quantity.end,
                    "unit": quantity.unit,
                    "approx": quantity.approx,
                    "counted": quantity.counted,
                    "head": quantity.head,
                    "kind": quantity.kind,
                    "sentence_start": sentence.start,
                    "sentence_end": sentence.end,
                    "evidence": marked,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS).astype(
        dict.fromkeys(["number", "start", "end", "sentence_start", "sentence_end"], int)
        | {"value": float}
    )


def numbers_table(cleaned: list[Document]) -> pd.DataFrame:
    """The quantities of every article of an event, sorted by outlet, article and offset."""
    tables = [extract_numbers(item) for item in cleaned]
    tables = [table for table in tables if len(table)]
    if not tables:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(tables, ignore_index=True)
    return table.sort_values(["outlet", "article", "start"], kind="stable").reset_index(drop=True)
