"""Who is speaking: person, organisation and pronoun mentions of one article, resolved to in-article names.

Method (rule-based, no trained model, no downloads), in the line of the news quote-attribution work of
Pareti (2016, "PARC 3.0: A corpus of attribution relations", LREC), Newell, Margolin & Ruths (2018, "An
attribution relations corpus for political news", LREC) and the GenderGapTracker (Asr, Mazraeh, Lopes,
Gautam, Gonzales, Rao & Taboada 2021, "The Gender Gap Tracker: Using natural language processing to
measure gender bias in media", PLOS ONE 16(1)):

1. **Mentions.** Names are the runs of the project's one name finder,
   :func:`analysis.text.names.name_candidates` (capitalised word sequences with name particles such as
   *al-*, *bin*, *de*, *van*; its sentence-opener rule reads the article's lower-case words); a title (*President*, *Prime Minister*, *Foreign Minister*, *Sen.*, *Mr.* ...; see
   :data:`TITLE_ROLES`) and any words before it (*Iranian*, *Texas*, *Treasury*) are split off and recorded
   as the person's roles and places/affiliations. A sentence opener whose lower-case form occurs in the
   article (*Leaders*), a common word, an adverb in *-ly*, a label before a colon (*Updated:*) and an
   all-capitals dateline (*DENVER —*) are not names. Definite descriptions (*the Pakistani prime minister*, *the
   Iranian leader*, *the aide*) are matched by role nouns (:data:`ROLE_WORDS`) with optional
   nationality/place modifiers; subject pronouns (*he*, *she*, *they*, *it*), possessive institutions
   (*Iran's foreign ministry*) and unnamed sources (*analysts*, *Officials*: :data:`GROUP_NOUNS`) are
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
   is a generic role matching any office: :data:`OFFICE_ROLES`), preferring the most recently
   mentioned one; an appositive pair (*the aide, Elizabeth Lauten,*) resolves directly. A generic role
   with no modifier (*the official*) stays unresolved; the other generic roles (*the Pakistani
   diplomat*, *the Iranian official*) name only a person registered with that very role and place, else stay
   descriptions (the diplomat is not the prime minister the article named); when no registered person
   fits a specific role, the last person named in the 600 characters before is taken unless their
   places or gender contradict (*the Texas governor* after *Rick Perry* when the article never says he
   governs Texas).
5. **Pronouns** resolve by recency in the manner of Hobbs (1978, "Resolving pronoun references",
   Lingua 44): first the current sentence left to right before the pronoun (skipping a fronted
   prepositional phrase, *Of Obama, he said*, and a sentence-opening participle clause, *Asked about
   Dahl, she said*, whose understood subject is the pronoun's; Quirk et al. 1985, 15.58), then each
   earlier sentence left to right, up to
   :data:`PRONOUN_WINDOW` sentences back, subjects before objects of prepositions (so the subject of the
   closest sentence wins); the first person (for *he*/*she*) of compatible gender, or organisation (for
   *it*), is taken; an unnamed person description met first (*the Pakistani diplomat said ... He
   added*) is the antecedent, so the pronoun names no one; *I*, *we* (the narrator) and *you* (an
   interview's addressee) name no one. The relative *who* stands for the mention
   right before it (*Ana Lind, who said*): the record's source mention is *who* (PolNeAR marks the
   local mention), its speaker the antecedent's name; a place before *who* is where the person is
   from (*Ola Dahl of New Hampshire, who said*: Dahl). *It* stands for an organisation, a country
   or a capital, never for a city, region or street (*the email from New Hampshire ... It said*).
   Representatives named after their country speak for it (*U.S. officials*, *Pakistani
   diplomats*: the country is the canonical name). *They* stands for coordinated names met first
   in this sentence or the one before (*Khan and Rohani met ... they said*: both, jointly), never
   for a single name, and for no one when an unnamed group comes first (*officials ... they*).
6. **Subjects of reporting verbs** (:meth:`Mentions.subject_before`, :meth:`Mentions.subject_after`):
   the nearest mention before the verb, skipping possessives and objects of prepositions; across an
   appositive the head it describes; for participles the first mention of the clause; coordinated
   subjects together; in inverted order the mention right after the verb, or a name after one to
   three lower-case role words (*said café owner Henrik Dahl*); in an absolute construction
   (*..., with Vik reportedly saying*) the mention after *with* (the quotes' ``absolute_subject``).
   A name that only modifies the head noun of the subject (*the Clinton campaign said*, *Bergen
   County land records indicate*, *a new Varnby poll shows*) is not the subject: the whole noun
   phrase is, as a description; a place coordinated with the object of a preposition (*the
   results in Iowa and New Hampshire show*) is no subject either. A mere place that is the subject
   (a city, county or street: *Bergen County said*; not a country, capital, state or province)
   keeps its mention as the record's source words but names no speaker.
   A gendered title makes a person even
   when the name is an outlet word (*Mr. Fox told CNN*).

Limits: no syntax, so subjects are found by adjacency and long or embedded subjects can be missed;
gender is known only from honorifics, gendered role nouns and a short first-name list; *they* is
resolved only to coordinated names; a Title Case word that opens a sentence and never occurs in
lower case (*Officials*) can be taken for a name; a misspelt surname is another person.
"""

