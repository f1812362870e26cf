"""Indirect reports: reported clauses of clause-taking verbs, and "according to X" (see
:mod:`analysis.measures.quotes`, "indirect")."""

from __future__ import annotations

import re

from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.spans import WORD
from analysis.measures.quotes.unmarked import (
    HEARER,
    OBJECT_VERBS,
    clause_like,
    noun_phrase_source,
    report_record,
)
from analysis.measures.quotes.verbs import Verb
from analysis.measures.speakers import Mention
from analysis.text.lexicon import CLAUSE_REJECT, PREPOSITIONS
from analysis.text.quotemarks import MARK

#: Verbs that report inside a noun phrase ("a move analysts say is fueling ...").
EMBEDDING_VERBS = frozenset({"say", "claim", "allege"})
#: Verbs whose content may be an embedded question ("asked whether the plant would close"); any
#: clause-taking verb takes one opened by "whether", "why" or "how" ("would not say how ...").
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "ask about"})
_QUESTION = re.compile(r"\s+(?:whether|if|why|how|what|when|where|who)\s")
_OPEN_QUESTION = re.compile(r"\s+(?:whether|why|how)\s")
#: "that" opening a reported clause, also before an inserted clause ("said that, if ..., X"); not
#: the determiner of "feel that way".
_THAT = re.compile(
    r"\s+that(?:\s+|\s*,\s*)(?!(?:way|much|far|long|kind|sort|day|time)\b)"
    r"(?!(?:is|was|would|will|could|might|may|must|should|can|has|had|does|did)\b)"
)
#: An existential clause ("said there had been gains", "said there certainly was room"): "there"
#: before an auxiliary.
_EXISTENTIAL = re.compile(
    r"\s+there\s+(?:[a-z]{3,}ly\s+)?(?:is|are|was|were|has|have|had|will|would|could|may|might)\b"
)
#: An approximate quantity opening a clause ("said about half of the gain reflected ...", "said
#: more than 40 people were hurt", "reported at least six planes"): its first word is no
#: preposition or comparative here.
_APPROXIMATE_QUANTITY = re.compile(
    r"\s+(?:about|over|around|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|"
    r"up\s+to|nearly|almost|roughly)\s+"
    r"(?:\$?\d|(?:half|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|fifth|"
    r"half|dozen|majority|few))\b)"
)
_RELATIVE_THAT = re.compile(
    r"(?:[a-z]{2,}ed|is|are|was|were|has|have|had|will|would|could|can|may)\b"
)
_AUX_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might)\b")
#: Adverbs in -ly and adjuncts of time between a verb and its clause ("said Tuesday the ...",
#: "said on Monday the ...", "said last week the ..."; not the possessive "said Thursday's ...").
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADJUNCTS = re.compile(
    rf"(?:\s+(?:[a-z]{{3,}}ly|(?:on\s+)?{_DAY}|(?:last|this|next)\s+(?:week|month|year|night|"
    rf"weekend|{_DAY})|yesterday|today|tonight|earlier|again)\b(?!['\u2019]))+"
)
#: A closed quotation of one to five words (a title or a term: *on NRK's "Morning Show"*).
_SHORT_QUOTE = re.compile(r'"[^"\s]+(?:\s[^"\s]+){0,4}"')
#: A short insert between commas right after the verb, then a clause ("says, rain or shine, the
#: ferry will run"): not a quotation, not a participle (", saying").
#: A subordinator opening a sentence (its clause ends at the first comma before the main clause).
_OPENING_SUBORDINATOR = re.compile(
    r"[\"'(]?(?:Although|Though|Even though|When|Whenever|If|Unless|Because|Since|While|Whereas|"
    r"After|Before|Until|Once|As)\s"
)
_INSERT = re.compile(r",\s+(?![a-z]+ing\b)[^,;:\"]{1,40},\s+[\w']")
#: A conditional clause, then its main clause after a comma ("said if X, Y") or a subject pronoun
#: and a modal ("said if elected she would").
_CONDITION = re.compile(
    r"\s+if\s[^,;:\"]{3,},\s+\w"
    r"|\s+if\s[^,;:\"]{3,40}?\s(?:he|she|they|we|I)\s+(?:would|could|will|can|might|may)\b"
)
#: Where a reported clause ends: a participle after a comma, "according to" or a semicolon; not a
#: participle clause inserted after "that," (*fitting that, having lost twice, she runs again*).
_PARTICIPLE_CUT = re.compile(r"(?<!\bthat),\s+(?!including\b)[a-z]{3,}ing\b|,\s+according to\b|;")
#: A new main clause before a later report verb: a comma, perhaps a conjunction, a subject (a
#: capitalised name or a pronoun) and perhaps an adverb (", Mr. Santorum said", ", although she
#: also warned").
_NEW_CLAUSE = re.compile(
    r",\s+(?:(?:and|but|although|though|while|whereas|because|so|yet)\s+)?"
    r"(?:(?:[A-Z][\w.'-]*\s+){1,4}|(?:he|she|they|it|I|we)(?:'s|'re|'m)?\s+)"
    r"(?:(?:is|are|was|were|has|have|had|not)\s+)*"
    r"(?:(?:also|later|then|still|again|[a-z]{3,}ly)\s+)?$"
)
#: A conjunction (and adverbs) right before a later report verb: "but firmly insisted", ", then
#: says".
_JOINED_VERB = re.compile(r"\s*(?:,|\band\b|\bbut\b)(?:\s+then)?(?:\s+[a-z]{2,}ly)*\s+$")
#: Up to six words before a verb, no comma or relative among them: a frame's subject.
_FRAME_SUBJECT = r'\s*(?!(?:which|who|that)\b)(?:[^\s,;:"]+\s+){0,6}'
_QUOTATION_FRAME = re.compile(rf'[,?!.]"{_FRAME_SUBJECT}$')
#: A name alone after a naming verb, then the end of its phrase: the verb's participle names a
#: thing (*a group called Open Harbour, which*), no object and label are attributed.
_LONE_NAME = re.compile(
    r"\s+(?:[A-Z][\w'&!-]*\.?\s+){0,4}[A-Z][\w'&!-]*(?=\s*(?:[;:)]|\.?\s*$)|,?\s+(?:which|who)\b)"
)
#: A subject pronoun and a finite verb or modal: a clause after any clause-taking verb, even one
#: that rarely drops "that" (*announced it would slash jobs*, *promised they will*).
_PRONOUN_CLAUSE = re.compile(
    r"\s+(?:he|she|they|it|we|I)\s+(?:would|will|could|can|may|might|should|must|had|has|have|"
    r"is|are|was|were|did|does|do|wo|ca)(?:n't|n['\u2019]t)?\b"
)
#: A relative pronoun opening a source (*who says*, *whose lawyers argued*).
_RELATIVE_SOURCE = re.compile(r"(?:who|whose|which)\b")
#: A colon after the verb, then words (*said: The ferry will run*).
_COLON = re.compile(r"\s*:\s+(?=[\w$])")
#: A reflexive object right after the verb (*found itself*).
_REFLEXIVE = re.compile(r"\s+(?:itself|himself|herself|themselves|myself|ourselves|yourself)\b")
#: A comma (a closing quotation mark may follow it) right before the verb.
_COMMA_BEFORE = re.compile(r",[\"']?\s*$")
#: An object's first word: no punctuation, preposition (but the infinitive's *to*) or particle of a
#: phrasal verb (*back down*, *show up*, *call off*; Quirk et al. 1985, 16.2-16.5).
_OBJECT_START = re.compile(
    rf"\s+(?!(?:{'|'.join(sorted(PREPOSITIONS - {'to'}))}|up|down|out|away|back)\b)[\w'$\"-]",
    re.IGNORECASE,
)


