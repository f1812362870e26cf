"""Everything one article's quote extraction needs: text, sentences, quoted spans, verbs, mentions."""

from __future__ import annotations

import bisect
import re

from analysis.measures.quotes.spans import WORD, QuotedSpan, find_spans, title_like
from analysis.measures.quotes.verbs import ReportingVerbs, Verb
from analysis.measures.speakers import Mention, Mentions
from analysis.text.document import Document
from analysis.text.lexicon import (
    QUOTE_STOP_WORDS,
)
from analysis.text.segment import tokenize

#: "to" before an infinitive, an adverb between (*to criticize*, *to publicly back*).
_TO_BEFORE = re.compile(r"\bto\s+(?:[a-z]{3,}ly\s+)?$")
#: A coordinator before a verb (*and*, *but then*, *, then*), an operator and up to two adverbs
#: between (*and has repeatedly said*, *and most recently defended*).
_COORDINATED = re.compile(
    r"(?:\b(?:and|but|or)(?:\s+then)?|,\s+then)\s+(?:(?:has|have|had|will|would)\s+)?"
    r"(?:(?:most|more|also|later|then|[a-z]{3,}ly)\s+){0,2}$"
)
#: An auxiliary (and "not", an adverb) before an -ing form: a progressive, with its own subject ("is
#: calling for", "she's not predicting", "was still backing"), not a participle.
_PROGRESSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|am|keep|keeps|kept|start|started|stop|stopped)|'s|'re|'m|"
    r"\b(?:isn|aren|wasn|weren)'t)(?:\s+(?:not|also|still|now|[a-z]{3,}ly))*\s+$"
)
#: "with" and a lower-case noun phrase opened by a determiner right before an -ing verb.
_WITH_PHRASE = re.compile(
    r"\bwith\s+((?:the|a|an|each|every|some|many|most|all|both|several|few)"
    r"(?:\s+[a-z][\w'-]*){1,4}?)\s+(?:[a-z]+ly\s+)?\Z"
)


