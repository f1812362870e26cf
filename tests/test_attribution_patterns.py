"""Attribution patterns of the third recall round (issue 12): progressive cues, Title Case headlines,
sentence-opening participles, adjuncts and conditionals before a reported clause, short parenthetical
leads, trailing "told X", "as reported by X" and passive reports. Every sentence is hand-written for
the pattern it tests."""

from __future__ import annotations

import pytest
from test_attribution import extract
from test_attribution_cues import contents


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Councillor Ilse Moreau is calling for a second ferry.",
            ("a second ferry", "Councillor Ilse Moreau", "call for"),
        ),
        (
            "The dock union has been backing the harbour plan.",
            ("the harbour plan", "The dock union", "back"),
        ),
        (
            "Mayor Anna Berg is saying the ferry will run all winter.",
            ("the ferry will run all winter", "Mayor Anna Berg", "say"),
        ),
    ],
)
def test_a_progressive_cue_is_active_speech(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_passive_is_still_no_cue_of_its_subject() -> None:
    found = contents("The harbour plan was announced on Friday.")
    assert [row for row in found if row[2] == "announce" and row[1]] == []


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Varn Mayor Says Ferry Will Run All Winter.",
            ("Ferry Will Run All Winter", "Varn Mayor", "say"),
        ),
        (
            "Dock Union Warns Of Strike Over Harbour Tolls",
            ("Of Strike Over Harbour Tolls", "Dock Union", "warn"),
        ),
    ],
)
def test_a_title_case_headline_verb_reports(headline: str, expected: tuple) -> None:
    text = f"{headline}\n\nThe ferry to Varn has run since 1990. Tickets cost four crowns."
    assert expected in contents(text)


def test_a_capitalised_verb_inside_running_text_is_no_cue() -> None:
    text = "The ferry to Varn has run since 1990. Tickets Says Nothing is a local band."
    assert [row for row in contents(text) if row[2] == "say"] == []


def test_an_opening_asked_gives_the_question_without_source() -> None:
    found = contents(
        "Asked whether the ferry would run in winter, Mayor Anna Berg said she hoped so."
    )
    assert ("whether the ferry would run in winter", "", "ask") in found
    assert ("she hoped so", "Mayor Anna Berg", "say") in found


def test_an_opening_participle_takes_the_main_clause_subject() -> None:
    found = contents("Noting that the tolls had doubled, Mayor Anna Berg called for a review.")
    assert ("the tolls had doubled", "Mayor Anna Berg", "note") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Anna Berg said Tuesday the ferry would run all winter.",
        "Mayor Anna Berg said last week the ferry would run all winter.",
        "Mayor Anna Berg said on Monday the ferry would run all winter.",
    ],
)
def test_a_time_adjunct_may_stand_before_a_bare_clause(sentence: str) -> None:
    assert ("the ferry would run all winter", "Mayor Anna Berg", "say") in contents(sentence)


def test_a_conditional_clause_after_the_verb_is_content() -> None:
    found = contents("Mayor Anna Berg said if the council agrees, the ferry will run all winter.")
    assert ("if the council agrees, the ferry will run all winter", "Mayor Anna Berg", "say") in (
        found
    )


def test_a_conditional_without_a_comma_before_a_pronoun_and_modal() -> None:
    found = contents("Mayor Anna Berg said if elected again she could keep the ferry running.")
    assert ("if elected again she could keep the ferry running", "Mayor Anna Berg", "say") in found


def test_a_one_word_lead_before_a_parenthetical_attribution() -> None:
    found = contents("Otherwise, she said, the ferry will stop in May.")
    assert ("the ferry will stop in May", "she", "say") in found


def test_trailing_attribution_with_the_hearer_after_the_verb() -> None:
    found = contents("The ferry will stop in May, Mayor Anna Berg told reporters.")
    assert ("The ferry will stop in May", "Mayor Anna Berg", "tell") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "As reported by the Varn Gazette, the ferry will stop in May.",
        "As the Varn Gazette reported, the ferry will stop in May.",
    ],
)
def test_as_reported_by_attributes_the_main_clause(sentence: str) -> None:
    found = contents(sentence)
    assert [(c, s) for c, s, _ in found] == [("the ferry will stop in May", "Varn Gazette")]


