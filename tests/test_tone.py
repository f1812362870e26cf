"""Tests for analysis.measures.tone: VADER per sentence and voice, summaries, actor tone, hedges and modality."""

from __future__ import annotations

import math
import os
import socket
from pathlib import Path

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import config
from analysis.errors import InputError
from analysis.measures import vader
from analysis.measures.tone import (
    ACTOR_COLUMNS,
    ACTOR_MIN_SENTENCES,
    COUNT_COLUMNS,
    SUMMARY_COLUMNS,
    TONE_COLUMNS,
    USE_COLUMNS,
    actor_tone,
    hedge_counts,
    hedge_uses,
    load_hedge_codebook,
    sentence_tone,
    tone_summary,
)
from analysis.measures.voice import quote_intervals, sentence_voice, split_voices
from analysis.tables.clean_layer import sentences_table
from analysis.text.document import Document

BASIL_DIR = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))
VADER = SentimentIntensityAnalyzer()


def paragraphs(*blocks: list[str] | str, outlet: str = "A", article: str = "a1") -> pd.DataFrame:
    """A sentences table of one article: each block is a list of sentences separated by one space."""
    rows, position, index = [], 0, 0
    for block_index, block in enumerate(blocks):
        for text in [block] if isinstance(block, str) else block:
            rows.append(
                {
                    "event_id": "ev",
                    "outlet": outlet,
                    "article": article,
                    "sentence": index,
                    "block": block_index,
                    "block_kind": "paragraph",
                    "start": position,
                    "end": position + len(text),
                    "words": len(text.split()),
                    "text": text,
                }
            )
            position += len(text) + 1
            index += 1
        position += 1  # blank line between blocks
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def seed_tone(seed_event: dict[str, Document]) -> pd.DataFrame:
    cleaned = list(seed_event.values())
    return sentence_tone(sentences_table(cleaned), cleaned)


# --- VADER ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks were a great success.",
        "Militants killed 14 soldiers in a brutal attack.",
        "The committee met on Tuesday.",
        'He called it "a turning point" for both countries!',
    ],
)
def test_vader_values_equal_polarity_scores(text: str) -> None:
    row = sentence_tone(paragraphs(text)).iloc[0]
    expected = VADER.polarity_scores(text)
    for key in ("compound", "pos", "neu", "neg"):
        assert row[key] == expected[key], key


def test_vader_values_equal_polarity_scores_on_seed(seed_tone: pd.DataFrame) -> None:
    for row in seed_tone.itertuples():
        expected = VADER.polarity_scores(row.text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            expected["compound"],
            expected["pos"],
            expected["neu"],
            expected["neg"],
        )


def test_no_network_access(monkeypatch, seed_event: dict[str, Document]) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    vader.analyzer.cache_clear()  # build the analyser (read its lexicon) under the patch
    try:
        cleaned = list(seed_event.values())
        result = sentence_tone(sentences_table(cleaned), cleaned)
    finally:
        vader.analyzer.cache_clear()
    assert len(result) > 0 and result["compound"].notna().all()


# --- voice ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "voice"),
    [(0.0, "narration"), (1e-9, "mixed"), (0.499999, "mixed"), (0.5, "quoted"), (1.0, "quoted")],
)
def test_voice_thresholds(share: float, voice: str) -> None:
    assert sentence_voice(share) == voice


def test_voice_of_sentences_by_hand() -> None:
    texts = [
        "Nothing is quoted here.",  # 0 -> narration
        '"Stop," he said.',  # '"Stop,"' = 7 of 16 characters -> mixed
        '"Stop now," he said.',  # '"Stop now,"' = 11 of 20 -> quoted (0.55)
        '"ab" cd',  # 4 of 7 -> quoted
        '"abc" defg',  # 5 of 10 = exactly one half -> quoted
        '"ab" cdefg',  # 4 of 10 -> mixed
    ]
    result = sentence_tone(paragraphs(*texts))
    assert list(result["quoted_share"]) == [0.0, 0.4375, 0.55, 0.571429, 0.5, 0.4]
    assert list(result["voice"]) == ["narration", "mixed", "quoted", "quoted", "quoted", "mixed"]


