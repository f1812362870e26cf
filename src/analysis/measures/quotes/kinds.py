"""What kind a quoted span is (direct, partial, scare, gloss, echo) and its output row (see
:mod:`analysis.measures.quotes`, "Kinds")."""

from __future__ import annotations

import re

from analysis.measures.quotes.attribution import (
    direct_position,
    find_attribution,
    governing_verb,
    inherited_attribution,
    interrupted,
    share_group_speakers,
)
from analysis.measures.quotes.context import ArticleContext, content_words, word_count
from analysis.measures.quotes.spans import WORD, QuotedSpan, title_like
from analysis.measures.quotes.verbs import Verb
from analysis.text.lexicon import FUNCTION_WORDS, QUOTE_STOP_WORDS

_GLOSS_LEAD = re.compile(
    r"(?:,\s*(?:the|or|a|an|aka|i\.e\.)?\s*|\(\s*(?:the|or|meaning|literally|i\.e\.)?\s*|"
    r"\b(?:meaning|means|literally|known as|translated as|translates as|which means|or)\s+(?:the\s+)?|"
    r"\b(?:a|an|the)\s+[a-z]+\s+(?:called|named|dubbed)\s+(?:the\s+)?)$"
)


def _is_gloss(article: ArticleContext, span: QuotedSpan, lead: str) -> bool:
    """An appositive gloss or translation of a name (see the module docstring)."""
    if not _GLOSS_LEAD.search(lead):
        return False
    body = article.text[span.start : span.end]
    words = WORD.findall(body)
    if not words or len(words) > 6:
        return False
    title_case = all(w[:1].isupper() or w.lower() in QUOTE_STOP_WORDS for w in words)
    head = re.sub(_GLOSS_LEAD, "", lead)
    tail = WORD.findall(head)[-4:]
    named = any(w[:1].isupper() for w in tail) or any(
        w.lower() in {"group", "organization", "party", "movement", "word", "term", "name"}
        for w in tail
    )
    return named and (title_case or len(words) <= 3)


_WORK_NOUNS = re.compile(
    r"\s*[,.]?\s*(?:show|program|programme|column|op-ed|ad|ads|advertisement|book|film|movie|"
    r"article|headline|campaign|song|video|blog|series|segment|speech|report|memo|letter|"
    r"initiative|policy|bill|act|law|motto|slogan)\b"
)


#: What names a title right before its opening mark: a network's or a medium's possessive (*CNN's*,
#: *television's*) or a work noun (*the show*, *his book,*).
_TITLE_OWNER = re.compile(
    r"(?:\b(?:[A-Z][\w.&-]*|television|radio)['\u2019]s|\b(?:show|program|programme|series|book|"
    r"film|movie|song|album|documentary|magazine|newspaper|podcast|titled|entitled)),?\s*$"
)


def _title_case(article: ArticleContext, span: QuotedSpan, longest: int = 6) -> list[str] | None:
    """The words of a quoted span of one to ``longest`` words in Title Case, else None."""
    words = WORD.findall(article.text[span.start : span.end])
    if not words or len(words) > longest or not words[0][:1].isupper():
        return None
    return words if all(w[:1].isupper() or w.lower() in QUOTE_STOP_WORDS for w in words) else None


#: A year in brackets or a byline right after a quotation: a citation (*"No to Schengen" (2005)*,
#: *"Ferry to stop in May," by the Post's Ola Berg*).
_CITATION_AFTER = re.compile(r"\s*\((?:1[89]|20)\d\d\)|,?\s+by\s+(?:the\s+)?[A-Z]")
#: A programme named after an interview or an appearance on it (*in an interview with "Fox and
#: Friends"*, *said on "New Day"*).
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:interview|appearance|appeared|appearing|speaking|spoke|said|told)\b[^.;:\"]{0,30}"
    r"\b(?:on|with)\s*$"
)


