"""Tests for analysis.text.quotemarks (where quotation marks are) and analysis.measures.labels (label families by voice)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.measures.labels import VOICES, count_labels, find_labels, load_codebook
from analysis.tables.compare import label_table
from analysis.text.document import Document
from analysis.text.quotemarks import is_quoted, quoted_spans


def quoted_texts(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in quoted_spans(paragraph)]


# --- quoted_spans --------------------------------------------------------------------------------


def test_plain_pair() -> None:
    paragraph = 'He said "stop now" and left.'
    assert quoted_spans(paragraph) == [(8, 18)]
    assert quoted_texts(paragraph) == ['"stop now"']


def test_two_pairs() -> None:
    paragraph = '"We agree," he said, "on everything."'
    #            0         1         2         3
    #            0123456789012345678901234567890123456
    assert quoted_spans(paragraph) == [(0, 11), (21, 37)]
    assert quoted_texts(paragraph) == ['"We agree,"', '"on everything."']


def test_unbalanced_quote_runs_to_paragraph_end() -> None:
    paragraph = 'A "b c" d "e f g'
    assert quoted_spans(paragraph) == [(2, 7), (10, 16)]
    assert quoted_texts(paragraph)[-1] == '"e f g'


def test_lone_opening_mark() -> None:
    assert quoted_spans('"The quotation continues') == [(0, 24)]


def test_no_quotes() -> None:
    assert quoted_spans("Nothing quoted here.") == []
    assert quoted_spans("") == []


def test_apostrophes_are_not_quotes() -> None:
    assert quoted_spans("Pakistan's leaders don't blame the students' union.") == []
    assert quoted_spans("Iran's and Pakistan's leaders' talks, wasn't it?") == []


def test_elision_apostrophes_do_not_open_a_quote() -> None:
    assert quoted_texts("The '90s were rock 'n' roll") == []
    assert quoted_texts("Tell 'em it was 'a turning point' for us") == ["'a turning point'"]


def test_single_quote_pair_among_apostrophes() -> None:
    paragraph = "Pakistan's 'turning point' don't students' books"
    assert quoted_texts(paragraph) == ["'turning point'"]
    assert quoted_spans(paragraph) == [(11, 26)]


def test_two_single_quote_pairs() -> None:
    assert quoted_texts("'a' and 'b'") == ["'a'", "'b'"]


def test_nested_single_inside_double_is_one_span() -> None:
    paragraph = "He said \"they called it 'a force' today\" and left."
    assert quoted_spans(paragraph) == [(8, 40)]
    assert quoted_texts(paragraph) == ["\"they called it 'a force' today\""]


def test_single_pair_outside_double_pair_is_kept() -> None:
    paragraph = "The so-called 'force' and \"the plan\""
    assert quoted_texts(paragraph) == ["'force'", '"the plan"']


def test_stray_closing_mark_opens_nothing() -> None:
    # the quotation opened in an earlier paragraph: its closing mark is no opening mark
    assert quoted_texts('we will win." Khan left. "We agree," Rohani said.') == ['"We agree,"']


def test_missing_closing_mark_is_read_flat_unless_the_next_paragraph_continues() -> None:
    paragraph = 'He said "we will win. He added: "We are ready."'
    assert quoted_spans(paragraph) == [(8, 33), (32, 47)]
    assert quoted_spans(paragraph, continued=True) == [(8, 47)]


def test_nested_double_quotation_is_one_span() -> None:
    paragraph = 'He said "they called it "a plan" and left" today.'
    assert quoted_texts(paragraph) == ['"they called it "a plan" and left"']


def test_is_quoted() -> None:
    spans = [(2, 5), (8, 9)]
    assert [is_quoted(offset, spans) for offset in range(10)] == [
        False, False, True, True, True, False, False, False, True, False,
    ]  # fmt: skip


# --- labels ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def families():
    return load_codebook()


def test_codebook_families(families) -> None:
    names = [family.name for family in families]
    assert names[:3] == ["terrorism", "extremism", "militancy"]
    assert len(names) == len(set(names))


def test_narration_vs_quoted(families) -> None:
    text = 'Officials called them terrorists. "These terrorists will pay," he said.'
    uses = find_labels("Outlet", [(100, text)], families)
    assert list(uses.columns) == ["outlet", "family", "term", "voice", "start", "end", "block_text"]
    assert list(zip(uses["family"], uses["term"], uses["voice"], strict=True)) == [
        ("terrorism", "terrorists", "narration"),
        ("terrorism", "terrorists", "quoted"),
    ]
    assert list(uses["start"]) == [100 + 22, 100 + 41]
    assert list(uses["end"]) == [100 + 32, 100 + 51]
    assert set(uses["block_text"]) == {text}
    counts = count_labels(uses, ["Outlet"], families)
    terror = counts[counts["family"] == "terrorism"].set_index("voice")["count"]
    assert terror.to_dict() == {"narration": 1, "quoted": 1}


def test_several_families_and_word_boundaries(families) -> None:
    blocks = [
        (0, "Counter-terrorism units fought militants and Rebels."),
        (60, "'Extremists' said gunmen, but terrorized no one. Terrorville is a town."),
    ]
    uses = find_labels("A", blocks, families)
    found = sorted(zip(uses["family"], uses["term"], uses["voice"], strict=True))
    assert found == [
        ("armed_group", "gunmen", "narration"),
        ("extremism", "extremists", "quoted"),
        ("militancy", "militants", "narration"),
        ("rebellion", "rebels", "narration"),
        ("terrorism", "counter-terrorism", "narration"),
        ("terrorism", "terrorized", "narration"),
    ]


def test_count_labels_has_zero_rows_for_unused_families(families) -> None:
    uses = find_labels("B", [(0, 'The militants fled. "Militants," he said.')], families)
    counts = count_labels(uses, ["B", "A"], families)
    assert list(counts.columns) == ["outlet", "family", "voice", "count"]
    assert len(counts) == 2 * len(families) * 2
    assert list(counts["outlet"].unique()) == ["A", "B"]
    assert list(counts["family"].unique()) == [family.name for family in families]
    assert list(counts["voice"][:2]) == list(VOICES)
    nonzero = counts[counts["count"] > 0]
    assert [tuple(row) for row in nonzero[["outlet", "family", "voice", "count"]].values] == [
        ("B", "militancy", "narration", 1),
        ("B", "militancy", "quoted", 1),
    ]
    assert counts["count"].sum() == 2
    assert (counts[counts["outlet"] == "A"]["count"] == 0).all()


def test_count_labels_with_no_uses_at_all(families) -> None:
    uses = find_labels("A", [(0, "Nothing to see.")], families)
    assert uses.empty
    counts = count_labels(uses, ["A"], families)
    assert len(counts) == len(families) * 2
    assert (counts["count"] == 0).all()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param("families: [unclosed\n", "cannot read codebook", id="bad-yaml"),
        pytest.param("- a list\n", "expected a top-level 'families' mapping", id="no-families"),
        pytest.param("families: {}\n", "expected a top-level 'families' mapping", id="empty"),
        pytest.param(
            "families:\n  x:\n    description: d\n", "family 'x' has no patterns", id="no-pat"
        ),
        pytest.param(
            "families:\n  y:\n    patterns: ['(open']\n", "family 'y': bad pattern", id="bad-regex"
        ),
    ],
)
def test_load_codebook_errors(tmp_path: Path, body: str, problem: str) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_codebook(path)
    assert caught.value.path == str(path)
    assert problem in str(caught.value)


def test_load_codebook_custom_file(tmp_path: Path) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(
        "families:\n  foe:\n    patterns: ['foes?', 'enem(?:y|ies)']\n", encoding="utf-8"
    )
    (family,) = load_codebook(path)
    assert family.name == "foe"
    uses = find_labels("A", [(0, 'Foes and "enemies" but not foesque.')], [family])
    assert list(zip(uses["term"], uses["voice"], strict=True)) == [
        ("foes", "narration"),
        ("enemies", "quoted"),
    ]


# --- the seed event ----------------------------------------------------------------------------------

# Read from the clean texts by hand. VOA: 8 terror-words; 7 in its own narration ("fight terrorist
# groups", "recent terrorist attacks", "the issue of terrorism", "action against terrorist groups",
# "three Baluch terrorist organizations", "successes against terrorism", "a foreign terrorist
# organization") and 1 inside Khan's quotation ("any terrorist activity"). RFI: 4, all inside quotes
# ("joint rapid reaction force to fight terrorism", "The terrorists are trying", "determined to fight
# terrorism", foreign "terrorist" organization).


def test_seed_terrorism_labels_by_voice(seed_event: dict[str, Document], families) -> None:
    table = label_table(list(seed_event.values()), families)
    terror = table[table["family"] == "terrorism"].set_index(["outlet", "voice"])["count"]
    assert terror[("VOA", "narration")] >= 1
    assert terror[("RFI", "narration")] == 0
    assert terror[("RFI", "quoted")] >= 1
    assert terror.to_dict() == {
        ("RFI", "narration"): 0,
        ("RFI", "quoted"): 4,
        ("VOA", "narration"): 7,
        ("VOA", "quoted"): 1,
    }
    assert len(table) == 2 * len(families) * 2
    assert isinstance(table, pd.DataFrame)
