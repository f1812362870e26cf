"""Shared fixtures: the cleaning rules, the cleaned seed event, and the BASIL corpus folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import config
from analysis.ingest.load import load_event
from analysis.text.cleaning_rules import Rule, load_rules
from analysis.text.document import Document

#: Markers given by test file, so ``make test-fast`` can leave them out (``-m "not fault and ..."``).
FILE_MARKERS = {
    "test_faults.py": "fault",
    "test_corpus_faults.py": "fault",
    "test_site_browser.py": "browser",
    "test_notebook_html_browser.py": "browser",  # runs notebooks 01-04 on a hostile event, then Chromium
    "test_runner.py": "slow",
    "test_noop.py": "slow",
    "test_corpus_report.py": "slow",
    "test_lab.py": "slow",
    "test_corpus.py": "corpus",  # extraction runs, a local Dask cluster
    "test_properties.py": "slow",  # hypothesis: hundreds of generated cases per property
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by file (:data:`FILE_MARKERS`), every test using the BASIL corpus ``corpus`` and the
    ``*_generated`` equivalence tests (thousands of generated inputs) ``slow``."""
    for item in items:
        marker = FILE_MARKERS.get(item.path.name)
        if marker is not None:
            item.add_marker(marker)
        if "basil" in getattr(item, "fixturenames", ()):
            item.add_marker("corpus")
        if item.name.split("[")[0].endswith("_generated"):  # equivalence over generated inputs
            item.add_marker("slow")


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
