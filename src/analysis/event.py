"""One event: load its articles, clean them, segment them, and lay the clean layer out as tables.

Bad articles do not stop an event: :func:`load_event_checked` decodes each file with
:func:`analysis.reading.read_article` (a ``.html``/``.htm`` page is reduced to its main text by
:mod:`analysis.html_input`) and checks its language, drops the article on a problem (binary, empty, web
page without main text, bad byte-order mark, not English) and records it as a :class:`Problem`; repairs
(encoding fallback, byte-order mark, mojibake, a web page saved as ``.txt``) are recorded too but the
article is kept. An event left with
fewer than two outlets is itself a problem and yields no articles. :func:`write_problems` writes the list
as the errors report (``reports/errors.csv``); :func:`failed` says whether the exit status should be
non-zero. A bad manifest is not a per-article problem: it raises :class:`analysis.errors.InputError`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config
from .atomic import write_csv, write_text
from .cleaning import CleanArticle, clean_text
from .cleaning_rules import Rule, load_rules
from .errors import InputError
from .html_input import Extracted, NoMainTextError
from .manifest import MIN_OUTLETS_PER_EVENT, Article, articles
from .reading import (
    BinaryInputError,
    EmptyInputError,
    NotEnglishError,
    check_language,
    read_article,
)
from .segment import split_sentences, words

PROBLEM_COLUMNS = ["path", "row", "kind", "action", "message"]


@dataclass(frozen=True)
class Problem:
    """One problem of one article (or event): the file, its manifest row, what kind, what was done."""

    path: str
    row: int | None
    kind: str  # e.g. "binary", "empty", "no-main-text", "not-english", "too-few-outlets"
    message: str
    action: str = "excluded"  # "excluded", "repaired" or "event dropped"

    def __str__(self) -> str:
        where = f"{self.path}, row {self.row}" if self.row is not None else self.path
        return f"{where}: {self.message} ({self.action})"


def _kind(error: InputError) -> str:
    for cls, kind in ((BinaryInputError, "binary"), (EmptyInputError, "empty"),
                      (NoMainTextError, "no-main-text"), (NotEnglishError, "not-english")):  # fmt: skip
        if isinstance(error, cls):
            return kind
    return "unreadable"


def clean_checked(
    article: Article, rules: list[Rule], problems: list[Problem]
) -> CleanArticle | None:
    """Decode, check and clean one article; on a problem append it to ``problems`` and return None.

    Web pages (``.html``) are reduced to their main text first (:mod:`analysis.html_input`).
    """
    try:
        data = article.path.read_bytes()  # read only: raw files are never written
    except OSError as error:
        problems.append(
            Problem(
                str(article.path), article.row, "unreadable", f"cannot be read: {error.strerror}"
            )
        )
        return None
    try:
        decoded, extracted = read_article(data, article.path)
        check_language(decoded.text, article.language, article.path)
    except InputError as error:
        problems.append(Problem(error.path, article.row, _kind(error), error.problem))
        return None
    for repair in decoded.repairs:
        problems.append(Problem(str(article.path), article.row, "repaired", repair, "repaired"))
    context = {
        "language": article.language,
        "original_language": article.original_language,
        "outlet": article.outlet,
    }
    tracked, blocks, changes = clean_text(decoded.text, rules, context)
    return CleanArticle(article, decoded.text, tracked, blocks, changes, extracted)


def load_event_checked(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> tuple[list[CleanArticle], list[Problem]]:
    """Clean the good articles of ``event_id`` and list the problems of the others (see module doc).

    The manifest is validated first and a bad manifest raises :class:`InputError`. Returns no articles
    (and a "too-few-outlets" problem) when fewer than two outlets are left.
    """
    rules = load_rules(rules_path)
    problems: list[Problem] = []
    listed = articles(raw_dir, event_id)
    cleaned = [item for item in (clean_checked(a, rules, problems) for a in listed) if item]
    outlets = {item.article.outlet for item in cleaned}
    if len(outlets) < MIN_OUTLETS_PER_EVENT:
        manifest_path = Path(raw_dir) / "manifest.csv"
        problems.append(
            Problem(
                str(manifest_path),
                None,
                "too-few-outlets",
                f"event {event_id!r} has {len(outlets)} readable outlet(s) left "
                f"({', '.join(sorted(outlets)) or 'none'}); a comparison needs at least "
                f"{MIN_OUTLETS_PER_EVENT}",
                "event dropped",
            )
        )
        cleaned = []
    return cleaned, problems


def load_event(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> list[CleanArticle]:
    """Validate the manifest, then clean every article of ``event_id`` (sorted by outlet).

    Bad articles are dropped with a warning naming the file (see :func:`load_event_checked`); raises
    :class:`InputError` naming the manifest when fewer than two outlets are left.
    """
    cleaned, problems = load_event_checked(event_id, raw_dir, rules_path)
    for problem in problems:
        if problem.kind == "too-few-outlets":
            dropped = [str(p) for p in problems if p.action == "excluded"]
            raise InputError(problem.path, "; ".join([problem.message, *dropped]))
    for problem in problems:
        warnings.warn(str(problem), stacklevel=2)
    return cleaned


def problems_table(problems: Iterable[Problem]) -> pd.DataFrame:
    """The errors report: one row per problem, in the order found."""
    rows = [
        {"path": p.path, "row": p.row, "kind": p.kind, "action": p.action, "message": p.message}
        for p in problems
    ]
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS).astype({"row": "Int64"})


def write_problems(problems: Iterable[Problem], path: Path | str) -> Path:
    """Write the errors report atomically (``reports/errors.csv``); header only when there is none."""
    return write_csv(path, problems_table(problems))


def failed(problems: Iterable[Problem]) -> bool:
    """True when any article or event was excluded (repairs alone do not fail a run)."""
    return any(problem.action != "repaired" for problem in problems)


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
    """Every page extraction, every line a rule dropped and every paragraph a rule changed, and why."""
    columns = ["event_id", "outlet", "article", "line", "raw_start", "raw_end", "rule", "action",
               "count", "before", "after", "why"]  # fmt: skip
    rows = []
    for item in cleaned:
        where = {
            "event_id": item.article.event_id,
            "outlet": item.article.outlet,
            "article": article_id(item),
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
