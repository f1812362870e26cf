"""The legend of each layer: its categories, how they look, and how many each outlet has."""

from __future__ import annotations

import pandas as pd

from analysis.site.cells import ordered, per_outlet, pretty, slug
from analysis.site.data import (
    LAYERS,
    MISMATCH_STATUSES,
    NUMBER_STATUSES,
    QUOTE_KINDS,
    SENTENCE_STATUSES,
    VOICES,
)
from analysis.site.discrepancies import discrepancy_counts
from analysis.site.spans import Categories, number_look, quote_speaker, quote_tone
from analysis.site.view import Legend, LegendEntry

_HEADINGS = {key: (heading, table) for key, heading, table in LAYERS}


def _legend(
    layer: str, table: pd.DataFrame, entries: list[LegendEntry], outlets: tuple[str, ...]
) -> Legend:
    return Legend(layer, *_HEADINGS[layer], tuple(entries), per_outlet(table, outlets))


def quote_legend(quotes: pd.DataFrame, outlets: tuple[str, ...], speakers: Categories) -> Legend:
    """Quotes by speaker (then those with no speaker), then by kind of quote."""
    entries = []
    if not quotes.empty:
        who = quotes.apply(quote_speaker, axis=1)
        looks = [(s, s, f"q {speakers.classes[s]} qk-speech") for s in speakers.names]
        if (who == "").any():
            looks.append(("", "no speaker", "q qs-none qk-speech"))
        for speaker, label, css in looks:
            counts = per_outlet(quotes, outlets, who == speaker)
            entries.append(LegendEntry(f"speaker:{speaker}", label, css, counts, group="speaker"))
        kinds = quotes["kind"].astype(str)
        for kind in ordered(list(kinds), QUOTE_KINDS):
            entries.append(
                LegendEntry(
                    f"kind:{kind}",
                    f"{kind}",
                    f"q qs-none {quote_tone(kind)} legend-kind",
                    per_outlet(quotes, outlets, kinds == kind),
                    group="kind of quote",
                )
            )
        entries += attribution_entries(quotes, outlets)
    return _legend("quotes", quotes, entries, outlets)


def attribution_entries(quotes: pd.DataFrame, outlets: tuple[str, ...]) -> list[LegendEntry]:
    """The quotes whose source mention and cue verb are marked, per outlet."""
    parts = (
        ("part:source", "source (who is quoted)", "qsrc", "source", "the minister"),
        ("part:cue", "cue (the reporting verb)", "qcue", "cue", "said"),
    )
    entries = []
    for key, label, css, part, sample in parts:
        if f"{part}_start" not in quotes.columns or f"{part}_end" not in quotes.columns:
            continue
        start = pd.to_numeric(quotes[f"{part}_start"], errors="coerce")
        marked = (start >= 0) & (pd.to_numeric(quotes[f"{part}_end"], errors="coerce") > start)
        counts = per_outlet(quotes, outlets, marked)
        note = "marked with the quotes; point at a quote to outline its own"
        entries.append(LegendEntry(key, label, css, counts, note, "attribution part", sample))
    return entries


def label_legend(
    uses: pd.DataFrame,
    outlets: tuple[str, ...],
    families: Categories,
    discrepancies: pd.DataFrame | None = None,
) -> Legend:
    """Label uses by family and voice, with the family's terms; then the label discrepancies."""
    entries = []
    if not uses.empty:
        for family in families.names:
            for voice in ordered(list(uses["voice"].astype(str)), VOICES):
                mask = (uses["family"].astype(str) == family) & (uses["voice"].astype(str) == voice)
                if not mask.any():
                    continue
                terms = sorted(set(uses[mask]["term"].astype(str).str.lower()))
                entries.append(
                    LegendEntry(
                        f"{family}:{voice}",
                        f"{pretty(family)}, {voice}",
                        f"lab {families.classes[family]} lv-{slug(voice)}",
                        per_outlet(uses, outlets, mask),
                        note=", ".join(terms),
                    )
                )
    if discrepancies is not None and not discrepancies.empty:
        entries.append(
            LegendEntry(
                "discrepancy",
                "label discrepancy",
                "ld",
                discrepancy_counts(discrepancies, outlets),
                note="the same actor labelled from another family by another outlet",
                group="label discrepancy",
                sample="label",
            )
        )
    return _legend("labels", uses, entries, outlets)


def sentence_legend(status: pd.DataFrame, outlets: tuple[str, ...]) -> Legend:
    """Sentences by status: shared, partly shared, unique."""
    entries = []
    if not status.empty:
        states = status["status"].astype(str)
        for state in ordered(list(states), SENTENCE_STATUSES):
            counts = per_outlet(status, outlets, states == state)
            entries.append(LegendEntry(state, state, f"sent ss-{slug(state)}", counts))
    return _legend("sentences", status, entries, outlets)


def number_legend(numbers: pd.DataFrame, outlets: tuple[str, ...]) -> Legend:
    """Numbers by status, the mismatches across outlets noted."""
    entries = []
    if not numbers.empty:
        states = numbers["status"].astype(str)
        for state in ordered(list(states), NUMBER_STATUSES):
            note = "mismatch across outlets" if state in MISMATCH_STATUSES else ""
            counts = per_outlet(numbers, outlets, states == state)
            css = f"num ns-{number_look(state)}"
            entries.append(LegendEntry(state, state, css, counts, note=note, sample="12"))
    return _legend("numbers", numbers, entries, outlets)


def frame_legend(indicators: pd.DataFrame, outlets: tuple[str, ...], frames: Categories) -> Legend:
    """Frame indicators by frame, with the frame's questions (shown as the margin marker)."""
    entries = []
    if not indicators.empty:
        for frame in frames.names:
            mask = indicators["frame"].astype(str) == frame
            questions = sorted(set(indicators[mask]["question"].astype(str)))
            entries.append(
                LegendEntry(
                    frame,
                    pretty(frame),
                    f"marker {frames.classes[frame]}",
                    per_outlet(indicators, outlets, mask),
                    note=", ".join(questions),
                    sample=questions[0] if questions else frame[:1].upper(),
                )
            )
    return _legend("frames", indicators, entries, outlets)


def legends(
    tables: dict[str, pd.DataFrame],
    outlets: tuple[str, ...],
    speakers: Categories,
    families: Categories,
    frames: Categories,
) -> tuple[Legend, ...]:
    """The legends of the five layers, in the order of :data:`~analysis.site.data.LAYERS`."""
    return (
        quote_legend(tables["quotes"], outlets, speakers),
        label_legend(tables["label_uses"], outlets, families, tables["label_discrepancies"]),
        sentence_legend(tables["sentence_status"], outlets),
        number_legend(tables["numbers"], outlets),
        frame_legend(tables["frame_indicators"], outlets, frames),
    )
