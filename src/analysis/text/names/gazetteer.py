"""Countries, their other names and their demonyms, from the ``countryinfo`` package's data (REST
Countries data, shipped with the package; nothing is downloaded), and the actor type of a name.

Used to type actors (a country's name or alternative spelling: "country") and to link nationality
words to their country ("Iranian officials", "the Russians": a ``demonym`` mention of Iran or
Russia), as named-entity gazetteers do (Nadeau & Sekine 2007, "A survey of named entity recognition
and classification", Lingvisticae Investigationes 30(1), section 4 on gazetteers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from countryinfo import all_countries

from analysis.text.lexicon import (
    DEMONYMS,
    FIRST_NAMES,
    GROUP_NOUNS,
    NAME_ORG_WORDS,
    PEOPLE_NOUNS,
    PLACE_WORDS,
    PLACES,
    US_STATE_ABBREVIATIONS,
)
from analysis.text.names.aliases import acronym, is_acronym, name_tokens, normalise_name


@dataclass(frozen=True)
class Country:
    """A country: its common name, other names (ASCII, three letters or more), its demonym and its
    population (which country a shared demonym names: "American")."""

    name: str
    aliases: tuple[str, ...]
    demonym: str
    population: int
    capital: str


def _first(value: str | list[str] | None) -> str:
    """A capital as one string (the package gives a list for a few countries)."""
    if isinstance(value, list):
        return value[0] if value else ""
    return value or ""


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the package's data, sorted by name."""
    found = []
    for country in all_countries():
        name = country.name()
        spellings = country.alt_spellings() or ()
        aliases = tuple(
            sorted(
                alias
                for alias in spellings
                if alias.isascii()
                and len(alias.replace(".", "")) >= 3
                and "," not in alias
                and not _bare_code(alias, country.iso() or {}, (name, *spellings))
            )
        )
        found.append(
            Country(
                name,
                aliases,
                country.demonym() or "",
                country.population() or 0,
                _first(country.capital()),
            )
        )
    return tuple(sorted(found, key=lambda c: c.name))


def _bare_code(alias: str, iso: dict, names: tuple[str, ...]) -> bool:
    """Whether an alternative spelling is only the ISO 3166 three-letter code (*BLM*: Saint
    Barthélemy; *CAN*, *AND*), which news text writes for other things (Black Lives Matter, capitals
    in a headline); a code that is also the initials of one of the country's names (*USA*) is kept."""
    return alias == iso.get("alpha3") and alias not in {acronym(n) for n in names if " " in n}


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for country in sorted(countries(), key=lambda c: (-c.population, c.name)):
        for form in (country.name, *country.aliases):
            keys.setdefault(form if is_acronym(form) else normalise_name(form), country.name)
        if len(country.name.split()) >= 2:  # United States: US, U.S.
            keys.setdefault(acronym(country.name), country.name)
    return keys


def country_of(name: str) -> str | None:
    """The country that ``name`` names (its common name, an alternative spelling or initials such as
    *USA*, *DRC*; not a bare ISO three-letter code such as *BLM*), else None: ``country_of("Islamic Republic of Iran") == "Iran"``."""
    key = name.replace(".", "") if is_acronym(name) else normalise_name(name)
    return _country_keys().get(key)


@lru_cache(maxsize=1)
def _demonym_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for country in sorted(countries(), key=lambda c: (-c.population, c.name)):
        if country.demonym:
            keys.setdefault(country.demonym.casefold(), country.name)
    return keys


def demonym_country(word: str) -> str | None:
    """The country of a nationality word, singular or plural ("Iranian", "Russians",
    "North Koreans"), else None."""
    folded = re.sub(r"\s+", " ", word.strip()).casefold()
    keys = _demonym_keys()
    return keys.get(folded) or (keys.get(folded[:-1]) if folded.endswith("s") else None)


def actor_type(name: str, person: bool) -> str:
    """The type of an automatic actor named ``name``: country (gazetteer), organisation (an
    acronym or an organisation word), place (a place word at the end, a capital, or else a
    country's state or province: :func:`is_region`), person (``person``: the name looks like a
    person's and is no organisation), group (a plural proper noun such as "Democrats"), else
    other."""
    if country_of(name):
        return "country"
    tokens = name_tokens(name)
    words = [word.strip(".").casefold() for word in name.split()]
    if _ends_in_place_word(words) or name in _capitals():
        return "place"
    if all(word in DEMONYMS for word in words):
        return "group"  # Sunni Muslim: an affiliation
    if is_acronym(name) or any(word in NAME_ORG_WORDS for word in words):
        return "organisation"
    if person:
        return "person"
    if is_region(name):
        return "place"
    if len(tokens) == 1 and name.endswith("s") and not name.endswith("ss"):
        return "group"
    return "other"


def _ends_in_place_word(words: list[str]) -> bool:
    """Whether a name's last word makes it a place (*Bergen County*, *South China Sea*); *state*
    only after a place (*New York State*, *Washington State*), as it also names polities and
    groups (*Islamic State*)."""
    if not words or words[-1] not in PLACE_WORDS:
        return False
    if words[-1] != "state":
        return True
    before = " ".join(words[:-1])
    return bool(before) and (
        before in PLACES or country_of(before) is not None or before.title() in _capitals()
    )


def is_capital(name: str) -> bool:
    """Whether ``name`` is a country's capital (*Tehran*): a government by metonymy."""
    return name in _capitals()


def is_region(name: str) -> bool:
    """Whether ``name`` is a state or province of a country (*Ohio*, *Balochistan*, *Ontario*)."""
    return name in _regions()


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """The countries' first-level subdivisions (the package's ``provinces``), less those that are
    also a first name (*Carolina*, *Victoria*) or of three letters or fewer (*Baa*), which news text
    more often writes for people and abbreviations, and those that open a capital's name
    (*Washington*, the government's seat by metonymy); with the U.S. states' news abbreviations
    (*Calif.*, *Tex.*)."""
    capital_openings = {capital.split()[0] for capital in _capitals()}
    return US_STATE_ABBREVIATIONS | frozenset(
        province
        for country in all_countries()
        for province in country.provinces() or ()
        if len(province) > 3
        and province not in capital_openings
        and not set(province.split()) & FIRST_NAMES
    )


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(country.capital for country in countries() if country.capital)


def demonym_of(country: str) -> str:
    """The demonym of a country's common name ("" when unknown)."""
    return next((c.demonym for c in countries() if c.name == country), "")


def demonym_pattern(demonyms: list[str]) -> re.Pattern[str] | None:
    """Nationality words used as nouns for people: the plural ("Iranians", "the Russians") or the
    adjective before a noun for people (``GROUP_NOUNS`` and ``PEOPLE_NOUNS`` of
    :mod:`analysis.text.lexicon`: "Iranian officials", "27 Pakistani soldiers", not "Iranian
    soil"); the matched text is the mention. Case-sensitive; None without demonyms."""
    if not demonyms:
        return None
    words = "|".join(re.escape(word) for word in sorted(demonyms, key=lambda w: (-len(w), w)))
    nouns = "|".join(sorted(GROUP_NOUNS | PEOPLE_NOUNS))
    return re.compile(rf"(?<![\w-])(?:{words})(?:s|\s+(?:{nouns}))(?![\w-])")
