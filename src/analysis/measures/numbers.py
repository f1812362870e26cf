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

**Matching across outlets** (:func:`match_numbers`), within each event (``event_id``):

1. Same fact: two numbers are the same fact when value, unit and kind are equal and: for measures
   (money, distance, duration, percent, ...) nothing more; for casualty counts nothing more (how the
   dead are described is exactly what differs between outlets); for other counts of people and
   things, the heads are compatible (same head class, :func:`head_class`: a lemma or a synonym group
   from :data:`HEAD_SYNONYMS`, e.g. soldier/member/troop/personnel/guard; refugee/migrant). Bare
   numbers (unit ``number``) are never matched across outlets. Same facts are joined transitively.
   A fact reported by ≥ 2 outlets is **reported alike** when every mention has the same counted
   phrase and approximator (lower-cased, articles dropped), else **different description** (e.g. VOA
   "14 Pakistani soldiers" vs RFI "14 soldiers and members of the Pakistani security forces").
2. Facts still in one outlet only are joined across outlets when they share unit, kind and a non-empty
   head class but differ in value: **different value** (casualty counts that disagree). Facts already
   matched in step 1 do not take part (a limitation for events with three or more outlets).
3. Everything else: **one outlet only**.

Match ids are content keys, so they do not depend on row order: ``kind/unit/value[/head class]``
(``casualty/people/14``, ``money/money:USD/10000000000``, ``other/count/3/organization``), bare numbers
add the outlet, and different-value matches list their values (``casualty/people/soldier/14~20``).
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

import re
from dataclasses import dataclass

import pandas as pd

from analysis.disjoint_sets import DisjointSets
from analysis.evidence import mark
from analysis.text.cleaning import CleanArticle
from analysis.text.lexicon import (
    FRACTIONS,
    GLUED_IDIOMS,
    HEAD_SYNONYMS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PLURALS,
    LOWER_CASE_STOPS,
    NOUNS_ED_ING,
    ONES,
    PERSON_HEADS,
    PHRASE_STOP_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL_NUMBERS,
    TEENS,
    TENS,
    VAGUE_PLURALS,
)
from analysis.text.segment import split_sentences

__all__ = [
    "CASUALTY_WINDOW",
    "COLUMNS",
    "HEAD_SYNONYMS",
    "MATCH_STATUSES",
    "MAX_OF_WORDS",
    "MAX_WORDS",
    "PERSON_HEADS",
    "PHRASE_STOP_WORDS",
    "Quantity",
    "extract_numbers",
    "find_quantities",
    "head_class",
    "lemma",
    "match_numbers",
    "numbers_table",
    "side_by_side",
]

MAX_WORDS = 5  # words of the counted noun phrase before "of" / "and"
MAX_OF_WORDS = 6  # words of the "of" attachment ("Islamic Revolutionary Guards Corps")
CASUALTY_WINDOW = 6  # words between a kill word and the number

COLUMNS = ["event_id", "outlet", "article", "number", "value", "text", "start", "end", "unit",
           "approx", "counted", "head", "kind", "sentence_start", "sentence_end", "evidence"]  # fmt: skip
MATCH_STATUSES = ("reported alike", "different description", "different value", "one outlet only")
MISSING = "—"

# ---------------------------------------------------------------------------------------------------
# Vocabulary


_CLASS_OF = {word: name for name, group in HEAD_SYNONYMS.items() for word in group}


# ---------------------------------------------------------------------------------------------------
# Patterns


