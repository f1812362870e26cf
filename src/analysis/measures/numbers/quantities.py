"""Quantities of one sentence: a number extended by approximator, currency, multiplier and unit,
with the non-quantities (years, dates, times, ages, identifiers) left out (see
:mod:`analysis.measures.numbers`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.measures.numbers.phrases import (
    KILL_WORDS,
    WORD_TOKENS,
    counted_phrase,
    is_casualty,
    is_person,
    join_words,
    lemma,
)
from analysis.measures.numbers.values import (
    DIGITS,
    DIGITS_BODY,
    NUMBER_PATTERN,
    WORD_NUMBER,
    alternation,
    digits_value,
    words_value,
)
from analysis.text.lexicon import (
    FRACTIONS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL_NUMBERS,
    VAGUE_PLURALS,
)

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
_RANGE_AFTER_DIGITS = re.compile(rf"(?P<sep>\s?[-–—]\s?|\s+(?:to|or)\s+)(?P<hi>{DIGITS_BODY})")
_RANGE_AFTER_WORDS = re.compile(rf"\s+(?P<sep>to|or)\s+(?P<hi>{WORD_NUMBER})", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_DIGITS = re.compile(rf"\s+and\s+(?P<hi>{DIGITS})")
_AND_WORDS = re.compile(rf"\s+and\s+(?P<hi>{WORD_NUMBER})", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SCALE_AFTER = re.compile(
    rf"(?:\s+|-)(?P<scale>{alternation(SCALES)})(?![\w])|\s?(?P<abbr>bn|mn|mln|tn|trn)(?![\w])"
    r"|(?P<glued>[kmb])(?![\w])",
    re.IGNORECASE,
)
_LETTER_AFTER = re.compile(r"[^\W\d_]")
_SENTENCE_OPEN = re.compile(r"^[\s\"'(\[]*$")


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
        match = NUMBER_PATTERN.search(sentence, position)
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
        value, length = words_value(match["words"])
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
            hi_value, hi_length = words_value(hi["hi"])
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
    value = digits_value(text)
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
    if re.match(r"'s\b", s[end:]):
        return None  # 1990's
    hi = _RANGE_AFTER_DIGITS.match(s, end)
    if _BETWEEN_BEFORE.search(before):
        hi = _AND_DIGITS.match(s, end)
    if hi and not _LETTER_AFTER.match(s, hi.end()) and not _TIME_AFTER.match(s, hi.end()):
        hi_value = digits_value(hi["hi"])
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
        draft.approx = join_words(
            draft.approx, "or more" if after["plus"] else f"or {after['approx']}"
        )
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
        draft.approx = join_words(
            draft.approx, "or more" if after["plus"] else f"or {after['approx']}"
        )
    draft.start = start
    return draft


def _complete(s: str, draft: _Draft, offset: int) -> Quantity | None:
    """Counted phrase, unit, kind and the last exclusions (years, pronoun *one*)."""
    measure = bool(draft.unit)
    counted, head, head_surface, counted_end = counted_phrase(s, draft.end, draft.start, measure)
    unit = draft.unit
    if not unit:
        if head and is_person(head, head_surface):
            unit = "people"
        else:
            unit = "count" if counted else "number"
    kind = _KIND_OF_PREFIX.get(unit.split(":")[0], "other")
    if unit == "people":
        kind = "casualty" if is_casualty(s, draft.start, counted_end) else "people"
    elif unit == "number":
        last = list(KILL_WORDS.finditer(s[: draft.start]))
        governed = last and len(WORD_TOKENS.findall(s[last[-1].end() : draft.start])) <= 3
        if governed or (KILL_WORDS.match(s, draft.end + 1) and s[draft.end : draft.end + 1] == " "):
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
