"""Tests for analysis.text.lexicon (word lists in one place) and analysis.disjoint_sets."""

from __future__ import annotations

from analysis.disjoint_sets import DisjointSets
from analysis.text.lexicon import (
    COMMON_WORDS,
    MONTH_NAMES,
    NAME_ORG_WORDS,
    ORG_WORDS,
    PHRASE_STOP_WORDS,
    SCALES,
    SMALL_NUMBERS,
    SPEAKER_ORG_WORDS,
    wordset,
)


def test_wordset_splits_on_whitespace() -> None:
    assert wordset(" a b\n c  a ") == frozenset({"a", "b", "c"})


def test_org_words_core_is_shared_by_both_name_finders() -> None:
    assert ORG_WORDS == NAME_ORG_WORDS & SPEAKER_ORG_WORDS
    assert "treaty" in NAME_ORG_WORDS - SPEAKER_ORG_WORDS
    assert "reuters" in SPEAKER_ORG_WORDS - NAME_ORG_WORDS


def test_number_words_include_indian_scales() -> None:
    assert SCALES["lakh"] == 1e5 and SCALES["crore"] == 1e7
    assert SMALL_NUMBERS["ninety"] == 90 and "zero" not in SMALL_NUMBERS


def test_calendar_and_opener_words_are_one_list_each() -> None:
    assert {"may", "december"} <= MONTH_NAMES
    assert {"rather", "plus", "true", "officials", "however"} <= COMMON_WORDS
    assert {"monday", "march", "december"} <= PHRASE_STOP_WORDS


def test_disjoint_sets_group_with_the_smallest_member_as_root() -> None:
    sets = DisjointSets(["d", "b", "c", "a"])
    assert sets.join("d", "c") and sets.join("c", "a")
    assert not sets.join("d", "a")
    assert sets.find("d") == "a"
    assert sets.groups() == [["d", "c", "a"], ["b"]]
