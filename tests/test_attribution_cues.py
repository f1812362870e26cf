"""Cue classes beyond "say" and the contents they delimit (issue 12, recall round): objects of
judgement, naming, message and perception verbs, raising verbs without a source, embedded questions,
inverted trailing attributions and loose noun-phrase sources. Every sentence is hand-written for the
pattern it tests."""

from __future__ import annotations

import pandas as pd
import pytest
from test_attribution import extract

from analysis.errors import InputError
from analysis.measures.quotes import load_verb_classes
from analysis.measures.quotes.verbs import reporting_verbs


def indirect(text: str) -> pd.DataFrame:
    """The indirect records of ``text``."""
    _, table = extract(text)
    return table[table["kind"] == "indirect"]


def contents(text: str) -> list[tuple[str, str, str]]:
    """(content, source mention, cue lemma) of every indirect record of ``text``."""
    rows = indirect(text)
    return list(zip(rows["text"], rows["speaker_mention"], rows["verb"], strict=True))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [  # one verb class each: judgement, naming, message, perception, stance, evidence
        (
            "The senator accused the governor of hiding the audit.",
            ("the governor of hiding the audit", "The senator", "accuse"),
        ),
        (
            "Mayor Anna Berg called the ferry contract a costly mistake.",
            ("the ferry contract a costly mistake", "Mayor Anna Berg", "call"),
        ),
        (
            "Mayor Anna Berg cited the budget gap as the main reason.",
            ("the budget gap as the main reason", "Mayor Anna Berg", "cite"),
        ),
        (
            "Mayor Anna Berg talked about the harbour tolls.",
            ("the harbour tolls", "Mayor Anna Berg", "talk about"),
        ),
        (
            "Mayor Anna Berg sees the bridge as a lifeline for Varn.",
            ("the bridge as a lifeline for Varn", "Mayor Anna Berg", "see"),
        ),
        (
            "Mayor Anna Berg prefers a smaller bridge.",
            ("a smaller bridge", "Mayor Anna Berg", "prefer"),
        ),
        (
            "Mayor Anna Berg lashed out at the ferry company.",
            ("the ferry company", "Mayor Anna Berg", "lash out at"),
        ),
    ],
)
def test_object_of_a_cue_verb_is_the_content(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [  # object_verbs of clause-taking classes: the object when no clause follows
        (
            "Mayor Anna Berg announced a new harbour plan.",
            ("a new harbour plan", "Mayor Anna Berg", "announce"),
        ),
        (
            "Mayor Anna Berg urged voters to register before May.",
            ("voters to register before May", "Mayor Anna Berg", "urge"),
        ),
        (
            "The dock union denied the report.",
            ("the report", "The dock union", "deny"),
        ),
        (
            "Mayor Anna Berg hopes to reopen the bridge in May.",
            ("to reopen the bridge in May", "Mayor Anna Berg", "hope"),
        ),
    ],
)
def test_object_verbs_take_their_object_when_no_clause_follows(
    sentence: str, expected: tuple
) -> None:
    assert expected in contents(sentence)


