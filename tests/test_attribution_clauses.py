"""Attribution patterns of the ninth round (issue 12): contents that open with a subject word of the
closed class, contents that end in a partial quotation, and phrasal participles. Every sentence is
hand-written for the pattern it tests."""

from __future__ import annotations

import pytest
from test_attribution import extract
from test_attribution_cues import contents

INTRO = "The port reopened on Monday.\n\n"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("This is a new ferry, Berg said.", "This is a new ferry"),
        ("There are two ferries, Berg said.", "There are two ferries"),
        ("Nothing has changed, Berg said.", "Nothing has changed"),
    ],
)
def test_a_closed_class_subject_opens_a_trailing_content(sentence: str, content: str) -> None:
    assert (content, "Berg", "say") in contents(INTRO + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This week the ferry stops in Varn, Berg said.",
        "For his part, Berg said Friday that the fare would fall.",  # "his" is no -s verb
    ],
)
def test_an_introductory_phrase_is_still_no_trailing_content(sentence: str) -> None:
    opener = " ".join(sentence.split()[:2]).rstrip(",")
    assert [row for row in contents(INTRO + sentence) if row[0].startswith(opener)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        'The fare may be "strategic," Berg said.',
        'The fare may be "strategic," said Berg, a professor at the college.',
    ],
)
def test_a_clause_ending_in_a_partial_quotation_is_the_content(sentence: str) -> None:
    assert ('The fare may be "strategic,"', "Berg", "say") in contents(INTRO + sentence)


def test_a_quotation_opening_the_sentence_stays_direct() -> None:
    assert contents(INTRO + '"The fare may be strategic," Berg said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The fare will fall, referring to the new timetable.",
        'Berg said fares "will fall by May," referring to the new timetable.',
    ],
)
def test_a_phrasal_participle_takes_no_inverted_source(sentence: str) -> None:
    assert [row for row in contents(INTRO + sentence) if row[1] == "the new timetable"] == []


def test_a_verb_with_its_own_that_clause_reports_no_trailing_content() -> None:
    """*Having criticised the plan, Berg said Friday that ...*: the clause after *that* is the content,
    the words before the comma an adjunct."""
    found = contents(
        INTRO + "Having criticised the plan for weeks, Berg said Friday that fares would fall."
    )
    assert found == [("fares would fall", "Berg", "say")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "His chief aide doubled down on the mayor, saying she is experienced.",
            ("she is experienced", "His chief aide", "say"),
        ),
        ("Her lawyers argued the ferry was late.", ("the ferry was late", "Her lawyers", "argue")),
    ],
)
def test_a_possessive_description_is_a_source(sentence: str, expected: tuple) -> None:
    assert expected in contents(INTRO + sentence)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Berg argued that would be a mistake.", "that would be a mistake"),
        ("Berg said fares rose, suggesting that was not enough.", "that was not enough"),
    ],
)
def test_a_demonstrative_that_before_a_verb_is_the_clause_subject(
    sentence: str, content: str
) -> None:
    assert content in [row[0] for row in contents(INTRO + sentence)]


def test_a_phrasal_cue_in_an_absolute_construction_is_its_subjects() -> None:
    """*..., with Vik calling for ...*: the -ing form of a phrasal cue has the subject after *with*
    (Quirk et al. 1985, 15.58), not the main clause's."""
    found = contents(INTRO + "Berg spoke on Monday, with Vik calling for a second ferry.")
    assert ("a second ferry", "Vik", "call for") in found


def test_a_comment_clause_names_the_source_of_the_quotation_after_it() -> None:
    """*As one employee told the Weekly, "..."*: the phrase after *As* speaks (Quirk et al. 1985,
    15.53), though it names nobody."""
    _, table = extract(INTRO + 'As one employee told the Weekly, "The ferry is always late."')
    direct = table[table["kind"] == "direct"]
    assert list(zip(direct["speaker_mention"], direct["verb"], strict=True)) == [
        ("one employee", "tell")
    ]


def test_a_coordinated_verb_shares_the_main_verbs_subject_not_a_participles() -> None:
    """*X said he ... since raising them and added that ...*: *added* is coordinated with *said*,
    not with the -ing form inside its clause."""
    found = contents(
        INTRO + "Mayor Berg said he had cut no routes since announcing the fares and added that "
        "the timetable would stay."
    )
    assert ("the timetable would stay", "Mayor Berg", "add") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Berg has asked the council to disavow Mayor Dahl and has repeatedly described "
            "him as a danger.",
            ("him as a danger", "Berg", "describe"),
        ),
        (
            "Berg declined at first to criticize Mayor Dahl, and most recently defended the "
            "new ferry.",
            ("the new ferry", "Berg", "defend"),
        ),
        (  # the infinitive's subject is the object of "asked": no partner of "defended"
            "Berg asked the Varn Party to endorse the plan and then defended the new ferry.",
            ("the new ferry", "Berg", "defend"),
        ),
    ],
)
def test_an_operator_or_adverbs_after_and_keep_the_coordinated_subject(
    sentence: str, expected: tuple
) -> None:
    assert expected in contents(INTRO + sentence)


