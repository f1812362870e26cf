"""What a number counts in the event: its role, so that only numbers with the same role are compared.

Method (frame-based event extraction in the spirit of the ACE/TAC casualty and damage slots, by cue words
rather than a parser; Doddington et al. 2004, "The Automatic Content Extraction (ACE) Program", LREC):
the *clause* of a number is the stretch of its sentence between the nearest clause breaks (``,``, ``;``,
``:``, a dash, parentheses) around it; the role is read off cue words there, else in the nearest cue of the
whole sentence.

* counts of people (unit ``people``, a casualty count, or a bare number in a person frame such as
  "three of them in serious condition"): the first frame of :data:`analysis.text.lexicon.PERSON_FRAMES`
  whose cue occurs (``killed``, ``injured``, ``in serious condition`` …); without a cue, the counted
  head's synonym class unless the head is generic (:data:`GENERIC_COUNT_HEADS`: "people" says nothing);
* money: the first purpose of :data:`analysis.text.lexicon.MONEY_PURPOSES` whose cue occurs
  (``repairs``, ``damage``, ``aid`` …), else the counted head's class ("a $10 billion refinery");
* other counts: the head's class; measures (distance, duration, percent): no role.

An empty role means "not known": such a number is matched only by equal value, never joined with
another value.
"""

from __future__ import annotations

import re

from analysis.measures.numbers.phrases import head_class
from analysis.text.lexicon import GENERIC_COUNT_HEADS, MONEY_PURPOSES, PERSON_FRAMES

__all__ = ["PERSON_ROLES", "number_role"]

PERSON_ROLES = frozenset(role for role, _ in PERSON_FRAMES)
_BREAK = re.compile(r",\s|;|:|\s[-–—]\s|[()]")
_MARK = re.compile(r"\[\[(?P<span>.*?)\]\]", re.DOTALL)


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(cue) for cue in cues) + ")", re.I)


_PERSON = [(role, _cue_pattern(cues)) for role, cues in PERSON_FRAMES]
_MONEY = [(role, _cue_pattern(cues)) for role, cues in MONEY_PURPOSES]


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``: between the clause breaks nearest to it."""
    left = max((m.end() for m in _BREAK.finditer(sentence, 0, start)), default=0)
    following = _BREAK.search(sentence, end)
    return left, following.start() if following else len(sentence)


def _first_cue(
    sentence: str, start: int, end: int, frames: list[tuple[str, re.Pattern[str]]]
) -> str:
    """The first frame with a cue in the number's clause, else the frame of the nearest cue."""
    left, right = _clause(sentence, start, end)
    for role, pattern in frames:
        if pattern.search(sentence, left, right):
            return role
    nearest: list[tuple[int, int, str]] = []
    for order, (role, pattern) in enumerate(frames):
        for found in pattern.finditer(sentence):
            distance = found.start() - end if found.start() >= end else start - found.end()
            nearest.append((distance, order, role))
    return min(nearest)[2] if nearest else ""


def number_role(evidence: str, unit: str, kind: str, head: str) -> str:
    """The role of one number from its evidence sentence (the span marked ``[[…]]``), unit, kind, head."""
    marked = _MARK.search(evidence)
    if marked is None:
        return ""
    sentence = evidence[: marked.start()] + marked["span"] + evidence[marked.end() :]
    start, end = marked.start(), marked.start() + len(marked["span"])
    head_role = head_class(head)
    if unit == "people" or kind == "casualty" or unit == "number":
        frame = _first_cue(sentence, start, end, _PERSON)
        if frame and (unit != "number" or _in_clause(sentence, start, end, frame)):
            return frame
        return "" if unit == "number" or head in GENERIC_COUNT_HEADS else head_role
    if unit.startswith("money"):
        return _first_cue(sentence, start, end, _MONEY) or head_role
    if unit == "count":
        return "" if head in GENERIC_COUNT_HEADS else head_role
    return ""


def _in_clause(sentence: str, start: int, end: int, frame: str) -> bool:
    """Whether a cue of ``frame`` is in the number's own clause (bare numbers need that)."""
    left, right = _clause(sentence, start, end)
    pattern = dict(_PERSON)[frame]
    return pattern.search(sentence, left, right) is not None