#: A narrative noun phrase after *tell* (*told a slightly different tale*, *telling their family
#: stories*, *told the story of X*: to the clause end): the object is what is told, not a hearer
#: (Levin 1993, 37.1 "transfer of a message").
_TOLD_NARRATIVE = re.compile(
    r"\s+((?:(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those|one)\s+"
    r"(?:[\w-]+\s+){0,3}?)?(?:story|stories|tale|tales|joke|jokes|truth|lie|lies|anecdotes?))\b"
    r"(\s+(?:of|about)\b)?"
)
#: A to-infinitive (not a preposition's "to the"): a directive's content after its hearer
#: (*told Dahl to go home*, *telling him not to vote*; Quirk et al. 1985, 16.63).
_TO_INFINITIVE = re.compile(
    r"\s+(?:not\s+)?to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)"
    r"[a-z]{2,}\b"
)


def _clause(article: ArticleContext, verb: Verb) -> tuple[int, int, str] | None:
    """The reported clause of a clause-taking verb: (start, end, rule), or None."""
    text = article.text
    sentence_start, sentence_end = article.sentence(verb.start)
    after = text[verb.end : sentence_end]
    cursor = verb.end
    if _REFLEXIVE.match(after) and not verb.cls.object_content and verb.lemma not in OBJECT_VERBS:
        return None  # "found itself in a bind that": no report ("called himself", "told himself")
    if verb.cls.object_content:
        start = verb.end + len(after) - len(after.lstrip())
        if not _object_start(verb, after):
            return None  # "drew support from", "backing down", "36% support, and": no object
        if verb.cls.name == "naming" and _LONE_NAME.match(after):
            return None  # "a group called Open Harbour, which": a name given, no label
        return _bounded(article, start, sentence_end, verb, "object")
    if verb.lemma == "tell" and (told := _TOLD_NARRATIVE.match(after)):
        start = verb.end + told.start(1)  # "told a different tale": the narrative is the content
        end = sentence_end if told.group(2) else verb.end + told.end(1)  # "the story of X"
        return _bounded(article, start, end, verb, "object")
    if verb.lemma in OBJECT_VERBS:
        objects = article.mentions.between(verb.end, sentence_end)
        if objects and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[verb.end : objects[0].start]):
            if not _AUX_AFTER.match(text, objects[0].end):  # "warned it could": its subject
                cursor = objects[0].end
        else:
            match = HEARER.match(after)
            if match and not _AUX_AFTER.match(after, match.end()):
                cursor = verb.end + match.end()  # not "warned the plan will fail": its subject
    adverbs = _ADJUNCTS.match(text, cursor, sentence_end)
    if adverbs:  # "reported incorrectly that ...", "said Tuesday the ..."
        cursor = adverbs.end()
    rest = text[cursor:sentence_end]
    if (  # an object verb's content keeps its hearer: "asked Iran to act" (the object rule)
        cursor > verb.end
        and verb.lemma in OBJECT_VERBS
        and verb.lemma not in verb.cls.object_verbs
        and _TO_INFINITIVE.match(rest)
    ):
        start = cursor + len(rest) - len(rest.lstrip())  # "told Dahl to go home": a directive
        return _bounded(article, start, sentence_end, verb, "infinitive after a hearer")
    question = (_QUESTION if verb.lemma in QUESTION_VERBS else _OPEN_QUESTION).match(rest)
    if question:  # "asked whether ...", "would not say how ...": an embedded question
        return _bounded(article, cursor + question.start() + 1, sentence_end, verb, "question")
    if _CONDITION.match(rest):  # "said if the council agrees, the ferry will run"
        return _bounded(article, cursor + 1, sentence_end, verb, "conditional clause")
    colon = _COLON.match(rest)
    if colon and verb.cls.speech:  # "Berg said: The ferry will run" (Quirk et al. 1985, 14.29)
        return _bounded(article, cursor + colon.end(), sentence_end, verb, "after a colon")
    if verb.cls.speech and re.fullmatch(r"\s*:\s*", rest):  # "he said:" ending its paragraph
        following = article.next_paragraph(sentence_end)
        if following and text[following[0]] != MARK:  # a quoted one is a direct quotation
            return _bounded(article, following[0], following[1], verb, "after a colon")
    that = _THAT.match(rest)
    if that:
        return _bounded(article, cursor + that.end(), sentence_end, verb, "that-clause")
    window = _that_window(rest)
    if window is not None and _nearer_cue(article, cursor, cursor + window):
        window = None  # "says, but she cautions that ...": the "that" is the nearer cue's
    if (  # "told reporters that"; not "says it is fitting that": the "that" of a clause's own
        window is not None
        and len(WORD.findall(rest[:window])) <= 4
        and not _OPERATOR.search(rest[:window], len(rest) - len(rest.lstrip()) + 1)
    ):
        return _bounded(article, cursor + window, sentence_end, verb, "that-clause")
    first = re.match(r"\s+(\"?)([\w'$-]+)", rest)  # a quotation may open a mixed clause
    if first and rest[: first.start(1)].strip() == "":
        word = first.group(2)
        if _AUX_AFTER.match(rest) and verb.lemma in EMBEDDING_VERBS:
            return _embedded(article, verb, sentence_start, sentence_end)
        if (
            (verb.lemma in verb.cls.bare_clause or _PRONOUN_CLAUSE.match(rest))
            and not _inverted_subject(article, verb, sentence_start, sentence_end)
            and (
                word.lower() not in CLAUSE_REJECT
                or _EXISTENTIAL.match(rest)
                or _APPROXIMATE_QUANTITY.match(rest)
            )
            and not re.match(r"\s*[(,.;:]", rest)
        ):
            start = cursor + first.start(1)  # at the quotation's mark: a mixed clause's start
            bounded = _bounded(article, start, sentence_end, verb, "bare clause")
            if bounded and clause_like(text[bounded[0] : bounded[1]]):
                return bounded
    if window is not None:
        return _bounded(article, cursor + window, sentence_end, verb, "that-clause")
    if verb.lemma in verb.cls.bare_clause and _INSERT.match(rest):  # "says, rain or shine, X"
        start = cursor + 1 + len(rest[1:]) - len(rest[1:].lstrip())
        bounded = _bounded(article, start, sentence_end, verb, "bare clause after an insert")
        if bounded and clause_like(text[bounded[0] : bounded[1]]):
            return bounded
    if verb.cls.takes_object(verb.lemma):
        return _object(article, verb, sentence_end)
    return None