def test_reports_is_a_verb_after_its_subject() -> None:
    found = contents(INTRO + "She became the first mayor to speak, Ola Dahl reports.")
    assert ("She became the first mayor to speak", "Ola Dahl", "report") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Several reports said the ferry was late.",
        "News reports said the ferry was late.",
        "Amid fears of a strike, the ferry was late.",
    ],
)
def test_an_s_form_after_a_quantifier_or_preposition_is_a_plural_noun(sentence: str) -> None:
    assert [row for row in contents(INTRO + sentence) if row[2] in {"report", "fear"}] == []


def test_according_to_reports_a_clause_with_a_partial_quotation() -> None:
    found = contents(
        INTRO + 'The council is paying "dozens" of workers to knock on doors, according to '
        "campaign manager Ola Dahl."
    )
    content = 'The council is paying "dozens" of workers to knock on doors'
    assert (content, "Ola Dahl", "according to") in found


def test_according_to_after_a_direct_quotation_reports_no_clause() -> None:
    found = contents(INTRO + '"The ferry is late," Berg said, according to the Gazette.')
    assert [row for row in found if row[2] == "according to"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The union wrote to the mayor that it had no permit.",
            ("it had no permit", "The union", "write"),
        ),
        (
            "Berg complained to Dahl that the ferry was late.",
            ("the ferry was late", "Berg", "complain"),
        ),
    ],
)
def test_to_before_the_addressee_opens_no_infinitive(sentence: str, expected: tuple) -> None:
    assert expected in contents(INTRO + sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "As the Varn Party parade rolled through Bergen, CNN reported that the ferry was late.",
            ("the ferry was late", "CNN", "report"),
        ),
        (  # "at least" opens a quantity, no adjunct of a trailing report
            "On Friday, as the Varn Party parade rolled past, CNN reported at least six ferries were late.",
            ("at least six ferries were late", "CNN", "report"),
        ),
    ],
)
def test_a_capitalised_subject_after_a_fronted_clause_is_the_source(
    sentence: str, expected: tuple
) -> None:
    found = contents(INTRO + sentence)
    assert expected in found
    assert [row for row in found if row[1] == "Varn Party"] == []


def test_according_to_opens_a_bracketed_sentence() -> None:
    _, table = extract(INTRO + "The ferry is full. (According to the police, fares are low.)")
    rows = table[table["verb"] == "according to"]
    assert list(zip(rows["text"], rows["speaker_mention"], strict=True)) == [
        ("fares are low", "the police")
    ]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            'Berg said "it makes me angry" every time the ferry is late.',
            '"it makes me angry" every time the ferry is late',
        ),
        (
            'Berg said that "we need more time" to judge the ferry plan.',
            '"we need more time" to judge the ferry plan',
        ),
    ],
)
def test_a_content_opening_with_a_partial_quotation_is_a_mixed_report(
    sentence: str, content: str
) -> None:
    assert (content, "Berg", "say") in contents(INTRO + sentence)


@pytest.mark.parametrize(
    "sentence", ['Berg said "The ferry is late," and left.', 'Berg said that "the ferry is late."']
)
def test_a_whole_quotation_after_the_verb_is_no_indirect_content(sentence: str) -> None:
    assert [row for row in contents(INTRO + sentence) if row[2] == "say"] == []


def test_a_participle_inserted_after_that_stays_in_the_content() -> None:
    found = contents(
        INTRO + "Berg says it is fitting that, having lost twice, the ferry runs again."
    )
    assert ("it is fitting that, having lost twice, the ferry runs again", "Berg", "say") in found


def test_a_plural_verb_after_a_mid_position_adverb_makes_a_clause() -> None:
    found = contents(INTRO + "The owners say inspectors still check the ferry every day.")
    assert ("inspectors still check the ferry every day", "The owners", "say") in found


def test_a_phrase_with_an_adverb_but_no_verb_is_no_bare_clause() -> None:
    assert contents(INTRO + "Berg said the line just once.") == []


@pytest.mark.parametrize(("subject", "speaker"), [("Media", ""), ("NBC", "NBC")])
def test_an_organisation_word_alone_names_no_speaker_unless_an_acronym(
    subject: str, speaker: str
) -> None:
    _, table = extract(INTRO + f"{subject} warned that the ferry would be late.")
    assert list(table["speaker"]) == [speaker]


@pytest.mark.parametrize(
    "organisation", ["National Conference of Harbour Masters", "Nordic Forum of Ferry Owners"]
)
def test_an_organisation_joined_by_of_stays_one_speaker(organisation: str) -> None:
    _, table = extract(INTRO + f"The {organisation} said the ferry was late.")
    assert list(table["speaker"]) == [organisation]


