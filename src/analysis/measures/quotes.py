"""Quotations and reported speech in one article: where they are, what kind, and who speaks.

Method: rule-based quote extraction and attribution in the tradition of the news-attribution work of
Pareti (2016, "PARC 3.0: A corpus of attribution relations", LREC), Newell, Margolin & Ruths (2018, "An
attribution relations corpus for political news", LREC) and the GenderGapTracker's syntactic rules (Asr
et al. 2021, "The Gender Gap Tracker", PLOS ONE 16(1)); reporting verbs and their classes come from the
codebook ``codebooks/reporting_verbs.yaml`` (Bergler 1992; Caldas-Coulthard 1994; AP Stylebook on
"said"). Speakers are resolved within the article by :mod:`analysis.measures.speakers` (titles, descriptions,
Hobbs 1978 recency for pronouns). Deterministic, standard library + pandas only.

**Quotation marks.** Straight ``"``, curly ``“ ”`` (also ``„``) and guillemets ``« »`` are paired per
paragraph. Curly marks and guillemets say which way they face; a straight mark opens when a space or
the paragraph start stands before it and a letter after it, closes in the mirror case, and otherwise
(French spacing ``" like this "``, glued marks) closes an open quotation or opens a new one. Marks of
another family inside guillemets, or an opening mark inside an open quotation, are a nested quotation:
part of the outer one, not a record of their own. If a quotation is still open at the paragraph end
after a double mark was read as opening a nested one, and the next paragraph does not continue it, the
nesting was a missing closing mark: the paragraph is re-read treating every new opening mark as closing
the quotation before it. A mark that can only
close, with nothing open, is stray and ignored. Single quotes count only in headlines and Title Case
lines (news headline style: ``Steele Over 'Inaccurate' Comments``); elsewhere they are apostrophes or
nested quotes.

**One record per span.** ``text`` is the content between the marks without surrounding spaces and
without a trailing ``,``/``;``/``:`` (``start``/``end`` index the clean text; marks excluded). A
quotation left open at the end of a paragraph runs to the paragraph end; when the next paragraph opens
with a mark (news convention for quotes continued across paragraphs) that next span belongs to the same
quotation. A quotation interrupted by its attribution (``"A," he said. "B."`` or ``"A," he said, "b."``)
gives two records, unless the second piece has an attribution of its own. Pieces of one quotation share
the ``quotation`` number, the kind and the speaker; indirect reports get a number of their own.

**Kinds** (column ``kind``; ``kind_rule`` names the rule that fired), tried in this order:

* ``direct``: the quotation starts its sentence, follows a colon, or follows a reporting verb (directly
  with a capital letter, or after a comma up to four words later: ``said, "..."``, ``tells Etheridge,
  "..."``); or it continues a direct quotation. A direct-position span of at most two words with no
  speaker is ``scare``.
* Headlines and Title Case lines: ``partial`` from three words, else ``scare`` (no speakers there).
* ``gloss``: an appositive translation or name gloss after a name (``the Jaïch al-Adl group, the
  "Justice Army,"``, ``Jaish al-Adl ("Army of Justice")``, ``known as "..."``, ``a group called
  "..."``), or a title or name in quotation marks: Title Case with no attribution, or before a noun
  such as *show*, *ad*, *motto* (``NBC's "Today" show``, ``the national motto, "In God We Trust"``).
* ``partial``: a quotation inside the narrator's sentence governed by a reporting verb with a speaker,
  before or after it (``called it "a turning point"``). With one or two words the verb's class must
  allow short partial quotes (``short_partial`` in the codebook; accusatory verbs do not:
  ``denounced the US for "insulting" Iran`` is the narrator's scare quote). A quotation coordinated
  with the previous one (``"A" and "B"``) shares its kind and speaker.
* ``echo``: an embedded quotation with no attribution whose content words are mostly (≥ 60 %) those of
  an earlier direct or partial quotation of the article (``this "common rapid reaction force"`` after
  ``a "joint rapid reaction force to fight terrorism"``).
* ``partial`` without a speaker: an embedded quotation after a reporting verb whose subject was not
  found (``the group's first ad called Obama an "elitist hypocrite"``), or of three or more words.
* ``scare``: any other embedded quotation of one or two words (``a foreign "terrorist"
  organization``): distancing marks, no speaker.
* ``indirect``: reported speech without marks: a reporting verb whose class takes a clause, its subject,
  and the reported clause as the span: after ``that`` (up to 12 words after the verb: ``said in a
  letter that ...``; not a relative ``that killed``, not after ``to``), or directly after the verb (or
  after the object of *tell*, *assure*, ...) for the verbs the codebook lists as ``bare_clause``, when
  the next word can start a clause and the clause has a verb-like word; ``According to X, ...`` /
  ``..., according to X.`` in sentences without quotation marks; and the parenthetical ``a move
  analysts say is fueling ...`` (the span is the whole noun phrase and its predicate). The clause ends
  at the sentence end, before ``, <participle>ing``, ``, according to``, ``;``, a following ``and
  <reporting verb>`` or a new main clause ``, Mr. X said``. Quotations inside the clause are kept as
  records of their own too (a clause and its partial quote overlap).

**Speakers** (``speaker`` canonical in-article name, ``""`` when unnamed or unknown; ``speaker_mention``
the surface form; ``speaker_rule``): for each quotation, the first reporting verb after the closing
mark in the same sentence, with its subject between (``"...," Khan said``) or, when only punctuation
stands between, right after it (inverted: ``said the Pakistani prime minister``); the verb must not
start a new clause (``"...," and X urged``) and must come within three words unless the quotation
ends with a comma, ``?`` or ``!``; when the mark ends the sentence, a short ``X said.`` opening the next
sentence. Else the last reporting verb before the opening mark with its subject (``X said: "..."``);
else ``according to X``; else, for direct quotations, the speaker of the same quotation (interrupted or
continued), of the quotation just before in the paragraph, or of the last attributed record of the
previous paragraph when the paragraph opens with the quotation (``inherited``). A participle or a verb
after *and* (``..., saying``; ``... and said``) takes the subject of the previous reporting verb of its
sentence, else the first mention of its clause. Subjects are found by :mod:`analysis.measures.speakers`;
coordinated subjects give several names joined by ``"; "``. Scare quotes, glosses and echoes have no
speaker.

Known limits: no parser, so long-distance or embedded subjects can be missed and verbs used as nouns
(*a progress report*) can slip through; clause detection without ``that`` is heuristic (an object noun
phrase with a relative clause can pass for a clause); nested quotations are not separate records;
quotations in headlines are not linked to speakers; block quotations printed without marks are not
found.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis import config
from analysis.errors import InputError
from analysis.measures.speakers import Mention, Mentions
from analysis.text.cleaning import Block, CleanArticle
from analysis.text.segment import split_sentences, tokenize

REPORTING_VERBS = config.CODEBOOKS / "reporting_verbs.yaml"


def _wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists kept readable in the source)."""
    return frozenset(text.split())


