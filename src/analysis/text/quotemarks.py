"""Where a paragraph is inside quotation marks: the one reader of quotation marks.

Works on clean text: cleaning (``codebooks/cleaning_rules.yaml``) turns curly double quotes and
guillemets into ``"`` and curly single quotes into ``'``, so only straight marks are read here.

**Double marks** (:func:`double_pairs`) are paired per paragraph with a stack. A mark opens when a space,
an opening bracket or dash, or another mark stands before it and no space or closing punctuation after
it; it closes in the mirror case; otherwise (French spacing ``" like this "``, glued marks) it closes an
open quotation or opens a new one. An opening mark inside an open quotation is a nested quotation: part
of the outer one. A mark that can only close, with nothing open, is stray and ignored. News style leaves
a quotation open at the end of a paragraph when it continues in the next one, so an unmatched opening
mark runs to the end of its paragraph. If a quotation is still open at the paragraph end after a mark was
read as opening a nested one, and the next paragraph does not continue it (:func:`read_double_marks`),
the nesting was a missing closing mark: the paragraph is re-read treating every new opening mark as
closing the quotation before it.

**Single marks** (:func:`single_pairs`) count only as a pair (an opening mark before a word, a closing
mark after one; not before a digit or a common elision), so apostrophes (Pakistan's, don't, students',
'90s, rock 'n' roll) are not mistaken for quotes.

:func:`quoted_spans` is the split between an outlet's own voice and quoted text. Which quotations are
speech and which are scare quotes is a later, finer question (:mod:`analysis.measures.quotes`); here
every quoted span counts as "quoted" (Bednarek 2016 and the news-quotation literature treat both as not
the narrator's own wording).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

Interval = tuple[int, int]
#: An opening mark's offset and its closing mark's offset (None: still open at the paragraph end).
Pair = tuple[int, int | None]

#: The double quotation mark of clean text.
MARK = '"'
ELISIONS = (
    "em",
    "n",
    "til",
    "cause",
    "tis",
    "twas",
    "bout",
)  # 'em, rock 'n' roll ... are not quotes
_LEFT_OPEN = "([{\u2014\u2013-/" + MARK
_RIGHT_CLOSE = ".,;:!?)]}\u2014\u2013-"
_DOUBLE = re.compile(MARK)
# The mark comes first and the check of the character before it second ("'(?<![\w']')" is
# "(?<![\w'])'"), so that re scans for the mark itself instead of trying every position.
_SINGLE_OPEN = re.compile(rf"'(?<![\w']')(?=[^\W\d_])(?!(?:{'|'.join(ELISIONS)})\b)")
_SINGLE_CLOSE = re.compile(r"'(?<=[\w.,!?]')(?![\w'])")


def facing(paragraph: str, index: int) -> str:
    """Which way the double mark at ``index`` faces: "open", "close" or "either"."""
    before = paragraph[index - 1] if index > 0 else " "
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    left = before.isspace() or before in _LEFT_OPEN
    right = after.isspace() or after in _RIGHT_CLOSE
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def double_pairs(paragraph: str, flat: bool = False) -> tuple[list[Pair], bool]:
    """Top-level double-quotation pairs of one paragraph, and whether the reading is suspect.

    Suspect: a quotation is still open at the paragraph end after a mark was read as opening a nested
    quotation (more likely a missing closing mark). ``flat`` reads every opening mark inside an open
    quotation as closing it and opening the next one.
    """
    pairs: list[Pair] = []
    stack: list[int] = []
    nested = False
    for match in _DOUBLE.finditer(paragraph):
        index = match.start()
        direction = facing(paragraph, index)
        if not stack:
            if direction != "close":
                stack.append(index)
        elif direction == "open" and not flat:
            stack.append(index)
            nested = True
        elif direction == "open":
            pairs.append((stack.pop(), index))
            stack.append(index)
        else:
            opened = stack.pop()
            if not stack:
                pairs.append((opened, index))
    if stack:
        pairs.append((stack[0], None))
    return pairs, bool(stack) and nested


def read_double_marks(paragraph: str, continued: bool = False) -> list[Pair]:
    """:func:`double_pairs`, re-read flat when suspect unless the next paragraph ``continued`` the
    quotation left open (it opens with a mark)."""
    pairs, suspect = double_pairs(paragraph)
    if suspect and not continued:
        pairs, _ = double_pairs(paragraph, flat=True)
    return pairs


def single_pairs(paragraph: str) -> list[tuple[int, int]]:
    """Single-quote pairs ``(open, close)``: an opening mark before a letter, the next closing one."""
    opens = [match.start() for match in _SINGLE_OPEN.finditer(paragraph)]
    closes = [match.start() for match in _SINGLE_CLOSE.finditer(paragraph)]
    pairs = []
    cursor = -1
    for start in opens:
        if start <= cursor:
            continue
        end = next((close for close in closes if close > start), None)
        if end is None:
            break
        pairs.append((start, end))
        cursor = end
    return pairs


def pair_interval(pair: Pair, paragraph_end: int) -> Interval:
    """The half-open interval a pair covers, marks included (an open pair runs to the paragraph end)."""
    opened, closed = pair
    return opened, paragraph_end if closed is None else closed + 1


def quoted_spans(paragraph: str, continued: bool = False) -> list[Interval]:
    """Half-open intervals of ``paragraph`` that lie inside quotation marks (marks included).

    ``continued``: the next paragraph opens with a mark (see :func:`read_double_marks`).
    """
    spans = [
        pair_interval(pair, len(paragraph)) for pair in read_double_marks(paragraph, continued)
    ]
    spans += [
        (start, end + 1) for start, end in single_pairs(paragraph) if not _inside(start, end, spans)
    ]
    return sorted(spans)


def _inside(start: int, end: int, spans: list[Interval]) -> bool:
    return any(outer_start <= start and end < outer_end for outer_start, outer_end in spans)


def is_quoted(offset: int, spans: Sequence[Interval]) -> bool:
    """Whether a character offset falls inside one of ``spans``."""
    return any(start <= offset < end for start, end in spans)


def in_sorted_spans(position: int, spans: list[Interval]) -> bool:
    """Whether ``position`` lies in the last of the sorted half-open ``spans`` starting at or before it."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]
