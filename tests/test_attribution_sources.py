"""The source side of attribution records (Pareti 2016; PolNeAR's scheme): each record carries the local
source mention (pronouns included) and, separately, the actor it resolves to. Every sentence here is
hand-written for the pattern it tests."""

from __future__ import annotations

import pytest
from test_attribution import extract, spans


def only(table, kind: str):
    """The one record of ``kind``."""
    rows = table[table["kind"] == kind]
    assert len(rows) == 1, rows[["kind", "text", "speaker_mention"]]
    return rows.iloc[0]


def test_relative_who_is_the_local_source_and_its_antecedent_the_actor() -> None:
    clean, table = extract(
        "The plan was backed by Mayor Ana Lind, who said the harbour would reopen in May."
    )
    row = only(table[table["verb"] == "say"], "indirect")  # "backed by" is a report of its own
    assert spans(clean, row)[0] == "who"
    assert row.speaker_mention == "who"
    assert row.speaker == "Ana Lind"


def test_relative_who_without_a_named_antecedent_names_no_actor() -> None:
    _, table = extract("It was a rare voter who said the ferry should be free.")
    row = only(table, "indirect")
    assert (row.speaker_mention, row.speaker) == ("who", "")


def test_absolute_construction_with_takes_the_subject_after_with() -> None:
    _, table = extract(
        "The councillor opened the long meeting on the ferry, with the mayor reportedly saying: "
        '"We will rebuild the harbour!" The crews cheered.'
    )
    assert only(table, "direct").speaker_mention == "the mayor"


def test_coordinated_absolute_verb_keeps_the_subject_after_with() -> None:
    _, table = extract(
        "The councillor opened the long meeting on the ferry, with the mayor praising the crews "
        "and asking whether the ferry could run again."
    )
    rows = table[table["verb"] == "ask"]
    assert list(rows["speaker_mention"]) == ["the mayor"]


def test_verb_after_but_takes_the_subject_of_its_clause() -> None:
    _, table = extract(
        "Per Holm thanked Ana Lind for the ferry plan but firmly insisted that the harbour "
        "would reopen."
    )
    row = table[table["text"] == "the harbour would reopen"].iloc[0]
    assert row.speaker == "Per Holm"


def test_own_attribution_after_the_quote_beats_the_previous_quotes_verb() -> None:
    _, table = extract(
        'Ana Lind spoke first. "The ferry is late," she said, but after a pause, "the harbour '
        'will reopen in May," said Per Holm.'
    )
    rows = table[table["kind"].isin(["direct", "partial"])]
    assert list(rows["speaker"]) == ["Ana Lind", "Per Holm"]


def test_who_after_a_quotation_is_no_source() -> None:
    _, table = extract(
        'The spots cast Ana Lind as an "honorable choice" who favors free ferries. The crowd left.'
    )
    assert only(table, "scare").speaker_mention == ""


def test_group_noun_opening_the_sentence_is_an_unnamed_group() -> None:
    _, table = extract("Aides said the harbour would reopen in May.")
    row = only(table, "indirect")
    assert (row.speaker_mention, row.speaker) == ("Aides", "")


def test_frequent_word_opening_the_sentence_is_no_name() -> None:
    _, table = extract("Families said the ferry should be free.")
    row = only(table, "indirect")
    assert (row.speaker_mention, row.speaker) == ("Families", "")


def test_participle_opening_the_sentence_is_no_source() -> None:
    _, table = extract("The mayor spoke. Led by the mayor, the crowd said the ferry would run.")
    assert only(table, "indirect").speaker_mention == "the crowd"


def test_pronoun_left_after_a_place_is_no_name() -> None:
    _, table = extract("The town lies in the U.S. He says the ferry will run again soon.")
    row = only(table, "indirect")
    assert (row.speaker_mention, row.speaker) == ("He", "")


def test_surname_that_is_a_word_stays_a_name_when_written_with_a_first_name_or_title() -> None:
    for text, name in (
        ("Sen. Ada Brown spoke first. Brown said the ferry would run.", "Ada Brown"),
        ("Per Young met the crews. Young said the harbour would reopen.", "Per Young"),
        ("The crews waited for Rice at the pier. Rice said the harbour would reopen.", "Rice"),
    ):
        _, table = extract(text)
        assert only(table, "indirect").speaker == name, text