KINDS = ("direct", "partial", "indirect", "scare", "gloss", "echo")
COLUMNS = [
    "event_id", "outlet", "article", "quote", "quotation", "start", "end", "text", "kind",
    "speaker", "speaker_mention", "verb", "verb_class", "sentence_start", "sentence_end", "words",
    "kind_rule", "speaker_rule",
]  # fmt: skip

_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
_OPEN_GLYPHS = "\u201c\u201e\u00ab"
_CLOSE_GLYPHS = "\u201d\u00bb"
_GUILLEMETS = "\u00ab\u00bb"
_LEFT_OPEN = "([{\u2014\u2013-/"
_RIGHT_CLOSE = ".,;:!?)]}\u2014\u2013-"
_TRAILING = ",;:"
_SINGLE_OPEN = re.compile(r"(?<![\w'\u2019])['\u2018](?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?![\w'\u2019])")
_WORD = re.compile(r"[^\W_](?:[\w'\u2019-]*[^\W_])?")
_STOP = _wordset("""
a an the of to in on at for and or but this that these those with by from its his her their our is are
was were be as it
""")
#: Verbs that report inside a noun phrase ("a move analysts say is fueling ...").
EMBEDDING_VERBS = frozenset({"say", "claim", "allege"})
#: Verbs that take an object before the reported clause ("assure Iran his country is ...").
OBJECT_VERBS = frozenset({"tell", "assure", "warn", "remind", "promise", "inform", "urge", "ask"})
_CLAUSE_REJECT = _wordset("""
while when in on at during after before through to of for with by as from about into over under than
because since until whether if so then also again today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday last this next earlier later recently repeatedly publicly privately
here there not no nothing more less shortly instead afterward afterwards responsibility and or but nor
""")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|"
    r"isn't|aren't|wasn't|weren't|won't|wouldn't|can't|couldn't|shouldn't|didn't|doesn't|don't|"
    r"[a-z]{2,}ed|[a-z]{2,}s)\b"
)
_RELATIVE_THAT = re.compile(
    r"(?:[a-z]{2,}ed|is|are|was|were|has|have|had|will|would|could|can|may)\b"
)
_AUX_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might)\b")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|my|your|this|these|those|was|were|been|being|is|are|be"
    r"|widely|much|often|so-called|well|self|of|for|in|on|at|with|from|about|under|over|into|by)[\s-]+"
    r"|['\u2019]s\s+)$",
    re.IGNORECASE,
)
_GLOSS_LEAD = re.compile(
    r"(?:,\s*(?:the|or|a|an|aka|i\.e\.)?\s*|\(\s*(?:the|or|meaning|literally|i\.e\.)?\s*|"
    r"\b(?:meaning|means|literally|known as|translated as|translates as|which means|or)\s+(?:the\s+)?|"
    r"\b(?:a|an|the)\s+[a-z]+\s+(?:called|named|dubbed)\s+(?:the\s+)?)$"
)
_PARTICIPLE_CUT = re.compile(r",\s+(?!including\b)[a-z]{3,}ing\b|,\s+according to\b|;")


@dataclass(frozen=True)
class VerbClass:
    """One class of reporting verbs from the codebook."""

    name: str
    description: str
    clause: bool  # can introduce a reported clause (indirect speech)
    short_partial: bool  # a 1-2 word quotation it governs is a partial quote (else scare)
    verbs: dict[str, tuple[str, ...]]  # lemma -> inflections
    bare_clause: frozenset[str] = frozenset()  # lemmas that may drop "that" before their clause


