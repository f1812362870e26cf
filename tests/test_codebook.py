"""analysis.measures.codebook and .prefilter: one loader, one matcher, equal to plain ``finditer``."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.ingest.load import load_event_checked
from analysis.ingest.manifest import event_ids
from analysis.measures.codebook import NOT_IN_WORD, WORD_BOUNDARY, load_families, scan
from analysis.measures.frames import load_frame_codebook
from analysis.measures.labels import load_codebook
from analysis.measures.prefilter import Prefilter, pattern_keys, trie_pattern
from analysis.measures.tone import load_hedge_codebook
from analysis.tables.clean_layer import sentences_table
from analysis.text.document import Document
from analysis.text.segment import split_sentences

BASIL_EVENTS = 4


@functools.cache
def _all_patterns() -> tuple[re.Pattern[str], ...]:
    patterns = [family.pattern for family in load_codebook()]
    patterns += [family.pattern for family in load_hedge_codebook()]
    return (*patterns, *(cue.pattern for cue in load_frame_codebook().cues))


@functools.cache
def _all_prefilter() -> Prefilter:
    return Prefilter(_all_patterns())


def _all_sentences(cleaned: list[Document]) -> list[str]:
    return list(sentences_table(cleaned)["text"]) if cleaned else []


def _basil_blocks(basil: Path) -> list[str]:
    """Every block of the first BASIL events (their sentences are checked as windows)."""
    texts = []
    for event in event_ids(basil)[:BASIL_EVENTS]:
        cleaned = load_event_checked(event, basil)[0]
        texts += [block.text for item in cleaned for block in item.blocks]
    return texts


def _non_overlapping(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int, int]]:
    """The reference: every pattern's finditer, leftmost first, earlier pattern, longest."""
    found = sorted(
        (match.start(), order, match.start() - match.end(), match.end())
        for order, pattern in enumerate(patterns)
        for match in pattern.finditer(text)
        if match.end() > match.start()
    )
    kept, reach = [], -1
    for start, order, _, end in found:
        if start >= reach:
            kept.append((order, start, end))
            reach = end
    return kept


def _assert_scan_exact(texts: list[str], windows: bool = True) -> None:
    """Scan.finditer equals finditer; non_overlapping equals the reference; windows equal scans."""
    patterns = _all_patterns()
    assert sum(_all_prefilter().keyed) > len(patterns) // 2
    frames = load_frame_codebook().frames
    for text in texts:
        found = scan(text, patterns)
        for index, pattern in enumerate(patterns):
            want = [(m.start(), m.end()) for m in pattern.finditer(text)]
            assert [(m.start(), m.end()) for m in found.finditer(pattern)] == want, text
            if not found.mask & 1 << index:
                assert not want, (pattern.pattern[:60], text)
        for frame in frames:
            cues = [cue.pattern for cue in frame.cues]
            assert found.non_overlapping(cues) == _non_overlapping(text, cues), text
        for span in split_sentences(text) if windows else []:
            window = found.window(span.start, span.end)
            assert window.text == span.text
            for pattern in patterns:
                got = [(m.start(), m.end()) for m in window.finditer(pattern)]
                assert got == [(m.start(), m.end()) for m in pattern.finditer(span.text)]


_SEPARATORS = (" ", "  ", ", ", ". ", "! ", "? ", "\n", " - ", "'", '"', "...", "!?")
_CUE_WORDS = (
    "government", "Government", "GOVERNMENT", "ministry", "the", "army", "armed", "men", "group",
    "may", "might", "maybe", "could", "must", "attack", "attacked", "terror", "counter-terrorism",
    "anti-terror", "blame", "blamed", "on", "her", "his", "old", "young", "a", "an", "year-old",
    "25-year-old", "$", "€5", "£", "10", "million", "billion", "economic", "sanction", "duty",
    "to", "God", "moral", "KILLED", "militants", "Kelvin", "\u212a", "ſ", "İ", "ı", "é", "—",
)  # fmt: skip


@settings(derandomize=True, max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS + _SEPARATORS), max_size=20).map("".join))
def test_scanner_equals_finditer_generated(text: str) -> None:
    _assert_scan_exact([text])


@pytest.mark.corpus
def test_scanner_equals_finditer_corpus(seed_event, basil) -> None:
    """Keyed patterns matched at their hits give finditer's matches; a clear bit means no match."""
    _assert_scan_exact(_all_sentences(list(seed_event.values())), windows=False)
    _assert_scan_exact(_basil_blocks(basil))


