"""Shared fixtures: the cleaning rule set and the cleaned seed event (cleaned once per session)."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.cleaning import CleanArticle
from analysis.cleaning_rules import Rule, load_rules
from analysis.event import load_event


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    """The project's cleaning rules (codebooks/cleaning_rules.yaml)."""
    return load_rules()


@pytest.fixture(scope="session")
def seed_event() -> dict[str, CleanArticle]:
    """The cleaned articles of the seed event, by outlet (VOA, RFI)."""
    cleaned = load_event(config.DEFAULT_EVENT)
    by_outlet = {item.article.outlet: item for item in cleaned}
    assert sorted(by_outlet) == ["RFI", "VOA"], "the seed event has one VOA and one RFI article"
    return by_outlet