@dataclass(frozen=True)
class _Verb:
    start: int
    end: int
    lemma: str
    cls: VerbClass


@dataclass
class _Span:
    """A quoted span of one block, before classification."""

    block: int
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None if the paragraph ends first
    start: int
    end: int
    group: int = -1
    continued: bool = False  # continues a quotation left open in the previous paragraph


def load_verb_classes(path: Path | str = REPORTING_VERBS) -> dict[str, VerbClass]:
    """Read the reporting-verb codebook; errors name the file and the class."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read reporting verbs: {error}") from None
    classes = document.get("classes") if isinstance(document, dict) else None
    if not isinstance(classes, dict) or not classes:
        raise InputError(path, "expected a top-level 'classes' mapping")
    parsed = {}
    for name, entry in classes.items():
        verbs = entry.get("verbs") if isinstance(entry, dict) else None
        if not isinstance(verbs, dict) or not verbs:
            raise InputError(path, f"class {name!r} has no verbs")
        forms = {
            str(lemma): tuple(str(f).lower() for f in inflections)
            for lemma, inflections in verbs.items()
        }
        if any(not inflections for inflections in forms.values()):
            raise InputError(path, f"class {name!r}: a verb has no inflections")
        bare = frozenset(str(lemma) for lemma in entry.get("bare_clause") or ())
        if bare - set(forms):
            raise InputError(
                path, f"class {name!r}: bare_clause lists unknown verbs {sorted(bare - set(forms))}"
            )
        parsed[str(name)] = VerbClass(
            str(name),
            str(entry.get("description", "")),
            bool(entry.get("clause", True)),
            bool(entry.get("short_partial", True)),
            forms,
            bare,
        )
    return parsed


class _Lexicon:
    """Inflection → (lemma, class), and one regex over every inflection."""

    def __init__(self, classes: dict[str, VerbClass]) -> None:
        """Compile the inflections of ``classes`` into one pattern."""
        self.forms: dict[str, tuple[str, VerbClass]] = {}
        for verb_class in classes.values():
            for lemma, inflections in verb_class.verbs.items():
                for form in inflections:
                    self.forms.setdefault(form, (lemma, verb_class))
        alternation = "|".join(
            re.escape(form).replace(r"\ ", r"\s+")
            for form in sorted(self.forms, key=len, reverse=True)
        )
        alternation = alternation.replace("according", "[Aa]ccording")  # may open a sentence
        self.pattern = re.compile(rf"(?<![\w'-])(?:{alternation})(?![\w'-])")

    def find(self, text: str, quoted: list[tuple[int, int]]) -> list[_Verb]:
        """Valid reporting-verb occurrences of ``text`` outside ``quoted``, in text order."""
        verbs = []
        for match in self.pattern.finditer(text):
            if _inside(match.start(), quoted):
                continue
            lemma, verb_class = self.forms[re.sub(r"\s+", " ", match.group()).lower()]
            if lemma != "according to" and _not_a_report(text, match.start(), match.end()):
                continue
            verbs.append(_Verb(match.start(), match.end(), lemma, verb_class))
        return verbs


def _not_a_report(text: str, start: int, end: int) -> bool:
    """A verb form used as a noun, adjective or passive: "the said", "a noted author", "was
    announced", "of term limits", "Steele's comments", "the interactions described by"; an -ing
    form after a preposition stays ("in saying")."""
    before = text[max(0, start - 20) : start]
    match = _DETERMINER_BEFORE.search(before)
    if (
        match
        and text[start:end].endswith("ing")
        and re.search(r"\b(?:in|by|of|for|on|after|before|without|while|from)\s+$", before)
    ):
        return False
    return match is not None or re.match(r"\s+by\b", text[end : end + 4]) is not None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of the sorted half-open ``spans``."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


# --- quotation marks ---------------------------------------------------------------------------------


def _hint(text: str, index: int) -> str:
    """Which way a mark faces: "open", "close" or "either"."""
    char = text[index]
    if char in _GUILLEMETS:
        return "open" if char == "\u00ab" else "close"
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    left = before.isspace() or before in _LEFT_OPEN or before in _MARKS
    right = after.isspace() or after in _RIGHT_CLOSE
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if char in _OPEN_GLYPHS:
        return "open"
    if char in _CLOSE_GLYPHS:
        return "close"
    return "either"


def pair_marks(text: str, flat: bool = False) -> tuple[list[tuple[int, int | None]], bool]:
    """Top-level quotation pairs ``(open, close)`` of one paragraph (close None: still open at the end).

    The second value is True when the reading is suspect: a quotation is still open at the paragraph
    end after a double mark was read as opening a quotation nested in a double-marked one (more likely
    a missing closing mark than a nesting).
    """
    pairs: list[tuple[int, int | None]] = []
    stack: list[tuple[int, str]] = []
    nested_double = False
    for index, char in enumerate(text):
        if char not in _MARKS:
            continue
        family = "g" if char in _GUILLEMETS else "d"
        hint = _hint(text, index)
        if not stack:
            if hint != "close":
                stack.append((index, family))
            continue
        top_family = stack[-1][1]
        if family == "g":
            if hint == "open":
                stack.append((index, family))
                continue
            while stack and stack[-1][1] != "g":
                stack.pop()
            if stack:
                opened = stack.pop()[0]
                if not stack:
                    pairs.append((opened, index))
            continue
        if top_family == "g":  # doubles nested inside guillemets
            if hint != "close":
                stack.append((index, family))
            continue
        if hint == "open" and not flat:
            stack.append((index, family))
            nested_double = True
        elif hint == "open" and flat and len(stack) == 1:
            pairs.append((stack.pop()[0], index))
            stack.append((index, family))
        else:
            opened = stack.pop()[0]
            if not stack:
                pairs.append((opened, index))
    if stack:
        pairs.append((stack[0][0], None))
    return pairs, bool(stack) and nested_double


def _single_pairs(text: str) -> list[tuple[int, int | None]]:
    """Single-quote pairs of a headline (an opening mark before a letter, a closing one after)."""
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    pairs: list[tuple[int, int | None]] = []
    cursor = -1
    for match in _SINGLE_OPEN.finditer(text):
        if match.start() <= cursor:
            continue
        end = next((close for close in closes if close > match.start() + 1), None)
        if end is None:
            break
        pairs.append((match.start(), end))
        cursor = end
    return pairs


def _content(text: str, opened: int, closed: int) -> tuple[int, int]:
    """Content offsets between two marks: no surrounding spaces, no trailing ``,;:``."""
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end


def _title_like(block: Block) -> bool:
    """A headline or sub-heading, or a Title Case line that cleaning kept as a paragraph (a headline
    opening with a quotation mark)."""
    if block.kind != "paragraph":
        return True
    words = _WORD.findall(block.text)
    capitalised = sum(w[:1].isupper() for w in words)
    return (
        4 <= len(words) <= 25 and capitalised >= 0.7 * len(words) and not block.text.endswith(".")
    )


def _find_spans(text: str, blocks: tuple[Block, ...]) -> list[_Span]:
    """Every top-level quoted span of the article, with continuation across paragraphs."""
    spans: list[_Span] = []
    group = 0
    previous_open: _Span | None = None
    for number, block in enumerate(blocks):
        body = text[block.start : block.end]
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        next_opens = following is not None and text[following.start : following.end][:1] in _MARKS
        if _title_like(block) and not any(c in _MARKS for c in body):
            pairs = _single_pairs(body)
        else:
            pairs, suspect = pair_marks(body)
            if suspect and not next_opens:
                pairs, _ = pair_marks(body, flat=True)
        for index, (opened, closed) in enumerate(pairs):
            end_at = closed if closed is not None else len(body)
            start, end = _content(body, opened, end_at)
            if start >= end:
                continue
            span = _Span(
                number,
                block.start + opened,
                None if closed is None else block.start + closed,
                block.start + start,
                block.start + end,
            )
            if index == 0 and opened == 0 and previous_open is not None:
                span.group = previous_open.group
                span.continued = True
            else:
                group += 1
                span.group = group
            spans.append(span)
        previous_open = None
        if spans and spans[-1].block == number and spans[-1].close is None and next_opens:
            previous_open = spans[-1]
    return spans


# --- extraction ----------------------------------------------------------------------------------------


class _Article:
    """Everything one article's extraction needs: text, sentences, quotes, verbs, mentions."""

    def __init__(self, text: str, blocks: tuple[Block, ...], lexicon: _Lexicon) -> None:
        """Segment the article, pair its marks, find its verbs and mentions."""
        self.text = text
        self.blocks = blocks
        self.spans = _find_spans(text, blocks)
        self.sentences = [
            (s.start, s.end)
            for block in blocks
            for s in split_sentences(block.text, offset=block.start)
        ]
        self._sentence_starts = [start for start, _ in self.sentences]
        self.quoted = sorted(
            (s.open, s.close + 1 if s.close is not None else blocks[s.block].end)
            for s in self.spans
        )
        self.verbs = lexicon.find(text, self.quoted)
        self._verb_starts = [verb.start for verb in self.verbs]
        titles = [(b.start, b.end) for b in blocks if _title_like(b)]
        self.mentions = Mentions(text, self.sentences, self.quoted, exclude=titles)

    def sentence(self, position: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence containing ``position``."""
        index = max(0, bisect.bisect_right(self._sentence_starts, position) - 1)
        return self.sentences[index]

    def verbs_between(self, lower: int, upper: int) -> list[_Verb]:
        """Reporting verbs lying inside ``[lower, upper)``."""
        index = bisect.bisect_left(self._verb_starts, lower)
        result = []
        while index < len(self.verbs) and self.verbs[index].start < upper:
            if self.verbs[index].end <= upper:
                result.append(self.verbs[index])
            index += 1
        return result

    def participle(self, verb: _Verb) -> bool:
        """An -ing form after a comma or a subordinator (", saying", "while insisting")."""
        word = self.text[verb.start : verb.end]
        before = self.text[max(0, verb.start - 12) : verb.start]
        if re.search(r"\band\s+$", before):  # "confirmed ... and said": the main subject
            return True
        return word.endswith("ing") and not re.search(
            r"\b(?:is|are|was|were|be|been|am|'s|'re|keep|keeps|kept|start|started|stop|stopped)\s+$",
            before,
        )

    def subject_of(self, verb: _Verb, lower: int) -> list[Mention]:
        """Subject of a reporting verb, found before it within ``lower``.

        A participle or a verb after "and" (*Obama said ... and urged*; *..., adding that*) shares
        the subject of the previous reporting verb of its sentence, else takes the first mention of
        its clause (:meth:`Mentions.subject_before`).
        """
        if not self.participle(verb):
            return self.mentions.subject_before(verb.start, lower)
        for previous in reversed(self.verbs_between(lower, verb.start)):
            if previous.lemma == "according to" or previous is verb:
                continue
            found = self.mentions.subject_before(previous.start, lower)
            if found:
                return found
        return self.mentions.subject_before(verb.start, lower, True)


def _words(text: str) -> int:
    """Token count of ``text`` (:func:`analysis.text.segment.tokenize`)."""
    return len(tokenize(text))


def _content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` without function words (for echo detection)."""
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def _attribution(article: _Article, span: _Span, siblings: list[_Span]) -> dict:
    """Find the reporting verb and speaker of one quoted span (empty dict when none)."""
    text = article.text
    sentence_start = article.sentence(span.open)[0]
    sentence_end = article.sentence(span.close if span.close is not None else span.end - 1)[1]
    previous_close = max(
        (
            s.close + 1
            for s in siblings
            if s.close is not None and s.close < span.open and s.block == span.block
        ),
        default=sentence_start,
    )
    next_open = min(
        (s.open for s in siblings if s.open > span.open and s.block == span.block),
        default=sentence_end,
    )
    before_lower = max(sentence_start, previous_close)
    lead = text[before_lower : span.open]
    found: dict = {}
    if span.close is not None:
        after_upper = min(sentence_end, next_open)
        expects = text[span.close - 1 : span.close] in ",?!" or text[span.close + 1 :][:1] == ","
        for verb in article.verbs_between(span.close + 1, after_upper):
            gap = text[span.close + 1 : verb.start]
            if re.match(r"[\s,]*(?:and|but|or|while|as|when|because|if|so)\b", gap):
                break  # '"...," and Holder urged him': a new clause, not the attribution
            if not expects and len(_WORD.findall(gap)) > 3:
                break  # '"Rage" is a word that ... Romano does criticize': not an attribution
            subject = article.mentions.subject_before(verb.start, span.close + 1)
            rule = "after"
            if not subject and verb.end - verb.start > 3 and article.participle(verb):
                # '... a "phony theology," saying he ...': the main clause's subject
                subject = [
                    m for m in article.subject_of(verb, sentence_start) if m.end <= span.open
                ]
            if not subject and re.fullmatch(r"[\s,.;:!?\u2014-]*", gap):
                subject = article.mentions.subject_after(verb.end, after_upper)
                rule = "inverted"
            if subject:
                found = {"verb": verb, "subject": subject, "rule": rule}
            break
    if not found and span.close is not None and sentence_end == span.close + 1:
        found = _next_sentence_attribution(article, span)
    before = {}
    for verb in reversed(article.verbs_between(before_lower, span.open)):
        if verb.lemma == "according to":
            continue
        subject = article.subject_of(verb, sentence_start)
        if subject:
            before = {"verb": verb, "subject": subject, "rule": "before"}
        break
    according = {}
    for verb in article.verbs_between(sentence_start, sentence_end):
        if verb.lemma == "according to":
            subject = article.mentions.subject_after(verb.end, sentence_end)
            if subject:
                according = {"verb": verb, "subject": subject, "rule": "according_to"}
            break
    order = [found, before, according] if not lead.strip() else [before, found, according]
    return next((candidate for candidate in order if candidate), {})


def _next_sentence_attribution(article: _Article, span: _Span) -> dict:
    """'"...?" Obama said.': the attribution opens the next sentence when the mark ends its own."""
    text = article.text
    block = article.blocks[span.block]
    start = span.close + 1
    while start < block.end and text[start].isspace():
        start += 1
    if start >= block.end or text[start] in _MARKS:
        return {}
    end = article.sentence(start)[1]
    for verb in article.verbs_between(start, end)[:1]:
        if len(_WORD.findall(text[start : verb.start])) > 6 or verb.lemma == "according to":
            return {}
        rest = text[verb.end : end]
        if not re.match(
            r"\s*(?:[.,;:!?]|$|(?:in|on|at|during|to|while|of|about|after|before)\b)", rest
        ):
            return {}
        subject = article.mentions.subject_before(verb.start, start)
        if subject:
            return {"verb": verb, "subject": subject, "rule": "next sentence"}
    return {}


def _direct_position(article: _Article, span: _Span, lead: str) -> bool:
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
        # "tells Etheridge, "..."", "said Monday, "...""
        return re.fullmatch(r"(?:\s+[\w.'\u2019-]+){1,4},\s*", between) is not None
    return False


def _is_gloss(article: _Article, span: _Span, lead: str) -> bool:
    """An appositive gloss or translation of a name (see the module docstring)."""
    if not _GLOSS_LEAD.search(lead):
        return False
    body = article.text[span.start : span.end]
    words = _WORD.findall(body)
    if not words or len(words) > 6:
        return False
    title_case = all(w[:1].isupper() or w.lower() in _STOP for w in words)
    head = re.sub(_GLOSS_LEAD, "", lead)
    tail = _WORD.findall(head)[-4:]
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


def _is_title(article: _Article, span: _Span, attribution: dict) -> bool:
    """A name in quotation marks: Title Case (a show, a motto) with no verb, or before a work noun."""
    text = article.text
    words = _WORD.findall(text[span.start : span.end])
    if not words or len(words) > 6:
        return False
    title_case = words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _STOP for w in words
    )
    after = text[span.close + 1 : span.close + 30] if span.close is not None else ""
    if title_case and _WORK_NOUNS.match(after):
        return True
    return title_case and not attribution and len(words) >= 2


