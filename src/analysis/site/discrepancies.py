"""Label discrepancies on the event page: each side's label term marked in its outlet's text, and
the key finding linking to the marks (Hamborg, Zhukova & Gipp 2019: word choice and labelling).

``label_discrepancies.csv`` gives each side's outlet, first span (``start``/``end``,
``other_start``/``other_end``) and sentence (``evidence``, ``other_evidence``) but not its article:
the article is the one of that outlet whose sentence holds the span and reads as the evidence.
A side that matches no article, or more than one, is left unmarked rather than guessed.
"""

from __future__ import annotations

import pandas as pd

from analysis.site.cells import cell_text
from analysis.site.spans import offsets
from analysis.site.view import Evidence, EvidenceLink, Span

#: The table the label discrepancy finding cites (:func:`analysis.site.findings.discrepancy_finding`).
TABLE = "label_discrepancies.csv"


def side_article(sentences: pd.DataFrame, outlet: str, span: tuple[int, int], evidence: str) -> str:
    """The article of ``outlet`` whose sentence holds ``span`` and reads ``evidence`` ('' if not
    exactly one)."""
    if sentences.empty or not {"outlet", "article", "start", "end"} <= set(sentences.columns):
        return ""
    holds = (
        (sentences["outlet"].astype(str) == outlet)
        & (sentences["start"] <= span[0])
        & (sentences["end"] >= span[1])
    )
    if evidence and "text" in sentences.columns:
        holds &= sentences["text"].astype(str) == evidence
    found = sorted(set(sentences.loc[holds, "article"].astype(str)))
    return found[0] if len(found) == 1 else ""


def discrepancy_marks(
    table: pd.DataFrame, sentences: pd.DataFrame, article_ids: dict[str, str]
) -> tuple[dict[str, list[Span]], tuple[Evidence, ...]]:
    """The marks of each article (layer ``discrepancies``, id = the row's number) and, per row,
    the links to its marks (anchor ``<article DOM id>-ld<row>``)."""
    marks: dict[str, list[Span]] = {}
    evidence = []
    for index, (_, row) in enumerate(table.iterrows()):
        actor = cell_text(row.get("actor"))
        links = []
        for side, other in (("", "other_"), ("other_", "")):
            outlet, span = (
                cell_text(row.get(f"{side}outlet")),
                offsets(row, f"{side}start", f"{side}end"),
            )
            if span is None:
                continue
            article = side_article(sentences, outlet, span, cell_text(row.get(f"{side}evidence")))
            if article not in article_ids:
                continue
            anchor = f"{article_ids[article]}-ld{index}"
            terms = cell_text(row.get(f"{side}terms"))
            title = (
                f"label discrepancy · {actor}: {outlet} “{terms}” "
                f"({cell_text(row.get(f'{side}families'))}) vs {cell_text(row.get(f'{other}outlet'))} "
                f"“{cell_text(row.get(f'{other}terms'))}” ({cell_text(row.get(f'{other}families'))})"
            )
            marks.setdefault(article, []).append(
                Span("discrepancies", *span, str(index), "", title, anchor=anchor)
            )
            links.append(EvidenceLink(f"{outlet} “{terms}”", f"#{anchor}"))
        if links:
            evidence.append(Evidence(actor, tuple(links)))
    return marks, tuple(evidence)


def discrepancy_counts(table: pd.DataFrame, outlets: tuple[str, ...]) -> tuple[int, ...]:
    """How many discrepancy sides (marked terms) each outlet has."""
    if table.empty:
        return tuple(0 for _ in outlets)
    sides = list(table["outlet"].astype(str)) + list(table["other_outlet"].astype(str))
    return tuple(sides.count(outlet) for outlet in outlets)
