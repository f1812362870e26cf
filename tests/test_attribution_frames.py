"""Frames of direct quotations (issue 12, fifth round): inverted frames with capitalised role words
or a capitalised verb, the three marks of the ''...'' house style, *as X put it*, and participle
clauses that are no sources. Every sentence is hand-written for its pattern."""

from __future__ import annotations

import pytest
from test_attribution import extract


def direct(text: str) -> list[tuple[str, str, str]]:
    """(content, verb, speaker) of every direct record of ``text``."""
    _, table = extract(text)
    rows = table[table["kind"] == "direct"]
    return list(zip(rows["text"], rows["verb"], rows["speaker"], strict=True))


@pytest.mark.parametrize(
    "frame",
    [
        "said Liberal party boss Ola Dahl",
        "said Democratic pollster Ola Dahl",
        "said Harbour Authority spokesman Ola Dahl",
        "said Varnby Ferry Company president Ola Dahl",
    ],
)
def test_an_inverted_frame_names_the_person_after_capitalised_role_words(frame: str) -> None:
    assert direct(f'"The ferry is late," {frame}.') == [("The ferry is late", "say", "Ola Dahl")]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ('Said Dahl, "The ferry is late."', "say"),
        ('The mayor spoke first. Added Dahl: "The ferry is late."', "add"),
    ],
)
def test_a_capitalised_verb_opening_the_sentence_is_an_inverted_frame(text: str, verb: str) -> None:
    assert direct(text) == [("The ferry is late.", verb, "Dahl")]


def test_three_marks_close_an_inner_and_an_outer_quotation() -> None:
    found = direct("''We call it the 'old ferry,''' said Ola Dahl. ''It is late.''")
    assert found == [
        ("We call it the 'old ferry,'", "say", "Ola Dahl"),
        ("It is late.", "say", "Ola Dahl"),
    ]


def test_three_marks_open_an_outer_and_an_inner_quotation() -> None:
    clean, _ = extract("Ola Dahl said, '''Old ferry' is what we call it.''")
    assert clean == "Ola Dahl said, \"'Old ferry' is what we call it.\""


@pytest.mark.parametrize(
    "text",
    [
        'As Ola Dahl, a former harbour master, put it: "The ferry is late."',
        'As Ola Dahl put it, "The ferry is late."',
    ],
)
def test_as_someone_put_it_frames_a_quotation(text: str) -> None:
    assert direct(text) == [("The ferry is late.", "put", "Ola Dahl")]


def test_a_reaction_frames_a_quotation() -> None:
    assert direct('"The ferry is late," reacted Ola Dahl.') == [
        ("The ferry is late", "react", "Ola Dahl")
    ]


def test_a_participle_clause_after_a_quotation_is_no_source() -> None:
    _, table = extract(
        "Hundreds of commuters marched through Varnby, chanting"
        ' "No ferry, no vote," raising fresh questions about the plan.'
    )
    assert "raising fresh" not in set(table["speaker_mention"])
    assert "chant" in set(table["verb"])


def test_a_quotation_resumes_after_an_inverted_frame_with_an_appositive() -> None:
    found = direct(
        '"This used to be our harbour," said Ola Dahl, director of studies at the Varnby'
        ' Institute, "but it is changing."'
    )
    assert found == [
        ("This used to be our harbour", "say", "Ola Dahl"),
        ("but it is changing.", "say", "Ola Dahl"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"The evidence is strong" than that of the harbour chief, Ola Dahl said.',
        '"Many would call that a defeat" if she lost, said Ola Dahl, an analyst.',
        '"The ferry is late" once again, Ola Dahl said on Tuesday.',
    ],
)
def test_a_closing_frame_attributes_a_quotation_followed_by_other_words(text: str) -> None:
    assert [speaker for _, _, speaker in direct(text)] == ["Ola Dahl"]


def test_the_hearer_after_a_closing_frame_is_no_inverted_subject() -> None:
    found = direct(
        '"Yes, I support Berg," Ola Dahl, founder of the Media Centre, tells Varnby News.'
    )
    assert found == [("Yes, I support Berg", "tell", "Ola Dahl")]


def test_an_opening_participle_is_no_name() -> None:
    found = direct(
        "Dashing into a closed-door lunch, Senator Anna Berg, Liberal of Varnby, called to"
        ' reporters: "His comments are not helping."'
    )
    assert [speaker for _, _, speaker in found] == ["Anna Berg"]


@pytest.mark.parametrize(("verb", "lemma"), [("cracked", "crack"), ("sings", "sing")])
def test_manner_verbs_frame_a_quotation(verb: str, lemma: str) -> None:
    assert direct(f'During the show, Ola Dahl {verb}, "I am a progressive."') == [
        ("I am a progressive.", lemma, "Ola Dahl")
    ]