def _object(article: ArticleContext, verb: Verb, end: int) -> tuple[int, int, str] | None:
    """The object or to-infinitive after a verb as its content (``denied the report``, ``urged
    voters to register``), not an adjunct (``announced on Friday``)."""
    first = re.match(r"\s+([\w'$-]+)", article.text[verb.end : end])
    if first is None:
        return None
    word = first.group(1).lower()
    if (word in CLAUSE_REJECT and word != "to") or not _object_start(verb, first.group()):
        return None
    if verb.lemma in verb.cls.infinitive_verbs and word != "to":
        return None  # "pledged to rebuild", not "pledged billions"
    return _bounded(article, verb.end + first.start(1), end, verb, "object")


def _frames_a_quotation(text: str, sentence_start: int, verb_start: int) -> bool:
    """Whether the verb frames the quotation that opens its sentence ('"...," Berg told host Ola
    Dahl'): the words after the verb are then its hearer and adjuncts, no content."""
    opening = sentence_start
    while opening < verb_start and text[opening].isspace():
        opening += 1
    if text[opening : opening + 1] != MARK:
        return False
    lower = max(opening + 1, verb_start - 160)  # a closing mark and six words: a short window
    return _QUOTATION_FRAME.search(text, lower, verb_start) is not None


def _inverted_subject(article: ArticleContext, verb: Verb, sentence_start: int, end: int) -> bool:
    """Whether the verb follows a comma and a mention right after it ends at a comma or the
    sentence's end: an inverted frame (", said Ola Berg, a historian."; Quirk et al. 1985, 18.47),
    whose words after the verb are its subject, not a bare clause ("Berg, who ..., said he")."""
    if not _COMMA_BEFORE.search(article.text, sentence_start, verb.start):
        return False
    after = article.mentions.between(verb.end, end)
    return (
        bool(after)
        and not article.text[verb.end : after[0].start].strip()
        and re.match(r"\s*(?:[,.;]|$)", article.text[after[0].end : end]) is not None
    )


