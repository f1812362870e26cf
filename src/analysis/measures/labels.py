"""Label families: how each outlet names actors, in its own narration and inside quotation marks.

A codebook (YAML, ``codebooks/label_families.yaml``) maps families to word patterns. Every match in the
clean text is one use; it counts as "quoted" when it lies inside quotation marks (:mod:`analysis.text.quotemarks`),
else as "narration". The method is dictionary-based content analysis (Krippendorff 2019, "Content
Analysis", ch. 8); the narration/quoted split follows the distinction between a journalist's own
labels and attributed ones (Entman 1993, "Framing: Toward clarification of a fractured paradigm";
Tuchman 1972 on quotation as a "strategic ritual" of objectivity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis import config
from analysis.errors import InputError
from analysis.text.quotemarks import is_quoted, quoted_spans

VOICES = ("narration", "quoted")


@dataclass(frozen=True)
class LabelFamily:
    """A family of labels and its compiled pattern."""

    name: str
    description: str
    pattern: re.Pattern[str]


def load_codebook(path: Path | str = config.LABEL_CODEBOOK) -> list[LabelFamily]:
    """Read a label codebook; errors name the file and the family."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read codebook: {error}") from None
    families = document.get("families") if isinstance(document, dict) else None
    if not isinstance(families, dict) or not families:
        raise InputError(path, "expected a top-level 'families' mapping")
    parsed = []
    for name, entry in families.items():
        patterns = entry.get("patterns") if isinstance(entry, dict) else None
        if not patterns:
            raise InputError(path, f"family {name!r} has no patterns")
        try:
            pattern = re.compile(
                r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE
            )
        except re.error as error:
            raise InputError(path, f"family {name!r}: bad pattern ({error})") from None
        parsed.append(LabelFamily(str(name), str(entry.get("description", "")), pattern))
    return parsed


def find_labels(
    outlet: str, blocks: Iterable[tuple[int, str]], families: list[LabelFamily]
) -> pd.DataFrame:
    """Every label use in an article's blocks ``(offset, text)``: one row per match, with its voice.

    Columns: outlet, family, term, voice, start, end (offsets into the clean text), block_text.
    """
    rows = []
    for offset, text in blocks:
        spans = quoted_spans(text)
        for family in families:
            for match in family.pattern.finditer(text):
                rows.append(
                    {
                        "outlet": outlet,
                        "family": family.name,
                        "term": match.group(0).lower(),
                        "voice": "quoted" if is_quoted(match.start(), spans) else "narration",
                        "start": offset + match.start(),
                        "end": offset + match.end(),
                        "block_text": text,
                    }
                )
    columns = ["outlet", "family", "term", "voice", "start", "end", "block_text"]
    return pd.DataFrame(rows, columns=columns)


def count_labels(
    uses: pd.DataFrame, outlets: list[str], families: list[LabelFamily]
) -> pd.DataFrame:
    """Counts per outlet × family × voice, zeros included, in codebook order."""
    grid = pd.MultiIndex.from_product(
        [sorted(outlets), [family.name for family in families], list(VOICES)],
        names=["outlet", "family", "voice"],
    )
    counts = uses.groupby(["outlet", "family", "voice"]).size().reindex(grid, fill_value=0)
    return counts.rename("count").reset_index()