def test_quotation_opened_in_an_earlier_sentence_counts() -> None:
    # One paragraph, two sentences: the quotation opened in the first closes in the second.
    sentences = paragraphs(['"We will fight.', 'We will win," he said.'])
    result = sentence_tone(sentences)
    assert list(result["quoted_share"]) == [1.0, round(13 / 22, 6)]
    assert list(result["voice"]) == ["quoted", "quoted"]
    assert list(result["narration_text"]) == ["", "he said."]
    assert list(result["quoted_text"]) == ['"We will fight.', 'We will win,"']


def test_narration_and_quoted_parts_scored_separately() -> None:
    text = 'The minister said "this is a wonderful, happy day" but rivals called it a disaster.'
    row = sentence_tone(paragraphs(text)).iloc[0]
    narration = "The minister said but rivals called it a disaster."
    quoted = '"this is a wonderful, happy day"'
    assert (row["narration_text"], row["quoted_text"]) == (narration, quoted)
    assert row["narration_compound"] == VADER.polarity_scores(narration)["compound"]
    assert row["quoted_compound"] == VADER.polarity_scores(quoted)["compound"]
    assert row["narration_compound"] < 0 < row["quoted_compound"]
    assert row["compound"] == VADER.polarity_scores(text)["compound"]
    assert (row["narration_words"], row["quoted_words"], row["words"]) == (9, 6, 15)


def test_empty_parts_are_nan() -> None:
    result = sentence_tone(paragraphs("A plain sentence.", '"All of it is quoted."', '"" ok'))
    assert math.isnan(result.loc[0, "quoted_compound"])
    assert math.isnan(result.loc[1, "narration_compound"])
    assert math.isnan(result.loc[2, "quoted_compound"])  # quotation marks, no word


def test_split_voices() -> None:
    assert split_voices('"a" b "c" d', [(0, 3), (6, 9)]) == ("b d", '"a" "c"')
    assert split_voices("plain", []) == ("plain", "")


def test_quote_intervals_rebuilt_equal_cleaned(seed_event: dict[str, Document]) -> None:
    cleaned = list(seed_event.values())
    sentences = sentences_table(cleaned)
    assert quote_intervals(sentences, cleaned) == quote_intervals(sentences)
    assert any(quote_intervals(sentences))


def test_sentences_that_do_not_match_cleaned(seed_event: dict[str, Document]) -> None:
    cleaned = list(seed_event.values())
    sentences = sentences_table(cleaned)
    sentences.loc[0, "text"] = "Something else entirely."
    with pytest.raises(InputError, match="does not match the clean text"):
        sentence_tone(sentences, cleaned)


def test_tone_table_is_sorted_with_expected_columns() -> None:
    sentences = pd.concat(
        [paragraphs("B text.", outlet="B", article="b1"), paragraphs("A text.")],
        ignore_index=True,
    )
    result = sentence_tone(sentences)
    assert list(result.columns) == TONE_COLUMNS
    assert list(result["outlet"]) == ["A", "B"]


# --- summary -------------------------------------------------------------------------------------


