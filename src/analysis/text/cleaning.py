"""From raw article text to a structured, clean article with offsets back into the raw file.

Steps: split the raw text into lines; drop lines by the line rules (furniture, captions, repeats); join
the remaining lines of each blank-line-separated block into a paragraph; apply the text rules (Unicode,
quotes, spacing); classify blocks as headline, sub-heading or paragraph. Every dropped line and every
changed paragraph is logged as a :class:`Change` with its rule and reason (the provenance table).

A :class:`Document` is the one parsed document every later stage reads: besides its blocks it builds,
once and on first use, its sentences (:mod:`analysis.text.segment`), their word tokens and the quoted
intervals of each block (:mod:`analysis.text.quotemarks`), all in clean-text offsets.
"""

from __future__ import annotations

import re
import unicodedata

from analysis.ingest.manifest import Article
from analysis.ingest.web_page import Extracted
from analysis.text.cleaning_rules import MAX_DROPPED_LINE, Rule
from analysis.text.document import Block, Change, Document
from analysis.text.offsets import Edit, Tracked

HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"[.:;,]['\")\]]*$")
_WHITESPACE = re.compile(r"\s+")
_LINE = re.compile(r"[^\n]*")
_DOUBLE_QUOTE = re.compile('"')


def clean_article(article: Article, rules: list[Rule]) -> Document:
    """Clean one manifest article with ``rules`` (its file read as UTF-8)."""
    return clean_decoded(article, article.read_raw(), rules)


def clean_decoded(
    article: Article, raw: str, rules: list[Rule], extracted: Extracted | None = None
) -> Document:
    """Clean the decoded text ``raw`` of ``article`` (the main text of a web page: ``extracted``) with
    the rules that apply to its language, original language and outlet."""
    context = {
        "language": article.language,
        "original_language": article.original_language,
        "outlet": article.outlet,
    }
    tracked, blocks, changes = clean_text(raw, rules, context)
    return Document(article, raw, tracked, blocks, changes, extracted)


def clean_text(
    raw: str, rules: list[Rule], context: dict[str, str] | None = None
) -> tuple[Tracked, tuple[Block, ...], tuple[Change, ...]]:
    """Clean ``raw``: return the clean text, its blocks and the provenance of every change."""
    context = context or {}
    active = [rule for rule in rules if rule.applies_to(context)]
    line_starts = _line_starts(raw)
    changes: list[Change] = []
    blocks = _raw_blocks(raw)
    for rule in (rule for rule in active if rule.drops_lines):
        blocks = _drop_lines(rule, blocks, line_starts, changes)
    paragraphs = [Tracked.join(lines, " ") for lines in blocks if lines]
    for rule in (rule for rule in active if not rule.drops_lines):
        paragraphs = [_edit_paragraph(rule, p, line_starts, changes) for p in paragraphs]
    paragraphs = [p for p in (p.strip() for p in paragraphs) if p.text]
    tracked = Tracked.join(paragraphs, "\n\n")
    changes.sort(key=lambda change: (change.raw_start, change.line))
    return tracked, _classify(paragraphs), tuple(changes)


