"""Word choice per actor: every way each outlet names or describes each actor, and the terms that set
one outlet apart.

The comparison is the word-choice and labelling analysis of Hamborg, Zhukova & Gipp (2019,
"Automated Identification of Media Bias by Word Choice and Labeling in News Articles", JCDL), made
per actor and split by voice (the outlet's narration or a quotation; Tuchman 1972). The terms of an
actor (:func:`actor_terms`), each with its sentence and offsets:

* ``name``: every name mention ("Mr. Trump", "Kim Jong Un");
* ``title``: the title written before a name ("Iranian President", "Prime Minister"), from the
  project's name finder (:func:`analysis.text.names.name_candidates`);
* ``label``: the mention's descriptor words when a label-codebook family matches them ("terrorist
  organizations" in "three Baluch terrorist organizations", "separatists" in "Baloch separatists");
  the term's offsets are those of the family's word;
* ``description``: a nationality word with a noun for people ("Iranian officials"); an apposition
  after the name, between commas and opened by an article ("Kim Jong Un, the North Korean
  dictator,") or before it ("the real estate mogul, Donald Trump"); and a definite description
  later in the article whose head noun is the last word of one of the actor's titles or
  appositions in the event ("the president", "the mogul"), given to the actor with that head
  mentioned most recently before it: a rule-based coreference in the spirit of Lappin & Leass
  (1994, "An algorithm for pronominal anaphora resolution", Computational Linguistics 20(4)),
  recency first.

Distinctive terms (:func:`distinctive_terms`): per actor and voice, Fightin' Words (Monroe, Colaresi
& Quinn 2008, log-odds with an informative Dirichlet prior; :func:`analysis.measures.keyness.one_vs_rest`)
of each outlet's terms against the other outlets' terms for the same actor, with an evidence sentence;
the prior is the actor's pooled terms scaled to their own number (α0 = the actor's term count: the
prior weighs as much as the data, since one actor's terms are few).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.measures.descriptors import families_of
from analysis.measures.keyness import one_vs_rest
from analysis.measures.labels import LabelFamily, load_codebook
from analysis.text.document import Document
from analysis.text.intervals import IntervalUnion
from analysis.text.names import name_candidates

TERM_COLUMNS = ["event_id", "outlet", "article", "actor", "term", "kind", "voice", "sentence",
                "start", "end", "family"]  # fmt: skip
DISTINCTIVE_COLUMNS = ["event_id", "actor", "voice", "outlet", "term", "count_outlet", "count_rest",
                       "z", "evidence"]  # fmt: skip
MIN_Z = 1.0  # a distinctive term's z-score at least (Monroe et al. 2008 read |z| > 1.96 as strong)
_AFTER = re.compile(r",\s+((?:the|a|an)\s+[^,;:.()\"\u201c\u201d]{2,80}?)\s*(?=[,;.)]|$)")
_BEFORE = re.compile(r"(?:^|[\s(])((?:the|a|an)\s+[^,;:.()\"\u201c\u201d]{2,80}?),\s*$", re.I)
_MAX_WORDS = 8


def actor_terms(
    cleaned: Sequence[Document],
    mentions: pd.DataFrame,
    families: Sequence[LabelFamily] | None = None,
) -> pd.DataFrame:
    """Every term naming or describing an actor (columns :data:`TERM_COLUMNS`; ``family``: the
    codebook families of a label or of a description that uses a codebook word, ";"-joined). Sorted by outlet, article, start, kind, term."""
    families = load_codebook() if families is None else families
    rows: list[dict] = []
    by_article = {article: group for article, group in mentions.groupby("article", sort=True)}
    for item in cleaned:
        group = by_article.get(item.id)
        if group is None:
            continue
        found = _mention_terms(item, group, families)
        rows += found + _coreferent(item, group, found)
    table = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return table.sort_values(
        ["event_id", "outlet", "article", "start", "kind", "term", "actor"], kind="stable"
    ).reset_index(drop=True)


def _row(item: Document, actor: str, term: str, kind: str, start: int, end: int, family: str = ""):
    return {
        "event_id": item.article.event_id,
        "outlet": item.article.outlet,
        "article": item.id,
        "actor": actor,
        "term": term,
        "kind": kind,
        "voice": "quoted" if start in item.quote_index else "narration",
        "sentence": item.sentence_index(start),
        "start": start,
        "end": end,
        "family": family,
    }


def _mention_terms(item: Document, group: pd.DataFrame, families) -> list[dict]:
    """Name, title, label and apposition terms of the article's mentions."""
    text, rows = item.text, []
    titles = _titles(item)
    for mention in group.itertuples(index=False):
        start, end, actor = int(mention.start), int(mention.end), mention.actor
        kind = "name" if getattr(mention, "kind", "name") == "name" else "description"
        rows.append(_row(item, actor, mention.mention, kind, start, end))
        if (start, end) in titles:
            t_start, t_end = titles[(start, end)]
            rows.append(_row(item, actor, text[t_start:t_end], "title", t_start, t_end))
        if mention.label_families:
            span = _family_span(text, mention, families)
            rows.append(_row(item, actor, mention.descriptor, "label", *span,
                             family=mention.label_families))  # fmt: skip
        base = int(mention.sentence_start)
        sentence = text[base : int(mention.sentence_end)]
        after = _AFTER.match(sentence, end - base)
        before = _BEFORE.search(sentence[: start - base])
        for found in (after, before):
            if found and len(found.group(1).split()) <= _MAX_WORDS:
                phrase, at = found.group(1), base + found.start(1)
                rows.append(_row(item, actor, phrase, "description", at, at + len(phrase),
                                 family=families_of(phrase, families)))  # fmt: skip
    return rows


