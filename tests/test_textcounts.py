"""analysis.measures.textcounts: every readability value equals textstat 0.7.13's own function (==)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textstat.textstat import textstatistics

from analysis.ingest.load import load_event_checked
from analysis.ingest.manifest import event_ids
from analysis.measures.readability import READABILITY_MEASURES, use_offline_cmudict
from analysis.measures.textcounts import readability, text_counts

#: textstat itself, English, unrounded: the reference of every count.
REFERENCE = textstatistics()
REFERENCE.set_lang("en_US")
REFERENCE.set_rounding_points(None)

EDGE_CASES = [
    "",
    " ",
    "Word",
    "word.",
    "no sentence punctuation at all in this line of words",
    "In 2019, 1,000 people paid $3.5 million; 42% agreed.",
    "A well-known, twenty-one-year-old co-worker re-entered.",
    "Don't! It's the students' '90s rock 'n' roll, isn't it? O'Neill's.",
    "Jaïch al-Adl, Rohani, Σίσυφος and ΣΟΦΟΣ met in Zürich — naïve café résumé.",
    "İstanbul ſtraße K.",
    'Mr. Smith went to Washington. He said: "No." Then... nothing!?',
    "a b. c d. e f g h. i.",
    "...!!!???",
    "_under_score_ and tab\tseparated\nlines\n\nand paragraphs",
]


def _textstat(text: str) -> dict[str, float]:
    use_offline_cmudict()
    return {name: func(text) for name, func in READABILITY_MEASURES.items()}


def _assert_equal(text: str) -> None:
    assert readability(text) == _textstat(text), text
    counts = text_counts(text)
    assert counts.words == REFERENCE.lexicon_count(text)
    assert counts.sentences == REFERENCE.sentence_count(text)
    assert counts.syllables == REFERENCE.syllable_count(text)
    assert counts.polysyllables == REFERENCE.polysyllabcount(text)
    assert counts.letters == REFERENCE.letter_count(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_textstat(text: str) -> None:
    _assert_equal(text)


def test_values_are_not_trivial() -> None:
    scores = readability("The committee postponed its unanimous decision. Officials disagreed.")
    assert all(value != 0.0 for value in scores.values())
    assert list(scores) == list(READABILITY_MEASURES)


def test_seed_articles_equal_textstat(seed_event) -> None:
    for item in seed_event.values():
        _assert_equal(item.text)
        _assert_equal("\n\n".join(block.text for block in item.paragraphs))
        for block in item.blocks:
            _assert_equal(block.text)


@pytest.mark.corpus
def test_basil_articles_equal_textstat(basil) -> None:
    checked = 0
    for event in event_ids(basil):
        cleaned, _ = load_event_checked(event, basil)
        for item in cleaned:
            _assert_equal(item.text)
            _assert_equal("\n\n".join(block.text for block in item.paragraphs))
            checked += 1
    assert checked > 0


FRAGMENTS = (
    "The", "he", "said", "U.S.", "Mr.", "don't", "'90s", "rock 'n' roll", "students'", "it's",
    "co-operate", "twenty-one", "1,000", "3.5", "$10", "42%", "naïve", "Σ", "ΣΟΦΟΣ", "ſ", "İ",
    "K", "_", "extraordinarily", "unconstitutional", "a", "I", "e.g.", "—", "-", "'", '"',
    ".", "!", "?", "...", ",", ";", ":", "(", ")", " ", " ", "\n", "\n\n", "\t", "\u00a0",
)  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
)


@settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(texts)
@example("ΣΟΦΟΣ.ΣΟΦΟΣ ΣΟΦΟΣ'ΣΟΦΟΣ")
@example("x''t x'-t x' ve it'll")
def test_generated_text_equals_textstat(text: str) -> None:
    _assert_equal(text)
