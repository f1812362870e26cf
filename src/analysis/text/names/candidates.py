"""Proper-name candidates in clean news text: runs of capitalised tokens, with particles,
connectors, titles split off and sentence-initial common words dropped (see :mod:`analysis.text.names`,
step 1)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import pairwise

from analysis.text.lexicon import (
    COMMON_WORDS,
    FIRST_NAMES,
    GENERATIONAL_SUFFIXES,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NAME_ORG_WORDS,
    NAME_PARTICLES,
    NO_BREAK_ABBREVIATIONS,
    PREPOSITIONS,
    TITLE_OBJECTS,
    TITLE_WORDS,
    WEEKDAYS,
    wordset,
)

PARTICLE_HYPHEN = re.compile(
    r"^(?:al|el|ul|an|ad|ar|as|ash|at|az|ud|bin|ibn|abu|abd)-(?=[^\W\d_a-z])"
)
ACRONYM_SKIP = wordset("of the and for in on at to a an &") | NAME_PARTICLES
# Tokens: dotted acronyms (U.S.), abbreviations with their period (Mr., Gen.), initials before a
# capital (George W. Bush), and words with internal hyphens or apostrophes.
_ABBREVIATIONS = "|".join(sorted(NO_BREAK_ABBREVIATIONS, key=len, reverse=True))
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    rf"|\b(?:{_ABBREVIATIONS})\.(?=\s)"
    r"|\b[^\W\d_a-z]\.(?=\s+[^\W\d_a-z])"
    r"|[^\W\d_][\w]*(?:[-'][^\W_]+)*"
)
POSSESSIVE = re.compile(r"'s$")
_CONTRACTION = re.compile(r"'(?:m|d|ll|ve|re|s|t)$", re.IGNORECASE)
# A hyphenated compound with a lower-case adjectival tail is an adjective, not a name token:
# Democratic-controlled, Colorado-grown (but Ki-moon stays: its tail is no such word).
_ADJECTIVE_TAIL = re.compile(
    r"-(?:[a-z]+(?:ed|ing)|led|based|backed|born|grown|style|like|era|made|owned|run|wide|"
    r"friendly|bound|free|only|specific|type)$"
)
_RUN_GAP = re.compile(r"^[ \t]+$")
_OPENERS = "\"'(["
_PARTY = re.compile(r"[RDI]-[^\W\d_a-z]")  # a party designation: R-Texas, D-N.Y.
_NUMBER_AFTER = re.compile(r"\.?\s*\d")


@dataclass(frozen=True)
class NameSpan:
    """A proper-name candidate: ``name`` at ``start:end``, and its title (if any) before it."""

    start: int
    end: int
    name: str
    title: str = ""
    title_start: int = -1
    initial: bool = False  # the name opens a sentence (no title before it)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    possessive: bool  # the token carried a possessive 's (stripped from text/end)


def fold(word: str) -> str:
    """A token case-folded without a trailing period, for look-ups in the word lists."""
    return word.rstrip(".").casefold()


def is_title(word: str) -> bool:
    """Whether every hyphen part of ``word`` is a title word (:data:`TITLE_WORDS`)."""
    parts = [part for part in re.split(r"-", fold(word)) if part]
    return bool(parts) and all(part in TITLE_WORDS for part in parts)


def _is_capitalised(word: str) -> bool:
    if _ADJECTIVE_TAIL.search(word) or _PARTY.match(word):
        return False
    return word[:1].isupper() or bool(PARTICLE_HYPHEN.match(word))


def _is_date(text: str, token: _Token) -> bool:
    """A month or weekday; an abbreviated month only with its period or before a number ("Jan. 5",
    "Jan 5": a date; "Gov. Jan Brewer": a name)."""
    folded = fold(token.text)
    if folded in MONTH_NAMES or folded in WEEKDAYS:
        return True
    return folded in MONTH_ABBREVIATIONS and (
        token.text.endswith(".") or _NUMBER_AFTER.match(text, token.end) is not None
    )


def _continues_with_month(text: str, run: list[_Token], token: _Token) -> bool:
    """A capitalised month name after a one-word name (titles before it not counted), not before a
    number: "Theresa May", "Prime Minister Theresa May"."""
    return (
        sum(1 for word in run if not is_title(word.text)) == 1
        and not is_title(run[-1].text)
        and token.text[:1].isupper()
        and fold(token.text) in MONTH_NAMES
        and _NUMBER_AFTER.match(text, token.end) is None
    )


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        word, end = match.group(), match.end()
        possessive = bool(POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            word, end = word[:-2], end - 2
        found.append(_Token(match.start(), end, word, possessive))
    return found


def _sentence_initial(text: str, start: int) -> bool:
    """At the start of the text, after . ! ? : or ; (a headline's second clause: *Turmoil at the
    network; Findings show ...*), after a dateline's dash, or just inside an opening quotation
    mark."""
    end = _skip_back(text, start, str.isspace)
    if end and text[end - 1] == '"' and (end == 1 or not text[end - 2].isalnum()):
        return True  # a quotation opens a sentence: asked, "Is this ..."
    end = _skip_back(text, _skip_back(text, end, _OPENERS.__contains__), str.isspace)
    tail = text[max(end - 2, 0) : end]
    if tail[-1:] in ("\u2014", "\u2013", "-") and _DATELINE.search(text, max(0, end - 80), end):
        return True  # "WASHINGTON — E-mails released ...": the story's first sentence
    return not tail or tail[-1] in ".!?:;\n" or tail in ('."', ".'", '?"', '!"')


#: A dateline before its dash: a line opening with a capitalised place (and an agency's credit).
_DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z.,' ]+(?:\s\([A-Za-z.]+\))?\s*[\u2014\u2013-]$")


def _skip_back(text: str, end: int, skipped: Callable[[str], bool]) -> int:
    """The offset before which ``text[:end]`` ends once the characters ``skipped`` accepts are
    removed from its end (no copy of the text: a look-up stays local in a huge paragraph)."""
    while end > 0 and skipped(text[end - 1]):
        end -= 1
    return end


def _lowercase_elsewhere(word: str, lower_words: Collection[str]) -> bool:
    folded = word.casefold()
    forms = {folded, folded + "s", folded.removesuffix("s"), folded.removesuffix("es")}
    return bool(forms & lower_words)


def _is_common_opener(word: str, lower_words: Collection[str]) -> bool:
    folded = fold(word)
    return (
        folded in COMMON_WORDS
        or (folded.endswith("ly") and len(folded) > 4)
        or _lowercase_elsewhere(word, lower_words)
    )


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal runs of name tokens, joined by particles and by 'of (the)' after an organisation."""
    runs: list[list[_Token]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _is_capitalised(token.text) or _is_date(text, token):
            index += 1
            continue
        run = [token]
        index += 1
        while index < len(tokens) and not run[-1].possessive:
            previous, current = run[-1], tokens[index]
            if not _RUN_GAP.match(text[previous.end : current.start]):
                break
            if (
                _is_capitalised(current.text) and not _is_date(text, current)
            ) or _continues_with_month(text, run, current):
                run.append(current)
                index += 1
                continue
            joined = _connector(text, tokens, index, run)
            if joined is None:
                break
            run.extend(joined)
            index += len(joined)
        runs.append(run)
    return runs


def _connector(
    text: str, tokens: list[_Token], index: int, run: list[_Token]
) -> list[_Token] | None:
    """Lower-case connector tokens at ``index`` followed by a capitalised token, else None.

    Particles always connect; "of"/"for" (+ "the") connect after an organisation word or a title
    (Secretary of State), or when the capitalised run after them ends in an organisation word
    (Defense of Marriage Act) and the run so far is one word that does not open the sentence
    ("Envoys of the Islamic Republic" and "Trey Gowdy of the Oversight Committee" are two names).
    """
    previous = run[-1]
    word = tokens[index].text
    if word in NAME_PARTICLES:
        width = 1
    elif word in ("of", "for"):
        width = 2 if index + 1 < len(tokens) and tokens[index + 1].text == "the" else 1
        if not (
            fold(previous.text) in NAME_ORG_WORDS
            or (word == "of" and is_title(previous.text))
            or (
                _org_follows(text, tokens, index + width)
                and len(run) == 1
                and not _sentence_initial(text, run[0].start)
            )
        ):
            return None
    else:
        return None
    following = index + width
    if following >= len(tokens):
        return None
    joined = tokens[index : following + 1]
    for left, right in pairwise(joined):
        if not _RUN_GAP.match(text[left.end : right.start]):
            return None
    nxt = tokens[following].text
    if not _is_capitalised(nxt) or _is_date(text, tokens[following]):
        return None
    if word == "of" and is_title(previous.text) and fold(nxt) not in TITLE_OBJECTS:
        return None
    return joined


def _org_follows(text: str, tokens: list[_Token], index: int) -> bool:
    """The capitalised run starting at ``index`` ends in an organisation word (Defense of Marriage
    *Act*, Centers for Disease *Control*... only the former: the last word must be in NAME_ORG_WORDS)."""
    last = None
    while index < len(tokens) and _is_capitalised(tokens[index].text):
        if last is not None and not _RUN_GAP.match(text[last.end : tokens[index].start]):
            break
        last = tokens[index]
        index += 1
        if last.possessive:
            break
    return last is not None and fold(last.text) in NAME_ORG_WORDS


def _split_title(run: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """(title tokens, name tokens): a leading title with up to three modifiers before it.

    "Iranian President Hassan Rohani" -> (Iranian President, Hassan Rohani). The title is split off
    only when a name follows it and the rest has no organisation word ("Justice Army" stays whole).
    A run of title words only ("President") yields no name.
    """
    words = [token.text for token in run]
    if all(is_title(word) or word in NAME_PARTICLES or word in ("of", "the") for word in words):
        return run, []
    for first_title in range(min(4, len(run))):
        if not is_title(words[first_title]):
            continue
        end = first_title
        while end < len(run) and is_title(words[end]):
            end += 1
        while end < len(run) and words[end] in ("of", "the"):  # Secretary of State
            end += 1
            while end < len(run) and fold(words[end]) in TITLE_OBJECTS:
                end += 1
        rest = words[end:]
        if not rest:
            return run, []  # "Pakistani Prime Minister": a title without a name
        if all(fold(word) in GENERATIONAL_SUFFIXES for word in rest):
            return [], run  # "Martin Luther King Jr.": the title word is part of the name
            return run, []  # "Pakistani Prime Minister": a title without a name
        head = rest[: rest.index("of")] if "of" in rest else rest  # not "... of Maricopa County"
        if any(fold(word) in NAME_ORG_WORDS for word in head) or rest[0] in NAME_PARTICLES:
            return [], run  # "Justice Army", "UN General Assembly": the title word is part of it
        return run[:end], run[end:]
    return [], run


#: A capitalised -ing or -ed form (*Recognizing*, *Dashing*, *Asked*).
_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)")
#: What opens a participle's object or adjunct: a preposition (not "of": *Manning of Texas*), a
#: determiner or a pronoun; not a verb (*Manning said*) nor a capitalised word (*Irving Berlin*).
_AFTER_PARTICIPLE = (PREPOSITIONS - {"of"}) | frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "it",
        "them",
        "him",
        "us",
        "me",
    ]
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _not_a_name_opener(text: str, token: _Token, lower_words: Collection[str]) -> bool:
    """An article, or a sentence-initial word that is common (:func:`_is_common_opener`) or a label
    before a colon ("Updated: ..."); a title opening the sentence stays ("Prime Minister Khan")."""
    if fold(token.text) in ("the", "a", "an"):
        return True
    if not _sentence_initial(text, token.start) or is_title(token.text):
        return False
    return (
        _is_common_opener(token.text, lower_words)
        or text[token.end : token.end + 1] == ":"
        or _participle_opener(text, token)
    )


