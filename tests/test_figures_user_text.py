"""Every figure draws user text (outlet, actor, speaker, term) as text, never as math text.

Matplotlib reads a string with an unescaped ``$`` as math text: ``$\\alpha$`` would be drawn as α
and ``$\\beta{$`` raises a parse error, so an outlet named like that broke notebook 03 and the corpus
notebook (issue 15). Each figure is drawn and saved with such names; every text artist that holds
one must be plain text (:func:`matplotlib.cbook.is_math_text`, the test matplotlib itself applies)
and show the user's string exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from matplotlib import cbook
from matplotlib.figure import Figure
from matplotlib.text import Text
from test_figures import families_table, fightin_table, readability_table
from test_figures_actors import actors_table, distinctive_table
from test_figures_frames import profile_table as frames_table
from test_figures_profiles import keyness_table
from test_figures_profiles import profile_table as corpus_profile_table
from test_figures_quotes import quotes_table
from test_figures_selection import coverage_table
from test_figures_tone import actor_table, tone_table

from analysis import figures

#: Outlet names: broken math text, valid math text, sub/superscript marks, an escaped dollar.
OUTLETS = [r"$\alpha$-$\beta{$", "$x_1^2$ Post", "_Daily ^ Mail_", r"Cost \$5 $ Times"]
#: Actor, speaker and term names of the same kinds.
NAMES = [r"$\gamma$ Group", "$E=mc^2$", "Ali_Reza^2", r"A \$ $ B"]


def with_names(table: pd.DataFrame, column: str, last: bool = False) -> pd.DataFrame:
    """``table`` with the first (``last``: the last) distinct values of ``column`` renamed to
    :data:`NAMES`."""
    values = [value for value in pd.unique(table[column]) if isinstance(value, str) and value]
    values = values[::-1] if last else values
    return table.replace({column: dict(zip(values, NAMES, strict=False))})


CASES: dict[str, Callable[[], Figure]] = {
    "readability": lambda: figures.plot_readability(readability_table(OUTLETS), outlets=OUTLETS),
    "fightin_words": lambda: figures.plot_fightin_words(
        with_names(fightin_table(OUTLETS, terms=12), "term", last=True), top_n=5, outlets=OUTLETS
    ),
    "label_families": lambda: figures.plot_label_families(families_table(OUTLETS)),
    "actor_mentions": lambda: figures.plot_actor_mentions(
        with_names(actors_table(OUTLETS), "actor"), outlets=OUTLETS
    ),
    "actor_terms": lambda: figures.plot_actor_terms(
        with_names(
            with_names(distinctive_table(), "actor").replace(
                {"outlet": {"Alpha": OUTLETS[0], "Beta": OUTLETS[1]}}
            ),
            "term",
        ),
        outlets=OUTLETS,
    ),
    "quote_shares": lambda: figures.plot_quote_shares(
        with_names(quotes_table(OUTLETS), "speaker"), outlets=OUTLETS
    ),
    "verb_classes": lambda: figures.plot_verb_classes(quotes_table(OUTLETS), outlets=OUTLETS),
    "coverage": lambda: figures.plot_coverage(coverage_table(OUTLETS), outlets=OUTLETS),
    "frame_profile": lambda: figures.plot_frame_profile(frames_table(OUTLETS), outlets=OUTLETS),
    "tone": lambda: figures.plot_tone(tone_table(OUTLETS), outlets=OUTLETS),
    "actor_tone": lambda: figures.plot_actor_tone(
        with_names(actor_table(OUTLETS), "actor"), outlets=OUTLETS
    ),
    "profile": lambda: figures.plot_profile(
        corpus_profile_table(OUTLETS), section="style", outlets=OUTLETS
    ),
    "corpus_keyness": lambda: figures.plot_corpus_keyness(
        with_names(keyness_table(OUTLETS), "term"), top_n=5, outlets=OUTLETS
    ),
}

#: Figures that name no actor, speaker or term of the user's.
WITHOUT_NAMES = {"readability", "label_families", "verb_classes", "coverage", "frame_profile",
                 "tone", "profile"}  # fmt: skip


def shown(text: Text) -> str:
    """What matplotlib draws for a text that is not math text: each ``\\$`` as ``$``."""
    return text.get_text().replace(r"\$", "$")


@pytest.mark.parametrize("name", sorted(CASES))
def test_user_text_is_drawn_as_text(name: str, tmp_path: Path) -> None:
    fig = CASES[name]()
    svg, png = figures.save_figure(fig, tmp_path / name)  # draws every text: math text would raise
    assert svg.stat().st_size > 0 and png.stat().st_size > 0
    texts = [text for text in fig.findobj(Text) if text.get_text()]
    user = [t for t in texts if any(s in shown(t) for s in OUTLETS + NAMES)]
    for text in user:
        assert not cbook.is_math_text(text.get_text()), text.get_text()
    drawn = " | ".join(shown(text) for text in user)
    wanted = OUTLETS[:2] if name == "actor_terms" else OUTLETS  # its table has two outlets
    for value in wanted + ([] if name in WITHOUT_NAMES else NAMES[:1]):
        assert value in drawn, (value, drawn)
