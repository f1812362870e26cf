"""What the reader's site shows of one event, read from its processed tables and nothing else.

Every highlight is a span (``start``/``end``: offsets into ``clean/<article>.txt``) of one layer:

* ``quotes`` (``quotes.csv``): quotations and reported speech, coloured by speaking actor;
* ``labels`` (``label_uses.csv``): label families, the outlet's own narration told apart from quotes;
* ``numbers`` (``numbers.csv``): quantities, marked by whether the other outlets report them alike;
* ``frames`` (``frame_indicators.csv``): frame cues, in the text and as markers in the margin;
* ``sentences`` (``sentence_status.csv`` + ``alignment.csv``): shared / partly shared / unique
  sentences, each with its counterparts in the other outlets.

Spans may overlap or nest (a partial quote inside reported speech, two frame cues on one word). The text
of a block is cut at every span, sentence and block boundary; each piece (a *segment*) carries the ids of
every span covering it, and is coloured by the innermost span of each layer. So the markup nests
correctly whatever the overlaps, and the number of distinct ids per layer equals the rows of its table.
Missing tables give empty layers. Everything is sorted, so the page is byte-identical on every run.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.figures import OKABE_ITO, outlet_colours

#: Layers in display order: (key, heading, table the highlights come from).
LAYERS: tuple[tuple[str, str, str], ...] = (
    ("quotes", "Quotes by speaker", "quotes.csv"),
    ("labels", "Label families", "label_uses.csv"),
    ("sentences", "Shared and unique sentences", "sentence_status.csv"),
    ("numbers", "Numbers", "numbers.csv"),
    ("frames", "Frame indicators", "frame_indicators.csv"),
)

QUOTE_KINDS = ("direct", "partial", "indirect", "scare", "gloss", "echo")
VOICES = ("narration", "quoted")
SENTENCE_STATUSES = ("shared", "partly shared", "unique")
NUMBER_STATUSES = ("reported alike", "different value", "different description", "one outlet only")
#: Number statuses that mark a mismatch between outlets.
MISMATCH_STATUSES = ("different value", "different description")

#: Colours for speakers, label families and frames: Okabe & Ito (2008), black last.
PALETTE: tuple[str, ...] = tuple(
    OKABE_ITO[name]
    for name in (
        "orange",
        "sky blue",
        "bluish green",
        "yellow",
        "blue",
        "vermillion",
        "reddish purple",
        "black",
    )
)
NO_SPEAKER_COLOUR = "#BBBBBB"


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


@dataclass(frozen=True)
class Segment:
    """A piece of text with the same covering spans throughout."""

    text: str
    classes: str
    data: tuple[tuple[str, str], ...]
    title: str


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


TABLES = (
    "articles",
    "blocks",
    "sentences",
    "quotes",
    "label_uses",
    "labels",
    "sentence_status",
    "alignment",
    "coverage",
    "numbers",
    "numbers_side_by_side",
    "frame_indicators",
    "frame_profile",
    "speakers",
)


def read_tables(folder: Path | str) -> dict[str, pd.DataFrame]:
    """The processed tables of one event by name; a missing table is an empty frame."""
    folder = Path(folder)
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if path.is_file() and path.stat().st_size:
            tables[name] = pd.read_csv(path, keep_default_na=False, na_values=[])
        else:
            tables[name] = pd.DataFrame()
    return tables


def has_event(folder: Path | str) -> bool:
    """Whether ``folder`` holds the clean layer of an event (enough for a page)."""
    folder = Path(folder)
    return all((folder / f"{name}.csv").is_file() for name in ("articles", "blocks"))


def _rows(table: pd.DataFrame, article: str) -> pd.DataFrame:
    if table.empty or "article" not in table.columns:
        return table.iloc[0:0]
    return table[table["article"].astype(str) == article]


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _pretty(name: str) -> str:
    return name.replace("_", " ")


def _ordered(values: list[str], known: tuple[str, ...]) -> list[str]:
    """``known`` values first in their order, then any others sorted."""
    return [v for v in known if v in values] + sorted(v for v in set(values) if v not in known)


def _slug(value: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in value.lower()).strip("-") or "x"


def _by_frequency(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda name: (-counts[name], name))


def _colours(names: list[str]) -> dict[str, str]:
    return {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(names)}


def quote_speaker(row: pd.Series) -> str:
    """Whose words a quote is: the linked event actor, else the speaker, else '' (no speaker)."""
    return _text(row.get("actor")) or _text(row.get("speaker"))


def event_view(event_id: str, folder: Path | str) -> EventView:
    """Read the processed tables of ``event_id`` from ``folder`` and lay the page out."""
    folder = Path(folder)
    tables = read_tables(folder)
    articles = tables["articles"].sort_values(["outlet", "article"], kind="stable")
    outlets = tuple(sorted(set(articles["outlet"].astype(str))))
    article_ids = {str(a): f"a{i}" for i, a in enumerate(articles["article"].astype(str))}

    quotes, uses = tables["quotes"], tables["label_uses"]
    numbers, indicators = tables["numbers"], tables["frame_indicators"]
    speaker_counts = Counter(quote_speaker(row) for _, row in quotes.iterrows())
    speakers = [s for s in _by_frequency(speaker_counts) if s]
    speaker_colour = _colours(speakers)
    speaker_class = {s: f"qs-{i}" for i, s in enumerate(speakers)}
    family_counts = Counter(uses["family"].astype(str)) if not uses.empty else Counter()
    families = _by_frequency(family_counts)
    family_colour = _colours(families)
    family_class = {f: f"lf-{i}" for i, f in enumerate(families)}
    frame_counts = Counter(indicators["frame"].astype(str)) if not indicators.empty else Counter()
    frames = _by_frequency(frame_counts)
    frame_colour = _colours(frames)
    frame_class = {f: f"fr-{i}" for i, f in enumerate(frames)}

    colour_rules = tuple(
        [(speaker_class[s], "--q", speaker_colour[s]) for s in speakers]
        + [(family_class[f], "--lab", family_colour[f]) for f in families]
        + [(frame_class[f], "--fr", frame_colour[f]) for f in frames]
    )

    counterparts = _counterparts(tables["alignment"], article_ids)
    status = _statuses(tables)
    colours = outlet_colours(outlets)
    columns = []
    for outlet in outlets:
        rows = articles[articles["outlet"].astype(str) == outlet]
        laid_out = []
        for _, meta in rows.iterrows():
            article = str(meta["article"])
            text = clean_text(folder, article, _rows(tables["blocks"], article))
            spans = (
                _quote_spans(_rows(quotes, article), speaker_class)
                + _label_spans(_rows(uses, article), family_class)
                + _number_spans(_rows(numbers, article))
                + _frame_spans(_rows(indicators, article), frame_class)
            )
            dom_id = article_ids[article]
            blocks = _blocks(
                text,
                _rows(tables["blocks"], article),
                _rows(tables["sentences"], article),
                spans,
                status,
                counterparts,
                dom_id,
                article,
            )
            laid_out.append(
                Article(
                    dom_id=dom_id,
                    article=article,
                    outlet=outlet,
                    date=_text(meta.get("date")),
                    headline=_text(meta.get("headline")),
                    opening=_opening(_rows(tables["sentences"], article)),
                    language=_text(meta.get("language")),
                    original_language=_text(meta.get("original_language")),
                    blocks=blocks,
                )
            )
        columns.append(Column(outlet, colours[outlet], tuple(laid_out)))

    legends = _legends(
        tables, outlets, speakers, speaker_class, families, family_class, frames, frame_class
    )
    return EventView(
        event_id=event_id,
        outlets=outlets,
        columns=tuple(columns),
        legends=legends,
        colour_rules=colour_rules,
        counterparts=counterparts,
        tables=tables,
    )


def clean_text(folder: Path, article: str, blocks: pd.DataFrame) -> str:
    """The clean text of an article; rebuilt from its blocks (same offsets) if the file is missing."""
    path = folder / "clean" / f"{article}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    size = int(blocks["end"].max()) if len(blocks) else 0
    chars = [" "] * size
    for block in blocks.itertuples():
        chars[int(block.start) : int(block.end)] = str(block.text)
    return "".join(chars)


def _opening(sentences: pd.DataFrame) -> str:
    """The first sentence of an article (shown where the article has no headline)."""
    if sentences.empty:
        return ""
    return _text(sentences.sort_values("start", kind="stable").iloc[0]["text"])


def _statuses(tables: dict[str, pd.DataFrame]) -> dict[tuple[str, int], str]:
    table = tables["sentence_status"]
    if table.empty:
        return {}
    return {
        (str(row.article), int(row.sentence)): str(row.status)
        for row in table[["article", "sentence", "status"]].itertuples()
    }


def _counterparts(
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
                "terms": _text(row.shared_terms).replace(";", ", "),
            }
        )
    return dict(sorted(found.items()))


def _quote_spans(quotes: pd.DataFrame, speaker_class: dict[str, str]) -> list[Span]:
    spans = []
    for _, row in quotes.iterrows():
        speaker = quote_speaker(row)
        kind = _text(row.get("kind"))
        colour = speaker_class.get(speaker, "qs-none")
        tone = "qk-speech" if kind in ("direct", "partial") else f"qk-{_slug(kind)}"
        who = speaker or "no speaker"
        mention = _text(row.get("speaker_mention"))
        if mention and mention != speaker:
            who += f" ({mention})"
        verb = _text(row.get("verb"))
        title = f"{kind} quote · {who}" + (f" · verb: {verb}" if verb else "")
        spans.append(
            Span(
                "quotes",
                int(row["start"]),
                int(row["end"]),
                str(row["quote"]),
                f"{colour} {tone}",
                title,
            )
        )
    return spans


def _label_spans(uses: pd.DataFrame, family_class: dict[str, str]) -> list[Span]:
    spans = []
    ordered = uses.sort_values(["start", "end", "family"], kind="stable") if len(uses) else uses
    for index, (_, row) in enumerate(ordered.iterrows()):
        family, voice = str(row["family"]), str(row["voice"])
        title = f"label: {_pretty(family)} · {voice} · “{_text(row.get('term'))}”"
        css = f"{family_class[family]} lv-{_slug(voice)}"
        spans.append(Span("labels", int(row["start"]), int(row["end"]), str(index), css, title))
    return spans


def _number_spans(numbers: pd.DataFrame) -> list[Span]:
    spans = []
    for _, row in numbers.iterrows():
        status = _text(row.get("status"))
        kind = "mismatch" if status in MISMATCH_STATUSES else _slug(status)
        counted = _text(row.get("counted"))
        title = f"number “{_text(row.get('text'))}”" + (f" ({counted})" if counted else "")
        title += f" · {status}"
        spans.append(
            Span(
                "numbers",
                int(row["start"]),
                int(row["end"]),
                str(row["number"]),
                f"ns-{kind}",
                title,
            )
        )
    return spans


def _frame_spans(indicators: pd.DataFrame, frame_class: dict[str, str]) -> list[Span]:
    spans = []
    ordered = (
        indicators.sort_values(["start", "end", "frame", "indicator"], kind="stable")
        if len(indicators)
        else indicators
    )
    for index, (_, row) in enumerate(ordered.iterrows()):
        frame = str(row["frame"])
        title = (
            f"frame: {_pretty(frame)} · {_text(row.get('question'))} "
            f"{_pretty(_text(row.get('indicator')))} · “{_text(row.get('cue'))}”"
        )
        tag = _text(row.get("question")) or frame[:1].upper()
        spans.append(
            Span(
                "frames",
                int(row["start"]),
                int(row["end"]),
                str(index),
                frame_class[frame],
                title,
                tag,
            )
        )
    return spans


_LAYER_ATTR = {"quotes": "q", "labels": "lab", "numbers": "num", "frames": "fr"}


def _segment(text: str, covering: list[Span]) -> Segment:
    """A segment's classes: each covering layer, plus the look of its innermost span."""
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
    return Segment(text, " ".join(classes), tuple(data), "\n".join(titles))


