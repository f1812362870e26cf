"""Reporting verbs: the codebook ``codebooks/reporting_verbs.yaml`` read into classes, and the verbs of
a text (Bergler 1992; Caldas-Coulthard 1994; AP Stylebook on "said"; see :mod:`analysis.measures.quotes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis import config
from analysis.errors import InputError
from analysis.text.lexicon import INVERTED_FRAME_VERBS
from analysis.text.quotemarks import in_sorted_spans

REPORTING_VERBS = config.CODEBOOKS / "reporting_verbs.yaml"
#: A determiner or a form of *be* (*often* may follow), a preposition or a premodifying adverb right
#: before a verb form makes it a noun, an adjective or a passive (*the often cited report*, *was
#: widely praised*; not *Berg often questioned*).
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|my|your|this|these|those|was|were|been|being|is|are|be)"
    r"(?:\s+often)?[\s-]+"
    r"|\b(?:widely|much|so-called|well|self|of|for|in|on|at|with|from|about|under|over|into|by)[\s-]+"
    r"|[']s\s+(?:[a-z]{3,}ly\s+)?)$",
    re.IGNORECASE,
)

#: An -ing word right before a base form makes that form its object noun ("providing support"); an
#: -s form stays a verb ("the ruling says").
_GERUND_BEFORE = re.compile(r"\b(?![a-z]*(?:thing|morning|evening)\b)[a-z]{3,}ing\s+$")


#: Between the verb and the particle of a phrasal cue, an adverb may stand (*talked more about*,
#: *spoke highly of*, *called again for*; Quirk et al. 1985, 16.5).
_PHRASE_GAP = r"\s+(?:(?:[a-z]{3,}ly|more|much|again|out|briefly)\s+)?"


@dataclass(frozen=True)
class VerbClass:
    """One class of reporting verbs from the codebook."""

    name: str
    description: str
    clause: bool  # can introduce a reported clause (indirect speech)
    short_partial: bool  # a 1-2 word quotation it governs is a partial quote (else scare)
    verbs: dict[str, tuple[str, ...]]  # lemma -> inflections
    bare_clause: frozenset[str] = frozenset()  # lemmas that may drop "that" before their clause
    object_content: bool = False  # the object or to-infinitive is the attributed content
    object_verbs: frozenset[str] = frozenset()  # lemmas whose object is the content when no clause
    infinitive_verbs: frozenset[str] = frozenset()  # lemmas whose content is only a to-infinitive
    no_source: bool = False  # raising verbs ("seemed to", "is expected to"): content, no source
    prepositions: tuple[str, ...] = ()  # noun cues: "N P NP" ("criticism of the plan")
    copular: bool = False  # adjectives: a cue only after a linking verb ("is confident that")
    speech: bool = True  # False: reports a thought, stance or topic, not words
    object_prepositions: frozenset[str] = frozenset()  # may open a gapped object's content

    def takes_object(self, lemma: str) -> bool:
        """Whether the object of ``lemma`` can be its attributed content ("accused X of Y")."""
        return self.object_content or lemma in self.object_verbs or lemma in self.infinitive_verbs


@dataclass(frozen=True)
class Verb:
    """One reporting-verb occurrence: its offsets, lemma and class."""

    start: int
    end: int
    lemma: str
    cls: VerbClass


def load_verb_classes(
    path: Path | str = REPORTING_VERBS, section: str = "classes"
) -> dict[str, VerbClass]:
    """Read the reporting-verb codebook's ``section`` (``classes``, or ``noun_cues``: the noun
    cues, Pareti 2016); errors name the file and the class."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read reporting verbs: {error}") from None
    classes = document.get(section) if isinstance(document, dict) else None
    if not isinstance(classes, dict) or not classes:
        raise InputError(path, f"expected a top-level {section!r} mapping")
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
        bare = _known_lemmas(path, name, entry, "bare_clause", forms)
        objects = _known_lemmas(path, name, entry, "object_verbs", forms)
        infinitives = _known_lemmas(path, name, entry, "infinitive_verbs", forms)
        prepositions = entry.get("prepositions") or []
        if any(not isinstance(word, str) for word in prepositions):
            raise InputError(
                path, f"class {name!r}: prepositions must be quoted words ({prepositions})"
            )
        parsed[str(name)] = VerbClass(
            str(name),
            str(entry.get("description", "")),
            bool(entry.get("clause", True)),
            bool(entry.get("short_partial", True)),
            forms,
            bare,
            bool(entry.get("object_content", False)),
            objects,
            infinitives,
            bool(entry.get("no_source", False)),
            tuple(prepositions),
            bool(entry.get("copular", False)),
            bool(entry.get("speech", True)),
            frozenset(str(word) for word in entry.get("object_prepositions") or ()),
        )
    return parsed


