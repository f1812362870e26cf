"""Who said a quotation: its reporting verb and subject (see :mod:`analysis.measures.quotes`,
"Speakers"; subjects by :mod:`analysis.measures.speakers`)."""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD, QuotedSpan
from analysis.measures.quotes.unmarked import (
    HEARER,
    OBJECT_VERBS,
    noun_phrase_after,
    noun_phrase_source,
)
from analysis.measures.quotes.verbs import Verb
from analysis.measures.speakers import Mention
from analysis.text.lexicon import FUNCTION_WORDS, ROLE_WORDS
from analysis.text.quotemarks import MARK


def find_attribution(article: ArticleContext, span: QuotedSpan) -> dict:
    """Find the reporting verb and speaker of one quoted span (empty dict when none)."""
    text = article.text
    sentence_start = article.sentence(span.open)[0]
    sentence_end = article.sentence(span.close if span.close is not None else span.end - 1)[1]
    previous_close = article.previous_close(span, sentence_start)  # in its paragraph
    next_open = article.next_open(span, sentence_end)
    before_lower = max(sentence_start, previous_close)
    lead = text[before_lower : span.open]
    found: dict = {}
    if span.close is not None:
        after_upper = min(sentence_end, next_open)
        expects = text[span.close - 1 : span.close] in ",?!" or text[span.close + 1 :][:1] == ","
        for verb in article.verbs_between(span.close + 1, after_upper):
            gap = text[span.close + 1 : verb.start]
            final = _closing_frame(article, verb, span.close + 1, sentence_end)
            if re.match(r"[\s,]*(?:and|but|or|while|as|when|because|if|so)\b", gap) and not final:
                break  # '"...," and Holder urged him': a new clause, not the attribution
            if not expects and len(WORD.findall(gap)) > 3 and not final:
                break  # '"Rage" is a word that ... Romano does criticize': not an attribution
            subject = _inverted_closing(article, verb, gap, after_upper) if final else []
            subject = subject or article.mentions.subject_before(verb.start, span.close + 1)
            rule = "after"
            if not subject and verb.end - verb.start > 3 and article.participle(verb):
                # '... a "phony theology," saying he ...': the main clause's subject
                subject = [
                    m for m in article.subject_of(verb, sentence_start) if m.end <= span.open
                ]
            if not subject and (final or re.fullmatch(r"[\s,.;:!?\u2014-]*", gap)):
                subject = article.mentions.subject_after(verb.end, after_upper)
                subject = subject or noun_phrase_after(article, verb, after_upper)
                rule = "inverted"
            if not subject:  # '"...," the person (in the room) added': a noun-phrase source
                subject = noun_phrase_source(article, verb, span.close + 1, loose=expects)
                rule = "after"
            if subject:
                found = {"verb": verb, "subject": subject, "rule": rule}
            break
    if not found and span.close is not None and sentence_end == span.close + 1:
        found = _next_sentence_attribution(article, span) or _signature(article, span)
    before = {}
    colon = lead.rstrip().endswith(":")
    verbs = [v for v in article.verbs_between(before_lower, span.open) if v.lemma != "according to"]
    for verb in reversed(verbs):
        subject = article.subject_of(verb, sentence_start)
        if not subject and text[verb.start].isupper():  # 'Said Dahl, "..."': inverted
            subject = article.mentions.subject_after(verb.end, span.open)
        if not subject:  # 'Another commenter wrote, "..."', 'the officer said that "..."'
            subject = noun_phrase_source(article, verb, before_lower, loose=True)
        if subject:
            before = {"verb": verb, "subject": subject, "rule": "before"}
            before = _outer_speech(article, verbs, before, sentence_start) or before
        break
    if not before and colon:
        before = _colon_frame(article, before_lower, span.open)
    according = {}
    for verb in article.verbs_between(sentence_start, sentence_end):
        if verb.lemma == "according to":
            subject = article.mentions.subject_after(verb.end, sentence_end)
            if subject:
                according = {"verb": verb, "subject": subject, "rule": "according_to"}
            break
    reused = previous_close > sentence_start and _previous_quote_verb(text, before, previous_close)
    own_first = not lead.strip() or bool(found and reused)
    order = [found, before, according] if own_first else [before, found, according]
    return next((candidate for candidate in order if candidate), {})


