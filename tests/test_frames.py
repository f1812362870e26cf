"""Tests for analysis.measures.frames: the generic-frame codebook, cue matching, and the frame profile."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.measures.frames import (
    FRAME_CODEBOOK,
    GENERIC_FRAMES,
    INDICATOR_COLUMNS,
    PROFILE_COLUMNS,
    SECTIONS,
    FrameCodebook,
    frame_indicators,
    frame_profile,
    load_frame_codebook,
)
from analysis.tables.clean_layer import sentences_table
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document

BASIL_DIR = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))


def table(*texts: str, outlet: str = "A", article: str = "a1", gap: int = 2) -> pd.DataFrame:
    """A sentences table (as analysis.tables.clean_layer.sentences_table) of one article, one sentence a block."""
    rows, position = [], 0
    for index, text in enumerate(texts):
        rows.append(
            {
                "event_id": "ev",
                "outlet": outlet,
                "article": article,
                "sentence": index,
                "block": index,
                "block_kind": "paragraph",
                "start": position,
                "end": position + len(text),
                "words": len(text.split()),
                "text": text,
            }
        )
        position += len(text) + gap
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def codebook() -> FrameCodebook:
    return load_frame_codebook()


# --- codebook ------------------------------------------------------------------------------------


def test_codebook_has_the_five_generic_frames_and_all_twenty_questions(codebook) -> None:
    assert codebook.names == list(GENERIC_FRAMES)
    questions = {q for frame in codebook.frames for q in frame.questions}
    expected = (
        {f"R{i}" for i in range(1, 6)}
        | {f"H{i}" for i in range(1, 6)}
        | {f"C{i}" for i in range(1, 5)}
        | {f"M{i}" for i in range(1, 4)}
        | {f"E{i}" for i in range(1, 4)}
    )
    assert questions == expected
    covered = {cue.question for cue in codebook.cues}
    skipped = {q for frame in codebook.frames for q in frame.not_operationalised}
    assert skipped == {"H5"}  # visual information: not in the text
    assert covered == expected - skipped
    for cue in codebook.cues:
        assert cue.question in _frame(codebook, cue.frame).questions


def _frame(codebook: FrameCodebook, name: str):
    return next(frame for frame in codebook.frames if frame.name == name)


def test_policy_section_is_separate() -> None:
    policy = load_frame_codebook(section="policy_frames")
    assert "security_and_defense" in policy.names
    assert all(cue.question.startswith("P") for cue in policy.cues)
    generic = load_frame_codebook()
    assert not {cue.name for cue in policy.cues} & {cue.name for cue in generic.cues}


def _examples(kind: str) -> list:
    params = []
    for section in SECTIONS:
        for cue in load_frame_codebook(section=section).cues:
            for text in getattr(cue, kind):
                params.append(pytest.param(section, cue.frame, cue.name, text, id=f"{cue.name}"))
    return params


@pytest.mark.parametrize(("section", "frame", "cue", "text"), _examples("examples"))
def test_every_cue_example_is_found(section: str, frame: str, cue: str, text: str) -> None:
    hits = frame_indicators(table(text), load_frame_codebook(section=section))
    assert cue in set(hits.loc[hits["frame"] == frame, "indicator"]), text


@pytest.mark.parametrize(("section", "frame", "cue", "text"), _examples("keeps"))
def test_every_cue_keep_is_left_alone(section: str, frame: str, cue: str, text: str) -> None:
    hits = frame_indicators(table(text), load_frame_codebook(section=section))
    assert cue not in set(hits["indicator"]), text


def test_every_cue_has_an_example_and_a_keep(codebook) -> None:
    for cue in codebook.cues:
        assert cue.examples and cue.keeps, cue.name


# --- cue matching on hand-made sentences ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "frame", "question", "cue"),
    [
        ("The mayor accused the council of lying.", "conflict", "C2", "accused"),
        ("Both sides claimed the vote.", "conflict", "C3", "Both sides"),
        ("A local gang claimed responsibility for the fire.", "responsibility", "R4",
         "claimed responsibility"),
        ("Critics say the authorities failed to warn anyone.", "responsibility", "R2",
         "authorities failed"),
        ("The new dam will cost $2.5 billion.", "economic", "E1", "$2.5 billion"),
        ("Farmers fear the new tariffs.", "economic", "E3", "tariffs"),
        ("Dozens of refugees waited at the gate.", "human_interest", "H3", "refugees"),
        ("The bishop said it was a sin to look away.", "morality", "M2", "sin"),
        ("Leaders ought to listen.", "morality", "M3", "ought to"),
    ],
)  # fmt: skip
def test_cue_on_hand_made_sentence(
    text: str, frame: str, question: str, cue: str, codebook
) -> None:
    sentences = table("Nothing to see here today.", text)
    hits = frame_indicators(sentences, codebook)
    row = hits[(hits["frame"] == frame) & (hits["cue"] == cue)]
    assert len(row) == 1, hits[["frame", "cue"]]
    row = row.iloc[0]
    assert row["question"] == question
    assert row["sentence"] == 1
    offset = text.index(cue)
    start = int(sentences.loc[1, "start"]) + offset
    assert (row["start"], row["end"]) == (start, start + len(cue))
    assert row["evidence"] == f"{text[:offset]}[[{cue}]]{text[offset + len(cue) :]}"


def test_absent_frames_give_zero_rows(codebook) -> None:
    sentences = table("The weather was mild on Tuesday.", "The museum opens at nine.")
    hits = frame_indicators(sentences, codebook)
    assert hits.empty
    assert list(hits.columns) == INDICATOR_COLUMNS
    profile = frame_profile(hits, sentences, codebook)
    assert list(profile["frame"]) == list(GENERIC_FRAMES)
    assert (profile["sentences_with_frame"] == 0).all() and (profile["cues"] == 0).all()
    assert (profile["share_of_sentences"] == 0).all()


def test_case_sensitive_part_skips_names(codebook) -> None:
    hits = frame_indicators(
        table("The Justice Army claimed it.", "They demanded justice."), codebook
    )
    morality = hits[hits["frame"] == "morality"]
    assert list(morality["sentence"]) == [1]


def test_overlapping_cues_of_one_frame_count_once(codebook) -> None:
    # "blamed the government" (R2) and "blamed the government for" (R4) overlap: one hit, the
    # earlier cue in the codebook (R2); the conflict frame counts "blamed" on its own.
    hits = frame_indicators(
        table("The opposition blamed the government for the shortages."), codebook
    )
    responsibility = hits[hits["frame"] == "responsibility"]
    assert list(responsibility["question"]) == ["R2"]
    assert list(hits.loc[hits["frame"] == "conflict", "cue"]) == ["blamed"]


def test_whole_words_only(codebook) -> None:
    assert frame_indicators(table("The warehouse stored wares."), codebook).empty  # not "war"


def test_indicators_are_sorted_and_deterministic(codebook) -> None:
    sentences = pd.concat(
        [
            table("Rivals clash over trade.", outlet="B", article="b1"),
            table("Victims fled the war.", "A sin, they said.", outlet="A", article="a1"),
        ],
        ignore_index=True,
    )
    first = frame_indicators(sentences, codebook)
    second = frame_indicators(sentences.iloc[::-1], codebook)
    pd.testing.assert_frame_equal(first, second)
    assert list(first["outlet"]) == sorted(first["outlet"])


# --- profile -------------------------------------------------------------------------------------


def test_profile_shares_by_hand(codebook) -> None:
    sentences = pd.concat(
        [
            table(
                "The two parties disagree and fight.",  # conflict: 2 cues
                "Nothing happened.",
                "Rebels attacked a convoy.",  # conflict: 1 cue
                "Prices rose.",  # economic: 1 cue
                outlet="A",
                article="a1",
            ),
            table("It was a tragedy.", "A quiet day.", outlet="B", article="b1"),  # human interest
        ],
        ignore_index=True,
    )
    profile = frame_profile(frame_indicators(sentences, codebook), sentences, codebook)
    assert list(profile.columns) == PROFILE_COLUMNS
    got = profile.set_index(["outlet", "frame"])
    # A: 4 sentences; conflict in 2 of them (3 cues); economic in 1; nothing else.
    assert got.loc[("A", "conflict")].tolist() == [4, 2, 0.5, 3]
    assert got.loc[("A", "economic")].tolist() == [4, 1, 0.25, 1]
    assert got.loc[("A", "morality")].tolist() == [4, 0, 0.0, 0]
    # B: 2 sentences; human interest in 1.
    assert got.loc[("B", "human_interest")].tolist() == [2, 1, 0.5, 1]
    assert got.loc[("B", "conflict")].tolist() == [2, 0, 0.0, 0]
    assert len(profile) == 2 * len(GENERIC_FRAMES)


def test_profile_rounds_to_six_decimals(codebook) -> None:
    sentences = table("They fight.", "Calm.", "Calm again.")
    profile = frame_profile(frame_indicators(sentences, codebook), sentences)
    assert profile.set_index("frame").loc["conflict", "share_of_sentences"] == 0.333333


# --- codebook errors name the file ---------------------------------------------------------------

_GOOD_CUE = """
    cues:
      - name: c1
        question: Q1
        patterns: ['fight']
