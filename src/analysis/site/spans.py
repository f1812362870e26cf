"""The highlights of an article, one :class:`~analysis.site.view.Span` per row of a layer's table.

Speakers, label families and frames are *categories*: each gets a CSS class and a palette colour,
the most frequent first, so the same speaker has the same colour in every column of the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.site.cells import cell_text, pretty, slug
from analysis.site.data import MISMATCH_STATUSES, PALETTE
from analysis.site.view import Span


@dataclass(frozen=True)
class Categories:
    """The categories of a layer, most frequent first, each with its CSS class and colour."""

    names: tuple[str, ...]
    classes: dict[str, str]
    colours: dict[str, str]

    def colour_rules(self, variable: str) -> list[tuple[str, str, str]]:
        """(class, CSS variable, colour) of each category, for the page's style block."""
        return [(self.classes[name], variable, self.colours[name]) for name in self.names]


def categories(names: Iterable[str], prefix: str) -> Categories:
    """``names`` (ranked) with classes ``<prefix>-<rank>`` and the palette's colours in turn."""
    names = tuple(names)
    return Categories(
        names=names,
        classes={name: f"{prefix}-{index}" for index, name in enumerate(names)},
        colours={name: PALETTE[index % len(PALETTE)] for index, name in enumerate(names)},
    )


def by_frequency(values: Iterable[str]) -> list[str]:
    """The distinct ``values``, most frequent first, ties by name."""
    counts = Counter(values)
    return sorted(counts, key=lambda name: (-counts[name], name))


def quote_speaker(row: pd.Series) -> str:
    """Whose words a quote is: the linked event actor, else the speaker, else '' (no speaker)."""
    return cell_text(row.get("actor")) or cell_text(row.get("speaker"))


def quote_tone(kind: str) -> str:
    """CSS class of a quote kind: speech for direct and partial quotes, else the kind's own."""
    return "qk-speech" if kind in ("direct", "partial") else f"qk-{slug(kind)}"


def number_look(status: str) -> str:
    """CSS suffix of a number status: 'mismatch' for the statuses that differ across outlets."""
    return "mismatch" if status in MISMATCH_STATUSES else slug(status)


def _span(layer: str, row: pd.Series, ident: str, css: str, title: str, tag: str = "") -> Span:
    return Span(layer, int(row["start"]), int(row["end"]), ident, css, title, tag)


def quote_spans(quotes: pd.DataFrame, speakers: Categories) -> list[Span]:
    """One span per quote, coloured by its speaker and shaded by its kind."""
    spans = []
    for _, row in quotes.iterrows():
        speaker = quote_speaker(row)
        kind = cell_text(row.get("kind"))
        who = speaker or "no speaker"
        mention = cell_text(row.get("speaker_mention"))
        if mention and mention != speaker:
            who += f" ({mention})"
        verb = cell_text(row.get("verb"))
        title = f"{kind} quote · {who}" + (f" · verb: {verb}" if verb else "")
        css = f"{speakers.classes.get(speaker, 'qs-none')} {quote_tone(kind)}"
        spans.append(_span("quotes", row, str(row["quote"]), css, title))
    return spans


def offsets(row: pd.Series, start: str, end: str) -> tuple[int, int] | None:
    """The span ``row[start]:row[end]`` when both are there and it is not empty (-1: absent)."""
    begin, finish = row.get(start), row.get(end)
    if begin is None or finish is None or pd.isna(begin) or pd.isna(finish):
        return None
    begin, finish = int(begin), int(finish)
    return (begin, finish) if 0 <= begin < finish else None


def attribution_spans(quotes: pd.DataFrame) -> list[Span]:
    """The source mention and the cue of each quote, where found: the source and cue of Pareti's
    (2016, "PARC 3.0") source–cue–content triple, with the quote's id so the page links them."""
    spans = []
    for _, row in quotes.iterrows():
        who = quote_speaker(row) or "no speaker"
        kind, verb = cell_text(row.get("kind")), cell_text(row.get("verb")) or "?"
        parts = (
            ("sources", "source_start", "source_end", f"source of the {kind} quote · {who}"),
            ("cues", "cue_start", "cue_end", f"cue of the {kind} quote · verb: {verb} · {who}"),
        )
        for layer, start, end, title in parts:
            found = offsets(row, start, end)
            if found is not None:
                spans.append(Span(layer, *found, str(row["quote"]), "", title))
    return spans


def label_spans(uses: pd.DataFrame, families: Categories) -> list[Span]:
    """One span per label use, coloured by its family and styled by its voice."""
    spans = []
    ordered = uses.sort_values(["start", "end", "family"], kind="stable") if len(uses) else uses
    for index, (_, row) in enumerate(ordered.iterrows()):
        family, voice = str(row["family"]), str(row["voice"])
        title = f"label: {pretty(family)} · {voice} · “{cell_text(row.get('term'))}”"
        css = f"{families.classes[family]} lv-{slug(voice)}"
        spans.append(_span("labels", row, str(index), css, title))
    return spans


def number_spans(numbers: pd.DataFrame) -> list[Span]:
    """One span per number, marked by whether the other outlets report it alike."""
    spans = []
    for _, row in numbers.iterrows():
        status = cell_text(row.get("status"))
        counted = cell_text(row.get("counted"))
        title = f"number “{cell_text(row.get('text'))}”" + (f" ({counted})" if counted else "")
        title += f" · {status}"
        spans.append(_span("numbers", row, str(row["number"]), f"ns-{number_look(status)}", title))
    return spans


def frame_spans(indicators: pd.DataFrame, frames: Categories) -> list[Span]:
    """One span per frame indicator, coloured by its frame, tagged for the margin marker."""
    spans = []
    ordered = (
        indicators.sort_values(["start", "end", "frame", "indicator"], kind="stable")
        if len(indicators)
        else indicators
    )
    for index, (_, row) in enumerate(ordered.iterrows()):
        frame = str(row["frame"])
        title = (
            f"frame: {pretty(frame)} · {cell_text(row.get('question'))} "
            f"{pretty(cell_text(row.get('indicator')))} · “{cell_text(row.get('cue'))}”"
        )
        tag = pretty(cell_text(row.get("indicator")) or frame)  # a readable chip: "hostility"
        spans.append(_span("frames", row, str(index), frames.classes[frame], title, tag))
    return spans
