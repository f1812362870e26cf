"""Passive reports: with an agent (``Mayor Anna Berg was asked by reporters whether ...``, ``The toll
plan was rejected by the harbour board``, ``The contract, opposed by Councillor Moreau, ...``) and
without one (``X was asked whether ...``: the question, no source) (see
:mod:`analysis.measures.quotes`, "indirect").

In a passive the "by" phrase is the agent, so it is the source (Quirk et al. 1985, *A Comprehensive
Grammar of the English Language*, 3.63-3.64: the agent of a passive is the subject of its active
counterpart); the reporting verb's participle is the cue. The content is the clause after the agent
(``whether ...``, ``that ...``) when there is one; else the passive subject, which the active verb
would take as its object (Pareti 2016: the object of an attitude verb is its content), and the
adjunct that carries the reason (``for the toll increase``) as a second piece of the same report.
"""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.unmarked import mentions_or_phrase, report_record, trim_span
from analysis.measures.quotes.verbs import Verb
from analysis.text.quotemarks import MARK, in_sorted_spans

#: A participle and its "by" agent: the agent opens with a determiner, a number, a capital letter
#: or a plural noun ("by reporters"; not "by hand", "by far") and runs to punctuation or to the word
#: that opens the content (at most 100 characters: no scan runs on in text without punctuation).
_BY_AGENT = re.compile(
    r"\b(?P<verb>[a-z]{3,})\s+by\s+(?P<agent>(?:[A-Z0-9]|(?:the|a|an|some|many|most|several|"
    r"both|his|her|their|its|other|local|top|senior)\s|[a-z]{3,}s\b)[^,;:.\"()]{0,100}?)"
    r"(?=\s*[,;:.\"()]|\s+(?:whether|if|that|why|how|what|to|for|of|over|as|after|in|on|at|during)\b|$)"
)
#: Before the participle: a form of "be" (a passive) or a comma (a reduced relative clause).
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|first|then|never|[a-z]{3,}ly)\s+)*$"
)
_COMMA_BEFORE = re.compile(r",\s+(?:(?:first|then|also|[a-z]{3,}ly)\s+)*$")
#: A passive participle of a form of "be" or after a subordinator (a participial clause: *when
#: asked whether*, Quirk et al. 1985, 15.57), no agent, then a that-clause or an embedded question.
_AGENTLESS = re.compile(
    r"\b(?:is|are|was|were|been|being|(?i:when|if|while|unless|until|though|although))\s+"
    r"(?:(?:not|also|then|repeatedly|[a-z]{3,}ly)\s+)?"
    r"(?P<verb>asked|told|questioned|pressed|informed|assured|warned|reminded)\s+"
    r"(?:[a-z]{3,}ly\s+)?(?P<clause>whether|if|about|what|which|how|why|when|who|that)\s"
)
#: What opens a content clause after the agent, and what opens a reason adjunct.
_CLAUSE = re.compile(r"\s+(?:whether|if|that|why|how|what|to)\s")
_REASON = re.compile(r"\s+(?:for|over|as)\s")
#: Most words, and most characters before the verb, of a passive subject taken as content.
_SUBJECT_WORDS = 10
_SUBJECT_CHARACTERS = 200


def passive_reports(article: ArticleContext) -> list[dict]:
    """One record (or two pieces of one report) per passive reporting verb with an agent."""
    text = article.text
    records = []
    for match in _BY_AGENT.finditer(text):
        verb = _participle(article, match)
        if verb is None:
            continue
        sentence_start, sentence_end = article.sentence(verb.start)
        if match.end("agent") > sentence_end:
            continue
        agent_end = match.end("agent")
        agent = mentions_or_phrase(article, match.start("agent"), agent_end)
        key = 2_000_000 + verb.start  # the pieces of one report share a quotation number
        if _CLAUSE.match(text, agent_end, sentence_end):  # "asked by X whether ...", "to ..."
            pieces = [trim_span(text, agent_end + 1, sentence_end)]
        else:
            subject = _passive_subject(text, sentence_start, verb.start)
            reason = _REASON.match(text, agent_end, sentence_end)
            tail = trim_span(text, agent_end + 1, sentence_end) if reason else None
            pieces = [piece for piece in (subject, tail) if piece]
        pieces = [piece for piece in pieces if piece[1] > piece[0]]
        for span in pieces:
            if text[span[0]] != MARK:
                records.append(report_record(article, span, verb, agent, "passive agent", key))
    return records


def agentless_reports(article: ArticleContext) -> list[dict]:
    """``X was asked whether ...``, ``Staff were told that ...``: a passive reporting verb without
    an agent, then its clause; the content has no source (the asker is not named)."""
    records = []
    for match in _AGENTLESS.finditer(article.text):
        lemma, verb_class = article.lexicon.forms.get(match.group("verb"), ("", None))
        if (
            verb_class is None
            or not verb_class.clause
            or in_sorted_spans(match.start(), article.quoted)
        ):
            continue
        verb = Verb(match.start("verb"), match.end("verb"), lemma, verb_class)
        end = article.sentence(verb.start)[1]
        start = match.start("clause") + (5 if match.group("clause") == "that" else 0)
        if not re.match(r"(?:is|are|was|were|been|being)\b", match.group()):
            comma = article.text.find(",", start, end)  # "When asked X, he said": X ends there
            end = comma if comma >= 0 else end
        span = trim_span(article.text, start, end)
        if span[1] - span[0] >= 3 and article.text[span[0]] != MARK:
            records.append(report_record(article, span, verb, [], "passive without agent"))
    return records


def _participle(article: ArticleContext, match: re.Match) -> Verb | None:
    """The reporting verb of a "V-ed by" match when it is a passive or a reduced relative."""
    form = match.group("verb")
    lemma, verb_class = article.lexicon.forms.get(form, ("", None))
    if verb_class is None or verb_class.no_source or lemma == "according to":
        return None
    if (
        form.endswith(("ing", "s"))
        or form == lemma
        or in_sorted_spans(match.start(), article.quoted)
    ):
        return None
    before = article.text[max(0, match.start() - 40) : match.start()]
    if not (_BE_BEFORE.search(before) or _COMMA_BEFORE.search(before)):
        return None
    return Verb(match.start("verb"), match.end("verb"), lemma, verb_class)


def _passive_subject(text: str, sentence_start: int, verb_start: int) -> tuple[int, int] | None:
    """The passive subject: from the clause start to the auxiliary (or the comma of a reduced
    relative), at most ten words within 200 characters of the verb; None when longer or empty."""
    lower = max(sentence_start, verb_start - _SUBJECT_CHARACTERS)  # no sentence-long scan
    head = text[lower:verb_start]
    be = _BE_BEFORE.search(head) or _COMMA_BEFORE.search(head)
    if be is None:
        return None
    end = lower + be.start()
    for auxiliary in ("has", "have", "had", "will", "would", "could", "may", "might"):
        if text[lower:end].endswith(" " + auxiliary):
            end -= len(auxiliary) + 1
    clause = max(text.rfind(sep, lower, end) for sep in (",", ";", ":", "("))
    start = clause + 1 if clause >= 0 else lower
    span = trim_span(text, start, end)
    if span[1] == span[0] or len(WORD.findall(text[span[0] : span[1]])) > _SUBJECT_WORDS:
        return None
    return span
