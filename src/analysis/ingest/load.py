"""Load one event: read, check and clean each listed article, and record what went wrong.

Bad articles do not stop an event: :func:`load_event_checked` decodes each file with
:func:`analysis.ingest.decode.read_article` (a ``.html``/``.htm`` page is reduced to its main text by
:mod:`analysis.ingest.web_page`) and checks its language, drops the article on a problem (binary, empty,
web page without main text, bad byte-order mark, not English) and records it as a :class:`Problem`;
repairs (encoding fallback, byte-order mark, mojibake, a web page saved as ``.txt``) are recorded too but
the article is kept. An event left with fewer than two outlets is itself a problem and yields no articles.
:func:`write_problems` writes the list as the errors report (``reports/errors.csv``); :func:`failed` says
whether the exit status should be non-zero. A bad manifest is not a per-article problem: it raises
:class:`analysis.errors.InputError`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.atomic import write_csv
from analysis.errors import InputError
from analysis.ingest.decode import (
    BinaryInputError,
    EmptyInputError,
    NotEnglishError,
    check_language,
    read_article,
)
from analysis.ingest.manifest import MIN_OUTLETS_PER_EVENT, Article, articles
from analysis.ingest.web_page import NoMainTextError
from analysis.text.cleaning import clean_decoded
from analysis.text.cleaning_rules import Rule, load_rules
from analysis.text.document import Document

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


def clean_checked(article: Article, rules: list[Rule], problems: list[Problem]) -> Document | None:
    """Decode, check and clean one article; on a problem append it to ``problems`` and return None.

    Web pages (``.html``) are reduced to their main text first (:mod:`analysis.ingest.web_page`).
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
    return clean_decoded(article, decoded.text, rules, extracted)


def load_event_checked(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> tuple[list[Document], list[Problem]]:
    """Clean the good articles of ``event_id`` and list the problems of the others (see module doc).

    The manifest is validated first and a bad manifest raises :class:`InputError`. Returns no articles
    (and a "too-few-outlets" problem) when fewer than two outlets are left.
    """
    return _clean_listed(event_id, articles(raw_dir, event_id), raw_dir, rules_path)


def _clean_listed(
    event_id: str, listed: list[Article], raw_dir: Path | str, rules_path: Path | str
) -> tuple[list[Document], list[Problem]]:
    """Clean the manifest rows ``listed`` of ``event_id`` (see :func:`load_event_checked`)."""
    rules = load_rules(rules_path)
    problems: list[Problem] = []
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


@dataclass(frozen=True)
class Event:
    """One event: its cleaned documents (sorted by outlet), its manifest rows and their problems."""

    event_id: str
    documents: tuple[Document, ...]  # the readable articles, in the order of ``articles``
    articles: tuple[Article, ...]  # every manifest row of the event, sorted by outlet
    problems: tuple[Problem, ...]  # as listed by load_event_checked


def read_event(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> Event:
    """The :class:`Event` of ``event_id``: its manifest rows and cleaned documents, problems recorded
    as by :func:`load_event_checked` (no documents when fewer than two outlets are readable)."""
    listed = articles(raw_dir, event_id)
    cleaned, problems = _clean_listed(event_id, listed, raw_dir, rules_path)
    return Event(event_id, tuple(cleaned), tuple(listed), tuple(problems))


def load_event(
    event_id: str,
    raw_dir: Path | str = config.DATA_RAW,
    rules_path: Path | str = config.CLEANING_RULES,
) -> list[Document]:
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