"""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("generic_frames: [unclosed", "cannot read"),
        ("other: {}", "'generic_frames'"),
        ("generic_frames:\n  f:\n    cues: []\n", "'questions'"),
        ("generic_frames:\n  f:\n    questions: {Q1: q}\n    cues: []\n", "has no cues"),
        (
            "generic_frames:\n  f:\n    questions: {Q1: q}\n"
            + _GOOD_CUE.replace("question: Q1", "question: Q9"),
            "question 'Q9'",
        ),
        (
            "generic_frames:\n  f:\n    questions: {Q1: q}\n"
            + _GOOD_CUE.replace("['fight']", "['(unclosed']"),
            "bad pattern",
        ),
        ("generic_frames:\n  f:\n    questions: {Q1: q, Q2: r}\n" + _GOOD_CUE, "Q2 have no cue"),
        (
            "generic_frames:\n  f:\n    questions: {Q1: q}\n"
            + _GOOD_CUE
            + "      - name: c1\n        question: Q1\n        patterns: ['war']\n",
            "used twice",
        ),
        (
            "generic_frames:\n  f:\n    questions: {Q1: q}\n"
            + _GOOD_CUE.replace("['fight']", "[]"),
            "patterns",
        ),
    ],
)
def test_codebook_errors_name_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "my_frames.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_frame_codebook(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_missing_codebook_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=re.escape("nowhere.yaml")):
        load_frame_codebook(tmp_path / "nowhere.yaml")


def test_unknown_section_names_the_file() -> None:
    with pytest.raises(InputError, match=FRAME_CODEBOOK.name):
        load_frame_codebook(section="no_such_section")


def test_sentences_without_required_columns() -> None:
    with pytest.raises(InputError, match="sentences table: missing column"):
        frame_indicators(pd.DataFrame({"text": ["a"]}), load_frame_codebook())


# --- seed event ----------------------------------------------------------------------------------


def test_seed_event_frames(seed_event: dict[str, Document], codebook) -> None:
    cleaned = list(seed_event.values())
    sentences = sentences_table(cleaned)
    hits = frame_indicators(sentences, codebook)
    for outlet in ("RFI", "VOA"):
        frames = set(hits.loc[hits["outlet"] == outlet, "frame"])
        assert {"conflict", "responsibility"} <= frames, outlet
    texts = {item.article.path.stem: item.text for item in cleaned}
    for row in hits.itertuples():
        assert texts[row.article][row.start : row.end] == row.cue
        assert f"[[{row.cue}]]" in row.evidence
    profile = frame_profile(hits, sentences, codebook)
    assert len(profile) == 2 * len(GENERIC_FRAMES)
    assert (profile.groupby("outlet")["cues"].sum() > 0).all()
    # the counts agree with the hits
    assert profile["cues"].sum() == len(hits)


# --- development corpus (BASIL) ------------------------------------------------------------------


@pytest.mark.corpus
def test_basil_frames_offsets_and_coverage(codebook) -> None:
    if not (BASIL_DIR / "manifest.csv").is_file():
        pytest.skip(
            f"BASIL corpus not found at {BASIL_DIR} (set BASIL_DIR to the basil-dev folder)"
        )
    from analysis.ingest.manifest import articles
    from analysis.text.cleaning import clean_article

    rules = load_rules()
    cleaned = [clean_article(article, rules) for article in articles(BASIL_DIR)]
    sentences = sentences_table(cleaned)
    hits = frame_indicators(sentences, codebook)
    texts = {item.article.path.stem: item.text for item in cleaned}
    assert all(texts[row.article][row.start : row.end] == row.cue for row in hits.itertuples())
    # 150 US political articles: every generic frame has explicit cues somewhere.
    assert set(hits["frame"]) == set(GENERIC_FRAMES)
    profile = frame_profile(hits, sentences, codebook)
    assert profile["share_of_sentences"].between(0, 1).all()
