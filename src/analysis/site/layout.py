"""The event page laid out: each article's blocks cut into sentences and segments under its spans.

The text of a block is cut at every span, sentence and block boundary; each piece (a *segment*)
carries the ids of every span covering it and is coloured by the innermost span of each layer, so
the markup nests correctly whatever the overlaps. Frame indicators also stand as markers in their
block's margin.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.figures import outlet_colours
from analysis.site.cells import cell_text, slug
from analysis.site.data import clean_text, read_tables
from analysis.site.discrepancies import TABLE as DISCREPANCY_TABLE
from analysis.site.discrepancies import discrepancy_marks
from analysis.site.legends import legends
from analysis.site.spans import (
    Categories,
    attribution_spans,
    by_frequency,
    categories,
    frame_spans,
    label_spans,
    number_spans,
    quote_spans,
    quote_speaker,
)
from analysis.site.view import (
    Article,
    Block,
    Column,
    EventView,
    Marker,
    Run,
    Segment,
    Sentence,
    Span,
)

#: Layers marked on a segment, with the short name of their class and data attribute.
_LAYER_ATTR = {
    "quotes": "q",
    "sources": "qsrc",
    "cues": "qcue",
    "labels": "lab",
    "discrepancies": "ld",
    "numbers": "num",
    "frames": "fr",
}

#: A sentence's bounds in its article's clean text: (start, end, sentence number).
Bounds = tuple[int, int, int]


@dataclass(frozen=True)
class _Page:
    """What every article of the page needs: DOM ids, statuses, counterparts, categories."""

    article_ids: dict[str, str]
    status: dict[tuple[str, int], str]
    counterparts: dict[str, list[dict[str, object]]]
    speakers: Categories
    families: Categories
    frames: Categories
    marks: dict[str, list[Span]]  # label discrepancy marks by article


def rows_of(table: pd.DataFrame, article: str) -> pd.DataFrame:
    """The rows of ``table`` about ``article`` (none if the table has no ``article`` column)."""
    if table.empty or "article" not in table.columns:
        return table.iloc[0:0]
    return table[table["article"].astype(str) == article]


def event_view(event_id: str, folder: Path | str) -> EventView:
    """Read the processed tables of ``event_id`` from ``folder`` and lay the page out."""
    folder = Path(folder)
    tables = read_tables(folder)
    articles = tables["articles"].sort_values(["outlet", "article"], kind="stable")
    outlets = tuple(sorted(set(articles["outlet"].astype(str))))
    article_ids = {str(a): f"a{i}" for i, a in enumerate(articles["article"].astype(str))}
    quotes, uses = tables["quotes"], tables["label_uses"]
    indicators = tables["frame_indicators"]
    speakers = [s for s in by_frequency(quote_speaker(row) for _, row in quotes.iterrows()) if s]
    marks, evidence = discrepancy_marks(
        tables["label_discrepancies"], tables["sentences"], article_ids
    )
    page = _Page(
        article_ids=article_ids,
        status=statuses(tables["sentence_status"]),
        counterparts=counterparts(tables["alignment"], article_ids),
        speakers=categories(speakers, "qs"),
        families=categories(by_frequency(_column(uses, "family")), "lf"),
        frames=categories(by_frequency(_column(indicators, "frame")), "fr"),
        marks=marks,
    )
    colours = outlet_colours(outlets)
    columns = []
    for outlet in outlets:
        rows = articles[articles["outlet"].astype(str) == outlet]
        laid_out = tuple(_article(folder, tables, page, meta) for _, meta in rows.iterrows())
        columns.append(Column(outlet, colours[outlet], laid_out))
    return EventView(
        event_id=event_id,
        outlets=outlets,
        columns=tuple(columns),
        legends=legends(tables, outlets, page.speakers, page.families, page.frames),
        colour_rules=tuple(
            page.speakers.colour_rules("--q")
            + page.families.colour_rules("--lab")
            + page.frames.colour_rules("--fr")
        ),
        counterparts=page.counterparts,
        tables=tables,
        evidence={DISCREPANCY_TABLE: evidence} if evidence else {},
    )


def _column(table: pd.DataFrame, name: str) -> list[str]:
    return list(table[name].astype(str)) if not table.empty else []


def _article(
    folder: Path, tables: dict[str, pd.DataFrame], page: _Page, meta: pd.Series
) -> Article:
    """One article of an outlet's column: its metadata and its blocks under its spans."""
    article = str(meta["article"])
    blocks, sentences = rows_of(tables["blocks"], article), rows_of(tables["sentences"], article)
    spans = (
        quote_spans(rows_of(tables["quotes"], article), page.speakers)
        + attribution_spans(rows_of(tables["quotes"], article))
        + label_spans(rows_of(tables["label_uses"], article), page.families)
        + number_spans(rows_of(tables["numbers"], article))
        + frame_spans(rows_of(tables["frame_indicators"], article), page.frames)
        + page.marks.get(article, [])
    )
    return Article(
        dom_id=page.article_ids[article],
        article=article,
        outlet=str(meta["outlet"]),
        date=cell_text(meta.get("date")),
        headline=cell_text(meta.get("headline")),
        opening=opening(sentences),
        language=cell_text(meta.get("language")),
        original_language=cell_text(meta.get("original_language")),
        blocks=_blocks(
            clean_text(folder, article, blocks), blocks, sentences, spans, page, article
        ),
    )