def _known_lemmas(
    path: Path, name: str, entry: dict, key: str, forms: dict[str, tuple[str, ...]]
) -> frozenset[str]:
    """The lemmas listed under ``key`` of a class; an error names any the class does not define."""
    lemmas = frozenset(str(lemma) for lemma in entry.get(key) or ())
    if lemmas - set(forms):
        raise InputError(
            path, f"class {name!r}: {key} lists unknown verbs {sorted(lemmas - set(forms))}"
        )
    return lemmas


class ReportingVerbs:
    """Inflection → (lemma, class), and one regex over every inflection; the noun cues likewise."""

    def __init__(
        self, classes: dict[str, VerbClass], noun_classes: dict[str, VerbClass] | None = None
    ) -> None:
        """Compile the inflections of ``classes`` into one pattern, and the noun cues (the
        codebook's when None) into another."""
        self.nouns = NounCues(
            load_verb_classes(section="noun_cues") if noun_classes is None else noun_classes
        )
        self.forms: dict[str, tuple[str, VerbClass]] = {}
        for verb_class in classes.values():
            for lemma, inflections in verb_class.verbs.items():
                for form in inflections:
                    self.forms.setdefault(form, (lemma, verb_class))
        alternation = "|".join(
            re.escape(form).replace(r"\ ", r"\s+")
            for form in sorted(self.forms, key=len, reverse=True)
        )
        self.title_case = re.compile(rf"(?<![\w'-])(?:{alternation})(?![\w'-])", re.IGNORECASE)
        alternation = "|".join(
            _capital_allowed(form).replace(r"\s+", _PHRASE_GAP, 1)
            for form in alternation.split("|")
        )
        self.pattern = re.compile(rf"(?<![\w'-])(?:{alternation})(?![\w'-])")

    def find(self, text: str, quoted: list[tuple[int, int]]) -> list[Verb]:
        """Valid reporting-verb occurrences of ``text`` outside ``quoted``, in text order."""
        verbs = []
        for match in self.pattern.finditer(text):
            if in_sorted_spans(match.start(), quoted):
                continue
            words = match.group().lower().split()
            form = " ".join(words)
            if form not in self.forms:  # "talked more about": without the adverb
                form = " ".join([words[0], *words[2:]])
            lemma, verb_class = self.forms[form]
            if verb_class.copular:
                if not _LINKING_BEFORE.search(text, max(0, match.start() - 60), match.start()):
                    continue  # "a confident mayor": an adjective, not a cue
            elif lemma != "according to" and _not_a_report(
                text, match.start(), match.end(), match.group().lower() == lemma
            ):
                continue
            verbs.append(Verb(match.start(), match.end(), lemma, verb_class))
        return verbs

    def find_capitalised(self, text: str, lower: int, upper: int) -> list[Verb]:
        """Capitalised reporting verbs inside ``[lower, upper)`` (a Title Case headline's "Says"),
        every word of a phrase capitalised ("Calls For"), in text order."""
        verbs = []
        for match in self.title_case.finditer(text, lower, upper):
            words = match.group().split()
            if not all(word[:1].isupper() for word in words):
                continue
            form = " ".join(words).lower()
            if form in self.forms:
                lemma, verb_class = self.forms[form]
                verbs.append(Verb(match.start(), match.end(), lemma, verb_class))
        return verbs


def _capital_allowed(form: str) -> str:
    """A verb form's pattern, capital first letter allowed where it may open a sentence:
    *According to*, an inverted frame's verb (*Said Dahl, ...*)."""
    if form.startswith("according") or form in INVERTED_FRAME_VERBS:
        return f"[{form[0].upper()}{form[0]}]{form[1:]}"
    return form


