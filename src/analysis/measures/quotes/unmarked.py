"""Reported speech without quotation marks whose attribution follows or interrupts the content, and
sources that are plain noun phrases (see :mod:`analysis.measures.quotes`, "indirect").

Patterns (Pareti 2016, PARC 3.0: the source-cue-content triple with the cue after or inside the
content; Newell, Margolin & Ruths 2018 annotate the same patterns in PolNeAR):

* trailing attribution: ``The plant will close in May, officials said.`` (also with an adjunct after
  the verb: ``..., he said on Friday.``, ``..., the company said in a statement.``): the content is the
  sentence up to the comma;
* parenthetical attribution: ``The plant, officials said, will close in May.``: the content is the
  sentence without the attribution, given as two records of one quotation;
* noun-phrase source: when no speaker mention stands before a verb, a short noun phrase opening its
  clause is the source (``Some 22 percent said they ...``, ``The report found ...``); it has no
  resolved speaker, only its surface form and offsets.
"""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext, word_count
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.verbs import Verb
from analysis.measures.speakers import Mention
from analysis.text.lexicon import CLAUSE_REJECT, IRREGULAR_PAST, SOURCE_REJECT, wordset
from analysis.text.quotemarks import MARK

#: What may follow a trailing attribution's verb before the sentence ends: an adjunct of time, place
#: or medium ("on Friday", "in a statement", "last week", "Tuesday").
_TAIL = re.compile(
    r"(?:\s+(?:on|in|at(?!\s+(?:least|most)\b)|during|to|while|of|about|after|before|last|this|"
    r"earlier|late|early|"
    r"recently|today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^.;:!?\"]*)?"
    r"[.!?]?\s*$"
)
#: A that-clause after a short adjunct of the verb (*said Friday that*): the verb's own content.
_THAT_CLAUSE_AFTER_ADJUNCT = re.compile(r"(?:\s+[\w']+){1,4}?,?\s+that\s+(?!is\b|was\b)")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|"
    r"isn't|aren't|wasn't|weren't|won't|wouldn't|can't|couldn't|shouldn't|didn't|doesn't|don't|"
    rf"[a-z]{{2,}}ed|[a-z]{{2,}}s|{'|'.join(sorted(IRREGULAR_PAST))})\b"
)
#: An operator, a past or an -es form: finite verbs that no possessive resembles (*his*, *its*).
_OPERATOR_OR_PAST = re.compile(_FINITE.pattern.replace(r"[a-z]{2,}s|", r"[a-z]{3,}es|"))
#: Determiners and possessive pronouns.
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "another", "each", "every", "his", "her"}
    | {"its", "their", "our", "my", "your"}
)
#: Determiners of a singular noun phrase, whose verb agrees (*a report says*, never *a report say*).
_SINGULAR_DETERMINERS = frozenset({"a", "an", "each", "every", "this", "that"})
#: Quantity nouns that make a phrase with "a" plural in meaning (*a majority say*, *a third say*).
_QUANTITY_NOUNS = wordset(
    "percent majority minority number third quarter half fifth plurality lot couple few handful"
    " dozen host series"
)
_CLAUSE_SEPARATORS = (",", ";", ":", "(", MARK, "\u2014", "\u2013", "--")
#: A noun phrase that can be a source: up to ten words, no verb-like or clause words inside.
_NOUN_PHRASE = re.compile(r"(?:[\w'’.%$-]+\s+){0,9}[\w'’.%-]+")
#: Words that may stand inside a loose noun-phrase source ("workers in Ohio and Texas", "a study by
#: the institute").
_NOUN_PHRASE_INNER = frozenset(
    {"and", "of", "in", "at", "from", "on", "for", "with", "about", "by"}
)
#: A coordinator or subordinator opening the clause of a loose noun-phrase source, not part of it
#: ("But workers in Ohio say", "While one survey says").
_LEAD = re.compile(
    r"(?:and|but|or|so|yet|while|whereas|when|as|after|before|because|since|although|though|if|"
    r"until|once)\s+",
    re.IGNORECASE,
)
#: A subordinator inside a clause and the determiner of the subject of its own clause ("... when a
#: young boy said"), or a bare plural right before the verb ("after leaked emails showed"): the
#: source phrase starts there.
_SUBORDINATE_SUBJECT = re.compile(
    r"\s(?:when|while|whereas|because|after|before|since|although|though|until|once|if|why)\s+"
    r"((?:an?|the|one|another|some|several|many|two|three|his|her|their|its)\s|(?:[a-z]+\s)?[a-z]+s$)"
)
#: A number set off by commas after a noun phrase, before its verb (*A third of voters, 33%, say*).
_NUMBER_APPOSITIVE = re.compile(r"(?:,\s*\d[\d.,]*\s*(?:%|percent)?,\s*)?$")
#: A locative adverb after the noun phrase it modifies (*officials there said*, *workers here say*).
_LOCATIVE_AFTER = re.compile(r"(?:(?<=\w)\s+(?:here|there))?$")
#: The head of a restrictive relative clause that runs to the verb (*Even those who have sketched
#: a path say*, *Voters who backed the plan say*): a focusing adverb, then up to four words.
_RELATIVE_HEAD = re.compile(
    r"(?:(?:[Ee]ven|[Oo]nly|[Jj]ust|[Aa]lso)\s+)?((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+who\s+\S"
)
#: A parenthetical between a subject and its verb: a participle clause, a non-restrictive relative
#: clause or an age between commas (*The poll, released on Monday, showed*; *The report, which
#: came out in May, found*; Quirk et al. 1985, 17.22, 17.54).
_PARENTHETICAL = re.compile(r",\s+(?:[a-z]+(?:ed|en|ing)|which|who|\d{1,3})\b[^,;:\"()]{0,80},\s*$")
#: A relative possessive and its noun (*whose lawyers*, *whose own aides*): a source of its own,
#: not the name it follows.
_WHOSE_PHRASE = re.compile(r"whose\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*")
#: Demonstratives that may open a loose noun-phrase source ("Those surveyed say", "This study
#: found"), when a word follows.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: Approximators before a number opening a source ("about 9 percent").
_APPROXIMATELY = frozenset({"about", "nearly", "almost", "just", "only", "some", "roughly", "over"})
#: An inverted noun-phrase source: a determiner or number, then up to nine words, then punctuation
#: or a relative pronoun or participle (*going by*, *known as*, *based in*).
_INVERTED_PHRASE = re.compile(
    r"\s+((?:an?|the|one|another|some|two|three|several|many|[Aa]\s+senior|[Aa]\s+former)\b"
    r"(?:\s+[\w'’.-]+){1,9}?)"
    r"(?=\s*(?:[.,;:!?]|$)|\s+(?:who|whom|whose|which|that|[a-z]{2,}ing|"
    r"known|named|called|based|involved|tasked|charged|hired|appointed|identified|elected|"
    r"employed|assigned)\s)"
)
#: Words that may stand inside an inverted noun-phrase source ("said one of those advisers", "said
#: a longtime adviser to both candidates").
_INVERTED_INNER = _NOUN_PHRASE_INNER | frozenset(
    {"to", "the", "those", "these", "his", "her", "their", "its", "our", "both"}
)
#: A transcript label opening a paragraph: one to three upper-case words and a colon ("PENCE:").
_LABEL = re.compile(r"((?:[A-Z][A-Z.'-]+\s){0,2}[A-Z][A-Z'-]{2,}):\s+(?=\S)")
#: What may follow the source of an inverted trailing attribution: the sentence end, an adjunct or a
#: prepositional modifier ("a spokesman for the board"), an appositive after a comma (", a former
#: teacher who ...") or a semicolon.
_APPOSITIVE_TAIL = re.compile(
    r"(?:\s*[,;(][^\"]*|\s+(?:on|in|at|during|last|this|earlier|for|of|with|from)\b[^\"]*)?"
    r"[.!?)]?\s*"
)
#: An appositive after an inverted parenthetical source, up to the comma that ends it (", a
#: historian at the Varnby Museum").
_APPOSITIVE_BEFORE_COMMA = re.compile(r",\s+(?:an?\s+|the\s+)?[a-z][^,;:\"]*(?=,)")
#: A one-word answer or interjection that a trailing attribution closes (*Sorry, Berg said.*).
_ANSWER = re.compile(r"(?:Yes|No|Sorry|Maybe|Absolutely|Never|Nope|Yeah|Sure|Thanks|Exactly)")
_SENTENCE_END = re.compile(r"[.!?]?\s*")
#: A short adjunct of time, place or medium between a parenthetical verb and its closing comma.
_SHORT_ADJUNCT = re.compile(
    r"\s+(?:in|on|at|during|last|this|earlier|late|early|over|via)\b[^,;:\"]{1,40}(?=,)"
)
#: A Title Case label of one to three words and a colon opening a line ("Bernie Sanders: ...").
_TITLE_LABEL = re.compile(r"((?:[A-Z][\w.'-]*\s){0,2}[A-Z][\w'-]{2,}):\s+(?=\S)")
#: Adverbs and auxiliaries allowed between a source and its verb ("the company also said", "the
#: union is calling for").
_BEFORE_VERB = re.compile(
    r"(?:\s+(?:also|later|previously|then|again|now|still|already|often|never|has|have|had|will|"
    r"would|could|can|may|might|should|must|did|does|do|is|are|was|were|be|been|[a-z]{3,}ly))*\s*$"
)