def _object_start(verb: Verb, after: str) -> bool:
    """Whether ``after`` (the text after ``verb``) can open its object: no punctuation, preposition
    or particle, but a preposition of the class's ``object_prepositions`` ("it blamed for")."""
    if _OBJECT_START.match(after):
        return True
    first = re.match(r"\s+(\w+)", after)
    return first is not None and first.group(1).lower() in verb.cls.object_prepositions


def _unsourced(article: ArticleContext, verb: Verb) -> tuple[int, int, str] | None:
    """The clause of a raising verb (``Sanders appeared to waver``, ``the vote is expected to
    pass``): from the clause's start (after the last ``,;:`` before the verb that leaves words
    before it, else the sentence start) to its end."""
    text = article.text
    sentence_start, sentence_end = article.sentence(verb.start)
    start = sentence_start
    for match in re.finditer(r"[,;:(]", text[sentence_start : verb.start]):
        if WORD.search(text, sentence_start + match.end(), verb.start):
            start = sentence_start + match.end()
    while start < verb.start and text[start].isspace():
        start += 1
    return _bounded(article, start, sentence_end, verb, "unsourced")


#: "to" opening an infinitive after the verb (*continues to feel that*), not a phrase naming the
#: addressee (*wrote to the council that*, *said to Berg that*).
_INFINITIVE_TO = re.compile(
    r"\s+to\s+(?![A-Z]|(?:the|a|an|his|her|its|their|our|my|your|him|them|me|us|reporters)\b)"
)


