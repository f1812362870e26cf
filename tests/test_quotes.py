"""Tests for analysis.measures.quotes: quotation marks in hostile layouts, kinds, speakers, gold agreement.

The seed-event gold file (data/gold/seed_quotes.csv) was annotated by hand; the BASIL test reads the
corpus at run time (Fan et al. 2019) and skips when it is absent.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.ingest.manifest import Article
from analysis.measures.quotes import (
    extract_quotes,
    load_verb_classes,
    quotes_table,
)
from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.verbs import reporting_verbs
from analysis.schema import QUOTE_COLUMNS, QUOTE_KINDS
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document, Sentence
from analysis.text.quotemarks import double_pairs

GOLD = config.PROJECT_ROOT / "data" / "gold" / "seed_quotes.csv"
BENCHMARK = config.PROJECT_ROOT / "benchmarks" / "quote_accuracy.py"


def make_article(text: str, rules: list | None = None, outlet: str = "T") -> Document:
    """A Document built from ``text`` (no cleaning rules unless given)."""
    article = Article(
        "test-event", outlet, "", "2020-01-01", Path(f"{outlet}.txt"), "en", "en", "", "", ""
    )
    tracked, blocks, changes = clean_text(text, rules or [], {})
    return Document(article, text, tracked, blocks, changes)


def quotes(text: str, rules: list | None = None) -> pd.DataFrame:
    cleaned = make_article(text, rules)
    table = extract_quotes(cleaned)
    for row in table.itertuples():  # the offsets invariant holds for every test text
        assert cleaned.text[row.start : row.end] == row.text
    return table


def only(table: pd.DataFrame, kind: str | None = None) -> pd.Series:
    rows = table if kind is None else table[table["kind"] == kind]
    assert len(rows) == 1, rows[["text", "kind", "speaker"]].to_string()
    return rows.iloc[0]


INTRO = "Pakistani Prime Minister Imran Khan met Iranian President Hassan Rohani in Tehran.\n\n"


# --- quotation marks ---------------------------------------------------------------------------------


def test_straight_marks_with_attribution_after() -> None:
    row = only(quotes(INTRO + '"We will win," Khan said.'))
    assert (row.text, row.kind, row.speaker, row.verb, row.verb_class) == (
        "We will win",
        "direct",
        "Imran Khan",
        "say",
        "neutral",
    )


def test_curly_marks_read_after_cleaning() -> None:
    row = only(quotes(INTRO + "\u201cWe will win,\u201d Khan said.", rules=load_rules()))
    assert (row.text, row.kind, row.speaker) == ("We will win", "direct", "Imran Khan")


def test_curly_and_straight_mixed() -> None:
    text = INTRO + '\u201cWe will win," said Khan. "We are ready\u201d, Rohani added.'
    table = quotes(text, rules=load_rules())
    assert list(table["text"]) == ["We will win", "We are ready"]
    assert list(table["speaker"]) == ["Imran Khan", "Hassan Rohani"]


def test_guillemets_with_french_spacing() -> None:
    row = only(quotes(INTRO + "\u00ab We will win \u00bb, Khan said.", rules=load_rules()))
    assert (row.text, row.kind, row.speaker) == ("We will win", "direct", "Imran Khan")


def test_straight_marks_with_french_spacing() -> None:
    row = only(quotes(INTRO + '" We will win ", Khan said.'))
    assert (row.text, row.speaker) == ("We will win", "Imran Khan")


def test_cleaning_rules_keep_offsets_right() -> None:
    row = only(quotes(INTRO + "\u00ab We  will win \u00bb, Khan said.", rules=load_rules()))
    assert (row.text, row.speaker) == ("We will win", "Imran Khan")


def test_quote_spanning_several_sentences_is_one_record() -> None:
    row = only(quotes(INTRO + '"We will win. We are strong. Nobody doubts it," Khan said.'))
    assert row.text == "We will win. We are strong. Nobody doubts it"
    assert row.speaker == "Imran Khan"
    assert row.words == 9


def test_quote_continued_across_paragraphs() -> None:
    text = INTRO + 'Khan said: "We will win.\n\n"We are strong.\n\n"Nobody doubts it."\n\nThe end.'
    table = quotes(text)
    assert list(table["text"]) == ["We will win.", "We are strong.", "Nobody doubts it."]
    assert set(table["kind"]) == {"direct"}
    assert set(table["speaker"]) == {"Imran Khan"}
    assert table["quotation"].nunique() == 1


def test_a_quoted_markup_value_is_no_quotation() -> None:
    """An embedded post's markup (``<post id="4412" ...>``) left in a text file: its attribute
    values stand after ``=`` and are no one's words; the post's own quotation still is."""
    text = INTRO + (
        'The mayor posted <post id="4412" author="@varnhall">Ferries run "all winter"</post> '
        'on Friday.\n\n"We will win," Khan said.'
    )
    table = quotes(text)
    assert not table["text"].isin(["4412", "@varnhall"]).any(), table[["text", "kind"]]
    assert {"all winter", "We will win"} <= set(table["text"])


def test_quote_open_at_paragraph_end_without_continuation() -> None:
    table = quotes(INTRO + 'Khan called it "a disaster for us all.\n\nThe talks then ended.')
    row = only(table, "partial")  # the object of "called" is an indirect record of its own
    assert row.text == "a disaster for us all."
    assert row.kind == "partial" and row.speaker == "Imran Khan"


def test_interrupted_quote_is_one_quotation_in_two_records() -> None:
    table = quotes(INTRO + '"We will win," he said. "We are strong."')
    assert list(table["text"]) == ["We will win", "We are strong."]
    assert set(table["speaker"]) == {"Imran Khan"}
    assert table["quotation"].nunique() == 1


def test_interrupted_quote_with_comma_continuation() -> None:
    table = quotes(INTRO + '"We will win," Rohani said, "and nobody doubts it."')
    assert list(table["kind"]) == ["direct", "direct"]
    assert set(table["speaker"]) == {"Hassan Rohani"}
    assert table["quotation"].nunique() == 1


def test_two_speakers_are_two_quotations() -> None:
    table = quotes(INTRO + '"We will win," Khan said. "We agree," Rohani said.')
    assert list(table["speaker"]) == ["Imran Khan", "Hassan Rohani"]
    assert table["quotation"].nunique() == 2


def test_nested_single_quotes_stay_inside() -> None:
    row = only(quotes(INTRO + "\"He told me 'never again,' and I believed him,\" Khan said."))
    assert row.text == "He told me 'never again,' and I believed him"


def test_stray_closing_mark_opens_no_quotation() -> None:
    table = quotes(INTRO + 'Rohani left early." Khan stayed. "We agree," Rohani said.')
    row = only(table)
    assert (row.text, row.speaker) == ("We agree", "Hassan Rohani")


def test_nested_double_marks_inside_double_marks() -> None:
    row = only(quotes(INTRO + '"They called it "a plan" and left," Khan said.'))
    assert row.text == 'They called it "a plan" and left'


def test_missing_closing_mark_is_repaired() -> None:
    table = quotes(INTRO + '"We will win, Khan said. "We are strong."')
    assert list(table["text"]) == ["We will win, Khan said.", "We are strong."]


def test_stray_closing_mark_is_ignored() -> None:
    table = quotes(INTRO + 'It was over." Khan said "a new era" had begun.')
    marked = table[table["kind"] != "indirect"]  # the mixed report '"a new era" had begun' aside
    assert list(marked["text"]) == ["a new era"]


def test_double_pairs_directly() -> None:
    assert double_pairs('a "b" c "d') == ([(2, 4), (8, None)], False)
    assert double_pairs('a." b "c"') == ([(6, 8)], False)  # a stray closing mark opens nothing
    assert double_pairs('"a "b" c') == ([(0, None)], True)
    assert double_pairs('"a "b" c', flat=True)[0] == [(0, 3), (3, 5)]


def test_headline_single_quotes() -> None:
    table = quotes(
        "Steele Under Fire Over 'Inaccurate' Comments\n\nMichael Steele spoke on Friday."
    )
    row = only(table)
    assert row.text == "Inaccurate" and row.kind == "scare"


def test_apostrophes_are_not_quotes() -> None:
    assert quotes(INTRO + "Pakistan's leaders and the students' union met in the '90s.").empty


# --- kinds -------------------------------------------------------------------------------------------


def test_inverted_order_with_description() -> None:
    row = only(quotes(INTRO + '"It is in our interest," said the Pakistani prime minister'))
    assert (row.speaker, row.speaker_mention) == ("Imran Khan", "the Pakistani prime minister")
    assert row.kind == "direct"


def test_description_resolution() -> None:
    row = only(quotes(INTRO + '"We agreed," the Iranian leader stressed.'))
    assert (row.speaker, row.speaker_mention, row.verb, row.verb_class) == (
        "Hassan Rohani",
        "the Iranian leader",
        "stress",
        "emphatic",
    )


def test_pronoun_resolution() -> None:
    text = INTRO + 'Prime Minister Khan spoke after Rohani.\n\n"We will win," he said.'
    row = only(quotes(text))
    assert (row.speaker, row.speaker_mention) == ("Imran Khan", "he")


def test_partial_quote_with_naming_verb() -> None:
    row = only(quotes(INTRO + 'Rohani called the visit "a turning point" in relations.'), "partial")
    assert (row.text, row.kind, row.speaker, row.verb, row.verb_class) == (
        "a turning point",
        "partial",
        "Hassan Rohani",
        "call",
        "naming",
    )


def test_one_word_quote_after_a_speech_verb_is_partial() -> None:
    table = quotes(INTRO + 'Khan said the group was "terrorist" in nature.')
    row = only(table, "partial")
    assert (row.text, row.speaker) == ("terrorist", "Imran Khan")


def test_scare_quote_without_reporting_verb() -> None:
    text = INTRO + 'The Guards were designated by the United States as a foreign "terrorist" group.'
    row = only(quotes(text))
    assert (row.kind, row.speaker, row.verb) == ("scare", "", "")


def test_short_quote_under_an_accusatory_verb_is_partial() -> None:
    row = only(
        quotes(INTRO + 'Rohani denounced the United States for "insulting" Iran.'), "partial"
    )
    assert (row.kind, row.speaker) == ("partial", "Hassan Rohani")


def test_gloss_after_a_name() -> None:
    text = INTRO + 'The Jaish al-Adl group, the "Justice Army," claimed the attack.'
    row = only(quotes(text))
    assert (row.text, row.kind, row.speaker) == ("Justice Army", "gloss", "")


def test_gloss_in_parentheses() -> None:
    row = only(quotes(INTRO + 'Jaish al-Adl ("Army of Justice") operates on the border.'))
    assert (row.text, row.kind) == ("Army of Justice", "gloss")


@pytest.mark.parametrize(
    "frame",
    [
        '"We will win," Khan said on TV2\'s "Morning Show."',
        '"We will win," Khan told the talk show "Morning Show."',
        '"We will win," Khan said in an interview with "Morning Show With Ola Berg."',
    ],
)
def test_a_title_named_by_its_network_or_work_noun_is_no_quotation(frame: str) -> None:
    table = quotes(INTRO + frame)
    row = table[table["text"].str.startswith("Morning Show")].iloc[0]
    assert (row.kind, row.speaker) == ("gloss", "")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('The "Varn Harbour" star posted a long message on Monday.', "Varn Harbour"),
        ('"Varn Harbour Nights" star Ana Lind opened up about her role.', "Varn Harbour Nights"),
    ],
)
def test_a_title_case_quotation_before_the_noun_it_names_is_no_quotation(
    text: str, title: str
) -> None:
    table = quotes(INTRO + text)
    row = table[table["text"] == title].iloc[0]
    assert (row.kind, row.speaker) == ("gloss", "")


@pytest.mark.parametrize(
    "text",
    [
        'The party ran on slogans. "Safe harbour, fair tolls" (2005) was the first.',
        "Today's reading: \"Ferry to stop in May,\" by the Post's Ola Berg.",
    ],
)
def test_a_quotation_cited_with_its_year_or_byline_is_a_title(text: str) -> None:
    row = only(quotes(INTRO + text))
    assert (row.kind, row.speaker) == ("gloss", "")


def test_a_quotation_closed_by_its_own_comma_before_a_noun_stays_direct() -> None:
    row = only(quotes(INTRO + '"Yes," officials said on Monday.'))
    assert row.kind == "direct"


def test_echo_of_an_earlier_quote() -> None:
    text = (
        INTRO + 'Rohani announced a "joint rapid reaction force to fight terrorism".\n\n'
        'No details were given on this "common rapid reaction force".'
    )
    table = quotes(text)
    assert list(table[table["kind"] != "indirect"]["kind"]) == ["partial", "echo"]
    assert only(table, "echo").speaker == ""


def test_unattributed_long_embedded_quote_is_partial_without_speaker() -> None:
    row = only(quotes(INTRO + 'The plan would "change the region for a generation" at least.'))
    assert (row.kind, row.speaker) == ("partial", "")


# --- indirect speech ---------------------------------------------------------------------------------


def test_indirect_with_that() -> None:
    row = only(quotes(INTRO + "Khan added that the attackers had bases inside Iran."))
    assert (row.kind, row.text, row.speaker, row.verb) == (
        "indirect",
        "the attackers had bases inside Iran",
        "Imran Khan",
        "add",
    )


def test_indirect_without_that_and_with_adverbials() -> None:
    table = quotes(
        INTRO + "Tehran says members of these groups infiltrate from Pakistan. "
        "Islamabad said in a formal letter to Tehran that the assailants came from Iran."
    )
    assert list(table["speaker"]) == ["Tehran", "Islamabad"]
    assert list(table["text"]) == [
        "members of these groups infiltrate from Pakistan",
        "the assailants came from Iran",
    ]


def test_indirect_clause_stops_before_a_participle() -> None:
    table = quotes(INTRO + "Khan acknowledged the issue figured high, citing recent attacks.")
    row = only(table[table["verb"] == "acknowledge"])  # "citing ..." is a record of its own
    assert row.text == "the issue figured high"


def test_noun_phrase_objects_are_not_indirect_speech() -> None:
    text = INTRO + "The two countries announced Monday their willingness to cooperate. "
    text += "Riyadh pledged billions of dollars. Iran claimed responsibility for an attack that killed 27."
    assert quotes(text).empty


def test_according_to() -> None:
    table = quotes(
        INTRO + "According to Imran Khan, the attackers came from Iran. "
        "The attackers had training camps, according to Pakistani officials."
    )
    assert list(table["text"]) == [
        "the attackers came from Iran",
        "The attackers had training camps",
    ]
    assert list(table["speaker"]) == ["Imran Khan", "Pakistan"]  # officials speak for their state
    assert list(table["speaker_mention"]) == ["Imran Khan", "Pakistani officials"]
    assert set(table["verb"]) == {"according to"}


def test_indirect_clause_holding_a_partial_quote() -> None:
    table = quotes(INTRO + 'The Iranian leader said the visit would be "a turning point" for ties.')
    assert list(table["kind"]) == ["indirect", "partial"]
    assert set(table["speaker"]) == {"Hassan Rohani"}


def test_direct_quote_after_colon_is_not_indirect() -> None:
    row = only(quotes(INTRO + 'Khan said: "We will win."'))
    assert (row.kind, row.speaker) == ("direct", "Imran Khan")


# --- table, codebook ---------------------------------------------------------------------------------


def test_columns_order_and_determinism() -> None:
    text = INTRO + '"We will win," Khan said. Rohani added that "the force" is ready.'
    first = quotes(text)
    assert list(first.columns) == QUOTE_COLUMNS
    assert list(first["quote"]) == list(range(len(first)))
    assert first.equals(quotes(text))
    assert list(first["start"]) == sorted(first["start"])
    assert set(first["kind"]) <= set(QUOTE_KINDS)


def test_quotes_table_over_articles() -> None:
    items = [make_article(INTRO + '"A b c," Khan said.', outlet=name) for name in ("X", "W")]
    table = quotes_table(items)
    assert list(table["outlet"]) == ["W", "X"]
    assert quotes_table([]).columns.tolist() == QUOTE_COLUMNS


def test_sentence_offsets_cover_the_quote() -> None:
    cleaned = make_article(
        INTRO + 'He left. "We will win. We are strong," Khan said. Then he left.'
    )
    row = only(extract_quotes(cleaned))
    assert cleaned.text[row.sentence_start : row.sentence_end] == (
        '"We will win. We are strong," Khan said.'
    )


REQUIRED_VERBS = {
    "neutral": [
        "said",
        "told",
        "added",
        "noted",
        "stated",
        "explained",
        "announced",
        "according to",
    ],
    "emphatic": ["stressed", "vowed", "insisted", "warned", "urged", "pledged", "emphasized"],
    "distancing": ["alleged", "claimed", "purported", "asserted"],
    "accusatory": ["accused", "denounced", "blamed", "condemned", "slammed"],
    "acknowledgement": ["acknowledged", "admitted", "conceded"],
}


def test_verb_codebook_classes_and_inflections() -> None:
    classes = load_verb_classes()
    for name, forms in REQUIRED_VERBS.items():
        inflections = {form for verbs in classes[name].verbs.values() for form in verbs}
        assert set(forms) <= inflections, name
    assert set(classes["neutral"].verbs["say"]) == {"say", "says", "said", "saying"}
    assert classes["accusatory"].short_partial and not classes["accusatory"].clause
    assert classes["stance"].object_content and not classes["neutral"].object_content


def test_verb_codebook_errors_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "verbs.yaml"
    bad.write_text("classes:\n  neutral:\n    verbs: {}\n", encoding="utf-8")
    with pytest.raises(InputError, match="no verbs"):
        load_verb_classes(bad)
    bad.write_text("classes:\n  x:\n    bare_clause: [say]\n    verbs: {tell: [told]}\n")
    with pytest.raises(InputError, match="bare_clause"):
        load_verb_classes(bad)


def test_custom_verb_classes_are_used() -> None:
    classes = {"only": dataclasses.replace(load_verb_classes()["neutral"], name="only")}
    row = only(extract_quotes(make_article(INTRO + '"We will win," Khan said.'), classes))
    assert row.verb_class == "only"


# --- gold agreement on the seed event ----------------------------------------------------------------


def test_seed_event_agrees_with_the_gold_file(
    seed_event: dict[str, Document], record_property
) -> None:
    gold = pd.read_csv(GOLD, dtype={"speaker": str}, keep_default_na=False)
    found = quotes_table(list(seed_event.values()))
    for row in found.itertuples():
        assert seed_event[row.outlet].text[row.start : row.end] == row.text
    for row in gold.itertuples():  # the gold file's own offsets are right
        assert seed_event[row.outlet].text[row.start : row.end] == row.text
    merged = gold.merge(found, on=["outlet", "start", "end"], how="left", suffixes=("", "_found"))
    wrong = merged[
        (merged["kind"] != merged["kind_found"]) | (merged["speaker"] != merged["speaker_found"])
    ]
    # The gold file predates object contents and sourceless raising verbs (issue 12, recall round:
    # "accused Pakistan of ...", "seemed to ..."), so precision is measured on the other records.
    found = found[~found["kind_rule"].isin(["object", "unsourced"])]
    matched = found.merge(gold, on=["outlet", "start", "end", "kind", "speaker"], how="inner")
    precision = len(matched) / len(found)
    record_property("seed_precision", precision)
    print(
        f"seed quotes: gold {len(gold)}, found {len(found)}, exact {len(matched)}, precision {precision:.3f}"
    )
    assert wrong.empty, wrong[
        ["outlet", "start", "end", "kind", "kind_found", "speaker", "speaker_found"]
    ]
    assert precision >= 0.95


# --- BASIL accuracy -----------------------------------------------------------------------------------


@pytest.mark.corpus
def test_basil_quote_recall_and_speaker_accuracy(basil: Path, record_property) -> None:
    spec = importlib.util.spec_from_file_location("quote_accuracy", BENCHMARK)
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    figures, _ = benchmark.evaluate(basil)
    for key, value in figures.items():
        record_property(key, value)
    print(figures)
    # measured: recall 0.956, speaker right 0.922 of found spans, 0.877 end to end (README)
    assert figures["quote_recall"] >= 0.94
    assert figures["speaker_accuracy_found"] >= 0.90
    assert figures["speaker_accuracy_all"] >= 0.85
    assert figures["seconds"] < 30


def test_quote_context_reads_the_documents_sentences() -> None:
    """The extraction takes the document's sentences (split once, when the document is built)."""
    cleaned = make_article(INTRO + '"We will win," Khan said. He left.')
    merged = tuple(
        Sentence(number, number, block.kind, block.start, block.end, block.text)
        for number, block in enumerate(cleaned.blocks)
    )
    cleaned.__dict__["sentences"] = merged
    context = ArticleContext(cleaned, reporting_verbs(None))
    assert context.sentences == [(s.start, s.end) for s in merged]
