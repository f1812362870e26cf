"""Corpus runs: partitions, Parquet tables, resumption, errors, byte-identical reruns, Dask."""

from __future__ import annotations

import csv
import gc
import hashlib
import shutil
import weakref
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.corpus import extract, extract_corpus
from analysis.corpus import run as corpus_run
from analysis.corpus.plan import Partition, plan_partitions
from analysis.corpus.store import iter_batches, read_table
from analysis.ingest.load import load_event
from analysis.ingest.manifest import manifest_with_rows
from analysis.tables.framing import framing_tables
from analysis.text.document import Document

SEED_FILES = {"VOA": "000_5a7501a11d1dcd97.txt", "RFI": "001_2e6ec9803f784069.txt"}
EVENTS = ("2019-01-01_a", "2019-01-02_b", "2019-01-03_c", "2019-01-04_d")


def make_corpus(folder: Path, broken_event: bool = True) -> Path:
    """Four copies of the seed event (one per event id) plus, optionally, an event whose RFI file is
    empty; an extra manifest column ``leaning``."""
    seed = config.DATA_RAW / config.DEFAULT_EVENT
    rows = []
    for event_id in (*EVENTS, "2019-01-05_broken") if broken_event else EVENTS:
        (folder / event_id).mkdir(parents=True)
        for outlet, name in SEED_FILES.items():
            target = folder / event_id / name
            if event_id.endswith("broken") and outlet == "RFI":
                target.write_bytes(b"")
            else:
                shutil.copyfile(seed / name, target)
            rows.append(
                {
                    "event_id": event_id,
                    "outlet": outlet,
                    "title": f"{outlet} on {event_id}",
                    "date": "2019-04-22",
                    "language": "en",
                    "original_language": "fr" if outlet == "RFI" else "en",
                    "path": f"{event_id}/{name}",
                    "leaning": "public" if outlet == "VOA" else "state",
                }
            )
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below ``folder`` (hidden lock files excluded), by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "toy")


@pytest.fixture(scope="module")
def extracted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "toy"
    extract_corpus(corpus, out, partition_articles=2, progress=False)
    return out


def test_partitions_keep_events_whole_and_are_sorted(corpus: Path) -> None:
    manifest = manifest_with_rows(corpus)
    partitions = plan_partitions(manifest, partition_articles=3)
    assert [part.events for part in partitions] == [
        ("2019-01-01_a", "2019-01-02_b"),
        ("2019-01-03_c", "2019-01-04_d"),
        ("2019-01-05_broken",),
    ]
    assert sum(len(part.rows) for part in partitions) == len(manifest)
    with pytest.raises(ValueError, match="partition_articles"):
        plan_partitions(manifest, 0)


def test_tables_are_parquet_partitions_with_manifest_columns(extracted: Path) -> None:
    tables = extracted / "tables"
    assert sorted(p.name for p in (tables / "articles").iterdir()) == [
        f"part-{index:05d}.parquet" for index in range(5)
    ]
    articles = read_table(tables, "articles")
    assert len(articles) == 10
    assert set(articles["leaning"]) == {"public", "state"}  # extra column carried through
    assert articles.groupby("status").size().to_dict() == {
        "analysed": 8,
        "event dropped": 1,
        "excluded": 1,
    }
    streamed = pd.concat(iter_batches(tables, "articles", ["event_id", "outlet"]))
    assert len(streamed) == 10


def test_bad_article_is_reported_and_its_event_dropped(extracted: Path) -> None:
    problems = read_table(extracted / "tables", "problems")
    assert problems["kind"].tolist() == ["empty", "too-few-outlets"]
    assert problems["path"].iloc[0].endswith("2019-01-05_broken/001_2e6ec9803f784069.txt")
    errors = pd.read_csv(extracted / "summary" / "errors.csv")
    assert errors["kind"].tolist() == ["empty", "too-few-outlets"]


def test_corpus_features_equal_the_event_analysis(extracted: Path) -> None:
    """Unique-content shares and quote counts per article equal the per-event framing tables."""
    articles = read_table(extracted / "tables", "articles")
    seed = framing_tables(load_event(config.DEFAULT_EVENT))
    coverage = seed["coverage"].set_index("outlet")
    quotes = seed["quotes"].groupby("outlet").size()
    for event_id in EVENTS:
        rows = articles[articles["event_id"] == event_id].set_index("outlet")
        for outlet in SEED_FILES:
            assert rows.loc[outlet, "unique_share"] == coverage.loc[outlet, "unique_share"]
            assert rows.loc[outlet, "sentences_unique"] == coverage.loc[outlet, "unique"]
    counts = read_table(extracted / "tables", "quote_counts")
    per_outlet = counts[counts["event_id"] == EVENTS[0]].groupby("outlet")["quotes"].sum()
    assert per_outlet.to_dict() == quotes.to_dict()


