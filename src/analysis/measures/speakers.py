"""Who is speaking: person, organisation and pronoun mentions of one article, resolved to in-article names.

Method (rule-based, no trained model, no downloads), in the line of the news quote-attribution work of
Pareti (2016, "PARC 3.0: A corpus of attribution relations", LREC), Newell, Margolin & Ruths (2018, "An
attribution relations corpus for political news", LREC) and the GenderGapTracker (Asr, Mazraeh, Lopes,
Gautam, Gonzales, Rao & Taboada 2021, "The Gender Gap Tracker: Using natural language processing to
measure gender bias in media", PLOS ONE 16(1)):

1. **Mentions.** Capitalised word sequences (with name particles such as *al-*, *bin*, *de*, *van*)
   are names; a title (*President*, *Prime Minister*, *Foreign Minister*, *Sen.*, *Mr.* ...; see
   :data:`TITLE_ROLES`) and any words before it (*Iranian*, *Texas*, *Treasury*) are split off and recorded
   as the person's roles and places/affiliations. A sentence opener whose lower-case form occurs in the
   article (*Leaders*), an adverb in *-ly*, a label before a colon (*Updated:*) and an all-capitals
   dateline (*DENVER —*) are not names. Definite descriptions (*the Pakistani prime minister*, *the
   Iranian leader*, *the aide*) are matched by role nouns (:data:`ROLE_WORDS`) with optional
   nationality/place modifiers; subject pronouns (*he*, *she*, *they*, *it*), possessive institutions
   (*Iran's foreign ministry*) and unnamed sources (*analysts*, *officials*: :data:`GROUP_NOUNS`) are
   mentions too. Text inside quotation marks and headlines is ignored.
2. **Persons and organisations.** A name is a person when a title or a role noun precedes it, an
   appositive follows it (*Imran Khan, the Pakistani Prime Minister,*; *X, 31,*; *X, R-Texas,*), its first
   word is a listed first name, its last word is the surname of a person already known, or it has two to
   four words none of which is an organisation or place word (:data:`SPEAKER_ORG_WORDS`, :data:`PLACES`) and
   the last of which is not a demonym or party (*a California Republican*). Other names (*Tehran*,
   *Islamabad*, *the White House*) are organisations; an organisation's canonical form is its text.
3. **Canonical names.** Each person mention maps to the fullest form in the article with the same last
   word (*Khan*, *Prime Minister Khan* → *Imran Khan*), even one that comes later; when several people
   share the surname (*Sasha*, *Malia*, *Barack Obama*) a short mention keeps its own form (*Obama*).
4. **Descriptions** resolve to the person whose registered roles and places are compatible (*the
   Iranian leader* → the person registered as *Iranian President Hassan Rohani*: place Iran, and *leader*
   is a generic role matching any office), preferring the most recently mentioned one; an appositive
   pair (*the aide, Elizabeth Lauten,*) resolves directly. A generic role with no modifier (*the
   official*) stays unresolved; when no registered person fits, the last person named in the 600
   characters before is taken unless their places or gender contradict (*the Texas governor* after
   *Rick Perry* when the article never says he governs Texas).
5. **Pronouns** resolve by recency in the manner of Hobbs (1978, "Resolving pronoun references",
   Lingua 44): first the current sentence left to right before the pronoun (skipping a fronted
   prepositional phrase: *Of Obama, he said*), then each earlier sentence left to right, up to
   :data:`PRONOUN_WINDOW` sentences back, subjects before objects of prepositions (so the subject of the
   closest sentence wins); the first person (for *he*/*she*) of compatible gender, or organisation (for
   *it*), is taken.
6. **Subjects of reporting verbs** (:meth:`Mentions.subject_before`, :meth:`Mentions.subject_after`):
   the nearest mention before the verb, skipping possessives and objects of prepositions; across an
   appositive the head it describes; for participles the first mention of the clause; coordinated
   subjects together; in inverted order the mention right after the verb.

Limits: no syntax, so subjects are found by adjacency and long or embedded subjects can be missed;
gender is known only from honorifics, gendered role nouns and a short first-name list; *they* is not
resolved; a Title Case word that opens a sentence and never occurs in lower case (*Officials*) can be
taken for a name; a misspelt surname is another person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.text.lexicon import (
    CALENDAR,
    CAPITALISED_MONTHS,
    DEMONYMS,
    FEMALE_NAMES,
    FEMALE_ROLES,
    FIRST_NAMES,
    GENERIC_ROLES,
    GROUP_NOUNS,
    MALE_NAMES,
    MALE_ROLES,
    NAME_ABBREVIATIONS,
    NOT_NAMES,
    PLACES,
    PREPOSITIONS,
    ROLE_CANON,
    ROLE_WORDS,
    SPEAKER_ORG_WORDS,
    SPEAKER_PARTICLES,
    TITLE_ROLES,
)

Interval = tuple[int, int]


#: How many sentences back a pronoun looks for its antecedent (long quotations hold none).
PRONOUN_WINDOW = 10
_MAX_TITLE = max(len(key) for key in TITLE_ROLES)


_WORD = re.compile(r"[^\W_](?:[\w'\u2019.-]*[^\W_])?")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_PRONOUNS = {"he": "m", "she": "f", "they": "plural", "it": "neuter"}
_ROLE_ALT = "|".join(re.escape(role).replace(r"\ ", r"\s+") for role in ROLE_WORDS)
_DESCRIPTION = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+"
    r"(?P<adj>(?:(?:former|then|new|current|outgoing|incoming|top|senior|same|veteran|embattled|"
    r"fellow|longtime|powerful|visiting|deputy|chief)\s+)*)"
    r"(?P<mod>(?:(?:[A-Z][\w'\u2019.-]*|U\.S\.)\s+){0,3}?)"
    rf"(?P<role>(?i:{_ROLE_ALT}))\b(?! [A-Z][a-z])"
)
_INSTITUTION = re.compile(
    r"\b(?P<owner>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})['\u2019]s\s+"
    r"(?P<noun>(?:[a-z]+\s+){0,2}(?:ministry|government|office|embassy|campaign|committee|army|"
    r"military|administration|foreign ministry|state media|media|parliament|police|presidency))\b"
)
_GROUP = re.compile(
    rf"\b(?:(?:[Aa]n?|[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Tt]wo|[Tt]hree)\s+)?"
    rf"(?:{'|'.join(sorted(GROUP_NOUNS))})\b"
)
_SUBORDINATOR = re.compile(
    r"\b(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Bb]ecause|[Ss]ince|[Uu]ntil|[Ii]f|"
    r"[Aa]lthough|[Tt]hough|[Oo]nce|[Aa]s soon as)\s+"
)
_APPOSITIVE_AFTER = re.compile(r"^,\s+(?:\d{1,3}\b|[RDI]-[A-Z][\w.]*|[a-z])")
_PERSON_APPOSITIVE = re.compile(r"^,\s+(?:\d{1,3},|[RDI]-[A-Z][\w.]*|(?:the|a|an)\s)")


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


@dataclass
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    """Word tokens with offsets; abbreviations and initials keep their period."""
    tokens = []
    for match in _WORD.finditer(text):
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


def _inside(position: int, spans: list[Interval]) -> bool:
    """Whether ``position`` lies in one of the sorted half-open ``spans``."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


