"""One codebook loader and one matcher for the label, hedge and frame codebooks.

Loading. A codebook is a YAML file whose entries each list Python regular expressions (``patterns``).
:func:`read_section` reads the file and one top-level mapping of it; :func:`string_list` and
:func:`compile_terms` check and compile an entry's lists. Every error is an :class:`InputError` that
names the file and the entry. :func:`load_families` reads the ``families`` shape shared by the label and
hedge codebooks; :mod:`analysis.measures.frames` adds the frame shape (questions and cues) on the same
helpers. The patterns of one entry are compiled into one case-insensitive alternation that matches
whole words: :data:`WORD_BOUNDARY` (``\\b…\\b``, the label codebook) or :data:`NOT_IN_WORD`
(``(?<!\\w)…(?!\\w)``, hedges and frame cues).

Matching. Dictionary content analysis counts every match of an entry's pattern in a text
(Krippendorff 2019, "Content Analysis", ch. 8). :class:`Scan` gives, for a text and a set of patterns,
exactly the matches of ``pattern.finditer(text)`` and the non-overlapping matches of several patterns
(:meth:`Scan.non_overlapping`: leftmost first; at the same start the earlier pattern's, then the
longest), fast: one regex scan of the text finds the word starts where some pattern can match, and a
pattern is then tried only there (:mod:`analysis.measures.prefilter` explains why that is exact). A
scan of a paragraph serves each of its sentences (:meth:`Scan.window`), so a text is scanned once for
every codebook.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis.errors import InputError
from analysis.measures.prefilter import Prefilter

__all__ = [
    "NOT_IN_WORD",
    "WORD_BOUNDARY",
    "FamilyEntry",
    "Scan",
    "compile_terms",
    "load_families",
    "read_section",
    "scan",
    "string_list",
]

#: Whole words: ``\b`` on both sides (the label codebook).
WORD_BOUNDARY = (r"\b", r"\b")
#: Whole words: no word character before or after (the hedge and frame codebooks).
NOT_IN_WORD = (r"(?<!\w)", r"(?!\w)")


# --- loading ------------------------------------------------------------------------------------------


def read_section(path: Path | str, section: str, what: str) -> dict:
    """The non-empty top-level mapping ``section`` of the YAML file ``path`` (``what`` names it)."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read {what}: {error}") from None
    entries = document.get(section) if isinstance(document, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise InputError(path, f"expected a top-level {section!r} mapping")
    return entries


def string_list(value: object) -> tuple[str, ...] | None:
    """``value`` as a tuple of strings (None and absent give ``()``); None if it is no string list."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def compile_terms(
    path: Path | str, where: str, patterns: Sequence[str], edges: tuple[str, str] = NOT_IN_WORD
) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns`` between ``edges``.

    ``where`` names the entry in the error raised for a pattern that does not compile.
    """
    source = edges[0] + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + edges[1]
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as error:
        raise InputError(Path(path), f"{where}: bad pattern ({error})") from None


@dataclass(frozen=True)
class FamilyEntry:
    """One entry of a ``families`` codebook: its compiled pattern and documentation."""

    name: str
    description: str
    source: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()


def load_families(
    path: Path | str, what: str, edges: tuple[str, str] = NOT_IN_WORD
) -> list[FamilyEntry]:
    """Every entry of the ``families`` mapping of a codebook, in file order.

    An entry is a mapping with ``patterns`` (a non-empty list of regular expressions) and optional
    ``description``, ``source``, ``examples`` and ``keeps`` (sentences it must and must not match).
    """
    path = Path(path)
    parsed = []
    for name, entry in read_section(path, "families", what).items():
        if not isinstance(entry, dict):
            raise InputError(path, f"family {name!r}: expected a mapping")
        lists = [string_list(entry.get(key)) for key in ("patterns", "examples", "keeps")]
        patterns, examples, keeps = lists
        if patterns == ():
            raise InputError(path, f"family {name!r} has no patterns")
        if patterns is None or examples is None or keeps is None:
            raise InputError(
                path, f"family {name!r}: patterns, examples, keeps must be string lists"
            )
        pattern = compile_terms(path, f"family {name!r}", patterns, edges)
        parsed.append(
            FamilyEntry(
                str(name),
                str(entry.get("description", "")).strip(),
                str(entry.get("source", "")).strip(),
                pattern,
                examples,
                keeps,
            )
        )
    return parsed


# --- matching -----------------------------------------------------------------------------------------


#: Prefilters by the identities of their patterns (a Prefilter holds its patterns, so the ids stay
#: theirs); compiled patterns hash their whole program, too slow to look up per text.
_PREFILTERS: dict[tuple[int, ...], Prefilter] = {}
_PREFILTERS_KEPT = 16


def _prefilter(patterns: Sequence[re.Pattern[str]]) -> Prefilter:
    """The prefilter of ``patterns``, built once per pattern set."""
    key = tuple(map(id, patterns))
    found = _PREFILTERS.get(key)
    if found is None:
        if len(_PREFILTERS) >= _PREFILTERS_KEPT:
            del _PREFILTERS[next(iter(_PREFILTERS))]
        found = _PREFILTERS[key] = Prefilter(patterns)
    return found


@dataclass(frozen=True)
class Scan:
    """A text scanned for a set of patterns: where each of them can match (see the module doc).

    ``hits`` are ``(position, bits)`` in order, bit ``i`` standing for the prefilter's pattern ``i``;
    ``mask`` is the union of the bits (and of the patterns that are always tried).
    """

    text: str
    prefilter: Prefilter
    mask: int
    hits: list[tuple[int, int]]

    @functools.cached_property
    def positions(self) -> list[int]:
        """The positions of :attr:`hits`, in order (for :meth:`window`, built once per scan)."""
        return [position for position, _ in self.hits]

    def window(self, start: int, end: int) -> Scan:
        """The scan of ``text[start:end]``, a span with whitespace (or the text's end) on each side.

        Word starts inside such a span are the same in the span and in the text, and a prefix found
        in the text at a position of the span is at least as long as the one found in the span, so
        its bits cover the span's (the pattern is then matched on the span itself).
        """
        positions = self.positions
        first, last = bisect_left(positions, start), bisect_left(positions, end)
        hits = [(position - start, bits) for position, bits in self.hits[first:last]]
        mask = self.prefilter.always
        for _, bits in hits:
            mask |= bits
        return Scan(self.text[start:end], self.prefilter, mask, hits)

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False only when ``pattern`` is scanned for and cannot match the text."""
        index = self.prefilter.index.get(id(pattern))
        return index is None or bool(self.mask & 1 << index)

    def may_match_any(self, patterns: Sequence[re.Pattern[str]]) -> bool:
        """False only when every one of ``patterns`` is scanned for and cannot match the text."""
        return bool(self.mask & self.prefilter.bits(patterns))

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """The matches of ``pattern.finditer(text)`` (a pattern not scanned for is run in full)."""
        index = self.prefilter.index.get(id(pattern))
        if index is None or not self.prefilter.keyed[index]:
            return list(pattern.finditer(self.text))
        bit = 1 << index
        if not self.mask & bit:
            return []
        # finditer searches on from the end of the last match; the first position there at which
        # the pattern matches is the next hit with its bit, and match() there gives search()'s match
        found, reach = [], 0
        for position, bits in self.hits:
            if bits & bit and position >= reach:
                match = pattern.match(self.text, position)
                if match is not None:
                    found.append(match)
                    reach = match.end()
        return found

    def non_overlapping(self, patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int, int]]:
        """Non-empty matches ``(pattern index, start, end)`` of ``patterns``, overlaps counted once.

        Of overlapping matches the leftmost is kept; at the same start, the earlier pattern's, then
        the longest. A codebook thus lists its more specific entries first.
        """
        found = []
        for order, pattern in enumerate(patterns):
            if self.may_match(pattern):
                for match in self.finditer(pattern):
                    start, end = match.span()
                    if end > start:
                        found.append((start, order, start - end, end))
        found.sort()
        kept: list[tuple[int, int, int]] = []
        reach = -1
        for start, order, _, end in found:
            if start >= reach:
                kept.append((order, start, end))
                reach = end
        return kept


def scan(text: str, patterns: Sequence[re.Pattern[str]]) -> Scan:
    """``text`` scanned for ``patterns`` (the prefilter of a pattern set is built once)."""
    prefilter = _prefilter(patterns)
    mask, hits = prefilter.scan(text)
    return Scan(text, prefilter, mask, hits)


def in_codebook_order(table: pd.DataFrame, column: str, names: Sequence[str]) -> pd.DataFrame:
    """Evidence rows sorted by event, outlet, article and offsets, ties in the codebook's order of
    ``column`` (a family or frame name), with a fresh index: one stable order for every codebook table."""
    rank = {name: index for index, name in enumerate(names)}
    order = ["event_id", "outlet", "article", "start", "end", "_rank"]
    table = table.assign(_rank=table[column].map(rank)).sort_values(order, kind="stable")
    return table.drop(columns="_rank").reset_index(drop=True)