def _record(
    article: _Article, span: _Span, kind: str, kind_rule: str, attribution: dict, speaker_rule: str
) -> dict:
    """The output row of one quoted span."""
    text = article.text
    if attribution:
        speaker, mention = article.mentions.name_of(attribution["subject"])
        verb: _Verb = attribution["verb"]
        speaker_rule = speaker_rule or attribution["rule"]
        lemma, verb_class = verb.lemma, verb.cls.name
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
        "words": _words(text[span.start : span.end]),
        "kind_rule": kind_rule,
        "speaker_rule": speaker_rule if speaker or mention else "",
        "quotation": span.group,
    }


def _classify(article: _Article) -> list[dict]:
    """Kind and speaker of every quoted span, in text order."""
    text = article.text
    records: list[dict] = []
    by_group: dict[int, dict] = {}
    earlier_words: list[set[str]] = []
    for position, span in enumerate(article.spans):
        sentence_start = article.sentence(span.open)[0]
        previous = [
            s for s in article.spans[:position] if s.block == span.block and s.close is not None
        ]
        lower = max([sentence_start] + [s.close + 1 for s in previous if s.close < span.open])
        lead = text[lower : span.open]
        attribution = _attribution(article, span, article.spans)
        words = _words(text[span.start : span.end])
        kind, kind_rule, speaker_rule = "", "", ""
        if records and _interrupted(article, span, records[-1], lead, attribution):
            old, new = span.group, records[-1]["quotation"]
            for other in article.spans:  # continuation pieces follow the regrouping
                if other.group == old:
                    other.group = new
        same_sentence = [
            r
            for r in records
            if r["sentence_start"] == sentence_start
            and r.get("attribution")
            and r["kind"] in {"direct", "partial"}
        ]
        coordinated = re.fullmatch(r"\s*(?:,|and|or|but|,\s*and|,\s*or)\s*", lead) is not None
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
        elif _direct_position(article, span, lead):
            kind, kind_rule = "direct", "sentence-initial or after a reporting frame"
            if not attribution:
                attribution, speaker_rule = _inherit(article, span, records), "inherited"
            if not attribution and words <= 2:
                kind, kind_rule = "scare", "short, no speaker"
        elif _is_gloss(article, span, lead):
            kind, kind_rule = "gloss", "appositive gloss after a name"
        elif _title_like(article.blocks[span.block]):
            kind = "partial" if words > 2 else "scare"
            kind_rule = "quotation in a headline"
        elif _is_title(article, span, attribution):
            kind, kind_rule = "gloss", "title or name in quotation marks"
        elif attribution:
            verb: _Verb = attribution["verb"]
            if words <= 2 and not verb.cls.short_partial:
                kind, kind_rule = "scare", f"short, under a {verb.cls.name} verb"
            else:
                kind, kind_rule = "partial", "embedded, governed by a reporting verb"
        else:
            content = _content_words(text[span.start : span.end])
            echoed = any(
                content and len(content & seen) >= 0.6 * len(content) for seen in earlier_words
            )
            governing = _governing_verb(article, span, lower)
            if echoed:
                kind, kind_rule = "echo", "repeats an earlier quotation"
            elif governing is not None and (words > 2 or governing.cls.short_partial):
                kind, kind_rule = "partial", "embedded, governed by a reporting verb, no speaker"
                attribution = {"verb": governing, "subject": [], "rule": ""}
            elif words <= 2:
                kind, kind_rule = "scare", "short, no reporting verb"
            else:
                kind, kind_rule = "partial", "embedded, no reporting verb"
        record = _record(article, span, kind, kind_rule, attribution, speaker_rule)
        record["attribution"] = attribution
        records.append(record)
        by_group.setdefault(span.group, record)
        if kind in {"direct", "partial"}:
            earlier_words.append(_content_words(text[span.start : span.end]))
    _share_group_speakers(article, records)
    return records


