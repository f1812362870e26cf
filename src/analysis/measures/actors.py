"""The actors of one event: who is named, how often, where, in whose voice, and with which label.

Actors come from two sources, so that an unseen event works without any setup:

* an optional, editable file ``<event folder>/actors.yaml`` (:func:`load_actor_file`): a list of
  ``{name, type, aliases}`` written by a researcher, which fixes the canonical name, the type
  (:data:`ACTOR_TYPES`) and the aliases of the event's main actors;
* automatic candidates: proper names found in the body paragraphs by
  :func:`analysis.text.names.name_candidates`, grouped into actors by :func:`analysis.text.names.group_aliases`
  (normalisation, acronyms, last names, token sub-sequences, fuzzy similarity; Christen 2012, "Data
  Matching", chs. 4-5). A candidate grouped with a file alias joins that file actor.

Mentions are found by whole-word matching of every surface form (file aliases: case-sensitive for
acronyms, case-insensitive otherwise; automatic candidates: case-sensitive, since they were found as
capitalised names and their lower-case forms are ordinary words) over all blocks, headline included,
longest form first, without overlaps; a form glued to a hyphen does not match ("anti-Iran",
"Sistan-Baluchistan" is no mention of "Baluchistan").

Decisions, stated once:

* Nationality adjectives are not names of the country ("Pakistani Prime Minister"): an automatic
  candidate that is a country's demonym is dropped; the nationality word of a region that is no
  country (Baloch / Baluchistan) names a group. A file may still list a noun phrase such as
  "Iranian government" as an alias.
* Automatic actors mentioned fewer than :data:`MIN_AUTO_MENTIONS` (2) times in the whole event are
  dropped (one-off names are mostly places and passing references); file actors are always kept.
* Automatic actors are typed by rules and a country gazetteer (:func:`analysis.text.names.actor_type`:
  person, organisation, country, place, group, else other); the file's type wins.
* A country actor's nationality word used for people ("Iranian officials", "the Russians") is a
  mention of the country of kind "demonym" (:func:`analysis.text.names.gazetteer.demonym_pattern`);
  names are of kind "name".

Voice: a mention is "quoted" when it lies inside quotation marks of its block
(:func:`analysis.text.quotemarks.quoted_spans`), else "narration" (Tuchman 1972; Entman 1993 on naming as
framing). Descriptor (:func:`descriptor`): the label-like words attached to the mention in its noun
phrase, e.g. "extremist group" in "Sunni Muslim extremist group Jaish al-Adl" and "separatists" in
"Baloch separatists"; ``label_families`` are the codebook families (:mod:`analysis.measures.labels`) whose
patterns match the descriptor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.measures.actor_file import (
    ACTOR_FILE_NAME,
    ACTOR_TYPES,
    Actor,
    find_actor_file,
    load_actor_file,
)
from analysis.measures.descriptors import descriptor, families_of
from analysis.measures.labels import LabelFamily, load_codebook
from analysis.text.document import Document
from analysis.text.intervals import IntervalUnion
from analysis.text.lexicon import (
    DESCRIPTOR_WORDS,
    FIRST_NAMES,
)
from analysis.text.names import (
    actor_type,
    country_of,
    demonym_country,
    demonym_of,
    demonym_pattern,
    group_aliases,
    is_acronym,
    is_demonym_of,
    is_title_case,
    name_candidates,
    normalise_name,
    person_like,
    similarity,
)
from analysis.text.segment import Span

__all__ = [
    "ACTOR_FILE_NAME",
    "ACTOR_TYPES",
    "DESCRIPTOR_WORDS",
    "MENTION_COLUMNS",
    "MIN_AUTO_MENTIONS",
    "TABLE_COLUMNS",
    "Actor",
    "actor_mentions",
    "actors_table",
    "descriptor",
    "find_actor_file",
    "load_actor_file",
]

AUTO_TYPE = "other"
MIN_AUTO_MENTIONS = 2
DESCRIPTORS_SHOWN = 3


MENTION_COLUMNS = [
    "event_id", "outlet", "article", "actor", "type", "mention", "start", "end",
    "sentence_start", "sentence_end", "position", "voice", "descriptor", "label_families",
    "source", "kind",
]  # fmt: skip
TABLE_COLUMNS = [
    "event_id", "outlet", "actor", "type", "mentions", "first_position", "narration_mentions",
    "quoted_mentions", "descriptors", "label_families", "source",
]  # fmt: skip


# --- mentions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Form:
    """One surface form to search for, and the actor it names."""

    surface: str
    actor: Actor
    case_sensitive: bool


def _candidates(cleaned: Sequence[Document]) -> tuple[list[str], set[str]]:
    """Every automatic name candidate of the body paragraphs (repeats kept: they are counts), and
    the names written after a title somewhere in the event.

    A one-word candidate that opens a sentence every time it occurs in the event ("Tell me ...",
    "Born to ...") is left out: capitalisation there is no evidence of a name.
    A paragraph in title case (a headline repeated in the body, :func:`is_title_case`) gives no
    candidates; a leading nationality word is not part of a name ("Iranian Sistan-Baluchistan").
    """
    lower = {
        word.casefold()
        for item in cleaned
        for block in item.paragraphs
        for word in re.findall(r"\b[a-z][\w'-]*", block.text)
    }  # words the event writes in lower case: a sentence-initial "Anything" is no name
    spans = [
        span
        for item in cleaned
        for block in item.paragraphs
        if not is_title_case(block.text)
        for span in name_candidates(block.text, block.start, lower_words=lower)
    ]
    inside = {span.name for span in spans if not span.initial}
    names = [_without_demonym(s.name) for s in spans if " " in s.name or s.name in inside]
    single = set(names)
    titled = {span.name for span in spans if span.title}
    return [name for name in names if not _glued(name, single)], titled


def _glued(name: str, names: set[str]) -> bool:
    """Two names joined by a hyphen, each a name of the event on its own ("Trump-Abe summit")."""
    parts = name.split("-")
    return len(parts) >= 2 and all(part in names for part in parts)


def _without_demonym(name: str) -> str:
    words = name.split()
    for width in (2, 1):
        if len(words) > width and demonym_country(" ".join(words[:width])):
            return " ".join(words[width:])
    return name


def _resolve(
    file_actors: Sequence[Actor],
    candidates: list[str],
    threshold: float | None,
    titled: set[str] = frozenset(),
) -> list[_Form]:
    """Surface forms with their actors: file aliases as listed, candidates by their group (the
    file's aliases are grouped with the candidates, never with each other: the file gives their
    actors)."""
    file_surfaces = {surface: actor for actor in file_actors for surface in actor.surfaces}
    known = sorted(set(file_surfaces) | set(candidates))
    by_letter = _by_first_letter(known)
    demonyms = {
        name
        for name in set(candidates) - set(file_surfaces)
        if demonym_country(name)
        or (
            len(name.split()) == 1
            and any(is_demonym_of(name, o) and country_of(o) for o in by_letter(name) if o != name)
        )
    }  # a country's nationality word is not a name; an ethnonym (Baloch) is a group's name
    position = {actor: index for index, actor in reversed(list(enumerate(file_actors)))}
    kept = [name for name in candidates if name not in demonyms]
    grouping = {} if threshold is None else {"threshold": threshold}
    canonical = group_aliases([*kept, *file_surfaces], **grouping, fixed=file_surfaces)
    members: dict[str, list[str]] = {}
    counts = Counter(kept)
    for surface, head in canonical.items():
        members.setdefault(head, []).append(surface)
    forms: dict[str, _Form] = {}
    for surface, actor in file_surfaces.items():
        forms[surface] = _Form(surface, actor, is_acronym(surface))
    for head, group in sorted(members.items()):
        linked = [file_surfaces[name] for name in group if name in file_surfaces]
        for surface in sorted(group):
            if surface in forms or surface not in counts:
                continue
            if linked:
                actor = max(
                    linked,
                    key=lambda a: (
                        max(similarity(surface, alias) for alias in a.surfaces),
                        -position[a],
                    ),
                )
            else:
                actor = Actor(head, _group_type(group, by_letter, titled), (), "auto")
            forms[surface] = _Form(surface, actor, True)
    return sorted(forms.values(), key=lambda form: (-len(form.surface), form.surface))


def _by_first_letter(names: Sequence[str]) -> Callable[[str], list[str]]:
    """The names of ``names`` that may be a country of (or have as nationality word) a given name:
    :func:`is_demonym_of` holds only for normalised forms that begin with the same letter, or for a
    one-letter country (its stem is empty)."""
    index: dict[str, list[str]] = {}
    for name in names:
        key = normalise_name(name)
        index.setdefault(key[:1] if len(key) > 1 else "", []).append(name)

    def near(name: str) -> list[str]:
        key = normalise_name(name)[:1]
        return [*index.get(key, []), *index.get("", [])] if key else []

    return near


def _group_type(group: Sequence[str], known: Callable[[str], list[str]], titled: set[str]) -> str:
    """Type of an automatic actor: country when one of its names is a country's, group when its
    name is the nationality word of another name (Baloch / Baluchistan), else by its names
    (:func:`analysis.text.names.actor_type`, person first). A name looks like a person's only with
    evidence: a known given name first (:data:`analysis.text.lexicon.FIRST_NAMES`), a title before
    one of the group's names, or a bare surname in the group (Khan / Imran Khan)."""
    names = sorted(group)
    if any(country_of(name) for name in names):
        return "country"
    if any(is_demonym_of(name, other) for name in names for other in known(name) if other != name):
        return "group"
    evidence = bool(set(names) & titled) or (
        any(" " not in name for name in names) and any(" " in name for name in names)
    )
    types = [
        actor_type(name, person_like(name) and (evidence or name.split()[0] in FIRST_NAMES))
        for name in names
    ]
    for kind in ("person", "organisation", "place", "group"):
        if kind in types:
            return kind
    return AUTO_TYPE


