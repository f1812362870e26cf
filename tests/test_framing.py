"""The framing layer on the seed event: joins between analyses and the issue's headline findings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.ingest.load import load_event
from analysis.tables.framing import (
    actor_labels,
    aligned_pairs,
    framing_tables,
    speaking_table,
)
from analysis.tables.speech_shares import reported_words


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return framing_tables(load_event(config.DEFAULT_EVENT))


def test_speakers_are_linked_to_event_actors_across_spellings(tables) -> None:
    quotes = tables["quotes"]
    direct = quotes[quotes["kind"] == "direct"]
    assert set(direct["actor"]) == {"Hassan Rouhani", "Imran Khan"}
    rohani = quotes[quotes["speaker"].str.contains("Rohani") & (quotes["outlet"] == "RFI")]
    assert not rohani.empty and set(rohani["actor"]) == {"Hassan Rouhani"}


def test_non_speech_quotes_have_no_speaker(tables) -> None:
    quotes = tables["quotes"]
    not_speech = quotes[quotes["kind"].isin(["scare", "gloss", "echo"])]
    assert set(not_speech["kind"]) == {"scare", "gloss", "echo"}
    assert (not_speech["actor"] == "").all()


def test_speaking_shares_and_unattributed_speech_sum_to_one_per_outlet(tables) -> None:
    speakers, quotes = tables["speakers"], tables["quotes"]
    speech = quotes[reported_words(quotes)]
    unattributed = speech[speech["actor"] == ""].groupby("outlet")["words"].sum()
    share = (unattributed / speech.groupby("outlet")["words"].sum()).fillna(0.0)
    sums = speakers.groupby("outlet")["share_of_quoted_words"].sum() + share
    assert ((sums - 1.0).abs() < 1e-5 * len(speakers)).all()  # shares are rounded to 6 decimals
    khan = speakers.set_index(["outlet", "actor"]).loc[("VOA", "Imran Khan")]
    assert khan["quotes"] >= 3


def test_actor_table_carries_speaking_and_tone(tables) -> None:
    actors = tables["actors"].set_index(["outlet", "actor"])
    assert actors.loc[("VOA", "Imran Khan"), "quotes"] >= 3
    assert actors.loc[("RFI", "Turkey"), "quotes"] == 0
    assert actors["mean_compound"].between(-1, 1).all()


def test_label_families_split_by_actor_show_the_naming_contrast(tables) -> None:
    labels = tables["actor_labels"]
    baloch = labels[labels["actor"].str.contains("Baloch")].set_index("outlet")["family"]
    assert baloch["RFI"] == "separatism"
    assert baloch["VOA"] == "terrorism"


def test_shared_and_unique_sentences_are_listed_per_outlet(tables) -> None:
    status = tables["sentence_status"]
    assert set(status["status"]) <= {"shared", "partly shared", "unique"}
    for outlet in ("RFI", "VOA"):
        assert (status[status["outlet"] == outlet]["status"] == "unique").any()
    coverage = tables["coverage"].set_index("outlet")
    assert (
        coverage["shared"] + coverage["partly_shared"] + coverage["unique"] == coverage["sentences"]
    ).all()


def test_casualty_numbers_are_matched_with_their_differing_descriptions(tables) -> None:
    side = tables["numbers_side_by_side"].set_index("match_id")
    for value, voa, rfi in (
        ("14", "14 Pakistani soldiers", "14 soldiers and members of the Pakistani security forces"),
        ("27", "27 members of the Islamic Revolutionary Guards Corps", "27 Iranian soldiers"),
    ):
        row = side.loc[f"casualty/people/{value}/killed"]
        assert row["status"] == "different description"
        assert row["VOA"] == voa and row["RFI"] == rfi


def test_frames_and_tone_come_with_evidence(tables) -> None:
    profile = tables["frame_profile"]
    assert set(profile["frame"]) >= {
        "conflict",
        "responsibility",
        "economic",
        "human_interest",
        "morality",
    }
    indicators = tables["frame_indicators"]
    assert indicators["evidence"].str.contains(r"\[\[.+\]\]").all()
    summary = tables["tone_summary"]
    assert set(zip(summary["outlet"], summary["voice"], strict=True)) == {
        ("RFI", "narration"), ("RFI", "quoted"), ("VOA", "narration"), ("VOA", "quoted")
    }  # fmt: skip


def test_speaking_table_counts_only_speech() -> None:
    quotes = pd.DataFrame(
        {
            "outlet": ["A", "A", "A"],
            "actor": ["X", "Y", ""],
            "kind": ["direct", "indirect", "scare"],
            "quote": [0, 1, 2],
            "words": [30, 10, 1],
        }
    )
    table = speaking_table(quotes).set_index("actor")
    assert table.loc["X", "share_of_quoted_words"] == 0.75
    assert "" not in table.index


def test_reported_thoughts_and_stances_are_not_quoted_words() -> None:
    quotes = pd.DataFrame(
        {
            "outlet": ["A"] * 4,
            "actor": ["X", "Y", "Y", "Z"],
            "kind": ["direct", "indirect", "partial", "indirect"],
            "verb_class": ["neutral", "stance", "stance", "cognition"],
            "quote": [0, 1, 2, 3],
            "words": [30, 50, 10, 40],
        }
    )
    # "called for closer ties" and "believes that ..." report no words; 'called for "ties"' does
    table = speaking_table(quotes).set_index("actor")
    assert table["share_of_quoted_words"].to_dict() == {"X": 0.75, "Y": 0.25}


def test_actor_labels_explodes_families_by_voice() -> None:
    mentions = pd.DataFrame(
        {
            "outlet": ["A", "A", "B"],
            "actor": ["G", "G", "G"],
            "label_families": ["terrorism;extremism", "", "separatism"],
            "voice": ["narration", "quoted", "quoted"],
            "mention": ["G", "G", "G"],
            "descriptor": ["extremist terrorist group", "", "separatists"],
        }
    )
    table = actor_labels(mentions)
    assert list(zip(table["outlet"], table["family"], table["voice"], strict=True)) == [
        ("A", "extremism", "narration"), ("A", "terrorism", "narration"), ("B", "separatism", "quoted")
    ]  # fmt: skip


def test_aligned_pairs_lists_each_pair_once_with_both_texts() -> None:
    sentences = pd.DataFrame(
        {"article": ["a", "b"], "sentence": [0, 0], "text": ["one fact", "the same fact"]}
    )
    alignment = pd.DataFrame(
        {
            "outlet": ["A", "B"], "article": ["a", "b"], "sentence": [0, 0],
            "other_outlet": ["B", "A"], "other_article": ["b", "a"], "other_sentence": [0, 0],
            "similarity": [0.5, 0.5],
        }
    )  # fmt: skip
    pairs = aligned_pairs(alignment, sentences)
    assert len(pairs) == 1
    assert pairs.loc[0, "text"] == "one fact" and pairs.loc[0, "other_text"] == "the same fact"


def test_an_event_without_named_actors_gives_empty_actor_tables(tmp_path) -> None:
    """Two short articles that name nobody: the actor and speaker tables are empty, not an error."""
    fixtures = Path(__file__).parent / "fixtures" / "bad_input"
    (tmp_path / "ev").mkdir()
    rows = ["event_id,outlet,title,date,path"]  # no sha256 column: files are not checked
    for outlet, name in (("A", "good_a.txt"), ("B", "good_b.txt")):
        (tmp_path / "ev" / name).write_bytes((fixtures / name).read_bytes())
        rows.append(f"ev,{outlet},t,2020-01-01,ev/{name}")
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    tables = framing_tables(load_event("ev", tmp_path))
    assert tables["actors"].empty and tables["actor_tone"].empty and tables["speakers"].empty
    assert len(tables["quotes"]) > 0 and set(tables["tone_summary"]["outlet"]) == {"A", "B"}
