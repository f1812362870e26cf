"""analysis.corpus.features: the batch call equals the per-event tables, article by article."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.corpus.features import (
    article_features,
    blocks_of,
    document_values,
    feature_columns,
    features_table,
    snake_case,
)
from analysis.ingest.load import load_event_checked
from analysis.ingest.manifest import Article, event_ids
from analysis.measures.frames import frame_indicators, frame_profile, load_frame_codebook
from analysis.measures.labels import LabelFamily, load_codebook
from analysis.measures.readability import mattr
from analysis.measures.tone import hedge_uses, load_hedge_codebook, sentence_tone
from analysis.measures.vader import compound, scores
from analysis.tables.clean_layer import sentences_table
from analysis.tables.compare import label_uses, style_table
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import Rule
from analysis.text.document import Document
from analysis.text.quotemarks import quoted_spans
from analysis.text.segment import split_sentences, tokenize

BASIL_EVENTS = 4
#: vaderSentiment 3.3.2 itself: the reference of the port.
VADER = SentimentIntensityAnalyzer()
_SCORES = ("compound", "pos", "neu", "neg")


def _vader(text: str) -> dict[str, float]:
    found = VADER.polarity_scores(text)
    return {key: found[key] for key in _SCORES}


def _kinds(item: Document) -> tuple[str, ...]:
    return tuple(block.kind for block in item.blocks)


def _table(cleaned: list[Document]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article": [item.id for item in cleaned],
            "text": [item.text for item in cleaned],
            "kinds": [_kinds(item) for item in cleaned],
        }
    )


def _expected(cleaned: list[Document]) -> dict[str, dict[str, float]]:
    """Every feature of every article, read from the per-event tables."""
    families, markers, frames = load_codebook(), load_hedge_codebook(), load_frame_codebook()
    outlet = {item.id: item.article.outlet for item in cleaned}
    style = style_table(cleaned).pivot(index="outlet", columns="measure", values="value")
    sentences = sentences_table(cleaned)
    tone = sentence_tone(sentences, cleaned)
    labels = label_uses(cleaned, families)
    hedges = hedge_uses(sentences, markers, cleaned)
    indicators = frame_indicators(sentences, frames)
    expected = {}
    for article in outlet:
        row = dict(style.loc[outlet[article]])
        for name, column in [
            ("tone_mean_compound", "compound"),
            ("tone_narration", "narration_compound"),
            ("tone_quoted", "quoted_compound"),
        ]:
            # pandas' grouped mean can differ from the correctly rounded mean in the last bit
            # (analysis.corpus.features); the exact mean is checked in test_tone_means_are_exact.
            row[name] = tone.groupby("article")[column].mean()[article]
        for voice in ("narration", "quoted"):
            row[f"{voice}_words"] = tone.loc[tone["article"] == article, f"{voice}_words"].sum()
            for prefix, uses, books in (("label", labels, families), ("hedge", hedges, markers)):
                for family in books:
                    hit = (
                        (uses["article"] == article)
                        & (uses["family"] == family.name)
                        & (uses["voice"] == voice)
                    )
                    row[f"{prefix}_{snake_case(family.name)}_{voice}"] = int(hit.sum())
        profile = frame_profile(
            indicators[indicators["article"] == article],
            sentences[sentences["article"] == article],
            frames,
        ).set_index("frame")
        for frame in frames.names:
            row[f"frame_{snake_case(frame)}"] = profile.loc[frame, "share_of_sentences"]
        expected[article] = row
    return expected


def _same(got: float, want: float, column: str = "") -> bool:
    """Equal (NaN equals NaN); tone means to 1e-14 relative (see test_tone_means_are_exact)."""
    if math.isnan(want):
        return math.isnan(got)
    if column.startswith("tone_"):
        return math.isclose(got, want, rel_tol=1e-14, abs_tol=1e-17)
    return got == want


def _assert_matches(cleaned: list[Document]) -> None:
    table = _table(cleaned)
    features = article_features(table)
    assert list(features["article"]) == list(table["article"])
    assert list(features.columns) == feature_columns()
    expected = _expected(cleaned)
    for row in features.to_dict("records"):
        want = expected[row["article"]]
        assert set(want) == set(row) - {"article"}
        wrong = {k: (row[k], v) for k, v in want.items() if not _same(float(row[k]), float(v), k)}
        assert not wrong, (row["article"], wrong)


def _basil_events(basil) -> list[list[Document]]:
    return [load_event_checked(event, basil)[0] for event in event_ids(basil)[:BASIL_EVENTS]]


def test_seed_event_equals_per_event_tables(seed_event) -> None:
    _assert_matches(sorted(seed_event.values(), key=lambda item: item.article.outlet))


@pytest.mark.corpus
def test_basil_events_equal_per_event_tables(basil) -> None:
    for cleaned in _basil_events(basil):
        _assert_matches(cleaned)


def _written(raw: str, name: str, rules: list[Rule]) -> Document:
    article = Article(
        "ev", name, name, "2020-01-01", Path(f"ev/{name}.txt"), "en", "en", "", "", ""
    )
    return Document(article, raw, *clean_text(raw, rules, {}))


def _from_documents(cleaned: list[Document]) -> pd.DataFrame:
    return features_table([item.id for item in cleaned], [document_values(i) for i in cleaned])


def test_document_values_equal_text_features(seed_event, rules) -> None:
    """The corpus path reads the documents' layers; the text path splits the texts: same table."""
    written = [
        _written(
            'Rebels Seize Town\n\nGen. Ali said "we will win." Police left.\n\n'
            '"It is a terror attack," he said. Officials may fear more unrest.',
            "t_quotes",
            rules,
        ),
        _written("One short paragraph without quotes.", "t_plain", rules),
    ]
    for cleaned in (list(seed_event.values()), written):
        from_documents = _from_documents(cleaned)
        assert from_documents.equals(article_features(_table(cleaned)))
    assert from_documents["quoted_words"].iloc[0] > 0