def test_an_adjunct_is_not_an_object() -> None:
    assert contents("Mayor Anna Berg announced on Friday.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor drew support from most of the harbour workers.",  # a noun: no object
        "The mayor enjoys 48% support in the city, a jump from May.",
        "The dock union was backing down on the tolls.",  # phrasal verbs: a particle
        "Hundreds more showed up to hear the mayor.",
        "The council called off the vote on the tolls.",
    ],
)
def test_a_preposition_or_particle_is_no_object(sentence: str) -> None:
    assert contents(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ola Berg talked more about the ferry plan.",
            ("the ferry plan", "Ola Berg", "talk about"),
        ),
        ("Ana Lind spoke highly of the new ferry.", ("the new ferry", "Ana Lind", "speak of")),
    ],
)
def test_an_adverb_may_stand_inside_a_phrasal_cue(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Senator Ann Berg called on the mayor to resign over the tolls.",
            ("the mayor to resign over the tolls", "Senator Ann Berg", "call on"),
        ),
        (
            "Ann Berg called out the mayor for ignoring the tolls.",
            ("the mayor for ignoring the tolls", "Ann Berg", "call out"),
        ),
    ],
)
def test_phrasal_cues_call_on_and_call_out(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_gapped_object_keeps_the_for_phrase_of_a_judgement_verb() -> None:
    found = contents("The council condemned the gangs it blamed for the fire.")
    assert ("for the fire", "it", "blame") in found


def test_a_reflexive_object_is_no_report() -> None:
    """*find oneself* is no finding (Quirk et al. 1985, 6.23: a reflexive is no clause subject)."""
    assert contents("The union finds itself in a bind that nobody expected.") == []
    assert contents("The harbour council has found itself at the centre of the row.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ola Berg described himself as a ferry man.",
            ("himself as a ferry man", "Ola Berg", "describe"),
        ),
        (
            "Ola Berg told himself that the ferry would run.",
            ("the ferry would run", "Ola Berg", "tell"),
        ),
    ],
)
def test_naming_and_telling_keep_a_reflexive(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_name_given_by_called_is_no_label() -> None:
    found = contents("Berg founded a group called Open Harbour, which has 300 members.")
    assert [row for row in found if row[2] == "call"] == []
    kept = contents("Berg called Mr. Dahl, a former teacher, an outstanding leader.")
    assert ("Mr. Dahl, a former teacher, an outstanding leader", "Berg", "call") in kept


def test_a_clause_still_wins_over_the_object() -> None:
    found = contents("Mayor Anna Berg announced that the harbour will reopen.")
    assert found == [("the harbour will reopen", "Mayor Anna Berg", "announce")]


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "The council leader seemed to waver on the harbour plan.",
            "The council leader seemed to waver on the harbour plan",
            "seem",
        ),
        (
            "After the storm, the ferry appears to be safe.",
            "the ferry appears to be safe",
            "appear",
        ),
        (
            "The harbour vote is expected to pass next week.",
            "The harbour vote is expected to pass next week",
            "be expected",
        ),
    ],
)
def test_raising_verbs_give_a_content_without_source(sentence: str, content: str, cue: str) -> None:
    assert contents(sentence) == [(content, "", cue)]


def test_appear_without_to_is_not_a_cue() -> None:
    assert contents("Mayor Anna Berg appeared at the harbour festival.") == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Mayor Anna Berg would not say how the council would pay.", "how the council would pay"),
        ("Mayor Anna Berg explained why the ferry was late.", "why the ferry was late"),
    ],
)
def test_embedded_questions_after_clause_verbs(sentence: str, content: str) -> None:
    assert (content, "Mayor Anna Berg") in [c[:2] for c in contents(sentence)]


def test_that_before_an_inserted_clause() -> None:
    found = contents("Mayor Anna Berg said that, if the grant arrives, the harbour will reopen.")
    assert found == [("if the grant arrives, the harbour will reopen", "Mayor Anna Berg", "say")]


def test_existential_clause_without_that() -> None:
    found = contents("Mayor Anna Berg said there had been progress in the talks.")
    assert found == [("there had been progress in the talks", "Mayor Anna Berg", "say")]


def test_bare_clause_opened_by_a_subject_pronoun() -> None:
    found = contents("The ferry workers say they're suddenly in the middle of the fight.")
    assert ("they're suddenly in the middle of the fight", "say") in [(c[0], c[2]) for c in found]


def test_bare_clause_with_a_gerund_subject() -> None:
    """A that-less clause may open with a gerund subject (*said seeing ... was a relief*); an -ing
    word with no finite verb after it (*said speaking to reporters*) or a preposition in -ing
    (*said including ...,*) opens none."""
    found = contents("Ana Lind said seeing the ferry back in the harbour was a relief.")
    assert found == [("seeing the ferry back in the harbour was a relief", "Ana Lind", "say")]
    assert contents("The mayor said speaking to reporters on Monday.") == []
    assert contents("Per Holm said including the ferry, the plan costs more.") == []


def test_inverted_trailing_attribution_with_an_appositive() -> None:
    found = contents("The harbour will close in May, said Anna Berg, a former teacher who runs it.")
    assert found == [("The harbour will close in May", "Anna Berg", "say")]


def test_the_hearer_after_a_quotation_frame_is_no_content() -> None:
    text = '"We have come a long way," Ola Dahl told cheering supporters in Varnby on Monday.'
    assert contents(text) == []


def test_a_relative_frame_after_a_quotation_keeps_its_own_clause() -> None:
    found = contents('"The rule is harsh," which Ola Dahl thinks will cut jobs in Varnby.')
    assert ("will cut jobs in Varnby", "Ola Dahl", "think") in found


def test_an_inverted_subject_is_no_bare_clause() -> None:
    found = contents('Ms. Dahl is "not a joiner," said Mr. Berg, but she runs the kiosk.')
    assert [row for row in found if "Berg" in row[0]] == []


def test_a_subject_with_a_relative_clause_keeps_its_bare_clause() -> None:
    found = contents("Berg, who fought the plan for a year, said Dahl was wrong.")
    assert found == [("Dahl was wrong", "Berg", "say")]