class Mentions:
    """All speaker mentions of one article (outside quotations), resolved, with subject look-ups."""

    def __init__(
        self,
        text: str,
        sentences: list[Interval],
        quoted: list[Interval],
        exclude: list[Interval] | None = None,
    ) -> None:
        """Find and resolve the mentions of ``text`` outside ``quoted`` and ``exclude`` (headlines)."""
        self.text = text
        self.sentences = sorted(sentences)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.quoted = sorted(list(quoted) + list(exclude or []))
        self.items = self._find()
        self._starts = [mention.start for mention in self.items]
        resolve(self)

    # --- finding ---------------------------------------------------------------------------------

    def sentence_of(self, position: int) -> int:
        """Index of the sentence containing (or last starting before) ``position``."""
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def _sentence_initial(self, token: _Token) -> bool:
        """Whether the token opens its sentence (after any opening marks)."""
        index = self.sentence_of(token.start)
        start = self.sentences[index][0] if self.sentences else 0
        return not self.text[start : token.start].strip(" \"'\u201c\u2018(\u00ab")

    def _find(self) -> list[Mention]:
        """All mentions outside quotations and excluded blocks, in text order, appositives linked."""
        text = self.text
        tokens = [t for t in _tokens(text) if not _inside(t.start, self.quoted)]
        lower_words = {t.text.lower() for t in tokens if t.text[:1].islower()}
        found: list[Mention] = []
        found += self._names(tokens, lower_words)
        taken = [(m.start, m.end) for m in found]
        for mention in self._descriptions() + self._institutions() + self._pronouns_and_groups():
            if _inside(mention.start, self.quoted):
                continue
            if any(start < mention.end and mention.start < end for start, end in taken):
                contained = all(
                    mention.start <= start and end <= mention.end
                    for start, end in taken
                    if start < mention.end and mention.start < end
                )
                if mention.kind in {"organisation", "description"} and contained:
                    # "Iran's foreign ministry" replaces "Iran"; "the Texas governor" replaces "Texas"
                    found = [
                        m for m in found if not (m.start >= mention.start and m.end <= mention.end)
                    ]
                    taken = [(m.start, m.end) for m in found]
                else:
                    continue
            found.append(mention)
            taken.append((mention.start, mention.end))
        found.sort(key=lambda m: (m.start, m.end))
        for mention in found:
            mention.prep = self._after_preposition(mention.start)
        self._link_appositives(found)
        return found

    def _name_token(self, token: _Token, lower_words: set[str], following: str = "") -> bool:
        """Whether a token may belong to a name (capitalised, not a function word or opener)."""
        word = _POSSESSIVE.sub("", token.text)
        key = word.lower().rstrip(".")
        if word[:1].isupper() and (
            (key,) in TITLE_ROLES or (key, following.lower().rstrip(".")) in TITLE_ROLES
        ):
            return True
        if not word[:1].isupper() or word in NOT_NAMES or word.rstrip(".") in NOT_NAMES:
            return False
        if re.fullmatch(r"[RDI]-[A-Z][\w.]*", word):  # party designation "R-Texas"
            return False
        return not (
            self._sentence_initial(token)
            and (
                word.lower() in lower_words
                or (word.endswith("ly") and len(word) > 4)
                or self.text[token.end : token.end + 1] == ":"  # a label: "Updated: ..."
            )
        )

    def _names(self, tokens: list[_Token], lower_words: set[str]) -> list[Mention]:
        """Mentions from runs of capitalised tokens (name particles allowed inside)."""
        text = self.text
        runs: list[list[_Token]] = []
        current: list[_Token] = []
        for index, token in enumerate(tokens):
            glued = current and text[current[-1].end : token.start] == " "
            possessive_before = current and _POSSESSIVE.search(current[-1].text) is not None
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            is_name = self._name_token(token, lower_words, following)
            if is_name and (glued and not possessive_before):
                current.append(token)
                continue
            if (
                token.text in CAPITALISED_MONTHS
                and glued
                and not possessive_before
                and len(current) == 1
            ):
                current.append(token)
                continue
            particle = (
                token.text in SPEAKER_PARTICLES
                and current
                and glued
                and index + 1 < len(tokens)
                and tokens[index + 1].text[:1].isupper()
                and text[token.end : tokens[index + 1].start] == " "
            )
            if particle and not possessive_before:
                current.append(token)
                continue
            if current:
                runs.append(current)
            current = [token] if is_name and token.text not in CALENDAR else []
        if current:
            runs.append(current)
        mentions = []
        for run in runs:
            while run and run[-1].text in SPEAKER_PARTICLES:
                run = run[:-1]
            if run and self._dateline(run):
                continue
            mentions += self._parse_run(run)
        return mentions

    def _dateline(self, run: list[_Token]) -> bool:
        """'DENVER — ...', 'WASHINGTON, D.C. -- ...': an all-capitals place opening a paragraph."""
        if not all(t.text.isupper() and len(t.text) > 2 for t in run[:1]):
            return False
        before = self.text[max(0, run[0].start - 2) : run[0].start]
        opens = run[0].start == 0 or before.endswith("\n")
        after = self.text[run[-1].end : run[-1].end + 16]
        return (
            opens
            and re.match(r"\s*(?:,\s*[A-Z][\w.]*\s*)?(?:\u2014|\u2013|--|-)", after) is not None
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
            if not (
                head in SPEAKER_ORG_WORDS
                or (head,) in TITLE_ROLES
                or head in {"secretary", "chief", "head"}
            ):
                return self._parse_run(run[:cut]) + self._parse_run(run[cut + 1 :])
        if not run:
            return []
        title_at, title_len = -1, 0
        for i in range(len(keys)):
            for length in range(min(_MAX_TITLE, len(keys) - i), 0, -1):
                if tuple(keys[i : i + length]) in TITLE_ROLES:
                    title_at, title_len = i, length
                    break
            if title_at >= 0:
                break
        start, end = run[0].start, run[-1].end
        possessive = _POSSESSIVE.search(run[-1].text) is not None and run[-1].text[-1] in "s'\u2019"
        if possessive:
            end -= len(run[-1].text) - len(words[-1])
        if title_at >= 0:
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
                return [
                    self._capitalised_description(start, end, roles, places, gender, possessive)
                ]
            if "of" in name_keys:  # "Director of National Intelligence James Clapper"
                tail = name_keys[name_keys.index("of") + 1 :]
                first = next((i for i, k in enumerate(tail) if k.title() in FIRST_NAMES), None)
                name_keys = tail[first:] if first is not None else tail[-2:]
            name_tokens = tuple(words[len(words) - len(name_keys) :])
            if set(name_keys) & SPEAKER_ORG_WORDS:
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
        # no title: strip leading demonyms/parties ("Republican Paul Ryan")
        places = set()
        while len(keys) > 1 and (keys[0] in DEMONYMS or keys[0] + "." in DEMONYMS):
            places.add(normalise_place(keys[0]))
            run, words, keys = run[1:], words[1:], keys[1:]
        if keys and (keys[0] in DEMONYMS or keys[0] + "." in DEMONYMS) and len(keys) == 1:
            return []
        if keys[-1] in DEMONYMS:  # "a California Republican": a description, not a name
            return [
                Mention(
                    run[0].start,
                    end,
                    self.text[run[0].start : end],
                    "organisation",
                    tokens=tuple(words),
                    places=places,
                    possessive=possessive,
                )
            ]
        start = run[0].start
        return [
            Mention(
                start,
                end,
                self.text[start:end],
                "name",
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

    def _descriptions(self) -> list[Mention]:
        """Definite descriptions: "the" + modifiers + a role noun."""
        mentions = []
        for match in _DESCRIPTION.finditer(self.text):
            role = re.sub(r"\s+", " ", match["role"].lower())
            modifiers = match["mod"].split()
            places = {normalise_place(m) for m in modifiers}
            gender = "f" if role in FEMALE_ROLES else ("m" if role in MALE_ROLES else "")
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
        """Subject pronouns and unnamed plural sources."""
        mentions = [
            Mention(m.start(), m.end(), m.group(), "pronoun", gender=_PRONOUNS[m.group().lower()])
            for m in re.finditer(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b", self.text)
        ]
        mentions += [
            Mention(m.start(), m.end(), m.group(), "group") for m in _GROUP.finditer(self.text)
        ]
        return mentions

    def _after_preposition(self, position: int) -> bool:
        """Whether a preposition (optionally + article and capitalised modifiers) precedes."""
        before = self.text[max(0, position - 40) : position]
        match = re.search(r"(\w+) (?:(?:the|a|an) )?(?:[A-Z][\w'\u2019-]* )*$", before)
        return match is not None and match.group(1).lower() in PREPOSITIONS

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
                name.person = True
                name.roles |= description.roles
                name.places |= description.places
                name.gender = name.gender or description.gender
                mention.link, following.link = index + 1, index
        for mention in found:
            if mention.kind == "name" and _PERSON_APPOSITIVE.match(
                self.text[mention.end : mention.end + 12]
            ):
                mention.person = True

    # --- look-ups --------------------------------------------------------------------------------

    def between(self, lower: int, upper: int) -> list[Mention]:
        """Mentions lying inside ``[lower, upper)``, in text order."""
        index = bisect.bisect_left(self._starts, lower)
        result = []
        while index < len(self.items) and self.items[index].start < upper:
            if self.items[index].end <= upper:
                result.append(self.items[index])
            index += 1
        return result

    def subject_before(
        self, verb_start: int, lower: int, participle: bool = False
    ) -> list[Mention]:
        """The subject of a verb at ``verb_start``: mentions found in ``[lower, verb_start)``.

        The nearest non-possessive mention not governed by a preposition (at most 12 words before the
        verb). When a comma stands right after it (*X, the former chairman of ..., told*), the subject
        is the nearest mention followed by an appositive (a comma and a lower-case word, a number or a
        party designation: *Rep. Jerrold Nadler, D-N.Y., ...*; *Mr. Romney, then governor, ...*),
        else the first mention of the clause; a person named just before the comma is itself the
        appositive name (*Obama's press secretary, Ben LaBolt, said*). For a participle (*..., saying*;
        *while insisting*) the subject is the first mention of the main clause. Coordinated subjects
        (*Khan and President Rohani*) come back together.
        """
        candidates = [m for m in self.between(lower, verb_start) if not m.possessive and not m.prep]
        candidates = [
            m
            for m in candidates
            if not (m.kind == "pronoun" and m.gender == "neuter" and self._expletive(m))
        ]
        if not candidates:
            return []
        nearest = candidates[-1]
        gap = self.text[nearest.end : verb_start]
        if participle:
            begin = self._clause_start(lower, verb_start)
            clause = [m for m in candidates if m.start >= begin and self._can_lead(m)]
            if not clause:
                return []
            subject = clause[0]
        elif gap.startswith(",") or gap.rstrip().endswith(","):
            if re.fullmatch(r",\s*", gap) and nearest.person and nearest.canonical:
                subject = nearest
            else:
                heads = [
                    m
                    for m in candidates
                    if _APPOSITIVE_AFTER.match(self.text[m.end : m.end + 12])
                    and self.text[m.end : verb_start].strip(" ,")
                    and self._can_lead(m)
                ]
                leading = [m for m in candidates if self._can_lead(m)]
                if not (heads or leading):
                    return []
                subject = heads[-1] if heads else leading[0]
        elif len(_WORD.findall(gap)) > 12:
            return []
        else:
            subject = nearest
        if subject.link >= 0 and self.items[subject.link].kind == "name":
            subject = self.items[subject.link]
        return self._coordinated(subject, lower)

    @staticmethod
    def _can_lead(mention: Mention) -> bool:
        """Whether a mention can be a subject: named, or a gendered pronoun."""
        return bool(mention.canonical) or mention.kind != "pronoun" or mention.gender in {"m", "f"}

    def _clause_start(self, lower: int, upper: int) -> int:
        """Start of the clause a participle belongs to: after the last subordinator (*after*, *when*)
        before ``upper``; a sentence-initial subordinate clause ends at its comma (*After X left, Y
        stormed back and said*)."""
        start = lower
        for match in _SUBORDINATOR.finditer(self.text, lower, upper):
            if match.end() >= upper:  # the "while" of "while insisting" itself
                continue
            start = match.end()
            if not self.text[lower : match.start()].strip():
                comma = self.text.find(",", match.end(), upper)
                start = comma + 1 if comma >= 0 else start
        return start

    def _expletive(self, mention: Mention) -> bool:
        """An expletive "it" ("it is", "it seems")."""
        following = self.text[mention.end : mention.end + 12]
        return re.match(r"\s+(?:is|was|'s|seems|would|will|has)\b", following) is not None

    def _coordinated(self, subject: Mention, lower: int) -> list[Mention]:
        """The subject with the mentions coordinated before it by "and"."""
        result = [subject]
        index = self.items.index(subject)
        while index > 0:
            previous = self.items[index - 1]
            gap = self.text[previous.end : result[0].start]
            if previous.start < lower or not re.fullmatch(r",?\s+and\s+", gap):
                break
            if previous.kind not in {"name", "description", "organisation"} or previous.prep:
                break
            result.insert(0, previous)
            index -= 1
        return result

    def subject_after(self, verb_end: int, upper: int) -> list[Mention]:
        """The subject of an inverted verb (*said the Pakistani prime minister*): the mention right after."""
        for mention in self.between(verb_end, upper):
            if (
                mention.kind == "pronoun"
            ):  # '"...," saying it means': "it" is not an inverted subject
                break
            if re.fullmatch(
                r"\s*(?:(?:former|then|ex-|top|senior|longtime|veteran)\s*)*",
                self.text[verb_end : mention.start],
            ):
                return [mention]
            break
        return []

    def name_of(self, mentions: list[Mention]) -> tuple[str, str]:
        """Speaker (canonical names joined by '; ') and surface form of subject mentions."""
        if not mentions:
            return "", ""
        names = []
        for mention in mentions:
            if mention.canonical and mention.canonical not in names:
                names.append(mention.canonical)
        surface = self.text[mentions[0].start : mentions[-1].end]
        return "; ".join(names), surface


# --- resolution ------------------------------------------------------------------------------------


def _first_name_gender(tokens: tuple[str, ...]) -> str:
    """Gender from a listed first name of a multi-word name, else ``""``."""
    if len(tokens) < 2:
        return ""
    first = tokens[0]
    return "f" if first in FEMALE_NAMES else ("m" if first in MALE_NAMES else "")


def _is_place(tokens: tuple[str, ...]) -> bool:
    """Whether a capitalised sequence names a known place or contains an organisation word."""
    key = " ".join(tokens).lower()
    return key in PLACES or any(t.lower().rstrip(".") in SPEAKER_ORG_WORDS for t in tokens)


def resolve(mentions: Mentions) -> None:
    """Fill ``canonical`` (and ``person``) of every mention in place; see the module docstring."""
    items = mentions.items
    names = [m for m in items if m.kind == "name"]
    text = mentions.text
    for mention in names:  # person evidence from context
        before = text[max(0, mention.start - 30) : mention.start]
        role_before = re.search(r"\b([a-z]+(?: [a-z]+)?)\s$", before)
        if role_before and role_before.group(1).split()[-1] in ROLE_WORDS:
            mention.person = True
            mention.roles.add(role_key(role_before.group(1).split()[-1]))
        if re.search(
            r"\b(?:group|organi[sz]ation|party|militia|province|city|agency|company)\s$", before
        ):
            mention.person = False
            continue
        mention.gender = mention.gender or _first_name_gender(mention.tokens)
        if _first_name_gender(mention.tokens):
            mention.person = True
    surnames = {m.tokens[-1].lower() for m in names if m.person and m.tokens}
    for mention in names:
        if mention.person or not mention.tokens:
            continue
        known_surname = mention.tokens[-1].lower() in surnames
        if known_surname or (2 <= len(mention.tokens) <= 4 and not _is_place(mention.tokens)):
            mention.person = True
    surnames = {m.tokens[-1].lower() for m in names if m.person and m.tokens}
    # canonical names: the fullest form with the same last word
    full: dict[str, list[Mention]] = {}
    for mention in names:
        if mention.person and mention.tokens:
            full.setdefault(mention.tokens[-1].lower(), []).append(mention)
    for mention in names:
        if not mention.tokens:
            continue
        if (
            not mention.person
            and len(mention.tokens) == 1
            and mention.tokens[0].lower() in surnames
        ):
            mention.person = True
        if not mention.person:
            mention.kind = "organisation"
            mention.canonical = re.sub(r"^[Tt]he\s+", "", mention.text)
            continue
        same = full[mention.tokens[-1].lower()]
        longest = max(len(m.tokens) for m in same)
        forms = {" ".join(m.tokens) for m in same if len(m.tokens) == longest}
        own = " ".join(mention.tokens)
        wider = sorted(f for f in forms if set(mention.tokens) <= set(f.split()))
        if len(mention.tokens) == longest:
            mention.canonical = own
        elif len(forms) == 1:
            mention.canonical = forms.pop()
        elif len(wider) == 1 and len(mention.tokens) > 1:
            mention.canonical = wider[0]
        else:  # several people share the surname (Barack, Michelle, Sasha Obama): keep the short form
            mention.canonical = own
    # merge attributes per canonical person
    profile: dict[str, Mention] = {}
    for mention in names:
        if mention.person:
            entry = profile.setdefault(mention.canonical, Mention(0, 0, mention.canonical, "name"))
            entry.roles |= mention.roles
            entry.places |= mention.places
            entry.gender = entry.gender or mention.gender
    for mention in names:
        if mention.person and mention.canonical in profile:
            mention.gender = mention.gender or profile[mention.canonical].gender
    for index, mention in enumerate(items):
        if mention.kind == "description":
            if mention.link >= 0 and items[mention.link].kind == "name":
                mention.canonical = items[mention.link].canonical
            else:
                mention.canonical = _resolve_description(mention, index, items, profile)
            if mention.canonical in profile:
                mention.gender = mention.gender or profile[mention.canonical].gender
    for index, mention in enumerate(items):
        if mention.kind == "pronoun":
            mention.canonical = _resolve_pronoun(mention, index, mentions)


def _resolve_description(
    mention: Mention, index: int, items: list[Mention], profile: dict[str, Mention]
) -> str:
    """Canonical name for a definite description (role and places), by recency."""
    role = next(iter(mention.roles), "")
    places = {p for p in mention.places if p}
    if role in GENERIC_ROLES and not places:
        return ""  # "the official": too vague to name anyone
    candidates = []
    for name, entry in profile.items():
        if places and not places <= entry.places:
            continue
        if not roles_compatible(role, entry.roles) and not (places and role in GENERIC_ROLES):
            continue
        if not places and role in GENERIC_ROLES and not entry.roles:
            continue
        candidates.append(name)
    if not candidates:
        return _recent_person(mention, items, profile)
    last_seen: dict[str, int] = {}
    first_after: dict[str, int] = {}
    for other in items:
        if other.kind == "name" and other.canonical in candidates:
            if other.start < mention.start:
                last_seen[other.canonical] = other.start
            else:
                first_after.setdefault(other.canonical, other.start)
    if last_seen:
        return max(last_seen, key=lambda name: last_seen[name])
    if first_after:
        return min(first_after, key=lambda name: first_after[name])
    return ""


def _recent_person(mention: Mention, items: list[Mention], profile: dict[str, Mention]) -> str:
    """Fallback for a description no registered person fits ("the Texas governor" when the article
    never says Perry governs Texas): the last person named in the 600 characters before it, unless
    that person's known places or gender contradict the description."""
    for other in reversed(items):
        if other.start >= mention.start or other.kind != "name" or not other.person:
            continue
        if mention.start - other.end > 600:
            break
        entry = profile.get(other.canonical)
        if entry is None:
            continue
        places = {p for p in mention.places if p}
        if places and entry.places and not places & entry.places:
            continue
        if mention.gender and entry.gender and mention.gender != entry.gender:
            continue
        return other.canonical
    return ""


def _resolve_pronoun(mention: Mention, index: int, mentions: Mentions) -> str:
    """Hobbs-style recency: this sentence before the pronoun, then earlier sentences, left to right."""
    wanted = mention.gender
    if wanted == "plural":
        return ""
    sentence = mentions.sentence_of(mention.start)
    items = mentions.items
    for back in range(0, PRONOUN_WINDOW + 1):
        number = sentence - back
        if number < 0:
            break
        lower, upper = mentions.sentences[number]
        upper = mention.start if back == 0 else upper
        found = mentions.between(lower, upper)
        if back == 0:  # "Of Obama, he said": a fronted prepositional phrase is not the antecedent
            found = [
                m
                for m in found
                if not (
                    m.prep and re.fullmatch(r"\s*\w+\s+(?:the\s+)?", mentions.text[lower : m.start])
                )
            ]
        ordered = [m for m in found if not m.prep] + [m for m in found if m.prep]
        for other in ordered:
            if other is mention or not other.canonical:
                continue
            if wanted == "neuter":
                if other.kind == "organisation":
                    return other.canonical
                continue
            if other.kind == "pronoun" or not (
                other.person and other.kind in {"name", "description"}
            ):
                continue
            if other.gender and other.gender != wanted:
                continue
            return other.canonical
    del items
    return ""