def test_a_quotation_coordinated_by_and_comma_shares_the_frame() -> None:
    found = direct(
        "The rally was loud. Berg took a risk by winking at the crowd, telling them,"
        ' "I am a negotiator like you," and, "Who here does not negotiate?"'
    )
    assert [speaker for _, _, speaker in found] == ["Berg", "Berg"]


def test_a_coordinated_speech_verb_shares_the_previous_speech_verbs_subject() -> None:
    found = direct(
        "The talk was long. In an interview with Ola Dahl last year, Lind said he welcomed"
        ' extradition to Varnby and added, "I will plead guilty, no problem."'
    )
    assert found == [("I will plead guilty, no problem.", "add", "Lind")]


def test_said_after_a_noun_in_ing_is_a_verb() -> None:
    found = direct(
        "The race was close. Another source familiar with Berg's thinking said,"
        ' "I think he will try."'
    )
    assert [verb for _, verb, _ in found] == ["say"]


@pytest.mark.parametrize(
    ("frame", "source"),
    [
        (
            "said one of those advisers, who spoke on the condition of anonymity",
            "one of those advisers",
        ),
        ("said a longtime adviser to both candidates", "a longtime adviser to both candidates"),
    ],
)
def test_an_inverted_description_may_hold_of_those_and_to(frame: str, source: str) -> None:
    _, table = extract(f'The race was close. "There will not be a path for Berg," {frame}.')
    assert list(table["speaker_mention"]) == [source]


def test_an_inverted_frame_after_a_demonym_and_an_organisation_names_the_person() -> None:
    found = direct(
        'The race was close. "This is our effort," said American Ferry Fund president Ola Dahl.'
    )
    assert found == [("This is our effort", "say", "Ola Dahl")]


def test_a_quotation_resumes_after_a_long_appositive() -> None:
    found = direct(
        'The race was close. "This used to be our harbour," said Ola Dahl, director of International Security'
        ' Studies at the Royal United Harbour Institute in Varnby, "but it is changing."'
    )
    assert [speaker for _, _, speaker in found] == ["Ola Dahl", "Ola Dahl"]


# --- sixth round: documents that read, clauses with irregular past verbs ---


def sources(text: str) -> list[tuple[str, str, str]]:
    """(kind, verb, source mention) of every record of ``text``."""
    _, table = extract(text)
    return list(zip(table["kind"], table["verb"], table["speaker_mention"], strict=True))


@pytest.mark.parametrize(
    "text",
    [
        'The campaign email reads: "Repeat after me: we will win."',
        'The letter read, "We will keep fighting for the workers of this town."',
        '"Keep out of the harbour," the sign read.',
    ],
)
def test_a_document_that_reads_gives_its_own_words(text: str) -> None:
    assert [(kind, verb) for kind, verb, _ in sources(text)] == [("direct", "read")]


def test_reading_the_news_reports_nothing() -> None:
    assert sources("Ola Dahl reads the news every morning before work.") == []


@pytest.mark.parametrize("verb", ["came", "went", "began", "grew", "took effect"])
def test_a_bare_clause_with_an_irregular_past_verb_is_reported(verb: str) -> None:
    found = sources(f"The council said the decision {verb} too late for the ferry.")
    assert found == [("indirect", "say", "The council")]


def test_a_bare_noun_phrase_after_said_is_no_clause() -> None:
    assert sources("Ola Dahl said the cost of the new ferry.") == []


# --- colon frames without a reporting verb ---


@pytest.mark.parametrize(
    "text",
    [
        'Ola Dahl issued the following statement:\n\n"Our prayers are with the families."',
        "In response to the loss, Republican presidential nominee Ola Dahl issued the following"
        ' statement: "Our prayers are with the families."',
        "In response to the loss, Republican presidential nominee Ola Dahl issued the following"
        ' statement:\n\n"Our prayers are with the families."',
    ],
)
def test_a_colon_frame_names_its_clauses_first_person(text: str) -> None:
    assert direct(text) == [("Our prayers are with the families.", "", "Ola Dahl")]


def test_a_colon_frame_after_a_verb_and_its_object_names_no_one() -> None:
    text = 'Yesterday the mayor met Ola Dahl:\n\n"Our prayers are with the families."'
    assert [speaker for _, _, speaker in direct(text)] == [""]


def test_a_closing_frame_may_hold_a_titled_name() -> None:
    text = (
        "The case went on.\n\n"
        '"If we get more records, we will search them" in the end, Justice Department senior'
        " trial counsel Ola Berg wrote."
    )
    assert direct(text) == [("If we get more records, we will search them", "write", "Ola Berg")]


def test_a_closing_frame_with_a_long_subject_and_no_name_is_no_frame() -> None:
    text = (
        "The case went on.\n\n"
        '"If we get more records, we will search them" in the end, the lawyers for the city and'
        " the state wrote."
    )
    assert [verb for _, verb, _ in direct(text)] == [""]
