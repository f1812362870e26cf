"""General English background frequencies, shared by the keyness prior and the sentence alignment.

Source: the ``large`` English list of the ``wordfreq`` package (Speer 2022, "rspeer/wordfreq: v3.0",
Zenodo; version pinned in ``pyproject.toml``, data shipped in the wheel, nothing downloaded). It merges
Wikipedia, subtitles, news, books, web text and social media, so its frequencies describe English in
general, not one event. A word the list lacks (a rare name, a number form, a typo) gets the list's
cut-off frequency :data:`BACKGROUND_FLOOR` rather than zero.

Information content of a word (Shannon 1948; Resnik 1995 uses it as a term weight): ``−ln p(w)``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from importlib.metadata import version

from wordfreq import word_frequency

__all__ = [
    "BACKGROUND_FLOOR",
    "BACKGROUND_WORDLIST",
    "background_frequencies",
    "background_frequency",
    "background_name",
    "information_content",
]

BACKGROUND_WORDLIST = "large"
"""wordfreq's English list with the most words (frequencies down to 10⁻⁸)."""
BACKGROUND_FLOOR = 1e-8
"""Background frequency of a word the list lacks: its cut-off (Zipf 1)."""


@functools.lru_cache(maxsize=65536)
def background_frequency(word: str) -> float:
    """The word's frequency in the English background, at least :data:`BACKGROUND_FLOOR`."""
    return max(word_frequency(word, "en", wordlist=BACKGROUND_WORDLIST), BACKGROUND_FLOOR)


def background_frequencies(terms: Iterable[str]) -> dict[str, float]:
    """:func:`background_frequency` of each distinct term, sorted by term."""
    return {term: background_frequency(term) for term in sorted(set(terms))}


def information_content(word: str) -> float:
    """``−ln p(word)`` in the background: about 3 for "the", 18.4 for a word the list lacks."""
    return -math.log(background_frequency(word))


def background_name() -> str:
    """The background as cited in tables: package, version and list."""
    return f"wordfreq {version('wordfreq')} '{BACKGROUND_WORDLIST}' English list"
