"""The quoted spans of an article: pairs of quotation marks (read by :mod:`analysis.text.quotemarks`)
made records-to-be, with quotations continued across paragraphs grouped (see
:mod:`analysis.measures.quotes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from analysis.text.document import Block
from analysis.text.quotemarks import MARK, Pair, read_double_marks, single_pairs

_TRAILING = ",;:"
WORD = re.compile(r"[^\W_](?:[\w'-]*[^\W_])?")


@dataclass
class QuotedSpan:
    """A quoted span of one block, before classification."""

    block: int
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None if the paragraph ends first
    start: int
    end: int
    group: int = -1
    continued: bool = False  # continues a quotation left open in the previous paragraph


def _content(text: str, opened: int, closed: int) -> tuple[int, int]:
    """Content offsets between two marks: no surrounding spaces, no trailing ``,;:``."""
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end


def title_like(block: Block) -> bool:
    """A headline or sub-heading, or a Title Case line that cleaning kept as a paragraph (a headline
    opening with a quotation mark)."""
    if block.kind != "paragraph":
        return True
    # more than 25 words is no title: read at most 26 (a one-line article may hold megabytes)
    words = [match.group() for match in islice(WORD.finditer(block.text), 26)]
    capitalised = sum(w[:1].isupper() for w in words)
    return (
        4 <= len(words) <= 25 and capitalised >= 0.7 * len(words) and not block.text.endswith(".")
    )


def find_spans(text: str, blocks: tuple[Block, ...]) -> list[QuotedSpan]:
    """Every top-level quoted span of the article, with continuation across paragraphs."""
    spans: list[QuotedSpan] = []
    group = 0
    previous_open: QuotedSpan | None = None
    for number, block in enumerate(blocks):
        body = text[block.start : block.end]
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        next_opens = following is not None and text[following.start : following.end][:1] == MARK
        if title_like(block) and MARK not in body:
            pairs: list[Pair] = list(single_pairs(body))
        else:
            pairs = read_double_marks(body, continued=next_opens)
        for index, (opened, closed) in enumerate(pairs):
            end_at = closed if closed is not None else len(body)
            start, end = _content(body, opened, end_at)
            if start >= end or body[opened - 1 : opened] == "=":  # a markup value: id="72"
                continue
            span = QuotedSpan(
                number,
                block.start + opened,
                None if closed is None else block.start + closed,
                block.start + start,
                block.start + end,
            )
            if index == 0 and opened == 0 and previous_open is not None:
                span.group = previous_open.group
                span.continued = True
            else:
                group += 1
                span.group = group
            spans.append(span)
        previous_open = None
        if spans and spans[-1].block == number and spans[-1].close is None and next_opens:
            previous_open = spans[-1]
    return spans