#: Verbs that take an object (the hearer) before a reported clause ("assure Iran his country is
#: ...") or after a trailing attribution ("..., the mayor told reporters."), and that hearer: an
#: object pronoun, a group of listeners, a capitalised name (an outlet) or a determiner and up to
#: three words ("a council panel"; no "that", preposition or auxiliary among them).
OBJECT_VERBS = frozenset({"tell", "assure", "warn", "remind", "promise", "inform", "urge", "ask"})
_AUXILIARY = r"is|are|was|were|has|have|had|will|would|can|could|may|might|should|must"
HEARER = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|voters|supporters|lawmakers|"
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.'-]*\s+)*[A-Z][\w.'-]*|"
    r"(?:an?|the|his|her|their|its)\s+(?:(?!(?:that|whether|if|to|about|on|in|at|for|of|with|"
    rf"{_AUXILIARY})\b)[\w-]+\s+){{0,2}}(?!(?:that|whether|if|{_AUXILIARY})\b)\w[\w-]*)(?=[\s,.]|$)"
)


#: Subject pronouns: a bare clause they open is a clause whatever its verb ("saying it set a record").
_SUBJECT_PRONOUN = frozenset({"i", "we", "you", "he", "she", "they"})
#: A mid-position adverb and the word after it: the verb of a plural subject that has no -s
#: (*officers still scrutinize*, *voters often prefer*; Quirk et al. 1985, 8.20).
_ADVERB_VERB = re.compile(
    r"\b(?:still|also|often|never|always|already|usually|generally|rarely|sometimes|increasingly|"
    r"largely|mostly|strongly|overwhelmingly)\s+[a-z]{3,}\b"
)
#: Subjects that carry a contracted verb in a two-word clause (*it's good*, *they're wrong*).
_CONTRACTED_SUBJECTS = frozenset({"it", "that", "there", "he", "she", "they", "we", "i", "you"})
#: A word with a contracted verb (*it's*, *there's*, *that'll*).
_CONTRACTED_VERB = re.compile(r"(\w+)['\u2019](?:s|re|ll|m|ve|d)")
#: Coordinators that may open a content before a trailing attribution ("But the plan failed, he said").
_COORDINATORS = frozenset({"and", "but", "or", "nor", "so", "yet"})