def test_an_impersonal_passive_report_has_no_source() -> None:
    found = contents("It was reported that the ferry will stop in May.")
    assert found == [("the ferry will stop in May", "", "report")]


def direct_sources(text: str) -> list[tuple[str, str]]:
    """(source mention, cue lemma) of every direct record of ``text``."""
    _, table = extract(text)
    rows = table[table["kind"] == "direct"]
    return list(zip(rows["speaker_mention"], rows["verb"], strict=True))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'The harbour master said flatly: "We will not open the gates."',
            ("The harbour master", "say"),
        ),
        (
            'Ana Lind issued the following statement: "We will not open the gates."',
            ("Ana Lind", ""),
        ),
    ],
)
def test_the_subject_of_a_colon_introduction_speaks(sentence: str, expected: tuple) -> None:
    assert direct_sources(sentence) == [expected]


def test_a_colon_after_a_clause_without_a_subject_names_no_one() -> None:
    assert direct_sources('In the end it was simple: "We will not open the gates."') == [("", "")]


def test_a_relative_which_is_the_local_source_and_names_its_antecedent() -> None:
    _, table = extract("The Varn Gazette, which reported that the ferry was late, apologised.")
    row = table[table["verb"] == "report"].iloc[0]
    assert (row["speaker_mention"], row["speaker"]) == ("which", "Varn Gazette")


