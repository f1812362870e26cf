"""Reports in Title Case headlines: ``Varn Mayor Says Ferry Will Run All Winter`` (see
:mod:`analysis.measures.quotes`, "indirect").

Headline style capitalises every word, so the verb finder (lower-case forms) does not see "Says".
In a headline-case line (most words capitalised; Swan 2005, *Practical English Usage*, §"headlines":
headlines drop articles and use the simple present for past events) a capitalised reporting verb
splits the line into source and content (Pareti 2016's source-cue-content triple): the source is the
words before the verb (after a kicker such as ``LOOK:``), the content the words after it up to the
next clause break. The source resolves to a person the article names by last name, as a transcript
label does.
"""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.unmarked import people_by_surname, report_record
from analysis.measures.quotes.verbs import Verb
from analysis.measures.speakers import Mention
from analysis.text.document import Block
from analysis.text.quotemarks import in_sorted_spans

#: Words of a headline-case line, and the share of them capitalised.
_HEADLINE_WORDS = (3, 25)
_CAPITALISED_SHARE = 0.7
_HEADLINE_CHARACTERS = 400
#: Where a headline's content ends: a clause break or a dash between spaces.
_CONTENT_END = re.compile(r"\s*(?:[,;:|\u2013\u2014]|\s-\s)")
#: Most words of a headline's source (it starts after a kicker such as "LOOK:").
_SOURCE_WORDS = 6


def headline_case(block: Block) -> bool:
    """Whether a block reads as a Title Case headline: 3-25 words, at least 70 % capitalised."""
    if len(block.text) > _HEADLINE_CHARACTERS:
        return False
    words = WORD.findall(block.text)
    low, high = _HEADLINE_WORDS
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in words)
    return low <= len(words) <= high and capitalised >= _CAPITALISED_SHARE * len(words)


def headline_reports(article: ArticleContext) -> list[dict]:
    """One ``indirect`` record per capitalised reporting verb of a headline-case block."""
    people = people_by_surname(article)
    records = []
    for block in article.blocks:
        if not headline_case(block):
            continue
        verbs = [
            verb
            for verb in article.lexicon.find_capitalised(article.text, block.start, block.end)
            if not verb.cls.no_source
            and verb.lemma != "according to"
            and not in_sorted_spans(verb.start, article.quoted)
        ]
        for index, verb in enumerate(verbs):
            upper = verbs[index + 1].start if index + 1 < len(verbs) else block.end
            if not article.text[verb.end : upper].strip():
                continue  # "Mueller Report Finds ...": a noun before the verb
            source = _source(article, block, verb, people)
            content = _content(article.text, verb.end, upper)
            if source is None or content is None:
                continue
            record = report_record(article, content, verb, [source], "headline")
            record["speaker_rule"] = "headline"
            records.append(record)
    return records


def _source(
    article: ArticleContext, block: Block, verb: Verb, people: dict[str, str]
) -> Mention | None:
    """The words before the verb (after the last colon), one to six, as the source mention."""
    text = article.text
    start = max(block.start, text.rfind(":", block.start, verb.start) + 1)
    while start < verb.start and text[start].isspace():
        start += 1
    end = verb.start
    while end > start and text[end - 1].isspace():
        end -= 1
    words = WORD.findall(text[start:end])
    if not 1 <= len(words) <= _SOURCE_WORDS:
        return None
    name = people.get(words[-1].lower().removesuffix("'s"), "")
    kind = "name" if name else "description"
    return Mention(start, end, text[start:end], kind, canonical=name)


def _content(text: str, start: int, upper: int) -> tuple[int, int] | None:
    """The words after the verb up to the next clause break (or ``upper``), without final
    punctuation; None when fewer than two words."""
    while start < upper and text[start].isspace():
        start += 1
    cut = _CONTENT_END.search(text, start, upper)
    end = cut.start() if cut else upper
    while end > start and text[end - 1] in " .!?\u2026":
        end -= 1
    if len(WORD.findall(text[start:end])) < 2:
        return None
    return start, end