def clause_like(clause: str) -> bool:
    """Whether a bare clause has at least three words and a verb-like word after the first (an
    operator, a past or -s form, or a word after a mid-position adverb), or opens with a subject
    pronoun; two words do when they are a subject pronoun and a finite verb (*said he
    agreed*), an operator whose predicate is left out included (*said she would*; Quirk et al.
    1985, 12.21)."""
    words = WORD.findall(clause)
    if len(words) == 2 and words[0].lower() in _SUBJECT_PRONOUN:
        return _FINITE.fullmatch(words[1].lower()) is not None
    contracted = _CONTRACTED_VERB.fullmatch(words[0].lower()) if words else None
    if len(words) == 2 and contracted and contracted.group(1) in _CONTRACTED_SUBJECTS:
        return True  # "it's good", "that's wrong": a subject and its verb in one word
    if len(words) < 3:
        return False
    pronoun = words[0].lower().split("'")[0] in _SUBJECT_PRONOUN  # "they're" too
    lowered = " ".join(words[1:]).lower()
    return (
        pronoun or _FINITE.search(lowered) is not None or _ADVERB_VERB.search(lowered) is not None
    )


def noun_phrase_source(
    article: ArticleContext, verb: Verb, lower: int, loose: bool = False
) -> list[Mention]:
    """The noun phrase opening the verb's clause as a source (empty list when none fits).

    ``loose`` (sources of unmarked reports): a leading coordinator or subordinator is not part of
    the phrase, and prepositions and "and" may stand inside it (``But workers in Ohio and Texas
    say``, ``While one survey says``, ``Two in three said``, ``About 9 percent said``); the phrase
    still cannot open with a function word other than a demonstrative (``Those surveyed say``)."""
    text = article.text
    upper = verb.start - len(_BEFORE_VERB.search(text, lower, verb.start).group())
    upper -= len(_NUMBER_APPOSITIVE.search(text, lower, upper).group())  # "A third, 33%, say"
    parenthetical = _PARENTHETICAL.search(text, max(lower, upper - 120), upper)
    if parenthetical:  # "The poll, released on Monday, showed": the phrase before it
        upper = parenthetical.start()
    clause_start = _last_separator(text, lower, upper)
    start = max(lower, clause_start + 1)
    while start < upper and text[start].isspace():
        start += 1
    upper -= len(_LOCATIVE_AFTER.search(text, start, upper).group())  # "workers here said"
    for subordinate in _SUBORDINATE_SUBJECT.finditer(text, start, upper):
        start = subordinate.start(1)  # "The square was quiet when a boy said": a boy
    lead = _LEAD.match(text, start, upper)
    if loose and lead:
        start = lead.end()
    phrase = text[start:upper]
    head = _RELATIVE_HEAD.match(phrase)
    if head and not _function_word_inside(head.group(1).lower().split()[1:], loose):
        begin = start + head.start(1)  # "Even those who have ... acknowledge": those
        return [Mention(begin, begin + len(head.group(1)), head.group(1), "description")]
    if _WHOSE_PHRASE.fullmatch(phrase):  # "Berg, whose lawyers argued": the lawyers
        return [Mention(start, upper, phrase, "description")]
    if not phrase or not _NOUN_PHRASE.fullmatch(phrase):
        return []
    words = [w.lower().strip(".") for w in phrase.split()]
    if _function_word_inside(words, loose) or (words[-1].endswith("ing") and not _nominal(words)):
        return []  # "Critics citing the report say": a participle, not the phrase's head
    if phrase[:1].islower() and words[0].endswith("ing"):
        return []  # "..., raising fresh questions": a participle clause, no noun phrase
    if _singular(words) and _base_form(text, verb, upper):
        return []  # "A news report says": a singular subject never takes "report"
    if clause_start >= lower and text[clause_start] == "," and not text[lower:clause_start].strip():
        return []
    return [Mention(start, upper, phrase, "description")]


