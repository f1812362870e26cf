"""Reports in a participle clause that opens a sentence: ``Noting that the tolls had doubled, Mayor
Anna Berg called for a review``, ``After suggesting that ..., X left`` and ``Asked whether the ferry
would run, the mayor said ...`` (see :mod:`analysis.measures.quotes`, "indirect").

A fronted -ing clause shares the subject of the main clause after its comma (Quirk et al. 1985,
*A Comprehensive Grammar of the English Language*, 15.58-15.59: the implied subject of a
supplementive clause is the subject of the superordinate clause). A fronted "Asked ..." reports the
question put to that subject; its asker is not stated, so the record has no source (PolNeAR,
Newell, Margolin & Ruths 2018, annotates such questions without a Source). The content is the
clause from its "that" or question word (else from the verb) to the comma.
"""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.unmarked import report_record
from analysis.measures.quotes.verbs import Verb
from analysis.measures.speakers import Mention
from analysis.text.quotemarks import MARK

#: Where the reported part of the participle clause starts: "that" or a question word, or "about".
_OPENER = re.compile(r"\b(?:that|whether|if|why|how|what|when|where|who|about)\b")
#: A preposition before an opening -ing clause ("After suggesting that ..., X").
_PREPOSITION = re.compile(r"(?:After|Before|While|By|In|Without|Since|Upon|Despite|When)\s+")
#: What may stand between the comma and the main clause's subject mention.
_BEFORE_SUBJECT = re.compile(r",\s*(?:[Tt]he\s+)?")


def opening_participles(article: ArticleContext) -> list[dict]:
    """One ``indirect`` record per sentence opened by a capitalised -ing form or "Asked" of a
    clause-taking reporting verb and closed by a comma before the main clause."""
    records = []
    text = article.text
    for sentence_start, sentence_end in article.sentences:
        verb = _opening_verb(article, sentence_start, sentence_end)
        if verb is None:
            continue
        comma = text.find(",", verb.end, sentence_end)
        if comma < 0 or MARK in text[verb.end : comma]:
            continue
        opener = _OPENER.search(text, verb.end, comma)
        start = opener.end() if opener and opener.group() == "that" else verb.end
        if opener and opener.group() != "that":
            start = opener.start()
        while start < comma and text[start].isspace():
            start += 1
        if len(WORD.findall(text[start:comma])) < 2:
            continue
        asked = verb.lemma == "ask"
        subject = [] if asked else _main_subject(article, comma, sentence_end)
        if not asked and not subject:
            continue
        records.append(report_record(article, (start, comma), verb, subject, "opening participle"))
    return records


def _opening_verb(article: ArticleContext, start: int, end: int) -> Verb | None:
    """The clause-taking verb opening the sentence: a capitalised -ing form or "Asked", or an -ing
    form after a capitalised preposition ("After suggesting that ...")."""
    preposition = _PREPOSITION.match(article.text, start, end)
    match = article.lexicon.title_case.match(
        article.text, preposition.end() if preposition else start, end
    )
    if match is None or match.group()[:1].isupper() == bool(preposition):
        return None
    form = match.group().lower()
    lemma, verb_class = article.lexicon.forms.get(form, ("", None))
    if verb_class is None or not verb_class.clause:
        return None
    if not (form.endswith("ing") or (form == "asked" and not preposition)):
        return None
    return Verb(match.start(), match.end(), lemma, verb_class)


def _main_subject(article: ArticleContext, comma: int, upper: int) -> list[Mention]:
    """The mention opening the main clause right after the comma, if any."""
    following = article.mentions.between(comma, upper)
    if following and _BEFORE_SUBJECT.fullmatch(article.text, comma, following[0].start):
        return following[:1]
    return []