def _blocks(
    text: str,
    blocks: pd.DataFrame,
    sentences: pd.DataFrame,
    spans: list[Span],
    status: dict[tuple[str, int], str],
    counterparts: dict[str, list[dict[str, object]]],
    dom_id: str,
    article: str,
) -> tuple[Block, ...]:
    """Cut each block at every boundary and group its segments by sentence."""
    bounds = sorted((int(r.start), int(r.end), int(r.sentence)) for r in sentences.itertuples())
    cuts = {0, len(text)}
    for span in spans:
        cuts |= {span.start, span.end}
    for start, end, _ in bounds:
        cuts |= {start, end}

    def sentence_of(start: int, end: int) -> tuple[int, int, int] | None:
        return next((s for s in bounds if s[0] <= start and s[1] >= end), None)

    def sentence(index: int, segments: list[Segment]) -> Sentence:
        state = status.get((article, index), "")
        dom = f"{dom_id}-s{index}"
        n = len(counterparts.get(dom, []))
        title = f"sentence {index}" + (f" · {state}" if state else "")
        if n:
            title += f" · {n} counterpart{'s' if n != 1 else ''}"
        css = f"ss-{_slug(state)}" if state else ""
        return Sentence(dom, index, state, css, title, tuple(segments))

    result = []
    for block in blocks.sort_values("start", kind="stable").itertuples():
        b_start, b_end = int(block.start), int(block.end)
        points = sorted({b_start, b_end} | {c for c in cuts if b_start < c < b_end})
        grouped: list[tuple[tuple[int, int, int] | None, list[Segment]]] = []
        for a, b in itertools.pairwise(points):
            segment = _segment(text[a:b], [s for s in spans if s.start <= a and s.end >= b])
            owner = sentence_of(a, b)
            if owner is None or not grouped or grouped[-1][0] != owner:
                grouped.append((owner, []))
            grouped[-1][1].append(segment)
        runs = tuple(
            Run(sentence=sentence(owner[2], segments))
            if owner is not None
            else Run(segment=segments[0])
            for owner, segments in grouped
        )
        in_block = sorted(
            (s for s in spans if s.layer == "frames" and b_start <= s.start < b_end),
            key=lambda s: (s.start, s.end, s.ident),
        )
        markers = tuple(
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
        result.append(Block(str(block.kind), runs, markers))
    return tuple(result)


def _per_outlet(
    table: pd.DataFrame, outlets: tuple[str, ...], mask: pd.Series | None = None
) -> tuple[int, ...]:
    if table.empty:
        return tuple(0 for _ in outlets)
    selected = table if mask is None else table[mask]
    counts = Counter(selected["outlet"].astype(str))
    return tuple(counts.get(outlet, 0) for outlet in outlets)


def _legends(
    tables: dict[str, pd.DataFrame],
    outlets: tuple[str, ...],
    speakers: list[str],
    speaker_class: dict[str, str],
    families: list[str],
    family_class: dict[str, str],
    frames: list[str],
    frame_class: dict[str, str],
) -> tuple[Legend, ...]:
    headings = {key: (heading, table) for key, heading, table in LAYERS}
    legends = []

    quotes = tables["quotes"]
    entries = []
    if not quotes.empty:
        who = quotes.apply(quote_speaker, axis=1)
        for speaker in speakers:
            entries.append(
                LegendEntry(
                    f"speaker:{speaker}",
                    speaker,
                    f"q {speaker_class[speaker]} qk-speech",
                    _per_outlet(quotes, outlets, who == speaker),
                    group="speaker",
                )
            )
        if (who == "").any():
            entries.append(
                LegendEntry(
                    "speaker:",
                    "no speaker",
                    "q qs-none qk-speech",
                    _per_outlet(quotes, outlets, who == ""),
                    group="speaker",
                )
            )
        kinds = quotes["kind"].astype(str)
        for kind in _ordered(list(kinds), QUOTE_KINDS):
            tone = "qk-speech" if kind in ("direct", "partial") else f"qk-{_slug(kind)}"
            entries.append(
                LegendEntry(
                    f"kind:{kind}",
                    f"{kind}",
                    f"q qs-none {tone} legend-kind",
                    _per_outlet(quotes, outlets, kinds == kind),
                    group="kind of quote",
                )
            )
    legends.append(
        Legend("quotes", *headings["quotes"], tuple(entries), _per_outlet(quotes, outlets))
    )

    uses = tables["label_uses"]
    entries = []
    if not uses.empty:
        for family in families:
            for voice in _ordered(list(uses["voice"].astype(str)), VOICES):
                mask = (uses["family"].astype(str) == family) & (uses["voice"].astype(str) == voice)
                if not mask.any():
                    continue
                terms = sorted(set(uses[mask]["term"].astype(str).str.lower()))
                entries.append(
                    LegendEntry(
                        f"{family}:{voice}",
                        f"{_pretty(family)}, {voice}",
                        f"lab {family_class[family]} lv-{_slug(voice)}",
                        _per_outlet(uses, outlets, mask),
                        note=", ".join(terms),
                    )
                )
    legends.append(
        Legend("labels", *headings["labels"], tuple(entries), _per_outlet(uses, outlets))
    )

    status = tables["sentence_status"]
    entries = []
    if not status.empty:
        states = status["status"].astype(str)
        for state in _ordered(list(states), SENTENCE_STATUSES):
            entries.append(
                LegendEntry(
                    state,
                    state,
                    f"sent ss-{_slug(state)}",
                    _per_outlet(status, outlets, states == state),
                )
            )
    legends.append(
        Legend("sentences", *headings["sentences"], tuple(entries), _per_outlet(status, outlets))
    )

    numbers = tables["numbers"]
    entries = []
    if not numbers.empty:
        states = numbers["status"].astype(str)
        for state in _ordered(list(states), NUMBER_STATUSES):
            kind = "mismatch" if state in MISMATCH_STATUSES else _slug(state)
            entries.append(
                LegendEntry(
                    state,
                    state,
                    f"num ns-{kind}",
                    _per_outlet(numbers, outlets, states == state),
                    note="mismatch across outlets" if state in MISMATCH_STATUSES else "",
                    sample="12",
                )
            )
    legends.append(
        Legend("numbers", *headings["numbers"], tuple(entries), _per_outlet(numbers, outlets))
    )

    indicators = tables["frame_indicators"]
    entries = []
    if not indicators.empty:
        for frame in frames:
            mask = indicators["frame"].astype(str) == frame
            questions = sorted(set(indicators[mask]["question"].astype(str)))
            entries.append(
                LegendEntry(
                    frame,
                    _pretty(frame),
                    f"marker {frame_class[frame]}",
                    _per_outlet(indicators, outlets, mask),
                    note=", ".join(questions),
                    sample=questions[0] if questions else frame[:1].upper(),
                )
            )
    legends.append(
        Legend("frames", *headings["frames"], tuple(entries), _per_outlet(indicators, outlets))
    )
    return tuple(legends)


def figures(event_id: str, reports_root: Path | str = config.REPORTS) -> list[dict[str, str]]:
    """The figures of an event (SVG, with the PNG beside it when there), sorted by name."""
    folder = config.report_dir(event_id, Path(reports_root)) / "figures"
    if not folder.is_dir():
        return []
    found = []
    for svg in sorted(folder.glob("*.svg")):
        png = svg.with_suffix(".png")
        found.append(
            {
                "name": svg.stem,
                "title": _pretty(svg.stem).capitalize(),
                "svg": f"figures/{svg.name}",
                "png": f"figures/{png.name}" if png.is_file() else "",
            }
        )
    return found


def notebooks(event_id: str, reports_root: Path | str = config.REPORTS) -> list[dict[str, str]]:
    """The executed notebooks' HTML of an event: one entry per notebook, with and without code."""
    folder = config.report_dir(event_id, Path(reports_root))
    if not folder.is_dir():
        return []
    stems = sorted(
        {
            path.name.removesuffix(".nocode.html").removesuffix(".html")
            for path in folder.glob("*.html")
            if path.name != "index.html"
        }
    )
    found = []
    for stem in stems:
        code, nocode = folder / f"{stem}.html", folder / f"{stem}.nocode.html"
        found.append(
            {
                "name": stem,
                "title": _pretty(stem.split("_", 1)[-1]).capitalize(),
                "html": code.name if code.is_file() else "",
                "nocode": nocode.name if nocode.is_file() else "",
            }
        )
    return found
