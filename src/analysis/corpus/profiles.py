"""Outlet profiles across the events of a corpus, each with a percentile interval over events.

Every figure is a ratio of sums over the outlet's analysed articles (:func:`analysis.corpus.bootstrap.ratio_by_group`):
the mean per article for readability, style, tone, frame-cue shares and unique-content share; a rate per
1,000 words of the same voice for label families and hedges; a share of words for quoted text; a share of
attributed quotes for attribution-verb classes. Fightin' Words (Monroe, Colaresi & Quinn 2008) is computed
once on the corpus-wide word counts of each outlet against the rest, with intervals for its top terms.
Sources of the underlying measures: the docstrings of :mod:`analysis.corpus.features` and :mod:`analysis.measures.quotes`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.bootstrap import (
    DEFAULT_RESAMPLES,
    Measure,
    TermCounts,
    fightin_words_intervals,
    ratios_by_group,
)
from analysis.corpus.extract import COVERAGE_COLUMNS, STATUS_ANALYSED
from analysis.corpus.store import iter_batches, read_table, scan
from analysis.measures.keyness import one_vs_rest
from analysis.measures.readability import READABILITY_MEASURES
from analysis.tables.compare import DEFAULT_ALPHA_0

PROFILE_COLUMNS = ["section", "measure", "outlet", "estimate", "low", "high", "events", "articles"]
STYLE_MEASURES = (*READABILITY_MEASURES, "words", "mean_sentence_length", "mattr")
TONE_MEASURES = ("tone_mean_compound", "tone_narration", "tone_quoted")
VOICES = ("narration", "quoted")
KEYNESS_TOP = 15


def analysed_articles(tables_dir: Path | str) -> pd.DataFrame:
    """The ``articles`` table restricted to analysed articles, with per-article quote counts joined
    (unless the run skipped the event comparison: no coverage, no quote columns)."""
    articles = read_table(tables_dir, "articles")
    articles = articles[articles["status"] == STATUS_ANALYSED].reset_index(drop=True)
    if articles["unique_share"].isna().all():
        return articles.drop(columns=list(COVERAGE_COLUMNS))
    quotes = read_table(tables_dir, "quote_counts")
    keys = ["event_id", "outlet"]
    for column in ("kind", "verb_class"):
        wide = quotes.pivot_table(
            index=keys, columns=column, values="quotes", aggfunc="sum", fill_value=0
        )
        wide.columns = [f"quotes_{column}_{value}" for value in wide.columns]
        articles = articles.merge(wide.reset_index(), on=keys, how="left")
    total = quotes.groupby(keys)["quotes"].sum().rename("quotes").reset_index()
    articles = articles.merge(total, on=keys, how="left")
    counted = [name for name in articles.columns if name.startswith("quotes")]
    articles[counted] = articles[counted].fillna(0)
    articles["attributed_quotes"] = articles["quotes"] - articles.get("quotes_verb_class_none", 0)
    return articles


def _section(
    articles: pd.DataFrame, section: str, measures: dict[str, Measure]
) -> dict[tuple[str, str], Measure]:
    """The section's measures whose columns exist, keyed by (section, measure)."""
    return {
        (section, measure): spec
        for measure, spec in measures.items()
        if spec[0] in articles and (spec[1] is None or spec[1] in articles)
    }


def _per_voice(columns: list[str], prefix: str) -> dict[str, Measure]:
    """Measures of the columns ``<prefix><name>_<voice>``: per 1,000 words of that voice."""
    return {
        f"{name[len(prefix) : -len(voice) - 1]} ({voice})": (name, f"{voice}_words", 1000.0)
        for name in columns
        for voice in VOICES
        if name.startswith(prefix) and name.endswith(f"_{voice}")
    }


def outlet_profiles(articles: pd.DataFrame, resamples: int = DEFAULT_RESAMPLES) -> pd.DataFrame:
    """Every profile measure per outlet with its interval (long table, :data:`PROFILE_COLUMNS`)."""
    articles = articles.assign(all_words=articles["narration_words"] + articles["quoted_words"])
    columns = list(articles.columns)
    measures = _section(articles, "style", {name: (name, None, 1.0) for name in STYLE_MEASURES})
    measures |= _section(articles, "tone", {name: (name, None, 1.0) for name in TONE_MEASURES})
    measures |= _section(articles, "labels per 1,000 words", _per_voice(columns, "label_"))
    measures |= _section(articles, "hedges per 1,000 words", _per_voice(columns, "hedge_"))
    measures |= _section(
        articles,
        "quotes",
        {
            "share of words quoted": ("quoted_words", "all_words", 1.0),
            "quotes per article": ("quotes", None, 1.0),
            **{
                f"{name[len('quotes_kind_') :]} quotes per article": (name, None, 1.0)
                for name in columns
                if name.startswith("quotes_kind_")
            },
        },
    )
    measures |= _section(
        articles,
        "attribution verbs (share of attributed quotes)",
        {
            name[len("quotes_verb_class_") :]: (name, "attributed_quotes", 1.0)
            for name in columns
            if name.startswith("quotes_verb_class_") and name != "quotes_verb_class_none"
        },
    )
    measures |= _section(
        articles,
        "selection",
        {
            "unique share (words)": ("unique_share", None, 1.0),
            "unique share (sentences)": ("unique_share_sentences", None, 1.0),
        },
    )
    measures |= _section(
        articles,
        "frames (share of sentences with a cue)",
        {name[len("frame_") :]: (name, None, 1.0) for name in columns if name.startswith("frame_")},
    )
    table = ratios_by_group(articles, measures, resamples=resamples)
    table["section"] = [key[0] for key in table["measure"]]
    table["measure"] = [key[1] for key in table["measure"]]
    return table[PROFILE_COLUMNS]


