"""Label families: how each outlet names actors, in its own narration and inside quotation marks.

Codebooks (YAML: ``codebooks/label_families.yaml``, the labels of armed conflict, and
``codebooks/contested_labels.yaml``, general contested labels with their sources) map families to
word patterns. Every match in the
clean text is one use; it counts as "quoted" when it lies inside quotation marks (:mod:`analysis.text.quotemarks`),
else as "narration". The method is dictionary-based content analysis (Krippendorff 2019, "Content
Analysis", ch. 8); the narration/quoted split follows the distinction between a journalist's own
labels and attributed ones (Entman 1993, "Framing: Toward clarification of a fractured paradigm";
Tuchman 1972 on quotation as a "strategic ritual" of objectivity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.errors import InputError
from analysis.measures.codebook import WORD_BOUNDARY, Scan, load_families, scan
from analysis.text.intervals import IntervalUnion
from analysis.text.quotemarks import Interval, quoted_spans

VOICES = ("narration", "quoted")


@dataclass(frozen=True)
class LabelFamily:
    """A family of labels and its compiled pattern."""

    name: str
    description: str
    pattern: re.Pattern[str]


#: The general contested-label codebook (regime/government, dictator/leader, illegal/undocumented/
#: migrant, riot/protest/unrest, tax relief/tax cut), read with the militant families by default.
CONTESTED_CODEBOOK = config.CODEBOOKS / "contested_labels.yaml"
DEFAULT_CODEBOOKS = (config.LABEL_CODEBOOK, CONTESTED_CODEBOOK)


def load_codebook(
    path: Path | str | Sequence[Path | str] = DEFAULT_CODEBOOKS,
) -> list[LabelFamily]:
    """Read one label codebook or several (their families in file order, one list;
    :func:`analysis.measures.codebook.load_families`, whole words by ``\\b``); errors name the
    file and the family, and a family name given twice."""
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    families: list[LabelFamily] = []
    for one in paths:
        for entry in load_families(one, "codebook", WORD_BOUNDARY):
            if any(family.name == entry.name for family in families):
                raise InputError(Path(one), f"family {entry.name!r} is already defined")
            families.append(LabelFamily(entry.name, entry.description, entry.pattern))
    return families


def block_labels(
    text: str, families: list[LabelFamily], quotes: list[Interval], found: Scan | None = None
) -> list[tuple[int, re.Match[str], bool]]:
    """Every label use in one block: ``(family index, match, quoted)``, family by family.

    ``quotes`` are the block's quoted intervals (:func:`analysis.text.quotemarks.quoted_spans`); a use
    is quoted when its first character lies inside one. ``found``: a scan of ``text`` for (at least)
    the families' patterns, made here when not given.
    """
    patterns = [family.pattern for family in families]
    found = found if found is not None else scan(text, patterns)
    quoted = IntervalUnion(quotes)
    return [
        (index, match, match.start() in quoted)
        for index, pattern in enumerate(patterns)
        for match in found.finditer(pattern)
    ]


def find_labels(
    outlet: str, blocks: Iterable[tuple[int, str]], families: list[LabelFamily]
) -> pd.DataFrame:
    """Every label use in an article's blocks ``(offset, text)``: one row per match, with its voice.

    Columns: outlet, family, term, voice, start, end (offsets into the clean text), block_text.
    ``block_text`` is categorical: each block's text is stored once, however many uses it holds (a
    column of copies grew with uses × block length: gigabytes for a one-paragraph 5 MB article).
    """
    rows = []
    codes: list[int] = []
    texts: dict[str, int] = {}
    for offset, text in blocks:
        for index, match, quoted in block_labels(text, families, quoted_spans(text)):
            rows.append(
                {
                    "outlet": outlet,
                    "family": families[index].name,
                    "term": match.group(0).lower(),
                    "voice": "quoted" if quoted else "narration",
                    "start": offset + match.start(),
                    "end": offset + match.end(),
                }
            )
            codes.append(texts.setdefault(text, len(texts)))
    columns = ["outlet", "family", "term", "voice", "start", "end"]
    uses = pd.DataFrame(rows, columns=columns)
    uses["block_text"] = pd.Categorical.from_codes(codes, categories=list(texts))
    return uses


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
