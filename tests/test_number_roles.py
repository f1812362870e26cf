"""Numbers matched by what they count and in which role (analysis.measures.numbers.roles and matching),
on small invented events written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest.manifest import Article
from analysis.measures.numbers import match_numbers, numbers_table, side_by_side
from analysis.measures.numbers.roles import number_role
from analysis.text.cleaning import clean_text
from analysis.text.document import Document


def article(text: str, outlet: str, event: str = "bridge") -> Document:
    tracked, blocks, changes = clean_text(text, [])
    meta = Article(event, outlet, "t", "2024-05-02", Path(f"{outlet}.txt"), "en", "en", "", "", "")
    return Document(meta, text, tracked, blocks, changes)


BRIDGE = {
    "Alpha": (
        "A road bridge collapsed in Elbry on Tuesday, injuring 12 people. Three of them are in "
        "serious condition, the regional hospital said. Repairs will cost 1.2 million euros, the "
        "mayor said. The bridge carried about 6,000 people a day."
    ),
    "Beta": (
        "Eleven people were injured when a bridge collapsed in Elbry on Tuesday. Two people are in "
        "serious condition. The town estimates the cost of repairs at 1.5 million euros."
    ),
    "Gamma": (
        "At least a dozen people were hurt when the Elbry bridge gave way. Around 30 firefighters "
        "worked through the night. Engineers said repairs would cost 1.2 million euros."
    ),
}


@pytest.fixture(scope="module")
def bridge():
    matched = match_numbers(numbers_table([article(t, o) for o, t in BRIDGE.items()]))
    return matched, side_by_side(matched)


def test_each_fact_told_differently_is_one_different_value_row(bridge) -> None:
    _, wide = bridge
    rows = wide.set_index("match_id")
    injured = rows.loc["casualty/people/injured/11~12"]
    assert (injured["Alpha"], injured["Beta"]) == ("12 people", "Eleven people")
    assert injured["Gamma"] == "At least a dozen people"  # the approximation is carried
    assert injured["status"] == "different value"
    serious = rows.loc["casualty/people/in serious condition/2~3"]
    assert (serious["Alpha"], serious["Beta"], serious["Gamma"]) == ("Three", "Two people", "—")
    repairs = rows.loc["money/money:EUR/repairs/1200000~1500000"]
    assert repairs["Beta"] == "1.5 million euros" and repairs["status"] == "different value"
    assert (wide["status"] == "different value").sum() == 3


def test_numbers_that_count_other_things_stay_apart(bridge) -> None:
    matched, _ = bridge
    by_text = matched.set_index("text")
    assert by_text.loc["about 6,000", "status"] == "one outlet only"  # not joined with casualties
    assert by_text.loc["about 6,000", "approx"] == "about"
    assert by_text.loc["Around 30", "status"] == "one outlet only"
    assert by_text.loc["Around 30", "role"] == "firefighter"


def test_equal_counts_of_different_frames_are_not_one_fact() -> None:
    texts = {
        "Alpha": "The storm killed 4 people in the port.",
        "Beta": "Four people were injured in the port, and 2 people died.",
    }
    matched = match_numbers(numbers_table([article(t, o, "storm") for o, t in texts.items()]))
    roles = dict(zip(matched["text"], matched["role"], strict=True))
    assert roles == {"4": "killed", "Four": "injured", "2": "killed"}
    statuses = dict(zip(matched["text"], matched["status"], strict=True))
    assert statuses["4"] == statuses["2"] == "different value"  # 4 vs 2 killed
    assert statuses["Four"] == "one outlet only"  # 4 injured is not 4 killed


def test_killed_soldiers_and_killed_civilians_are_not_joined() -> None:
    texts = {
        "Alpha": "Gunmen killed 14 soldiers near the border.",
        "Beta": "Gunmen killed 5 civilians in the market.",
    }
    matched = match_numbers(numbers_table([article(t, o, "raid") for o, t in texts.items()]))
    assert set(matched["status"]) == {"one outlet only"}


@pytest.mark.parametrize(
    ("evidence", "unit", "kind", "head", "role"),
    [
        ("Eleven people were taken to hospital, [[three]] of them in serious condition.",
         "number", "other", "", "in serious condition"),
        ("[[Eleven]] people were taken to hospital, three of them in serious condition.",
         "people", "people", "people", "injured"),
        ("The [[$10 billion]] refinery opened.", "money:USD", "money", "refinery", "refinery"),
        ("Damage is put at [[$3 million]] by insurers.", "money:USD", "money", "", "damage"),
        ("They met [[three]] times.", "number", "other", "", ""),
        ("The march drew [[about 6,000]] people.", "people", "people", "people", ""),
    ],
)  # fmt: skip
def test_number_role_by_hand(evidence, unit, kind, head, role) -> None:
    assert number_role(evidence, unit, kind, head) == role
