"""The comparison layer on the seed event: values equal their definitions."""

from __future__ import annotations

import pytest
import textstat

from analysis import config
from analysis.ingest.load import load_event
from analysis.measures.alignment import coverage_table
from analysis.measures.keyness import fightin_words, informative_prior
from analysis.measures.readability import READABILITY_MEASURES, use_offline_cmudict
from analysis.tables.clean_layer import sentences_table
from analysis.tables.compare import keyness_table, style_table, term_counts
from analysis.text.lexicon import FUNCTION_WORDS


@pytest.fixture(scope="module")
def cleaned():
    return load_event(config.DEFAULT_EVENT)


def test_readability_table_equals_textstat_on_the_clean_body(cleaned) -> None:
    use_offline_cmudict()
    table = style_table(cleaned).set_index(["outlet", "measure"])["value"]
    for item in cleaned:
        body = "\n\n".join(block.text for block in item.paragraphs)
        for measure in READABILITY_MEASURES:
            expected = getattr(textstat, measure)(body)
            assert table[(item.article.outlet, measure)] == expected, (item.article.outlet, measure)


def test_style_table_has_every_measure_for_every_outlet(cleaned) -> None:
    table = style_table(cleaned)
    assert sorted(table["outlet"].unique()) == ["RFI", "VOA"]
    assert table.groupby("outlet")["measure"].apply(list).map(len).nunique() == 1
    words = table[table["measure"] == "words"].set_index("outlet")["value"]
    assert words["VOA"] > words["RFI"]  # VOA's body is the longer article


def test_style_counts_body_sentences_and_coverage_counts_every_block(cleaned) -> None:
    """The two stated definitions of "sentences": body paragraphs (style) vs every block (coverage)."""
    sentences = sentences_table(cleaned)
    style = style_table(cleaned)
    style_sentences = style[style["measure"] == "sentences"].set_index("outlet")["value"]
    coverage = coverage_table(sentences.assign(status="unique")).set_index("outlet")["sentences"]
    body = coverage_table(sentences.assign(status="unique"), exclude_kinds=("headline", "heading"))
    assert (sentences["block_kind"] != "paragraph").any()  # the seed has headings: counts differ
    for outlet, value in style_sentences.items():
        assert value == body.set_index("outlet").loc[outlet, "sentences"]
        assert coverage[outlet] == (sentences["outlet"] == outlet).sum()


def test_keyness_is_each_outlet_against_the_rest(cleaned) -> None:
    counts = term_counts(cleaned)
    pooled = counts["RFI"] + counts["VOA"]
    expected = fightin_words(counts["VOA"], counts["RFI"], informative_prior(pooled, 100.0))
    table = keyness_table(cleaned, alpha_0=100.0, prior="pooled")
    voa = table[table["outlet"] == "VOA"].set_index("term")
    assert voa.loc["terrorist", "z"] == pytest.approx(expected.loc["terrorist", "z"], abs=1e-12)
    assert voa.loc["terrorist", "count_outlet"] == counts["VOA"]["terrorist"]
    rfi = table[table["outlet"] == "RFI"].set_index("term")
    assert rfi.loc["terrorist", "z"] == pytest.approx(-voa.loc["terrorist", "z"], abs=1e-12)


def test_keyness_default_prior_keeps_function_words_off_the_seed_top_ten(cleaned) -> None:
    table = keyness_table(cleaned)
    assert table["prior"].nunique() == 1 and table["prior"].iloc[0].startswith("background")
    words = sum(sum(counts.values()) for counts in term_counts(cleaned).values())
    assert table.groupby("outlet")["alpha"].sum().to_list() == pytest.approx([10.0 * words] * 2)
    for outlet, top in table.groupby("outlet"):
        assert not set(top["term"].head(10)) & FUNCTION_WORDS, outlet