def _nominal(words: list[str]) -> bool:
    """Whether an -ing word ending a phrase is its head noun: a determiner or a possessive stands
    before it (*Another ranking*, *A person familiar with Thursday's meeting*; Quirk et al. 1985,
    17.54)."""
    return any(w in _DETERMINERS or w.endswith(("'s", "\u2019s")) for w in words[:-1])


def _singular(words: list[str]) -> bool:
    """Whether a noun phrase is singular by its determiner and holds no number or quantity noun
    (*a news report*; not *a majority of voters*, *a mere 9 percent*)."""
    return words[0] in _SINGULAR_DETERMINERS and not any(
        word[:1].isdigit() or word in _QUANTITY_NOUNS for word in words
    )


def _base_form(text: str, verb: Verb, subject_end: int) -> bool:
    """Whether the verb follows its subject (``subject_end``) in its base form, with no auxiliary
    between (*report*, not *reports*, *reported* or *will report*)."""
    return not text[subject_end : verb.start].strip() and text[verb.start : verb.end] == verb.lemma


def _last_separator(text: str, lower: int, upper: int) -> int:
    """Index of the last character of the last clause separator in ``[lower, upper)`` (a comma,
    semicolon, colon, bracket, quotation mark or dash: *VARNBY (AP) — A news report says*), else
    -1."""
    found = [text.rfind(sep, lower, upper) for sep in _CLAUSE_SEPARATORS]
    return max(
        (at + len(sep) - 1 for at, sep in zip(found, _CLAUSE_SEPARATORS, strict=True) if at >= 0),
        default=-1,
    )


