"""Cleaning keeps every human-annotated BASIL phrase span, and maps it back to its raw offsets.

BASIL: Fan et al. 2019, "In Plain Sight: Media Bias Through the Lens of Factual Reporting", EMNLP 2019.
The corpus is read at run time from ``../shared/corpora/basil-dev`` (or the folder named by the
``BASIL_DIR`` environment variable); its texts are never copied into this repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.manifest import articles
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules

_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def fold(text: str) -> str:
    """Without whitespace, curly quotes made straight."""
    return re.sub(r"\s+", "", text).translate(_FOLD)


def test_fold() -> None:
    assert fold("\u201cA  b\u2019c\u201d\n d") == '"Ab\'c"d'


@pytest.mark.corpus
def test_every_phrase_span_survives_cleaning(basil: Path, record_property) -> None:
    rules = load_rules()
    listed = articles(basil)
    assert len(listed) == 150
    cleaned = {article.path: clean_article(article, rules) for article in listed}
    spans = pd.read_csv(
        basil / "derived" / "phrase_spans.csv", dtype={"txt": str}, keep_default_na=False
    )
    assert len(spans) > 0
    arrays = {
        path: (np.asarray(item.tracked.starts), np.asarray(item.tracked.ends))
        for path, item in cleaned.items()
    }
    failures = []
    for span in spans.itertuples():
        path = (basil / span.path).resolve()
        item = cleaned[path]
        starts, ends = arrays[path]
        start, end = int(span.doc_start), int(span.doc_end)
        inside = np.nonzero((starts >= start) & (ends <= end))[0]
        clean = "".join(item.text[index] for index in inside)
        if not len(inside) or fold(clean) != fold(span.txt):
            failures.append(f"{span.path} [{start}:{end}] {span.ann_id}: {clean!r} != {span.txt!r}")
    checked = len(spans)
    record_property("basil_spans_checked", checked)
    print(f"BASIL spans checked: {checked} in {len(cleaned)} articles; failures: {len(failures)}")
    assert not failures, f"{len(failures)} of {checked} spans lost:\n" + "\n".join(failures[:10])