def _participle_opener(text: str, token: _Token) -> bool:
    """A sentence-opening -ing or -ed form before its object or adjunct (*Recognizing this*,
    *Dashing into*, *Asked about*; Quirk et al. 1985, 15.58): a participle clause, no name
    (*Manning said* stays)."""
    following = _NEXT_WORD.match(text, token.end)
    return (
        _PARTICIPLE.fullmatch(token.text) is not None
        and token.text not in FIRST_NAMES
        and following is not None
        and following.group(1) in _AFTER_PARTICIPLE
    )


def _given_name_opener(run: list[_Token]) -> bool:
    """A known given name before another name word ("Will Ferrell", "Mark Kelly" opening a
    sentence): kept although the word is also common."""
    return len(run) > 1 and run[0].text in FIRST_NAMES and _is_capitalised(run[1].text)


def _trim(text: str, run: list[_Token], lower_words: Collection[str]) -> list[_Token]:
    """A run without the openers :func:`_not_a_name_opener` drops, without a month left in front
    ("Last June": no name) and without lower-case ends."""
    while (
        run
        and (_not_a_name_opener(text, run[0], lower_words) or _is_date(text, run[0]))
        and not _given_name_opener(run)
    ):
        run = run[1:]
        while run and not _is_capitalised(run[0].text):  # "of the" left by "Leaders of the"
            run = run[1:]
    while run and not _is_capitalised(run[-1].text):
        run = run[:-1]
    return run