def _pattern(forms: Sequence[_Form]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = [
        re.escape(form.surface) if form.case_sensitive else f"(?i:{re.escape(form.surface)})"
        for form in forms
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def actor_mentions(
    cleaned: Sequence[Document],
    actor_file: Path | str | None = None,
    *,
    discover: bool = True,
    families: Sequence[LabelFamily] | None = None,
    min_auto_mentions: int = MIN_AUTO_MENTIONS,
    threshold: float | None = None,
) -> pd.DataFrame:
    """Every mention of every actor of one event, one row each (columns :data:`MENTION_COLUMNS`).

    ``actor_file``: the event's actor file; when None and ``discover`` is true,
    ``<event folder>/actors.yaml`` is used if it exists (:func:`find_actor_file`). ``families``:
    label codebook (default :func:`analysis.measures.labels.load_codebook`). ``threshold``: fuzzy threshold
    of :func:`analysis.text.names.group_aliases` (default its own). Offsets index ``Document.text``:
    ``text[start:end] == mention``. Sorted by outlet, article and start.
    """
    if actor_file is None and discover:
        actor_file = find_actor_file(cleaned)
    file_actors = load_actor_file(actor_file) if actor_file is not None else []
    families = load_codebook() if families is None else families
    names, titled = _candidates(cleaned)
    forms = _resolve(file_actors, names, threshold, titled)
    pattern = _pattern(forms)
    exact = {form.surface: form for form in forms if form.case_sensitive}
    folded = {}
    for form in forms:  # case-insensitive forms; file forms were added first and win
        if not form.case_sensitive:
            folded.setdefault(form.surface.casefold(), form)
    by_demonym = _demonym_forms(forms)
    people = demonym_pattern(sorted(by_demonym))
    rows = []
    for item in cleaned if pattern is not None else ():
        found = _article_mentions(item, pattern, exact, folded, families)
        taken = IntervalUnion((row["start"], row["end"]) for row in found)
        for row in _article_mentions(item, people, by_demonym, {}, families) if people else ():
            if not taken.overlaps(row["start"], row["end"]):
                found.append({**row, "kind": "demonym"})
        rows += found
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    auto_counts = table[table["source"] == "auto"].groupby("actor").size()
    rare = set(auto_counts[auto_counts < min_auto_mentions].index)
    table = table[~((table["source"] == "auto") & table["actor"].isin(rare))]
    return table.sort_values(["event_id", "outlet", "article", "start"], kind="stable").reset_index(
        drop=True
    )


def _demonym_forms(forms: Sequence[_Form]) -> dict[str, _Form]:
    """The nationality word of every country actor, with the actor's form (keyed by the word; the
    pattern's match adds a plural or a noun, so look-ups go by :func:`_demonym_key`)."""
    found: dict[str, _Form] = {}
    for form in forms:
        if form.actor.type != "country":
            continue
        country = country_of(form.actor.name) or country_of(form.surface)
        word = demonym_of(country) if country else ""
        if word:
            found.setdefault(word, form)
    return found


def _article_mentions(
    item: Document,
    pattern: re.Pattern[str],
    exact: dict[str, _Form],
    folded: dict[str, _Form],
    families: Sequence[LabelFamily],
) -> list[dict]:
    rows = []
    length = max(len(item.text), 1)
    starts = [sentence.start for sentence in item.sentences]
    for block in item.blocks:
        for match in pattern.finditer(block.text):
            form = _form_of(match.group(), exact, folded)
            start, end = block.start + match.start(), block.start + match.end()
            index = bisect_right(starts, start) - 1
            if index >= 0 and start < item.sentences[index].end:
                sentence, tokens = item.sentences[index], item.tokens[index]
            else:  # not inside a sentence: the block stands for it
                sentence, tokens = Span(block.start, block.end, block.text), None
            words = descriptor(sentence, start, end, families, tokens)
            rows.append(
                {
                    "event_id": item.article.event_id,
                    "outlet": item.article.outlet,
                    "article": item.id,
                    "actor": form.actor.name,
                    "type": form.actor.type,
                    "mention": match.group(),
                    "start": start,
                    "end": end,
                    "sentence_start": sentence.start,
                    "sentence_end": sentence.end,
                    "position": round(start / length, 6),
                    "voice": "quoted" if start in item.quote_index else "narration",
                    "descriptor": words,
                    "label_families": families_of(words, families),
                    "source": form.actor.source,
                    "kind": "name",
                }
            )
    return rows


def _form_of(text: str, exact: dict[str, _Form], folded: dict[str, _Form]) -> _Form:
    """The form a match names: exact, case-folded, or (a demonym mention) its leading nationality
    word, longest first."""
    if text in exact:
        return exact[text]
    if text.casefold() in folded:
        return folded[text.casefold()]
    return next(
        exact[word] for word in sorted(exact, key=len, reverse=True) if text.startswith(word)
    )


# --- one row per outlet x actor ----------------------------------------------------------------------


def _most_common(values: Iterable[str], limit: int | None = None) -> str:
    counts = Counter(value for value in values if value)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ";".join(value for value, _ in ranked[:limit])


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet x actor (columns :data:`TABLE_COLUMNS`).

    ``mentions``: all mentions; ``first_position``: earliest relative position (0 = the start of the
    article); ``descriptors``: the :data:`DESCRIPTORS_SHOWN` most common descriptors (ties
    alphabetical); ``label_families``: every family met, most frequent first. Sorted by event,
    outlet, mentions (most first) and actor.
    """
    rows = []
    keys = ["event_id", "outlet", "actor", "type", "source"]
    for (event_id, outlet, actor, kind, source), group in mentions.groupby(keys, sort=True):
        families = (f for value in group["label_families"] for f in value.split(";") if f)
        rows.append(
            {
                "event_id": event_id,
                "outlet": outlet,
                "actor": actor,
                "type": kind,
                "mentions": len(group),
                "first_position": float(group["position"].min()),
                "narration_mentions": int((group["voice"] == "narration").sum()),
                "quoted_mentions": int((group["voice"] == "quoted").sum()),
                "descriptors": _most_common(group["descriptor"], DESCRIPTORS_SHOWN),
                "label_families": _most_common(families),
                "source": source,
            }
        )
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    return table.sort_values(
        ["event_id", "outlet", "mentions", "actor"],
        ascending=[True, True, False, True],
        kind="stable",
    ).reset_index(drop=True)


def speaker_actors(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """The event actor each quote's speaker is, else the speaker itself ("" when unnamed).

    The speaker (the in-article canonical name of :mod:`analysis.measures.speakers`) is the actor of
    a mention written exactly so; otherwise the speakers and all the event's mentions are grouped
    together by the same constrained grouping as the actors
    (:func:`analysis.text.names.group_aliases`; Christen 2012, "Data Matching", chs. 4-5), and the
    speaker gets the actor most of whose mentions share its group. Event-wide: a speaker named only
    in another article still finds the actor. Coordinated speakers (``"; "``-joined: *Leaders of
    Pakistan and Iran*) speak jointly: their actors, sorted and joined the same way (one group
    whatever the order of the names). Index: the index of ``quotes``.
    """
    by_surface: dict[str, Counter] = {}
    for surface, actor in zip(mentions["mention"], mentions["actor"], strict=True):
        by_surface.setdefault(surface, Counter())[actor] += 1
    for actor in sorted(set(mentions["actor"])):
        by_surface.setdefault(actor, Counter())[actor] += 1
    names = {name for speaker in quotes["speaker"] if speaker for name in speaker.split("; ")}
    speakers = sorted(name for name in names if name not in by_surface)
    canonical = group_aliases([*mentions["mention"], *speakers]) if speakers else {}
    votes: dict[str, Counter] = {}
    for surface, actors in by_surface.items():
        votes.setdefault(canonical.get(surface, surface), Counter()).update(actors)

    def actor_of(speaker: str) -> str:
        if not speaker:
            return ""
        found = by_surface.get(speaker) or votes.get(canonical.get(speaker, ""))
        if not found:
            return speaker
        return sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]

    def actors_of(speakers: str) -> str:
        return "; ".join(sorted({actor_of(name) for name in speakers.split("; ")}))

    actors = [actors_of(speaker) for speaker in quotes["speaker"]]
    return pd.Series(actors, index=quotes.index, dtype=str)
