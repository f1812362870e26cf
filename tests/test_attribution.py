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