def _governing_verb(article: _Article, span: _Span, lower: int) -> _Verb | None:
    """The last reporting verb before the quotation in its sentence, even without a subject
    ('the group's first ad called Obama an "elitist hypocrite"')."""
    verbs = [v for v in article.verbs_between(lower, span.open) if v.lemma != "according to"]
    return verbs[-1] if verbs else None


def _interrupted(article: _Article, span: _Span, previous: dict, lead: str, own: dict) -> bool:
    """'"A," he said. "B."': the span resumes the previous direct quotation after its attribution
    (unless it has its own attribution naming someone else)."""
    attribution = previous.get("attribution") or {}
    if previous["kind"] != "direct" or attribution.get("rule") not in {"after", "inverted"}:
        return False
    if own and own["verb"] is not attribution["verb"]:
        return False
    verb: _Verb = attribution["verb"]
    between = article.text[previous["end"] : span.open]
    block = article.blocks[span.block]
    return (
        block.start <= previous["end"] <= verb.start < span.open
        and len(_WORD.findall(between)) <= 12
        and _direct_position(article, span, lead)
    )


def _inherit(article: _Article, span: _Span, records: list[dict]) -> dict:
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
    following = [s for s in article.spans if s.block == span.block and s.open > span.open]
    if following:
        attribution = _attribution(article, following[0], article.spans)
        if attribution:
            return attribution
    if article.text[block.start : span.open].strip():
        return {}
    if span.block == 0:
        return {}
    previous = article.blocks[span.block - 1]
    earlier = [
        r
        for r in records
        if previous.start <= r["start"] < previous.end
        and r.get("attribution")
        and r["kind"] in {"direct", "partial", "indirect"}
    ]
    return earlier[-1]["attribution"] if earlier else {}