def test_columns_and_types(seed_event) -> None:
    cleaned = list(seed_event.values())
    features = article_features(_table(cleaned))
    assert len(features) == len(cleaned)
    for column in features.columns[1:]:
        assert features[column].dtype in (np.int64, np.float64), column
    assert features["words"].dtype == np.int64
    assert features["mattr"].dtype == np.float64
    assert features["label_terrorism_narration"].dtype == np.int64
    assert (features["words"] > 0).all()
    assert features.filter(like="label_").to_numpy().sum() > 0
    assert features.filter(like="hedge_").to_numpy().sum() > 0


def test_input_order_repeats_and_empty_text(seed_event) -> None:
    item = seed_event["VOA"]
    kinds = _kinds(item)
    table = pd.DataFrame(
        {
            "article": ["b", "a", "empty", "b2"],
            "text": [item.text, "", "", item.text],
            "kinds": [kinds, (), (), kinds],
        }
    )
    features = article_features(table.drop(index=1).reset_index(drop=True))
    assert list(features["article"]) == ["b", "empty", "b2"]
    numeric = features.drop(columns="article")
    pd.testing.assert_series_equal(numeric.iloc[0], numeric.iloc[2], check_names=False)
    empty = features.iloc[1]
    assert empty["words"] == 0 and empty["narration_words"] == 0
    assert math.isnan(empty["tone_mean_compound"]) and math.isnan(empty["frame_conflict"])
    none = article_features(table.iloc[:0])
    assert list(none.columns) == feature_columns() and len(none) == 0


@pytest.mark.corpus
def test_blocks_are_recovered_from_text(seed_event, basil) -> None:
    items = [*seed_event.values(), *(i for c in _basil_events(basil) for i in c)]
    for item in items:
        got = blocks_of(item.text, _kinds(item))
        assert got == [(block.start, block.kind, block.text) for block in item.blocks]
    with pytest.raises(ValueError, match="2 block kinds for a text of 1 blocks"):
        blocks_of("One block.", ("headline", "paragraph"))


def test_snake_case_and_duplicate_columns() -> None:
    assert snake_case("Armed group (men)") == "armed_group_men"
    pattern = re.compile(r"\bx\b")
    twins = [LabelFamily("Armed group", "", pattern), LabelFamily("armed-group", "", pattern)]
    with pytest.raises(ValueError, match="label_armed_group_narration"):
        feature_columns(label_families=twins)


def _all_sentences(cleaned: list[Document]) -> list[str]:
    return list(sentences_table(cleaned)["text"]) if cleaned else []


@pytest.mark.corpus
def test_vader_shortcut_equals_vader(seed_event, basil) -> None:
    texts = _all_sentences(list(seed_event.values()))
    for event in event_ids(basil):
        texts += _all_sentences(load_event_checked(event, basil)[0])
    texts += ["", "   ", ":) :-(", "no", "😀 fine", "The U.S. Senate met on Tuesday.", "Ugh!!!"]
    skipped = 0
    for text in texts:
        want = _vader(text)
        assert compound(text) == want["compound"], text
        assert scores(text) == want, text
        skipped += want["compound"] == 0.0
    assert 0 < skipped < len(texts)


def test_quoted_spans_used_per_block(seed_event) -> None:
    """Sanity: the seed articles contain quotations, so the quoted columns are exercised."""
    item = seed_event["VOA"]
    assert any(quoted_spans(block.text) for block in item.blocks)
    features = article_features(_table([item]))
    assert features.loc[0, "quoted_words"] > 0