def _alt(words) -> str:
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_BASIC = rf"(?:(?:{_alt(TENS)})(?:-(?:{_alt(ONES)}))?|{_alt(TEENS)}|{_alt(ONES)})(?![\w])"
_SCALE = rf"(?:{_alt(SCALES)})(?![\w])"
_WORDNUM = (
    rf"(?<![\w-])(?:{_BASIC}|an?(?=\s+{_SCALE}))"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_SCALE}|{_BASIC}))*"
)
_DIGITS_BODY = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
_DIGITS = rf"(?<![\w.,:/-]){_DIGITS_BODY}"
_VAGUE_RE = (
    rf"(?<![\w-])(?P<vague>{_alt(VAGUE_PLURALS)})(?:\s+of\s+(?P<vague2>hundreds|thousands|millions|"
    r"billions))?(?=\s+of\s)"
)
_ADOZEN = rf"(?<![\w-])(?P<half>half\s+)?an?\s+(?P<adozen>dozen|{_alt(SCALES)})(?![\w])"
_FRAC = (
    rf"(?<![\w-])(?:(?P<fnum>a|an|one|{_alt(w for w in SMALL_NUMBERS if w != 'one')})"
    rf"[\s-]+(?P<fden>{_alt(FRACTIONS)})|(?P<fhalf>half))(?=\s+(?:of|the)\s)"
)
_CORE = re.compile(
    rf"{_VAGUE_RE}|{_ADOZEN}|{_FRAC}|(?P<digits>{_DIGITS})|(?P<words>{_WORDNUM})", re.IGNORECASE
)
_WORD_TOKEN = re.compile(rf"{_BASIC}|{_SCALE}|an?\b|and\b", re.IGNORECASE)

_APPROX_BEFORE = re.compile(
    r"(?<![\w-])(?P<approx>about|around|approximately|roughly|nearly|almost|some|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|as\s+few\s+as|close\s+to|no\s+fewer\s+than|no\s+more\s+than|"
    r"no\s+less\s+than|upwards\s+of|in\s+excess\s+of|just\s+over|just\s+under|well\s+over|"
    r"an\s+estimated|estimated)\s+$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(r"\s+or\s+(?P<approx>more|so)(?![\w])|(?P<plus>-plus(?![\w])|\+)")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w$])(?P<code>US\$|C\$|A\$|HK\$|S\$|Rs\.?|USD|EUR|GBP|PKR|INR|IRR|SAR|AED)\s?"
    r"|(?P<symbol>[$€£¥₹]))$"
)
_CURRENCY_CODES = {"US$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "S$": "SGD", "Rs": "rupee",
                   "Rs.": "rupee", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}  # fmt: skip
_CURRENCY_WORD = (
    r"(?:(?P<cadj>US|U\.S\.|American|Canadian|Australian|Hong\s+Kong|Singapore|Pakistani|Indian|"
    r"Iranian|Saudi|Emirati|UAE|Afghan)\s+)?(?P<cur>dollars?|euros?|pounds?\s+sterling|rupees?|"
    r"rials?|riyals?|tomans?|yuan|renminbi|yen|dirhams?|afghanis?)(?![\w])"
)
_CURRENCY_AFTER = re.compile(rf"(?:\s+|-)(?:of\s+)?{_CURRENCY_WORD}")
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "rupee": "rupee",
                   "rial": "rial", "riyal": "riyal", "toman": "toman", "yuan": "CNY",
                   "renminbi": "CNY", "yen": "JPY", "dirham": "dirham", "afghani": "AFN"}  # fmt: skip
_CURRENCY_ADJ = {("dollar", "canadian"): "CAD", ("dollar", "australian"): "AUD",
                 ("dollar", "hong kong"): "HKD", ("dollar", "singapore"): "SGD",
                 ("rupee", "pakistani"): "PKR", ("rupee", "indian"): "INR",
                 ("rial", "iranian"): "IRR", ("riyal", "saudi"): "SAR",
                 ("dirham", "emirati"): "AED", ("dirham", "uae"): "AED",
                 ("afghani", "afghan"): "AFN"}  # fmt: skip

