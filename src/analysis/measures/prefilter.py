"""Where many whole-word patterns can match a text, from one regex scan: the codebooks' prefilter.

Every pattern of a codebook opens with ``\\b`` or ``(?<!\\w)`` (:mod:`analysis.measures.codebook`), so
it matches only at a word start, and its matches start with one of a few literal prefixes ("terror",
"counter-terror", …) or, for a symbol or a set (``\\d``, ``[$€£¥]``), with a character of that class.
:func:`pattern_keys` reads those prefixes from the pattern's own source with a small reader of the
regular-expression syntax the codebooks use (literals, escapes, classes, groups, alternation,
quantifiers, lookarounds, the ``i`` flag); any other syntax leaves the pattern without keys, and it is
then run in full. Optional parts (``?``, ``*``) branch; a prefix stops at anything that is not a literal.

:class:`Prefilter` scans a text once with a trie regex of every prefix of every pattern (longest
first, case-insensitive), plus one regex per first-character class, and gives each word start where a
prefix stands the bits of the patterns whose prefix that is. A keyed pattern matches the text only at
such positions; ``re.match`` at them, resuming after each match, gives exactly ``finditer``'s matches
(it cannot match elsewhere; ``finditer`` resumes at the end of a match and the first position there
where the pattern matches is the next such hit). Keyed matches are never empty.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Sequence

__all__ = ["Prefilter", "pattern_keys"]

_PREFIXES_KEPT = 4096  # most alternative literal prefixes kept per pattern
_CACHE_LIMIT = 500_000  # found texts remembered by a Prefilter (bounds memory)
_CLASS = "\x00"  # opens a "prefix" that is a one-character class (regex source after it)
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_FLAGS_GROUP = re.compile(r"\?(i?)(?:-(i))?:")
_OPENINGS = (r"\b", r"(?<!\w)")
_Prefixes = set[tuple[str, bool]]  # (literal prefix, True if the match may go on with what follows)
#: A read item: ("literal", char), ("class", source, members or None), ("group", branches),
#: ("zero", source), ("repeat", low, high or None, item), ("unknown",).
_Item = tuple


class _Unsupported(Exception):
    """Syntax the reader does not cover: the pattern gets no keys."""


class _Reader:
    """Reads the source of a regular expression into nested items (see :data:`_Item`)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0

    def read(self) -> list[list[_Item]]:
        """The top-level branches of the source."""
        branches = self._alternation()
        if self.pos != len(self.source):
            raise _Unsupported
        return branches

    def _peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def _alternation(self) -> list[list[_Item]]:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        return branches

    def _sequence(self) -> list[_Item]:
        items = []
        while self._peek() not in ("", "|", ")"):
            items.append(self._quantified(self._item()))
        return items

    def _quantified(self, item: _Item) -> _Item:
        char = self._peek()
        if char in ("?", "*", "+"):
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
            self.pos += 1
        elif char == "{" and (found := _QUANTIFIER.match(self.source, self.pos)):
            first, comma, last = found.groups()
            low = int(first or 0)
            high = (int(last) if last else None) if comma else low
            self.pos = found.end()
        else:
            return item
        if self._peek() in ("?", "+"):
            self.pos += 1  # lazy or possessive: the same matches start the same way
        return ("repeat", low, high, item)

    def _item(self) -> _Item:
        char = self._peek()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        self.pos += 1
        if char == ".":
            return ("unknown",)
        if char in "^$":
            return ("zero", char)
        return ("literal", char)

    def _group(self) -> _Item:
        start = self.pos
        self.pos += 1
        kind = "group"
        if self._peek() == "?":
            rest = self.source[self.pos :]
            flags = _FLAGS_GROUP.match(rest)
            if rest.startswith("?:"):
                self.pos += 2
            elif rest.startswith(("?=", "?!")):
                self.pos, kind = self.pos + 2, "zero"
            elif rest.startswith(("?<=", "?<!")):
                self.pos, kind = self.pos + 3, "zero"
            elif flags:
                self.pos += flags.end()
            elif (named := re.match(r"\?P<\w+>", rest)) is not None:
                self.pos += named.end()
            else:
                raise _Unsupported
        branches = self._alternation()
        if self._peek() != ")":
            raise _Unsupported
        self.pos += 1
        return ("zero", self.source[start : self.pos]) if kind == "zero" else ("group", branches)

    def _class(self) -> _Item:
        start = self.pos
        self.pos += 1
        simple = self._peek() != "^"
        if not simple:
            self.pos += 1
        members, first = [], True
        while True:
            char = self._peek()
            if not char:
                raise _Unsupported
            if char == "]" and not first:
                self.pos += 1
                break
            first = False
            if char == "\\":
                self.pos += 2
                simple = False
                continue
            members.append(char)
            self.pos += 1
        simple = simple and all(0 < ord(c) < 128 and c.isalnum() for c in members)
        return ("class", self.source[start : self.pos], members if simple else None)

    def _escape(self) -> _Item:
        char = self.source[self.pos + 1 : self.pos + 2]
        self.pos += 2
        if char and char in "dDwWsS":
            return ("class", "\\" + char, None)
        if char and char in "bBAZ":
            return ("zero", "\\" + char)
        if char and char.isascii() and not char.isalnum():
            return ("literal", char)
        raise _Unsupported


