"""The PolNeAR benchmark's scoring rules (``benchmarks/attribution_accuracy.py``), on hand-made
records: which record judges a gold content, and when a source mention names the gold Source."""

from __future__ import annotations

import importlib.util
import sys

import pandas as pd
import pytest

from analysis import config

BENCHMARK = config.PROJECT_ROOT / "benchmarks" / "attribution_accuracy.py"


@pytest.fixture(scope="module")
def benchmark():
    sys.path.insert(0, str(BENCHMARK.parent))  # its sibling module speaker_names
    spec = importlib.util.spec_from_file_location("attribution_accuracy", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def records(*spans: tuple[int, int, str]) -> pd.DataFrame:
    return pd.DataFrame(spans, columns=["start", "end", "speaker_mention"])


def test_an_inner_report_is_judged_by_its_own_record(benchmark) -> None:
    # "Berg said that Dahl claimed the ferry is late": outer 10-45, inner 25-45, gold content 25-45
    table = records((10, 45, "Berg"), (25, 45, "Dahl"))
    assert benchmark.best_record(table, 25, 45)["speaker_mention"] == "Dahl"


def test_the_record_covering_more_of_the_content_wins_over_a_shorter_one(benchmark) -> None:
    table = records((0, 30, "Berg"), (20, 24, "Dahl"))
    assert benchmark.best_record(table, 10, 30)["speaker_mention"] == "Berg"


@pytest.mark.parametrize(
    ("gold", "mention", "right"),
    [
        ("Mayor Anna Berg", "Berg", True),
        ("O\u2019Donnell", "O'Donnell", True),
        ("Trump\u2019s campaign", "Trump", True),
        ("the campaign", "Trump", False),
        ("he", "Anna Berg", False),
        ("", "", True),
        ("", "Berg", False),
    ],
)
def test_source_right(benchmark, gold: str, mention: str, right: bool) -> None:
    assert benchmark.source_right(gold, mention) is right


@pytest.fixture(scope="module")
def speaker_names(benchmark):
    return sys.modules["speaker_names"]  # imported by the benchmark from its folder


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The White House said no.", "White House", ""),  # an institution named by its seat
        ("Tehran said no.", "Tehran", "country"),  # a government named by its capital
        ("The Varn River said no.", "Varn River", "place"),
        ("Ohio said no.", "Ohio", "state"),  # a polity, but more often a place: counted apart
        ("Islamic State said no.", "Islamic State", ""),
        ("In the vote the Republicans said no.", "Republicans", ""),  # a party: a name
        ("Republicans said no.", "Republicans", "common word"),  # never capitalised inside
        ("Officials said no.", "Officials", "common word"),
        ("Ask local people. Local said no.", "Local", "common word"),  # written in lower case
        ("A blog post went viral. Then the Post said no.", "Post", ""),  # a newspaper: a name
    ],
)
def test_speakers_that_are_no_names(speaker_names, text: str, speaker: str, kind: str) -> None:
    found = speaker_names.non_name_speakers(text, pd.DataFrame({"speaker": [speaker]}))
    assert found == ({(kind, speaker): 1} if kind else {})


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("Sen. Bernie Sanders (I-Vt.)", True),
        ("Republican strategist Ryan Williams", True),
        ("Murphy, the head of Right to Rise USA,", True),
        ("The senator", False),
        ("He", False),
        ("another source familiar with the talks", False),
        ("", False),
    ],
)
def test_named_sources(benchmark, source: str, named: bool) -> None:
    assert benchmark.named_source(source) is named


@pytest.mark.parametrize(
    ("verb", "gold_cue", "right"),
    [
        ("call for", "called for", True),  # a phrasal cue by its verb
        ("talk about", "talked more about", True),
        ("according to", "according to", True),
        ("say", "said", True),
        ("according to", "wants to", False),  # a shared particle is no shared cue
        ("call for", "voted for", False),
    ],
)
def test_cue_right(benchmark, verb: str, gold_cue: str, right: bool) -> None:
    assert benchmark.cue_right(verb, gold_cue, benchmark.cue_forms()) is right
