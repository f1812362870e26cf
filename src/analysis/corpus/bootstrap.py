"""Uncertainty across events: the cluster (event) bootstrap of outlet-level statistics.

Articles of one event are not independent draws — they report the same story — so the unit of resampling is
the event: each replicate draws as many events as the corpus has, with replacement, and recomputes the
statistic from every article of the drawn events (the cluster bootstrap of Davison & Hinkley 1997,
*Bootstrap Methods and their Application*, §3.8; Field & Welsh 2007, "Bootstrapping clustered data",
JRSS B 69(3), 369-390). Intervals are percentile intervals (Efron & Tibshirani 1993, *An Introduction to
the Bootstrap*, ch. 13). Every statistic here is a ratio of sums over articles (a mean is Σ value / Σ 1;
a rate is Σ count / Σ words), so a replicate is one matrix product of the event weights with per-event
sums, and thousands of replicates cost milliseconds. The generator is seeded: same data, same interval.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.measures.resampling import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    percentile_interval,
    resample_weights,
)

MIN_EVENTS = 2
"""Fewer events than this: no interval (resampling one event always gives that event back)."""


Measure = tuple[str, str | None, float]
"""(numerator column, denominator column or None for a mean, scale)."""


def ratios_by_group(
    table: pd.DataFrame,
    measures: Mapping[str, Measure],
    group: str = "outlet",
    cluster: str = "event_id",
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Σ numerator / Σ denominator × scale per group for every measure, with percentile intervals.

    Without a denominator the statistic is the mean of the numerator over the group's articles; rows
    where a measure's columns are missing are left out of that measure. All measures share the same
    replicates (one draw of events per replicate). Columns: measure, group, estimate, low, high (NaN
    with fewer than :data:`MIN_EVENTS` events), events, articles.
    """
    events = sorted(table[cluster].unique())
    groups = sorted(table[group].unique())
    sums = {}
    for name, (numerator, denominator, scale) in measures.items():
        needed = [numerator] if denominator is None else [numerator, denominator]
        rows = table[[cluster, group, *needed]].dropna(subset=needed)  # a copy of 3-4 columns only
        num = _sums(rows, rows[numerator].astype(float), group, cluster, events, groups)
        den_values = rows[denominator].astype(float) if denominator else pd.Series(1.0, rows.index)
        den = _sums(rows, den_values, group, cluster, events, groups)
        count = _sums(rows, pd.Series(1.0, rows.index), group, cluster, events, groups)
        sums[name] = (num, den, count, scale)
    replicates: dict[str, list[np.ndarray]] = {name: [] for name in sums}
    if len(events) >= MIN_EVENTS:
        for weights in resample_weights(len(events), resamples, seed):
            for name, (num, den, _, scale) in sums.items():
                with np.errstate(divide="ignore", invalid="ignore"):
                    replicates[name].append((weights @ num) / (weights @ den) * scale)
    frames = []
    for name, (num, den, count, scale) in sums.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            estimate = num.sum(axis=0) / den.sum(axis=0) * scale
        used = count.sum(axis=0) > 0
        if replicates[name]:
            low, high = percentile_interval(np.vstack(replicates[name]))
        else:
            low, high = estimate * np.nan, estimate * np.nan
        frames.append(
            pd.DataFrame(
                {
                    "measure": [name] * len(groups),
                    group: groups,
                    "estimate": estimate,
                    "low": low,
                    "high": high,
                    "events": (count > 0).sum(axis=0).astype("int64"),
                    "articles": count.sum(axis=0).astype("int64"),
                }
            )[used]
        )
    return pd.concat(frames, ignore_index=True)


def _sums(
    rows: pd.DataFrame,
    values: pd.Series,
    group: str,
    cluster: str,
    events: Sequence[str],
    groups: Sequence[str],
) -> np.ndarray:
    """Per-event × per-group sums of ``values`` as an (events × groups) matrix."""
    summed = values.groupby([rows[cluster], rows[group]]).sum()
    return (
        summed.unstack(fill_value=0.0)
        .reindex(index=events, columns=groups, fill_value=0.0)
        .to_numpy()
    )