def corpus_keyness(
    tables_dir: Path | str,
    top: int = KEYNESS_TOP,
    alpha_0: float = DEFAULT_ALPHA_0,
    resamples: int = DEFAULT_RESAMPLES,
) -> pd.DataFrame:
    """Fightin' Words of each outlet against the rest over the whole corpus: the ``top`` terms by z,
    with a percentile interval of z over events.

    The ``terms`` table is streamed twice (totals, then the counts of the top terms only, kept as an
    events × outlets × terms array), so its size does not matter.
    """
    by_term: dict[str, Counter[str]] = {}
    # plain counts per (event, outlet): a batch's groupby result would keep its Arrow buffers alive
    totals: Counter[tuple[str, str]] = Counter()
    for batch in iter_batches(tables_dir, "terms"):
        for (outlet, term), count in batch.groupby(["outlet", "term"])["count"].sum().items():
            by_term.setdefault(outlet, Counter())[term] += int(count)
        for key, count in batch.groupby(["event_id", "outlet"])["count"].sum().items():
            totals[key] += int(count)
    event_totals = pd.DataFrame(
        [(*key, total) for key, total in sorted(totals.items())],
        columns=["event_id", "outlet", "total"],
    )
    scores = one_vs_rest(dict(sorted(by_term.items())), alpha_0=alpha_0)
    scores = scores.groupby("outlet", sort=True).head(top)
    selected = sorted(set(scores["term"]))
    counts = TermCounts.zeros(event_totals, selected)
    for batch in scan(tables_dir, "terms", where=pc.field("term").isin(selected)):
        event = _positions(batch["event_id"], counts.events)
        outlet = _positions(batch["outlet"], counts.outlets)
        term = _positions(batch["term"], counts.terms)
        counts.add(event, outlet, term, batch["count"].to_numpy())
    intervals = fightin_words_intervals(counts, alpha_0, resamples)
    return scores.merge(intervals, on=["outlet", "term"], how="left").reset_index(drop=True)


def _positions(column: pa.Array, values: list[str]) -> np.ndarray:
    """Each entry's position in ``values`` (-1 where absent), without making Python strings."""
    found = pc.index_in(column, value_set=pa.array(values, pa.string()))
    return found.fill_null(-1).to_numpy(zero_copy_only=False)


def events_table(tables_dir: Path | str) -> pd.DataFrame:
    """Per event: outlets analysed and articles by status."""
    articles = read_table(tables_dir, "articles", ["event_id", "outlet", "status"])
    table = articles.pivot_table(
        index="event_id", columns="status", values="outlet", aggfunc="count", fill_value=0
    )
    table.columns.name = None
    outlets = articles[articles["status"] == STATUS_ANALYSED].groupby("event_id")["outlet"]
    return table.join(outlets.agg(lambda names: "; ".join(sorted(names))).rename("outlets"))


def interval_table(profiles: pd.DataFrame, section: str, digits: int = 2) -> pd.DataFrame:
    """One section as measure × outlet cells "estimate [low, high]" for reading (no interval: "–");
    whole numbers print as integers ("458", not "458.00")."""
    rows = profiles[profiles["section"] == section]

    def number(value: float) -> str:
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.{digits}f}"

    def cell(row: pd.Series) -> str:
        if pd.isna(row["estimate"]):
            return "–"
        interval = "" if pd.isna(row["low"]) else f" [{number(row['low'])}, {number(row['high'])}]"
        return f"{number(row['estimate'])}{interval}"

    cells = rows.assign(cell=rows.apply(cell, axis=1))
    table = cells.pivot(index="measure", columns="outlet", values="cell")
    table = table.loc[list(dict.fromkeys(rows["measure"]))]
    table.columns.name = None
    return table


def drop_empty_measures(profiles: pd.DataFrame) -> pd.DataFrame:
    """Profiles without the measures that are zero (or missing) for every outlet: nothing to draw."""
    drawn = profiles.groupby(["section", "measure"], sort=False)["estimate"].transform(
        lambda values: bool((values.fillna(0) != 0).any())
    )
    return profiles[drawn.astype(bool)].reset_index(drop=True)