# (pattern, unit); kind follows from the unit's prefix
_UNITS: list[tuple[str, str]] = [
    (r"%", "percent"),
    (r"percentage\s+points?", "percentage_point"),
    (r"per\s*cent|percent", "percent"),
    (r"(?:square|sq\.?)\s+(?:kilomet(?:er|re)s?|kms?)|km2|km²", "area:km2"),
    (r"(?:square|sq\.?)\s+(?:miles?|mi)", "area:mile2"),
    (r"(?:square|sq\.?)\s+met(?:er|re)s?", "area:m2"),
    (r"hectares?", "area:ha"),
    (r"acres?", "area:acre"),
    (r"nautical\s+miles?", "distance:nmi"),
    (r"kilomet(?:er|re)s?|kms?", "distance:km"),
    (r"centimet(?:er|re)s?|cm", "distance:cm"),
    (r"met(?:er|re)s?", "distance:m"),
    (r"miles?", "distance:mile"),
    (r"feet|foot|ft", "distance:ft"),
    (r"yards?", "distance:yd"),
    (r"seconds?", "duration:second"),
    (r"minutes?", "duration:minute"),
    (r"hours?", "duration:hour"),
    (r"days?", "duration:day"),
    (r"weeks?", "duration:week"),
    (r"months?", "duration:month"),
    (r"years?", "duration:year"),
    (r"decades?", "duration:decade"),
    (r"century|centuries", "duration:century"),
    (r"metric\s+tons?|tonnes?", "mass:tonne"),
    (r"tons?", "mass:ton"),
    (r"kilograms?|kilos?|kg", "mass:kg"),
    (r"pounds?|lbs?", "mass:lb"),
    (r"barrels?", "volume:barrel"),
    (r"lit(?:er|re)s?", "volume:l"),
    (r"gallons?", "volume:gal"),
    (r"cubic\s+met(?:er|re)s?", "volume:m3"),
    (r"megawatts?|MW", "power:MW"),
    (r"gigawatts?|GW", "power:GW"),
    (r"kilowatts?|kW", "power:kW"),
]
_UNIT_RE = re.compile(
    r"(?P<sep>\s+|-|)(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS)) + r")"
    r"(?![\w%])",
    re.IGNORECASE,
)
_KIND_OF_PREFIX = {"money": "money", "distance": "distance", "area": "distance",
                   "percent": "percent", "percentage_point": "percent", "fraction": "percent",
                   "duration": "duration"}  # fmt: skip

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?{_MONTH}\b")
_TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.?|p\.m\.?|am|pm|o'clock|GMT|UTC|local\s+time)(?![\w])|:\d", re.IGNORECASE
)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages|age\s+of)\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"(?:-|\s+)old\b|-olds?\b", re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s+(?:ago|earlier|later)\b", re.IGNORECASE)
_NAME_COMMA = re.compile(r"[A-Z][\w'-]+,\s$")
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Resolution|Article|Flight|Route|Chapter|Section|Room|Highway|"
    r"Interstate|Paragraph|Phase|Level|Category|Grade|Page|Platform|Gate|Terminal|Boeing|Airbus|"
    r"Model|Version|Channel|Pier|Bill|Act|Proposition|Prop|Amendment|Precinct|District|Ward|"
    r"Unit|Squad|Title|Rule|Code|Volume|Vol|Issue|Episode|Season|Part|Step|Stage|Item|Exhibit|"
    r"Tier|Apollo|Windows|Formula|Camp|Block|Sector|Zone|Lane|Street|Avenue|Road)\.?|#)\s*$"
)
_RANGE_AFTER_DIGITS = re.compile(rf"(?P<sep>\s?[-–—]\s?|\s+(?:to|or)\s+)(?P<hi>{_DIGITS_BODY})")
_RANGE_AFTER_WORDS = re.compile(rf"\s+(?P<sep>to|or)\s+(?P<hi>{_WORDNUM})", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_DIGITS = re.compile(rf"\s+and\s+(?P<hi>{_DIGITS})")
_AND_WORDS = re.compile(rf"\s+and\s+(?P<hi>{_WORDNUM})", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SCALE_AFTER = re.compile(
    rf"(?:\s+|-)(?P<scale>{_alt(SCALES)})(?![\w])|\s?(?P<abbr>bn|mn|mln|tn|trn)(?![\w])"
    r"|(?P<glued>[kmb])(?![\w])",
    re.IGNORECASE,
)
_LETTER_AFTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r" (?P<w>(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*)")
_GLUED_WORD = re.compile(r"-(?P<w>[^\W\d_]+)(?![\w-])")
_OF = re.compile(r" of(?= )")
_DETERMINER = re.compile(r" (?:the|a|an|these|those|its|their|his|her|our|this|that)(?= )", re.I)
_COORD = re.compile(r" (?:and|or)(?= )")
_OF_BEFORE = re.compile(r"(?<![\w-])(?P<w>[^\W\d_]+) of\s+$")
_KILL = re.compile(
    r"\b(?:kill(?:s|ed|ing|ings)?|die[ds]?|dying|dead|deaths?|wound(?:s|ed|ing)?|"
    r"injur(?:e|es|ed|ing|y|ies)|casualt(?:y|ies)|fatalit(?:y|ies)|massacred?|massacring|slain|"
    r"slaughter(?:s|ed|ing)?|murder(?:s|ed|ing)?|executed|lost\s+their\s+lives|"
    r"claimed\s+the\s+lives|toll)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:!?]|\s[-–—]\s")
_TOKENS = re.compile(r"[\w'’]+")
_SENTENCE_OPEN = re.compile(r"^[\s\"'(\[“‘]*$")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a sentence; offsets are into the text the sentence was taken from."""

    value: float
    text: str
    start: int
    end: int
    unit: str
    approx: str
    counted: str
    head: str
    kind: str


# ---------------------------------------------------------------------------------------------------
# Small helpers


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


def _is_person(head: str, surface: str) -> bool:
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


def _fmt(value: float) -> str:
    return f"{value:.15g}"


def _words_value(text: str) -> tuple[float, int]:
    """Value of a spelled-out number and the length of its valid prefix (``two and three`` → 2)."""
    total, current, end = 0.0, 0.0, 0
    previous = ""  # "small", "tens", "scale", "a", "and"
    for match in _WORD_TOKEN.finditer(text):
        token = match.group().lower()
        if token == "and":
            if previous != "scale":
                break
            previous = "and"
            continue
        if token in ("a", "an"):
            if previous:
                break
            current, previous = 1.0, "a"
        elif token in SCALES:
            if previous in ("", "and"):
                break
            scale = SCALES[token]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            previous = "scale"
        else:
            parts = [SMALL_NUMBERS[part] for part in token.split("-")]
            number = float(sum(parts))
            if previous == "small" or (previous == "tens" and not (parts[0] < 10 and current)):
                break
            if previous == "tens" and number >= 10:
                break
            current += number
            previous = "tens" if number >= 20 and number % 10 == 0 and len(parts) == 1 else "small"
        end = match.end()
    return total + current, end


def _digits_value(text: str) -> float:
    return float(text.replace(",", ""))


# ---------------------------------------------------------------------------------------------------
# Extraction


@dataclass
class _Draft:
    core_start: int
    end: int
    value: float
    words: bool  # spelled-out number
    is_one: bool = False
    approx: str = ""
    currency: str = ""
    scaled: bool = False
    unit: str = ""
    vague: bool = False
    plain_year: bool = False
    start: int = -1


def find_quantities(sentence: str, offset: int = 0, title_case: bool = False) -> list[Quantity]:
    """The quantities of one sentence; offsets are positions in ``sentence`` plus ``offset``.

    ``title_case``: the sentence is a headline or sub-heading, so capitalised number words count.
    """
    found: list[Quantity] = []
    position = 0
    while True:
        match = _CORE.search(sentence, position)
        if match is None:
            return found
        draft = _draft(sentence, match, title_case)
        if draft is None:
            position = max(match.end(), position + 1)
            continue
        quantity = _complete(sentence, draft, offset)
        position = max(draft.end, position + 1)
        if quantity is not None:
            found.append(quantity)


def _draft(sentence: str, match: re.Match[str], title_case: bool) -> _Draft | None:
    """Number, range, multiplier, currency, unit and approximators around a core match; None: skip."""
    s = sentence
    core_start = match.start()
    before = s[:core_start]
    if match["vague"]:
        if match["vague"].lower() == "scores" and re.search(
            r"\b(?:the|their|his|her|its)\s+$", before, re.I
        ):
            return None
        value = VAGUE_PLURALS[match["vague"].lower()] * 2
        approx = match["vague"].lower()
        if match["vague2"]:
            value *= VAGUE_PLURALS[match["vague2"].lower()]
            approx = f"{approx} of {match['vague2'].lower()}"
        draft = _Draft(core_start, match.end(), value, words=True, approx=approx, vague=True)
    elif match["adozen"]:
        unit_word = match["adozen"].lower()
        value = 12.0 if unit_word == "dozen" else SCALES[unit_word]
        value *= 0.5 if match["half"] else 1.0
        draft = _Draft(core_start, match.end(), value, words=True, scaled=unit_word != "dozen")
    elif match["fden"] or match["fhalf"]:
        if match["fhalf"]:
            value = 0.5
        else:
            numerator = match["fnum"].lower()
            value = (1.0 if numerator in ("a", "an") else SMALL_NUMBERS[numerator]) / FRACTIONS[
                match["fden"].lower()
            ]
        draft = _Draft(core_start, match.end(), value, words=True, unit="fraction")
    elif match["digits"]:
        draft = _digits_draft(s, match)
        if draft is None:
            return None
    else:
        value, length = _words_value(match["words"])
        if length == 0:
            return None
        word = s[core_start : core_start + length]
        if word[:1].isupper() and not title_case and not _SENTENCE_OPEN.match(before):
            return None  # a capitalised number word inside a sentence is a name ("Group of Seven")
        draft = _Draft(core_start, core_start + length, value, words=True)
        draft.is_one = word.lower() == "one"
        draft.scaled = any(scale in word.lower() for scale in SCALES)
        if _BETWEEN_BEFORE.search(before):
            hi = _AND_WORDS.match(s, draft.end)
        else:
            hi = _RANGE_AFTER_WORDS.match(s, draft.end)
        if hi:
            hi_value, hi_length = _words_value(hi["hi"])
            is_to = (hi.groupdict().get("sep") or "").lower() == "to"
            if hi_length and hi_value > value and not (is_to and _FROM_BEFORE.search(before)):
                scales = [
                    w for w in re.split(r"[\s-]+", hi["hi"][:hi_length].lower()) if w in SCALES
                ]
                if scales and not draft.scaled:
                    draft.value *= SCALES[scales[-1]]
                    draft.scaled = True
                draft.end = hi.start("hi") + hi_length
                draft.approx = "range"
                draft.is_one = False
    return _extend(s, draft, before)


def _digits_draft(s: str, match: re.Match[str]) -> _Draft | None:
    core_start, end = match.start(), match.end()
    text = match["digits"]
    before = s[:core_start]
    if core_start >= 2 and s[core_start - 1] == "-" and s[core_start - 2].isalnum():
        return None
    value = _digits_value(text)
    draft = _Draft(core_start, end, value, words=False)
    draft.plain_year = bool(re.fullmatch(r"\d{4}", text)) and 1000 <= value <= 2100
    glued = _LETTER_AFTER.match(s, end)
    if glued:
        letters = re.match(r"[^\W\d_]+", s[end:]).group()
        low = letters.lower()
        currency = _CURRENCY_BEFORE.search(before)
        if low in ("bn", "mn", "mln", "tn", "trn", "k") or (low in ("m", "b") and currency):
            pass  # a glued multiplier, read below
        elif _UNIT_RE.match(s, end) and _UNIT_RE.match(s, end).end() == end + len(letters):
            pass  # a glued unit: 10km, 5kg
        else:
            return None  # ordinal (14th), decade (1990s), time (3pm), identifier (4G)
    if re.match(r"['’]s\b", s[end:]):
        return None  # 1990's
    hi = _RANGE_AFTER_DIGITS.match(s, end)
    if _BETWEEN_BEFORE.search(before):
        hi = _AND_DIGITS.match(s, end)
    if hi and not _LETTER_AFTER.match(s, hi.end()) and not _TIME_AFTER.match(s, hi.end()):
        hi_value = _digits_value(hi["hi"])
        separator = hi.groupdict().get("sep") or ""
        if hi_value <= value:
            if separator.strip() in ("-", "–", "—"):
                return None  # a score or a season: 3-2, 2019-20
        elif not (separator.strip() == "to" and _FROM_BEFORE.search(before)):
            draft.end = hi.end()
            draft.approx = "range"
            draft.plain_year = draft.plain_year and hi_value <= 2100
    return draft


def _extend(s: str, draft: _Draft, before: str) -> _Draft | None:
    """Multiplier, approximators, currency and unit around the number; exclusions by context."""
    # exclusions by what comes before the number
    if _MONTH_BEFORE.search(before) and (draft.value <= 31 or draft.plain_year):
        return None
    if _AGE_BEFORE.search(before) or _IDENTIFIER_BEFORE.search(before):
        return None
    if not draft.words and _TIME_AFTER.match(s, draft.end):
        return None
    if not draft.vague and _MONTH_AFTER.match(s, draft.end) and draft.value <= 31:
        return None
    # a number between a name and a comma is an age: "Ahmed Khan, 45, said"
    if (
        not draft.words
        and _NAME_COMMA.search(before)
        and re.match(r"[,)]", s[draft.end : draft.end + 1])
        and draft.value < 120
    ):
        return None
    currency = _CURRENCY_BEFORE.search(before)
    start = currency.start() if currency else draft.core_start
    if currency:
        symbol = (currency["code"] or currency["symbol"]).strip()
        draft.currency = _CURRENCY_CODES.get(symbol, symbol.rstrip("."))
    if not draft.vague and draft.unit != "fraction":
        scale = _SCALE_AFTER.match(s, draft.end)
        if (
            scale
            and not draft.scaled
            and (not scale["glued"] or draft.currency or scale["glued"].lower() == "k")
        ):
            name = (scale["scale"] or scale["abbr"] or scale["glued"]).lower()
            draft.value *= SCALES.get(name, SCALE_ABBREVIATIONS.get(name, 1.0))
            draft.end = scale.end()
            draft.scaled = True
    approx = _APPROX_BEFORE.search(s[:start])
    if approx:
        start = approx.start()
        word = re.sub(r"\s+", " ", approx["approx"].lower())
        draft.approx = f"{word}; {draft.approx}" if draft.approx else word
    after = _APPROX_AFTER.match(s, draft.end)
    if after:
        draft.end = after.end()
        draft.approx = _join(draft.approx, "or more" if after["plus"] else f"or {after['approx']}")
    # currency word or unit word
    if not draft.unit:
        word = _CURRENCY_AFTER.match(s, draft.end)
        if word and (" of" not in word.group()[:4] or draft.vague):
            name = lemma(word["cur"].split()[0])
            adjective = re.sub(r"\s+", " ", (word["cadj"] or "").lower())
            draft.currency = draft.currency or _CURRENCY_ADJ.get(
                (name, adjective), _CURRENCY_WORDS.get(name, name)
            )
            draft.end = word.end()
        elif not draft.vague:
            unit = _UNIT_RE.match(s, draft.end)
            if unit:
                index = next(i for i in range(len(_UNITS)) if unit[f"u{i}"] is not None)
                draft.unit = _UNITS[index][1]
                draft.end = unit.end()
        if draft.unit.startswith("duration:") and _AGE_AFTER.match(s, draft.end):
            return None  # 25-year-old, 25 years old
        if draft.unit.startswith("duration:") and _AGO_AFTER.match(s, draft.end):
            return None  # two years ago, three days later: a point in time
        if draft.unit.startswith(("distance:", "area:")):
            long = re.match(r"(?:-|\s+)(?:long|wide|high|deep|tall)(?![\w-])", s[draft.end :])
            if long:
                draft.end += long.end()
    if draft.currency:
        draft.unit = f"money:{draft.currency}"
    after = _APPROX_AFTER.match(s, draft.end)
    if after and "or more" not in draft.approx and "or so" not in draft.approx:
        draft.end = after.end()
        draft.approx = _join(draft.approx, "or more" if after["plus"] else f"or {after['approx']}")
    draft.start = start
    return draft


def _join(first: str, second: str) -> str:
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


def _counted(s: str, end: int, start: int, measure: bool) -> tuple[str, str, str, int]:
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


def _casualty(s: str, start: int, counted_end: int) -> bool:
    """A kill word governs the number: shortly before it in the same clause, or right after it."""
    before = s[:start]
    last = None
    for last in _KILL.finditer(before):  # noqa: B007 - the last match is wanted
        pass
    if last is not None:
        gap = before[last.end() :]
        if len(_TOKENS.findall(gap)) <= CASUALTY_WINDOW and not _CLAUSE_BREAK.search(gap):
            return True
    after = s[counted_end:]
    following = re.match(r"(?:\s+[\w'’]+){0,3}", after)
    window = following.group() if following else ""
    return bool(_KILL.search(window)) and not re.search(r"[,.;:]", window)


def _complete(s: str, draft: _Draft, offset: int) -> Quantity | None:
    """Counted phrase, unit, kind and the last exclusions (years, pronoun *one*)."""
    measure = bool(draft.unit)
    counted, head, head_surface, counted_end = _counted(s, draft.end, draft.start, measure)
    unit = draft.unit
    if not unit:
        if head and _is_person(head, head_surface):
            unit = "people"
        else:
            unit = "count" if counted else "number"
    kind = _KIND_OF_PREFIX.get(unit.split(":")[0], "other")
    if unit == "people":
        kind = "casualty" if _casualty(s, draft.start, counted_end) else "people"
    elif unit == "number":
        last = list(_KILL.finditer(s[: draft.start]))
        governed = last and len(_TOKENS.findall(s[last[-1].end() : draft.start])) <= 3
        if governed or (_KILL.match(s, draft.end + 1) and s[draft.end : draft.end + 1] == " "):
            unit, kind = "people", "casualty"  # "a blast that killed 27", "27 dead", "toll ... 50"
    plain = not draft.currency and not draft.approx and not draft.scaled
    if draft.plain_year and plain and unit in ("number", "count"):
        return None  # a year: "in 2019", "the 2018 budget"
    if draft.is_one and plain and unit in ("people", "count", "number") and kind != "casualty":
        return None  # "one official said", "one of the", "no one"
    if draft.is_one and re.search(
        r"\b(?:no|any|some|every|each|the|this|that|which)\s+$", s[: draft.core_start], re.I
    ):
        return None
    text = s[draft.start : draft.end]
    return Quantity(
        value=float(draft.value),
        text=text,
        start=draft.start + offset,
        end=draft.end + offset,
        unit=unit,
        approx=draft.approx,
        counted=counted,
        head=head,
        kind=kind,
    )


def extract_numbers(cleaned: CleanArticle) -> pd.DataFrame:
    """Every quantity of one clean article, in text order (columns :data:`COLUMNS`)."""
    rows = []
    text = cleaned.text
    for block in cleaned.blocks:
        title_case = block.kind in ("headline", "heading")
        for sentence in split_sentences(block.text, offset=block.start):
            for quantity in find_quantities(sentence.text, sentence.start, title_case):
                left = quantity.start - sentence.start
                right = quantity.end - sentence.start
                marked = mark(sentence.text, left, right)
                assert text[quantity.start : quantity.end] == quantity.text
                rows.append(
                    {
                        "event_id": cleaned.article.event_id,
                        "outlet": cleaned.article.outlet,
                        "article": cleaned.article.path.stem,
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


def numbers_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """The quantities of every article of an event, sorted by outlet, article and offset."""
    tables = [extract_numbers(item) for item in cleaned]
    tables = [table for table in tables if len(table)]
    if not tables:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(tables, ignore_index=True)
    return table.sort_values(["outlet", "article", "start"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# Matching


def _normalised(counted: str, approx: str) -> tuple[str, str]:
    words = [w for w in re.findall(r"[\w'’-]+", counted.lower()) if w not in ("the", "a", "an")]
    return " ".join(words), approx.lower()


def _same_fact(a: dict, b: dict) -> bool:
    if a["unit"] != b["unit"] or a["kind"] != b["kind"]:
        return False
    if a["unit"] == "number":
        return a["outlet"] == b["outlet"]  # bare numbers: repeated mentions within an outlet only
    if a["unit"] == "people" and a["kind"] == "casualty":
        return True
    if a["unit"] in ("people", "count"):
        return bool(a["class"]) and a["class"] == b["class"]
    return True


def match_numbers(numbers: pd.DataFrame) -> pd.DataFrame:
    """``numbers`` plus ``match_id`` and ``status``, matched within each event (module docstring)."""
    table = numbers.reset_index(drop=True)
    match_id = [""] * len(table)
    status = [""] * len(table)
    events = table["event_id"] if "event_id" in table.columns else pd.Series([""] * len(table))
    for _, index in sorted(table.groupby(events.to_numpy(), sort=True).indices.items()):
        records = [
            {
                "outlet": table.at[i, "outlet"],
                "unit": table.at[i, "unit"],
                "kind": table.at[i, "kind"],
                "key": round(float(table.at[i, "value"]), 9),
                "class": head_class(str(table.at[i, "head"] or "")),
                "described": _normalised(str(table.at[i, "counted"]), str(table.at[i, "approx"])),
            }
            for i in index
        ]
        for local, (identifier, label) in enumerate(_match_event(records)):
            match_id[index[local]], status[index[local]] = identifier, label
    return table.assign(match_id=match_id, status=status)


def _match_event(records: list[dict]) -> list[tuple[str, str]]:
    """Match id and status of each number of one event."""
    size = len(records)
    result = [("", "")] * size
    union = DisjointSets(range(size))
    buckets: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        buckets.setdefault((record["unit"], record["key"]), []).append(index)
    for members in buckets.values():
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if _same_fact(records[a], records[b]):
                    union.join(a, b)
    single: list[list[int]] = []
    for members in union.groups():
        first = records[members[0]]
        parts = [first["kind"], first["unit"], _fmt(first["key"])]
        if first["unit"] in ("people", "count") and first["kind"] != "casualty":
            parts.append(min(records[i]["class"] for i in members) or "-")
        if first["unit"] == "number":
            parts.append(first["outlet"])
        identifier = "/".join(parts)
        if len({records[i]["outlet"] for i in members}) >= 2:
            alike = len({records[i]["described"] for i in members}) == 1
            label = MATCH_STATUSES[0] if alike else MATCH_STATUSES[1]
        else:
            label = MATCH_STATUSES[3]
            if first["unit"] != "number":
                single.append(members)
        for i in members:
            result[i] = (identifier, label)
    # one-outlet facts sharing unit, kind and a head class across outlets: different values
    merge = DisjointSets(range(len(single)))
    classes = [{records[i]["class"] for i in members} - {""} for members in single]
    for x, members_x in enumerate(single):
        row_x = records[members_x[0]]
        for y in range(x + 1, len(single)):
            row_y = records[single[y][0]]
            if (
                row_x["outlet"] != row_y["outlet"]
                and row_x["unit"] == row_y["unit"]
                and row_x["kind"] == row_y["kind"]
                and classes[x] & classes[y]
            ):
                merge.join(x, y)
    for groups in merge.groups():
        rows = [i for group in groups for i in single[group]]
        if len({records[i]["outlet"] for i in rows}) < 2:
            continue
        first = records[rows[0]]
        shared = sorted(set.intersection(*(classes[g] for g in groups)) or classes[groups[0]])
        values = "~".join(_fmt(v) for v in sorted({records[i]["key"] for i in rows}))
        identifier = "/".join([first["kind"], first["unit"], shared[0], values])
        for i in rows:
            result[i] = (identifier, MATCH_STATUSES[2])
    return result


def _display(row: pd.Series) -> str:
    """The surface text and what it counts, as the sentence says it where possible."""
    text, counted = row["text"], row["counted"]
    if not counted:
        return text
    rest = str(row["evidence"]).split("]]", 1)[-1]
    index = rest.find(counted)
    if 0 <= index <= 12 and not re.search(r"[,.;:()]", rest[:index]):
        return text + rest[: index + len(counted)]
    return f"{text} ({counted})"


def side_by_side(matched: pd.DataFrame) -> pd.DataFrame:
    """One row per match: kind, unit, one column per outlet (text + counted phrase, or "—"), status."""
    outlets = sorted(matched["outlet"].unique()) if len(matched) else []
    rank = {status: index for index, status in enumerate(MATCH_STATUSES)}
    rows = []
    for identifier, group in matched.groupby("match_id", sort=True):
        row = {
            "match_id": identifier,
            "kind": group["kind"].iloc[0],
            "unit": group["unit"].iloc[0],
        }
        for outlet in outlets:
            shown = [_display(r) for _, r in group[group["outlet"] == outlet].iterrows()]
            row[outlet] = "; ".join(dict.fromkeys(shown)) or MISSING
        row["status"] = group["status"].iloc[0]
        rows.append(row)
    table = pd.DataFrame(rows, columns=["match_id", "kind", "unit", *outlets, "status"])
    order = table["status"].map(rank) if len(table) else table["status"]
    return (
        table.assign(_rank=order)
        .sort_values(["_rank", "match_id"], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
