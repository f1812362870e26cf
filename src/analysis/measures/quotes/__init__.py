"""Quotations and reported speech in one article: where they are, what kind, and who speaks.

Method: rule-based quote extraction and attribution in the tradition of the news-attribution work of
Pareti (2016, "PARC 3.0: A corpus of attribution relations", LREC), Newell, Margolin & Ruths (2018, "An
attribution relations corpus for political news", LREC) and the GenderGapTracker's syntactic rules (Asr
et al. 2021, "The Gender Gap Tracker", PLOS ONE 16(1)); reporting verbs and their classes come from the
codebook ``codebooks/reporting_verbs.yaml`` (Bergler 1992; Caldas-Coulthard 1994; AP Stylebook on
"said"). Speakers are resolved within the article by :mod:`analysis.measures.speakers` (titles, descriptions,
Hobbs 1978 recency for pronouns). Deterministic, standard library + pandas only.

**Quotation marks** are read by :mod:`analysis.text.quotemarks`, the one reader of the marks of clean
text (straight ``"`` and ``'``: cleaning turns curly marks and guillemets into straight ones): double
marks are paired per paragraph (facing, nesting, stray marks, a suspect nesting re-read flat unless the
next paragraph continues the quotation). Single quotes make records only in headlines and Title Case
lines (news headline style: ``Steele Over 'Inaccurate' Comments``); elsewhere they are apostrophes or
nested quotes (the label and tone voices still count them as quoted text).

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
  such as *show*, *ad*, *motto* or any lower-case noun it names (``NBC's "Today" show``, ``the
  national motto, "In God We Trust"``, ``"Ferry For All" hats``), or after a network's possessive, a
  work noun or an interview on it (``said on CNN's "State of the Union"``, ``in an interview with
  "Fox and Friends"``), or a quotation cited with its year or a byline (``"No to Schengen" (2005)``,
  ``"Ferry to stop," by the Post's Ola Berg``). A double-quoted value right after ``=`` is markup
  (``<post id="4412">``), no quotation.
* ``partial``: a quotation inside the narrator's sentence governed by a reporting verb with a speaker,
  before or after it (``called it "a turning point"``). With one or two words the verb's class must
  allow short partial quotes (``short_partial`` in the codebook; accusatory verbs do too:
  ``denounced the US for "insulting" Iran`` quotes the speaker's word). A quotation coordinated
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
  records of their own too (a clause and its partial quote overlap). Also (:mod:`.unmarked`): a
  trailing attribution (``The plant will close, officials said.``: the clause before the comma) and a
  parenthetical one (``The plant, he said, will close.``: two records of one report); an embedded
  question after *ask* (``asked whether ...``); for the codebook's ``object_content`` classes
  (*want*, *endorse*, *call for*, ...) the object or to-infinitive up to the clause end, never after
  a preposition or a particle (``drew support from``, ``backing down``; a gapped object's
  ``object_prepositions`` excepted: ``the militants it blamed for``), never a reflexive of a verb
  that is no naming or telling (``found itself in``), never a name alone given by ``called``; before
  a noun cue's preposition the noun reads (``voiced support for``, ``questions about``). Verbs of
  thought (*believe*), evidence (*the report found*) and stance come from the codebook's
  ``cognition``, ``evidence`` and ``stance`` classes (PARC 3.0, Pareti 2016; PolNeAR's guidelines).
  Wider cue classes (Levin 1993 / VerbNet; Krestel et al. 2008): judgement and naming verbs take
  their object as content (``accused the governor of ...``, ``called the plan a mistake``), as do the
  ``message`` (*cite*, *talk about*, *point out*) and ``perception`` (*sees X as Y*) classes and the
  ``object_verbs`` of the other classes when no clause follows (``announced a new plan``; never an
  adjunct: ``announced on Friday``); ``infinitive_verbs`` take only a to-infinitive (``pledged to
  rebuild``, not ``pledged billions``). Raising verbs (``evidential``: *seemed to*, *appears to*,
  *is expected to*) give the clause around them with no source (``kind_rule`` ``unsourced``);
  ``document`` verbs frame a text's own words (``the email reads: "..."``), never an object. Any
  clause verb takes an embedded question opened by *whether*, *why* or *how* (``would not say
  how ...``); ``that,`` before an inserted clause and an existential ``there had been`` open a
  clause. Trailing attributions may be inverted with an appositive (``..., said Anna Berg, a
  teacher who ...``), end at a semicolon, or follow a content opened by *But*; a source before an
  unmarked report may be a longer noun phrase with prepositions (``Two in three said``). A
  progressive is active speech (``is calling for``, ``has been backing``); adjuncts of time may
  stand between the verb and its clause (``said Tuesday the ...``), and a conditional clause opens
  the content (``said if X, Y``); a trailing *told* may keep its hearer (``..., the mayor told
  reporters.``), and a one-word lead leaves the parenthetical's second piece alone (``Otherwise, she
  said, ...``). A colon after a speech verb opens unquoted words (``Berg said: The ferry ...``);
  ``That's according to X.`` attributes the sentence before (and ``reported that, according to X,
  Y`` gives it Y); a speech verb's colon that ends its paragraph introduces the next, unquoted one;
  a subject pronoun and a finite verb open a clause after any clause verb (``promised they will``),
  and an adverb may stand inside a phrasal cue (``talked more about``); a content inside a
  non-restrictive relative clause ends at its comma (``Berg, who says X, will resign``); after a
  sentence-opening quotation, the frame verb's following words are its hearer, no content
  (``"...," Dahl told cheering supporters``), and after ``, said`` a mention ending at a comma is
  the inverted subject, no clause. A noun-phrase source may stand before a parenthetical (``The
  poll, released on Monday, showed``) or be a relative possessive (``whose lawyers argued``). A
  content may open with a quotation that goes on after its closing mark (``said "it gets me mad"
  every time ...``: a mixed report beside its partial quote) or end in one (``The fare may be
  "strategic," Berg said``); ``according to`` reports a clause holding a partial or scare
  quotation, and opens a bracketed sentence; a to-infinitive after the hearer of *tell* is a
  directive's content (``told Dahl to go home``; an object verb keeps its hearer: ``asked Iran to
  act``); in the
  article's headline a Title Case label is the source of its line (``Report: ...``; not a genre
  label such as ``Analysis:``). Three more patterns, each in its own module: Title Case
  headlines (:mod:`.headlines`: ``Varn Mayor Says Ferry Will Run``), sentence-opening participle
  clauses (:mod:`.participles`: ``Noting that ..., X called for``; ``Asked whether ..., X said``,
  the question without source), and comment clauses and impersonal passives
  (:mod:`.comment_clauses`: ``As the Gazette reported, ...``, ``As reported by X, ...``, ``It was
  reported that ...``).

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
sentence, else the first mention of its clause. A quotation opening a paragraph after one that ends
``X continued:`` takes that verb and subject (``colon introduction``). When no speaker mention stands
there, a short noun phrase is the source (``Some 22 percent said``; inverted ``"...," said a person
close to X``): its surface form and offsets, no resolved name. Subjects are found by
:mod:`analysis.measures.speakers`; coordinated subjects give several names joined by ``"; "``. The
source mention is the local one (PolNeAR's Source): a pronoun or a relative *who* (``Ana Lind, who
said``: mention *who*, speaker Ana Lind); in an absolute construction (``..., with X reportedly
saying``) the subject is X; a verb after *but* or *or* shares its clause's subject; an attribution
right after the quotation wins over a verb before it that attributes the previous quotation; a
paragraph opened by a dash and a name (``-Michelle Marks, Varnby.``) signs the quotation that ends
the paragraph before it (``signature``, no cue). A finite verb inside a subordinate clause
(``... because several ferrymen said``) takes its subject there, and keeps its report without a
source when none is found; a verb after *and* shares the subject of an earlier finite cue, not of an
-ing form or a to-infinitive inside its clause; *you* is a source that names no one (an interview's
``Do you think ...?``); a participle after a subordinator is passive (``when asked whether
...``: the question, no source); an anticipatory *it* (``It's easy to criticize X``) is no source.
Scare quotes, glosses and echoes have no speaker.

**Source and cue spans** (Pareti 2016's source-cue-content triple): ``source_start``/``source_end``
cover the subject mentions, ``cue_start``/``cue_end`` the reporting verb; -1 when absent.

Known limits: no parser, so long-distance or embedded subjects can be missed and verbs used as nouns
(*a progress report*) can slip through; clause detection without ``that`` is heuristic (an object noun
phrase with a relative clause can pass for a clause); nested quotations are not separate records;
quotations in headlines are not linked to speakers (a report with a capitalised verb is); block
quotations printed without marks are not found (transcript turns are, when their upper-case label is
the last name of a person the article names: ``PENCE: We will ...`` is a ``direct`` record with rule
``transcript label``, no cue); cues outside the codebook (nouns such as *criticism of*, prepositions
such as *in his view*) are not read. Measured on PolNeAR: ``benchmarks/README.md``.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.quotes.comment_clauses import comment_clause_reports
from analysis.measures.quotes.context import ArticleContext
from analysis.measures.quotes.headlines import headline_reports
from analysis.measures.quotes.indirect import indirect_reports
from analysis.measures.quotes.kinds import classify_quotations
from analysis.measures.quotes.participles import opening_participles
from analysis.measures.quotes.passives import agentless_reports, passive_reports
from analysis.measures.quotes.unmarked import attribution_after_content, transcript_turns
from analysis.measures.quotes.verbs import VerbClass, load_verb_classes, reporting_verbs
from analysis.schema import QUOTE_COLUMNS, QUOTE_KINDS
from analysis.text.document import Document

__all__ = ["VerbClass", "extract_quotes", "find_quotes", "load_verb_classes", "quotes_table"]


def extract_quotes(
    cleaned: Document, verb_classes: dict[str, VerbClass] | None = None
) -> pd.DataFrame:
    """Every quotation and indirect report of one clean article (see the module docstring).

    Columns: :data:`QUOTE_COLUMNS`. Offsets index ``cleaned.text``; rows sorted by start, end, kind.
    """
    records = find_quotes(cleaned, verb_classes)
    frame = pd.DataFrame(
        records,
        columns=[c for c in QUOTE_COLUMNS if c not in {"event_id", "outlet", "article", "quote"}],
    )
    frame.insert(0, "event_id", cleaned.article.event_id)
    frame.insert(1, "outlet", cleaned.article.outlet)
    frame.insert(2, "article", cleaned.id)
    frame.insert(3, "quote", range(len(frame)))
    return frame[QUOTE_COLUMNS]


def find_quotes(cleaned: Document, verb_classes: dict[str, VerbClass] | None = None) -> list[dict]:
    """The records of :func:`extract_quotes` for one clean article (no article metadata)."""
    article = ArticleContext(cleaned, reporting_verbs(verb_classes))
    quotes = classify_quotations(article)
    records = quotes + indirect_reports(article)
    taken = {(r["start"], r["end"]) for r in records}
    unmarked = (
        attribution_after_content(article)
        + transcript_turns(article)
        + headline_reports(article)
        + opening_participles(article)
        + comment_clause_reports(article)
        + passive_reports(article)
        + agentless_reports(article)
    )
    for record in unmarked:  # one record per span: the first pattern that found it
        if (record["start"], record["end"]) not in taken:
            taken.add((record["start"], record["end"]))
            records.append(record)
    order = {kind: index for index, kind in enumerate(QUOTE_KINDS)}
    records.sort(key=lambda r: (r["start"], r["end"], order[r["kind"]]))
    numbers: dict[int, int] = {}
    for record in records:
        record.update(_source_and_cue(record.pop("attribution", None) or {}))
        key = record["quotation"] if record["quotation"] >= 0 else -1 - len(numbers)
        record["quotation"] = numbers.setdefault(key, len(numbers))
    return records


def _source_and_cue(attribution: dict) -> dict[str, int]:
    """Offsets of the source mention (first to last subject mention) and the cue (reporting verb)."""
    subject = attribution.get("subject") or []
    verb = attribution.get("verb")
    return {
        "source_start": subject[0].start if subject else -1,
        "source_end": subject[-1].end if subject else -1,
        "cue_start": verb.start if verb is not None else -1,
        "cue_end": verb.end if verb is not None else -1,
    }


def quotes_table(
    cleaned: list[Document], verb_classes: dict[str, VerbClass] | None = None
) -> pd.DataFrame:
    """:func:`extract_quotes` over several articles, sorted by event, outlet, article and quote."""
    frames = [extract_quotes(item, verb_classes) for item in cleaned]
    if not frames:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["event_id", "outlet", "article", "quote"], kind="stable").reset_index(
        drop=True
    )