def name_candidates(
    text: str,
    offset: int = 0,
    *,
    bare_titles: bool = False,
    lower_words: Collection[str] | None = None,
) -> list[NameSpan]:
    """Proper-name mentions of ``text`` with their titles; offsets are positions plus ``offset``.

    The one name finder of the project: actors count these names, speakers parse these runs (title
    included) into names, roles and places. ``bare_titles``: also give the runs that are a title
    without a name ("Pakistani Prime Minister"), as a span with an empty ``name`` at the title's end
    (speakers read them as descriptions). ``lower_words``: the case-folded words known to occur in
    lower case, which make a sentence-initial word common (default: those of ``text``; speakers
    pass the whole article's).
    """
    tokens = _tokens(text)
    if lower_words is None:
        lower_words = {token.text.casefold() for token in tokens if token.text[:1].islower()}
    spans = []
    for run in _runs(text, tokens):
        run = _trim(text, run, lower_words)
        if not run:
            continue
        title, name = _split_title(run)
        if len(name) == 1:
            word = name[0].text
            if len(word.rstrip(".")) < 2 or fold(_CONTRACTION.sub("", word)) in COMMON_WORDS:
                continue  # "I", "I'm", a lone initial, a lone "No."
        if not name and not (bare_titles and title):
            continue
        start, end = (name[0].start, name[-1].end) if name else (title[-1].end, title[-1].end)
        spans.append(
            NameSpan(
                start + offset,
                end + offset,
                text[start:end],
                text[title[0].start : title[-1].end] if title else "",
                title[0].start + offset if title else -1,
                not title and _sentence_initial(text, start),
            )
        )
    return spans


def is_title_case(text: str) -> bool:
    """A headline written in title case: at least four words of four or more letters, none of them
    in lower case ("Mike Pompeo Secretly Met With North Korean Leader Kim Jong Un"). Its capitals
    are no evidence of names."""
    words = [word for word in re.findall(r"[^\W\d_][\w'-]*", text) if len(word) >= 4]
    return len(words) >= 4 and not any(word[:1].islower() for word in words)


def proper_name_spans(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Capitalised multi-word name candidates as ``(start, end, name)``, titles excluded.

    ``text[start - offset:end - offset] == name``. See :func:`name_candidates` for the titles.
    """
    return [(span.start, span.end, span.name) for span in name_candidates(text, offset)]
