"""Bootstrap resampling shared by the event measures and the corpus: seeded draws and percentile bounds.

A replicate draws as many units (sentences of one actor, events of a corpus) as there are, uniformly with
replacement (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*, ch. 6), and is stored as how
often each unit was drawn, so a statistic that is a sum over units is one matrix product per block of
replicates. Intervals are percentile intervals (ibid., ch. 13). The generator is seeded: same data, same
interval. :mod:`analysis.corpus.bootstrap` resamples events with these draws (the cluster bootstrap).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 20190422
LEVEL = 0.95
BLOCK = 250
"""Replicates drawn at a time (memory: BLOCK × units integers), fewer when there are more than
BLOCK_CELLS / BLOCK units, so a block never holds more than :data:`BLOCK_CELLS` counts."""
BLOCK_CELLS = 4_000_000


def resample_weights(
    n_units: int, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED
) -> Iterator[np.ndarray]:
    """How often each unit is drawn in each replicate, in blocks of at most :data:`BLOCK` replicates
    and :data:`BLOCK_CELLS` counts ((replicates × n_units) integer matrices), so memory stays flat
    however many units there are.

    Each replicate draws ``n_units`` unit indices uniformly with replacement (a multinomial with equal
    probabilities); the draws depend only on ``seed`` and ``n_units``.
    """
    rng = np.random.default_rng(seed)
    block = max(1, min(BLOCK, BLOCK_CELLS // max(n_units, 1)))
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        drawn = rng.integers(0, n_units, size=(size, n_units))
        offsets = (drawn + np.arange(size)[:, None] * n_units).ravel()
        yield np.bincount(offsets, minlength=size * n_units).reshape(size, n_units)


def percentile_interval(
    replicates: np.ndarray, level: float = LEVEL
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper percentile bounds over axis 0, ignoring replicates where the statistic is undefined."""
    tail = (1.0 - level) / 2.0
    with np.errstate(invalid="ignore"):
        clean = np.where(np.isfinite(replicates), replicates, np.nan)
    if np.isnan(clean).all(axis=0).any():
        clean = np.where(np.isnan(clean).all(axis=0), 0.0, clean)  # never defined: bounds NaN below
    low = np.nanquantile(clean, tail, axis=0)
    high = np.nanquantile(clean, 1.0 - tail, axis=0)
    undefined = ~np.isfinite(replicates).any(axis=0)
    return np.where(undefined, np.nan, low), np.where(undefined, np.nan, high)


def mean_interval(
    values: np.ndarray, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED
) -> tuple[float, float]:
    """Percentile bootstrap interval (:data:`LEVEL`) of the mean of ``values``, resampling the values
    themselves; NaN bounds for an empty array."""
    values = np.asarray(values, dtype=float)
    if not len(values):
        return np.nan, np.nan
    means = np.concatenate(
        [
            weights @ values / len(values)
            for weights in resample_weights(len(values), resamples, seed)
        ]
    )
    low, high = percentile_interval(means[:, None])
    return float(low[0]), float(high[0])