class ArticleContext:
    """Everything one article's extraction needs: text, sentences, quotes, verbs, mentions."""

    def __init__(self, document: Document, lexicon: ReportingVerbs) -> None:
        """Take the document's sentences, pair its marks, find its verbs and mentions."""
        text, blocks = document.text, document.blocks
        self.text = text
        self.blocks = blocks
        self._block_starts = [block.start for block in blocks]
        self.lexicon = lexicon
        self.spans = find_spans(text, blocks)
        #: The spans of each block, in text order (look-ups per paragraph, not over the article).
        self.block_spans: dict[int, list[QuotedSpan]] = {}
        for span in self.spans:
            self.block_spans.setdefault(span.block, []).append(span)
        self._block_closes = {
            block: sorted(s.close for s in spans if s.close is not None)
            for block, spans in self.block_spans.items()
        }
        self._block_opens = {
            block: sorted(s.open for s in spans) for block, spans in self.block_spans.items()
        }
        self.sentences = [(s.start, s.end) for s in document.sentences]
        self._sentence_starts = [start for start, _ in self.sentences]
        self.quoted = sorted(
            (s.open, s.close + 1 if s.close is not None else blocks[s.block].end)
            for s in self.spans
        )
        self._opens = sorted(span.open for span in self.spans)
        verbs = lexicon.find(text, self.quoted)
        self.noun_cues = lexicon.nouns.find(text, self.quoted, verbs)
        nouns = {(cue.start, cue.end) for cue in self.noun_cues}  # "support for": no verb
        self.verbs = [verb for verb in verbs if (verb.start, verb.end) not in nouns]
        self._verb_starts = [verb.start for verb in self.verbs]
        titles = [(b.start, b.end) for b in blocks if title_like(b)]
        self.mentions = Mentions(text, self.sentences, self.quoted, exclude=titles)

    def next_paragraph(self, position: int) -> tuple[int, int] | None:
        """``(start, end)`` of the first paragraph block that starts at or after ``position``."""
        index = bisect.bisect_left(self._block_starts, position)
        if index == len(self.blocks) or self.blocks[index].kind != "paragraph":
            return None
        return self.blocks[index].start, self.blocks[index].end

    def sentence(self, position: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence containing ``position``."""
        index = max(0, bisect.bisect_right(self._sentence_starts, position) - 1)
        return self.sentences[index]

    def previous_close(self, span: QuotedSpan, default: int) -> int:
        """One past the last closing mark of the paragraph's quotations before ``span`` opens
        (``default`` when none); by bisection, not a scan of the paragraph."""
        closes = self._block_closes[span.block]
        index = bisect.bisect_left(closes, span.open) - 1
        return closes[index] + 1 if index >= 0 else default

    def next_open(self, span: QuotedSpan, default: int) -> int:
        """The first opening mark of the paragraph's quotations after ``span``'s own (``default``
        when none)."""
        opens = self._block_opens[span.block]
        index = bisect.bisect_right(opens, span.open)
        return opens[index] if index < len(opens) else default

    def opens_between(self, lower: int, upper: int) -> bool:
        """Whether a quotation opens inside ``[lower, upper)`` (bisection, not a scan)."""
        index = bisect.bisect_left(self._opens, lower)
        return index < len(self._opens) and self._opens[index] < upper

    def verbs_between(self, lower: int, upper: int) -> list[Verb]:
        """Reporting verbs lying inside ``[lower, upper)``."""
        index = bisect.bisect_left(self._verb_starts, lower)
        result = []
        while index < len(self.verbs) and self.verbs[index].start < upper:
            if self.verbs[index].end <= upper:
                result.append(self.verbs[index])
            index += 1
        return result

    def verb_word(self, verb: Verb) -> str:
        """The verb of a cue as written, a phrasal verb by its first word (*calling* of *calling
        for*); *according to* whole, a preposition."""
        word = self.text[verb.start : verb.end]
        return word if verb.lemma == "according to" else word.split()[0]

    def nonfinite(self, verb: Verb) -> bool:
        """An -ing form or a to-infinitive (*to criticize*): no partner of a coordinated verb."""
        before = self.text[max(0, verb.start - 20) : verb.start]
        return self.verb_word(verb).endswith("ing") or _TO_BEFORE.search(before) is not None

    def participle(self, verb: Verb) -> bool:
        """An -ing form after a comma or a subordinator (", saying", "while insisting"), or a verb
        coordinated by *and*, *but*, *or*, *and then* or *, then* (an operator and up to two
        adverbs may stand between: *and has repeatedly said*, *and most recently defended*)."""
        word = self.verb_word(verb)
        before = self.text[max(0, verb.start - 40) : verb.start]
        if _COORDINATED.search(before):
            return True  # "confirmed ... and said", "He thinks ..., but believes": the main subject
        return word.endswith("ing") and not _PROGRESSIVE_BEFORE.search(before)

    def subject_of(self, verb: Verb, lower: int) -> list[Mention]:
        """Subject of a reporting verb, found before it within ``lower``.

        A participle or a verb after "and" (*Obama said ... and urged*; *..., adding that*) shares
        the subject of the previous reporting verb of its sentence (for a speech verb, a previous speech
        verb first: *X said he welcomed Y and added* is X's), else takes the first mention of its
        clause (:meth:`Mentions.subject_before`).
        """
        absolute = self.absolute_subject(verb, lower)
        if absolute:
            return absolute
        if not self.participle(verb):
            return self.mentions.subject_before(verb.start, lower)
        earlier = list(reversed(self.verbs_between(lower, verb.start)))
        if verb.cls.speech:  # "X said he welcomed Y and added": added shares said's subject
            earlier.sort(key=lambda previous: not previous.cls.speech)  # stable: speech first
        finite = not self.verb_word(verb).endswith("ing")
        for previous in earlier:
            if previous.lemma == "according to" or previous is verb:
                continue
            if finite and self.nonfinite(previous):
                continue  # "said he ... since announcing it and suggested": said's partner
            found = self.absolute_subject(previous, lower) or self.mentions.subject_before(
                previous.start, lower
            )
            if found:
                return found
        return self.mentions.subject_before(verb.start, lower, True)

    def absolute_subject(self, verb: Verb, lower: int) -> list[Mention]:
        """The subject of an absolute construction (Quirk et al. 1985, 15.58): in *..., with Vik
        reportedly shouting*, the mention right after *with* (or *of*, *about*: *think of Berg
        saying*) is the subject of the -ing verb, not the main clause's subject (an adverb in -ly
        may stand between); so is a lower-case noun
        phrase opened by a determiner (*with each candidate questioning*)."""
        if not self.verb_word(verb).endswith("ing"):
            return []
        phrase = _WITH_PHRASE.search(self.text, max(lower, verb.start - 80), verb.start)
        if phrase:  # "..., with each candidate questioning"
            start, end = phrase.span(1)
            return [Mention(start, end, self.text[start:end], "description")]
        found = self.mentions.between(lower, verb.start)
        if not found:
            return []
        nearest = found[-1]
        before = self.text[max(lower, nearest.start - 6) : nearest.start]
        gap = self.text[nearest.end : verb.start]
        if re.search(r"\b(?:with|of|about)\s+$", before) and re.fullmatch(
            r"\s+(?:[a-z]+ly\s+)?", gap
        ):
            return [nearest]
        return []


def word_count(text: str) -> int:
    """Token count of ``text`` (:func:`analysis.text.segment.tokenize`)."""
    return len(tokenize(text))


def content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` without function words (for echo detection)."""
    return {w.lower() for w in WORD.findall(text) if w.lower() not in QUOTE_STOP_WORDS}