def _owned_title(article: ArticleContext, span: QuotedSpan) -> bool:
    """A Title Case name of up to ten words after its network's possessive, a work noun or an
    interview on it (on CNN's "State of the Union", the reality show "Cake Boss", in an interview
    with "Fox and Friends"), or before a noun it names ("Orange Is the New Black" star): a title,
    even where a direct quotation could stand."""
    lower = max(0, span.open - 60)
    if _title_case(article, span, longest=10) is None:
        return False
    return bool(
        _TITLE_OWNER.search(article.text, lower, span.open)
        or _PROGRAMME_BEFORE.search(article.text, lower, span.open)
        or _names_a_noun(article, span)
    )


def _cited(article: ArticleContext, span: QuotedSpan) -> bool:
    """A quotation of up to twelve words followed by a year in brackets or a byline is a cited
    title or slogan (*"No to Schengen" (2005)*, *"Ferry to stop in May," by the Post's Ola Berg*),
    no one's speech in the sentence."""
    if span.close is None or len(WORD.findall(article.text[span.start : span.end])) > 12:
        return False
    return _CITATION_AFTER.match(article.text, span.close + 1) is not None


def _names_a_noun(article: ArticleContext, span: QuotedSpan) -> bool:
    """Whether a quotation with no closing punctuation of its own stands right before a lower-case
    noun it names (*the "Varn Harbour" star*; not *"Yes," officials said*)."""
    if span.close is None or article.text[span.close - 1 : span.close] in {",", ".", "!", "?"}:
        return False
    return _modifies_a_noun(article.text[span.close + 1 : span.close + 30])


def _is_title(article: ArticleContext, span: QuotedSpan, attribution: dict) -> bool:
    """A name in quotation marks: Title Case (a show, a motto) with no verb, or before a work noun."""
    words = _title_case(article, span)
    if words is None:
        return False
    after = article.text[span.close + 1 : span.close + 30] if span.close is not None else ""
    return bool(_WORK_NOUNS.match(after)) or (not attribution and len(words) >= 2)


def _modifies_a_noun(after: str) -> bool:
    """Whether a Title Case quotation stands right before a lower-case noun that it names (*the
    "Broad City" star*, *"Make America Great Again" hats*): no function word, no -ed or -ing form."""
    noun = re.match(r"\s([a-z][a-z-]+)\b", after)
    return (
        noun is not None
        and noun.group(1) not in FUNCTION_WORDS
        and not noun.group(1).endswith(("ed", "ing"))
    )


def _record(
    article: ArticleContext,
    span: QuotedSpan,
    kind: str,
    kind_rule: str,
    attribution: dict,
    speaker_rule: str,
) -> dict:
    """The output row of one quoted span."""
    text = article.text
    if attribution:
        speaker, mention = article.mentions.name_of(attribution["subject"])
        verb: Verb | None = attribution["verb"]
        speaker_rule = speaker_rule or attribution["rule"]
        lemma, verb_class = (verb.lemma, verb.cls.name) if verb else ("", "")
    else:
        speaker = mention = lemma = verb_class = ""
    if kind in {"scare", "gloss", "echo"}:
        speaker = mention = lemma = verb_class = ""
        speaker_rule = ""
    return {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "kind": kind,
        "speaker": speaker,
        "speaker_mention": mention,
        "verb": lemma,
        "verb_class": verb_class,
        "sentence_start": article.sentence(span.open)[0],
        "sentence_end": article.sentence(span.close if span.close is not None else span.end - 1)[1],
        "words": word_count(text[span.start : span.end]),
        "kind_rule": kind_rule,
        "speaker_rule": speaker_rule if speaker or mention else "",
        "quotation": span.group,
    }


