"""One event: load its articles, clean them, segment them, and lay the clean layer out as tables."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import config
from .atomic import write_csv, write_text
from .cleaning import CleanArticle, clean_article
from .cleaning_rules import load_rules
from .manifest import articles
from .segment import split_sentences, words


def load_event(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> list[CleanArticle]:
    """Validate the manifest, then clean every article of ``event_id`` (sorted by outlet)."""
    rules = load_rules(rules_path)
    return [clean_article(article, rules) for article in articles(raw_dir, event_id)]


def article_id(cleaned: CleanArticle) -> str:
    """Stable short id of an article: its raw file name without extension."""
    return cleaned.article.path.stem


def sentences_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """One row per sentence: offsets into the clean text and into the raw file."""
    rows = []
    for item in cleaned:
        index = 0
        for block_index, block in enumerate(item.blocks):
            for span in split_sentences(block.text, offset=block.start):
                raw_start, raw_end = item.raw_span(span.start, span.end)
                rows.append(
                    {
                        "event_id": item.article.event_id,
                        "outlet": item.article.outlet,
                        "article": article_id(item),
                        "sentence": index,
                        "block": block_index,
                        "block_kind": block.kind,
                        "start": span.start,
                        "end": span.end,
                        "raw_start": raw_start,
                        "raw_end": raw_end,
                        "words": len(words(span.text)),
                        "text": span.text,
                    }
                )
                index += 1
    return pd.DataFrame(rows)


def blocks_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """One row per headline, sub-heading or paragraph, with clean and raw offsets."""
    rows = [
        {
            "event_id": item.article.event_id,
            "outlet": item.article.outlet,
            "article": article_id(item),
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


def provenance_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """Every line a rule dropped and every paragraph a rule changed, with the rule and why."""
    columns = ["event_id", "outlet", "article", "line", "raw_start", "raw_end", "rule", "action",
               "count", "before", "after", "why"]  # fmt: skip
    rows = [
        {
            "event_id": item.article.event_id,
            "outlet": item.article.outlet,
            "article": article_id(item),
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
        for item in cleaned
        for change in item.changes
    ]
    return pd.DataFrame(rows, columns=columns)


def articles_table(cleaned: list[CleanArticle]) -> pd.DataFrame:
    """One row per article: metadata, headline and sizes before and after cleaning."""
    rows = []
    for item in cleaned:
        body = " ".join(block.text for block in item.paragraphs)
        rows.append(
            {
                "event_id": item.article.event_id,
                "outlet": item.article.outlet,
                "article": article_id(item),
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


def write_clean_layer(cleaned: list[CleanArticle], out_dir: Path | str) -> dict[str, Path]:
    """Write the clean texts and the clean-layer tables of one event; return the written paths."""
    out_dir = Path(out_dir)
    written = {
        "articles": write_csv(out_dir / "articles.csv", articles_table(cleaned)),
        "blocks": write_csv(out_dir / "blocks.csv", blocks_table(cleaned)),
        "sentences": write_csv(out_dir / "sentences.csv", sentences_table(cleaned)),
        "provenance": write_csv(out_dir / "provenance.csv", provenance_table(cleaned)),
    }
    for item in cleaned:
        written[f"clean/{article_id(item)}"] = write_text(
            out_dir / "clean" / f"{article_id(item)}.txt", item.text
        )
    return written


def offset_mismatches(cleaned: list[CleanArticle], sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences whose raw span differs in letters and digits from the clean sentence (should be none).

    Cleaning only drops lines and changes spacing, quote marks and invisible characters, so the letters of
    ``raw[raw_start:raw_end]`` must equal those of the clean sentence.
    """
    raw_by_article = {article_id(item): item.raw for item in cleaned}

    def letters(text: str) -> str:
        return re.sub(r"[\W_]", "", text)

    mismatch = [
        letters(raw_by_article[row.article][row.raw_start : row.raw_end]) != letters(row.text)
        for row in sentences.itertuples()
    ]
    return sentences[mismatch]