def test_a_name_inside_a_restrictive_relative_clause_is_not_the_subject() -> None:
    found = contents("Voters who endorsed Anna Berg say the ferry is safe.")
    assert ("the ferry is safe", "Voters", "say") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [  # cues added to the codebook's classes this round, one sentence each
        (
            "Mayor Anna Berg reminded voters that the ferry is free.",
            ("the ferry is free", "Mayor Anna Berg", "remind"),
        ),
        (
            "Mayor Anna Berg is expecting a record season.",
            ("a record season", "Mayor Anna Berg", "expect"),
        ),
        (
            "Councillor Ilse Moreau challenged the toll figures.",
            ("the toll figures", "Councillor Ilse Moreau", "challenge"),
        ),
        (
            "Councillor Ilse Moreau voted against the toll increase.",
            ("the toll increase", "Councillor Ilse Moreau", "vote against"),
        ),
        (
            "Mayor Anna Berg spoke of a new era for the harbour.",
            ("a new era for the harbour", "Mayor Anna Berg", "speak of"),
        ),
        (
            "Mayor Anna Berg focused on the harbour tolls.",
            ("the harbour tolls", "Mayor Anna Berg", "focus on"),
        ),
        (
            "Mayor Anna Berg is looking forward to the summer season.",
            ("the summer season", "Mayor Anna Berg", "look forward to"),
        ),
        (
            "Councillor Ilse Moreau is advocating for a shorter ferry route.",
            ("a shorter ferry route", "Councillor Ilse Moreau", "advocate for"),
        ),
        (
            "Mayor Anna Berg forecasts that the tolls will fall.",
            ("the tolls will fall", "Mayor Anna Berg", "forecast"),
        ),
        (
            "Mayor Anna Berg was dismissive of the toll figures.",
            ("the toll figures", "Mayor Anna Berg", "dismissive of"),
        ),
        (
            "Mayor Anna Berg cautioned that the tolls could rise.",
            ("the tolls could rise", "Mayor Anna Berg", "caution"),
        ),
    ],
)
def test_cues_added_to_the_codebook(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [  # plain noun-phrase sources: a demonstrative, a subordinator before, a modal after
        ("Those surveyed say the ferry is late.", ("the ferry is late", "Those surveyed", "say")),
        (
            "This initiative called for the removal of the tolls.",
            ("the removal of the tolls", "This initiative", "call for"),
        ),
        (
            "The harbour board could reject the toll plan.",
            ("the toll plan", "The harbour board", "reject"),
        ),
    ],
)
def test_plain_noun_phrase_sources(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_subordinator_is_not_part_of_a_noun_phrase_source() -> None:
    found = contents("While one survey says the ferry is popular, another disagrees.")
    assert [(source, cue) for _, source, cue in found] == [("one survey", "say")]


def test_a_preposition_and_an_opening_participle() -> None:
    found = contents(
        "After suggesting that the tolls were too high, Mayor Anna Berg left the meeting."
    )
    assert ("the tolls were too high", "Mayor Anna Berg", "suggest") in found


@pytest.mark.parametrize(
    "text",
    [
        "The ferry was late. As reported by the Varn Gazette, the ferry will stop in May.",
        "The ferry was late. As the Varn Gazette reported, the ferry will stop in May.",
        "The ferry was late. The ferry will stop in May, as the Varn Gazette reported.",
    ],
)
def test_a_comment_clause_after_the_first_sentence(text: str) -> None:
    found = [(c.lower(), s) for c, s, _ in contents(text)]
    assert found == [("the ferry will stop in may", "Varn Gazette")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mayor Anna Berg was asked by reporters whether the ferry would run.",
            ("whether the ferry would run", "reporters", "ask"),
        ),
        (
            "The toll plan was rejected by the harbour board.",
            ("The toll plan", "the harbour board", "reject"),
        ),
        (
            "The ferry contract, opposed by Councillor Ilse Moreau, was signed in May.",
            ("The ferry contract", "Councillor Ilse Moreau", "oppose"),
        ),
        (
            "Mayor Anna Berg has been criticized by the dock union for the toll increase.",
            ("for the toll increase", "the dock union", "criticize"),
        ),
    ],
)
def test_the_agent_of_a_passive_report_is_its_source(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["The bridge was built by Dahl and Sons in 1990.", "The letter was written by hand."],
)
def test_a_passive_without_a_report_verb_or_agent_is_no_report(sentence: str) -> None:
    assert contents(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [  # stance adjectives with their complement (Biber et al. 1999, 9.4.5 and 9.4.6)
        (
            "Mayor Anna Berg is confident that the ferry will run.",
            ("the ferry will run", "Mayor Anna Berg", "confident"),
        ),
        (
            "The dock union is eager to end the strike.",
            ("to end the strike", "The dock union", "eager"),
        ),
        (
            "Councillor Ilse Moreau was critical of the toll plan.",
            ("the toll plan", "Councillor Ilse Moreau", "critical of"),
        ),
        (
            "Mayor Anna Berg remains deeply concerned about the storm season.",
            ("the storm season", "Mayor Anna Berg", "concerned about"),
        ),
    ],
)
def test_stance_adjectives_are_cues(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_stance_adjective_before_a_noun_is_no_cue() -> None:
    assert contents("A confident mayor opened the bridge.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The harbour vote is projected to pass next week.",
            ("The harbour vote is projected to pass next week", "", "be projected"),
        ),
        (
            "Councillor Ilse Moreau is questioning the toll figures.",
            ("the toll figures", "Councillor Ilse Moreau", "question"),
        ),
    ],
)
def test_more_codebook_forms(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_discuss_takes_its_object() -> None:
    found = contents("Mayor Anna Berg discussed the harbour tolls with the dock union.")
    assert ("the harbour tolls with the dock union", "Mayor Anna Berg", "discuss") in found


def partial_source(text: str) -> tuple[str, str]:
    """(source mention, cue lemma) of the one partial quotation of ``text``."""
    _, table = extract(text)
    row = table[table["kind"] == "partial"].iloc[0]
    return row["speaker_mention"], row["verb"]


def test_a_quotation_under_a_topic_verb_inside_a_report_is_the_reporters() -> None:
    text = 'Mayor Anna Berg said the harbour board will discuss "a fairer toll" next week.'
    assert partial_source(text) == ("Mayor Anna Berg", "say")


def test_a_quotation_under_an_inner_speech_verb_is_the_inner_speakers() -> None:
    text = 'Mayor Anna Berg said Ilse Moreau called the plan "a disgrace" on Friday.'
    assert partial_source(text) == ("Ilse Moreau", "call")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # an inserted phrase between the verb's comma and its clause
            "Mayor Anna Berg says, rain or shine, the ferry will run all winter.",
            ("rain or shine, the ferry will run all winter", "Mayor Anna Berg", "say"),
        ),
        (  # a trailing attribution whose hearer is a noun phrase, then an adjunct
            "The ferry will stop in May, Mayor Anna Berg told a council panel on Friday.",
            ("The ferry will stop in May", "Mayor Anna Berg", "tell"),
        ),
        (  # a parenthetical attribution with its hearer
            "The solution, the harbour master told them, was simple.",
            ("was simple", "the harbour master", "tell"),
        ),
        (  # an inverted source with a prepositional modifier
            "The ferry will stop in May, said a spokesman for the harbour board.",
            ("The ferry will stop in May", "a spokesman", "say"),
        ),
        (
            "The ferry will stop in May, said a professor at the Varn college.",
            ("The ferry will stop in May", "a professor at the Varn college", "say"),
        ),
    ],
)
def test_more_unmarked_report_shapes(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_a_first_person_narrator_is_a_source() -> None:
    found = contents("If Anna Berg had won, I guess the ferry would run all winter.")
    assert ("the ferry would run all winter", "I", "guess") in found


def test_a_new_main_clause_after_a_conjunction_ends_the_content() -> None:
    found = contents(
        "Mayor Anna Berg said that the ferry would run, although she also warned that the "
        "tolls would rise."
    )
    assert ("the ferry would run", "Mayor Anna Berg", "say") in found
    assert ("the tolls would rise", "she", "warn") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a place set off by commas is a locative, not the subject
            "During a stop in Varnby, Norway, the harbour master repeated his promise.",
            ("his promise", "the harbour master", "repeat"),
        ),
        (  # a designation in brackets is not the subject
            "Sen. Ilse Moreau (Norway) has said the ferry should run.",
            ("the ferry should run", "Sen. Ilse Moreau", "say"),
        ),
    ],
)
def test_locatives_and_designations_are_not_subjects(sentence: str, expected: tuple) -> None:
    assert expected in contents(sentence)