def _function_word_inside(words: list[str], loose: bool) -> bool:
    """Whether a candidate source has a word that cannot be in a noun phrase (see
    :func:`noun_phrase_source`)."""
    for index, word in enumerate(words):
        contracted = _CONTRACTED_VERB.fullmatch(word)
        if contracted and contracted.group(1) in SOURCE_REJECT:
            return True  # "It's a strategy some (believe)": a clause, no noun phrase
        if word not in SOURCE_REJECT:
            continue
        if not loose:
            return True
        if index == 0:
            if word == "at" and words[1:2] in (["least"], ["most"]):
                continue  # "At least half of voters say"
            quantity = word in _APPROXIMATELY and len(words) > 1 and words[1][:1].isdigit()
            if not (quantity or (word in _DEMONSTRATIVES and len(words) > 1)):
                return True
        elif word not in _NOUN_PHRASE_INNER:
            return True
    return False


def noun_phrase_after(article: ArticleContext, verb: Verb, upper: int) -> list[Mention]:
    """An inverted source that is a plain noun phrase: ``"...," said a person close to the talks.``
    (a determiner or number first, up to ten words, to the next punctuation or to a relative
    pronoun or participle after its head: ``said an adviser who has worked for ...``, ``tweeted a
    user going by ...``)."""
    text = article.text
    match = _INVERTED_PHRASE.match(text, verb.end, upper)
    if match is None:
        return []
    words = [w.lower() for w in match.group(1).split()]
    inner = [w for w in words[1:] if w in SOURCE_REJECT and w not in _INVERTED_INNER]
    if inner and "close" not in words:  # "a spokesman for the board", not "a man who ..."
        return []
    phrase = match.group(1).rstrip(".")
    return [Mention(match.start(1), match.start(1) + len(phrase), phrase, "description")]


def _inverted_source(article: ArticleContext, verb: Verb, upper: int) -> list[Mention]:
    """The source right after the verb of an inverted trailing attribution (``..., said Mayor
    Anna Berg, a former teacher.``): a speaker mention, else a plain noun phrase."""
    return article.mentions.subject_after(verb.end, upper) or noun_phrase_after(
        article, verb, upper
    )


def _source(article: ArticleContext, verb: Verb, lower: int) -> list[Mention]:
    """Speaker mentions between ``lower`` and the verb, else a noun-phrase source."""
    found = article.mentions.subject_before(verb.start, lower)
    return found or noun_phrase_source(article, verb, lower, loose=True)


def mentions_or_phrase(article: ArticleContext, start: int, end: int) -> list[Mention]:
    """A source phrase (a "by" agent, an "as" clause's subject): its speaker mentions, else the
    phrase itself as a description."""
    found = article.mentions.between(start, end)
    if found:
        return found
    return [Mention(start, end, article.text[start:end], "description")]


def report_record(
    article: ArticleContext,
    span: tuple[int, int],
    verb: Verb | None,
    subject: list[Mention],
    rule: str,
    quotation: int = -1,
) -> dict:
    """One indirect record: content ``span``, its cue (None for a transcript label) and its source
    mentions (may be empty)."""
    start, end = span
    speaker, mention = article.mentions.name_of(subject)
    sentence_start, sentence_end = article.sentence(start)
    return {
        "start": start,
        "end": end,
        "text": article.text[start:end],
        "kind": "indirect",
        "speaker": speaker,
        "speaker_mention": mention,
        "verb": verb.lemma if verb else "",
        "verb_class": verb.cls.name if verb else "",
        "sentence_start": sentence_start,
        "sentence_end": sentence_end,
        "words": word_count(article.text[start:end]),
        "kind_rule": rule,
        "speaker_rule": "subject" if mention else "",
        "quotation": quotation,
        "attribution": {"verb": verb, "subject": subject, "rule": "subject"} if subject else {},
    }


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and trailing ``,;:`` or final punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,;:.!?":
        end -= 1
    return start, end