def _item_prefixes(item: _Item) -> _Prefixes:
    """Literal prefixes of one item, each with whether a match may continue after it.

    A prefix may instead be a one-character class (:data:`_CLASS` and its source) when the item is a
    character that is no ASCII letter, digit or punctuation, or a set of characters.
    """
    kind = item[0]
    if kind == "literal":
        char = item[1]
        if 0 < ord(char) < 128:  # letters and digits lower-cased; ASCII punctuation kept as is
            return {(char.lower() if char.isalnum() else char, True)}
        return {(_CLASS + re.escape(char), False)}
    if kind == "class":
        members = item[2]
        if members is not None:
            return {(char.lower(), True) for char in members}
        return {(_CLASS + item[1], False)}
    if kind == "group":
        return set().union(*(_sequence_prefixes(branch) for branch in item[1]))
    if kind == "zero":
        return {("", True)}
    if kind == "repeat":
        _, low, high, body = item
        once = low == high == 1 or (low == 0 and high == 1)
        found = {(prefix, more and once) for prefix, more in _item_prefixes(body)}
        return found | {("", True)} if low == 0 else found
    return {("", False)}  # anything else: no literal known


def _sequence_prefixes(items: list[_Item]) -> _Prefixes:
    """Literal prefixes of a sequence: every match of ``items`` starts with one of them."""
    found: _Prefixes = {("", True)}
    for item in items:
        if item[0] == "zero":
            continue
        if not any(more for _, more in found):
            break
        added = _item_prefixes(item)
        if len(found) * len(added) > _PREFIXES_KEPT:
            return {(a, False) for a, _ in found}  # still prefixes of every match
        grown = {(a, False) for a, more in found if not more}
        for a, more in found:
            if more:  # a class is a prefix only at the start; after a literal it ends the prefix
                grown |= {
                    (a, False) if a and b[:1] == _CLASS else (a + b, done) for b, done in added
                }
        found = grown
    return found


def pattern_keys(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str], bool] | None:
    """Literal prefixes and first-character classes one of which starts every match of ``pattern``.

    For a pattern that opens with ``\\b`` or ``(?<!\\w)`` (one top-level branch, without ``re.ASCII``
    or ``re.VERBOSE``): the lower-case ASCII literals (whose first character is a letter or digit),
    the classes (regex sources), and whether the opening is ``\\b``. None when some match may start
    otherwise or the source uses syntax the reader does not cover.
    """
    if pattern.flags & (re.ASCII | re.VERBOSE):
        return None
    try:
        branches = _Reader(pattern.pattern).read()
    except _Unsupported:
        return None
    if (
        len(branches) != 1
        or not branches[0]
        or branches[0][0] not in {("zero", o) for o in _OPENINGS}
    ):
        return None
    prefixes = {prefix for prefix, _ in _sequence_prefixes(branches[0])}
    literals = {prefix for prefix in prefixes if prefix[:1] != _CLASS}
    if not prefixes or not all(
        prefix[:1].isascii() and prefix[:1].isalnum() for prefix in literals
    ):
        return None
    classes = frozenset(prefix[1:] for prefix in prefixes - literals)
    return frozenset(literals), classes, branches[0][0][1] == r"\b"