#: An operator verb after the first word: its clause has begun before a later "that" (*says it is
#: fitting that*; not *claim is that*, the noun's copula).
_OPERATOR = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must)\b|['’]s\b"
)


#: Punctuation right after a closing mark: the quotation is whole (*"The ferry is late," and left*).
_PUNCTUATION_AFTER = re.compile(r"\s*[,.;:]")


def _opens_with_quotation(text: str, start: int, end: int) -> bool:
    """Whether the content ``[start, end)`` is a quotation, a record of its own; one whose words go
    on after the closing mark (*said that "we need more time" to decide*) is a mixed report."""
    if text[start : start + 1] != MARK:
        return False
    closing = text.find(MARK, start + 1, end)
    if closing < 0 or text[closing - 1] in ",.!?" or _PUNCTUATION_AFTER.match(text, closing + 1):
        return True  # '"The ferry is late," and left': a whole quotation, then a new verb
    return WORD.search(text, closing + 1, end) is None


def _that_window(rest: str) -> int | None:
    """Offset in ``rest`` just after a "that" within 12 words after the verb (not across ``.;:`` or a
    quotation mark other than a short closed title's: *stating on NRK's "Morning Show" that*; not
    after "to": "continues to feel that"), unless it opens a relative clause."""
    if _INFINITIVE_TO.match(rest):
        return None
    rest = _SHORT_QUOTE.sub(lambda quoted: "_" * len(quoted.group()), rest)  # a title: one word
    stop = re.search(r"[;:\"]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Z])\.(?=\s|$)", rest)
    window = _THAT.search(rest[: stop.start() if stop else len(rest)])
    if window is None or len(WORD.findall(rest[: window.start()])) > 12:
        return None
    if _RELATIVE_THAT.match(rest, window.end()):
        return None  # "claimed responsibility for an attack that killed ..."
    return window.end()


