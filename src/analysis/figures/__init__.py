"""Figures comparing how outlets cover one event, one job per module.

* :mod:`~analysis.figures.style` - Okabe-Ito outlet colours, rc style, :func:`save_figure`,
  notebook display and the table checks shared by all plots;
* :mod:`~analysis.figures.bars` - outlet bars, grouped bars and value labels shared by the plots;
* :mod:`~analysis.figures.readability` - readability measures per outlet;
* :mod:`~analysis.figures.keyness` - distinctive words (Monroe et al. 2008) with label placement;
* :mod:`~analysis.figures.labels` - label families in narration and in quotes;
* :mod:`~analysis.figures.quotes` - whose words are quoted, and with which reporting verbs;
* :mod:`~analysis.figures.selection` - sentences shared with the other outlets or unique;
* :mod:`~analysis.figures.frames` - share of sentences per frame;
* :mod:`~analysis.figures.tone` - VADER tone by voice and by actor;
* :mod:`~analysis.figures.actors` - actor mentions, inside and outside quotes;
* :mod:`~analysis.figures.actor_terms` - each outlet's characteristic terms for the top actors;
* :mod:`~analysis.figures.profiles` - corpus outlet profiles and distinctive words, each with
  a 95 % interval from a bootstrap over events.

Every plot function takes a tidy table, checks its columns (``ValueError`` naming the missing
ones), and returns a pyplot-free :class:`matplotlib.figure.Figure` with a fixed layout. Pass
``outlets=`` (all outlets of the event) so each outlet keeps its colour across figures.
"""

from __future__ import annotations

from analysis.figures.actor_terms import plot_actor_terms
from analysis.figures.actors import plot_actor_mentions
from analysis.figures.frames import plot_frame_profile
from analysis.figures.keyness import SIGNIFICANCE_Z, plot_fightin_words
from analysis.figures.labels import plot_label_families
from analysis.figures.profiles import PROFILE_TITLES, plot_corpus_keyness, plot_profile
from analysis.figures.quotes import plot_quote_shares, plot_verb_classes
from analysis.figures.readability import MEASURE_TITLES, plot_readability
from analysis.figures.selection import plot_coverage
from analysis.figures.style import (
    CYCLE_HATCHES,
    CYCLE_MARKERS,
    FIGURE_STYLE,
    OKABE_ITO,
    OUTLET_PALETTE,
    QUOTED_HATCH,
    VOICES,
    OutletStyle,
    figure_style,
    outlet_colours,
    outlet_styles,
    save_figure,
)
from analysis.figures.tone import plot_actor_tone, plot_tone

__all__ = [
    "CYCLE_HATCHES",
    "CYCLE_MARKERS",
    "FIGURE_STYLE",
    "MEASURE_TITLES",
    "OKABE_ITO",
    "OUTLET_PALETTE",
    "PROFILE_TITLES",
    "QUOTED_HATCH",
    "SIGNIFICANCE_Z",
    "VOICES",
    "OutletStyle",
    "figure_style",
    "outlet_colours",
    "outlet_styles",
    "plot_actor_mentions",
    "plot_actor_terms",
    "plot_actor_tone",
    "plot_corpus_keyness",
    "plot_coverage",
    "plot_fightin_words",
    "plot_frame_profile",
    "plot_label_families",
    "plot_profile",
    "plot_quote_shares",
    "plot_readability",
    "plot_tone",
    "plot_verb_classes",
    "save_figure",
]