def test_trailing_attribution_after_a_coordinator_and_before_a_semicolon() -> None:
    assert contents("But the toll plan was rolled out badly, she said.") == [
        ("But the toll plan was rolled out badly", "she", "say")
    ]
    found = contents("The ferries will stop, port officials say; the council disagrees.")
    assert ("The ferries will stop", "say") in [(c[0], c[2]) for c in found]


def test_an_introductory_phrase_is_still_not_a_trailing_content() -> None:
    assert contents("For his part, the harbour master said nothing.") == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Two in three said they would vote for the bridge.", "Two in three"),
        ("About 9 percent said they had no preference.", "About 9 percent"),
        ("But ferry workers from Varn say they have not been paid.", "ferry workers from Varn"),
        ("The line is old, which is why workers there say the ferry must go.", "workers"),
    ],
)
def test_loose_noun_phrase_sources_of_unmarked_reports(sentence: str, source: str) -> None:
    rows = indirect(sentence)
    assert source in set(rows[rows["verb"] == "say"]["speaker_mention"])


def test_a_content_in_a_non_restrictive_relative_clause_ends_at_its_comma() -> None:
    found = contents("Ola Berg, who says the ferry is late again, will resign on Monday.")
    assert found == [("the ferry is late again", "who", "say")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The poll, released on Monday by the institute, showed that Berg leads Dahl.",
            ("Berg leads Dahl", "The poll", "show"),
        ),
        (
            "The audit, which came out in May, found that the ferry is unsafe.",
            ("the ferry is unsafe", "The audit", "find"),
        ),
    ],
)
def test_a_noun_phrase_source_before_a_parenthetical(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ola Berg promises the council will keep the ferry.",
            ("the council will keep the ferry", "Ola Berg", "promise"),
        ),
        ("Ana Lind vowed the ferry would run.", ("the ferry would run", "Ana Lind", "vow")),
    ],
)
def test_promise_and_vow_take_a_bare_clause(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In May, the harbour board announced it would cut 300 jobs.",
            ("it would cut 300 jobs", "the harbour board", "announce"),
        ),
        (
            "Ola Berg promised they will keep the ferry.",
            ("they will keep the ferry", "Ola Berg", "promise"),
        ),
    ],
)
def test_a_pronoun_and_a_finite_verb_are_a_clause_after_any_clause_verb(
    sentence: str, expected: tuple
) -> None:
    assert expected in contents(sentence)


def test_a_colon_after_a_speech_verb_introduces_its_content() -> None:
    found = contents("Ola Berg said: The ferry will run all winter.")
    assert found == [("The ferry will run all winter", "Ola Berg", "say")]


def test_according_to_after_that_opens_the_reported_clause() -> None:
    text = "The Varn Post reported that, according to an audit of the books, the tolls were high."
    found = [row for row in contents(text) if row[2] == "according to"]
    assert found == [("the tolls were high", "an audit of the books", "according to")]


def test_thats_according_to_attributes_the_sentence_before() -> None:
    text = "Most voters want the ferry to run all winter.\n\nThat's according to a new Varn poll."
    found = contents(text)
    assert ("Most voters want the ferry to run all winter", "a new Varn poll", "according to") in (
        found
    )


def test_a_colon_ending_its_paragraph_introduces_the_next_one() -> None:
    text = (
        "In a speech in July, Ola Berg said:\n\nThe ferry plan is a mistake, and it must be "
        "stopped.\n\nThe council met again on Monday."
    )
    found = contents(text)
    assert ("The ferry plan is a mistake, and it must be stopped", "Ola Berg", "say") in found


def test_a_relative_possessive_phrase_is_a_source_of_its_own() -> None:
    found = contents("It was a blow for Berg, whose lawyers argued that the tolls were legal.")
    assert found == [("the tolls were legal", "whose lawyers", "argue")]


def test_codebook_object_verbs_must_be_verbs_of_the_class(tmp_path) -> None:
    bad = tmp_path / "verbs.yaml"
    bad.write_text("classes:\n  x:\n    object_verbs: [say]\n    verbs: {tell: [told]}\n")
    with pytest.raises(InputError, match="object_verbs"):
        load_verb_classes(bad)


def test_codebook_prepositions_must_be_words(tmp_path) -> None:
    """YAML reads a bare ``on`` as true: the loader names the class instead of matching "True"."""
    bad = tmp_path / "verbs.yaml"
    bad.write_text("noun_cues:\n  x:\n    prepositions: [about, on]\n    verbs: {view: [views]}\n")
    with pytest.raises(InputError, match="'x': prepositions"):
        load_verb_classes(bad, section="noun_cues")


