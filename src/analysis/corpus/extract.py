"""The work of one partition: clean its articles, then extract every corpus feature in batch.

Per article (one row of the ``articles`` table): the manifest row, whether it was analysed, the batch
features of :func:`analysis.features.article_features` (readability, style, tone by voice, label families
by voice, hedges, frame cues) and the event comparison of :mod:`analysis.alignment` (sentences shared,
partly shared and unique against the other outlets of the event; Fisher/TF-IDF method and thresholds as
documented there). Long tables: ``quote_counts`` (quotes per kind and attribution-verb class,
:mod:`analysis.quotes`), ``terms`` (word counts per event and outlet, the input of corpus-wide Fightin'
Words) and ``problems`` (the errors report rows). Every table is sorted and typed so that the same
partition always gives the same bytes, whichever process computed it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..alignment import align_sentences, classify_sentences, coverage_table
from ..cleaning import CleanArticle
from ..cleaning_rules import Rule, load_rules
from ..compare import term_counts
from ..event import PROBLEM_COLUMNS, Problem, article_id, clean_checked, sentences_table
from ..features import article_features
from ..manifest import MIN_OUTLETS_PER_EVENT, article_from_row
from ..quotes import quotes_table
from .plan import Partition

STATUS_ANALYSED = "analysed"
STATUS_EXCLUDED = "excluded"
STATUS_EVENT_DROPPED = "event dropped"
COVERAGE_COLUMNS = ["sentences_shared", "sentences_partly_shared", "sentences_unique",
                    "unique_share", "unique_share_sentences"]  # fmt: skip
QUOTE_COLUMNS = ["event_id", "outlet", "article", "kind", "verb_class", "quotes", "words"]
TERM_COLUMNS = ["event_id", "outlet", "term", "count"]
TABLES = ("articles", "quote_counts", "terms", "problems")
PAGE_FIELDS = ("title", "date", "author")
KEYS = ["event_id", "outlet"]


def extract_partition(
    partition: Partition,
    corpus_dir: Path | str,
    comparison: bool = True,
    rules: list[Rule] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of one partition (see the module doc), by name (:data:`TABLES`).

    ``comparison=False`` skips the event comparison (quotes and shared sentences, the slow part): the
    ``quote_counts`` table is then empty and the coverage columns missing.
    """
    corpus_dir = Path(corpus_dir)
    rules = rules if rules is not None else load_rules()
    problems: list[Problem] = []
    status: dict[tuple[str, str], str] = {}
    events: dict[str, list[CleanArticle]] = {}
    for row in partition.rows:
        article = article_from_row(row, corpus_dir)
        cleaned = clean_checked(article, rules, problems)
        status[(article.event_id, article.outlet)] = STATUS_ANALYSED if cleaned else STATUS_EXCLUDED
        if cleaned is not None:
            events.setdefault(article.event_id, []).append(cleaned)
    for event_id, cleaned in list(events.items()):
        if len({item.article.outlet for item in cleaned}) < MIN_OUTLETS_PER_EVENT:
            problems.append(_too_few_outlets(event_id, cleaned, corpus_dir))
            for item in events.pop(event_id):
                status[(event_id, item.article.outlet)] = STATUS_EVENT_DROPPED
    analysed = [item for event_id in sorted(events) for item in events[event_id]]
    return {
        "articles": _articles_table(partition, status, analysed, comparison),
        "quote_counts": _quote_counts(events.values() if comparison else []),
        "terms": _terms(events.values()),
        "problems": pd.DataFrame(
            [vars(problem) for problem in problems], columns=PROBLEM_COLUMNS
        ).astype({"row": "Int64"}),
    }


def _too_few_outlets(event_id: str, cleaned: list[CleanArticle], corpus_dir: Path) -> Problem:
    outlets = sorted({item.article.outlet for item in cleaned})
    return Problem(
        str(corpus_dir / "manifest.csv"),
        None,
        "too-few-outlets",
        f"event {event_id!r} has {len(outlets)} readable outlet(s) left "
        f"({', '.join(outlets) or 'none'}); a comparison needs at least {MIN_OUTLETS_PER_EVENT}",
        "event dropped",
    )


