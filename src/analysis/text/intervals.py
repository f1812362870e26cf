"""A union of half-open intervals, queried by bisection (quoted spans, taken mention spans).

An article of one huge paragraph has thousands of quoted spans and mentions; a scan of them per
look-up makes a stage quadratic in the article's length (issue 15), a bisection keeps it n·log n.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["IntervalUnion"]


class IntervalUnion:
    """The union of some ``(start, end)`` intervals (half-open, any order, overlaps allowed)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def __contains__(self, offset: int) -> bool:
        """Whether ``offset`` lies in one of the intervals."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a position with one of the intervals."""
        index = bisect.bisect_left(self._starts, end) - 1
        return start < end and index >= 0 and start < self._ends[index]