def _nearer_cue(article: ArticleContext, start: int, end: int) -> bool:
    """Whether a clause-taking cue lies in ``[start, end)``, between a verb and a later "that"."""
    return any(later.cls.clause for later in article.verbs_between(start, end))


def _bounded(
    article: ArticleContext, start: int, end: int, verb: Verb, rule: str
) -> tuple[int, int, str] | None:
    """Clause ``[start, end)`` cut at participles, later reports and final punctuation; None if tiny."""
    text = article.text
    cut = _PARTICIPLE_CUT.search(text, start, end)
    if cut:
        end = cut.start()
    for later in article.verbs_between(start, end):
        joined = _JOINED_VERB.search(text, max(start, later.start - 40), later.start)
        if later.cls.clause and joined:  # "..., and (firmly) insisted": a new report
            end = max(start, joined.start())
            break
        subject = _NEW_CLAUSE.search(text[start : later.start])  # ", Mr. Santorum said ..."
        if later.cls.clause and subject:
            end = start + subject.start()
            break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    if text[end - 1 : end] == ")" and "(" not in text[start:end]:
        end -= 1  # "(According to X, Y.)": the bracketed sentence's closing bracket
    if end > start and text[end - 1] in ".!?" and (end == len(text) or text[end] != MARK):
        end -= 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    if end - start < 3:
        return None
    return start, end, rule


def _embedded(
    article: ArticleContext, verb: Verb, sentence_start: int, sentence_end: int
) -> tuple[int, int, str] | None:
    """'a move analysts say is fueling ...': the noun phrase and its predicate around the verb."""
    subject = article.mentions.subject_before(verb.start, sentence_start)
    if not subject or not re.fullmatch(r"\s*", article.text[subject[-1].end : verb.start]):
        return None
    if article.text[verb.start : verb.end].endswith("s") and subject[-1].kind != "pronoun":
        return None  # "the Afghanistan remarks were ...": a noun, not a verb
    lead = article.text[sentence_start : subject[0].start]
    comma = max(lead.rfind(","), lead.rfind(";"))
    start = sentence_start + comma + 1 if comma >= 0 else sentence_start
    while start < subject[0].start and article.text[start].isspace():
        start += 1
    if start >= subject[0].start:
        return None
    return _bounded(article, start, sentence_end, verb, "embedded reporting clause")


def indirect_reports(article: ArticleContext) -> list[dict]:
    """Indirect reports: clause-taking reporting verbs with a subject, and 'according to X'."""
    text = article.text
    records = []
    seen: set[tuple[int, int]] = set()
    for verb in article.verbs:
        if not (verb.cls.clause or verb.cls.object_content or verb.cls.no_source):
            continue
        sentence_start, sentence_end = article.sentence(verb.start)
        has_quote = article.opens_between(sentence_start, sentence_end)
        if verb.cls.no_source:
            found_clause = _unsourced(article, verb)
            if found_clause is None or text[found_clause[0]] == MARK:
                continue
            start, end, rule = found_clause
            subject = []
        elif verb.lemma == "according to":
            found = _according_to(article, verb, sentence_start, sentence_end, has_quote)
            if found is None:
                continue
            start, end, subject, rule = found
        else:
            clause = _clause(article, verb)
            if clause is None:
                continue
            start, end, rule = clause
            if _opens_with_quotation(text, start, end):
                continue
            if rule in {"bare clause", "object"} and _frames_a_quotation(
                text, sentence_start, verb.start
            ):
                continue  # '"...," he told cheering supporters': the hearer, not a content
            end = _opening_clause_end(text, sentence_start, verb.start, start, end)
            subject = article.subject_of(verb, sentence_start) or noun_phrase_source(
                article, verb, sentence_start, loose=True
            )
            end = _relative_clause_end(text, subject, start, end)
            if not (
                subject
                or article.mentions.anticipatory_it(verb.start, verb.end, sentence_start)
                # "even though others are wary": a subordinate clause whose subject is no mention
                or article.mentions.subordinate_clause_start(sentence_start, verb.start)
                > sentence_start
            ):
                continue
        if (start, end) in seen:
            continue
        seen.add((start, end))
        record = report_record(article, (start, end), verb, subject, rule)
        if verb.lemma == "according to":
            if not subject:
                record["speaker_mention"] = rule.split(":", 1)[1] if ":" in rule else ""
                record["kind_rule"] = rule.split(":", 1)[0]
            record["speaker_rule"] = "according_to" if record["speaker_mention"] else ""
        records.append(record)
    return records + [r for r in noun_reports(article) if (r["start"], r["end"]) not in seen]


