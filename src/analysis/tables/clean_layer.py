"""The clean layer of one event as tables: articles, blocks, sentences, provenance, clean texts.

Every sentence carries its offsets into the clean text and back into the raw file, so every later table
can point at its evidence.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from analysis.atomic import write_tables, write_text
from analysis.ingest.web_page import Extracted
from analysis.text.document import Document
from analysis.text.segment import words


def sentences_table(cleaned: list[Document]) -> pd.DataFrame:
    """One row per sentence (:attr:`Document.sentences`): offsets into the clean text and into the
    raw file."""
    rows = []
    for item in cleaned:
        for sentence, found in zip(item.sentences, item.words, strict=True):
            raw_start, raw_end = item.raw_span(sentence.start, sentence.end)
            rows.append(
                {
                    "event_id": item.article.event_id,
                    "outlet": item.article.outlet,
                    "article": item.id,
                    "sentence": sentence.index,
                    "block": sentence.block,
                    "block_kind": sentence.block_kind,
                    "start": sentence.start,
                    "end": sentence.end,
                    "raw_start": raw_start,
                    "raw_end": raw_end,
                    "words": len(found),
                    "text": sentence.text,
                }
            )
    return pd.DataFrame(rows)


def blocks_table(cleaned: list[Document]) -> pd.DataFrame:
    """One row per headline, sub-heading or paragraph, with clean and raw offsets."""
    rows = [
        {
            "event_id": item.article.event_id,
            "outlet": item.article.outlet,
            "article": item.id,
            "block": index,
            "kind": block.kind,
            "start": block.start,
            "end": block.end,
            "raw_start": block.raw_start,
            "raw_end": block.raw_end,
            "text": block.text,
        }
        for item in cleaned
        for index, block in enumerate(item.blocks)
    ]
    return pd.DataFrame(rows)


def provenance_table(cleaned: list[Document]) -> pd.DataFrame:
    """Every page extraction, every line a rule dropped and every paragraph a rule changed, and why."""
    columns = ["event_id", "outlet", "article", "line", "raw_start", "raw_end", "rule", "action",
               "count", "before", "after", "why"]  # fmt: skip
    rows = []
    for item in cleaned:
        where = {
            "event_id": item.article.event_id,
            "outlet": item.article.outlet,
            "article": item.id,
        }
        if item.extracted is not None:
            rows.append({**where, **_extraction_row(item.extracted)})
        rows.extend(
            {
                **where,
                "line": change.line,
                "raw_start": change.raw_start,
                "raw_end": change.raw_end,
                "rule": change.rule,
                "action": change.action,
                "count": change.count,
                "before": change.before,
                "after": change.after,
                "why": change.why,
            }
            for change in item.changes
        )
    return pd.DataFrame(rows, columns=columns)


def _extraction_row(extracted: Extracted) -> dict[str, object]:
    """Provenance of a web page's extraction: the whole extracted text, its sizes and metadata."""
    found = "; ".join(
        f"{name}: {value or 'not found'}"
        for name, value in (("title", extracted.title), ("date", extracted.date),
                            ("author", extracted.author))
    )  # fmt: skip
    return {
        "line": 1,
        "raw_start": 0,
        "raw_end": extracted.chars_out,
        "rule": "html_extraction",
        "action": "extracted",
        "count": 1,
        "before": f"{extracted.chars_in} characters of HTML",
        "after": f"{extracted.chars_out} characters of text; {found}",
        "why": f"main text and metadata of a web page extracted with {extracted.extractor} "
        "(Barbaresi 2021); navigation, share bars, banners, related links, comments, tables and "
        "footers dropped",
    }


def articles_table(cleaned: list[Document]) -> pd.DataFrame:
    """One row per article: metadata, headline and sizes before and after cleaning."""
    rows = []
    for item in cleaned:
        body = " ".join(block.text for block in item.paragraphs)
        rows.append(
            {
                "event_id": item.article.event_id,
                "outlet": item.article.outlet,
                "article": item.id,
                "date": item.article.date,
                "language": item.article.language,
                "original_language": item.article.original_language,
                "headline": item.headline,
                "paragraphs": len(item.paragraphs),
                "body_words": len(words(body)),
                "raw_chars": len(item.raw),
                "clean_chars": len(item.text),
                "lines_dropped": sum(change.action == "dropped" for change in item.changes),
                "paragraphs_changed": len(
                    {c.raw_start for c in item.changes if c.action == "changed"}
                ),
                "sha256": item.article.sha256,
            }
        )
    return pd.DataFrame(rows)


def write_clean_layer(cleaned: list[Document], out_dir: Path | str) -> dict[str, Path]:
    """Write the clean texts and the clean-layer tables (CSV and Parquet) of one event; return the
    written paths."""
    out_dir = Path(out_dir)
    tables = {
        "articles": articles_table(cleaned),
        "blocks": blocks_table(cleaned),
        "sentences": sentences_table(cleaned),
        "provenance": provenance_table(cleaned),
    }
    written = write_tables(out_dir, tables)
    for item in cleaned:
        written[f"clean/{item.id}"] = write_text(out_dir / "clean" / f"{item.id}.txt", item.text)
    return written


def offset_mismatches(cleaned: list[Document], sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences whose raw span differs in letters and digits from the clean sentence (should be none).

    Cleaning only drops lines and changes spacing, quote marks and invisible characters, so the letters of
    ``raw[raw_start:raw_end]`` must equal those of the clean sentence.
    """
    raw_by_article = {item.id: item.raw for item in cleaned}

    def letters(text: str) -> str:  # NFC first: cleaning composes a decomposed "é" (UAX #15)
        return re.sub(r"[\W_]", "", unicodedata.normalize("NFC", text))

    mismatch = [
        letters(raw_by_article[row.article][row.raw_start : row.raw_end]) != letters(row.text)
        for row in sentences.itertuples()
    ]
    return sentences[mismatch]
