"""Tests for analysis.measures.actors: the actor file, mentions (offsets, voice, descriptors) and the table.

The BASIL smoke test reads Fan et al. (2019, EMNLP) from ``../shared/corpora/basil-dev`` (or
``BASIL_DIR``) at run time and skips when it is absent; its texts are never copied here.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.ingest.load import load_event
from analysis.ingest.manifest import articles
from analysis.measures.actors import (
    ACTOR_FILE_NAME,
    MENTION_COLUMNS,
    TABLE_COLUMNS,
    Actor,
    actor_mentions,
    actors_table,
    descriptor,
    find_actor_file,
    load_actor_file,
    speaker_actors,
)
from analysis.measures.labels import load_codebook
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document, Sentence
from analysis.text.segment import Span, tokenize

SEED_FILE = config.DATA_RAW / config.DEFAULT_EVENT / ACTOR_FILE_NAME
BASIL_DIR = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))


@pytest.fixture(scope="module")
def families():
    return load_codebook()


@pytest.fixture(scope="module")
def seed(seed_event: dict[str, Document]) -> list[Document]:
    return [seed_event[outlet] for outlet in sorted(seed_event)]


@pytest.fixture(scope="module")
def seed_mentions(seed: list[Document]) -> pd.DataFrame:
    return actor_mentions(seed)  # finds data/raw/<event>/actors.yaml


@pytest.fixture(scope="module")
def seed_auto(seed: list[Document]) -> pd.DataFrame:
    return actor_mentions(seed, discover=False)  # as for an unseen event: no file


def outlets_of(mentions: pd.DataFrame, actor: str) -> list[str]:
    return sorted(set(mentions.loc[mentions["actor"] == actor, "outlet"]))


def actor_of(mentions: pd.DataFrame, surface: str) -> set[str]:
    return set(mentions.loc[mentions["mention"] == surface, "actor"])


# --- the actor file ---------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ACTOR_FILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_load_actor_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- name: Iran\n  type: country\n  aliases: [Tehran]\n"
        "- name: IRNA\n  type: organization\n  notes: spelling normalised\n",
    )
    assert load_actor_file(path) == [
        Actor("Iran", "country", ("Tehran",)),
        Actor("IRNA", "organisation", ()),
    ]
    assert load_actor_file(write(tmp_path, "# nothing yet\n")) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- name: Iran\n  type: [country\n", "cannot read actor file"),
        ("name: Iran\ntype: country\n", "expected a list of actors"),
        ("- Iran\n", "entry 1: expected a mapping"),
        ("- type: country\n", "entry 1: 'name' must be a non-empty string"),
        ("- name: Iran\n  type: nation\n", "entry 1 ('Iran'): type 'nation' is not one of"),
        ("- name: Iran\n  type: country\n  aliases: Tehran\n", "'aliases' must be a list"),
        ("- name: Iran\n  type: country\n  alias: [Tehran]\n", "unknown key(s) alias"),
        (
            "- name: Iran\n  type: country\n  aliases: [Tehran]\n"
            "- name: Iranian government\n  type: organisation\n  aliases: [tehran]\n",
            "entry 2 ('Iranian government'): 'tehran' is already a name or alias of 'Iran'",
        ),
    ],
)
def test_actor_file_errors_name_the_file(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_actor_file(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert fragment in caught.value.problem, caught.value.problem


def test_missing_actor_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read actor file"):
        load_actor_file(tmp_path / "absent.yaml")


def test_seed_actor_file_is_valid() -> None:
    actors = {actor.name: actor for actor in load_actor_file(SEED_FILE)}
    for name in ("Hassan Rouhani", "Imran Khan", "Iran", "Pakistan", "Jaish al-Adl",
                 "Islamic Revolutionary Guards Corps", "United States", "Saudi Arabia",
                 "United Arab Emirates", "Afghanistan", "IRNA"):  # fmt: skip
        assert name in actors, name
    assert "Tehran" in actors["Iran"].aliases  # the documented metonym choice
    assert "Islamabad" in actors["Pakistan"].aliases
    assert {"Rohani", "Hasan Rouhani"} <= set(actors["Hassan Rouhani"].aliases)


# --- descriptors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Tehran says anti-Iran Sunni Muslim extremist group Jaish al-Adl uses Pakistani soil.",
         "Jaish al-Adl", "extremist group"),
        ("He said Baloch separatists had killed 14 soldiers.", "Baloch", "separatists"),
        ("It came from an alliance of three Baluch terrorist organizations based in Iran.",
         "Baluch", "terrorist organizations"),
        ("Iranian President Hassan Rohani announced it.", "Hassan Rohani", "President"),
        ("Imran Khan, the Pakistani prime minister, said so.", "Imran Khan", ""),
        ("Rohani said the force would help.", "Rohani", ""),
        ("It claimed the Jaïch al-Adl group, the Justice Army.", "Jaïch al-Adl", "group"),
    ],
)  # fmt: skip
def test_descriptor_window(sentence: str, mention: str, expected: str, families) -> None:
    start = sentence.index(mention) + 10
    span = Span(10, 10 + len(sentence), sentence)
    assert descriptor(span, start, start + len(mention), families) == expected


# --- the seed event -----------------------------------------------------------------------------------


def test_mentions_columns_offsets_and_order(seed: list[Document], seed_mentions) -> None:
    assert list(seed_mentions.columns) == MENTION_COLUMNS
    assert set(seed_mentions["outlet"]) == {"RFI", "VOA"}
    texts = {item.article.path.stem: item.text for item in seed}
    for row in seed_mentions.itertuples():
        text = texts[row.article]
        assert text[row.start : row.end] == row.mention
        assert row.sentence_start <= row.start < row.end <= row.sentence_end
        assert row.position == pytest.approx(row.start / len(text), abs=1e-6)
        assert 0 <= row.position < 1
    keys = list(
        zip(seed_mentions["outlet"], seed_mentions["article"], seed_mentions["start"], strict=True)
    )
    assert keys == sorted(keys)
    assert set(seed_mentions["voice"]) == {"narration", "quoted"}


def test_rouhani_variants_are_one_actor_in_both_outlets(seed_mentions, seed_auto) -> None:
    assert (
        actor_of(seed_mentions, "Hassan Rohani")
        == actor_of(seed_mentions, "Rohani")
        == {"Hassan Rouhani"}
    )
    assert outlets_of(seed_mentions, "Hassan Rouhani") == ["RFI", "VOA"]
    # without the file, automatic grouping alone collapses them too
    (auto,) = actor_of(seed_auto, "Rohani")
    assert actor_of(seed_auto, "Hassan Rohani") == {auto}
    assert outlets_of(seed_auto, auto) == ["RFI", "VOA"]


def test_jaish_transliterations_are_one_actor(seed_mentions, seed_auto) -> None:
    for mentions in (seed_mentions, seed_auto):
        (jaish,) = actor_of(mentions, "Jaish al-Adl")
        assert actor_of(mentions, "Jaïch al-Adl") == {jaish}
        assert outlets_of(mentions, jaish) == ["RFI", "VOA"]
    assert actor_of(seed_mentions, "Justice Army") == {"Jaish al-Adl"}  # RFI's translation


def test_irgc_and_revolutionary_guards_are_one_actor(seed_mentions, seed_auto) -> None:
    for mentions in (seed_mentions, seed_auto):
        surfaces = ["IRGC", "Revolutionary Guards", "Islamic Revolutionary Guards Corps"]
        found = set().union(*(actor_of(mentions, surface) for surface in surfaces))
        assert found == {"Islamic Revolutionary Guards Corps"}
        assert outlets_of(mentions, "Islamic Revolutionary Guards Corps") == ["RFI", "VOA"]


def test_iran_iraq_and_nationality_adjectives(seed_mentions, seed_auto) -> None:
    assert actor_of(seed_mentions, "Iraq") == {"Iraq"}
    assert actor_of(seed_mentions, "Iran") == {"Iran"}
    assert actor_of(seed_mentions, "Tehran") == {"Iran"}  # metonym alias (actors.yaml)
    assert actor_of(seed_auto, "Tehran") == {"Tehran"}  # without the file: its own actor
    for mentions in (seed_mentions, seed_auto):
        assert "Iraq" not in set(mentions.loc[mentions["actor"] == "Iran", "mention"])
        names = mentions[mentions["kind"] == "name"]
        assert not set(names["mention"]) & {"Pakistani", "Iranian", "Afghan", "Saudi"}
        people = mentions[mentions["kind"] == "demonym"]  # nationality word + a noun for people
        assert set(people["mention"]) <= {
            "Iranian soldiers",
            "Pakistani soldiers",
            "Afghan refugees",
        }
        assert set(people.loc[people["mention"] == "Iranian soldiers", "actor"]) <= {"Iran"}


def test_voice_and_label_families(seed_mentions) -> None:
    def row(outlet: str, mention: str) -> pd.Series:
        found = seed_mentions[(seed_mentions.outlet == outlet) & (seed_mentions.mention == mention)]
        return found.iloc[0]

    assert row("RFI", "Justice Army")["voice"] == "quoted"
    voa_jaish = row("VOA", "Jaish al-Adl")
    assert (voa_jaish["descriptor"], voa_jaish["label_families"]) == (
        "extremist group",
        "extremism",
    )
    rfi_baloch = row("RFI", "Baloch")
    assert (rfi_baloch["descriptor"], rfi_baloch["label_families"]) == ("separatists", "separatism")
    voa_baluch = row("VOA", "Baluch")
    assert voa_baluch["actor"] == rfi_baloch["actor"]
    assert voa_baluch["label_families"] == "terrorism"


def test_actors_table(seed_mentions) -> None:
    table = actors_table(seed_mentions)
    assert list(table.columns) == TABLE_COLUMNS
    assert not table.duplicated(["outlet", "actor"]).any()
    assert table["mentions"].sum() == len(seed_mentions)
    assert (table["narration_mentions"] + table["quoted_mentions"] == table["mentions"]).all()
    for outlet, group in table.groupby("outlet"):
        ranked = list(zip(-group["mentions"], group["actor"], strict=True))
        assert ranked == sorted(ranked), outlet
    rouhani = table[table["actor"] == "Hassan Rouhani"].set_index("outlet")
    assert rouhani.loc["VOA", "descriptors"] == "President"
    assert rouhani.loc["VOA", "type"] == "person"
    shared = table.groupby("actor")["outlet"].nunique()
    assert {"Iran", "Pakistan", "Hassan Rouhani", "Imran Khan", "Jaish al-Adl"} <= set(
        shared[shared == 2].index
    )


def test_mentions_are_deterministic(seed: list[Document], seed_mentions) -> None:
    pd.testing.assert_frame_equal(actor_mentions(list(reversed(seed))), seed_mentions)


# --- an unseen event, no actor file ----------------------------------------------------------------

ARTICLES = {
    "ev/a.txt": (
        "Floods hit Dhaka\n\n"
        "Heavy rain flooded Dhaka on Tuesday. Prime Minister Sheikh Hasina visited the city and "
        "said the Red Crescent would help. City mayor Fazle Noor Taposh promised money.\n\n"
        "Officials of the Bangladesh Water Development Board said rivers were rising."
    ),
    "ev/b.txt": (
        "Rains swamp capital\n\n"
        "Monsoon rain swamped Dhaka. Sheikh Hasina toured shelters run by the Red Crescent, and "
        "the Bangladesh Water Development Board (BWDB) warned of more floods near Sylhet. Taposh said "
        '"Dhaka will recover", and aides of Taposh agreed.'
    ),
}


def make_event(
    tmp_path: Path, actor_file: str | None = None, texts: dict[str, str] = ARTICLES
) -> list[Document]:
    raw_dir = tmp_path / "raw"
    for name, text in texts.items():
        path = raw_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if actor_file is not None:
        (raw_dir / "ev" / ACTOR_FILE_NAME).write_text(actor_file, encoding="utf-8")
    rows = [
        {
            "event_id": "ev",
            "outlet": "Alpha",
            "title": "",
            "date": "2020-07-01",
            "path": "ev/a.txt",
        },
        {"event_id": "ev", "outlet": "Beta", "title": "", "date": "2020-07-01", "path": "ev/b.txt"},
    ]
    with (raw_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return load_event("ev", raw_dir)


def test_unseen_event_without_actor_file(tmp_path: Path) -> None:
    cleaned = make_event(tmp_path)
    assert find_actor_file(cleaned) is None
    mentions = actor_mentions(cleaned)
    assert set(mentions["source"]) == {"auto"}
    types = dict(zip(mentions["actor"], mentions["type"], strict=True))
    assert types["Fazle Noor Taposh"] == "person" and types["Dhaka"] == "place"  # a capital
    assert types["Bangladesh Water Development Board"] == "organisation"
    shared = actors_table(mentions).groupby("actor")["outlet"].nunique()
    expected = {
        "Hasina",
        "Dhaka",
        "Red Crescent",
        "Bangladesh Water Development Board",
        "Fazle Noor Taposh",
    }
    assert expected <= set(shared[shared == 2].index)
    assert actor_of(mentions, "Taposh") == {"Fazle Noor Taposh"}  # last name
    assert "Sheikh" not in set(mentions["mention"])  # honorifics are titles, not names
    assert actor_of(mentions, "BWDB") == {"Bangladesh Water Development Board"}  # acronym
    quoted = mentions[(mentions["voice"] == "quoted")]
    assert list(quoted["mention"]) == ["Dhaka"]
    assert "Tuesday" not in set(mentions["mention"])


def test_one_off_automatic_names_are_dropped_below_the_minimum(tmp_path: Path) -> None:
    cleaned = make_event(tmp_path)
    default = set(actor_mentions(cleaned)["actor"])
    everything = set(actor_mentions(cleaned, min_auto_mentions=1)["actor"])
    assert everything - default == {"Sylhet"}  # named once in the whole event
    assert "Monsoon" not in everything  # one word that only ever opens a sentence


def test_event_actor_file_is_found_and_wins(tmp_path: Path) -> None:
    cleaned = make_event(
        tmp_path,
        "- name: Bangladesh\n  type: country\n  aliases: [Dhaka]\n"
        "- name: Fazle Noor Taposh\n  type: person\n",
    )
    assert find_actor_file(cleaned) == cleaned[0].article.path.parent / ACTOR_FILE_NAME
    mentions = actor_mentions(cleaned)
    assert actor_of(mentions, "Dhaka") == {"Bangladesh"}
    assert set(mentions.loc[mentions["actor"] == "Bangladesh", "type"]) == {"country"}
    assert actor_of(mentions, "Taposh") == {"Fazle Noor Taposh"}  # grouped onto the file actor
    assert set(mentions.loc[mentions["actor"] == "Fazle Noor Taposh", "source"]) == {"file"}
    assert set(mentions.loc[mentions["actor"] == "Fazle Noor Taposh", "type"]) == {"person"}
    # an explicit file, or none at all
    assert set(actor_mentions(cleaned, discover=False)["source"]) == {"auto"}


# --- the development corpus ------------------------------------------------------------------------


@pytest.mark.corpus
def test_basil_smoke(record_property) -> None:
    if not (BASIL_DIR / "manifest.csv").is_file():
        pytest.skip(f"BASIL corpus not found at {BASIL_DIR} (set BASIL_DIR)")
    rules = load_rules()
    events: dict[str, list[Document]] = defaultdict(list)
    for article in articles(BASIL_DIR):
        events[article.event_id].append(clean_article(article, rules))
    assert len(events) == 50
    with_shared = 0
    for items in events.values():
        mentions = actor_mentions(items, discover=False)
        texts = {item.article.path.stem: item.text for item in items}
        for row in mentions.itertuples():
            assert texts[row.article][row.start : row.end] == row.mention
        outlets = actors_table(mentions).groupby("actor")["outlet"].nunique()
        with_shared += bool((outlets >= 2).any())
    record_property("basil_events_with_shared_actor", with_shared)
    print(f"BASIL: {with_shared} of {len(events)} events have an actor named by 2+ outlets")
    assert with_shared >= 40


def test_speaker_actors_links_speakers_to_actors_by_alias_rules() -> None:
    quotes = pd.DataFrame(
        {"article": ["a", "a", "a", "b"], "speaker": ["Rohani", "", "X Y", "Rohani"]}
    )
    mentions = pd.DataFrame(
        {
            "article": ["a", "a"],
            "actor": ["Hassan Rouhani", "Iran"],
            "mention": ["Hassan Rohani", "Tehran"],
        }
    )
    # event-wide: article b names no actor, its speaker still finds Rouhani
    expected = ["Hassan Rouhani", "", "X Y", "Hassan Rouhani"]
    assert list(speaker_actors(quotes, mentions)) == expected
    assert speaker_actors(quotes.iloc[:0], mentions).empty


def test_mentions_read_the_documents_sentences_and_quoted_layer(tmp_path: Path) -> None:
    """Mentions take their sentence and voice from the document's layers (built once per article)."""
    cleaned = make_event(tmp_path)
    item = cleaned[0]
    item.__dict__["sentences"] = tuple(
        Sentence(number, number, block.kind, block.start, block.end, block.text)
        for number, block in enumerate(item.blocks)
    )
    item.__dict__["tokens"] = tuple(tuple(tokenize(s.text, offset=s.start)) for s in item.sentences)
    item.__dict__["quoted"] = tuple(((block.start, block.end),) for block in item.blocks)
    mentions = actor_mentions(cleaned, discover=False)
    rows = mentions[mentions["article"] == item.id]
    assert len(rows) and set(rows["voice"]) == {"quoted"}
    blocks = {(block.start, block.end) for block in item.blocks}
    assert set(zip(rows["sentence_start"], rows["sentence_end"], strict=True)) <= blocks


