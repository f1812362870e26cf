"""Which cue owns a content (issue 12, fourth round): a reported clause belongs to the nearest cue
before it, and an inner report keeps its own source. Every sentence is hand-written for the pattern
it tests."""

from __future__ import annotations

import pytest
from test_attribution import extract
from test_attribution_cues import contents


def test_a_that_clause_belongs_to_the_nearer_cue() -> None:
    found = contents(
        '"The ferry will run," Mayor Anna Berg says, but she cautions that the tolls will rise.'
    )
    assert ("the tolls will rise", "she", "caution") in found
    assert [row for row in found if row[2] == "say"] == []


def direct_sources(text: str) -> list[tuple[str, str]]:
    """(content, source mention) of every direct record of ``text``."""
    _, table = extract(text)
    rows = table[table["kind"] == "direct"]
    return list(zip(rows["text"], rows["speaker_mention"], strict=True))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"The ferry is late," said a longtime harbour adviser who has worked for two mayors.',
            "a longtime harbour adviser",
        ),
        (
            '"The ferry is late," tweeted a local user going by the handle Ferryman.',
            "a local user",
        ),
        ('The former harbour master said, "The ferry is late."', "The former harbour master"),
        ('Another commenter wrote, "The ferry is late."', "Another commenter"),
    ],
)
def test_a_description_is_the_source_of_a_direct_quotation(text: str, source: str) -> None:
    found = direct_sources("The council met on Monday.\n\n" + text)
    assert [row[1] for row in found] == [source]


def test_a_clause_before_the_frame_is_no_source() -> None:
    found = direct_sources('When the meeting ended in Varn, the harbour master said, "We wait."')
    assert found == [("We wait.", "the harbour master")]


@pytest.mark.parametrize(
    "frame",
    [
        "Mayor Anna Berg said as she opened the meeting.",
        "Mayor Anna Berg asked the harbour master.",
        "Mayor Anna Berg told reporters when the meeting ended.",
    ],
)
def test_a_frame_after_an_exclamation_or_question_is_the_quotations(frame: str) -> None:
    found = direct_sources(f'The council met.\n\n"Is the ferry late again?!" {frame}')
    assert found == [("Is the ferry late again?!", "Mayor Anna Berg")]


def test_a_new_report_in_the_next_sentence_is_not_the_quotations_frame() -> None:
    found = direct_sources(
        'The council met.\n\n"Why is it late again?" Mayor Anna Berg said the ferry is old.'
    )
    assert found == [("Why is it late again?", "")]


def test_a_description_is_the_source_of_a_partial_quotation() -> None:
    _, table = extract(
        'In a letter to the council, the harbour master wrote that "the ferry is simply too old."'
    )
    partial = table[table["kind"] == "partial"]
    assert list(partial["speaker_mention"]) == ["the harbour master"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Sandy Dahl, who lost her job at the mill in Varn, Ostland, in July 2012, said that "
            "the ferry was late.",
            "Sandy Dahl",
        ),
        (
            "In an interview with radio hosts Anna Berg and Ilse Moreau, the harbour master "
            "stated that the ferry was late.",
            "the harbour master",
        ),
        (
            "Although Henrik Dahl ran the ferry for years, the new owner said that it was late.",
            "the new owner",
        ),
    ],
)
def test_the_subject_is_not_inside_a_fronted_or_relative_clause(sentence: str, source: str) -> None:
    found = contents(sentence)
    assert [row[1] for row in found if row[2] in {"say", "state"}] == [source]


def test_an_appositive_with_a_relative_clause_keeps_its_antecedent() -> None:
    found = contents("Ferry Watch, a harbour group that endorsed Anna Berg, said that it was late.")
    assert [row[1] for row in found if row[2] == "endorse"] == ["Ferry Watch"]


def test_a_long_noun_phrase_is_a_source() -> None:
    found = contents("Most of the older fishermen in the harbour towns say the ferry is late.")
    assert ("the ferry is late", "Most of the older fishermen in the harbour towns", "say") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Her ratings (at one point as low as 19 percent, Dahl says) hurt the mayor.",
            ("at one point as low as 19 percent", "Dahl", "say"),
        ),
        ("The ferry is late (and old, said Henrik Dahl).", ("and old", "Henrik Dahl", "say")),
    ],
)
def test_a_report_inside_brackets_is_the_brackets(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The harbour master testified the ferry had no crew.",
            ("the ferry had no crew", "The harbour master", "testify"),
        ),
        (
            "Anna Berg fumed that the tolls were unfair.",
            ("the tolls were unfair", "Anna Berg", "fume"),
        ),
        (
            "Henrik Dahl disclosed the ferry's losses on Monday.",
            ("the ferry's losses on Monday", "Henrik Dahl", "disclose"),
        ),
        (
            "The mayor chided the council for its delay.",
            ("the council for its delay", "The mayor", "chide"),
        ),
        (
            "Ilse Moreau bragged she had saved the ferry.",
            ("she had saved the ferry", "Ilse Moreau", "brag"),
        ),
    ],
)
def test_more_speech_verbs(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "At a rally in Varnby, Ostmark, the Liberal candidate repeated his promise to cut "
            "the tolls.",
            "the Liberal candidate",
        ),
        (
            "Although most of the crew were Danes, the shipping company in Varnby has denied any "
            "role in the delay.",
            "the shipping company in Varnby",
        ),
        (
            "The council met on Thursday, with each member questioning the cost of the ferry.",
            "each member",
        ),
    ],
)
def test_descriptions_as_subjects(sentence: str, source: str) -> None:
    found = contents(sentence)
    assert [row[1] for row in found if row[2] in {"repeat", "deny", "question"}] == [source]


def test_a_pronoun_chain_passes_its_antecedent_on() -> None:
    _, table = extract(
        '"The ferry is late," Henrik Dahl said. He said Mayor Tomas Berg "has no plan."\n\n'
        'Of Mayor Berg, he said, "I want him to do well."'
    )
    last = table[table["text"] == "I want him to do well."]
    assert list(last["speaker"]) == ["Henrik Dahl"]


def test_then_coordinates_a_second_report_of_the_same_subject() -> None:
    found = contents(
        "Mayor Anna Berg offered him a job as Secretary of Transport, then says she will "
        "welcome advice from anyone."
    )
    assert ("she will welcome advice from anyone", "Mayor Anna Berg", "say") in found
    assert ("him a job as Secretary of Transport", "Mayor Anna Berg", "offer") in found


def test_a_negated_progressive_has_its_own_subject() -> None:
    found = contents("Mayor Anna Berg is backing the plan, but she's not predicting it will pass.")
    assert ("it will pass", "she", "predict") in found
    assert ("the plan", "Mayor Anna Berg", "back") in found
