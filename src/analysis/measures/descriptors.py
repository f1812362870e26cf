"""Descriptors: the label-like words attached to an actor mention in its noun phrase ("extremist
group" in "Sunni Muslim extremist group Jaish al-Adl", "separatists" in "Baloch separatists"), and the
label-codebook families they belong to (see :mod:`analysis.measures.actors`)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.measures.labels import LabelFamily
from analysis.text.document import Sentence
from analysis.text.lexicon import DESCRIPTOR_STOP_WORDS, DESCRIPTOR_WORDS, TITLE_WORDS
from analysis.text.segment import Span, tokenize

PRE_WINDOW = 4  # descriptor words looked at before a mention
POST_WINDOW = 3  # ... and after it


def _is_descriptor_word(word: str, families: Sequence[LabelFamily], before: bool) -> bool:
    folded = word.casefold()
    if word[:1].isupper():
        return before and all(part in TITLE_WORDS for part in folded.rstrip(".").split("-"))
    if folded in DESCRIPTOR_STOP_WORDS:
        return False
    return folded in DESCRIPTOR_WORDS or any(f.pattern.fullmatch(folded) for f in families)


def descriptor(
    sentence: Span | Sentence,
    start: int,
    end: int,
    families: Sequence[LabelFamily] = (),
    tokens: Sequence[Span] | None = None,
) -> str:
    """Label-like words attached to the mention ``start:end`` in its noun phrase.

    Window rule: within the mention's sentence, the contiguous words immediately before the mention
    (at most :data:`PRE_WINDOW`) and immediately after it (at most :data:`POST_WINDOW`), plus
    lower-case words inside the mention itself, as long as each word is a descriptor word
    (:data:`DESCRIPTOR_WORDS`, a label-codebook match, or, before the mention, a title such as
    "President"). The window stops at the first other word and at any punctuation between words, so
    appositions ("Imran Khan, the Pakistani prime minister") and verbs ("Khan said") are not
    included. Words keep their case and order: "extremist group", "Prime Minister", "separatists".
    ``tokens``: the sentence's word tokens when already known (``Document.tokens``), else
    :func:`analysis.text.segment.tokenize` finds them.
    """
    if tokens is None:
        tokens = tokenize(sentence.text, offset=sentence.start)
    text, base = sentence.text, sentence.start

    def joined(left: Span, right: Span) -> bool:
        return text[left.end - base : right.start - base].strip() == ""

    before = [token for token in tokens if token.end <= start]
    after = [token for token in tokens if token.start >= end]
    inside = [token for token in tokens if start <= token.start and token.end <= end]
    picked: list[str] = []
    edge = Span(start, start, "")
    for token in reversed(before[-PRE_WINDOW:]):
        if not (joined(token, edge) and _is_descriptor_word(token.text, families, before=True)):
            break
        picked.insert(0, token.text)
        edge = token
    picked += [
        token.text
        for token in inside
        if token.text[:1].islower() and _is_descriptor_word(token.text, families, before=False)
    ]
    edge = Span(end, end, "")
    for token in after[:POST_WINDOW]:
        if not (joined(edge, token) and _is_descriptor_word(token.text, families, before=False)):
            break
        picked.append(token.text)
        edge = token
    return " ".join(picked)


def families_of(text: str, families: Sequence[LabelFamily]) -> str:
    """The codebook families whose pattern occurs in ``text``, ";"-joined in codebook order."""
    if not text:
        return ""
    return ";".join(family.name for family in families if family.pattern.search(text))