def test_a_place_with_an_appositive_is_no_person_a_pronoun_can_name() -> None:
    """A place named with an appositive (*the Varn Sea, a busy waterway*) is no person, so a later
    *he* does not resolve to it; with no person before, the pronoun names no actor."""
    _, table = extract(
        "Ferries crossed the Varn Sea, a busy waterway, all week.\n\n"
        '"We will keep the harbour open," he said.'
    )
    assert only(table, "direct").speaker == ""


def test_a_leading_nationality_word_stays_in_an_organisation_name() -> None:
    """A nationality or party word before a person's name is split off (*Republican Per Holm*),
    but before a lone organisation word it is part of the name (*the Islamic State*, *the
    Republican Party*), never leaving *State* or *Party* as the source."""
    for text, source in [
        ("The Islamic State said the two men were its followers.", "Islamic State"),
        ("The Republican Party said the harbour bill would pass.", "Republican Party"),
        ("Republican Per Holm said the harbour bill would pass.", "Per Holm"),
    ]:
        _, table = extract(text)
        assert only(table, "indirect").speaker_mention == source


def test_an_anticipatory_it_is_no_source_but_keeps_the_report() -> None:
    """*It's easy to criticize X* (Quirk et al. 1985, 18.33): the infinitive's report stands,
    without a source; a straight or curly apostrophe alike."""
    for text in (
        "The plan was read out on Monday.\n\nIt's easy to criticize the length of the ferry route.",
        "The plan was read out on Monday.\n\nIt\u2019s worth pointing out that the ferry was late.",
    ):
        _, table = extract(text)
        row = only(table, "indirect")
        assert (row.speaker_mention, row.speaker) == ("", ""), text


def test_a_referring_it_still_speaks() -> None:
    """An organisation's *it* with a progressive or a perfect is no anticipatory *it*."""
    for text in (
        "The Varnby Harbour Trust met on Monday.\n\nIt's asking the council to reconsider the plan.",
        "The Varnby Harbour Trust met on Monday.\n\nIt has urged the council to reconsider the plan.",
    ):
        _, table = extract(text)
        assert only(table, "indirect").speaker_mention == "It", text


def test_a_contracted_it_is_never_part_of_a_noun_phrase_source() -> None:
    _, table = extract(
        "The plan was read out on Monday.\n\nIt's a route some believe the ferry could take."
    )
    assert "It's a route some" not in set(table["speaker_mention"])


INTRO = "The port reopened on Monday.\n\n"


def source_mentions(text: str, verb: str) -> set[str]:
    """The source mentions of the records of ``verb`` in ``text`` (after an intro paragraph)."""
    _, table = extract(INTRO + text)
    return set(table.loc[table["verb"] == verb, "speaker_mention"])


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        # a verb after "and then" shares the subject of the verb before, not the last object
        (
            'Berg blasted the ferry firm, calling it "a horrible firm," and then tweeted that it'
            ' was "Disgraceful!"',
            "tweet",
            "Berg",
        ),
        # the subject of a clause opened by a subordinator, not the main clause
        ('The square was quiet when a young boy said, "Ferries are coming!"', "say", "a young boy"),
        (
            "The mood changed after one resident said that the ferry was late.",
            "say",
            "one resident",
        ),
        # a noun phrase with a prepositional modifier after a quotation ending in a comma or "?"
        (
            '"Will he be the next mayor?" a council staffer in the room asked.',
            "ask",
            "a council staffer in the room",
        ),
        # an inverted noun phrase ends before a participle that modifies it
        (
            '"There never was an order," said the harbour chief known as Bob.',
            "say",
            "the harbour chief",
        ),
        (
            '"There never was an order," said the harbour pilot hired by the council.',
            "say",
            "the harbour pilot",
        ),
    ],
)
def test_a_source_in_its_own_clause(text: str, verb: str, source: str) -> None:
    assert source in source_mentions(text, verb)