def opening(sentences: pd.DataFrame) -> str:
    """The first sentence of an article (shown where the article has no headline)."""
    if sentences.empty:
        return ""
    return cell_text(sentences.sort_values("start", kind="stable").iloc[0]["text"])


def statuses(sentence_status: pd.DataFrame) -> dict[tuple[str, int], str]:
    """The status (shared, partly shared, unique) of each (article, sentence)."""
    if sentence_status.empty:
        return {}
    return {
        (str(row.article), int(row.sentence)): str(row.status)
        for row in sentence_status[["article", "sentence", "status"]].itertuples()
    }


def counterparts(
    alignment: pd.DataFrame, article_ids: dict[str, str]
) -> dict[str, list[dict[str, object]]]:
    """For each aligned sentence (by DOM id), its counterparts, most similar first."""
    if alignment.empty:
        return {}
    found: dict[str, list[dict[str, object]]] = {}
    ordered = alignment.sort_values(
        ["article", "sentence", "similarity", "other_article", "other_sentence"],
        ascending=[True, True, False, True, True],
        kind="stable",
    )
    for row in ordered.itertuples():
        source, other = str(row.article), str(row.other_article)
        if source not in article_ids or other not in article_ids:
            continue
        key = f"{article_ids[source]}-s{int(row.sentence)}"
        found.setdefault(key, []).append(
            {
                "id": f"{article_ids[other]}-s{int(row.other_sentence)}",
                "outlet": str(row.other_outlet),
                "sentence": int(row.other_sentence),
                "similarity": round(float(row.similarity), 3),
                "terms": cell_text(row.shared_terms).replace(";", ", "),
            }
        )
    return dict(sorted(found.items()))


def _segment(text: str, start: int, covering: list[Span]) -> Segment:
    """A segment's classes: each covering layer, plus the look of its innermost span; the anchors
    of the spans that begin at ``start``."""
    classes: list[str] = []
    data: list[tuple[str, str]] = []
    titles: list[str] = []
    for layer, attr in _LAYER_ATTR.items():
        spans = sorted(
            (s for s in covering if s.layer == layer),
            key=lambda s: (s.end - s.start, s.start, s.ident),
        )
        if not spans:
            continue
        classes += [attr, *spans[0].css.split()]
        ordered = sorted(spans, key=lambda s: (s.start, s.end, s.ident))
        data.append((attr, " ".join(s.ident for s in ordered)))
        titles += [s.title for s in ordered]
    anchors = tuple(s.anchor for s in covering if s.anchor and s.start == start)
    return Segment(text, " ".join(classes), tuple(data), "\n".join(titles), anchors)


def _sentence(page: _Page, article: str, index: int, segments: list[Segment]) -> Sentence:
    """Sentence ``index`` of ``article``: its status, its counterparts' count, its segments."""
    state = page.status.get((article, index), "")
    dom = f"{page.article_ids[article]}-s{index}"
    n = len(page.counterparts.get(dom, []))
    title = f"sentence {index}" + (f" · {state}" if state else "")
    if n:
        title += f" · {n} counterpart{'s' if n != 1 else ''}"
    css = f"ss-{slug(state)}" if state else ""
    return Sentence(dom, index, state, css, title, tuple(segments))