@pytest.mark.corpus
def test_word_start_prefilter_is_safe(seed_event, basil) -> None:
    """Every match of a keyed pattern starts with one of its prefixes or a character of its classes."""
    keyed = [(pattern, pattern_keys(pattern)) for pattern in _all_patterns()]
    assert sum(keys is not None for _, keys in keyed) > len(keyed) // 2
    texts = _all_sentences(list(seed_event.values())) + _basil_blocks(basil)
    texts += ["Terrorists, ARMED MEN and militants may attack.", "Naïve militants", "about 5"]
    checked = 0
    for text in texts:
        for pattern, keys in keyed:
            if keys is None:
                continue
            literals, classes, _ = keys
            for match in pattern.finditer(text):
                found = match.group().lower()
                assert any(found.startswith(prefix) for prefix in literals) or any(
                    re.match(source, match.group(), re.IGNORECASE) for source in classes
                ), (pattern.pattern[:60], match.group())
                checked += 1
    assert checked > 0


def test_word_start_prefixes_and_trie() -> None:
    optional = re.compile(r"\b(?:(?:counter-?|anti-?)?terror(?:ism)?)\b", re.IGNORECASE)
    heads = ("counter-", "counter", "anti-", "anti", "")
    want = {h + t for h in heads for t in ("terror", "terrorism")}
    assert pattern_keys(optional) == (want, frozenset(), True)
    assert pattern_keys(re.compile(r"(?<!\w)\d+ people")) == (frozenset(), {r"\d"}, False)
    assert pattern_keys(re.compile(r"(?<!\w)(?:[$€] ?\d|(?-i:UN)|[Ww]ar)")) == (
        {"un", "war"},
        {"[$€]"},
        False,
    )
    for unkeyed in (r"\bfoo|bar", r"(?i)\bfoo", r"\b.oo", r"\b\x66oo", r"foo", r"\b(?P<x>a)(?P=x)"):
        assert pattern_keys(re.compile(unkeyed)) is None, unkeyed
    assert pattern_keys(re.compile(r"\bfoo", re.ASCII)) is None
    trie = re.compile(trie_pattern(sorted(["a", "ab", "abc", "b"])))
    assert [trie.match(text).group() for text in ("abx", "abcd", "ax", "b")] == [
        "ab", "abc", "a", "b"
    ]  # fmt: skip


def test_unkeyed_patterns_run_in_full() -> None:
    pattern = re.compile(r"\b(?:.ar)\b", re.IGNORECASE)  # "." has no literal prefix
    found = scan("The war, a car.", [pattern])
    assert [m.group() for m in found.finditer(pattern)] == ["war", "car"]
    other = re.compile(r"\bcar\b")  # not scanned for: run in full
    assert [m.start() for m in found.finditer(other)] == [11]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("families: [", "cannot read my codebook"),
        ("other: {}\n", "expected a top-level 'families' mapping"),
        ("families:\n  f: 3\n", "family 'f': expected a mapping"),
        ("families:\n  f:\n    patterns: []\n", "family 'f' has no patterns"),
        ("families:\n  f:\n    patterns: 'x'\n", "must be string lists"),
        ("families:\n  f:\n    patterns: ['(oops']\n", "family 'f': bad pattern"),
    ],
)
def test_family_errors_name_the_file_and_entry(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_families(path, "my codebook")
    assert str(path) in str(error.value) and problem in str(error.value)


def test_family_edges(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text("families:\n  f:\n    patterns: ['a\\.', 'b']\n", encoding="utf-8")
    (boundary,) = load_families(path, "codebook", WORD_BOUNDARY)
    (not_in_word,) = load_families(path, "codebook", NOT_IN_WORD)
    assert boundary.pattern.pattern == r"\b(?:(?:a\.)|(?:b))\b"
    assert not_in_word.pattern.pattern == r"(?<!\w)(?:(?:a\.)|(?:b))(?!\w)"
    assert [m.group() for m in boundary.pattern.finditer("a. b a.b")] == ["b", "a.", "b"]
    assert [m.group() for m in not_in_word.pattern.finditer("a. b a.b")] == ["a.", "b", "b"]


def test_bits_of_a_tuple_equal_the_bits_of_its_patterns() -> None:
    patterns = [re.compile(r"\bterror\w*"), re.compile(r"\bmilitant"), re.compile(r"\d+")]
    prefilter = Prefilter(patterns)
    held = (patterns[2], patterns[0])
    assert prefilter.bits(held) == prefilter.bits([patterns[2], patterns[0]]) == 0b101
    assert prefilter.bits(held) == 0b101  # looked up by the tuple itself the second time
    assert prefilter.bits((patterns[1],)) == 0b010
    assert prefilter.bits((re.compile("absent"),)) == prefilter.everything
