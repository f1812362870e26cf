"""Generic news frames as sentence-level dictionary indicators, and a frame profile per outlet.

Semetko & Valkenburg (2000, "Framing European politics: a content analysis of press and television
news", Journal of Communication 50(2)) measure five generic frames (attribution of responsibility,
conflict, human interest, economic consequences, morality) with 20 yes/no questions that coders answer
for a whole story. The codebook ``codebooks/generic_frames.yaml`` translates each question into explicit
lexical cues (regular expressions) and tags every cue with the question it stands for; a question that
no text cue can stand for (visual information) is listed as not operationalised. An optional second
section holds a few policy frames of Boydstun et al. (2014, the Policy Frames Codebook).

:func:`frame_indicators` finds every cue in every sentence (one row per hit, with the matched text, its
clean-text offsets and the sentence with the cue marked ``[[…]]``); :func:`frame_profile` counts, per
outlet and frame, the sentences with at least one cue and the cues themselves.

Method note. A frame is latent and holistic: the way a whole story selects and makes salient some aspects
of an event (Entman 1993). A dictionary captures only explicit surface cues, one sentence at a time. It
over-counts (polysemy; names such as "Justice Army"; armed violence counted as conflict) and under-counts
(irony, implicature, framing through the choice and order of sources, visuals, wording not in the list).
A cue tagged with an S&V question is evidence a coder would look at, not the coder's answer. The share
of sentences with a cue is therefore an indicator for comparing outlets on the same event, with every
hit auditable in the evidence column, not a frame measure. Before the counts are read as frame
measures they need validating against human coding of the same texts (Matthes & Kohring 2008, "The
content analysis of media frames: toward improving reliability and validity", Journal of Communication
58(2); Burscher et al. 2014, "Teaching the computer to code frames in news", Communication Methods and
Measures 8(3), who learn the S&V questions from human-coded articles instead of writing cues).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.errors import InputError
from analysis.evidence import mark
from analysis.measures.codebook import (
    Scan,
    compile_terms,
    in_codebook_order,
    read_section,
    scan,
    string_list,
)

FRAME_CODEBOOK = config.CODEBOOKS / "generic_frames.yaml"
SECTIONS = ("generic_frames", "policy_frames")
#: The five generic frames of Semetko & Valkenburg (2000), in the codebook's order.
GENERIC_FRAMES = ("responsibility", "conflict", "human_interest", "economic", "morality")

INDICATOR_COLUMNS = [
    "event_id",
    "outlet",
    "article",
    "sentence",
    "frame",
    "question",
    "indicator",
    "cue",
    "start",
    "end",
    "evidence",
]
PROFILE_COLUMNS = [
    "outlet",
    "frame",
    "sentences",
    "sentences_with_frame",
    "share_of_sentences",
    "cues",
]
SENTENCE_COLUMNS = ("event_id", "outlet", "article", "sentence", "start", "text")


@dataclass(frozen=True)
class Cue:
    """One lexical indicator of a frame, standing for one coder question."""

    frame: str
    question: str
    name: str
    description: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Frame:
    """A frame: its coder questions and the cues that operationalise them."""

    name: str
    description: str
    questions: dict[str, str]
    cues: tuple[Cue, ...]
    not_operationalised: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FrameCodebook:
    """One section of a frame codebook file."""

    path: str
    section: str
    frames: tuple[Frame, ...]

    @property
    def names(self) -> list[str]:
        """Frame names in codebook order."""
        return [frame.name for frame in self.frames]

    @property
    def cues(self) -> list[Cue]:
        """All cues in codebook order."""
        return [cue for frame in self.frames for cue in frame.cues]


def load_frame_codebook(
    path: Path | str = FRAME_CODEBOOK, section: str = "generic_frames"
) -> FrameCodebook:
    """Read one section of a frame codebook; errors name the file, the frame and the cue."""
    path = Path(path)
    frames = read_section(path, section, "frame codebook")
    parsed = []
    seen_cues: set[str] = set()
    seen_questions: set[str] = set()
    for name, entry in frames.items():
        parsed.append(_parse_frame(path, str(name), entry, seen_cues, seen_questions))
    return FrameCodebook(str(path), section, tuple(parsed))


def _parse_frame(
    path: Path, name: str, entry: object, seen_cues: set[str], seen_questions: set[str]
) -> Frame:
    if not isinstance(entry, dict):
        raise InputError(path, f"frame {name!r}: expected a mapping")
    questions = entry.get("questions")
    if not isinstance(questions, dict) or not questions:
        raise InputError(path, f"frame {name!r}: needs a 'questions' mapping (id -> question)")
    questions = {str(key): str(text) for key, text in questions.items()}
    duplicated = sorted(seen_questions.intersection(questions))
    if duplicated:
        raise InputError(
            path, f"frame {name!r}: question id(s) used twice: {', '.join(duplicated)}"
        )
    seen_questions.update(questions)
    skipped = entry.get("not_operationalised") or {}
    if not isinstance(skipped, dict) or not set(map(str, skipped)) <= set(questions):
        raise InputError(
            path,
            f"frame {name!r}: 'not_operationalised' must map question ids of this frame to why",
        )
    skipped = {str(key): str(why) for key, why in skipped.items()}
    cues = entry.get("cues")
    if not isinstance(cues, list) or not cues:
        raise InputError(path, f"frame {name!r} has no cues")
    parsed = tuple(_parse_cue(path, name, questions, cue, seen_cues) for cue in cues)
    uncovered = sorted(set(questions) - {cue.question for cue in parsed} - set(skipped))
    if uncovered:
        raise InputError(
            path,
            f"frame {name!r}: question(s) {', '.join(uncovered)} have no cue and are not listed "
            "under 'not_operationalised'",
        )
    return Frame(name, str(entry.get("description", "")).strip(), questions, parsed, skipped)


def _parse_cue(
    path: Path, frame: str, questions: dict[str, str], entry: object, seen: set[str]
) -> Cue:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise InputError(path, f"frame {frame!r}: every cue needs a name: {entry!r}")
    name = str(entry["name"])
    where = f"frame {frame!r}, cue {name!r}"
    if name in seen:
        raise InputError(path, f"{where}: cue name used twice")
    seen.add(name)
    question = str(entry.get("question", ""))
    if question not in questions:
        raise InputError(
            path, f"{where}: question {question!r} is not one of {', '.join(questions)}"
        )
    patterns = string_list(entry.get("patterns"))
    if not patterns:
        raise InputError(path, f"{where}: needs a non-empty list of string 'patterns'")
    pattern = compile_terms(path, where, patterns)
    examples, keeps = string_list(entry.get("examples")), string_list(entry.get("keeps"))
    if examples is None or keeps is None:
        raise InputError(path, f"{where}: 'examples' and 'keeps' must be lists of strings")
    description = str(entry.get("description", "")).strip()
    return Cue(frame, question, name, description, pattern, examples, keeps)


def require_columns(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """Raise :class:`InputError` naming ``what`` if ``table`` lacks any of ``columns``."""
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise InputError(what, f"missing column(s): {', '.join(missing)}")


def cue_matches(
    text: str, cues: Sequence[Cue], found: Scan | None = None
) -> list[tuple[Cue, int, int]]:
    """Cue matches in ``text``; overlapping matches count once (leftmost, earlier cue, longest).

    ``found``: a scan of ``text`` for (at least) the cues' patterns, made here when not given.
    """
    patterns = [cue.pattern for cue in cues]
    found = found if found is not None else scan(text, patterns)
    return [(cues[order], start, end) for order, start, end in found.non_overlapping(patterns)]


def sentence_cues(
    text: str, frames: Sequence[Frame], found: Scan | None = None
) -> list[tuple[int, Cue, int, int]]:
    """Every cue hit of one sentence, frame by frame: ``(frame index, cue, start, end)``.

    Within one frame, overlapping matches count once (:func:`cue_matches`). ``found``: a scan of
    ``text`` for (at least) every cue's pattern, made here when not given.
    """
    patterns = [cue.pattern for frame in frames for cue in frame.cues]
    found = found if found is not None else scan(text, patterns)
    if not found.may_match_any(patterns):
        return []
    return [
        (index, cue, start, end)
        for index, frame in enumerate(frames)
        for cue, start, end in cue_matches(text, frame.cues, found)
    ]


def frame_indicators(sentences: pd.DataFrame, codebook: FrameCodebook) -> pd.DataFrame:
    """Every frame cue in every sentence: one row per hit (see module docstring).

    ``sentences`` is :func:`analysis.tables.clean_layer.sentences_table` (or any table with its columns event_id,
    outlet, article, sentence, start, text). Columns: event_id, outlet, article, sentence, frame,
    question (the S&V item id), indicator (the cue's name), cue (the matched text), start, end (offsets
    into the clean text), evidence (the sentence with the cue marked ``[[…]]``). Within one frame,
    overlapping matches in a sentence count once. Sorted by event, outlet, article, offsets, frame.
    """
    require_columns(sentences, SENTENCE_COLUMNS, "sentences table")
    rows = []
    for row in sentences.itertuples(index=False):
        text = str(row.text)
        for index, cue, start, end in sentence_cues(text, codebook.frames):
            rows.append(
                {
                    "event_id": row.event_id,
                    "outlet": row.outlet,
                    "article": row.article,
                    "sentence": int(row.sentence),
                    "frame": codebook.frames[index].name,
                    "question": cue.question,
                    "indicator": cue.name,
                    "cue": text[start:end],
                    "start": int(row.start) + start,
                    "end": int(row.start) + end,
                    "evidence": mark(text, start, end),
                }
            )
    table = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    return in_codebook_order(table, "frame", codebook.names)


def frame_profile(
    indicators: pd.DataFrame,
    sentences: pd.DataFrame,
    codebook: FrameCodebook | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per outlet × frame (every frame, zeros included): how many sentences carry a cue of the frame.

    Columns: outlet, frame, sentences (all sentences of the outlet in ``sentences``),
    sentences_with_frame (sentences with at least one cue of the frame), share_of_sentences (their
    share, rounded to 6 decimals), cues (cue hits). Frames come from ``codebook`` (a codebook or a list
    of names; default the five S&V frames), in that order, followed by any other frame found in
    ``indicators``. Outlets are sorted. Filter ``sentences`` (and ``indicators``) beforehand to restrict
    the profile, e.g. to body paragraphs.
    """
    require_columns(sentences, ("outlet", "article", "sentence"), "sentences table")
    require_columns(indicators, ("outlet", "article", "sentence", "frame"), "frame indicators")
    if codebook is None:
        frames = list(GENERIC_FRAMES)
    elif isinstance(codebook, FrameCodebook):
        frames = codebook.names
    else:
        frames = list(codebook)
    frames += sorted(set(indicators["frame"]) - set(frames))
    outlets = sorted(set(sentences["outlet"]))
    grid = pd.MultiIndex.from_product([outlets, frames], names=["outlet", "frame"])
    totals = sentences.drop_duplicates(["outlet", "article", "sentence"]).groupby("outlet").size()
    keys = ["outlet", "frame"]
    with_frame = (
        indicators.drop_duplicates([*keys, "article", "sentence"])
        .groupby(keys)
        .size()
        .reindex(grid, fill_value=0)
    )
    cues = indicators.groupby(keys).size().reindex(grid, fill_value=0)
    table = pd.DataFrame(
        {"sentences_with_frame": with_frame.astype(int), "cues": cues.astype(int)}
    ).reset_index()
    table["sentences"] = table["outlet"].map(totals).fillna(0).astype(int)
    share = table["sentences_with_frame"] / table["sentences"].where(table["sentences"] > 0)
    table["share_of_sentences"] = share.round(6)
    return table[PROFILE_COLUMNS]
