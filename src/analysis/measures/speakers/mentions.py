"""Finding speaker mentions in one article: names (the runs of
:func:`analysis.text.names.name_candidates`, with titles, roles and places split off), descriptions,
institutions, pronouns and unnamed groups, outside quotations (see :mod:`analysis.measures.speakers`, steps 1 and 2).
A lone sentence opener that is a common word is no name (:mod:`analysis.measures.speakers.openers`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.measures.speakers.openers import common_opener, lone_opener, name_key, participle
from analysis.measures.speakers.phrases import HEAD_NOUNS, modified_phrase
from analysis.text.lexicon import (
    COMMON_WORDS,
    DEMONYMS,
    EVENT_NOUNS,
    FEMALE_ROLES,
    FIRST_NAMES,
    GENERIC_ROLES,
    GROUP_NOUNS,
    INVERTED_FRAME_VERBS,
    MALE_ROLES,
    NAME_ABBREVIATIONS,
    NAME_ORG_WORDS,
    PLACES,
    PREPOSITIONS,
    REPRESENTATIVE_NOUNS,
    ROLE_CANON,
    ROLE_WORDS,
    SPEAKER_ORG_WORDS,
    TITLE_ROLES,
)
from analysis.text.names import name_candidates
from analysis.text.names.gazetteer import (
    actor_type,
    country_of,
    demonym_country,
    is_capital,
    is_region,
)
from analysis.text.quotemarks import Interval, in_sorted_spans

_MAX_TITLE = max(len(key) for key in TITLE_ROLES)


_LINE = re.compile(r"[^\n]+")


WORD = re.compile(r"[^\W_](?:[\w'.-]*[^\W_])?")


_POSSESSIVE = re.compile(r"'s?$")


#: Subject pronouns and their gender; "first" (the narrator: "I guess", "we thought") and "second"
#: (an interview's addressee: "Do you think") name no one.
_PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "plural",
    "it": "neuter",
    "i": "first",
    "we": "first",
    "you": "second",
}


_ROLE_ALT = "|".join(re.escape(role).replace(r"\ ", r"\s+") for role in ROLE_WORDS)


_DESCRIPTION = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    r"(?P<adj>(?:(?:former|then|new|current|outgoing|incoming|top|senior|same|veteran|embattled|"
    r"fellow|longtime|powerful|visiting|deputy|chief)\s+)*)"
    r"(?P<mod>(?:(?:[A-Z][\w'.-]*|U\.S\.)\s+){0,3}?)"
    rf"(?P<role>(?i:{_ROLE_ALT}))\b(?! [A-Z][a-z])"
)


_INSTITUTION = re.compile(
    r"\b(?P<owner>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})'s\s+"
    r"(?P<noun>(?:[a-z]+\s+){0,2}(?:ministry|government|office|embassy|campaign|committee|army|"
    r"military|administration|foreign ministry|state media|media|parliament|police|presidency))\b"
)


#: The word right before a mention, past an article, *both*/*either* and capitalised modifiers.
_GOVERNING_PREPOSITION = re.compile(r"(\w+) (?:(?:the|a|an|both|either) )?(?:[A-Z][\w'-]* )*$")
_PRONOUN_PREPOSITION = re.compile(r"(\w+) $")
#: What ends a city's state or province (*San Bernardino, Calif., last year*; not *Ohio Republican*).
_REGION_END = re.compile(r"\.?(?:[,;)]|\s*$|\s+[a-z])")


#: One to three capitalised words right before a position (*U.S.* officials, *Pakistani* envoys).
_CAPITALISED_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+){1,3})\Z")


_DEFINITE = re.compile(r"[Tt]he|[Tt]his|[Tt]hat")


_GROUP = re.compile(
    rf"\b(?:(?:[Aa]n?|[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Tt]wo|[Tt]hree)\s+)?"
    rf"(?:{'|'.join(f'[{noun[0].upper()}{noun[0]}]{noun[1:]}' for noun in sorted(GROUP_NOUNS))})\b"
)  # a group noun may open the sentence: "Officials said" (the name finder takes it for no name)


_COORDINATOR = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?")
_PERSON_APPOSITIVE = re.compile(r"^,\s+(?:\d{1,3},|[RDI]-[A-Z][\w.]*|(?:the|a|an)\s)")


def is_place_name(tokens: tuple[str, ...]) -> bool:
    """Whether a capitalised sequence names a place, never a person: the lexicon's places, the
    gazetteer's countries, capitals and names ending in a place word (*South China Sea*, *Bergen
    County*), or a sequence holding an organisation word."""
    name = " ".join(tokens)
    return (
        name.lower() in PLACES
        or actor_type(name, False) in {"country", "place"}
        or any(t.lower().rstrip(".") in SPEAKER_ORG_WORDS for t in tokens)
    )


def is_mere_place(mention: Mention) -> bool:
    """A place that does not speak for a government or an institution: a city, region, state or
    street (*Varnby*, *New Hampshire*, *Bergen County*), not a country or a capital (*Iran said*,
    *Beijing has warned*) nor an institution named by its seat (*the White House*)."""
    if mention.kind not in {"name", "organisation"}:
        return False
    return is_mere_place_name(" ".join(mention.tokens) or mention.text)


def is_mere_place_name(name: str) -> bool:
    """:func:`is_mere_place` for a name alone (a mention's canonical name)."""
    kind = actor_type(name, False)
    if kind == "place":
        return not is_capital(name)
    return name.lower() in PLACES and kind not in {"organisation", "country"}


@dataclass(slots=True)
class Mention:
    """One mention of a possible speaker; ``canonical`` is filled by :func:`resolve`."""

    start: int
    end: int
    text: str
    kind: str  # "name", "description", "pronoun", "group" or "organisation"
    tokens: tuple[str, ...] = ()
    roles: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    gender: str = ""  # "m", "f" or "" (unknown)
    person: bool = False
    possessive: bool = False
    prep: bool = False  # object of a preposition (never a subject)
    canonical: str = ""
    link: int = -1  # index of an appositive partner mention
    relative: bool = False  # relative "who" / ", which": resolved to the mention just before it


def _role_gender(role: str) -> str:
    """ "f" or "m" for a gendered role noun (*chairwoman*, *king*), else ""."""
    return "f" if role in FEMALE_ROLES else ("m" if role in MALE_ROLES else "")


def normalise_place(word: str) -> str:
    """A modifier word made a place/affiliation key: ``Iranian`` → ``iran``, ``Iran's`` → ``iran``."""
    word = _POSSESSIVE.sub("", word.strip()).lower().rstrip(".")
    return DEMONYMS.get(word, DEMONYMS.get(word + ".", word))


def role_key(role: str) -> str:
    """A role noun in canonical form (``premier`` → ``prime minister``)."""
    role = re.sub(r"\s+", " ", role.lower().strip())
    return ROLE_CANON.get(role, role)


def roles_compatible(wanted: str, roles: set[str]) -> bool:
    """Whether a description's role fits a person's registered roles."""
    wanted = role_key(wanted)
    if wanted in GENERIC_ROLES:
        return bool(roles - {""})
    if wanted == "legislator":
        return bool(roles & {"senator", "representative", "legislator"})
    if wanted in roles:
        return True
    if wanted in {"minister", "secretary"}:
        return any(role.endswith(wanted) for role in roles)
    return wanted == "leader" and bool(roles)


def overlapping_spans(
    taken: list[tuple[int, int, int]], start: int, end: int, reach: int
) -> list[tuple[int, int, int]]:
    """The spans of ``taken`` (sorted, none longer than ``reach``) that overlap ``[start, end)``:
    only those starting within ``reach`` before ``start`` can, so the look-up is local."""
    index = bisect.bisect_left(taken, (start - reach,))
    result = []
    while index < len(taken) and taken[index][0] < end:
        if start < taken[index][1]:
            result.append(taken[index])
        index += 1
    return result


@dataclass
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    """Word tokens with offsets; abbreviations and initials keep their period."""
    tokens = []
    for match in WORD.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if (
            end < len(text)
            and text[end] == "."
            and (word in NAME_ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word)
        ):
            end += 1
            word += "."
        tokens.append(_Token(start, end, word))
    return tokens


class MentionFinder:
    """All speaker mentions of one article (outside quotations), in text order, appositives linked."""

    def __init__(
        self,
        text: str,
        sentences: list[Interval],
        quoted: list[Interval],
        exclude: list[Interval] | None = None,
    ) -> None:
        """Find the mentions of ``text`` outside ``quoted`` and ``exclude`` (headlines)."""
        self.text = text
        self.sentences = sorted(sentences)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.quoted = sorted(list(quoted) + list(exclude or []))
        self.items = self._find()
        self._starts = [mention.start for mention in self.items]

    def sentence_of(self, position: int) -> int:
        """Index of the sentence containing (or last starting before) ``position``."""
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def _find(self) -> list[Mention]:
        """All mentions outside quotations and excluded blocks, in text order, appositives linked."""
        text = self.text
        tokens = [t for t in _tokens(text) if not in_sorted_spans(t.start, self.quoted)]
        lower_words = {t.text.lower() for t in tokens if t.text[:1].islower()}
        found: list[Mention] = [self._place_phrase(m) for m in self._names(tokens, lower_words)]
        taken = sorted((m.start, m.end, number) for number, m in enumerate(found))
        reach = max((end - start for start, end, _ in taken), default=0)
        dropped: set[int] = set()
        for mention in self._descriptions() + self._institutions() + self._pronouns_and_groups():
            if in_sorted_spans(mention.start, self.quoted):
                continue
            overlapping = overlapping_spans(taken, mention.start, mention.end, reach)
            if overlapping:
                contained = all(
                    mention.start <= start and end <= mention.end for start, end, _ in overlapping
                )
                replaces = mention.kind in {"organisation", "description"} or mention.canonical
                if not (replaces and contained):
                    continue
                # "Iran's foreign ministry" replaces "Iran"; "the Texas governor" replaces "Texas";
                # "Pakistan officials" (a group speaking for Pakistan) replaces "Pakistan"
                for span in overlapping:
                    taken.remove(span)
                    dropped.add(span[2])
            found.append(mention)
            bisect.insort(taken, (mention.start, mention.end, len(found) - 1))
            reach = max(reach, mention.end - mention.start)
        found = [m for number, m in enumerate(found) if number not in dropped]
        found.sort(key=lambda m: (m.start, m.end))
        for index, mention in enumerate(found):
            if self._placed_by_region(found, index):
                mention.person = False  # "San Bernardino, Calif.": a city, no person
            mention.prep = self._after_preposition(mention) or (
                index > 0 and self._coordinated_place(found, index)
            )
        self._link_appositives(found)
        return found

    def _names(self, tokens: list[_Token], lower_words: set[str]) -> list[Mention]:
        """Mentions from the name runs of :func:`analysis.text.names.name_candidates` (leading title
        and bare titles included), each line of the text read as one block; a sentence-initial word
        is common when it occurs in lower case anywhere in the article outside quotations, or by the
        opener rule of :mod:`analysis.measures.speakers.openers`."""
        spans = [
            span
            for line in _LINE.finditer(self.text)
            for span in name_candidates(
                line.group(), line.start(), bare_titles=True, lower_words=lower_words
            )
        ]
        capitalised = {
            name_key(word) for span in spans if not lone_opener(span) for word in span.name.split()
        }
        starts = [token.start for token in tokens]
        mentions = []
        for span in spans:
            begin = span.title_start if span.title else span.start
            run = tokens[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, span.end)]
            if len(run) > 1 and run[0].text.lower() in INVERTED_FRAME_VERBS:
                run = run[1:]  # "Said Dahl, ...": an inverted frame's verb opening the sentence
            if not run or self._dateline(run) or self._credit(run):
                continue  # quoted, a dateline or an agency's credit
            if lone_opener(span) and common_opener(span.name, capitalised):
                if not participle(span.name):  # "Audiences expect": an unnamed group
                    mentions.append(Mention(span.start, span.end, span.name, "group"))
                continue
            mentions += self._parse_run(run)
        return mentions

    def _credit(self, run: list[_Token]) -> bool:
        """An agency's credit in brackets before a dash (*VARNBY (AP) — ...*): no speaker."""
        before = self.text[max(0, run[0].start - 1) : run[0].start]
        after = self.text[run[-1].end : run[-1].end + 6]
        return before == "(" and re.match(r"\)\s*(?:\u2014|\u2013|--|-)", after) is not None

    def _dateline(self, run: list[_Token]) -> bool:
        """'DENVER — ...', 'WASHINGTON, D.C. -- ...', 'NEW YORK (AP) — ...': an all-capitals
        place opening a paragraph, before a dash (after an agency's name in brackets)."""
        if not all(t.text.isupper() and len(t.text) > 2 for t in run[:1]):
            return False
        before = self.text[max(0, run[0].start - 2) : run[0].start]
        opens = run[0].start == 0 or before.endswith("\n")
        after = self.text[run[-1].end : run[-1].end + 16]
        return (
            opens
            and re.match(
                r"\s*(?:,\s*[A-Z][\w.]*\s*)?(?:\([A-Z][\w.]*\)\s*)?(?:\u2014|\u2013|--|-)", after
            )
            is not None
        )

    def _parse_run(self, run: list[_Token]) -> list[Mention]:
        """Split a capitalised run into modifiers, title and name; split at 'of' when not a title."""
        words = [
            _POSSESSIVE.sub("", t.text) if i == len(run) - 1 else t.text for i, t in enumerate(run)
        ]
        keys = [w.lower().rstrip(".") for w in words]
        if "of" in keys:
            cut = keys.index("of")
            head = keys[cut - 1] if cut else ""
            if not (  # "Conference of Catholic Bishops": the name finder's "of" join stays
                head in SPEAKER_ORG_WORDS
                or head in NAME_ORG_WORDS
                or (head,) in TITLE_ROLES
                or head in {"secretary", "chief", "head"}
            ):
                return self._parse_run(run[:cut]) + self._parse_run(run[cut + 1 :])
        if not run:
            return []
        title_at, title_len = _first_title(keys)
        end = run[-1].end
        possessive = _POSSESSIVE.search(run[-1].text) is not None and run[-1].text[-1] in "s'"
        if possessive:
            end -= len(run[-1].text) - len(words[-1])
        if title_at >= 0:
            return self._titled(run, words, keys, (title_at, title_len), end, possessive)
        return self._untitled(run, words, keys, end, possessive)

    def _titled(
        self,
        run: list[_Token],
        words: list[str],
        keys: list[str],
        title: tuple[int, int],
        end: int,
        possessive: bool,
    ) -> list[Mention]:
        """A run with a title: modifiers before it (places), chained titles (roles), then the name."""
        title_at, title_len = title
        start = run[0].start
        modifiers = keys[:title_at]
        name_keys = keys[title_at + title_len :]
        titles = [tuple(keys[title_at : title_at + title_len])]
        while name_keys:  # chained titles ("Lt. Gov.", "Supreme Leader Ayatollah")
            for length in range(min(_MAX_TITLE, len(name_keys)), 0, -1):
                if tuple(name_keys[:length]) in TITLE_ROLES and len(name_keys) > length:
                    titles.append(tuple(name_keys[:length]))
                    name_keys = name_keys[length:]
                    break
            else:
                break
        roles = {TITLE_ROLES[t] for t in titles} - {""}
        gender = "f" if any(t[0] in FEMALE_ROLES for t in titles) else ""
        gender = gender or ("m" if any(t[0] in MALE_ROLES for t in titles) else "")
        places = {normalise_place(m) for m in modifiers}
        if not name_keys:  # a capitalised description: "the Pakistani Prime Minister"
            return [self._capitalised_description(start, end, roles, places, gender, possessive)]
        if "of" in name_keys:  # "Director of National Intelligence James Clapper"
            tail = name_keys[name_keys.index("of") + 1 :]
            first = next((i for i, k in enumerate(tail) if k.title() in FIRST_NAMES), None)
            name_keys = tail[first:] if first is not None else tail[-2:]
        name_tokens = tuple(words[len(words) - len(name_keys) :])
        if set(name_keys) & SPEAKER_ORG_WORDS and not gender:  # "Mr. Fox" is a person
            return [
                Mention(
                    start,
                    end,
                    self.text[start:end],
                    "organisation",
                    tokens=tuple(words),
                    possessive=possessive,
                )
            ]
        name_start = run[len(words) - len(name_keys)].start
        return [
            Mention(
                start,
                end,
                self.text[start:end],
                "name",
                tokens=name_tokens,
                roles=roles,
                places=places,
                gender=gender,
                person=True,
                possessive=possessive,
                canonical=self.text[name_start:end],
            )
        ]

    def _untitled(
        self, run: list[_Token], words: list[str], keys: list[str], end: int, possessive: bool
    ) -> list[Mention]:
        """A run without a title: leading demonyms and parties are places, the rest a name."""
        # "Republican Paul Ryan"; not "Islamic State", "Republican Party": an organisation word
        places = set()
        while (
            len(keys) > 1
            and (keys[0] in DEMONYMS or keys[0] + "." in DEMONYMS)
            and not (len(keys) == 2 and keys[1] in SPEAKER_ORG_WORDS)
        ):
            places.add(normalise_place(keys[0]))
            run, words, keys = run[1:], words[1:], keys[1:]
        if len(keys) == 1 and (keys[0] in DEMONYMS or keys[0] + "." in DEMONYMS):
            return []
        if len(keys) == 1 and keys[0] in COMMON_WORDS:  # "U.S. He says": a pronoun, no name
            return []
        # "a California Republican": a description, not a name
        kind = "organisation" if keys[-1] in DEMONYMS else "name"
        start = run[0].start
        return [
            Mention(
                start,
                end,
                self.text[start:end],
                kind,
                tokens=tuple(words),
                places=places,
                possessive=possessive,
            )
        ]

    def _capitalised_description(
        self, start: int, end: int, roles: set[str], places: set[str], gender: str, possessive: bool
    ) -> Mention:
        """A title without a name ("the Pakistani Prime Minister") as a description."""
        before = self.text[max(0, start - 4) : start]
        kind = "description" if re.search(r"\b[Tt]he\s$", before) else "group"
        if kind == "description":
            start -= 4
        return Mention(
            start,
            end,
            self.text[start:end],
            kind,
            roles=roles,
            places=places,
            gender=gender,
            person=True,
            possessive=possessive,
        )

    def _place_phrase(self, place: Mention) -> Mention:
        """A city, region or street that modifies a noun makes a description of the whole phrase
        (*the Varnby billionaire*, *Tuesday's Ostland primary*, *many Wall Street traders*:
        :func:`modified_phrase`), and so does a country or capital that names an event (*the
        Paris attacks*; but *the Ostland delegation* speaks for Ostland); any other mention stays
        as it is. Only a definite phrase keeps its role for coreference (*a Varnby senator* is
        someone new)."""
        if is_mere_place(place):
            heads = HEAD_NOUNS
        elif place.kind in {"name", "organisation"} and is_place_name(place.tokens):
            heads = EVENT_NOUNS
        else:
            return place
        upper = self.sentences[self.sentence_of(place.start)][1] if self.sentences else 0
        span = modified_phrase(self.text, place.start, place.end, max(upper, place.end), heads)
        if span is None:
            return place
        start, end = span
        head = self.text[start:end].split()[-1].lower()
        role = role_key(head) if head in ROLE_WORDS and _DEFINITE.match(self.text, start) else ""
        return Mention(
            start,
            end,
            self.text[start:end],
            "description",
            roles={role} if role else set(),
            places={normalise_place(place.text)},
            gender=_role_gender(role),
            person=bool(role),
        )

    def _descriptions(self) -> list[Mention]:
        """Definite descriptions: "the" + modifiers + a role noun."""
        mentions = []
        for match in _DESCRIPTION.finditer(self.text):
            role = re.sub(r"\s+", " ", match["role"].lower())
            modifiers = match["mod"].split()
            places = {normalise_place(m) for m in modifiers}
            gender = _role_gender(role)
            mentions.append(
                Mention(
                    match.start(),
                    match.end(),
                    match.group(),
                    "description",
                    roles={role_key(role)},
                    places=places,
                    gender=gender,
                    person=True,
                )
            )
        return mentions

    def _institutions(self) -> list[Mention]:
        """Possessive institutions: "Iran's foreign ministry"."""
        return [
            Mention(m.start(), m.end(), m.group(), "organisation", canonical=m.group())
            for m in _INSTITUTION.finditer(self.text)
        ]

    def _pronouns_and_groups(self) -> list[Mention]:
        """Subject pronouns, the relative pronouns "who" and ", which", and unnamed plural sources."""
        mentions = [
            Mention(m.start(), m.end(), m.group(), "pronoun", gender=_PRONOUNS[m.group().lower()])
            for m in re.finditer(
                r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I(?![.-])|[Ww]e|[Yy]ou)\b", self.text
            )
        ]
        mentions += [  # not after a closing mark: 'an "honorable choice" who favors' is no source
            Mention(m.start(), m.end(), m.group(), "pronoun", relative=True)
            for m in re.finditer(r"(?<![\"'],)(?<![\"'])(?<![\"'] )\bwho\b", self.text)
        ]
        mentions += [  # "the Gazette, which reported": a non-restrictive "which" after a comma
            Mention(m.start(1), m.end(1), m.group(1), "pronoun", gender="neuter", relative=True)
            for m in re.finditer(r"(?<![\"']),\s+(which)\b", self.text)
        ]
        mentions += [self._representatives(m.start(), m.end()) for m in _GROUP.finditer(self.text)]
        return mentions

    def _representatives(self, start: int, end: int) -> Mention:
        """An unnamed group; representatives of a country named right before them speak for it
        (*U.S. officials*, *Pakistani diplomats*, *a senior Iranian official*: the country is the
        canonical name, as for *Leaders of X*; :data:`REPRESENTATIVE_NOUNS`, singular or plural)."""
        noun = self.text[start:end].split()[-1].lower()
        modifier = _CAPITALISED_BEFORE.search(self.text, max(0, start - 40), start)
        if modifier and (noun in REPRESENTATIVE_NOUNS or f"{noun}s" in REPRESENTATIVE_NOUNS):
            words = modifier.group(1).split()
            for count in range(1, len(words) + 1):  # "Two U.S. officials": U.S.
                name = " ".join(words[-count:])
                country = country_of(name) or demonym_country(name)
                if country:
                    begin = self.text.rindex(name, 0, start)
                    return Mention(begin, end, self.text[begin:end], "group", canonical=country)
        return Mention(start, end, self.text[start:end], "group")

    def _after_preposition(self, mention: Mention) -> bool:
        """Whether a preposition (optionally + article, *both* or *either*, and capitalised
        modifiers) precedes; right before a pronoun, which takes no modifiers (*in September she
        said*: *September* is the object)."""
        before = self.text[max(0, mention.start - 40) : mention.start]
        match = (
            _PRONOUN_PREPOSITION if mention.kind == "pronoun" else _GOVERNING_PREPOSITION
        ).search(before)
        return match is not None and match.group(1).lower() in PREPOSITIONS

    def _coordinated_place(self, found: list[Mention], index: int) -> bool:
        """A place coordinated with the object of a preposition shares the preposition (*the
        results in Varnby and New Hampshire show*: the place is not the subject), as does a city's
        or an institution's state or region after a comma (*in Salem, Ostland*; *at the University of
        Varnby, North Ostland*) and any member of a list after a noun or verb (*voters in Varnby,
        Norway and Sweden want*) or of a longer list; but in *With Ostland, Norway and Sweden
        agreed* the two are the subject (:meth:`_fronted`)."""
        previous, mention = found[index - 1], found[index]
        if not previous.prep:
            return False
        gap = self.text[previous.end : mention.start]
        in_list = index > 1 and self._comma_joined(found[index - 2], previous)
        if gap != ", ":
            return bool(_COORDINATOR.fullmatch(gap)) and (
                in_list or is_place_name(mention.tokens) or self._placed_by_region(found, index)
            )
        following = found[index + 1] if index + 1 < len(found) else None
        return is_place_name(mention.tokens) and (
            is_mere_place(mention)
            or in_list
            or not self._fronted(previous)
            or (following is not None and self._comma_joined(mention, following))
        )

    def _placed_by_region(self, found: list[Mention], index: int) -> bool:
        """Whether a name is a city that the next mention places in its state or province after
        a comma (*San Bernardino, Calif.*; *Quetta, Balochistan*), though no gazetteer knows it."""
        mention = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        return (
            following is not None
            and mention.kind in {"name", "organisation"}
            and mention.text == " ".join(mention.tokens)  # no title: "Rep. Dahl, Ohio" is a person
            and not mention.roles
            and bool(mention.tokens)
            and mention.tokens[0] not in FIRST_NAMES  # "Ola Berg, Ohio, ...": a person still
            and self.text[mention.end : following.start] == ", "
            and not following.possessive
            and is_region(" ".join(following.tokens))
            and _REGION_END.match(self.text, following.end) is not None
        )

    def _fronted(self, mention: Mention) -> bool:
        """Whether ``mention`` ends a phrase that opens its sentence with a preposition (*With
        Ostland, Norway agreed*; *In talks with Ostland, Norway agreed*: the comma ends the phrase),
        not one after the subject (*voters in Varnby, Norway and Sweden*: the list goes on)."""
        lower = self.sentences[self.sentence_of(mention.start)][0] if self.sentences else 0
        opening = self.text[lower : mention.start]
        first = re.match(r"[\s\"'(\u201c]*(\w+)", opening)
        return first is not None and first.group(1).lower() in PREPOSITIONS and "," not in opening

    def _comma_joined(self, first: Mention, second: Mention) -> bool:
        """Whether two places stand side by side in a list, only a comma between them."""
        return (
            self.text[first.end : second.start] == ", "
            and is_place_name(first.tokens)
            and is_place_name(second.tokens)
        )

    def _link_appositives(self, found: list[Mention]) -> None:
        """Link "NAME, the ROLE," and "the ROLE, NAME," pairs and register the role with the name."""
        for index, mention in enumerate(found[:-1]):
            following = found[index + 1]
            gap = self.text[mention.end : following.start]
            if not re.fullmatch(r",\s*", gap):
                continue
            pair = {mention.kind, following.kind}
            if pair == {"name", "description"}:
                name, description = (
                    (mention, following) if mention.kind == "name" else (following, mention)
                )
                if is_place_name(name.tokens):
                    continue  # "the South China Sea, a strategic waterway": no person
                if self._fronted_before_subject(mention, following):
                    continue  # "in Varnby, Ostmark, the candidate said": no apposition
                name.person = True
                name.roles |= description.roles
                name.places |= description.places
                name.gender = name.gender or description.gender
                mention.link, following.link = index + 1, index
        for mention in found:
            if (
                mention.kind == "name"
                and _PERSON_APPOSITIVE.match(self.text[mention.end : mention.end + 12])
                and not is_place_name(mention.tokens)
            ):
                mention.person = True

    def _fronted_before_subject(self, first: Mention, second: Mention) -> bool:
        """*At a rally in Varnby, Ostmark, the candidate said*: a name after a comma, then a
        description that goes straight on to its verb, ends a fronted phrase; the description is
        the clause's subject, not the name's appositive."""
        return (
            first.kind == "name"
            and self.text[max(0, first.start - 2) : first.start] == ", "
            and re.match(r"\s+[a-z]", self.text[second.end : second.end + 2]) is not None
        )

    def between(self, lower: int, upper: int) -> list[Mention]:
        """Mentions lying inside ``[lower, upper)``, in text order."""
        index = bisect.bisect_left(self._starts, lower)
        result = []
        while index < len(self.items) and self.items[index].start < upper:
            if self.items[index].end <= upper:
                result.append(self.items[index])
            index += 1
        return result


def _first_title(keys: list[str]) -> tuple[int, int]:
    """Position and length of the first (longest) title of :data:`TITLE_ROLES` in ``keys``; (-1, 0)."""
    for i in range(len(keys)):
        for length in range(min(_MAX_TITLE, len(keys) - i), 0, -1):
            if tuple(keys[i : i + length]) in TITLE_ROLES:
                return i, length
    return -1, 0