def classify_quotations(article: ArticleContext) -> list[dict]:
    """Kind and speaker of every quoted span, in text order."""
    text = article.text
    records: list[dict] = []
    by_group: dict[int, dict] = {}
    earlier_words: list[set[str]] = []
    by_sentence: dict[int, list[dict]] = {}  # records by sentence start, in text order
    for span in article.spans:
        sentence_start = article.sentence(span.open)[0]
        lower = max(sentence_start, article.previous_close(span, sentence_start))
        lead = text[lower : span.open]
        attribution = find_attribution(article, span)
        words = word_count(text[span.start : span.end])
        kind, kind_rule, speaker_rule = "", "", ""
        if records and interrupted(article, span, records[-1], lead, attribution):
            old, new = span.group, records[-1]["quotation"]
            for other in article.spans:  # continuation pieces follow the regrouping
                if other.group == old:
                    other.group = new
        same_sentence = [
            r
            for r in by_sentence.get(sentence_start, [])
            if r.get("attribution") and r["kind"] in {"direct", "partial"}
        ]
        coordinated = re.fullmatch(r"\s*(?:,|and|or|but|,\s*and|,\s*or)\s*,?\s*", lead) is not None
        if not attribution and same_sentence and span.group not in by_group and coordinated:
            attribution, speaker_rule = same_sentence[-1]["attribution"], "coordinated"
            kind, kind_rule = same_sentence[-1]["kind"], "coordinated with the previous quotation"
        if kind:
            pass
        elif span.group in by_group:
            first = by_group[span.group]
            kind, kind_rule = first["kind"], "continues quotation"
            if not attribution and first.get("attribution"):
                attribution, speaker_rule = first["attribution"], "same quotation"
        elif _owned_title(article, span) or _cited(article, span):
            kind, kind_rule, attribution = "gloss", "title or name in quotation marks", {}
        elif direct_position(article, span, lead):
            kind, kind_rule = "direct", "sentence-initial or after a reporting frame"
            if not attribution:
                attribution, speaker_rule = (
                    inherited_attribution(article, span, records),
                    "inherited",
                )
            if not attribution and words <= 2:
                kind, kind_rule = "scare", "short, no speaker"
        elif _is_gloss(article, span, lead):
            kind, kind_rule = "gloss", "appositive gloss after a name"
        elif title_like(article.blocks[span.block]):
            kind = "partial" if words > 2 else "scare"
            kind_rule = "quotation in a headline"
        elif _is_title(article, span, attribution):
            kind, kind_rule = "gloss", "title or name in quotation marks"
        elif attribution:
            verb: Verb = attribution["verb"]
            if words <= 2 and not verb.cls.short_partial:
                kind, kind_rule = "scare", f"short, under a {verb.cls.name} verb"
            else:
                kind, kind_rule = "partial", "embedded, governed by a reporting verb"
        else:
            kind, kind_rule, attribution = _unattributed_kind(
                article, span, lower, words, earlier_words
            )
        record = _record(article, span, kind, kind_rule, attribution, speaker_rule)
        record["attribution"] = attribution
        records.append(record)
        by_sentence.setdefault(record["sentence_start"], []).append(record)
        by_group.setdefault(span.group, record)
        if kind in {"direct", "partial"}:
            earlier_words.append(content_words(text[span.start : span.end]))
    share_group_speakers(article, records)
    return records


def _unattributed_kind(
    article: ArticleContext, span: QuotedSpan, lower: int, words: int, earlier: list[set[str]]
) -> tuple[str, str, dict]:
    """Kind, rule and attribution of an embedded quotation with no speaker: an echo of an earlier
    quotation, a partial quote under a reporting verb, else scare quotes (two words at most) or a
    partial quote."""
    content = content_words(article.text[span.start : span.end])
    if any(content and len(content & seen) >= 0.6 * len(content) for seen in earlier):
        return "echo", "repeats an earlier quotation", {}
    governing = governing_verb(article, span, lower)
    if governing is not None and (words > 2 or governing.cls.short_partial):
        attribution = {"verb": governing, "subject": [], "rule": ""}
        return "partial", "embedded, governed by a reporting verb, no speaker", attribution
    if words <= 2:
        return "scare", "short, no reporting verb", {}
    return "partial", "embedded, no reporting verb", {}
