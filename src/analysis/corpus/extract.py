"""The work of one partition: clean its articles, then extract every corpus feature in batch.

Per article (one row of the ``articles`` table): the manifest row, whether it was analysed, the batch
features of :func:`analysis.corpus.features.document_values` (readability, style, tone by voice, label families
by voice, hedges, frame cues) and the event comparison of :mod:`analysis.measures.alignment` (sentences shared,
partly shared and unique against the other outlets of the event; Fisher/TF-IDF method and thresholds as
documented there). Long tables: ``quote_counts`` (quotes per kind and attribution-verb class,
:mod:`analysis.measures.quotes`), ``terms`` (word counts per event and outlet, the input of corpus-wide Fightin'
Words) and ``problems`` (the errors report rows). Every table is sorted and typed so that the same
partition always gives the same bytes, whichever process computed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.features import ArticleValues, document_values, features_table
from analysis.corpus.plan import Partition
from analysis.ingest.load import PROBLEM_COLUMNS, Problem, clean_checked
from analysis.ingest.manifest import ARTICLE, MIN_OUTLETS_PER_EVENT, article_from_row
from analysis.measures.alignment import align_sentences, classify_sentences, coverage_table
from analysis.measures.quotes import quotes_table
from analysis.tables.clean_layer import sentences_table
from analysis.tables.compare import term_counts
from analysis.text.cleaning_rules import Rule, load_rules
from analysis.text.document import Document

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


@dataclass(frozen=True)
class _Measured:
    """What the partition keeps of one analysed article once its event is done: not the cleaned
    article (its texts, offsets and layers), only what the tables need: its features, measured from
    the document's own layers while its event is in memory."""

    event_id: str
    outlet: str
    article: str
    values: ArticleValues
    page: tuple[str, ...]  # PAGE_FIELDS found in a web page ("" for text files)


def extract_partition(
    partition: Partition,
    corpus_dir: Path | str,
    comparison: bool = True,
    rules: list[Rule] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of one partition (see the module doc), by name (:data:`TABLES`).

    Events are cleaned and compared one at a time, so memory holds one event's cleaned articles, not
    the partition's. ``comparison=False`` skips the event comparison (quotes and shared sentences, the
    slow part): the ``quote_counts`` table is then empty and the coverage columns missing.
    """
    corpus_dir = Path(corpus_dir)
    rules = rules if rules is not None else load_rules()
    problems: list[Problem] = []
    status: dict[tuple[str, str], str] = {}
    measured: list[_Measured] = []
    coverage, quote_counts = [], []
    terms: list[tuple[str, str, str, int]] = []
    for event_id, rows in _rows_by_event(partition).items():
        cleaned = []
        for row in rows:
            article = article_from_row(row, corpus_dir)
            item = clean_checked(article, rules, problems)
            status[(event_id, article.outlet)] = (
                STATUS_EXCLUDED if item is None else STATUS_ANALYSED
            )
            if item is not None:
                cleaned.append(item)
        if len({item.article.outlet for item in cleaned}) < MIN_OUTLETS_PER_EVENT:
            problems.append(_too_few_outlets(event_id, cleaned, corpus_dir))
            status.update(
                {(event_id, item.article.outlet): STATUS_EVENT_DROPPED for item in cleaned}
            )
            continue
        measured += [_measure(item) for item in cleaned]
        terms += _term_rows(cleaned)
        if comparison:
            coverage.append(_coverage(cleaned))
            quote_counts.append(_quote_counts(cleaned))
    measured.sort(key=lambda item: item.event_id)  # stable: outlets keep their order
    return {
        "articles": _articles_table(partition, status, measured, coverage, comparison),
        "quote_counts": _concat(quote_counts, _empty_quote_counts()),
        "terms": pd.DataFrame(terms, columns=TERM_COLUMNS).astype({"count": "int64"}),
        "problems": pd.DataFrame(
            [vars(problem) for problem in problems], columns=PROBLEM_COLUMNS
        ).astype({"row": "Int64"}),
    }


def _rows_by_event(partition: Partition) -> dict[str, list[dict[str, str]]]:
    """The partition's manifest rows grouped by event, in order of first appearance."""
    events: dict[str, list[dict[str, str]]] = {}
    for row in partition.rows:
        events.setdefault(row["event_id"], []).append(row)
    return events


