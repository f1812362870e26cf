"""Shared fixtures: the cleaning rules, the cleaned seed event, and the BASIL corpus folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import config
from analysis.ingest.load import load_event
from analysis.text.cleaning_rules import Rule, load_rules
from analysis.text.document import Document


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    """The project's cleaning rules (codebooks/cleaning_rules.yaml)."""
    return load_rules()


@pytest.fixture(scope="session")
def seed_event() -> dict[str, Document]:
    """The cleaned articles of the seed event, by outlet (VOA, RFI)."""
    cleaned = load_event(config.DEFAULT_EVENT)
    by_outlet = {item.article.outlet: item for item in cleaned}
    assert sorted(by_outlet) == ["RFI", "VOA"], "the seed event has one VOA and one RFI article"
    return by_outlet


BASIL_DIR = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))


@pytest.fixture(scope="session")
def basil() -> Path:
    """The BASIL development corpus (Fan et al. 2019), read at run time; skip when it is absent."""
    if not (BASIL_DIR / "manifest.csv").is_file():
        pytest.skip(
            f"BASIL corpus not found at {BASIL_DIR} (set BASIL_DIR to the basil-dev folder, "
            "or place it at ../shared/corpora/basil-dev)"
        )
    return BASIL_DIR