# --- issue 11: named failures on a small invented event (hand-written) ------------------------------

HARBOUR = {
    "ev/a.txt": (
        "Harbour strike\n\n"
        "Mayor Ada Lowe Quietly Meets With Harbour Union Leaders In Secret\n\n"
        "Mayor Ada Lowe met union leaders on Monday. Lowe said the Trump-Abe talks were far away. "
        "Russian officials and the Russians in the port stayed quiet; Russia said nothing. "
        "Councillor Ilse Moreau agreed with Lowe.\n\n"
        "Ilse Moreau of the Harbour Council spoke later. Jund al-Bahr denied it."
    ),
    "ev/b.txt": (
        "Port talks\n\n"
        "Ada Lowe and Ilse Moreau spoke about Russia. Trump met Abe. Trump and Abe left. "
        "Moreau said Lowe was right, and Lowe thanked Moreau and the Harbour Council. "
        "The group Jund al-Bahr was blamed."
    ),
}


def test_small_event_headlines_glued_names_demonyms_and_types(tmp_path: Path) -> None:
    mentions = actor_mentions(make_event(tmp_path, texts=HARBOUR))
    actors = set(mentions["actor"])
    assert not any(len(actor.split()) >= 5 for actor in actors)  # no headline phrase
    assert "Trump-Abe" not in actors  # two names glued by a hyphen
    assert actor_of(mentions, "Councillor Ilse Moreau") <= {"Ilse Moreau"}
    assert actor_of(mentions, "Moreau") == {"Ilse Moreau"} and actor_of(mentions, "Lowe") == {
        "Ada Lowe"
    }
    people = mentions[mentions["kind"] == "demonym"]
    assert set(people["mention"]) == {"Russian officials", "Russians"}
    assert set(people["actor"]) == {"Russia"}
    types = dict(zip(mentions["actor"], mentions["type"], strict=True))
    assert (types["Russia"], types["Ada Lowe"], types["Harbour Council"]) == (
        "country", "person", "organisation")  # fmt: skip
    assert types["Jund al-Bahr"] != "person"  # two capitalised words, but no title, no given name


def test_coordinated_speakers_speak_jointly_as_their_actors() -> None:
    quotes = pd.DataFrame(
        {"article": ["a", "a"], "speaker": ["Khan; Rohani", "Hassan Rohani; Imran Khan"]}
    )
    mentions = pd.DataFrame(
        {
            "article": ["a", "a"],
            "actor": ["Hassan Rouhani", "Imran Khan"],
            "mention": ["Hassan Rohani", "Imran Khan"],
        }
    )
    # each name finds its actor; one joint group whatever the order of the names
    expected = ["Hassan Rouhani; Imran Khan"] * 2
    assert list(speaker_actors(quotes, mentions)) == expected
