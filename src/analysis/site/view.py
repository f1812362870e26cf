"""The shapes of the event page: spans, segments, sentences, blocks, articles, columns, legends.

:func:`analysis.site.layout.event_view` fills them from the processed tables; the templates read
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Span:
    """One highlight: a layer's item over ``[start, end)`` of an article's clean text."""

    layer: str
    start: int
    end: int
    ident: str
    css: str
    title: str
    tag: str = ""
    anchor: str = ""  # a DOM id for the span's first segment (a finding links to it)


@dataclass(frozen=True)
class Segment:
    """A piece of text with the same covering spans throughout."""

    text: str
    classes: str
    data: tuple[tuple[str, str], ...]
    title: str
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its segments, sharing status and counterparts."""

    dom_id: str
    index: int
    status: str
    css: str
    title: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Run:
    """Text of a block: a sentence, or a segment between sentences (a space, a stray mark)."""

    sentence: Sentence | None = None
    segment: Segment | None = None


@dataclass(frozen=True)
class Marker:
    """A frame indicator shown in the margin of its block."""

    ident: str
    label: str
    css: str
    title: str
    sentence_id: str


@dataclass(frozen=True)
class Block:
    """A headline, sub-heading or paragraph with its margin markers."""

    kind: str
    runs: tuple[Run, ...]
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Article:
    """One article laid out for its outlet's column."""

    dom_id: str
    article: str
    outlet: str
    date: str
    headline: str
    opening: str
    language: str
    original_language: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Column:
    """One outlet: its colour and its articles."""

    outlet: str
    colour: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class LegendEntry:
    """One row of a layer's legend: a category, its look, and its count per outlet."""

    key: str
    label: str
    css: str
    counts: tuple[int, ...]
    note: str = ""
    group: str = ""
    sample: str = "text"


@dataclass(frozen=True)
class Legend:
    """A layer: heading, source table, entries, total per outlet."""

    layer: str
    heading: str
    table: str
    entries: tuple[LegendEntry, ...]
    totals: tuple[int, ...]


@dataclass(frozen=True)
class EvidenceLink:
    """A link from a finding to a marked span of the text."""

    label: str
    href: str


@dataclass(frozen=True)
class Evidence:
    """The evidence of one row of a finding's table: what it is about and its marked spans."""

    label: str
    links: tuple[EvidenceLink, ...]


@dataclass
class EventView:
    """Everything the event page shows."""

    event_id: str
    outlets: tuple[str, ...]
    columns: tuple[Column, ...]
    legends: tuple[Legend, ...]
    colour_rules: tuple[tuple[str, str, str], ...]
    counterparts: dict[str, list[dict[str, object]]]
    tables: dict[str, pd.DataFrame] = field(repr=False)
    #: Links from the findings to their evidence in the text, by the finding's table.
    evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)