def test_codebook_marks_raising_verbs_as_sourceless() -> None:
    classes = load_verb_classes()
    assert classes["evidential"].no_source and not classes["neutral"].no_source
    assert classes["neutral"].takes_object("announce")
    assert not classes["neutral"].takes_object("say")


def test_infinitive_verbs_take_only_a_to_infinitive() -> None:
    assert contents("The ferry company pledged millions of crowns.") == []
    found = contents("The ferry company pledged to rebuild the pier.")
    assert found == [("to rebuild the pier", "The ferry company", "pledge")]


def test_a_verb_form_after_an_ing_word_is_its_object_noun() -> None:
    found = contents("The council says the two firms are providing support to the smugglers.")
    assert [c[2] for c in found] == ["say"]


def test_title_case_label_and_colon_introduce_the_named_persons_words() -> None:
    _, table = extract(
        "Berg: Harbour Will Reopen In May\n\nMayor Anna Berg spoke on Friday in Varn."
    )
    row = table[table["kind_rule"] == "colon label"].iloc[0]
    assert (row.text, row.kind, row.speaker) == (
        "Harbour Will Reopen In May",
        "indirect",
        "Anna Berg",
    )


def test_a_list_heading_after_a_name_label_is_no_speech() -> None:
    """A list of candidates' chances (*Berg: Win in a walk*) has labels but no one's words; a
    label's clause or quotation still is."""
    text = (
        "Mayor Anna Berg and Ola Dahl are running.\n\nBerg: Win in a walk\n\n"
        "Dahl: A closing surge\n\nBerg: I will win the harbour vote"
    )
    _, table = extract(text)
    labels = table[table["kind_rule"] == "colon label"]
    assert list(labels["text"]) == ["I will win the harbour vote"]


def test_a_label_naming_nobody_is_not_a_source() -> None:
    _, table = extract("Update: Harbour Will Reopen In May\n\nMayor Anna Berg spoke on Friday.")
    assert table.empty


def test_an_ing_noun_subject_keeps_its_verb() -> None:
    text = "Her polling shows the firms are providing support to the smugglers."
    found = [text[v.start : v.end] for v in reporting_verbs(None).find(text, [])]
    assert found == ["shows"]


def test_object_content_ends_before_a_joined_report_verb_with_an_adverb() -> None:
    _, table = extract(
        "Per Holm thanked Ana Lind for the ferry plan but firmly insisted that the harbour "
        "would reopen."
    )
    assert sorted(table["text"]) == ["Ana Lind for the ferry plan", "the harbour would reopen"]


#: Noun cues (PARC 3.0's nominal cues): "N that CLAUSE", and "N P NP" for stance nouns; each
#: sentence -> (content, source mention, cue lemma).
NOUN_CUES = {
    "Per Holm repeated his claim that the harbour would close in May.": (
        "the harbour would close in May",
        "his",
        "claim",
    ),
    "The council ignored Ana Lind's warning that the dam was unsafe.": (
        "the dam was unsafe",
        "Ana Lind",
        "warning",
    ),
    "Per Holm voiced opposition to the ferry tax, which passed anyway.": (
        "the ferry tax",
        "Per Holm",
        "opposition",
    ),
    "Ana Lind's criticism of the mayor, which began in May, was fierce.": (
        "the mayor",
        "Ana Lind",
        "criticism",
    ),
    "Per Holm renewed his support for the new bridge.": ("the new bridge", "his", "support"),
    "Per Holm voiced support for the new bridge.": ("the new bridge", "Per Holm", "support"),
    "Ana Lind raised questions about the harbour audit.": (
        "the harbour audit",
        "Ana Lind",
        "question",
    ),
    "Per Holm shared his views on the ferry tax.": ("the ferry tax", "his", "view"),
}


@pytest.mark.parametrize(("sentence", "expected"), NOUN_CUES.items())
def test_noun_cues_attribute_their_content(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The claim that was filed on Friday is still open.",  # a relative clause
        "Ana Lind won the support of the union.",  # "support of" names the supporter
        "Ana Lind agreed to sign that treaty on Friday.",  # a verb after "to"
        "The message that arrived on Friday was short.",  # not a noun cue
    ],
)
def test_nouns_outside_the_cue_patterns_are_no_cues(sentence: str) -> None:
    classes = set(indirect(sentence)["verb_class"])
    assert not classes & {"statement_nouns", "stance_nouns", "support_nouns", "topic_nouns"}