def test_summaries_have_intervals_per_outlet(extracted: Path) -> None:
    profiles = pd.read_csv(extracted / "summary" / "outlet_profiles.csv")
    assert set(profiles["outlet"]) == {"RFI", "VOA"}
    assert {"style", "tone", "quotes", "selection"} <= set(profiles["section"])
    assert (profiles["events"] == 4).all()
    # four identical events: every replicate equals the estimate
    defined = profiles.dropna(subset=["estimate"])
    assert (defined["low"] - defined["estimate"]).abs().max() < 1e-6
    keyness = pd.read_csv(extracted / "summary" / "keyness.csv")
    assert {"outlet", "term", "z", "low", "high"} <= set(keyness.columns)


def test_rerun_skips_everything_and_changes_no_byte(corpus: Path, extracted: Path) -> None:
    before = digests(extracted)
    result = extract_corpus(corpus, extracted, partition_articles=2, progress=False)
    assert result.extracted == 0 and result.partitions == 5
    # a call without options (the corpus notebook's) keeps the previous run's plan
    assert extract_corpus(corpus, extracted, progress=False).extracted == 0
    assert digests(extracted) == before


def test_a_partition_holds_one_events_cleaned_articles_at_a_time(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays flat with the partition size: a cleaned article (its per-character offsets) is
    released once its event is done, so at most one event's articles (two outlets here) are alive."""
    real_clean = extract.clean_checked
    alive: list[weakref.ref] = []
    most = []

    def tracking(*args: object) -> Document | None:
        gc.collect()
        most.append(sum(ref() is not None for ref in alive))
        cleaned = real_clean(*args)
        if cleaned is not None:
            alive.append(weakref.ref(cleaned))
        return cleaned

    monkeypatch.setattr(extract, "clean_checked", tracking)
    [partition] = plan_partitions(manifest_with_rows(corpus), partition_articles=100)
    tables = extract.extract_partition(partition, corpus)
    assert len(most) == len(partition.rows) == 10
    assert max(most) == 1  # the event's first outlet, while its second is cleaned
    assert (tables["articles"]["status"] == "analysed").sum() == 8


def test_interrupted_run_resumes_and_matches(
    corpus: Path, extracted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "toy"
    original = corpus_run.extract_partition
    calls = []

    def failing(
        partition: Partition, corpus_dir: Path, comparison: bool
    ) -> dict[str, pd.DataFrame]:
        calls.append(partition.index)
        if partition.index == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during partition 3
        return original(partition, corpus_dir, comparison)

    monkeypatch.setattr(corpus_run, "extract_partition", failing)
    with pytest.raises(KeyboardInterrupt):
        extract_corpus(corpus, out, partition_articles=2, progress=False)
    assert calls == [0, 1, 2, 3]
    assert not (out / "tables" / "_done" / "part-00003.json").exists()
    monkeypatch.setattr(corpus_run, "extract_partition", original)
    resumed = extract_corpus(corpus, out, partition_articles=2, progress=False)
    assert resumed.extracted == 2  # partitions 3 and 4 only
    assert digests(out) == digests(extracted)


def test_changed_article_reruns_only_its_partition(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "toy", broken_event=False)
    out = tmp_path / "out"
    extract_corpus(corpus, out, partition_articles=2, progress=False)
    target = corpus / EVENTS[2] / SEED_FILES["VOA"]
    target.write_text(target.read_text(encoding="utf-8") + "\nA new closing sentence.\n")
    assert extract_corpus(corpus, out, partition_articles=2, progress=False).extracted == 1


def test_shrunk_corpus_leaves_no_stale_partitions(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "toy")
    out = tmp_path / "out"
    extract_corpus(corpus, out, partition_articles=2, progress=False)
    extract_corpus(corpus, out, partition_articles=4, progress=False)
    assert len(list((out / "tables" / "articles").glob("*.parquet"))) == 3
    assert len(read_table(out / "tables", "articles")) == 10


def test_local_dask_cluster_writes_identical_tables(
    corpus: Path, extracted: Path, tmp_path: Path
) -> None:
    """A real LocalCluster (2 worker processes on localhost) gives byte-identical tables."""
    out = tmp_path / "toy"
    result = extract_corpus(corpus, out, partition_articles=2, workers=2, progress=False)
    assert result.extracted == 5
    assert digests(out) == digests(extracted)


@pytest.mark.corpus
def test_basil_corpus_extracts_every_article(basil: Path, tmp_path: Path) -> None:
    result = extract_corpus(basil, tmp_path / "basil", progress=False)
    articles = read_table(result.tables_dir, "articles")
    assert len(articles) == 150 and (articles["status"] == "analysed").all()
    assert articles["event_id"].nunique() == 50
    assert {"leaning", "main_event", "article_id"} <= set(articles.columns)
    assert not result.problems


def test_without_comparison_the_profiles_leave_out_quotes_and_selection(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "toy", broken_event=False)
    result = extract_corpus(corpus, tmp_path / "out", comparison=False, progress=False)
    assert read_table(result.tables_dir, "quote_counts").empty
    profiles = pd.read_csv(result.summary_dir / "outlet_profiles.csv")
    assert "style" in set(profiles["section"])
    assert "selection" not in set(profiles["section"])
    assert set(profiles.loc[profiles["section"] == "quotes", "measure"]) == {
        "share of words quoted"
    }
    again = extract_corpus(corpus, tmp_path / "out", comparison=True, progress=False)
    assert again.extracted == again.partitions  # the option is part of the fingerprint