def test_answers_attributes_a_quotation() -> None:
    assert direct_sources('"The ferry will run," Mayor Anna Berg answers.') == [
        ("Mayor Anna Berg", "answer")
    ]


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        (
            "Mayor Anna Berg was asked whether the ferry would run.",
            "whether the ferry would run",
            "ask",
        ),
        ("The harbour staff were told that the ferry would stop.", "the ferry would stop", "tell"),
        # a participial clause after a subordinator is passive too, and ends at its comma
        (
            "Berg shrugged when asked whether the ferry would run.",
            "whether the ferry would run",
            "ask",
        ),
        (
            "When asked specifically what the ferry would cost, Berg left.",
            "what the ferry would cost",
            "ask",
        ),
    ],
)
def test_a_passive_report_without_agent_has_no_source(
    sentence: str, content: str, cue: str
) -> None:
    assert (content, "", cue) in contents(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # post-operator ellipsis: a subject pronoun and an operator are a whole clause
        (
            "Councillors are split on the ferry. Ola Berg said she would.",
            ("she would", "Ola Berg", "say"),
        ),
        ("The ferry plan was put to Dahl. Dahl said he agreed.", ("he agreed", "Dahl", "say")),
        # a short quoted title between the verb and "that" does not hide the that-clause
        (
            'Berg attacked again, stating on NRK\'s "Morning Show" that the ferry was late.',
            ("the ferry was late", "Berg", "state"),
        ),
    ],
)
def test_short_clauses_and_quoted_titles_before_that(text: str, expected: tuple) -> None:
    assert expected in contents("The port reopened on Monday.\n\n" + text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "often" before a finite verb keeps it a verb (an adjective only after a determiner)
        (
            "Berg often questions Dahl's ties to the shipping firms.",
            ("Dahl's ties to the shipping firms", "Berg", "question"),
        ),
        # the head of a restrictive relative clause that runs to the verb is the source
        (
            "Even those who have sketched out paths for Berg to win acknowledge that they are slim.",
            ("they are slim", "those", "acknowledge"),
        ),
    ],
)
def test_adverbs_and_relative_clauses_before_the_verb(text: str, expected: tuple) -> None:
    assert expected in contents("The port reopened on Monday.\n\n" + text)