def test_an_inverted_parenthetical_source_splits_the_content() -> None:
    """*X, says Ola Berg, a historian, is Y*: both pieces are Ola Berg's, the appositive neither."""
    clean, table = extract(
        INTRO
        + "The paradox of Varnby, says Ola Berg, a historian at the museum, is that it never grew."
    )
    pieces = {clean[row.start : row.end] for row in table.itertuples() if row.speaker == "Ola Berg"}
    assert pieces == {"The paradox of Varnby", "is that it never grew"}


@pytest.mark.parametrize(
    ("text", "verb", "source"),
    [
        # a finite verb inside a subordinate clause takes its subject there, not the main clause's
        (
            "Berg left the hall because several ferrymen said the port was closed.",
            "say",
            "several ferrymen",
        ),
        ("Berg stayed home while a neighbour claimed the port was closed.", "claim", "a neighbour"),
        (
            "The board apologised after leaked emails showed staff favoring Berg.",
            "show",
            "leaked emails",
        ),
        # a pronoun takes no modifiers: "September" is the preposition's object, not "she"
        ("Although in September she said the plan was a mistake, she kept it.", "say", "she"),
    ],
)
def test_subjects_of_subordinate_clauses(text: str, verb: str, source: str) -> None:
    assert source in source_mentions(text, verb)


def test_contents_end_where_their_clause_ends() -> None:
    """*Although she said X, Y*: X ends at the comma; *warned it could sell*: *it* belongs to X."""
    clean, table = extract(
        INTRO + "Although in September she said the plan was a mistake, she kept it. The board"
        " has warned it could sell the port."
    )
    contents = {row.verb: clean[row.start : row.end] for row in table.itertuples()}
    assert contents["say"] == "the plan was a mistake"
    assert contents["warn"] == "it could sell the port"


def test_a_report_in_a_subordinate_clause_without_a_subject_found_keeps_no_source() -> None:
    """*after most of those at the meeting said X*: the main clause's subject did not say X; the
    report stays, without a source."""
    _, table = extract(
        INTRO + "Berg left the hall after most of those at the meeting said the port was closed."
    )
    row = only(table, "indirect")
    assert (row.verb, row.speaker_mention) == ("say", "")


def test_a_parenthetical_report_may_carry_an_adjunct() -> None:
    """*X, Ash argued in his email, Y*: both pieces are Ash's."""
    clean, table = extract(INTRO + "The ferry, Ola Dahl argued in her email, will never pay.")
    pieces = {clean[row.start : row.end] for row in table.itertuples() if row.speaker == "Ola Dahl"}
    assert pieces == {"The ferry", "will never pay"}


def test_a_dash_and_a_name_sign_the_quotation_before() -> None:
    """A reader's letter or a tweet quoted in a paragraph of its own, signed on the next line."""
    _, table = extract(
        'Readers wrote in about the ferry.\n\n"The free ferry is something we hear about all the'
        ' time, and it needs to stop."\n\n-Michelle Marks, Varnby.\n\n"Great plan. She is ready."'
        "\n\n\u2014 Mayor Ola Berg, tweeting after the speech."
    )
    direct = table[table["kind"] == "direct"]
    assert list(zip(direct["speaker"], direct["speaker_rule"], strict=True)) == [
        ("Michelle Marks", "signature"),
        ("Ola Berg", "signature"),
    ]


def test_a_paragraph_without_a_dash_signs_nothing() -> None:
    _, table = extract(
        'Readers wrote in about the ferry.\n\n"The free ferry needs to stop."\n\nMichelle Marks'
        " lives in Varnby."
    )
    assert set(table.loc[table["kind"] == "direct", "speaker_rule"]) != {"signature"}


def test_an_adverb_between_subordinator_and_participle_keeps_the_main_subject() -> None:
    """*Mr. Berg, after initially saying X, ...*: the participle's subject is Mr. Berg."""
    _, table = extract(
        INTRO + "Mr. Berg, after initially saying he would not run, joined the race in May."
    )
    assert set(table.loc[table["verb"] == "say", "speaker_mention"]) == {"Mr. Berg"}


def test_a_one_word_answer_is_the_content_of_a_trailing_attribution() -> None:
    clean, table = extract(INTRO + "Dahl offered to debate in May. Sorry, Berg said.")
    row = table[table["verb"] == "say"].iloc[0]
    assert (clean[row.start : row.end], row.speaker) == ("Sorry", "Berg")