def _clause_head(head: str) -> bool:
    """A content before a trailing attribution: a clause, not an introductory phrase ("For his part,
    the diplomat said: ..."); an opener followed by a finite verb is the clause's subject (*This is
    new*, *There are two*, *Nothing has changed*)."""
    words = [word.lower() for word in WORD.findall(head, 0, 200)[:2]]
    subject = len(words) == 2 and _OPERATOR_OR_PAST.fullmatch(words[1]) is not None
    opener = (
        bool(words)
        and words[0] in CLAUSE_REJECT
        and words[0] not in _COORDINATORS
        and "," not in head
        and not subject
    )
    return clause_like(head) and not opener


def _open_bracket(
    text: str, lower: int, comma: int, verb_end: int, upper: int
) -> tuple[int, int] | None:
    """The inside of a bracket that opens before a report's comma and closes after its verb
    (``(at one point 19 percent, Dahl says)``), or None."""
    opening = text.rfind("(", lower, comma)
    if opening < 0 or ")" in text[opening:comma]:
        return None
    closing = text.find(")", verb_end, upper)
    return (opening + 1, closing) if closing >= 0 else None


def _ends_partial_quotation(text: str, sentence_start: int, comma: int, verb_start: int) -> bool:
    """Whether the report's comma closes a quotation that a clause opened outside the marks
    (``The fare may be "strategic," Dahl said``: the clause is the content, the quotation a partial
    quote within it); a quotation opening the sentence is direct speech, read elsewhere."""
    if text[comma + 1 : comma + 2] != MARK or MARK in text[comma + 2 : verb_start]:
        return False
    opening = text.rfind(MARK, sentence_start, comma)
    return (
        opening >= 0
        and MARK not in text[sentence_start:opening]
        and word_count(text[sentence_start:opening]) >= 2
    )


def attribution_after_content(article: ArticleContext) -> list[dict]:
    """Records of trailing (``X, officials said.``) and parenthetical (``X, he said, Y``) reports,
    also inside brackets (``(X, she said)``)."""
    text = article.text
    records = []
    for verb in article.verbs:
        if not verb.cls.clause or verb.lemma == "according to" or article.participle(verb):
            continue
        sentence_start, sentence_end = article.sentence(verb.start)
        comma = text.rfind(",", sentence_start, verb.start)
        if comma < 0 or text[comma - 1 : comma] == MARK:
            continue
        gap = comma + 1  # where the words between the content and the verb start
        if MARK in text[comma : verb.start]:
            if not _ends_partial_quotation(text, sentence_start, comma, verb.start):
                continue
            gap = comma + 2  # the content keeps its closing mark
        inverted = not text[gap : verb.start].strip()
        bracket = _open_bracket(text, sentence_start, comma, verb.end, sentence_end)
        if bracket:  # "(as low as 19 percent, Dahl says)": the report is the bracket's
            sentence_start, sentence_end = bracket
        if inverted:
            subject = _inverted_source(article, verb, sentence_end)
        else:
            subject = _source(article, verb, gap)
        if not subject or (subject[0].start < gap and not inverted):
            continue
        head_start, head_end = trim_span(text, sentence_start, gap if gap > comma + 1 else comma)
        head_words = word_count(text[head_start:head_end])
        if text[head_start : head_start + 1] == MARK:
            continue
        after = text[verb.end : sentence_end]
        key = 1_000_000 + verb.start  # the pieces of one report share a quotation number
        if inverted:
            tail_ok = _APPOSITIVE_TAIL.fullmatch(text, subject[-1].end, sentence_end) is not None
        else:
            hearer = HEARER.match(after) if verb.lemma in OBJECT_VERBS else None
            tail = after[hearer.end() :] if hearer else after
            tail_ok = _TAIL.fullmatch(tail.split(";", 1)[0]) is not None
            tail_ok = tail_ok and _THAT_CLAUSE_AFTER_ADJUNCT.match(tail) is None
        clause = bracket is not None or _clause_head(text[head_start:head_end])
        answer = _ANSWER.fullmatch(text, head_start, head_end) and _SENTENCE_END.fullmatch(
            text, subject[-1].end if inverted else verb.end, sentence_end
        )  # "Sorry, Sanders said."
        if ((head_words >= 2 and clause) or answer) and tail_ok:  # in a bracket, a phrase will do
            span = (head_start, head_end)
            records.append(report_record(article, span, verb, subject, "trailing report", key))
            continue
        hearer = HEARER.match(after) if verb.lemma in OBJECT_VERBS and not inverted else None
        comma_after = verb.end + (hearer.end() if hearer else 0)  # "X, he told them, Y"
        if inverted:  # "X, says Ola Berg, a historian, is Y": after the source and its appositive
            appositive = _APPOSITIVE_BEFORE_COMMA.match(text, subject[-1].end, sentence_end)
            comma_after = appositive.end() if appositive else subject[-1].end
        adjunct = _SHORT_ADJUNCT.match(text, comma_after, sentence_end)
        if adjunct:  # "X, Ash argued in his email, Y"
            comma_after = adjunct.end()
        after = text[comma_after:sentence_end]
        if after.startswith(",") and MARK not in after[:2].strip(", "):
            tail_start, tail_end = trim_span(text, comma_after + 1, sentence_end)
            if word_count(text[tail_start:tail_end]) >= 2 and text[tail_start] != MARK:
                pieces = [(head_start, head_end)] if head_words >= 2 else []
                for span in [*pieces, (tail_start, tail_end)]:  # "Otherwise, she said, ..."
                    rule = "parenthetical report"
                    records.append(report_record(article, span, verb, subject, rule, key))
    return records


