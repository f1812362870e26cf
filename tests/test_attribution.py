"""Attribution as source-cue-content records (Pareti 2016; PolNeAR's scheme): the source and cue spans of
each record, house styles of quotation marks, and reported speech without marks. Every sentence here is
hand-written for the pattern it tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.ingest.manifest import Article
from analysis.measures.quotes import extract_quotes
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document

RULES = load_rules()


def extract(text: str) -> tuple[str, pd.DataFrame]:
    """Clean ``text`` with the project's rules; return the clean text and its quote records."""
    article = Article("e", "T", "", "2020-01-01", Path("T.txt"), "en", "en", "", "", "")
    tracked, blocks, changes = clean_text(text, RULES, {})
    table = extract_quotes(Document(article, text, tracked, blocks, changes))
    for row in table.itertuples():
        assert tracked.text[row.start : row.end] == row.text
    return tracked.text, table


def spans(clean: str, row) -> tuple[str, str]:
    """Surface text of a record's source and cue spans."""
    source = clean[row.source_start : row.source_end] if row.source_start >= 0 else ""
    cue = clean[row.cue_start : row.cue_end] if row.cue_start >= 0 else ""
    return source, cue


def test_direct_quote_has_source_and_cue_spans() -> None:
    clean, table = extract('"The bridge will reopen in May," Mayor Anna Berg told reporters.')
    row = table[table["kind"] == "direct"].iloc[0]
    assert spans(clean, row) == ("Mayor Anna Berg", "told")


def test_record_without_attribution_has_no_spans() -> None:
    _, table = extract('The council met on a "historic" day.')
    row = table.iloc[0]
    assert (row.source_start, row.source_end, row.cue_start, row.cue_end) == (-1, -1, -1, -1)


def test_doubled_single_marks_are_quotation_marks() -> None:
    _, table = extract("''We will rebuild the harbour,'' said Mayor Anna Berg.")
    row = table[table["kind"] == "direct"].iloc[0]
    assert row.text == "We will rebuild the harbour"
    assert row.speaker == "Anna Berg"


def test_tex_style_marks_are_quotation_marks() -> None:
    _, table = extract("Mayor Anna Berg said: ``The harbour will reopen.''")
    row = table[table["kind"] == "direct"].iloc[0]
    assert row.text == "The harbour will reopen."


def indirect(text: str) -> pd.DataFrame:
    """The indirect records of ``text``."""
    _, table = extract(text)
    return table[table["kind"] == "indirect"]


def test_trailing_attribution_without_marks() -> None:
    rows = indirect("The harbour will reopen in May, officials said on Friday.")
    assert list(rows["text"]) == ["The harbour will reopen in May"]
    assert list(rows["speaker_mention"]) == ["officials"]


def test_parenthetical_attribution_gives_two_pieces_of_one_report() -> None:
    rows = indirect("The harbour, the mayor said, will reopen in May.")
    assert list(rows["text"]) == ["The harbour", "will reopen in May"]
    assert rows["quotation"].nunique() == 1
    assert set(rows["verb"]) == {"say"}


def test_noun_phrase_source_of_a_bare_clause() -> None:
    rows = indirect("Most of the fishermen said the quota was too low.")
    assert list(rows["text"]) == ["the quota was too low"]
    assert list(rows["speaker_mention"]) == ["Most of the fishermen"]


def test_document_verb_with_a_noun_phrase_source() -> None:
    rows = indirect("The audit found the harbour fees were never collected.")
    assert list(rows["text"]) == ["the harbour fees were never collected"]
    assert list(rows["speaker_mention"]) == ["The audit"]
    assert list(rows["verb_class"]) == ["evidence"]


def test_cognition_verb_reports_a_thought() -> None:
    rows = indirect("Mayor Anna Berg believes the ferry will be late.")
    assert list(rows["text"]) == ["the ferry will be late"]
    assert list(rows["speaker"]) == ["Anna Berg"]


def test_stance_verb_object_is_the_content() -> None:
    rows = indirect("Mayor Anna Berg endorsed the plan to widen the bridge.")
    assert list(rows["text"]) == ["the plan to widen the bridge"]
    assert list(rows["verb"]) == ["endorse"]


def test_embedded_question_after_ask() -> None:
    rows = indirect("Councillor Ilse Moreau asked whether the ferry would run in winter.")
    assert list(rows["text"]) == ["whether the ferry would run in winter"]


def test_introductory_phrase_is_not_a_trailing_report() -> None:
    rows = indirect("For her part, the mayor said the ferry will run in winter.")
    assert list(rows["text"]) == ["the ferry will run in winter"]


def test_inverted_noun_phrase_source() -> None:
    _, table = extract('"The ferry is late again," said a commuter close to the council.')
    row = table[table["kind"] == "direct"].iloc[0]
    assert row.speaker_mention == "a commuter close to the council"


def test_noun_phrase_source_before_the_verb() -> None:
    _, table = extract('"The ferry is late again," the regular commuter added.')
    row = table[table["kind"] == "direct"].iloc[0]
    assert row.speaker_mention == "the regular commuter"
    assert row.speaker == ""


def test_lower_case_role_before_the_name_after_the_verb() -> None:
    for text, name in (
        ('"The water rose fast," said café owner Henrik Dahl.', "Henrik Dahl"),
        ('"We were not warned," said councillor Ilse Moreau.', "Ilse Moreau"),
    ):
        _, table = extract(text)
        assert table[table["kind"] == "direct"].iloc[0].speaker == name


def test_honorific_makes_a_person_even_when_the_name_is_an_outlet_word() -> None:
    _, table = extract(
        'Former president Ruben Fox spoke on Monday.\n\n"He is not welcome here," Mr. Fox told CNN.'
    )
    row = table[table["kind"] == "direct"].iloc[0]
    assert (row.speaker, row.speaker_mention) == ("Ruben Fox", "Mr. Fox")


def test_colon_introduction_in_the_previous_paragraph() -> None:
    _, table = extract(
        "The harbour master Jonas Vik spoke after the vote. Vik continued:\n\n"
        '"We will not give up on the ferry."'
    )
    row = table[table["kind"] == "direct"].iloc[0]
    assert row.speaker == "Jonas Vik"
    assert row.verb == "continue"


def test_transcript_label_is_direct_speech_of_the_named_person() -> None:
    _, table = extract(
        "Governor Maren Lind debated Senator Ole Strand on Tuesday.\n\n"
        "LIND: We will build the bridge next year.\n\n"
        "UPDATE: The debate ended at nine."
    )
    rows = table[table["kind"] == "direct"]
    assert list(rows["text"]) == ["We will build the bridge next year"]
    assert list(rows["speaker"]) == ["Maren Lind"]