def _share_group_speakers(article: _Article, records: list[dict]) -> None:
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
            record["speaker_rule"] = "same quotation"


def _clause(article: _Article, verb: _Verb) -> tuple[int, int, str] | None:
    """The reported clause of a clause-taking verb: (start, end, rule), or None."""
    text = article.text
    sentence_start, sentence_end = article.sentence(verb.start)
    after = text[verb.end : sentence_end]
    cursor = verb.end
    if verb.lemma in OBJECT_VERBS:
        objects = article.mentions.between(verb.end, sentence_end)
        if objects and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[verb.end : objects[0].start]):
            cursor = objects[0].end
        else:
            match = re.match(
                r"\s+(?:him|her|them|us|me|reporters|journalists|voters|supporters|"
                r"lawmakers|(?:[Tt]he\s+)?(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*|"
                r"the\s+\w+)(?=[\s,.])",
                after,
            )
            if match:
                cursor = verb.end + match.end()
    adverbs = re.match(r"(?:\s+[a-z]{3,}ly\b)+", text[cursor:sentence_end])
    if adverbs:  # "reported incorrectly that ..."
        cursor += adverbs.end()
    rest = text[cursor:sentence_end]
    that = re.match(r"\s+that\s+", rest)
    if that:
        return _bounded(article, cursor + that.end(), sentence_end, verb, "that-clause")
    window = _that_window(rest)
    if window is not None and len(_WORD.findall(rest[:window])) <= 4:  # "told reporters that"
        return _bounded(article, cursor + window, sentence_end, verb, "that-clause")
    first = re.match(r"\s+([\w'\u2019$-]+)", rest)
    if first and rest[: first.start(1)].strip() == "":
        word = first.group(1)
        if _AUX_AFTER.match(rest) and verb.lemma in EMBEDDING_VERBS:
            return _embedded(article, verb, sentence_start, sentence_end)
        if (
            verb.lemma in verb.cls.bare_clause
            and word.lower() not in _CLAUSE_REJECT
            and not word.lower().endswith("ing")
            and not re.match(r"\s*[\"\u201c\u00ab(,.;:]", rest)
        ):
            start = cursor + first.start(1)
            bounded = _bounded(article, start, sentence_end, verb, "bare clause")
            if bounded and _clause_like(text[bounded[0] : bounded[1]]):
                return bounded
    if window is None:
        return None
    return _bounded(article, cursor + window, sentence_end, verb, "that-clause")


