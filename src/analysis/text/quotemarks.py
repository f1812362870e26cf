"""Where a paragraph is inside quotation marks: the split between an outlet's own voice and quoted text.

Works on clean text (straight quotes). Double quotes pair left to right. News style leaves a quote open at
the end of a paragraph when the quotation continues in the next one; an unmatched opening mark therefore
runs to the end of its paragraph. Single quotes count only as a pair (an opening mark before a word, a
closing mark after one; not before a digit or a common elision), so apostrophes (Pakistan's, don't,
students', '90s, rock 'n' roll) are not mistaken for quotes.
Which quotations are speech and which are scare quotes is a later, finer question; here every quoted
span counts as "quoted" (Bednarek 2016 and the news-quotation literature treat both as not the
narrator's own wording).
"""

from __future__ import annotations

import re

Interval = tuple[int, int]

_DOUBLE = re.compile(r'"')
ELISIONS = (
    "em",
    "n",
    "til",
    "cause",
    "tis",
    "twas",
    "bout",
)  # 'em, rock 'n' roll ... are not quotes
# The mark comes first and the check of the character before it second ("'(?<![\w']')" is
# "(?<![\w'])'"), so that re scans for the mark itself instead of trying every position.
_SINGLE_OPEN = re.compile(rf"'(?<![\w']')(?=[^\W\d_])(?!(?:{'|'.join(ELISIONS)})\b)")
_SINGLE_CLOSE = re.compile(r"'(?<=[\w.,!?]')(?![\w'])")


def quoted_spans(paragraph: str) -> list[Interval]:
    """Half-open intervals of ``paragraph`` that lie inside quotation marks (marks included)."""
    spans = _double_quoted(paragraph)
    spans += [span for span in _single_quoted(paragraph) if not _inside(span, spans)]
    return sorted(spans)


def _double_quoted(paragraph: str) -> list[Interval]:
    marks = [match.start() for match in _DOUBLE.finditer(paragraph)]
    spans = [(start, end + 1) for start, end in zip(marks[::2], marks[1::2], strict=False)]
    if len(marks) % 2:
        spans.append((marks[-1], len(paragraph)))
    return spans


def _single_quoted(paragraph: str) -> list[Interval]:
    opens = [match.start() for match in _SINGLE_OPEN.finditer(paragraph)]
    closes = [match.start() for match in _SINGLE_CLOSE.finditer(paragraph)]
    spans = []
    cursor = -1
    for start in opens:
        if start <= cursor:
            continue
        end = next((close for close in closes if close > start), None)
        if end is None:
            break
        spans.append((start, end + 1))
        cursor = end
    return spans


def _inside(span: Interval, spans: list[Interval]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def is_quoted(offset: int, spans: list[Interval]) -> bool:
    """Whether a character offset falls inside one of ``spans``."""
    return any(start <= offset < end for start, end in spans)
