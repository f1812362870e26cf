"""Key findings of one event, each one sentence drawn from a processed table.

Each function reads one or two tables and returns a :class:`Finding` (or ``None`` when its table is
empty or shows nothing to say): how outlets use the label families in narration and in quotes, whose
words they quote, which numbers they report differently, and how much of each outlet has no counterpart
elsewhere. :func:`key_findings` keeps the first four in that order. Wording is plain and generic, so it
reads right for any number of outlets; the numbers are the table's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.measures.label_discrepancies import discrepancy_sentence
from analysis.schema import SPEECH_KINDS
from analysis.site.data import MISMATCH_STATUSES

MAX_FINDINGS = 4
#: What the speaker shares count (``speakers.csv``, :data:`analysis.schema.SPEECH_KINDS`), said with them.
SPEECH_DEFINITION = (
    "quoted words: " + ", ".join(SPEECH_KINDS) + " speech, not reported thoughts or stances"
)


@dataclass(frozen=True)
class Finding:
    """A one-sentence finding, the layer of the event page that shows its evidence, its table."""

    text: str
    layer: str
    table: str


def _join(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return "; ".join(parts[:-1]) + "; and " + parts[-1]


def _percent(value: float) -> str:
    return f"{round(100 * float(value))}%"


def _numeric(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``table`` with ``columns`` as numbers; rows where one is missing or not a number dropped.

    An empty table is returned as it is (it may not have the columns).
    """
    if table.empty:
        return table
    table = table.copy()
    for column in columns:
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table.dropna(subset=columns)


def voice_phrase(narration: int, quoted: int) -> str:
    """How an outlet uses a label family: only / mostly in its narration or inside quotes."""
    total = narration + quoted
    if total == 0:
        return "does not use them"
    if narration == 0:
        return f"uses them only inside quotes ({quoted} quoted, none in its own narration)"
    if quoted == 0:
        return f"uses them only in its own narration ({narration}, none quoted)"
    if narration >= quoted:
        return f"uses them mostly in its own narration ({narration} of {total})"
    return f"uses them mostly inside quotes ({quoted} of {total})"


def label_finding(uses: pd.DataFrame) -> Finding | None:
    """The label family whose narration share differs most between outlets, and what replaces it."""
    if uses.empty:
        return None
    counts = (
        uses.assign(n=1)
        .pivot_table(index=["family", "outlet"], columns="voice", values="n", aggfunc="sum")
        .reindex(columns=["narration", "quoted"])
        .fillna(0)
        .astype(int)
    )
    outlets = sorted(set(uses["outlet"].astype(str)))
    best: tuple[float, int, str] | None = None
    for family in sorted(set(uses["family"].astype(str))):
        rows = counts.loc[family]
        shares = [
            rows.loc[o, "narration"] / rows.loc[o].sum() if o in rows.index else None
            for o in outlets
        ]
        present = [s for s in shares if s is not None]
        contrast = (max(present) - min(present)) if len(present) > 1 else 0.0
        total = int(rows.to_numpy().sum())
        key = (contrast, total, family)
        if best is None or (key[0], key[1]) > (best[0], best[1]):
            best = key
    assert best is not None
    family = best[2]
    rows = counts.loc[family]
    terms = sorted(set(uses[uses["family"] == family]["term"].astype(str).str.lower()))
    parts = []
    for outlet in outlets:
        narration = int(rows.loc[outlet, "narration"]) if outlet in rows.index else 0
        quoted = int(rows.loc[outlet, "quoted"]) if outlet in rows.index else 0
        part = f"{outlet} {voice_phrase(narration, quoted)}"
        if narration == 0:
            own = uses[
                (uses["outlet"] == outlet)
                & (uses["voice"] == "narration")
                & (uses["family"] != family)
            ]
            if len(own):
                top = (
                    own["family"]
                    .value_counts()
                    .sort_index()
                    .sort_values(ascending=False, kind="stable")
                )
                other = str(top.index[0])
                term = own[own["family"] == other]["term"].str.lower().value_counts().sort_index()
                term = term.sort_values(ascending=False, kind="stable").index[0]
                part += f", while its own narration says “{term}” ({int(top.iloc[0])}×)"
        parts.append(part)
    text = f"“{family.replace('_', ' ')}” labels ({', '.join(terms)}): {'; '.join(parts)}."
    return Finding(text, "labels", "label_uses.csv")