def _closing_frame(article: ArticleContext, verb: Verb, lower: int, sentence_end: int) -> bool:
    """'"..." than that of the harbour chief, Dahl said.': a frame set off by a comma at the end of
    the sentence (its subject, at most five words or a person's name with a title of up to nine,
    between the comma and the verb, or inverted:
    *, said Ola Dahl, an analyst.*) attributes the whole sentence, the quotation included, though
    other words follow the quotation's mark; no quotation mark or reporting verb after it."""
    text = article.text
    comma = text.rfind(",", lower, verb.start)
    if comma < 0 or len(WORD.findall(text[comma : verb.start])) > _FRAME_WORDS + (
        _TITLED_NAME_WORDS if _named_right_before(article, comma, verb.start) else 0
    ):
        return False
    if not text[verb.start - 1 : verb.start].isspace():
        return False  # "June 28, 2016</tweet>": markup, not a frame
    rest = text[verb.end : sentence_end]
    inverted = not text[comma + 1 : verb.start].strip()
    if not inverted and not _FRAME_END.match(rest):
        return False
    return MARK not in rest and not article.verbs_between(verb.end, sentence_end)


#: Words a closing frame's subject may have, and how many more a person's name with its title
#: may take (*, Justice Department senior trial counsel Ola Dahl wrote.*).
_FRAME_WORDS = 5
_TITLED_NAME_WORDS = 4


def _named_right_before(article: ArticleContext, lower: int, upper: int) -> bool:
    """Whether a person's name in ``[lower, upper)`` ends right before ``upper``."""
    found = article.mentions.between(lower, upper)
    return bool(found) and found[-1].person and not article.text[found[-1].end : upper].strip()


def _inverted_closing(article: ArticleContext, verb: Verb, gap: str, upper: int) -> list[Mention]:
    """The subject of an inverted closing frame right after a comma (*... if she lost, said Ola
    Dahl, an analyst.*: Dahl, not *she*); none after a verb with a hearer (*..., tells Varnby
    News*: the hearer)."""
    if not re.search(r",\s*$", gap) or verb.lemma in OBJECT_VERBS:
        return []
    return article.mentions.subject_after(verb.end, upper)


def _previous_quote_verb(text: str, before: dict, previous_close: int) -> bool:
    """'"A," she said, but ..., "B," said Kunin': the verb before the span is the attribution of the
    quotation closed just before it (at most four words after its mark), not of this span."""
    verb = before.get("verb")
    return verb is not None and len(WORD.findall(text[previous_close : verb.start])) <= 4


def _outer_speech(
    article: ArticleContext, verbs: list[Verb], inner: dict, sentence_start: int
) -> dict:
    """'Khan said officials will discuss "ways to cooperate"': a quotation governed by a verb of
    thought, stance or topic (codebook ``speech: false``) inside the report of an earlier speech
    verb of the sentence is that speech verb's speaker's (the words are reported, Quirk et al.
    1985, 14.31); empty when no such verb stands before the inner verb in its clause."""
    if inner["verb"].cls.speech:
        return {}
    for verb in reversed([v for v in verbs if v.end <= inner["verb"].start]):
        if ";" in article.text[verb.end : inner["verb"].start]:
            break
        if verb.cls.speech and verb.cls.clause:
            subject = article.subject_of(verb, sentence_start)
            return {"verb": verb, "subject": subject, "rule": "before"} if subject else {}
    return {}


#: What may stand before a colon frame's mention: a fronted phrase without a mention (*In response
#: to the loss,*) and *the*.
_FRAME_OPENING = re.compile(r"\s*(?:[^,;:\"\u201c\u201d]{1,80},\s+)?(?:[Tt]he\s+)?")


def _role_gap(gap: str) -> bool:
    """Nothing, or up to four words that end in a role noun, with no function word among them
    (*Republican presidential nominee*)."""
    words = gap.split()
    return not words or (
        len(words) <= 4
        and words[-1].lower() in ROLE_WORDS
        and not any(word.lower() in FUNCTION_WORDS for word in words)
    )