@dataclass(frozen=True)
class TermCounts:
    """What the Fightin' Words replicates read: the selected terms' counts per event and outlet
    (``counts``, events × outlets × terms) and all words per event and outlet (``totals``,
    events × outlets); events and outlets sorted, terms in the order selected."""

    events: list[str]
    outlets: list[str]
    terms: list[str]
    counts: np.ndarray
    totals: np.ndarray

    @classmethod
    def zeros(cls, totals: pd.DataFrame, selected: Sequence[str]) -> TermCounts:
        """No counts yet (:meth:`add` fills them) for the events and outlets of ``totals`` (event_id,
        outlet, total: all words)."""
        events = sorted(totals["event_id"].unique())
        outlets = sorted(totals["outlet"].unique())
        total = _sums(totals, totals["total"].astype(float), "outlet", "event_id", events, outlets)
        counts = np.zeros((len(events), len(outlets), len(selected)))
        return cls(events, outlets, list(selected), counts, total)

    @classmethod
    def from_tables(
        cls, counts: pd.DataFrame, totals: pd.DataFrame, selected: Sequence[str]
    ) -> TermCounts:
        """From a long table (event_id, outlet, term, count; other terms are ignored) and ``totals``."""
        found = cls.zeros(totals, selected)
        found.add(
            pd.Index(found.events).get_indexer(counts["event_id"]),
            pd.Index(found.outlets).get_indexer(counts["outlet"]),
            pd.Index(found.terms).get_indexer(counts["term"]),
            counts["count"].to_numpy(),
        )
        return found

    def add(
        self, event: np.ndarray, outlet: np.ndarray, term: np.ndarray, count: np.ndarray
    ) -> None:
        """Add counts given as positions in events, outlets and terms (-1: not among them, skipped)."""
        kept = (event >= 0) & (outlet >= 0) & (term >= 0)
        np.add.at(self.counts, (event[kept], outlet[kept], term[kept]), count[kept])


def fightin_words_intervals(
    term_counts: TermCounts,
    alpha_0: float,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Percentile intervals over events of each outlet's Fightin' Words z for the selected terms.

    Columns of the result: outlet, term, low, high.
    """
    n_events = len(term_counts.events)
    z = np.concatenate(
        [
            fightin_words_replicates(term_counts, alpha_0, weights)
            for weights in resample_weights(n_events, resamples, seed)
        ]
    )
    frames = []
    for position, outlet in enumerate(term_counts.outlets):
        low, high = percentile_interval(z[:, position, :])
        if n_events < MIN_EVENTS:
            low, high = low * np.nan, high * np.nan
        frames.append(
            pd.DataFrame({"outlet": outlet, "term": term_counts.terms, "low": low, "high": high})
        )
    return pd.concat(frames, ignore_index=True)


def fightin_words_replicates(
    term_counts: TermCounts, alpha_0: float, weights: np.ndarray
) -> np.ndarray:
    """Fightin' Words z of each outlet against the rest for the selected terms, per replicate.

    ``weights`` (replicates × events) says how often each event is drawn. Each replicate is
    :func:`analysis.measures.keyness.one_vs_rest` exactly — informative prior from the replicate's pooled counts
    scaled to ``alpha_0`` (Monroe, Colaresi & Quinn 2008, eqs. 16, 18-22) — restricted to the selected
    terms and vectorised over replicates; z is NaN where a term is absent from a replicate. Returns z as
    a (replicates × outlets × terms) array, outlets and terms as in ``term_counts``.
    """
    y = np.einsum("be,eot->bot", weights, term_counts.counts)
    n = weights @ term_counts.totals
    pooled, total = y.sum(axis=1), n.sum(axis=1)[:, None]
    z = np.full(y.shape, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = alpha_0 * pooled / total
        for index in range(len(term_counts.outlets)):
            y_a, n_a = y[:, index, :], n[:, index][:, None]
            y_b, n_b = pooled - y_a, total - n_a
            delta = np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha)) - np.log(
                (y_b + alpha) / (n_b + alpha_0 - y_b - alpha)
            )
            scores = delta / np.sqrt(1.0 / (y_a + alpha) + 1.0 / (y_b + alpha))
            z[:, index, :] = np.where(pooled > 0, scores, np.nan)
    return z