def speaker_finding(speakers: pd.DataFrame) -> Finding | None:
    """Who gets the largest share of each outlet's quoted words."""
    speakers = _numeric(speakers, ["share_of_quoted_words"])
    if speakers.empty:
        return None
    top = speakers.sort_values(
        ["outlet", "share_of_quoted_words", "actor"], ascending=[True, False, True], kind="stable"
    ).drop_duplicates("outlet")
    actors = sorted(set(top["actor"].astype(str)))
    if len(actors) == 1 and len(top) > 1:
        shares = [
            f"{_percent(row.share_of_quoted_words)} of {row.outlet}’s" for row in top.itertuples()
        ]
        text = (
            f"Most-quoted voice everywhere: {actors[0]}, with {_join(shares)} quoted words "
            f"({SPEECH_DEFINITION})."
        )
    else:
        shares = [
            f"{row.outlet} gives {_percent(row.share_of_quoted_words)} of its quoted words to {row.actor}"
            for row in top.itertuples()
        ]
        text = f"Whose words: {_join(shares)} ({SPEECH_DEFINITION})."
    return Finding(text, "quotes", "speakers.csv")


def number_finding(numbers: pd.DataFrame, side_by_side: pd.DataFrame) -> Finding | None:
    """Quantities the outlets report with a different value or description, side by side."""
    if numbers.empty:
        return None
    matches = numbers.drop_duplicates("match_id")
    status = matches["status"].astype(str)
    mismatched = matches[status.isin(MISMATCH_STATUSES)].sort_values(["status", "match_id"])
    counts = {
        "reported alike": int((status == "reported alike").sum()),
        "reported by one outlet only": int((status == "one outlet only").sum()),
    }
    tail = ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "none other"
    if mismatched.empty:
        return Finding(f"Numbers: no mismatches across outlets ({tail}).", "numbers", "numbers.csv")
    outlets = sorted(set(numbers["outlet"].astype(str)))
    examples = []
    for row in mismatched.head(3).itertuples():
        described = []
        for outlet in outlets:
            if not side_by_side.empty and outlet in side_by_side.columns:
                cell = side_by_side[side_by_side["match_id"] == row.match_id][outlet]
                surface = str(cell.iloc[0]) if len(cell) else "—"
            else:
                cell = numbers[
                    (numbers["match_id"] == row.match_id) & (numbers["outlet"] == outlet)
                ]
                surface = (
                    " ".join(str(v) for v in cell[["text", "counted"]].iloc[0])
                    if len(cell)
                    else "—"
                )
            if surface != "—":
                described.append(f"{outlet} “{surface}”")
        examples.append(f"{' vs '.join(described)} ({row.status})")
    text = f"Numbers told differently: {_join(examples)}; {tail}."
    return Finding(text, "numbers", "numbers.csv")


def selection_finding(coverage: pd.DataFrame) -> Finding | None:
    """How much of each outlet has no counterpart in the others (selection)."""
    coverage = _numeric(coverage, ["unique", "sentences", "unique_share"])
    if coverage.empty:
        return None
    parts = [
        f"{row.outlet} {int(row.unique)} of {int(row.sentences)} sentences "
        f"({_percent(row.unique_share)} of its words)"
        for row in coverage.sort_values("outlet").itertuples()
    ]
    others = "the other outlet" if len(coverage) == 2 else "any other outlet"
    text = (
        f"Unique material, with no counterpart in {others}: {_join(parts)} "
        "(sentences of every block, headline and sub-headings included)."
    )
    return Finding(text, "sentences", "coverage.csv")


def frame_finding(profile: pd.DataFrame) -> Finding | None:
    """The frame whose share of sentences differs most between outlets."""
    profile = _numeric(profile, ["share_of_sentences"])
    if profile.empty:
        return None
    spread = profile.groupby("frame")["share_of_sentences"].agg(lambda s: s.max() - s.min())
    frame = sorted(spread.index, key=lambda f: (-spread[f], f))[0]
    rows = profile[profile["frame"] == frame].sort_values("outlet")
    parts = [f"{row.outlet} {_percent(row.share_of_sentences)}" for row in rows.itertuples()]
    text = (
        f"Sentences with a {frame.replace('_', ' ')} cue: {_join(parts)} "
        "(of sentences of every block, headline and sub-headings included)."
    )
    return Finding(text, "frames", "frame_profile.csv")


def discrepancy_finding(table: pd.DataFrame) -> Finding | None:
    """The same actor labelled from different families by different outlets (issue 11 hook)."""
    text = discrepancy_sentence(table)
    return None if text is None else Finding(text, "labels", "label_discrepancies.csv")


def key_findings(tables: dict[str, pd.DataFrame]) -> list[Finding]:
    """Up to four findings of an event, in a fixed order."""
    makers: list[Callable[[], Finding | None]] = [
        lambda: label_finding(tables["label_uses"]),
        lambda: discrepancy_finding(tables.get("label_discrepancies", pd.DataFrame())),
        lambda: number_finding(tables["numbers"], tables["numbers_side_by_side"]),
        lambda: speaker_finding(tables["speakers"]),
        lambda: selection_finding(tables["coverage"]),
        lambda: frame_finding(tables["frame_profile"]),
    ]
    found = []
    for make in makers:
        finding = make()
        if finding is not None:
            found.append(finding)
        if len(found) == MAX_FINDINGS:
            break
    return found
