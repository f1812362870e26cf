"""Text that remembers where each of its characters came from in the raw file.

Every character of a :class:`Tracked` carries the half-open raw range ``[start, end)`` it stands for, so
any span of cleaned text maps back to the raw file however many substitutions ran in between.
Offsets are Python ``str`` indices into the decoded raw text, stored as two compact machine-integer
arrays (``array('q')``, 8 bytes a character each) rather than tuples of Python ints.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Edit = tuple[int, int, str]  # replace text[start:end] by the string
OFFSET_TYPE = "q"  # signed 64-bit integers


def _offsets(values: Iterable[int] = ()) -> array[int]:
    return array(OFFSET_TYPE, values)


def _consecutive(start: int, end: int) -> array[int]:
    """``start, start + 1, ..., end - 1`` (built by numpy: ~100 times faster than from a range)."""
    return array(OFFSET_TYPE, np.arange(start, end, dtype=np.int64).tobytes())


@dataclass(frozen=True)
class Tracked:
    """A string plus, per character, the raw offsets it came from (``starts[i]``, ``ends[i]``)."""

    text: str
    starts: array[int]
    ends: array[int]

    @classmethod
    def from_raw(cls, raw: str, start: int, end: int) -> Tracked:
        """The slice ``raw[start:end]``, each character mapped to itself."""
        return cls(raw[start:end], _consecutive(start, end), _consecutive(start + 1, end + 1))

    def __len__(self) -> int:
        return len(self.text)

    def __hash__(self) -> int:
        """Hash of the text (arrays are unhashable; equal values have equal texts)."""
        return hash(self.text)

    def part(self, start: int, end: int) -> Tracked:
        """``text[start:end]`` with its offsets (array slices: no per-character work in Python)."""
        return Tracked(self.text[start:end], self.starts[start:end], self.ends[start:end])

    def raw_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Raw ``(start, end)`` covered by ``text[start:end]`` (an empty range maps to a point)."""
        end = len(self.text) if end is None else end
        if end <= start:
            point = (
                self.starts[start]
                if start < len(self.starts)
                else (self.ends[-1] if self.ends else 0)
            )
            return point, point
        return self.starts[start], self.ends[end - 1]

    def apply(self, edits: Iterable[Edit]) -> Tracked:
        """Apply non-overlapping edits; replacement characters inherit the raw range they replace."""
        text: list[str] = []
        starts, ends = _offsets(), _offsets()
        cursor = 0
        for start, end, replacement in sorted(edits):
            if start < cursor:
                raise ValueError(f"overlapping edit at {start}")
            text.append(self.text[cursor:start])
            starts += self.starts[cursor:start]
            ends += self.ends[cursor:start]
            self._map_replacement(start, end, replacement, starts, ends)
            text.append(replacement)
            cursor = end
        text.append(self.text[cursor:])
        starts += self.starts[cursor:]
        ends += self.ends[cursor:]
        return Tracked("".join(text), starts, ends)

    def _map_replacement(
        self, start: int, end: int, replacement: str, starts: array[int], ends: array[int]
    ) -> None:
        if not replacement:
            return
        if end > start:
            for i in range(len(replacement)):
                source = start + min(i, end - start - 1)
                starts.append(self.starts[source])
                ends.append(self.ends[end - 1] if i == len(replacement) - 1 else self.ends[source])
        else:  # pure insertion: a zero-width raw point
            point = self.raw_span(start, start)[0]
            starts.extend([point] * len(replacement))
            ends.extend([point] * len(replacement))

    def sub(
        self, pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str]
    ) -> Tracked:
        """Like ``pattern.sub`` but tracked."""
        expand = replacement if callable(replacement) else (lambda match: match.expand(replacement))
        return self.apply((m.start(), m.end(), expand(m)) for m in pattern.finditer(self.text))

    def strip(self) -> Tracked:
        """Without leading and trailing whitespace."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        if left == 0 and right == len(self.text):
            return self
        return self.part(left, right)

    @staticmethod
    def join(parts: Sequence[Tracked], separator: str) -> Tracked:
        """Concatenate with ``separator``; separator characters map to the point between the parts."""
        text: list[str] = []
        starts, ends = _offsets(), _offsets()
        for index, part in enumerate(parts):
            if index:
                point = parts[index - 1].ends[-1] if parts[index - 1].ends else 0
                text.append(separator)
                starts.extend([point] * len(separator))
                ends.extend([point] * len(separator))
            text.append(part.text)
            starts += part.starts
            ends += part.ends
        return Tracked("".join(text), starts, ends)
