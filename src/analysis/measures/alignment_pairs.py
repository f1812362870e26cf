"""Aligned sentence pairs without comparing every sentence with every other (issue 15, linear cost).

:func:`analysis.measures.alignment.align_sentences` needs, for every pair of sentences of two outlets
of an event, the similarity of :mod:`analysis.measures.alignment_weights` (a cosine, or the geometric
mean of the full and the names-free cosine). A cosine is a sum over the features the two sentences
share, so two sentences that share no feature of the cosine score 0 and are never listed. The pairs
are therefore found from an inverted index (a posting list of the sentences per feature: the
candidate generation of term-at-a-time retrieval, Turtle & Flood 1995, "Query evaluation: strategies
and optimizations", Information Processing & Management 31(6)); blocking on shared features this way
is exact (no pair with a positive similarity is missed). Each pair's dot products are summed feature
by feature in vocabulary order, once per pair, so both directions carry the same value. Memory is
bounded by working through one outlet's sentences in chunks of at most :data:`CHUNK_PRODUCTS`
feature products.

A pathological article (the same paragraph repeated thousands of times) gives a sentence thousands of
equal partners; listing them all would make the table quadratic in the article's length. So a pair
is kept when it is among the :data:`MAX_PARTNERS` best partners (highest similarity, then the earlier
sentence) of either of its sentences in the other sentence's outlet. Each sentence's best match per
outlet is always kept, so the statuses and the lead table do not depend on the cap; on a real event,
where no sentence has that many partners in one article, the table is the all-pairs table
(``tests/test_linear_cost.py`` compares the two on generated events).

Two such articles would still make the work quadratic: every copy shares its words with every copy
on the other side. So a posting list longer than :data:`CHAMPIONS` proposes only its first
:data:`CHAMPIONS` sentences (highest weight, then the earlier sentence): the champion lists of
Manning, Raghavan & Schütze 2008, *Introduction to Information Retrieval*, §7.1.3. Candidates are
proposed from both sides (each sentence looks up the other outlet's lists), and a pair found through
a shortened list is scored again over all its shared features, so every similarity listed is exact
and the work is at most :data:`CHAMPIONS` products per stored weight: linear in the articles'
length. The price, on such input only: a pair that shares no champion list from either side is not
seen (the copies' best partners, the earliest ones, are). On the development corpora the longest list
is 30 sentences, so nothing changes there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

__all__ = [
    "CHAMPIONS",
    "CHUNK_PRODUCTS",
    "MAX_PARTNERS",
    "SparseRows",
    "pair_similarities",
    "shared_columns",
]

#: The most partners a sentence keeps in one other outlet (ties: the earlier sentence). In the
#: development corpora (BASIL, NewsWCL50: 55 events) a sentence has at most 13 partners in one
#: outlet at the default threshold and 51 at any shared word (threshold 1e-6, as the calibration
#: uses); only repeated, pathological articles reach 100 (benchmarks/README.md, "Sentence alignment
#: without all pairs").
MAX_PARTNERS = 100

#: The most sentences one feature's posting list proposes as candidates (Manning et al. 2008,
#: §7.1.3 champion lists). The longest list in the development corpora (BASIL, NewsWCL50, the seed)
#: is far shorter (benchmarks/README.md), so only repeated, pathological articles reach it.
CHAMPIONS = 4 * MAX_PARTNERS

#: Feature products computed at once (memory: about 60 bytes each at the peak).
CHUNK_PRODUCTS = 2_000_000


@dataclass(frozen=True)
class SparseRows:
    """Rows of weights in compressed sparse row form: row ``r`` has the columns
    ``columns[starts[r]:starts[r + 1]]`` (increasing) with ``values`` at the same positions."""

    starts: np.ndarray
    columns: np.ndarray
    values: np.ndarray

    @classmethod
    def from_counts(
        cls, features: list[Counter[str]], vocabulary: list[str], weight: np.ndarray
    ) -> SparseRows:
        """Rows ``count × weight`` of these feature counts, scaled to unit L2 norm; zero weights
        are left out, a row without weight stays empty."""
        index = {term: column for column, term in enumerate(vocabulary)}
        columns: list[int] = []
        counts: list[float] = []
        starts = [0]
        for counter in features:
            row = sorted(index[term] for term in counter)
            columns.extend(row)
            counts.extend(float(counter[vocabulary[column]]) for column in row)
            starts.append(len(columns))
        column_array = np.array(columns, dtype=np.int64)
        rows = cls(
            np.array(starts, dtype=np.int64), column_array, np.array(counts) * weight[column_array]
        )
        return rows.normalised()

    def row_ids(self) -> np.ndarray:
        """The row of every stored value."""
        return np.repeat(np.arange(len(self.starts) - 1), np.diff(self.starts))

    def normalised(self, keep: np.ndarray | None = None) -> SparseRows:
        """Rows with only the columns where ``keep`` is true (default: all) and non-zero values,
        scaled to unit L2 norm."""
        mask = self.values != 0
        if keep is not None:
            mask &= keep[self.columns]
        rows = self.row_ids()[mask]
        values = self.values[mask]
        norms = np.sqrt(np.bincount(rows, weights=values**2, minlength=len(self.starts) - 1))
        starts = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(norms)))])
        return SparseRows(starts.astype(np.int64), self.columns[mask], values / norms[rows])

    def row(self, number: int) -> dict[int, float]:
        """One row as ``{column: value}``."""
        part = slice(self.starts[number], self.starts[number + 1])
        return dict(zip(self.columns[part].tolist(), self.values[part].tolist(), strict=True))


def shared_columns(left: dict[int, float], right: dict[int, float]) -> list[int]:
    """The columns two rows share, in increasing order."""
    return sorted(left.keys() & right.keys())


@dataclass(frozen=True)
class _Postings:
    """Stored values of some rows, ordered by column: the inverted index of those rows."""

    rows: np.ndarray
    full: np.ndarray
    what: np.ndarray
    begin: np.ndarray  # per column: first posting
    end: np.ndarray  # per column: one past the last posting


def _entries(full: SparseRows, what: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, ...]:
    """(row, column, full value, what value) of the stored values of ``rows``, row by row."""
    lengths = full.starts[rows + 1] - full.starts[rows]
    owner = np.repeat(rows, lengths)
    offset = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    position = full.starts[owner] + offset
    return owner, full.columns[position], full.values[position], what[position]


def _postings(full: SparseRows, what: np.ndarray, rows: np.ndarray, width: int) -> _Postings:
    owner, columns, values, what_values = _entries(full, what, rows)
    order = np.lexsort((owner, -values, columns))  # per column: champions first
    columns = columns[order]
    begin = np.searchsorted(columns, np.arange(width), side="left")
    end = np.searchsorted(columns, np.arange(width), side="right")
    return _Postings(owner[order], values[order], what_values[order], begin, end)


def _rank_within(groups: np.ndarray, similarity: np.ndarray, partner: np.ndarray) -> np.ndarray:
    """Indices of the entries among the ``MAX_PARTNERS`` best of their group (highest similarity,
    then the lower partner index)."""
    order = np.lexsort((partner, -similarity, groups))
    ordered = groups[order]
    first = np.searchsorted(ordered, ordered, side="left")
    rank = np.arange(len(ordered)) - first
    return order[rank < MAX_PARTNERS]


def _chunks(work: np.ndarray) -> list[slice]:
    """Consecutive slices of rows whose summed ``work`` stays within CHUNK_PRODUCTS (a row
    heavier than that is a chunk of its own)."""
    slices, begin, total = [], 0, 0
    for index, amount in enumerate(work.tolist()):
        if total and total + amount > CHUNK_PRODUCTS:
            slices.append(slice(begin, index))
            begin, total = index, 0
        total += amount
    slices.append(slice(begin, len(work)))
    return slices


def _dot_products(
    entries: tuple[np.ndarray, ...], postings: _Postings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(left row, right row, full dot, what dot) of every pair sharing a column where the right row
    is among the column's CHAMPIONS, each product summed in column order."""
    owner, columns, values, what_values = entries
    counts = np.minimum(postings.end[columns] - postings.begin[columns], CHAMPIONS)
    source = np.repeat(np.arange(len(owner)), counts)
    offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    position = postings.begin[columns][source] + offset
    left, right = owner[source], postings.rows[position]
    full = values[source] * postings.full[position]
    what = what_values[source] * postings.what[position]
    width = int(postings.rows.max(initial=0)) + 1
    codes = left * width + right
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    boundary = np.ones(len(codes), bool)
    boundary[1:] = codes[1:] != codes[:-1]
    first = np.flatnonzero(boundary)
    pairs = codes[first]
    return (
        pairs // width,
        pairs % width,
        np.add.reduceat(full[order], first) if len(first) else full[:0],
        np.add.reduceat(what[order], first) if len(first) else what[:0],
    )