def test_an_often_cited_report_is_no_cue() -> None:
    """After a determiner, *often* + participle is an adjective: *cited* reports nothing."""
    found = contents(
        "The port reopened on Monday.\n\nAn often cited report says the port is small."
    )
    assert [cue for _, _, cue in found] == ["say"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an existential clause with an adverb after "there"
        (
            "Berg said there certainly was more room for a second ferry.",
            ("there certainly was more room for a second ferry", "Berg", "say"),
        ),
        # an approximate quantity opens the clause: "about" is no preposition here
        (
            "The harbour board said about half of the loss reflected lower fares.",
            ("about half of the loss reflected lower fares", "The harbour board", "say"),
        ),
        # a day's possessive is the clause's subject, not a time adjunct
        (
            "Ola Dahl said Thursday's vote had led her to back Berg.",
            ("Thursday's vote had led her to back Berg", "Ola Dahl", "say"),
        ),
        # a locative adverb after a noun phrase source belongs to it
        (
            "Her campaign workers here said they had knocked on every door.",
            ("they had knocked on every door", "Her campaign workers", "say"),
        ),
    ],
)
def test_clause_openings_that_look_like_adjuncts(text: str, expected: tuple) -> None:
    assert expected in contents("The port reopened on Monday.\n\n" + text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an -ing head noun after a determiner or a possessive
        (
            "A person familiar with Thursday's meeting says the talks will focus on fares.",
            ("the talks will focus on fares", "A person familiar with Thursday's meeting", "say"),
        ),
        (
            "Another ranking says he is not a billionaire.",
            ("he is not a billionaire", "Another ranking", "say"),
        ),
        # "by" inside a document's noun phrase; "at least" before a quantity
        (
            "The poll by the Varnby Institute showed Berg leading Dahl.",
            ("Berg leading Dahl", "The poll by the Varnby Institute", "show"),
        ),
        (
            "At least half of voters in each town say the fares are too high.",
            ("the fares are too high", "At least half of voters in each town", "say"),
        ),
    ],
)
def test_noun_phrase_sources_with_ing_heads_agents_and_quantities(
    text: str, expected: tuple
) -> None:
    assert expected in contents("The port reopened on Monday.\n\n" + text)


def test_a_participle_before_the_verb_is_not_the_head() -> None:
    found = contents("The port reopened on Monday.\n\nTravellers waiting say the ferry is late.")
    assert ("the ferry is late", "Travellers waiting", "say") not in found


def test_a_number_appositive_and_that_way() -> None:
    """*A third of voters, 33%, say they feel that way*: the source skips the number; *that way*
    opens no that-clause."""
    found = contents(
        "The port reopened on Monday.\n\nA third of voters, 33%, say they feel that way."
    )
    assert found == [("they feel that way", "A third of voters", "say")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "estimate" is a cognition cue with a bare clause
        (
            "Based on earlier counts, advocates estimate there could be 18,000 such cases.",
            ("there could be 18,000 such cases", "advocates", "estimate"),
        ),
        # a noun phrase before an auxiliary is the clause's subject, not a hearer
        (
            "Berg assured the ferry will run on time.",
            ("the ferry will run on time", "Berg", "assure"),
        ),
    ],
)
def test_estimates_and_subjects_that_look_like_hearers(text: str, expected: tuple) -> None:
    assert expected in contents("The port reopened on Monday.\n\n" + text)


def test_a_hearer_before_that_is_still_no_content() -> None:
    found = contents(
        "The port reopened on Monday.\n\nBerg assured the council panel that it would work."
    )
    assert ("it would work", "Berg", "assure") in found


def test_once_before_a_verb_is_an_adverb_not_a_subordinator() -> None:
    found = contents("The port reopened on Monday.\n\nBerg, who once praised the ferry plan, left.")
    assert [(source, cue) for _, source, cue in found] == [("who", "praise")]