def _titles(item: Document) -> dict[tuple[int, int], tuple[int, int]]:
    """(name start, name end) -> (title start, title end) for every titled name of the article."""
    found = {}
    for block in item.blocks:
        for span in name_candidates(block.text, block.start):
            if span.title:
                found[(span.start, span.end)] = (
                    span.title_start,
                    span.title_start + len(span.title),
                )
    return found


def _family_span(text: str, mention, families: Sequence[LabelFamily]) -> tuple[int, int]:
    """Offsets of the codebook word nearest the mention in its sentence (the mention's own offsets
    when none is found)."""
    start, end = int(mention.sentence_start), int(mention.sentence_end)
    names = set(mention.label_families.split(";"))
    spans = [
        (start + match.start(), start + match.end())
        for family in families
        if family.name in names
        for match in family.pattern.finditer(text[start:end])
    ]
    if not spans:
        return int(mention.start), int(mention.end)
    return min(spans, key=lambda s: (min(abs(s[0] - mention.end), abs(mention.start - s[1])), s))


def _heads(rows: Sequence[dict]) -> dict[str, set[str]]:
    """Head nouns (last word, lower case) of each actor's titles and descriptions."""
    heads: dict[str, set[str]] = {}
    for row in rows:
        if row["kind"] in ("title", "description") and row["term"].split():
            head = row["term"].split()[-1].casefold().strip("'\u2019")
            if head.isalpha() and len(head) > 2:
                heads.setdefault(row["actor"], set()).add(head)
    return heads


def _coreferent(item: Document, group: pd.DataFrame, found: list[dict]) -> list[dict]:
    """Definite descriptions ("the president") that refer back to the actor with that head noun
    mentioned most recently before them in the article."""
    heads = _heads(found)
    owners: dict[str, list[str]] = {}
    for actor, words in sorted(heads.items()):
        for word in sorted(words):
            owners.setdefault(word, []).append(actor)
    if not owners:
        return []
    taken = IntervalUnion((row["start"], row["end"]) for row in found)
    pattern = re.compile(
        r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(map(re.escape, sorted(owners))) + r")\b",
        re.IGNORECASE,
    )
    starts: dict[str, list[int]] = {}  # each actor's mention starts, in order
    for start, actor in sorted(zip(group["start"], group["actor"], strict=True)):
        starts.setdefault(actor, []).append(start)
    rows = []
    for match in pattern.finditer(item.text):
        if taken.overlaps(match.start(), match.end()):
            continue
        head = match.group().split()[-1].casefold()
        earlier = [  # (latest start before the match, actor) of each candidate actor
            (starts[actor][count - 1], actor)
            for actor in owners.get(head, ())
            if (count := bisect_left(starts.get(actor, []), match.start()))
        ]
        if earlier:
            rows.append(_row(item, max(earlier)[1], match.group(), "description", match.start(),
                             match.end()))  # fmt: skip
    return rows


def distinctive_terms(
    terms: pd.DataFrame, cleaned: Sequence[Document], top_actors: int = 8, per_outlet: int = 5
) -> pd.DataFrame:
    """Per actor (the ``top_actors`` with most terms named by two or more outlets) and voice, each
    outlet's terms with z >= :data:`MIN_Z` against the other outlets' terms for that actor (at most
    ``per_outlet``), with the first sentence that uses it (columns :data:`DISTINCTIVE_COLUMNS`)."""
    if terms.empty:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    sentences = {(item.id, s.index): s.text for item in cleaned for s in item.sentences}
    spread = terms.groupby("actor")["outlet"].nunique()
    sizes = terms[terms["actor"].isin(spread[spread >= 2].index)].groupby("actor").size()
    chosen = sorted(sizes.items(), key=lambda pair: (-pair[1], pair[0]))[:top_actors]
    rows = []
    for actor, _ in chosen:
        for voice, group in terms[terms["actor"] == actor].groupby("voice", sort=True):
            counts = {
                outlet: Counter(part["term"].str.casefold())
                for outlet, part in group.groupby("outlet", sort=True)
            }
            if len(counts) < 2 or len(set().union(*counts.values())) < 2:
                continue  # one outlet or one term: nothing to compare
            scores = one_vs_rest(counts, alpha_0=float(len(group)))
            scores = scores[(scores["z"] >= MIN_Z) & (scores["count_outlet"] > 0)]
            for outlet, best in scores.groupby("outlet", sort=True):
                for score in best.head(per_outlet).itertuples(index=False):
                    use = group[(group["outlet"] == outlet)
                                & (group["term"].str.casefold() == score.term)].iloc[0]  # fmt: skip
                    rows.append({
                        "event_id": use["event_id"], "actor": actor, "voice": voice,
                        "outlet": outlet, "term": score.term,
                        "count_outlet": int(score.count_outlet),
                        "count_rest": int(score.count_rest), "z": round(float(score.z), 4),
                        "evidence": sentences.get((use["article"], int(use["sentence"])), ""),
                    })  # fmt: skip
    return pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
