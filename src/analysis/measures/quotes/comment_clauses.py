"""Reports framed by a comment clause or an impersonal passive (see :mod:`analysis.measures.quotes`,
"indirect"):

* ``As the Varn Gazette reported, the ferry will stop in May.`` / ``..., as the Gazette reported.``
  / ``As reported by the Gazette, ...``: a comment clause (Quirk et al. 1985, *A Comprehensive
  Grammar of the English Language*, 15.53-15.56: "as"-clauses that comment on the truth of the
  superordinate clause and name its source); the content is the superordinate clause, the source
  the comment clause's subject or "by" agent;
* ``It was reported that the ferry will stop in May.``: an impersonal passive of a reporting verb
  (Quirk et al. 1985, 16.34): the that-clause is the content and the source is unstated.
"""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.unmarked import (
    mentions_or_phrase,
    noun_phrase_source,
    report_record,
    trim_span,
)
from analysis.measures.quotes.verbs import Verb
from analysis.text.quotemarks import MARK

#: "As X reported" before the verb: the clause opens the sentence (or follows a comma or "and").
_AS_BEFORE = re.compile(
    r"(?P<comma>[,;]\s+)?(?:(?:[Aa]nd|[Bb]ut)\s+)?(?:[Jj]ust\s+)?\b[Aa]s\s+"
    r"(?P<source>[^,;\"]{2,80}?)(?:\s+(?:has|have|had|first|previously|also|already|[a-z]{3,}ly))*\s+$"
)
#: "As reported by X," / "As first reported by X" opening a sentence: the participle and its agent.
_AS_BY = re.compile(
    r"(?:[Jj]ust\s+)?[Aa]s\s+(?:first\s+|previously\s+|also\s+)?"
    r"(?P<verb>[a-z]+)\s+(?:\w+\s+)?by\s+(?P<source>[^,;\"]{2,80}?)(?=[,.;])"
)
#: "It was reported that" / "It has been suggested that": the participle, then "that".
_IMPERSONAL = re.compile(
    r"\b[Ii]t\s+(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:[a-z]{3,}ly\s+)?"
    r"(?P<verb>[a-z]+)\s+that\s+"
)
_SENTENCE_END = re.compile(r"\s*[.!?]?\s*")
#: How far before its verb a comment clause may open (characters).
_WINDOW = 120
#: What may follow the comment clause's verb before its comma: an adjunct of up to six words.
_ADJUNCT = re.compile(r"[^,;.\"]{0,50}?(?=,)")


def comment_clause_reports(article: ArticleContext) -> list[dict]:
    """Records of "as"-comment clauses and impersonal passive reports (module docstring)."""
    records = []
    for verb in article.verbs:
        if verb.cls.clause and verb.lemma != "according to":
            records += _as_clause(article, verb)
    for sentence_start, sentence_end in article.sentences:
        records += _as_by(article, sentence_start, sentence_end)
        records += _impersonal(article, sentence_start, sentence_end)
    return records


def _as_clause(article: ArticleContext, verb: Verb) -> list[dict]:
    """``As X reported, Y.`` (content after the comma) or ``Y, as X reported.`` (content before)."""
    text = article.text
    sentence_start, sentence_end = article.sentence(verb.start)
    lower = max(sentence_start, verb.start - _WINDOW)  # the clause is short: no sentence-long scan
    head = _AS_BEFORE.search(text, lower, verb.start)
    if head is None or not (head.group("comma") or head.start() == sentence_start):
        return []
    lower = head.start("source")
    subject = article.mentions.subject_before(verb.start, lower) or noun_phrase_source(
        article, verb, lower, loose=True
    )
    if not subject:
        return []
    if head.start() == sentence_start:  # leading: the rest of the sentence after the comma
        comma = _ADJUNCT.match(text, verb.end, sentence_end)
        if comma is None:
            return []
        span = _content(text, comma.end() + 1, sentence_end)
    elif _SENTENCE_END.fullmatch(text, verb.end, sentence_end):  # trailing
        span = _content(text, sentence_start, head.start())
    else:
        return []
    return [report_record(article, span, verb, subject, "comment clause")] if span else []


def _as_by(article: ArticleContext, start: int, end: int) -> list[dict]:
    """``As reported by the Gazette, Y.``: the rest of the sentence, the agent as source."""
    text = article.text
    match = _AS_BY.match(text, start, end)
    if match is None or match.group("verb") not in article.lexicon.forms:
        return []
    lemma, verb_class = article.lexicon.forms[match.group("verb")]
    if not verb_class.clause:
        return []
    verb = Verb(match.start("verb"), match.end("verb"), lemma, verb_class)
    source = mentions_or_phrase(article, match.start("source"), match.end("source"))
    comma = text.find(",", match.end(), end)
    span = _content(text, comma + 1, end) if comma >= 0 else None
    return [report_record(article, span, verb, source, "comment clause")] if span else []


def _impersonal(article: ArticleContext, start: int, end: int) -> list[dict]:
    """``It was reported that Y.``: the that-clause, no source."""
    records = []
    for match in _IMPERSONAL.finditer(article.text, start, end):
        lemma, verb_class = article.lexicon.forms.get(match.group("verb"), ("", None))
        if verb_class is None or not verb_class.clause:
            continue
        verb = Verb(match.start("verb"), match.end("verb"), lemma, verb_class)
        span = _content(article.text, match.end(), end)
        if span:
            records.append(report_record(article, span, verb, [], "impersonal passive"))
    return records


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` trimmed of spaces and final punctuation; None when under two words or
    quoted (a direct quotation is already a record of its own)."""
    start, end = trim_span(text, start, end)
    if text[start : start + 1] == MARK or len(WORD.findall(text[start:end])) < 2:
        return None
    return start, end