#: Quotation marks of a headline, single or double (*Ryan: 'Anti-Semitic Images' Have No Place*).
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u2018]|(?<!\\w)'|'(?!\\w)")


def people_by_surname(article: ArticleContext) -> dict[str, str]:
    """Canonical name of each person the article names, by the last word of the name, case-folded."""
    return {
        m.tokens[-1].lower(): m.canonical
        for m in article.mentions.items
        if m.kind == "name" and m.person and m.tokens and m.canonical
    }


#: Headline labels that name a genre or a format, not a source (*Analysis: ...*, *Watch: ...*).
_GENRE_LABELS = wordset(
    "analysis opinion editorial exclusive update updated live watch video photos photo breaking "
    "review commentary explainer podcast quiz correction"
)


def transcript_turns(article: ArticleContext) -> list[dict]:
    """``PENCE: We will win.``: a paragraph opened by an upper-case label and a colon is the direct
    speech of the person the article names with that last name (no record when it names nobody).
    A Title Case label (``Rubio: Trump can't be trusted``, a headline convention) introduces an
    ``indirect`` record of that person's words: such lines paraphrase as often as they quote; in
    the article's headline any label but a genre's (``Report: Half the meetings were with donors``)
    is the source, a description when it names no person of the article."""
    people = people_by_surname(article)
    records = []
    for block in article.blocks:
        match = _LABEL.match(article.text, block.start, block.end)
        upper = match is not None
        match = match or _TITLE_LABEL.match(article.text, block.start, block.end)
        if match is None:
            continue
        name = people.get(match.group(1).split()[-1].lower().rstrip("."))
        start, end = trim_span(article.text, match.end(), block.end)
        headline = block is article.blocks[0] and not upper  # "Newspaper: Minister used email"
        if (
            not (name or (headline and match.group(1).lower() not in _GENRE_LABELS))
            or end - start < 3
        ):
            continue
        content = article.text[start:end]
        if not upper and not (_QUOTE_MARKS.search(content) or clause_like(content.lower())):
            continue  # "Sanders: Win in a walk": a list item's heading, no one's words
        rule = "transcript label" if upper else "colon label"
        label = Mention(
            match.start(1),
            match.end(1),
            match.group(1),
            "name" if name else "description",
            canonical=name or "",
        )
        record = report_record(article, (start, end), None, [label], rule)
        record.update(kind="direct" if upper else "indirect", speaker_rule=rule)
        record["attribution"] = {"verb": None, "subject": [label], "rule": rule}
        records.append(record)
    return records