def trie_pattern(keys: list[str]) -> str:
    """A regex matching the longest of ``keys`` (distinct, non-empty) that starts the text.

    The keys are factored into a trie: siblings start with different characters, so at most one
    branch matches, and the optional tail after a complete key is greedy (longer keys first).
    """
    children: dict[str, list[str]] = {}
    for key in keys:
        children.setdefault(key[0], []).append(key[1:])
    branches = []
    for first, rests in children.items():
        longer = [rest for rest in rests if rest]
        tail = trie_pattern(longer) if longer else ""
        if tail and len(longer) < len(rests):
            tail = f"(?:{tail})?"  # a key ends here: the longer ones are optional
        branches.append(re.escape(first) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Prefilter:
    """Where each of many patterns can match a text, from one regex scan for their prefixes.

    Bit ``i`` stands for ``patterns[i]``, found by the pattern's ``id`` in :attr:`index`. The scan ``(?<!\\w)(?=(k1|k2|...))`` (case-insensitive, a
    trie of every pattern's literal prefixes, longest first) gives at each word start the longest
    prefix there; every prefix at that position is a prefix of it (distinct lower-case ASCII literals
    never fold to the same text), so the position gets the bits of all its prefixes. A found text
    that does not lower-case to a prefix gets every bit. Patterns without keys are in
    :attr:`always`. So a keyed pattern matches a text only at a position of a hit with its bit.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.everything = (1 << len(patterns)) - 1
        self.always = 0
        self.keyed: list[bool] = []
        self.patterns = tuple(patterns)
        self.index = {id(pattern): index for index, pattern in enumerate(self.patterns)}
        bits: dict[str, int] = {}
        classes: dict[tuple[str, int], int] = {}
        for index, pattern in enumerate(patterns):
            keys = pattern_keys(pattern)
            self.keyed.append(keys is not None)
            if keys is None:
                self.always |= 1 << index
                continue
            literals, sources, boundary = keys
            for prefix in literals:
                bits[prefix] = bits.get(prefix, 0) | 1 << index
            for source in sources:
                # the pattern's opening and first character; IGNORECASE only widens the class.
                # "c(?<!\w(?s:.))" is "(?<!\w)c" with the check after the character, so that the
                # regex opens with the class (which re scans for fast)
                found = rf"\b{source}" if boundary else rf"{source}(?<!\w(?s:.))"
                key = (found, pattern.flags | re.IGNORECASE)
                classes[key] = classes.get(key, 0) | 1 << index
        self.closure = {
            key: functools.reduce(
                operator.or_, (bits.get(key[:end], 0) for end in range(1, len(key) + 1))
            )
            for key in bits
        }
        trie = trie_pattern(sorted(bits)) if bits else ""
        self.regex = re.compile(rf"(?<!\w)(?=({trie}))", re.IGNORECASE) if bits else None
        # on ASCII text, lower-casing maps A-Z to a-z only, so matching the lower-case keys
        # case-sensitively in the lower-cased text finds the same texts (lower-cased) at the same
        # positions, and word characters stay word characters
        self.ascii_regex = re.compile(rf"(?<!\w)(?=({trie}))") if bits else None
        self.classes = [
            (re.compile(source, flags), bit) for (source, flags), bit in classes.items()
        ]
        self.cased = dict(self.closure)  # found text, as in the text -> bits
        self._groups: dict[tuple[int, ...], int] = {}  # ids of a list of patterns -> their bits
        # id of a tuple of patterns -> (the tuple, its bits): a tuple cannot change, and it is held
        # here, so its id is not reused while it is remembered
        self._tuples: dict[int, tuple[tuple[re.Pattern[str], ...], int]] = {}

    def bits(self, patterns: Sequence[re.Pattern[str]]) -> int:
        """The bits of ``patterns`` (every bit if one of them is not scanned for), once per list.

        A tuple is looked up by its identity first (no key built from its patterns)."""
        held = self._tuples.get(id(patterns))
        if held is not None and held[0] is patterns:
            return held[1]
        key = tuple(map(id, patterns))
        found = self._groups.get(key)
        if found is None:
            indexes = [self.index.get(id(pattern)) for pattern in patterns]
            found = self.everything
            if None not in indexes:
                found = functools.reduce(operator.or_, (1 << i for i in indexes), 0)
            if len(self._groups) > _CACHE_LIMIT:
                self._groups.clear()
            self._groups[key] = found
        if isinstance(patterns, tuple):
            if len(self._tuples) > _CACHE_LIMIT:
                self._tuples.clear()
            self._tuples[id(patterns)] = (patterns, found)
        return found

    def _bits(self, found: str) -> int:
        """Bits of a found text (any case), remembered by that text (at most a bounded number)."""
        bits = self.closure.get(found.lower(), self.everything)
        if len(self.cased) > _CACHE_LIMIT:
            self.cased.clear()
        self.cased[found] = bits
        return bits

    def scan(self, text: str) -> tuple[int, list[tuple[int, int]]]:
        """Bits of the patterns that may match ``text``, and each hit ``(position, bits)`` in order."""
        mask, hits, cased = self.always, [], self.cased
        if self.regex is not None:
            ascii_text = text.isascii()
            regex = self.ascii_regex if ascii_text else self.regex
            for match in regex.finditer(text.lower() if ascii_text else text):
                found = match.group(1)
                bits = cased.get(found)
                if bits is None:
                    bits = self._bits(found)
                mask |= bits
                hits.append((match.start(), bits))
        more = [(m.start(), bit) for regex, bit in self.classes for m in regex.finditer(text)]
        if not more:
            return mask, hits
        merged = dict(hits)
        for position, bits in more:
            merged[position] = merged.get(position, 0) | bits
            mask |= bits
        return mask, sorted(merged.items())
