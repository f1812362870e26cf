"""Vocabularies shared by measures, tables, figures and the site: quote kinds and the columns of the quotes
table (:mod:`analysis.measures.quotes` defines what each kind means)."""

from __future__ import annotations

#: Every kind of the quotes table, in the order rows with the same span are sorted.
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "scare", "gloss", "echo")
#: Kinds that report what an actor said: quotations in marks and indirect reports (who speaks, and
#: how much: the speaking table and the site).
SPEECH_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
#: Kinds that quote an actor's own words in quotation marks (the quote-share figures).
QUOTATION_KINDS: tuple[str, ...] = ("direct", "partial")
QUOTE_COLUMNS: list[str] = [
    "event_id", "outlet", "article", "quote", "quotation", "start", "end", "text", "kind",
    "speaker", "speaker_mention", "verb", "verb_class", "sentence_start", "sentence_end", "words",
    "kind_rule", "speaker_rule", "source_start", "source_end", "cue_start", "cue_end",
]  # fmt: skip
#: Source and cue spans of a quote record (Pareti 2016's source-cue-content triple): offsets into the
#: clean text, -1 when the record has no source mention or no cue.