def _runs(
    text: str, points: list[int], spans: list[Span], bounds: list[Bounds]
) -> list[tuple[Bounds | None, list[Segment]]]:
    """The segments between consecutive cut ``points``, grouped by the sentence holding them.

    One sweep over the points (sorted; every span and sentence boundary is a point): the spans and
    sentences covering a segment are those open at its start, so the cost is linear in the number of
    points plus the spans open at each, not points × spans (quadratic in article length).
    """
    grouped: list[tuple[Bounds | None, list[Segment]]] = []
    span_order = sorted(range(len(spans)), key=lambda i: spans[i].start)
    bound_order = sorted(range(len(bounds)), key=lambda i: bounds[i][0])
    open_spans: dict[int, Span] = {}
    open_bounds: dict[int, Bounds] = {}
    next_span = next_bound = 0
    for a, b in itertools.pairwise(points):
        while next_span < len(span_order) and spans[span_order[next_span]].start <= a:
            open_spans[span_order[next_span]] = spans[span_order[next_span]]
            next_span += 1
        while next_bound < len(bound_order) and bounds[bound_order[next_bound]][0] <= a:
            open_bounds[bound_order[next_bound]] = bounds[bound_order[next_bound]]
            next_bound += 1
        for key in [key for key, span in open_spans.items() if span.end < b]:
            del open_spans[key]
        for key in [key for key, bound in open_bounds.items() if bound[1] < b]:
            del open_bounds[key]
        covering = [open_spans[key] for key in sorted(open_spans)]  # in the order given
        segment = _segment(text[a:b], a, covering)
        owner = open_bounds[min(open_bounds)] if open_bounds else None  # the first in order
        if owner is None or not grouped or grouped[-1][0] != owner:
            grouped.append((owner, []))
        grouped[-1][1].append(segment)
    return grouped


def _markers(
    spans: list[Span], bounds: list[Bounds], start: int, end: int, dom_id: str
) -> tuple[Marker, ...]:
    """The frame indicators starting in ``[start, end)``, as margin markers."""
    in_block = sorted(
        (s for s in spans if s.layer == "frames" and start <= s.start < end),
        key=lambda s: (s.start, s.end, s.ident),
    )
    return tuple(
        Marker(
            ident=span.ident,
            label=span.tag,
            css=span.css,
            title=span.title,
            sentence_id=next(
                (f"{dom_id}-s{s[2]}" for s in bounds if s[0] <= span.start < s[1]), ""
            ),
        )
        for span in in_block
    )


class _Carry:
    """Items sorted by start, handed out block by block (blocks in text order): each call returns
    the items overlapping ``[start, end)`` in their original order, in time linear over all calls
    (an item is carried to the next block only while it reaches past the current one)."""

    def __init__(self, items: list, starts: list[int], order: list[int]) -> None:
        self.items, self.starts, self.order = items, starts, order
        self.next = 0
        self.carried: list[tuple[int, object]] = []

    def overlapping(self, start: int, end: int, end_of) -> list:
        while self.next < len(self.items) and self.starts[self.next] < end:
            self.carried.append((self.order[self.next], self.items[self.next]))
            self.next += 1
        near = sorted(
            (pair for pair in self.carried if end_of(pair[1]) > start), key=lambda p: p[0]
        )
        self.carried = [pair for pair in self.carried if end_of(pair[1]) > end]
        return [item for _, item in near]


def _blocks(
    text: str,
    blocks: pd.DataFrame,
    sentences: pd.DataFrame,
    spans: list[Span],
    page: _Page,
    article: str,
) -> tuple[Block, ...]:
    """Cut each block at every boundary and group its segments by sentence."""
    bounds = sorted((int(r.start), int(r.end), int(r.sentence)) for r in sentences.itertuples())
    cuts = {0, len(text)}
    for span in spans:
        cuts |= {span.start, span.end}
    for start, end, _ in bounds:
        cuts |= {start, end}
    ordered_cuts = sorted(cuts)
    by_start = sorted(range(len(spans)), key=lambda i: spans[i].start)
    span_starts = [spans[i].start for i in by_start]
    span_carry = _Carry([spans[i] for i in by_start], span_starts, by_start)
    bound_carry = _Carry(bounds, [bound[0] for bound in bounds], list(range(len(bounds))))
    result = []
    for block in blocks.sort_values("start", kind="stable").itertuples():
        b_start, b_end = int(block.start), int(block.end)
        inner = ordered_cuts[bisect_right(ordered_cuts, b_start) : bisect_left(ordered_cuts, b_end)]
        points = sorted({b_start, b_end, *inner})
        near = span_carry.overlapping(b_start, b_end, lambda span: span.end)
        near_bounds = bound_carry.overlapping(b_start, b_end, lambda bound: bound[1])
        runs = tuple(
            Run(sentence=_sentence(page, article, owner[2], segments))
            if owner is not None
            else Run(segment=segments[0])
            for owner, segments in _runs(text, points, near, near_bounds)
        )
        starting = [
            spans[i]
            for i in by_start[bisect_left(span_starts, b_start) : bisect_left(span_starts, b_end)]
        ]
        markers = _markers(starting, near_bounds, b_start, b_end, page.article_ids[article])
        result.append(Block(str(block.kind), runs, markers))
    return tuple(result)