def _that_window(rest: str) -> int | None:
    """Offset in ``rest`` just after a "that" within 12 words after the verb (not across ``.;:`` or a
    quotation mark, not after "to": "continues to feel that"), unless it opens a relative clause."""
    if re.match(r"\s+to\s", rest):
        return None
    stop = re.search(
        r"[;:\"\u201c\u00ab]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Z])\.(?=\s|$)", rest
    )
    window = re.search(r"\sthat\s+", rest[: stop.start() if stop else len(rest)])
    if window is None or len(_WORD.findall(rest[: window.start()])) > 12:
        return None
    if _RELATIVE_THAT.match(rest, window.end()):
        return None  # "claimed responsibility for an attack that killed ..."
    return window.end()


def _clause_like(clause: str) -> bool:
    """Whether a bare clause has at least three words and a verb-like word after the first."""
    words = _WORD.findall(clause)
    return len(words) >= 3 and _FINITE.search(" ".join(words[1:])) is not None


def _bounded(
    article: _Article, start: int, end: int, verb: _Verb, rule: str
) -> tuple[int, int, str] | None:
    """Clause ``[start, end)`` cut at participles, later reports and final punctuation; None if tiny."""
    text = article.text
    cut = _PARTICIPLE_CUT.search(text, start, end)
    if cut:
        end = cut.start()
    for later in article.verbs_between(start, end):
        before = text[max(start, later.start - 6) : later.start]
        if later.cls.clause and re.search(r"(?:,|\band|\bbut)\s+$", before):
            kept = re.sub(r"(?:,|\band|\bbut)?\s*$", "", before.rstrip()).rstrip(", ")
            end = later.start - len(before) + len(kept)
            end = max(start, end)
            break
        subject = re.search(  # ", Mr. Santorum said ...": a new main clause
            r",\s+(?:(?:[A-Z][\w.'\u2019-]*\s+){1,4}|(?:he|she|they|it)\s+)$",
            text[start : later.start],
        )
        if later.cls.clause and subject:
            end = start + subject.start()
            break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    if end > start and text[end - 1] in ".!?" and (end == len(text) or text[end] not in _MARKS):
        end -= 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    if end - start < 3:
        return None
    return start, end, rule


