"""The general contested-label codebook (codebooks/contested_labels.yaml), read with the militant one."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import config
from analysis.errors import InputError
from analysis.measures.labels import CONTESTED_CODEBOOK, load_codebook


def families_in(text: str) -> list[str]:
    return [family.name for family in load_codebook() if family.pattern.search(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The regime jailed its critics.", ["regime"]),
        ("The administration jailed its critics.", ["government"]),
        ("The dictator spoke; the strongman smiled.", ["dictator"]),
        ("Illegal immigrants crossed the river.", ["illegal_immigrant"]),
        ("Undocumented immigrants crossed the river.", ["undocumented"]),
        ("Migrants crossed the river.", ["migrant"]),
        ("Rioters filled the square.", ["riot"]),
        ("Demonstrators filled the square.", ["protest"]),
        ("The bill offers tax relief.", ["tax_relief"]),
        ("The bill offers tax cuts.", ["tax_cut"]),
        ("The bridge reopened on Monday.", []),
    ],
)
def test_each_family_matches_its_own_words_only(sentence: str, expected: list[str]) -> None:
    assert families_in(sentence) == expected


def test_both_codebooks_are_read_and_every_contested_family_has_a_source() -> None:
    names = [family.name for family in load_codebook()]
    militant = [family.name for family in load_codebook(config.LABEL_CODEBOOK)]
    assert names[: len(militant)] == militant and "regime" in names
    text = CONTESTED_CODEBOOK.read_text(encoding="utf-8")
    assert text.count("    source: ") == len(names) - len(militant)


def test_a_family_defined_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="already defined"):
        load_codebook([config.LABEL_CODEBOOK, config.LABEL_CODEBOOK])