@pytest.mark.corpus
def test_tone_means_are_exact(seed_event, basil) -> None:
    """Tone means are fsum means of sentence_tone's values of the article (NaN skipped)."""
    for cleaned in [list(seed_event.values()), *_basil_events(basil)]:
        features = article_features(_table(cleaned)).set_index("article")
        tone = sentence_tone(sentences_table(cleaned), cleaned)
        for article, group in tone.groupby("article"):
            for name, column in [
                ("tone_mean_compound", "compound"),
                ("tone_narration", "narration_compound"),
                ("tone_quoted", "quoted_compound"),
            ]:
                kept = group[column].dropna().tolist()
                want = math.fsum(kept) / len(kept) if kept else math.nan
                assert _same(features.loc[article, name], want), (article, name)


# --- exactness of the fast paths --------------------------------------------------------------------

_VADER_WORDS = (
    # lexicon words (positive, negative), capitals, negations, "no", "least", "but", boosters,
    # dampeners, "kind of", special cases and idioms, emoticons, emoji, contractions
    "good", "GOOD", "Good", "bad", "BAD", "love", "hate", "kind", "of", "killed", "attack",
    "no", "No", "NO", "not", "never", "isn't", "aint", "without", "doubt", "nor", "or", "least",
    "at", "very", "VERY", "so", "this", "but", "BUT", "extremely", "slightly", "sort", "kinda",
    "the", "shit", "bomb", "bus", "stop", "yeah", "right", "kiss", "death", "to", "die", "for",
    "bad", "ass", "beating", "heart", "cut", "mustard", ":)", ":-(", "<3", "😀", "💔", "a", "it",
    "U.S.", "terrorism", "fine", "nothing", "rarely", "n't", "uh-uh", "!", "?", "!!", "???",
)  # fmt: skip
_SEPARATORS = (" ", "  ", ", ", ". ", "! ", "? ", "\n", " - ", "'", '"', "...", "!?")


@st.composite
def _vader_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(_VADER_WORDS), max_size=14))
    text = ""
    for part in parts:
        text += draw(st.sampled_from(_SEPARATORS)) + part
    return text + draw(st.sampled_from(("", "!", "!!!", "?", "??", "????", " :)")))


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(_vader_texts(), st.text(max_size=60)))
def test_vader_port_equals_reference_generated(text: str) -> None:
    want = _vader(text)
    assert compound(text) == want["compound"]
    assert scores(text) == want


def test_vader_port_equals_reference_seed(seed_event) -> None:
    """Every sentence, narration part and quoted part of the seed event."""
    cleaned = list(seed_event.values())
    tone = sentence_tone(sentences_table(cleaned), cleaned)
    texts = [*tone["text"], *tone["narration_text"], *tone["quoted_text"]]
    assert all(compound(text) == _vader(text)["compound"] for text in texts)
    assert all(scores(text) == _vader(text) for text in texts)


@pytest.mark.corpus
def test_vader_port_equals_reference_basil(basil) -> None:
    """Every sentence, narration part and quoted part of every BASIL event."""
    for event in event_ids(basil):
        cleaned = load_event_checked(event, basil)[0]
        tone = sentence_tone(sentences_table(cleaned), cleaned)
        texts = [*tone["text"], *tone["narration_text"], *tone["quoted_text"]]
        wrong = [text for text in texts if scores(text) != _vader(text)]
        wrong += [text for text in texts if compound(text) != _vader(text)["compound"]]
        assert not wrong, (event, wrong[:3])


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcdefg"), max_size=140), st.integers(1, 60))
def test_mattr_equals_reference(tokens: list[str], window: int) -> None:
    """The O(n) MATTR equals the mean of every window's type-token ratio, window by window."""
    got = mattr(tokens, window)
    if len(tokens) < window:
        want = len(set(tokens)) / len(tokens) if tokens else math.nan
    else:
        starts = range(len(tokens) - window + 1)
        distinct = sum(len(set(tokens[start : start + window])) for start in starts)
        want = distinct / (len(starts) * window)
    assert got == want or (math.isnan(got) and math.isnan(want))


@pytest.mark.corpus
def test_paragraph_tokens_are_sentence_tokens(seed_event, basil) -> None:
    """The shared tokenisation: a block's tokens are its sentences' tokens, in order."""
    items = [*seed_event.values(), *(i for c in _basil_events(basil) for i in c)]
    for block in (block.text for item in items for block in item.blocks):
        by_sentence = [t.text for s in split_sentences(block) for t in tokenize(s.text)]
        assert by_sentence == [t.text for t in tokenize(block)], block
