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


# --- sixth round: states and provinces, places modifying nouns on every path, lists, asides ---


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Ohio", "place"), ("Balochistan", "place"), ("Ontario", "place"), ("Washington", "other")],
)
def test_states_and_provinces_are_places_but_not_a_capitals_name(name: str, kind: str) -> None:
    assert actor_type(name, False) == kind


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Ms. Berg was criticized by many Wall Street traders for not raising rates.",
            "many Wall Street traders",
        ),
        (
            "The Ohio billionaire, speaking in Varnby, insisted that he would win.",
            "The Ohio billionaire",
        ),
        ("The Ohio delegation has sought to block the rule.", "The Ohio delegation"),
        ("The Arizona group said that the call came unexpectedly.", "The Arizona group"),
        (
            "Today Ohio veterans will come together to show that they have his back.",
            "Ohio veterans",
        ),
    ],
)
def test_a_place_modifying_a_noun_is_no_source_on_any_path(text: str, source: str) -> None:
    found = sources(text)
    assert source in [mention for _, mention, _ in found]
    assert all(speaker == "" for _, mention, speaker in found if mention == source)  # no one


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Voters in Alabama, Georgia, Tennessee and Virginia want a change of course.", "Voters"),
        ("Officials in both Iowa and Ohio said that the vote was fair.", "Officials"),
        ("Activists off Capitol Hill may believe that Ola Dahl can win.", "Activists"),
        (
            "Residents in Salem, Oregon who voted early complained that they could not see her name.",
            "they",
        ),
    ],
)
def test_places_in_a_prepositional_list_are_no_subject(text: str, source: str) -> None:
    assert sources(text)[-1][1] == source


def test_a_list_after_a_fronted_phrase_is_still_the_subject() -> None:
    assert sources("In talks with Pakistan, Iran and India agreed that trade should grow.") == [
        ("agree", "Iran and India", "Iran; India")
    ]


def test_an_auxiliary_after_a_relative_clause_keeps_its_head() -> None:
    found = sources(
        "Ola Dahl, who won Varnby and his home state of Ohio, is calling for his rivals to drop out."
    )
    assert found == [("call for", "Ola Dahl", "Ola Dahl")]


def test_a_possessive_place_before_an_inverted_name_is_no_speaker() -> None:
    found = sources('"We will lose," said Ohio\'s Ola Dahl, a consultant.')
    assert found == [("say", "Ola Dahl", "Ola Dahl")]


def test_the_subject_stands_before_an_aside_between_dashes() -> None:
    found = sources(
        "Insiders in the next two states — Ohio and Iowa — said that the gap must close."
    )
    assert found == [("say", "Insiders", "")]


@pytest.mark.parametrize("group", ["Strategists", "Insiders", "Operatives", "Donors"])
def test_more_unnamed_groups_head_a_relative_clause(group: str) -> None:
    found = sources(f"{group} who worked for Ola Dahl say that the race is over.")
    assert found == [("say", group, "")]


def test_an_event_named_after_a_capital_is_no_government() -> None:
    found = sources(
        "Before the Paris terror attacks, Dahl took a more hands-off approach to the war,"
        " suggesting the city outsource the fight to Varnby, was tepid about involvement in"
        " Ostland and distinguished himself in the field by saying he would make nice with Berg."
    )
    assert [(verb, speaker) for verb, _, speaker in found] == [("suggest", "Dahl"), ("say", "Dahl")]
    assert sources("The Paris attacks showed that the city was vulnerable.") == [
        ("show", "The Paris attacks", "")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Who scares Ola Dahl the most?; Findings show that voters fear both parties.",
        "The network changed hands after Ola Dahl left; Network has offered a path to rivals.",
    ],
)
def test_a_common_word_after_a_semicolon_is_its_clauses_unnamed_source(text: str) -> None:
    _, mention, speaker = sources(text)[0]
    assert (mention, speaker) == (text.split("; ")[1].split()[0], "")  # not Dahl before it


def test_a_name_after_a_semicolon_stays_a_name() -> None:
    assert sources("The vote was close; Dahl said that the count was fair.") == [
        ("say", "Dahl", "Dahl")
    ]


def test_a_comma_after_a_postmodifying_phrase_goes_on_with_the_list() -> None:
    found = sources("Most voters in Alabama, Georgia and Ohio said that they felt betrayed.")
    assert [(verb, speaker) for verb, _, speaker in found] == [("say", "")]


def test_they_never_stands_for_a_city_and_its_state() -> None:
    found = sources(
        "The march honoured a man shot by an off-duty Varnby County, Fla., deputy sheriff. As they"
        ' made their way down Broad Street, they chanted "no justice, no peace."'
    )
    assert [speaker for _, _, speaker in found] == [""]


@pytest.mark.parametrize("abbreviation", ["Tex", "Calif", "Okla"])
def test_a_states_news_abbreviation_is_a_place(abbreviation: str) -> None:
    assert actor_type(abbreviation, False) == "place"


def test_a_city_placed_by_its_state_is_no_subject_and_no_person() -> None:
    """*at a rally in Varnby, Tex., Mr. Berg was blunt, claiming*: neither the unknown city nor the
    state abbreviation is the participle's subject."""
    found = sources(
        "The rally was held on Monday.\n\nThe day before, at a rally in Varnby, Tex., Mr. Berg was"
        " just as blunt, claiming that the council had lied."
    )
    assert ("claim", "Mr. Berg", "Berg") in found


def test_a_city_coordinated_before_its_state_shares_the_preposition() -> None:
    found = sources(
        "The port reopened on Monday.\n\nThe scrutiny grew after floods in Ostby and Sandvik,"
        " Calif., last year, because of concerns that the dikes were weak."
    )
    assert [mention for verb, mention, _ in found if verb == "concern"] == [""]


@pytest.mark.parametrize(
    ("name", "speaker"), [("Rep. Dahl", "Dahl"), ("Mr. Dahl", "Dahl"), ("Ola Berg", "Ola Berg")]
)
def test_a_titled_or_first_named_person_before_a_state_stays_a_person(
    name: str, speaker: str
) -> None:
    """*Rep. Dahl, Ohio, said*: a person's state in apposition, not a city's."""
    found = sources(f"The port reopened on Monday.\n\n{name}, Ohio, said the dikes were weak.")
    assert [who for verb, _, who in found if verb == "say"] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Bergen County said on Monday that the ferry would run all winter.",
        '"The ferry will run all winter," Bergen County said.',
    ],
)
def test_a_mere_place_as_subject_keeps_its_mention_but_names_no_speaker(text: str) -> None:
    assert sources(text) == [("say", "Bergen County", "")]