def _colon_frame(article: ArticleContext, lower: int, upper: int) -> dict:
    """'Ana Lind issued the following statement: "..."': a colon introduces direct speech
    (Quirk et al. 1985, 14.29), so the mention opening the introducing clause is its source even
    without a reporting verb (no cue then), also after a fronted phrase that names no one and role
    words (*In response, Republican nominee Ana Lind issued*: Lind); after an unnamed modifier, a
    name after role words is the mention (*Republican nominee Ana Lind issued*: Lind)."""
    found = article.mentions.between(lower, upper)
    opening = _FRAME_OPENING.match(article.text, lower, found[0].start) if found else None
    if opening and _role_gap(article.text[opening.end() : found[0].start]):
        first = found[0]
        named = None if first.canonical else article.mentions.named_after_roles(first, found[1:])
        return {"verb": None, "subject": [named or first], "rule": "colon frame"}
    return {}


#: What may follow the verb of a trailing frame in the next sentence: its end, or an adjunct.
_FRAME_END = re.compile(
    r"\s*(?:[.,;:!?]|$|(?:in|on|at|during|to|while|of|about|after|before|as|when|with|from|"
    r"through|by|[a-z]{3,}ly)\b)"
)


def _next_sentence_attribution(article: ArticleContext, span: QuotedSpan) -> dict:
    """'"...?" Obama said.': the attribution opens the next sentence when the mark ends its own."""
    text = article.text
    block = article.blocks[span.block]
    start = span.close + 1
    while start < block.end and text[start].isspace():
        start += 1
    if start >= block.end or text[start] == MARK:
        return {}
    end = article.sentence(start)[1]
    for verb in article.verbs_between(start, end)[:1]:
        if len(WORD.findall(text[start : verb.start])) > 6 or verb.lemma == "according to":
            return {}
        rest = text[verb.end : end]
        hearer = HEARER.match(rest) if verb.lemma in OBJECT_VERBS else None
        if hearer:  # '"...?" Berg asked the harbour master.'
            rest = rest[hearer.end() :]
        if not _FRAME_END.match(rest):
            return {}
        subject = article.mentions.subject_before(verb.start, start)
        if subject:
            return {"verb": verb, "subject": subject, "rule": "next sentence"}
    return {}


def _signature(article: ArticleContext, span: QuotedSpan) -> dict:
    """'"..." / -Michelle Marks, Varnby.': a paragraph opened by a dash and a name signs the
    quotation that ends the paragraph before it (a letter's, a comment's or a tweet's signature)."""
    text = article.text
    if span.close is None or span.block + 1 >= len(article.blocks):
        return {}
    if text[span.close + 1 : article.blocks[span.block].end].strip():
        return {}
    block = article.blocks[span.block + 1]
    dash = _SIGNATURE_DASH.match(text, block.start, block.end)
    if dash is None:
        return {}
    signed = [m for m in article.mentions.between(dash.end(), block.end) if m.start == dash.end()]
    return {"verb": None, "subject": signed[:1], "rule": "signature"} if signed else {}


#: The dash that opens a signature line.
_SIGNATURE_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
#: The words between an inverted frame's verb and the quotation it resumes: its subject or a time
#: word, then an appositive of up to twenty words.
_INVERTED_SUBJECT = re.compile(r"(?:\s+[\w.'-]+){1,4},(?:(?:\s+[\w.'-]+){1,20},)?\s*")
#: Most words between a quotation and its resumption after the frame (verb, subject, appositive).
_RESUMPTION_WORDS = 24


def direct_position(article: ArticleContext, span: QuotedSpan, lead: str) -> bool:
    """Whether the span stands where direct speech stands (see the module docstring)."""
    stripped = lead.rstrip()
    if not stripped or span.continued:
        return True
    if stripped.endswith(":"):
        return True
    last_verb = article.verbs_between(span.open - len(lead), span.open)
    if last_verb and last_verb[-1].cls.clause:
        between = article.text[last_verb[-1].end : span.open]
        if re.fullmatch(r"\s*,?\s*", between):
            first = article.text[span.start : span.start + 1]
            return between.strip() == "," or first.isupper()
        # "tells Etheridge, "..."", "said Monday, "..."", "said Ola Dahl, director of ..., "...""
        return _INVERTED_SUBJECT.fullmatch(between) is not None
    return False