from __future__ import annotations

import bisect
import re

from analysis.measures.speakers.mentions import (
    WORD,
    Mention,
    MentionFinder,
    is_mere_place_name,
    is_place_name,
    normalise_place,
    role_key,
    roles_compatible,
)
from analysis.measures.speakers.phrases import adverb_or_function, modified_phrase
from analysis.measures.speakers.resolution import PRONOUN_WINDOW, resolve
from analysis.text.lexicon import (
    CLAUSE_REJECT,
    REPRESENTATIVE_NOUNS,
    SOURCE_REJECT,
)
from analysis.text.names.gazetteer import is_region
from analysis.text.quotemarks import Interval

__all__ = [
    "PRONOUN_WINDOW",
    "Mention",
    "Mentions",
    "normalise_place",
    "role_key",
    "roles_compatible",
]

_SUBORDINATOR = re.compile(
    r"\b(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Bb]ecause|[Ss]ince|[Uu]ntil|[Ii]f|"
    r"[Aa]lthough|[Tt]hough|[Oo]nce|[Aa]s soon as)\s+"
)


_APPOSITIVE_AFTER = re.compile(r"^,\s+(?:\d{1,3}\b|[RDI]-[A-Z][\w.]*|[a-z])")
#: A description between a fronted clause's comma and the verb (", the new owner"): the subject is
#: that description, not a mention inside the fronted clause (but ", a group that" opens a
#: relative clause whose antecedent is the subject).
_DESCRIPTION_GAP = re.compile(
    r",\s+(?:(?:the|a|an|this|its|his|her|their|one|another)"
    r"(?:\s+(?!(?:who|which|that|whose)\b)\w[\w'-]*){1,8}"
    r"|[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3})\s*"
)
#: Auxiliaries and adverbs between a subject's closing comma and the verb (*X, who won Varnby, is
#: calling for*; *X, the mayor, has also said*).
_AUXILIARIES_AT_END = re.compile(
    r"(?:\s+(?:is|are|was|were|has|have|had|will|would|could|should|may|might|must|can|did|does|"
    r"do|been|also|now|still|not|already|again|never|\w+ly))+\s*\Z"
)
_DASH = re.compile(r"\s(?:\u2014|\u2013|--)\s")
_CLOSING_DASH = re.compile(r"\s*(?:\u2014|\u2013|--)\s*")
#: A non-restrictive relative clause opening after a mention (", who lost her job ...").
_RELATIVE_AFTER = re.compile(r",\s+(?:who|whom|whose)\b")
#: Capitalised modifiers the name parser split off an organisation (*American* Unity Fund).
_MODIFIERS_SPLIT_OFF = re.compile(r"\s*(?:[A-Z][\w'-]*\s+){1,2}")
#: What follows an anticipatory *it*: a form of *be* or a raising verb, but not a progressive or an
#: infinitive (*it's easy to*, *it has been common for*, *it seems*; not *it's asking*, *it was to
#: report*).
_EXPLETIVE_AFTER = re.compile(
    r"(?:['\u2019]s|\s+(?:is|was|seems|seemed|appears|appeared|remains|"
    r"(?:has|had|will|would|may|might|could) been?))\b"
    r"(?!\s+(?:\w+ly\s+)?\w+ing\b|\s+to\b)"
)
_REPRESENTED_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_COORDINATOR = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?")