def _line_starts(raw: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", raw)]


def _line_number(line_starts: list[int], offset: int) -> int:
    low, high = 0, len(line_starts)
    while high - low > 1:
        middle = (low + high) // 2
        if line_starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low + 1


def _raw_blocks(raw: str) -> list[list[Tracked]]:
    """Blank-line separated blocks of stripped, non-empty lines."""
    blocks: list[list[Tracked]] = [[]]
    whole = Tracked.from_raw(raw, 0, len(raw))
    for match in _LINE.finditer(raw):
        if match.start() > 0 and raw[match.start() - 1] != "\n":
            continue  # finditer yields an empty match right after each line
        line = whole.part(match.start(), match.end()).strip()
        if line.text:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return blocks


def _drop_lines(
    rule: Rule, blocks: list[list[Tracked]], line_starts: list[int], changes: list[Change]
) -> list[list[Tracked]]:
    seen: set[str] = set()
    kept_blocks = []
    for lines in blocks:
        kept = []
        for line in lines:
            if rule.kind == "drop_repeat":
                folded = _WHITESPACE.sub(" ", line.text)
                drop = folded in seen
                seen.add(folded)
            else:
                drop = (
                    rule.pattern is not None
                    and len(line.text) <= MAX_DROPPED_LINE
                    and rule.pattern.search(line.text) is not None
                )
            if drop:
                start, end = line.raw_span()
                number = _line_number(line_starts, start)
                changes.append(
                    Change(rule.id, "dropped", number, start, end, line.text, "", 1, rule.why)
                )
            else:
                kept.append(line)
        kept_blocks.append(kept)
    return kept_blocks


def _edit_paragraph(
    rule: Rule, paragraph: Tracked, line_starts: list[int], changes: list[Change]
) -> Tracked:
    edits = _text_edits(rule, paragraph.text)
    if not edits:
        return paragraph
    edited = paragraph.apply(edits)
    start, end = paragraph.raw_span()
    number = _line_number(line_starts, start)
    changes.append(
        Change(
            rule.id,
            "changed",
            number,
            start,
            end,
            paragraph.text,
            edited.text,
            len(edits),
            rule.why,
        )
    )
    return edited


def _text_edits(rule: Rule, text: str) -> list[Edit]:
    if rule.kind == "replace" and rule.pattern is not None:
        if "\\" not in rule.replacement:  # no group references: the replacement is literal
            literal = rule.replacement
            return [
                (m.start(), m.end(), literal)
                for m in rule.pattern.finditer(text)
                if m.group(0) != literal
            ]
        expanded = ((m, m.expand(rule.replacement)) for m in rule.pattern.finditer(text))
        return [(m.start(), m.end(), new) for m, new in expanded if m.group(0) != new]
    if rule.kind == "unicode_nfc":
        return _nfc_edits(text)
    if rule.kind == "quote_spacing":
        return quote_spacing_edits(text)
    raise ValueError(f"rule {rule.id}: kind {rule.kind} does not edit text")


def _nfc_edits(text: str) -> list[Edit]:
    """Edits composing each base character with its combining marks (NFC), cluster by cluster."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for match in re.finditer(
        r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", text
    ):
        composed = unicodedata.normalize("NFC", match.group(0))
        if composed != match.group(0):
            edits.append((match.start(), match.end(), composed))
    return edits


def quote_spacing_edits(text: str) -> list[Edit]:
    """Remove spaces just inside paired straight double quotes; add one after a closing mark if glued.

    Only when the paragraph's marks pair up (an even number): otherwise which mark opens is uncertain.
    """
    if '"' not in text:
        return []
    marks = [match.start() for match in _DOUBLE_QUOTE.finditer(text)]
    if len(marks) % 2:
        return []
    edits: list[Edit] = []
    for opening, closing in zip(marks[::2], marks[1::2], strict=True):
        inner_left = opening + 1
        while inner_left < closing and text[inner_left] == " ":
            inner_left += 1
        if inner_left > opening + 1:
            edits.append((opening + 1, inner_left, ""))
        inner_right = closing
        while inner_right > inner_left and text[inner_right - 1] == " ":
            inner_right -= 1
        if inner_right < closing:
            edits.append((inner_right, closing, ""))
        if closing + 1 < len(text) and text[closing + 1].isalnum():
            edits.append((closing + 1, closing + 1, " "))
    return edits


def _classify(paragraphs: list[Tracked]) -> tuple[Block, ...]:
    blocks = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        kind = _block_kind(paragraph.text, first=index == 0)
        raw_start, raw_end = paragraph.raw_span()
        blocks.append(
            Block(kind, paragraph.text, offset, offset + len(paragraph), raw_start, raw_end)
        )
        offset += len(paragraph) + 2  # the blank line between blocks
    return tuple(blocks)


def _block_kind(text: str, first: bool) -> str:
    """Headline: a short first block not ending like a sentence; heading: a very short later one."""
    words = len(text.split())
    looks_like_title = (
        not _SENTENCE_END.search(text) and not text.endswith(".") and text[:1].isupper()
    )
    if first and looks_like_title and words <= HEADLINE_MAX_WORDS:
        return "headline"
    if (
        looks_like_title
        and words <= HEADING_MAX_WORDS
        and '"' not in text
        and not text.endswith(("?", "!"))
    ):
        return "heading"
    return "paragraph"