def _articles_table(
    partition: Partition,
    status: dict[tuple[str, str], str],
    analysed: list[CleanArticle],
    comparison: bool,
) -> pd.DataFrame:
    """Manifest rows + status + features (missing for articles not analysed), in partition order.

    Integer features are nullable (``Int64``) so every partition has the same schema.
    """
    manifest = pd.DataFrame(list(partition.rows)).astype(str)
    keys = list(zip(manifest["event_id"], manifest["outlet"], strict=True))
    manifest.insert(0, "status", [status[key] for key in keys])
    manifest.insert(0, "article", [Path(path).stem for path in manifest["path"]])
    texts = pd.DataFrame(
        {
            "article": [article_id(item) for item in analysed],
            "text": [item.text for item in analysed],
        },
        columns=["article", "text"],
    )
    features = article_features(texts).drop(columns="article")
    for name in reversed(KEYS):
        values = [getattr(item.article, name) for item in analysed]
        features.insert(0, name, pd.Series(values, index=features.index, dtype=object))
    coverage = _coverage(analysed if comparison else [])
    features = features.merge(coverage, on=KEYS, how="left", validate="1:1")
    for name in PAGE_FIELDS:
        values = [_page_field(item, name) for item in analysed]
        features[f"page_{name}"] = pd.Series(values, index=features.index, dtype=object)
    integers = [name for name, dtype in features.dtypes.items() if dtype == "int64"]
    table = manifest.merge(features, on=KEYS, how="left", validate="1:1")
    return table.astype({name: "Int64" for name in integers}).reset_index(drop=True)


def _page_field(item: CleanArticle, field: str) -> str:
    """Title, date or author found in a web page by trafilatura ("" for text files or when absent)."""
    return (getattr(item.extracted, field, None) or "") if item.extracted else ""


def _coverage(analysed: list[CleanArticle]) -> pd.DataFrame:
    """Per article: sentences shared / partly shared / unique against its event's other outlets."""
    columns = [*KEYS, *COVERAGE_COLUMNS]
    by_event: dict[str, list[CleanArticle]] = {}
    for item in analysed:
        by_event.setdefault(item.article.event_id, []).append(item)
    frames = []
    for cleaned in by_event.values():
        sentences = sentences_table(cleaned)
        coverage = coverage_table(classify_sentences(sentences, align_sentences(sentences)))
        renamed = {"shared": "sentences_shared", "partly_shared": "sentences_partly_shared",
                   "unique": "sentences_unique"}  # fmt: skip
        frames.append(coverage.rename(columns=renamed)[columns])
    if not frames:
        return pd.DataFrame(columns=columns).astype(
            {"event_id": object, "outlet": object} | {name: "int64" for name in COVERAGE_COLUMNS[:3]}
            | {name: "float64" for name in COVERAGE_COLUMNS[3:]}
        )  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def _quote_counts(events: Iterable[list[CleanArticle]]) -> pd.DataFrame:
    """Quotes and quoted words per article × kind × attribution-verb class."""
    frames = []
    for cleaned in events:
        quotes = quotes_table(cleaned)
        if quotes.empty:
            continue
        quotes = quotes.assign(verb_class=quotes["verb_class"].fillna("").replace("", "none"))
        grouped = quotes.groupby(["event_id", "outlet", "article", "kind", "verb_class"], sort=True)
        frames.append(grouped.agg(quotes=("quote", "size"), words=("words", "sum")).reset_index())
    if not frames:
        return pd.DataFrame(columns=QUOTE_COLUMNS).astype({"quotes": "int64", "words": "int64"})
    table = pd.concat(frames, ignore_index=True)
    return table.astype({"quotes": "int64", "words": "int64"})[QUOTE_COLUMNS]


def _terms(events: Iterable[list[CleanArticle]]) -> pd.DataFrame:
    """Word counts per event × outlet (:func:`analysis.compare.term_counts`), sorted by term."""
    rows = [
        (cleaned[0].article.event_id, outlet, term, count)
        for cleaned in events
        for outlet, counts in term_counts(cleaned).items()
        for term, count in sorted(counts.items())
    ]
    return pd.DataFrame(rows, columns=TERM_COLUMNS).astype({"count": "int64"})