def _embedded(
    article: _Article, verb: _Verb, sentence_start: int, sentence_end: int
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


def _indirect(article: _Article) -> list[dict]:
    """Indirect reports: clause-taking reporting verbs with a subject, and 'according to X'."""
    text = article.text
    records = []
    seen: set[tuple[int, int]] = set()
    for verb in article.verbs:
        if not verb.cls.clause:
            continue
        sentence_start, sentence_end = article.sentence(verb.start)
        has_quote = any(sentence_start <= s.open < sentence_end for s in article.spans)
        if verb.lemma == "according to":
            found = _according_to(article, verb, sentence_start, sentence_end, has_quote)
            if found is None:
                continue
            start, end, subject, rule = found
        else:
            clause = _clause(article, verb)
            if clause is None:
                continue
            start, end, rule = clause
            if text[start : start + 1] in _MARKS:
                continue
            subject = article.subject_of(verb, sentence_start)
            if not subject:
                continue
        if (start, end) in seen:
            continue
        seen.add((start, end))
        speaker, mention = article.mentions.name_of(subject) if subject else ("", "")
        if verb.lemma == "according to" and not subject:
            mention = rule.split(":", 1)[1] if ":" in rule else ""
            rule = rule.split(":", 1)[0]
        records.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "kind": "indirect",
                "speaker": speaker,
                "speaker_mention": mention,
                "verb": verb.lemma,
                "verb_class": verb.cls.name,
                "sentence_start": sentence_start,
                "sentence_end": sentence_end,
                "words": _words(text[start:end]),
                "kind_rule": rule,
                "speaker_rule": ("according_to" if verb.lemma == "according to" else "subject")
                if speaker or mention
                else "",
                "quotation": -1,
                "attribution": {"verb": verb, "subject": subject, "rule": "subject"}
                if subject
                else {},
            }
        )
    return records


def _according_to(
    article: _Article, verb: _Verb, sentence_start: int, sentence_end: int, has_quote: bool
) -> tuple[int, int, list[Mention], str] | None:
    """'According to X, ...' / '..., according to X.': the clause, the subject and the rule."""
    if has_quote:
        return None
    text = article.text
    subject = article.mentions.subject_after(verb.end, sentence_end)
    source_end = re.search(r"[,.;]|$", text[verb.end : sentence_end])
    source = text[verb.end : verb.end + source_end.start()].strip() if source_end else ""
    rule = "according to" if subject else f"according to:{source}"
    if not text[sentence_start : verb.start].strip():  # "According to X, ..."
        comma = text.find(",", verb.end, sentence_end)
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
    return None


def extract_quotes(
    cleaned: CleanArticle, verb_classes: dict[str, VerbClass] | None = None
) -> pd.DataFrame:
    """Every quotation and indirect report of one clean article (see the module docstring).

    Columns: :data:`COLUMNS`. Offsets index ``cleaned.text``; rows sorted by start, end, kind.
    """
    records = find_quotes(cleaned.text, cleaned.blocks, verb_classes)
    frame = pd.DataFrame(
        records, columns=[c for c in COLUMNS if c not in {"event_id", "outlet", "article", "quote"}]
    )
    frame.insert(0, "event_id", cleaned.article.event_id)
    frame.insert(1, "outlet", cleaned.article.outlet)
    frame.insert(2, "article", cleaned.article.path.stem)
    frame.insert(3, "quote", range(len(frame)))
    return frame[COLUMNS]


def find_quotes(
    text: str, blocks: tuple[Block, ...], verb_classes: dict[str, VerbClass] | None = None
) -> list[dict]:
    """The records of :func:`extract_quotes` for a text and its blocks (no article metadata)."""
    article = _Article(text, blocks, _lexicon(verb_classes))
    quotes = _classify(article)
    records = quotes + _indirect(article)
    order = {kind: index for index, kind in enumerate(KINDS)}
    records.sort(key=lambda r: (r["start"], r["end"], order[r["kind"]]))
    numbers: dict[int, int] = {}
    for record in records:
        record.pop("attribution", None)
        key = record["quotation"] if record["quotation"] >= 0 else -1 - len(numbers)
        record["quotation"] = numbers.setdefault(key, len(numbers))
    return records


_DEFAULT: list[_Lexicon] = []


def _lexicon(verb_classes: dict[str, VerbClass] | None) -> _Lexicon:
    """The lexicon of ``verb_classes``; the codebook's, read once, when None."""
    if verb_classes is not None:
        return _Lexicon(verb_classes)
    if not _DEFAULT:
        _DEFAULT.append(_Lexicon(load_verb_classes()))
    return _DEFAULT[0]


def quotes_table(
    cleaned: list[CleanArticle], verb_classes: dict[str, VerbClass] | None = None
) -> pd.DataFrame:
    """:func:`extract_quotes` over several articles, sorted by event, outlet, article and quote."""
    frames = [extract_quotes(item, verb_classes) for item in cleaned]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["event_id", "outlet", "article", "quote"], kind="stable").reset_index(
        drop=True
    )
