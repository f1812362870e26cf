"""No place as a speaker (issue 12, fifth round): a name that only modifies the head of a subject,
a place before a relative *who*, a place an *it* might stand for, a place coordinated with the
object of a preposition, a dateline's agency credit, a noun read as a verb after a singular
determiner, and bare ISO codes as countries. Every sentence is hand-written for its pattern."""

from __future__ import annotations

import pytest
from test_attribution import extract

from analysis.text.names.gazetteer import actor_type, country_of


def sources(text: str) -> list[tuple[str, str, str]]:
    """(verb, source mention, speaker) of every record of ``text``."""
    _, table = extract(text)
    return list(zip(table["verb"], table["speaker_mention"], table["speaker"], strict=True))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Bergen County land records indicate that a company sold the lot.",
            "Bergen County land records",
        ),
        ("The Varnby primary has shown that the mayor is weak.", "The Varnby primary"),
        ("Meanwhile, a new Varnby poll shows that Berg leads Dahl.", "a new Varnby poll"),
        ("The Berg campaign said that the report was false.", "The Berg campaign"),
        ("Later the Dahl team sought to get the event back on track.", "the Dahl team"),
    ],
)
def test_a_name_modifying_the_head_noun_is_not_the_subject(text: str, source: str) -> None:
    found = sources(text)
    assert [(mention, speaker) for _, mention, speaker in found] == [(source, "")]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg recently said that the bridge is safe.",
        "Anna Berg has also said that the bridge is safe.",
        "Anna Berg never said that the bridge is safe.",
    ],
)
def test_an_adverb_or_auxiliary_after_a_name_keeps_the_name(text: str) -> None:
    assert sources(text) == [("say", "Anna Berg", "Anna Berg")]


def test_who_after_a_place_stands_for_the_person_from_there() -> None:
    found = sources(
        '"It will not be easy," said Representative Ola Dahl of New Hampshire, who endorsed'
        " Ms. Berg on Tuesday."
    )
    assert ("endorse", "who", "Ola Dahl") in found


def test_who_after_a_city_and_state_is_no_place() -> None:
    found = sources(
        '"That is a concern," said Alan Berger, a doctor from Bergen County, who said he'
        " is friendly with the family."
    )
    assert [speaker for verb, mention, speaker in found if mention == "who"] == ["Alan Berger"]


def test_it_stands_for_a_government_not_for_a_place() -> None:
    assert ("say", "It", "") in sources(
        "The proposal came from Bergen County. It said that the talks were over."
    )
    assert ("say", "It", "Tehran") in sources(
        "Tehran rejected a proposal from officials in Bergen County. It said that the talks were over."
    )


def test_a_place_coordinated_with_a_prepositional_object_is_no_subject() -> None:
    found = sources(
        "The results in Varnby and New Hampshire show that Berg and Dahl are in a two-way race."
    )
    assert [row for row in found if row[2] == "New Hampshire"] == []


def test_a_datelines_agency_credit_is_no_speaker() -> None:
    found = sources("VARNBY (AP) — A news report says Ola Dahl used a personal email account.")
    assert found == [("say", "A news report", "")]


@pytest.mark.parametrize(
    "text",
    [
        "A majority of voters say that the tax is unfair.",
        "One in five voters say that the tax is unfair.",
        "Those surveyed say that the tax is unfair.",
    ],
)
def test_plural_quantities_keep_their_base_form_verb(text: str) -> None:
    assert [verb for verb, _, _ in sources(text)] == ["say"]


def test_bare_iso_codes_are_no_countries() -> None:
    assert country_of("BLM") is None  # Saint Barthélemy's code; Black Lives Matter in the news
    assert country_of("CAN") is None
    assert country_of("USA") == "United States"  # the initials of one of its names
    assert country_of("UAE") == "United Arab Emirates"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Islamic State", "organisation"),
        ("New York State", "place"),
        ("Bergen County", "place"),
    ],
)
def test_state_is_a_place_word_only_after_a_place(name: str, kind: str) -> None:
    assert actor_type(name, False) == kind


def test_representatives_speak_for_the_countries_they_lead() -> None:
    assert sources("Leaders of Pakistan and Iran said that the border is safe.") == [
        ("say", "Leaders of Pakistan and Iran", "Pakistan; Iran")
    ]
    assert sources("Supporters of Anna Berg said that the vote was rigged.") == [
        ("say", "Supporters", "")
    ]