def test_tone_summary_by_hand() -> None:
    nan = math.nan
    frame = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "A", "B"],
            "voice": ["narration", "mixed", "narration", "quoted", "narration"],
            "compound": [0.5, 0.1, 0.0, -0.6, 0.05],
            "narration_compound": [0.5, -0.05, 0.0, nan, 0.05],
            "quoted_compound": [nan, 0.3, nan, -0.6, nan],
        }
    )
    summary = tone_summary(frame)
    assert list(summary.columns) == SUMMARY_COLUMNS
    got = summary.set_index(["outlet", "voice"])
    # A narration: 0.5, -0.05, 0.0 -> mean 0.15; -0.05 is negative (≤ −0.05), 0.5 positive.
    assert got.loc[("A", "narration")].tolist() == [3, 0.15, 0.333333, 0.333333]
    # A quoted: 0.3, -0.6 -> mean -0.15.
    assert got.loc[("A", "quoted")].tolist() == [2, -0.15, 0.5, 0.5]
    # B narration: 0.05 is positive (≥ 0.05).
    assert got.loc[("B", "narration")].tolist() == [1, 0.05, 0.0, 1.0]
    # B has no quoted part: the row is there, with no sentences.
    row = got.loc[("B", "quoted")]
    assert row["sentences"] == 0 and math.isnan(row["mean_compound"])
    by_sentence = tone_summary(frame, by="sentence").set_index(["outlet", "voice"])
    assert by_sentence.loc[("A", "mixed")].tolist() == [1, 0.1, 0.0, 1.0]
    assert by_sentence.loc[("A", "narration"), "mean_compound"] == 0.25
    assert by_sentence.loc[("B", "mixed"), "sentences"] == 0
    with pytest.raises(ValueError, match="by must be"):
        tone_summary(frame, by="article")


def test_seed_tone_summary(seed_tone: pd.DataFrame) -> None:
    summary = tone_summary(seed_tone)
    assert list(summary[["outlet", "voice"]].itertuples(index=False, name=None)) == [
        ("RFI", "narration"),
        ("RFI", "quoted"),
        ("VOA", "narration"),
        ("VOA", "quoted"),
    ]
    assert (summary["sentences"] > 0).all()
    assert summary["mean_compound"].between(-1, 1).all()


# --- actor tone ----------------------------------------------------------------------------------


def test_actor_tone_join_by_hand() -> None:
    nan = math.nan
    scores = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B"],
            "article": ["a1", "a1", "a2", "b1"],
            "sentence": [0, 1, 0, 0],
            "start": [0, 11, 0, 0],
            "end": [10, 20, 15, 30],
            "compound": [0.5, -0.5, 0.2, -0.4],
            "narration_compound": [0.5, nan, 0.1, -0.4],
            "quoted_compound": [nan, -0.5, 0.3, nan],
        }
    )
    mentions = pd.DataFrame(
        [
            ("A", "a1", "X", 2, 5),  # X's own span inside a1 sentence 0
            ("A", "a1", "X", 6, 9),  # a second mention in the same sentence: counted once
            ("A", "a1", "Y", 11, 20),  # Y's sentence span equals a1 sentence 1
            ("A", "a2", "Y", 0, 40),  # a coarser span containing a2 sentence 0
            ("B", "b1", "X", 5, 35),  # overlaps b1 sentence 0 without containment: no match
            ("A", "a1", "Z", 8, 13),  # straddles two sentences: no match
        ],
        columns=["outlet", "article", "actor", "sentence_start", "sentence_end"],
    )
    result = actor_tone(scores, mentions)
    assert list(result.columns) == ACTOR_COLUMNS
    got = result.set_index(["outlet", "actor"])
    assert list(got.index) == [
        ("A", "X"),
        ("A", "Y"),
        ("A", "Z"),
        ("B", "X"),
        ("B", "Y"),
        ("B", "Z"),
    ]
    shares = ["sentences", "mean_compound", "share_negative", "share_positive"]
    assert got.loc[("A", "X"), shares].tolist() == [1, 0.5, 0.0, 1.0]
    assert got.loc[("A", "X"), "mean_narration_compound"] == 0.5
    assert math.isnan(got.loc[("A", "X"), "mean_quoted_compound"])
    # Y: a1 sentence 1 (-0.5) and a2 sentence 0 (0.2): mean -0.15, one negative, one positive.
    assert got.loc[("A", "Y"), shares].tolist() == [2, -0.15, 0.5, 0.5]
    assert got.loc[("A", "Y"), "mean_narration_compound"] == 0.1
    assert got.loc[("A", "Y"), "mean_quoted_compound"] == -0.1
    for key in [("A", "Z"), ("B", "X"), ("B", "Y"), ("B", "Z")]:
        assert got.loc[key, "sentences"] == 0 and math.isnan(got.loc[key, "mean_compound"])