def _relative_clause_end(text: str, subject: list[Mention], start: int, end: int) -> int:
    """Where a content inside a non-restrictive relative clause ends: at the clause's comma (*Berg,
    who says the ferry is late, will resign*: the content ends before *will resign*; Quirk et al.
    1985, 17.22)."""
    if not subject or not _RELATIVE_SOURCE.match(text, subject[0].start):
        return end
    if not re.search(r",\s*$", text[max(0, subject[0].start - 3) : subject[0].start]):
        return end
    comma = text.find(",", start, end)
    return comma if comma > start else end


def _opening_clause_end(
    text: str, sentence_start: int, verb_start: int, start: int, end: int
) -> int:
    """Where a content inside a sentence-opening subordinate clause ends: at the clause's comma
    (*Although she said X was a mistake, she changed course*: X ends before the main clause)."""
    if (
        not _OPENING_SUBORDINATOR.match(text, sentence_start)
        or "," in text[sentence_start:verb_start]
    ):
        return end
    comma = text.find(",", start, end)
    return comma if comma > start else end


#: Where the noun phrase after a stance noun's preposition ends ("support for the bill, which ...").
_NOUN_PHRASE_END = re.compile(
    r"[,;:(]|\s(?:that|which|who|because|after|before|when|while|as|but|if|since|until|amid"
    r"|is|are|was|were|has|have|had|will|would|could|can|may|might)\b"
)


_POSSESSIVE_PRONOUN = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+[a-z-]+){0,2}\s+$")
_PRONOUN_GENDER = {"his": "m", "her": "f", "their": "plural", "its": "neuter"}


def noun_reports(article: ArticleContext) -> list[dict]:
    """Contents of noun cues (PARC 3.0's nominal cues, Pareti 2016): the clause of "N that CLAUSE"
    ("the report's conclusion that ...") and the noun phrase of "N P NP" for stance nouns
    ("criticism of the plan"); the source is the possessive before the noun, else the subject of
    its clause ("the senator voiced support for")."""
    text = article.text
    records = []
    for cue in article.noun_cues:
        sentence_end = article.sentence(cue.start)[1]
        link = re.match(r"\s+(\w+)\s+", text[cue.end : sentence_end])
        if link is None:
            continue
        start = cue.end + link.end()
        if link.group(1) == "that" and _RELATIVE_THAT.match(text, start):
            continue  # "the claim that was made": a relative clause
        found = _bounded(article, start, sentence_end, cue, f"noun cue: {link.group(1)}")
        if found is None or text[found[0]] == MARK:
            continue
        end = found[1]
        if link.group(1) != "that":
            cut = _NOUN_PHRASE_END.search(text, start, end)
            end = cut.start() if cut else end
            if end - start < 3:
                continue
        records.append(
            report_record(article, (start, end), cue, _noun_source(article, cue), found[2])
        )
    return records