class Mentions(MentionFinder):
    """All speaker mentions of one article (outside quotations), resolved, with subject look-ups."""

    def __init__(
        self,
        text: str,
        sentences: list[Interval],
        quoted: list[Interval],
        exclude: list[Interval] | None = None,
    ) -> None:
        """Find and resolve the mentions of ``text`` outside ``quoted`` and ``exclude`` (headlines)."""
        super().__init__(text, sentences, quoted, exclude)
        resolve(self)

    def subject_before(
        self, verb_start: int, lower: int, participle: bool = False
    ) -> list[Mention]:
        """The subject of a verb at ``verb_start``: mentions found in ``[lower, verb_start)``.

        The nearest non-possessive mention not governed by a preposition, after any semicolon (at
        most 12 words before the verb; a relative *who* at most three: *who is a host on the show*
        is not the subject of *show*). When a comma stands right after it (*X, the former chairman
        of ..., told*), the subject is the nearest mention followed by an appositive (a comma and a
        lower-case word, a number or a party designation: *Rep. Jerrold Nadler, D-N.Y., ...*; *Mr.
        Romney, then governor, ...*), else the first mention of the clause; a person named just
        before the comma is itself the appositive name (*Obama's press secretary, Ben LaBolt,
        said*); a name before a *, who ...,* clause that reaches the verb is the subject (*X, who
        lost her job in Varn, Ostland, said*). A description after the last comma (*In an interview
        with X, the harbour master said*) leaves no mention as subject (the caller takes the
        description). For a participle (*..., saying*; *while insisting*) the subject is the first
        mention of the main clause. Coordinated subjects (*Khan and President Rohani*) come back
        together.
        """
        lower = max(lower, self.text.rfind(";", lower, verb_start) + 1)  # a clause of its own
        if not participle:
            lower = self.subordinate_clause_start(lower, verb_start)
        candidates = [m for m in self.between(lower, verb_start) if not m.possessive and not m.prep]
        candidates = [
            m
            for m in candidates
            if not (m.kind == "pronoun" and m.gender == "neuter" and self._expletive(m))
            and not (m.relative and len(WORD.findall(self.text[m.end : verb_start])) > 3)
            and not self._locative_or_designation(m, verb_start)
        ]
        if not candidates:
            return []
        nearest = candidates[-1]
        gap = _AUXILIARIES_AT_END.sub("", self.text[nearest.end : verb_start])
        opening_dash = self._dashed_aside(gap, lower, nearest.start)
        if opening_dash >= 0:  # "insiders in two states — Varnby and Ostland — said": insiders
            return self.subject_before(opening_dash, lower, participle)
        if participle:
            begin = self._clause_start(lower, verb_start)
            clause = [m for m in candidates if m.start >= begin and self._can_lead(m)]
            if not clause:
                return []
            subject = clause[0]
        elif "," in gap and _DESCRIPTION_GAP.fullmatch(gap[gap.rfind(",") :]):
            return []  # "In an interview with X, the harbour master said": not X
        elif gap.startswith(",") or gap.rstrip().endswith(","):
            relative_heads = [
                m for m in candidates if _RELATIVE_AFTER.match(self.text, m.end, verb_start)
            ]
            if re.fullmatch(r",\s*", gap) and nearest.person and nearest.canonical:
                subject = nearest
            elif relative_heads and gap.rstrip().endswith(","):
                subject = relative_heads[-1]  # "X, who lost her job in Varn, Ostland, said"
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
        elif len(WORD.findall(gap)) > 12:
            return []
        elif phrase := self._modified_noun(nearest, verb_start):
            return [phrase]  # "the New Hampshire primary threatens": not New Hampshire
        else:
            subject = self._relative_head(nearest, lower, verb_start) or nearest
        if subject.link >= 0 and self.items[subject.link].kind == "name":
            subject = self.items[subject.link]
        return self._coordinated(subject, lower) + self._represented(subject, verb_start)

    def anticipatory_it(self, verb_start: int, verb_end: int, lower: int) -> bool:
        """Whether a non-finite verb's last subject candidate is an anticipatory *it* (Quirk et al.
        1985, 18.33: *It's easy to criticize X*, *it's worth pointing out*): a report without a
        source, not one by "it"."""
        if not (
            self.text[verb_start:verb_end].split()[0].endswith("ing")
            or self.text[max(0, verb_start - 3) : verb_start] == "to "
        ):
            return False
        lower = max(lower, self.text.rfind(";", lower, verb_start) + 1)
        candidates = [m for m in self.between(lower, verb_start) if not m.possessive and not m.prep]
        last = candidates[-1] if candidates else None
        return last is not None and last.text.lower() == "it" and self._expletive(last)

    def subordinate_clause_start(self, lower: int, verb_start: int) -> int:
        """Where a subordinate clause that holds the verb opens (after *because*, *even though*,
        *when* ... with no comma before the verb: *X warned ... even though many observers doubt*:
        the subject is after *though*), else ``lower``."""
        found = list(_SUBORDINATOR.finditer(self.text, lower, verb_start))
        if not found:
            return lower
        last = found[-1]
        between = self.text[last.end() : verb_start]
        if "," in between or not _AUXILIARIES_AT_END.sub("", " " + between).strip():
            return lower  # "who once praised", "has since said": an adverb, no clause
        return last.end()

    def _dashed_aside(self, gap: str, lower: int, upper: int) -> int:
        """Where the aside opens when ``gap`` (before the verb) is its closing dash and an opening
        dash stands in ``[lower, upper)`` (*X — the former chairman — said*), else -1."""
        if not _CLOSING_DASH.fullmatch(gap):
            return -1
        dashes = list(_DASH.finditer(self.text, lower, upper))
        return dashes[-1].start() if dashes else -1

    def _modified_noun(self, mention: Mention, verb_start: int) -> Mention | None:
        """The noun phrase a name only modifies, as a description (*the Clinton campaign said*, *a
        new Varnby poll shows*, *Ostmark land records indicate*: :func:`modified_phrase`), when only
        function words or adverbs stand between it and the verb; else None."""
        if mention.kind not in {"name", "organisation"}:
            return None
        span = modified_phrase(self.text, mention.start, mention.end, verb_start)
        if span is None or not all(
            adverb_or_function(word) for word in self.text[span[1] : verb_start].split()
        ):
            return None
        return Mention(*span, self.text[span[0] : span[1]], "description")

    def _relative_head(self, nearest: Mention, lower: int, verb_start: int) -> Mention | None:
        """The head of a restrictive relative clause that holds ``nearest`` (*Voters who endorsed
        Anna Berg say*: the subject is *Voters*): the mention right before a relative *who* that
        stands before ``nearest`` with no comma from it to the verb; None when there is none or
        it is a preposition's object (*residents in Varnby who voted ... say*)."""
        for mention in reversed(self.between(lower, nearest.start)):
            if not mention.relative:
                continue
            if "," in self.text[mention.start : verb_start]:
                return None
            index = self.position(mention)
            head = self.items[index - 1] if index > 0 else None
            if head is None or head.start < lower or head.kind == "pronoun" or head.prep:
                return None
            return head if re.fullmatch(r"\s+", self.text[head.end : mention.start]) else None
        return None

    def _locative_or_designation(self, mention: Mention, verb_start: int) -> bool:
        """A place set off by commas before other words (*In Varnby, Norway, the harbour master
        said*: a locative) or in brackets (*Sen. Moreau (Norway) said*: a designation) is not a
        subject."""
        if mention.kind not in {"name", "organisation"} or not is_place_name(mention.tokens):
            return False
        if self.text[mention.start - 1 : mention.start] == "(":
            return True
        after = self.text[mention.end : verb_start]
        return (
            bool(re.match(r"\.?,\s+\S", after))
            and self.text[mention.start - 2 : mention.start] == ", "
        )

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
            if re.fullmatch(r"(?:[a-z]+ly\s+)*", self.text[match.end() : upper]):
                continue  # the "while" of "while (firmly) insisting" itself
            start = match.end()
            if not self.text[lower : match.start()].strip():
                comma = self.text.find(",", match.end(), upper)
                start = comma + 1 if comma >= 0 else start
        return start

    def _expletive(self, mention: Mention) -> bool:
        """An anticipatory "it" (Quirk et al. 1985, 18.33: *it is easy to criticize*, *it's been
        common for X to portray*, *it seems*), not a progressive *it's asking* (an organisation)."""
        return _EXPLETIVE_AFTER.match(self.text, mention.end) is not None

    def _represented(self, subject: Mention, verb_start: int) -> list[Mention]:
        """The names a group of representatives speaks for (*Leaders of Varnby and Ostmark
        agreed*: Varnby and Ostmark; :data:`REPRESENTATIVE_NOUNS`), coordinated after *of* up to
        the verb; empty for other groups (*supporters of Berg* are not Berg)."""
        if subject.kind not in {"group", "description"}:
            return []
        if subject.text.split()[-1].lower() not in REPRESENTATIVE_NOUNS:
            return []
        names: list[Mention] = []
        joint = _REPRESENTED_OF
        for mention in self.between(subject.end, verb_start):
            if mention.kind not in {"name", "organisation"} or not joint.fullmatch(
                self.text, (names[-1] if names else subject).end, mention.start
            ):
                break
            names.append(mention)
            joint = _COORDINATOR
        return names

    def _coordinated(self, subject: Mention, lower: int) -> list[Mention]:
        """The subject with the mentions coordinated before it by "and"."""
        result = [subject]
        index = self.position(subject)
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

    def position(self, mention: Mention) -> int:
        """Index of the first item equal to ``mention`` (as ``list.index``): items are sorted by start,
        so only those sharing its start are compared."""
        index = bisect.bisect_left(self._starts, mention.start)
        while self.items[index] != mention:
            index += 1
        return index

    def subject_after(self, verb_end: int, upper: int) -> list[Mention]:
        """The subject of an inverted verb (*said the Pakistani prime minister*): the mention right
        after, or a name after role words (*said café owner Henrik Dahl*, *said Liberal party
        boss Ola Dahl*), also after an organisation (*said Varnby Ferry Company president Ola
        Dahl*: Dahl)."""
        found = self.between(verb_end, upper)
        for index, mention in enumerate(found):
            if mention.kind == "pronoun":  # '"...," saying it means': no inverted subject
                break
            gap = self.text[verb_end : mention.start]
            if mention.possessive and not gap.strip():  # "said Varnby's Ola Dahl": Dahl
                return [self.named_after_roles(mention, found[index + 1 :], owner=True) or mention]
            if re.fullmatch(r"\s*(?:(?:former|then|ex-|top|senior|longtime|veteran)\s*)*", gap):
                return [self.named_after_roles(mention, found[index + 1 :]) or mention]
            if _MODIFIERS_SPLIT_OFF.fullmatch(gap):  # a demonym split off: "said American ..."
                named = self.named_after_roles(mention, found[index + 1 :])
                return [named or self._with_modifiers(mention, gap.lstrip())]
            if mention.kind == "name" and _role_words(gap):
                return [mention]
            break
        return []

    def _with_modifiers(self, mention: Mention, modifiers: str) -> Mention:
        """A group or description with the capitalised ``modifiers`` written right before it
        (*Pakistani officials*); a name or organisation as it is (*Unity Fund*)."""
        if mention.kind not in {"group", "description"}:
            return mention
        start = mention.start - len(modifiers)
        return Mention(start, mention.end, self.text[start : mention.end], mention.kind)

    def named_after_roles(
        self, mention: Mention, following: list[Mention], owner: bool = False
    ) -> Mention | None:
        """The first name after ``mention`` when only role words stand between (*Harbour Authority
        spokesman Ola Dahl*), or nothing after a possessive ``owner`` (*Varnby's Ola Dahl*), else
        None."""
        for other in following[:3]:
            if other.kind == "name":
                gap = self.text[mention.end : other.start]
                if owner:
                    gap = re.sub(r"\A's?\s", "", gap)
                return other if (owner and not gap.strip()) or _role_words(gap) else None
            if other.kind not in {"group", "description"}:  # a role noun of the gap
                return None
        return None

    def name_of(self, mentions: list[Mention]) -> tuple[str, str]:
        """Speaker (canonical names joined by '; ') and surface form of subject mentions; a mere
        place (a city, county or street: *Bergen County said*; a state or province can act, so it
        stays) names no speaker, its mention stays the source's words."""
        if not mentions:
            return "", ""
        names = []
        for mention in mentions:
            name = mention.canonical
            if name and name not in names and (is_region(name) or not is_mere_place_name(name)):
                names.append(name)
        surface = self.text[mentions[0].start : mentions[-1].end]
        return "; ".join(names), surface


def _role_words(gap: str) -> bool:
    """One to four words that can be a role before a name, the last in lower case ("café owner",
    "councillor", "Liberal party boss", "Democratic pollster"): no function words, numbers or
    punctuation."""
    words = gap.split()
    return (
        1 <= len(words) <= 4
        and re.fullmatch(r"[^\W\d_A-Z][\w'-]*", words[-1]) is not None
        and all(re.fullmatch(r"[^\W\d_][\w'-]*", word) for word in words)
        and not any(
            word.lower() in CLAUSE_REJECT or word.lower() in SOURCE_REJECT for word in words
        )
    )