def test_a_hyphenated_common_noun_after_a_dateline_names_no_speaker() -> None:
    """*VARN — E-mails released ... revealed*: the dateline's dash opens the sentence, and the
    hyphenated spelling counts as the frequent *emails*."""
    _, table = extract(INTRO + "VARN — E-mails released by the council revealed a bitter fight.")
    assert list(table["speaker"]) == [""]


def test_a_headline_label_is_the_source_of_its_line() -> None:
    _, table = extract("Gazette: Harbour Master Used Private Email\n\nThe harbour council met.")
    found = list(zip(table["text"], table["speaker_mention"], table["speaker"], strict=True))
    assert found == [("Harbour Master Used Private Email", "Gazette", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: The Ferry Is Always Late\n\nThe harbour council met.",  # a genre label
        "The harbour council met.\n\nGazette: the harbour master used private email.",  # no headline
    ],
)
def test_a_genre_label_or_a_label_below_the_headline_names_no_source(text: str) -> None:
    _, table = extract(text)
    assert [row for row in table.itertuples() if row.kind_rule == "colon label"] == []


def test_you_is_a_source_that_names_no_one() -> None:
    """*Do you think ...?* (an interview's question): *you* is the source mention, resolved to no
    one, like the narrator's *I*."""
    _, table = extract(INTRO + "Ola Berg met the council. Do you think the ferry should run?")
    rows = table[table["verb"] == "think"]
    assert list(zip(rows["text"], rows["speaker_mention"], rows["speaker"], strict=True)) == [
        ("the ferry should run", "you", "")
    ]


def test_a_name_after_of_is_the_subject_of_its_gerund() -> None:
    _, table = extract(INTRO + 'What do you think of Berg privately saying "pray for him" then?')
    assert list(zip(table["text"], table["speaker"], strict=True)) == [("pray for him", "Berg")]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [("Berg said it's late.", "it's late"), ("Berg thinks that's wrong.", "that's wrong")],
)
def test_a_contracted_subject_and_verb_make_a_two_word_clause(sentence: str, content: str) -> None:
    assert content in [row[0] for row in contents(INTRO + sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Berg told Dahl to take the next ferry.", ("to take the next ferry", "Berg", "tell")),
        ("Berg was heard telling Dahl not to vote.", ("not to vote", "Berg", "tell")),
    ],
)
def test_a_to_infinitive_after_the_hearer_is_a_directive_content(
    sentence: str, expected: tuple
) -> None:
    assert expected in contents(INTRO + sentence)


def test_an_object_verbs_content_keeps_its_hearer() -> None:
    """*asked Iran to act*: the object rule's content names the addressee."""
    found = contents(INTRO + "Berg asked Dahl to take the next ferry.")
    assert ("Dahl to take the next ferry", "Berg", "ask") in found


def test_to_before_a_determiner_after_the_hearer_is_no_infinitive() -> None:
    found = contents(INTRO + "Berg told Dahl to his face that the ferry was late.")
    assert found == [("the ferry was late", "Berg", "tell")]


def test_a_subordinator_is_never_a_source() -> None:
    found = contents(INTRO + "Since announcing Ola Dahl as his deputy, Berg said fares would fall.")
    assert ("Ola Dahl as his deputy", "Since", "announce") not in found
    assert [row[1] for row in found if row[2] == "announce"] == ["Berg"]


def test_a_name_in_an_opening_participle_clause_is_no_antecedent_of_the_subject() -> None:
    """*Asked about Ola Dahl, she said*: the participle's understood subject is *she* (Quirk et
    al. 1985, 15.58), so *she* is Ada Berg of the sentence before, not Ola Dahl."""
    _, table = extract("Ada Berg met voters.\n\nAsked about Ola Dahl, she said the ferry was late.")
    assert list(table["speaker"]) == ["Ada Berg"]


def test_a_participle_after_a_possessive_and_an_adverb_is_an_adjective() -> None:
    found = contents(INTRO + "Berg also discussed Pres. Dahl's highly criticized ferry plan.")
    assert found == [("Pres. Dahl's highly criticized ferry plan", "Berg", "discuss")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Gazette told a slightly different tale.",
            ("a slightly different tale", "Gazette", "tell"),
        ),
        (
            "The film will tell the story of six guards who defended the port.",
            ("the story of six guards who defended the port", "The film", "tell"),
        ),
    ],
)
def test_a_narrative_told_is_the_content(sentence: str, expected: tuple) -> None:
    assert expected in contents(INTRO + sentence)


def test_a_hearer_before_a_narrative_noun_is_no_narrative() -> None:
    found = contents(INTRO + "Berg told reporters the story was false.")
    assert found == [("the story was false", "Berg", "tell")]