def governing_verb(article: ArticleContext, span: QuotedSpan, lower: int) -> Verb | None:
    """The last reporting verb before the quotation in its sentence, even without a subject
    ('the group's first ad called Obama an "elitist hypocrite"')."""
    verbs = [v for v in article.verbs_between(lower, span.open) if v.lemma != "according to"]
    return verbs[-1] if verbs else None


def interrupted(
    article: ArticleContext, span: QuotedSpan, previous: dict, lead: str, own: dict
) -> bool:
    """'"A," he said. "B."': the span resumes the previous direct quotation after its attribution
    (unless it has its own attribution naming someone else)."""
    attribution = previous.get("attribution") or {}
    if previous["kind"] != "direct" or attribution.get("rule") not in {"after", "inverted"}:
        return False
    if own and own["verb"] is not attribution["verb"]:
        return False
    verb: Verb = attribution["verb"]
    between = article.text[previous["end"] : span.open]
    block = article.blocks[span.block]
    return (
        block.start <= previous["end"] <= verb.start < span.open
        and len(WORD.findall(between)) <= _RESUMPTION_WORDS
        and direct_position(article, span, lead)
    )


def inherited_attribution(article: ArticleContext, span: QuotedSpan, records: list[dict]) -> dict:
    """Attribution of a direct quotation without its own: the previous quotation in the paragraph, or
    the last attributed record of the previous paragraph when this paragraph opens with the quote."""
    block = article.blocks[span.block]
    same = [
        r
        for r in records
        if block.start <= r["start"] < block.end
        and r.get("attribution")
        and r["kind"] in {"direct", "partial"}
    ]
    if same:
        return same[-1]["attribution"]
    following = [s for s in article.block_spans[span.block] if s.open > span.open]
    if following:
        attribution = find_attribution(article, following[0])
        if attribution:
            return attribution
    if article.text[block.start : span.open].strip():
        return {}
    if span.block == 0:
        return {}
    previous = article.blocks[span.block - 1]
    introduction = colon_introduction(article, previous.start, previous.end)
    if introduction:
        return introduction
    earlier = [
        r
        for r in records
        if previous.start <= r["start"] < previous.end
        and r.get("attribution")
        and r["kind"] in {"direct", "partial", "indirect"}
    ]
    return earlier[-1]["attribution"] if earlier else {}


def share_group_speakers(article: ArticleContext, records: list[dict]) -> None:
    """Pieces of one quotation get the speaker found for any of them (first found wins)."""
    best: dict[int, dict] = {}
    for record in records:
        if record["speaker"] and record["quotation"] not in best:
            best[record["quotation"]] = record
    for record in records:
        source = best.get(record["quotation"])
        if source and not record["speaker"] and record["kind"] in {"direct", "partial"}:
            for key in ("speaker", "speaker_mention", "verb", "verb_class"):
                record[key] = source[key]
            record["attribution"] = source.get("attribution")
            record["speaker_rule"] = "same quotation"


def colon_introduction(article: ArticleContext, start: int, end: int) -> dict:
    """'Caddell continued:' closing the previous paragraph introduces the quotation that opens the
    next one: the last reporting verb of that paragraph's last sentence, and its subject; without a
    reporting verb that has a subject (*Ana Lind issued the following statement:*) the colon
    frame's mention."""
    body = article.text[start:end].rstrip()
    if not body.endswith(":"):
        return {}
    sentence_start = max(start, article.sentence(start + len(body) - 1)[0])
    verbs = [
        v
        for v in article.verbs_between(sentence_start, start + len(body))
        if v.lemma != "according to"
    ]
    if verbs:
        verb = verbs[-1]
        subject = article.subject_of(verb, sentence_start) or noun_phrase_source(
            article, verb, sentence_start
        )
        if subject:
            return {"verb": verb, "subject": subject, "rule": "colon introduction"}
    return _colon_frame(article, sentence_start, start + len(body))