def _measure(item: Document) -> _Measured:
    page = tuple(_page_field(item, name) for name in PAGE_FIELDS)
    return _Measured(
        item.article.event_id, item.article.outlet, item.id, document_values(item), page
    )


def _concat(frames: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """The non-empty ``frames`` stacked, else ``empty`` (which gives the columns and types)."""
    kept = [frame for frame in frames if not frame.empty]
    return pd.concat(kept, ignore_index=True) if kept else empty


def _too_few_outlets(event_id: str, cleaned: list[Document], corpus_dir: Path) -> Problem:
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
    measured: list[_Measured],
    coverage: list[pd.DataFrame],
    comparison: bool,
) -> pd.DataFrame:
    """Manifest rows + status + features (missing for articles not analysed), in partition order.

    Integer features are nullable (``Int64``) so every partition has the same schema.
    """
    manifest = pd.DataFrame(list(partition.rows)).astype(str)
    keys = list(zip(manifest["event_id"], manifest["outlet"], strict=True))
    manifest.insert(0, "status", [status[key] for key in keys])
    manifest.insert(0, ARTICLE, manifest.pop(ARTICLE))  # the event path's id (article_ids)
    features = features_table(
        [item.article for item in measured], [item.values for item in measured]
    ).drop(columns="article")
    for name in reversed(KEYS):
        values = [getattr(item, name) for item in measured]
        features.insert(0, name, pd.Series(values, index=features.index, dtype=object))
    coverage_table = _concat(coverage if comparison else [], _empty_coverage())
    features = features.merge(coverage_table, on=KEYS, how="left", validate="1:1")
    for index, name in enumerate(PAGE_FIELDS):
        values = [item.page[index] for item in measured]
        features[f"page_{name}"] = pd.Series(values, index=features.index, dtype=object)
    integers = [name for name, dtype in features.dtypes.items() if dtype == "int64"]
    table = manifest.merge(features, on=KEYS, how="left", validate="1:1")
    return table.astype({name: "Int64" for name in integers}).reset_index(drop=True)


def _page_field(item: Document, field: str) -> str:
    """Title, date or author found in a web page by trafilatura ("" for text files or when absent)."""
    return (getattr(item.extracted, field, None) or "") if item.extracted else ""


def _coverage(cleaned: list[Document]) -> pd.DataFrame:
    """Per article of one event: sentences shared / partly shared / unique against its other outlets."""
    sentences = sentences_table(cleaned)
    coverage = coverage_table(classify_sentences(sentences, align_sentences(sentences)))
    renamed = {"shared": "sentences_shared", "partly_shared": "sentences_partly_shared",
               "unique": "sentences_unique"}  # fmt: skip
    return coverage.rename(columns=renamed)[[*KEYS, *COVERAGE_COLUMNS]]


def _empty_coverage() -> pd.DataFrame:
    return pd.DataFrame(columns=[*KEYS, *COVERAGE_COLUMNS]).astype(
        {"event_id": object, "outlet": object} | {name: "int64" for name in COVERAGE_COLUMNS[:3]}
        | {name: "float64" for name in COVERAGE_COLUMNS[3:]}
    )  # fmt: skip


def _quote_counts(cleaned: list[Document]) -> pd.DataFrame:
    """Quotes and quoted words per article × kind × attribution-verb class, for one event."""
    quotes = quotes_table(cleaned)
    if quotes.empty:
        return _empty_quote_counts()
    quotes = quotes.assign(verb_class=quotes["verb_class"].fillna("").replace("", "none"))
    grouped = quotes.groupby(["event_id", "outlet", "article", "kind", "verb_class"], sort=True)
    table = grouped.agg(quotes=("quote", "size"), words=("words", "sum")).reset_index()
    return table.astype({"quotes": "int64", "words": "int64"})[QUOTE_COLUMNS]


def _empty_quote_counts() -> pd.DataFrame:
    return pd.DataFrame(columns=QUOTE_COLUMNS).astype({"quotes": "int64", "words": "int64"})


def _term_rows(cleaned: list[Document]) -> list[tuple[str, str, str, int]]:
    """Word counts per outlet of one event (:func:`analysis.tables.compare.term_counts`), sorted by term."""
    return [
        (cleaned[0].article.event_id, outlet, term, count)
        for outlet, counts in term_counts(cleaned).items()
        for term, count in sorted(counts.items())
    ]
