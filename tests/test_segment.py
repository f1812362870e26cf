"""Tests for analysis.text.segment: rule-based sentence splitting and tokenisation."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from analysis.text.lexicon import NO_BREAK_ABBREVIATIONS
from analysis.text.segment import (
    MAX_SENTENCE_CHARS,
    SENTENCE_STARTERS,
    Span,
    has_word,
    split_sentences,
    token_starts,
    tokenize,
    words,
)


def sentences(text: str) -> list[str]:
    return [span.text for span in split_sentences(text)]


def tokens(text: str) -> list[str]:
    return [span.text for span in tokenize(text)]


# --- sentence splitting: basic terminators -------------------------------------------------


def test_splits_on_period_exclamation_question() -> None:
    text = "The army advanced. Was it wise? Nobody knows! 10 soldiers died."
    assert sentences(text) == [
        "The army advanced.",
        "Was it wise?",
        "Nobody knows!",
        "10 soldiers died.",
    ]


def test_splits_before_opening_quote_or_bracket() -> None:
    text = 'He left. "We are done," she said. (The talks failed.) [Update] Later.'
    assert sentences(text) == [
        "He left.",
        '"We are done," she said.',
        "(The talks failed.)",
        "[Update] Later.",
    ]


def test_closing_quotes_and_brackets_stay_with_sentence() -> None:
    text = "He said 'no.' Then he left. (It rained.) Everyone went home."
    assert sentences(text) == [
        "He said 'no.'",
        "Then he left.",
        "(It rained.)",
        "Everyone went home.",
    ]


def test_repeated_terminators() -> None:
    assert sentences("Really?! Yes. Wow!!! Done.") == ["Really?!", "Yes.", "Wow!!!", "Done."]


def test_unicode_uppercase_starts_sentence() -> None:
    assert sentences("She left. Élodie stayed.") == ["She left.", "Élodie stayed."]


# --- abbreviations -------------------------------------------------------------------------


@pytest.mark.parametrize("abbrev", ["U.S.", "U.N.", "U.K."])
def test_multi_dot_abbreviation_before_name_does_not_split(abbrev: str) -> None:
    text = f"The {abbrev} Army said it would leave."
    assert sentences(text) == [text]


@pytest.mark.parametrize("abbrev", ["U.S.", "U.N.", "U.K.", "a.m.", "p.m.", "e.g.", "i.e."])
def test_multi_dot_abbreviation_before_lower_case_does_not_split(abbrev: str) -> None:
    text = f"It happened near the {abbrev} base and officials left."
    assert sentences(text) == [text]


def test_multi_dot_abbreviation_before_sentence_starter_splits() -> None:
    text = "Iran imposed sanctions on the U.S. The talks ended."
    assert sentences(text) == ["Iran imposed sanctions on the U.S.", "The talks ended."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor said the U.S. "clearly" needed ferries.', 1),  # a partial quote goes on
        ('The ferry left the U.S. "We are done," Berg said.', 2),  # a new quotation opens
    ],
)
def test_a_quotation_after_an_abbreviation_splits_only_before_a_capital(
    text: str, expected: int
) -> None:
    assert len(sentences(text)) == expected


@pytest.mark.parametrize("starter", ["The", "He", "She", "It", "They", "We", "But", "This"])
def test_every_documented_starter_splits_after_abbreviation(starter: str) -> None:
    text = f"They met at 5 p.m. {starter} waited."
    assert sentences(text) == ["They met at 5 p.m.", f"{starter} waited."]


def test_starter_constant_contains_required_words() -> None:
    required = {"The", "He", "She", "It", "They", "We", "But", "In", "A", "An", "This", "That"}
    required |= {"There", "Its", "His", "Her"}
    assert required <= SENTENCE_STARTERS


def test_abbreviation_followed_by_starter_with_apostrophe_splits() -> None:
    text = "Talks moved to the U.N. It's unclear why."
    assert sentences(text) == ["Talks moved to the U.N.", "It's unclear why."]


def test_abbreviation_followed_by_hyphenated_a_word_does_not_split() -> None:
    text = "The U.S. A-10 jets flew low."
    assert sentences(text) == [text]


def test_abbreviation_followed_by_opening_quote_splits() -> None:
    text = 'He blamed the U.S. "We are ready," he said.'
    assert sentences(text) == ["He blamed the U.S.", '"We are ready," he said.']


REQUIRED_TITLES = [
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof", "Pres",
    "Rev", "Amb", "Atty", "Supt", "St", "Jr", "Sr", "No", "vs", "Inc", "Corp", "Co", "Ltd",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
]  # fmt: skip


@pytest.mark.parametrize("title", REQUIRED_TITLES)
def test_titles_never_split(title: str) -> None:
    text = f"They met {title}. The President there."
    assert sentences(text) == [text]
    assert title in NO_BREAK_ABBREVIATIONS


def test_titles_are_case_sensitive() -> None:
    assert sentences("He said no. The vote failed.") == ["He said no.", "The vote failed."]
    assert sentences("He wore No. 10 in 2004. It fit.") == ["He wore No. 10 in 2004.", "It fit."]


def test_titles_in_context() -> None:
    text = (
        "Mr. Smith met Gen. Jones and Lt. Col. Brown on Jan. 5 at St. Mary's. "
        "Sen. Warren spoke after Dr. Lee."
    )
    assert sentences(text) == [
        "Mr. Smith met Gen. Jones and Lt. Col. Brown on Jan. 5 at St. Mary's.",
        "Sen. Warren spoke after Dr. Lee.",
    ]


def test_title_after_opening_bracket_does_not_split() -> None:
    text = "The bill (sponsored by Rep. Ocasio-Cortez) passed."
    assert sentences(text) == [text]


def test_single_letter_initial_does_not_split() -> None:
    text = "John F. Kennedy and George W. Bush were presidents. J. R. R. Tolkien wrote."
    assert sentences(text) == [
        "John F. Kennedy and George W. Bush were presidents.",
        "J. R. R. Tolkien wrote.",
    ]


def test_single_letter_before_starter_splits() -> None:
    assert sentences("They chose Plan B. The rest left.") == [
        "They chose Plan B.",
        "The rest left.",
    ]


# --- numbers -------------------------------------------------------------------------------


def test_decimals_and_amounts_do_not_split() -> None:
    text = "Prices rose 3.5 percent to $1.2 billion and 2.75 million. Analysts were surprised."
    assert sentences(text) == [
        "Prices rose 3.5 percent to $1.2 billion and 2.75 million.",
        "Analysts were surprised.",
    ]


def test_number_at_end_of_sentence_splits() -> None:
    assert sentences("Growth was 3.5. The bank agreed.") == ["Growth was 3.5.", "The bank agreed."]


def test_currency_symbol_starts_sentence() -> None:
    assert sentences("The fund grew. $10 million arrived.") == [
        "The fund grew.",
        "$10 million arrived.",
    ]


# --- quotations ----------------------------------------------------------------------------


def test_quote_ending_sentence_splits() -> None:
    assert sentences('He said "yes." Then he left.') == ['He said "yes."', "Then he left."]


def test_attribution_stays_with_first_quote() -> None:
    assert sentences('"We will fight," he said. "We will win."') == [
        '"We will fight," he said.',
        '"We will win."',
    ]


def test_question_in_quote_followed_by_lower_case_does_not_split() -> None:
    assert sentences('"Is it over?" she asked.') == ['"Is it over?" she asked.']
    assert sentences('"Stop!" he shouted. "Now."') == ['"Stop!" he shouted.', '"Now."']


# --- lower case and ellipsis ---------------------------------------------------------------


def test_lower_case_after_period_does_not_split() -> None:
    text = "Fighting spread across the province. along the border troops waited."
    assert sentences(text) == [text]


def test_ellipsis_followed_by_lower_case_does_not_split() -> None:
    text = "He paused... and then spoke. Nobody answered."
    assert sentences(text) == ["He paused... and then spoke.", "Nobody answered."]


def test_ellipsis_followed_by_upper_case_splits() -> None:
    assert sentences("He waited... Nobody came.") == ["He waited...", "Nobody came."]


def test_no_space_after_period_does_not_split() -> None:
    text = "Visit example.com.The site is down."
    assert sentences(text) == [text]


# --- degenerate input ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   \n\t "])
def test_empty_or_whitespace_gives_no_sentences(text: str) -> None:
    assert split_sentences(text) == []
    assert tokenize(text) == []
    assert words(text) == []


def test_no_terminal_punctuation_is_one_sentence() -> None:
    text = "  a headline without a full stop  "
    assert split_sentences(text) == [Span(2, 32, "a headline without a full stop")]


def test_trailing_text_after_last_terminator_is_a_sentence() -> None:
    assert sentences("It ended. And then") == ["It ended.", "And then"]


def test_only_punctuation() -> None:
    assert sentences("...") == ["..."]


# --- offsets -------------------------------------------------------------------------------


def test_sentence_offsets_exclude_whitespace() -> None:
    text = "  One here.   Two there!\nThree? "
    assert split_sentences(text) == [
        Span(2, 11, "One here."),
        Span(14, 24, "Two there!"),
        Span(25, 31, "Three?"),
    ]


def test_sentence_offset_argument_shifts_spans() -> None:
    text = "He left. She stayed."
    assert split_sentences(text, offset=100) == [
        Span(100, 108, "He left."),
        Span(109, 120, "She stayed."),
    ]


def test_token_starts_are_the_tokens_starts() -> None:
    text = 'The U.S.-led talks cost $10,000 on Jan. 5; "we won\'t stop," she said.'
    assert token_starts(text) == [token.start for token in tokenize(text)]
    assert token_starts("U.S. aid") == [0, 5]
    assert token_starts("... !") == []


def test_span_is_frozen() -> None:
    span = Span(0, 1, "a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 5  # type: ignore[misc]


PARAGRAPHS = [
    'Iran imposed sanctions on the U.S. The talks ended. "We will fight," he said. "We will win."',
    "  Mr. Smith met Gen. John F. Kennedy Jr. at 5 p.m. on Jan. 5.  He left... and returned! ",
    "Prices rose 3.5 percent to $1.2 billion. (The U.N. said so.) Was it 10,000? 20 were hurt.",
    "Élodie Naïve's al-Adl group, e.g. the U.K. branch, moved 900-kilometers.\nThey didn't stop",
    'He said "yes." Then he left. "Is it over?" she asked. It was.',
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("offset", [0, 17])
def test_sentence_offsets_round_trip(paragraph: str, offset: int) -> None:
    spans = split_sentences(paragraph, offset)
    assert spans, "every paragraph here has text"
    previous_end = offset
    for span in spans:
        assert paragraph[span.start - offset : span.end - offset] == span.text
        assert span.text == span.text.strip() and span.text
        assert span.start >= previous_end  # in order, never overlapping
        previous_end = span.end
    # every non-space character belongs to exactly one sentence; only whitespace lies between
    covered = "".join(span.text for span in spans)
    assert "".join(covered.split()) == "".join(paragraph.split())
    gaps = [paragraph[a.end - offset : b.start - offset] for a, b in itertools.pairwise(spans)]
    assert all(gap and not gap.strip() for gap in gaps)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("offset", [0, 17])
def test_token_offsets_round_trip(paragraph: str, offset: int) -> None:
    spans = tokenize(paragraph, offset)
    assert spans
    previous_end = offset
    for span in spans:
        assert paragraph[span.start - offset : span.end - offset] == span.text
        assert span.start >= previous_end
        previous_end = span.end
    # tokens found per sentence, shifted by the sentence offset, equal tokens of the paragraph
    per_sentence = [
        token for sent in split_sentences(paragraph) for token in tokenize(sent.text, sent.start)
    ]
    assert [(t.start, t.end, t.text) for t in per_sentence] == [
        (t.start - offset, t.end - offset, t.text) for t in spans
    ]


# --- tokenisation --------------------------------------------------------------------------


def test_tokens_with_internal_punctuation() -> None:
    assert tokens("The U.S. sent 900-kilometers of cable; don't blame al-Adl.") == [
        "The",
        "U.S.",
        "sent",
        "900-kilometers",
        "of",
        "cable",
        "don't",
        "blame",
        "al-Adl",
    ]


def test_numbers_keep_separators_and_drop_currency() -> None:
    assert tokens("They paid $10, then $1.2 billion, 10,000 and 1,234,567.89 (3.5%).") == [
        "They",
        "paid",
        "10",
        "then",
        "1.2",
        "billion",
        "10,000",
        "and",
        "1,234,567.89",
        "3.5",
    ]


def test_comma_not_followed_by_three_digits_separates_numbers() -> None:
    expected = ["In", "2019", "2020", "and", "1", "2", "or", "5", "0000"]
    assert tokens("In 2019, 2020 and 1,2 or 5,0000.") == expected


def test_punctuation_is_not_a_token() -> None:
    assert tokens('"Hello," -- (she) said; [yes]! ... ?') == ["Hello", "she", "said", "yes"]


def test_leading_and_trailing_apostrophes_and_hyphens_dropped() -> None:
    assert tokens("the '90s, the students' books, -ish, well-") == [
        "the",
        "90s",
        "the",
        "students",
        "books",
        "ish",
        "well",
    ]


def test_dotted_abbreviations_keep_final_period() -> None:
    assert tokens("At 5 p.m., e.g. the U.S.-led U.N. team, not U.S.A or Mr. X.") == [
        "At",
        "5",
        "p.m.",
        "e.g.",
        "the",
        "U.S.-led",
        "U.N.",
        "team",
        "not",
        "U.S.A",
        "or",
        "Mr",
        "X",
    ]


def test_unicode_letters_are_letters() -> None:
    assert tokens("Café naïve Ïsa Zürich-based") == ["Café", "naïve", "Ïsa", "Zürich-based"]


def test_underscore_is_not_a_letter() -> None:
    assert tokens("snake_case") == ["snake", "case"]


def test_token_offsets_with_offset_argument() -> None:
    assert tokenize("$10 is U.S.", offset=5) == [
        Span(6, 8, "10"),
        Span(9, 11, "is"),
        Span(12, 16, "U.S."),
    ]


def test_words_are_lower_cased_token_texts() -> None:
    text = "The U.S. Army's 10,000 Troops, the ARMY."
    assert words(text) == ["the", "u.s.", "army's", "10,000", "troops", "the", "army"]
    assert words(text) == [span.text.lower() for span in tokenize(text)]


def test_deterministic() -> None:
    text = PARAGRAPHS[0] * 3
    assert split_sentences(text) == split_sentences(text)
    assert tokenize(text) == tokenize(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "...",
        "$",
        " - ",
        "'",
        "a",
        " x ",
        "U.S.",
        "42",
        "--Hello",
        "\u201c\u201d",
        "_",
        "é",
    ],
)
def test_has_word_is_whether_there_are_words(text: str) -> None:
    assert has_word(text) == bool(words(text))


def test_a_run_without_a_sentence_end_is_cut_at_clause_marks() -> None:
    clause = "the ferry was late again, and the mayor said nothing"
    text = ", ".join([clause] * 200)  # about 11,000 characters, no period
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(len(span.text) <= MAX_SENTENCE_CHARS for span in spans)
    assert all(span.text.endswith(",") for span in spans[:-1])  # cut after a comma
    assert " ".join(span.text for span in spans) == text  # nothing lost, nothing doubled


def test_a_run_without_any_space_is_cut_at_the_limit() -> None:
    spans = split_sentences("x" * (2 * MAX_SENTENCE_CHARS + 5))
    assert [len(span.text) for span in spans] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]