def test_actor_tone_interval_grows_with_evidence() -> None:
    """Hand-made: actor Many has 40 sentences (tone alternating +0.5 / -0.5), Few has 2, Some has 4
    with the same alternation; an interval only from ACTOR_MIN_SENTENCES sentences on, narrower with
    more sentences, around the mean, and the same on every run."""
    compound = [0.5 if i % 2 else -0.5 for i in range(46)]
    scores = pd.DataFrame(
        {
            "outlet": "A",
            "article": "a1",
            "sentence": range(46),
            "start": [10 * i for i in range(46)],
            "end": [10 * i + 9 for i in range(46)],
            "compound": compound,
            "narration_compound": compound,
            "quoted_compound": math.nan,
        }
    )
    owners = ["Many"] * 40 + ["Few"] * 2 + ["Some"] * 4
    mentions = pd.DataFrame(
        {
            "outlet": "A",
            "article": "a1",
            "actor": owners,
            "sentence_start": scores["start"],
            "sentence_end": scores["end"],
        }
    )
    result = actor_tone(scores, mentions)
    got = result.set_index("actor")
    assert list(got["sentences"]) == [2, 40, 4]  # Few, Many, Some
    assert math.isnan(got.loc["Few", "mean_compound_low"])
    assert math.isnan(got.loc["Few", "mean_compound_high"])
    assert ACTOR_MIN_SENTENCES <= 4
    for actor in ["Many", "Some"]:
        low, mean, high = got.loc[
            actor, ["mean_compound_low", "mean_compound", "mean_compound_high"]
        ]
        assert low < mean < high
    width = got["mean_compound_high"] - got["mean_compound_low"]
    assert width["Many"] < width["Some"]
    # ±1.96 standard errors of a mean of ±0.5 values over 40 sentences is about ±0.155.
    assert 0.2 < width["Many"] < 0.42
    assert actor_tone(scores, mentions).equals(result)


def test_actor_tone_needs_its_columns() -> None:
    with pytest.raises(InputError, match="actor mentions: missing column"):
        actor_tone(pd.DataFrame(), pd.DataFrame({"actor": ["X"]}))


# --- hedges and modality -------------------------------------------------------------------------


def _family_examples(kind: str) -> list:
    return [
        pytest.param(family.name, text, id=family.name)
        for family in load_hedge_codebook()
        for text in getattr(family, kind)
    ]


@pytest.mark.parametrize(("family", "text"), _family_examples("examples"))
def test_every_hedge_example_is_found(family: str, text: str) -> None:
    uses = hedge_uses(paragraphs(text), load_hedge_codebook())
    assert family in set(uses["family"]), text


@pytest.mark.parametrize(("family", "text"), _family_examples("keeps"))
def test_every_hedge_keep_is_left_alone(family: str, text: str) -> None:
    uses = hedge_uses(paragraphs(text), load_hedge_codebook())
    assert family not in set(uses["family"]), text


def test_hedge_families() -> None:
    families = load_hedge_codebook()
    assert [f.name for f in families] == [
        "hedges",
        "boosters",
        "epistemic_modality",
        "deontic_modality",
    ]
    assert all(f.source for f in families)