def _noun_source(article: ArticleContext, cue: Verb) -> list[Mention]:
    """The possessive right before a noun cue (``Lind's criticism``, ``her warning``, at most two
    modifiers between), else the subject of the noun's clause."""
    sentence_start = article.sentence(cue.start)[0]
    pronoun = _POSSESSIVE_PRONOUN.search(article.text, sentence_start, cue.start)
    if pronoun:  # PolNeAR marks the possessive pronoun itself as the source
        word = pronoun.group(1)
        gender = _PRONOUN_GENDER[word.lower()]
        return [Mention(pronoun.start(1), pronoun.end(1), word, "pronoun", gender=gender)]
    before = article.mentions.between(sentence_start, cue.start)
    gap = article.text[before[-1].end : cue.start] if before else ""
    if before and before[-1].possessive and re.fullmatch(r"(?:['’]s?)?(?:\s+[a-z-]+){0,2}\s+", gap):
        return before[-1:]
    return article.subject_of(cue, sentence_start)


#: "That's according to": the source of the sentence before (Halliday & Hasan 1976, 2.4: a
#: demonstrative referring back to a whole clause).
_ANAPHORIC_ACCORDING = re.compile(r"(?:That|This)(?:['\u2019]s|\s+is|\s+was)")


#: A clause opener and a comma right before "according to": the phrase opens that clause (*The AP
#: reported that, according to an analysis, X*), whose content follows the phrase.
_CLAUSE_OPENER_BEFORE = re.compile(r"\b(?:that|because|while|although),\s*$")


def _according_to(
    article: ArticleContext, verb: Verb, sentence_start: int, sentence_end: int, has_quote: bool
) -> tuple[int, int, list[Mention], str] | None:
    """'According to X, ...' / '..., according to X.': the clause, the subject and the rule; in a
    sentence with quotation marks only a clause that opens outside them (a direct quotation's
    *according to* is its attribution, :mod:`.attribution`)."""
    found = _according_to_clause(article, verb, sentence_start, sentence_end)
    if found is None or not has_quote:
        return found
    start, end = found[0], found[1]
    quoted = sum(len(quotation) for quotation in re.findall(r'"[^"]*"', article.text[start:end]))
    if article.text[start : start + 1] == MARK or quoted * 2 > end - start:
        return None
    return found


def _according_to_clause(
    article: ArticleContext, verb: Verb, sentence_start: int, sentence_end: int
) -> tuple[int, int, list[Mention], str] | None:
    """The clause, subject and rule of an *according to* report (see :func:`_according_to`)."""
    text = article.text
    subject = article.mentions.subject_after(verb.end, sentence_end)
    source_end = re.search(r"[,.;]|$", text[verb.end : sentence_end])
    source = text[verb.end : verb.end + source_end.start()].strip() if source_end else ""
    rule = "according to" if subject else f"according to:{source}"
    opening = not text[sentence_start : verb.start].strip(" (")  # "(According to X, ...)"
    if opening or _CLAUSE_OPENER_BEFORE.search(
        text, max(sentence_start, verb.start - 40), verb.start
    ):
        comma = text.find(",", verb.end, sentence_end)  # "reported that, according to X, ..."
        if comma < 0:
            return None
        bounded = _bounded(article, comma + 1, sentence_end, verb, rule)
        if bounded is None:
            return None
        start = bounded[0]
        while text[start].isspace():
            start += 1
        return start, bounded[1], subject, rule
    before = text[sentence_start : verb.start].rstrip()
    if before.endswith(","):
        end = sentence_start + len(before) - 1
        return sentence_start, end, subject, rule
    if _ANAPHORIC_ACCORDING.fullmatch(before) and sentence_start > 0:
        last = sentence_start - 1  # "X. That's according to Y.": the sentence before
        while last > 0 and text[last].isspace():
            last -= 1
        previous_start, previous_end = article.sentence(max(0, last))
        bounded = _bounded(article, previous_start, min(previous_end, last + 1), verb, rule)
        if bounded is not None:
            return bounded[0], bounded[1], subject, rule
    return None
