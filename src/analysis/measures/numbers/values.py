"""Spelled-out and digit numbers: the number patterns and their values (see
:mod:`analysis.measures.numbers`, "What is a quantity")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.text.lexicon import (
    FRACTIONS,
    ONES,
    SCALES,
    SMALL_NUMBERS,
    TEENS,
    TENS,
    VAGUE_PLURALS,
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so that "fourteen" wins over "four")."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_BASIC = (
    rf"(?:(?:{alternation(TENS)})(?:-(?:{alternation(ONES)}))?"
    rf"|{alternation(TEENS)}|{alternation(ONES)})(?![\w])"
)
_SCALE = rf"(?:{alternation(SCALES)})(?![\w])"
WORD_NUMBER = (
    rf"(?<![\w-])(?:{_BASIC}|an?(?=\s+{_SCALE}))"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_SCALE}|{_BASIC}))*"
)
DIGITS_BODY = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
DIGITS = rf"(?<![\w.,:/-]){DIGITS_BODY}"
_VAGUE_RE = (
    rf"(?<![\w-])(?P<vague>{alternation(VAGUE_PLURALS)})"
    r"(?:\s+of\s+(?P<vague2>hundreds|thousands|millions|billions))?(?=\s+of\s)"
)
_ADOZEN = rf"(?<![\w-])(?P<half>half\s+)?an?\s+(?P<adozen>dozen|{alternation(SCALES)})(?![\w])"
_FRAC = (
    rf"(?<![\w-])(?:(?P<fnum>a|an|one|{alternation(w for w in SMALL_NUMBERS if w != 'one')})"
    rf"[\s-]+(?P<fden>{alternation(FRACTIONS)})|(?P<fhalf>half))(?=\s+(?:of|the)\s)"
)
NUMBER_PATTERN = re.compile(
    rf"{_VAGUE_RE}|{_ADOZEN}|{_FRAC}|(?P<digits>{DIGITS})|(?P<words>{WORD_NUMBER})", re.IGNORECASE
)
_WORD_TOKEN = re.compile(rf"{_BASIC}|{_SCALE}|an?\b|and\b", re.IGNORECASE)


def format_value(value: float) -> str:
    """A value as text: up to 15 significant digits, no trailing zeros."""
    return f"{value:.15g}"


def words_value(text: str) -> tuple[float, int]:
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


def digits_value(text: str) -> float:
    """The value of a digit number with thousands separators (``1,200`` → 1200.0)."""
    return float(text.replace(",", ""))