def test_hedge_rates_by_hand() -> None:
    sentences = pd.concat(
        [
            paragraphs(
                "They may come, and it is unclear why.",  # 8 words; hedges: may, unclear
                'He said "we must act" today.',  # narration: He said today; quoted: we must act
                outlet="A",
            ),
            paragraphs("This will certainly fail.", outlet="B", article="b1"),  # 4 words
        ],
        ignore_index=True,
    )
    families = load_hedge_codebook()
    uses = hedge_uses(sentences, families)
    assert list(uses.columns) == USE_COLUMNS
    assert list(uses["term"]) == ["may", "may", "unclear", "must", "will certainly"]
    assert list(uses["family"]) == [
        "hedges",
        "epistemic_modality",
        "hedges",
        "deontic_modality",
        "boosters",
    ]
    assert list(uses["voice"]) == ["narration", "narration", "narration", "quoted", "narration"]
    assert uses.loc[3, "evidence"] == 'He said "we [[must]] act" today.'
    counts = hedge_counts(sentences, families)
    assert list(counts.columns) == COUNT_COLUMNS
    assert len(counts) == 2 * 4 * 2
    got = counts.set_index(["outlet", "family", "voice"])
    # A narration: 8 + 3 = 11 words; quoted: 3 words.
    assert got.loc[("A", "hedges", "narration")].tolist() == [2, 11, round(2 / 11 * 1000, 6)]
    assert got.loc[("A", "epistemic_modality", "narration")].tolist() == [1, 11, 90.909091]
    assert got.loc[("A", "deontic_modality", "quoted")].tolist() == [1, 3, 333.333333]
    assert got.loc[("A", "boosters", "quoted")].tolist() == [0, 3, 0.0]
    assert got.loc[("B", "boosters", "narration")].tolist() == [1, 4, 250.0]
    row = got.loc[("B", "hedges", "quoted")]
    assert row["count"] == 0 and row["words"] == 0 and math.isnan(row["rate_per_1000"])


def test_may_the_month_is_not_a_hedge() -> None:
    uses = hedge_uses(paragraphs("In May, Theresa May said it may rain."), load_hedge_codebook())
    assert set(uses["term"]) == {"may"} and len(uses) == 2  # hedge + epistemic, once each
    assert (uses["start"] == len("In May, Theresa May said it ")).all()


_GOOD = "families:\n  f:\n    patterns: ['maybe']\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("families: [unclosed", "cannot read"),
        ("other: {}", "'families'"),
        ("families:\n  f: 3\n", "expected a mapping"),
        ("families:\n  f:\n    patterns: []\n", "has no patterns"),
        ("families:\n  f:\n    patterns: ['(oops']\n", "bad pattern"),
        (_GOOD + "    examples: maybe\n", "string lists"),
    ],
)
def test_hedge_codebook_errors_name_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "my_hedges.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_hedge_codebook(path)
    assert str(path) in str(error.value) and problem in str(error.value)


def test_seed_hedges(seed_event: dict[str, Document]) -> None:
    cleaned = list(seed_event.values())
    sentences = sentences_table(cleaned)
    families = load_hedge_codebook()
    uses = hedge_uses(sentences, families, cleaned)
    texts = {item.article.path.stem: item.text for item in cleaned}
    for row in uses.itertuples():
        assert texts[row.article][row.start : row.end].lower() == row.term
    counts = hedge_counts(sentences, families, cleaned)
    assert counts["count"].sum() == len(uses)
    words = counts.drop_duplicates(["outlet", "voice"]).groupby("outlet")["words"].sum()
    assert words.to_dict() == sentences.groupby("outlet")["words"].sum().to_dict()


# --- development corpus (BASIL) ------------------------------------------------------------------


@pytest.mark.corpus
def test_basil_voice_and_quotes() -> None:
    if not (BASIL_DIR / "manifest.csv").is_file():
        pytest.skip(
            f"BASIL corpus not found at {BASIL_DIR} (set BASIL_DIR to the basil-dev folder)"
        )
    from analysis.ingest.manifest import articles
    from analysis.text.cleaning import clean_article
    from analysis.text.cleaning_rules import load_rules

    rules = load_rules()
    cleaned = [clean_article(article, rules) for article in articles(BASIL_DIR)[:30]]
    sentences = sentences_table(cleaned)
    assert quote_intervals(sentences, cleaned) == quote_intervals(sentences)
    result = sentence_tone(sentences, cleaned)
    assert set(result["voice"]) == {"narration", "mixed", "quoted"}
    assert result["compound"].between(-1, 1).all()
    summary = tone_summary(result)
    assert (summary["sentences"] > 0).all()