class NounCues:
    """Noun cues in their two patterns (codebook ``noun_cues``; PARC 3.0's nominal cues, Pareti
    2016): "N that CLAUSE" for clause nouns, "N P NP" for stance nouns with their prepositions."""

    def __init__(self, classes: dict[str, VerbClass]) -> None:
        """One pattern per class: its forms followed by "that" or by one of its prepositions."""
        self.patterns = []
        for noun_class in classes.values():
            forms = {form: lemma for lemma, words in noun_class.verbs.items() for form in words}
            heads = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
            links = ["that"] if noun_class.clause else []
            links += [re.escape(word) for word in noun_class.prepositions]
            if not links:
                continue
            pattern = re.compile(
                rf"(?<![\w'-])(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcan\s)"
                rf"(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bshould\s)"
                rf"({heads})\s+(?:{'|'.join(links)})\s"
            )
            self.patterns.append((pattern, forms, noun_class))

    def find(self, text: str, quoted: list[tuple[int, int]], verbs: list[Verb]) -> list[Verb]:
        """Noun cues of ``text`` outside ``quoted`` and not read as one of ``verbs``, in order; a
        verb whose object is its content takes no preposition, so before one it is the noun
        ("voiced support for", "questions about")."""
        taken = {(verb.start, verb.end) for verb in verbs if not verb.cls.object_content}
        cues = []
        for pattern, forms, noun_class in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span(1)
                if (start, end) in taken or in_sorted_spans(start, quoted):
                    continue
                cues.append(Verb(start, end, forms[match.group(1)], noun_class))
        return sorted(cues, key=lambda cue: (cue.start, cue.end))


#: A linking verb (and degree adverbs) right before a stance adjective ("is confident", "remains
#: deeply concerned about", "she's eager").
_LINKING_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|am|remain|remains|remained|seem|seems|seemed|appear|"
    r"appears|appeared|feel|feels|felt|become|becomes|became|grew)|['’](?:s|re|m))"
    r"\s+(?:(?:not|very|so|too|more|less|most|also|still|already|all|[a-z]{3,}ly)\s+)*$"
)
#: A subordinator right before a participle opens a participial clause (*when asked*, *if elected*;
#: not *once*, mostly an adverb: *who once praised*).
_SUBORDINATOR_BEFORE = re.compile(
    r"\b(?i:when|if|while|unless|until|though|although)\s+(?:[a-z]{3,}ly\s+)?$"
)
#: A quantifier, an adjective of news or a preposition before an -s form makes it a plural noun
#: (*several reports*, *news reports*, *amid fears*, *hours before reports that*).
_PLURAL_NOUN_BEFORE = re.compile(
    r"(?:\b(?i:several|many|some|multiple|recent|new|numerous|news|media|press|earlier|previous|"
    r"other|conflicting|unconfirmed|initial|before|after|amid|despite|following|without|such|no|"
    r"any|all|two|three|four|five)|\d)\s+$"
)
#: Words before an -ing form that keep it a verb: a preposition ("in saying") or a progressive's "be"
#: ("is calling for", "has been asking", "he's saying", not the possessive "Lind's warning");
#: "being" is not among them ("being asked" is passive).
_KEEPS_ING = re.compile(
    r"\b(?:in|by|of|for|on|after|before|without|while|from|is|are|was|were|be|been|am)\s+$"
    r"|\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Ww]ho)['’]s\s+$|['’]re\s+$"
)


def _not_a_report(text: str, start: int, end: int, base_form: bool) -> bool:
    """A verb form used as a noun, adjective or passive: "the said", "a noted author", "was
    announced", "when asked", "of term limits", "Steele's comments", "the interactions described
    by", a base form after an -ing word ("providing support"; not "his thinking said"); an -ing form
    after a preposition or in a progressive stays ("in saying", "is calling for")."""
    before = text[max(0, start - 20) : start]
    form = text[start:end]
    if base_form and _GERUND_BEFORE.search(before):
        return True
    match = _DETERMINER_BEFORE.search(before)
    if match and form.split()[0].endswith("ing") and _KEEPS_ING.search(before):
        return False
    if form.endswith("s") and _PLURAL_NOUN_BEFORE.search(before):
        return True  # "several reports said", "hours before reports that": a plural noun
    if form.endswith("ed") and _SUBORDINATOR_BEFORE.search(before):
        return True  # "when asked whether": a passive participial clause (Quirk et al. 1985, 15.57)
    return match is not None or re.match(r"\s+by\b", text[end : end + 4]) is not None


_DEFAULT: list[ReportingVerbs] = []


def reporting_verbs(verb_classes: dict[str, VerbClass] | None) -> ReportingVerbs:
    """The verbs of ``verb_classes``; the codebook's, read once, when None."""
    if verb_classes is not None:
        return ReportingVerbs(verb_classes)
    if not _DEFAULT:
        _DEFAULT.append(ReportingVerbs(load_verb_classes()))
    return _DEFAULT[0]