def _rounded_cosine(dot: np.ndarray) -> np.ndarray:
    return np.round(np.clip(dot, 0.0, 1.0), 6)


def _pair_dots(
    full: SparseRows, what: np.ndarray, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(full dot, what dot) of each pair ``(left[i], right[i])`` over all the columns the two rows
    share, summed in column order; pairs in chunks of at most CHUNK_PRODUCTS stored values."""
    left_lengths = full.starts[left + 1] - full.starts[left]
    right_lengths = full.starts[right + 1] - full.starts[right]
    width = int(full.columns.max(initial=0)) + 1
    full_dots, what_dots = [], []
    for part in _chunks(left_lengths + right_lengths):
        pairs = np.arange(part.stop - part.start)
        first, second = _entries(full, what, left[part]), _entries(full, what, right[part])
        first_keys = np.repeat(pairs, left_lengths[part]) * width + first[1]  # increasing
        second_keys = np.repeat(pairs, right_lengths[part]) * width + second[1]
        place = np.minimum(np.searchsorted(second_keys, first_keys), max(len(second_keys) - 1, 0))
        shared = second_keys[place] == first_keys if len(second_keys) else first_keys < 0
        owner, place = first_keys[shared] // width, place[shared]
        full_dots.append(np.bincount(owner, first[2][shared] * second[2][place], len(pairs)))
        what_dots.append(np.bincount(owner, first[3][shared] * second[3][place], len(pairs)))
    return np.concatenate(full_dots), np.concatenate(what_dots)


def _best_partners(
    full: SparseRows,
    what: np.ndarray,
    rows: tuple[np.ndarray, np.ndarray],
    partial_threshold: float,
    *,
    fact: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, partner, similarity ≥ ``partial_threshold``) of the first rows' MAX_PARTNERS best
    partners among the second rows, found through the second rows' champion lists."""
    probe_rows, indexed_rows = rows
    postings = _postings(full, what, indexed_rows, int(full.columns.max(initial=-1)) + 1)
    entries = _entries(full, what, probe_rows)
    listed = postings.end[entries[1]] - postings.begin[entries[1]]
    lengths = full.starts[probe_rows + 1] - full.starts[probe_rows]
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    owner = np.repeat(np.arange(len(probe_rows)), lengths)
    work = np.bincount(owner, weights=np.minimum(listed, CHAMPIONS), minlength=len(probe_rows))
    shortened = np.zeros(len(full.starts) - 1, bool)
    shortened[entries[0][listed > CHAMPIONS]] = True
    found: list[tuple[np.ndarray, ...]] = []
    for part in _chunks(work.astype(np.int64)):
        chosen = slice(bounds[part.start], bounds[part.stop])
        probe, partner, full_dot, what_dot = _dot_products(
            tuple(array[chosen] for array in entries), postings
        )
        again = shortened[probe]
        if again.any():
            full_dot[again], what_dot[again] = _pair_dots(full, what, probe[again], partner[again])
        if fact:
            similarity = np.round(np.sqrt(_rounded_cosine(full_dot) * _rounded_cosine(what_dot)), 6)
        else:
            similarity = _rounded_cosine(full_dot)
        high = (similarity >= partial_threshold) & (similarity > 0)
        best = _rank_within(probe[high], similarity[high], partner[high])
        found.append((probe[high][best], partner[high][best], similarity[high][best]))
    probe, partner, similarity = (np.concatenate(arrays) for arrays in zip(*found, strict=True))
    return probe, partner, similarity


def _block_pairs(
    full: SparseRows,
    what: np.ndarray,
    rows: tuple[np.ndarray, np.ndarray],
    partial_threshold: float,
    *,
    fact: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (left, right, similarity ≥ ``partial_threshold``) of one outlet's rows with another's,
    each among the MAX_PARTNERS best of its left or of its right row."""
    left_rows, right_rows = rows
    by_left = _best_partners(full, what, (left_rows, right_rows), partial_threshold, fact=fact)
    right, left, similarity = _best_partners(
        full, what, (right_rows, left_rows), partial_threshold, fact=fact
    )
    left, right, similarity = (
        np.concatenate(pair) for pair in zip(by_left, (left, right, similarity), strict=True)
    )
    width = int(right.max(initial=0)) + 1
    _, unique = np.unique(left * width + right, return_index=True)
    return left[unique], right[unique], similarity[unique]


def pair_similarities(
    full: SparseRows,
    what_keep: np.ndarray,
    blocks: np.ndarray,
    partial_threshold: float,
    *,
    fact: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every kept pair (row, other row, similarity ≥ ``partial_threshold``) of rows in different
    blocks that may be compared, both directions, in no particular order.

    ``blocks`` gives each row a (side, outlet) code as two columns: rows are compared only when
    their sides are equal and their outlets differ. ``fact``: the similarity is √(full cosine ×
    cosine of the ``what_keep`` columns) (:func:`analysis.measures.alignment_weights.fact_similarity`);
    otherwise the full cosine (:func:`analysis.measures.alignment_weights.similarity_matrix`).
    """
    what = full.normalised(what_keep) if fact else full
    what_values = _aligned_values(full, what)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    sides, outlets = blocks[:, 0], blocks[:, 1]
    for side in np.unique(sides):
        present = np.unique(outlets[sides == side])
        for index, first in enumerate(present):
            for second in present[index + 1 :]:
                left_rows = np.flatnonzero((sides == side) & (outlets == first))
                right_rows = np.flatnonzero((sides == side) & (outlets == second))
                found.append(
                    _block_pairs(
                        full, what_values, (left_rows, right_rows), partial_threshold, fact=fact
                    )
                )
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    left, right, similarity = (np.concatenate(arrays) for arrays in zip(*found, strict=True))
    return (
        np.concatenate([left, right]),
        np.concatenate([right, left]),
        np.concatenate([similarity, similarity]),
    )


def _aligned_values(full: SparseRows, what: SparseRows) -> np.ndarray:
    """The values of ``what`` (a subset of ``full``'s stored columns) at ``full``'s positions, 0
    where ``what`` left a column out."""
    values = np.zeros(len(full.values))
    full_keys = full.row_ids() * (int(full.columns.max(initial=0)) + 1) + full.columns
    what_keys = what.row_ids() * (int(full.columns.max(initial=0)) + 1) + what.columns
    values[np.searchsorted(full_keys, what_keys)] = what.values
    return values
