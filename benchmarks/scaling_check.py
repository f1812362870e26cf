"""Scaling check: time the framing-layer functions that were superlinear in article length.

Each size builds one event of two outlets whose articles are hand-written paragraphs (below) repeated
in a varied order, each repeat numbered so the cleaning keeps it, up to 50, 100 and 200 KB per
article. Each function is timed in-process on the same inputs; the growth exponent is the slope of
log(time) against log(size) between the smallest and the largest size (1 = linear, 2 = quadratic). Each time is the
best of ``--repeat`` runs (the machine is shared). ``--memory`` adds each function's peak of
traced allocations (tracemalloc, one more run) per size, in MB.

Every sentence of these articles has hundreds of near-copies in the other article: the worst case
for sentence alignment, whose table is bounded by ``alignment_pairs.MAX_PARTNERS``.

    python benchmarks/scaling_check.py --sizes 50 100 200 --memory
"""

from __future__ import annotations

import argparse
import math
import random
import time
import tracemalloc
from collections.abc import Callable

import pandas as pd

from analysis import config
from analysis.ingest.load import load_event
from analysis.measures.actor_file import find_actor_file
from analysis.measures.actors import actor_mentions, speaker_actors
from analysis.measures.alignment import align_sentences, classify_sentences, lead_table
from analysis.measures.numbers import match_numbers, numbers_table, side_by_side
from analysis.measures.quotes import find_quotes, quotes_table
from analysis.measures.tone import actor_tone, hedge_counts, load_hedge_codebook, sentence_tone
from analysis.measures.voice import quote_intervals
from analysis.tables.clean_layer import sentences_table
from analysis.tables.framing import aligned_pairs
from analysis.text.cleaning import clean_decoded
from analysis.text.cleaning_rules import load_rules

PARAGRAPHS = [
    "The minister said on Tuesday that 12 people had been killed and 40 injured in the blast.",
    '"We will not rest until those responsible are found," said President Maria Lopez.',
    "Police spokesman John Smith told reporters that about 300 officers were deployed.",
    "According to officials, the death toll may rise to 45, although it is not yet clear.",
    "“This is a dark day for our country,” Lopez added, “and we will stand together.”",
    "Opposition leader Ahmed Khan and his deputy Sara Khan criticised the government response.",
    "Some analysts suggest the attack could have been prevented, perhaps with 2 more checkpoints.",
    'The prime minister, who arrived at 3 p.m., said: "The country mourns with the families."',
    "Witnesses said they heard two explosions around 8:45 a.m. near the church of St. Anthony.",
    "Khan said the budget of 1.5 billion rupees for security had apparently been cut by 20 percent.",
]


def article_text(kilobytes: int, seed: int) -> str:
    """Hand-written paragraphs in a seeded random order, numbered, up to ``kilobytes`` KB."""
    chooser, parts, size, index = random.Random(seed), [], 0, 0
    while size < kilobytes * 1000:
        parts.append(f"In update {index}, {chooser.choice(PARAGRAPHS)}")
        size += len(parts[-1]) + 2
        index += 1
    return "\n\n".join(parts) + "\n"


def event(kilobytes: int) -> list:
    """The seed event's two articles with their texts replaced by generated ones."""
    rules = load_rules(config.CLEANING_RULES)
    seed = load_event(config.DEFAULT_EVENT)
    return [clean_decoded(d.article, article_text(kilobytes, n), rules) for n, d in enumerate(seed)]


def timings(cleaned: list, repeat: int, memory: bool) -> dict[str, float]:
    """Seconds each function takes on ``cleaned`` (the best of ``repeat`` runs); with ``memory``
    also ``<name> MB``: its peak of traced allocations."""
    sentences = sentences_table(cleaned)
    mentions = actor_mentions(cleaned, find_actor_file(cleaned))
    quotes = quotes_table(cleaned)
    numbers = match_numbers(numbers_table(cleaned))
    markers = load_hedge_codebook()
    alignment = align_sentences(sentences)
    status = classify_sentences(sentences, alignment)
    tone = sentence_tone(sentences, cleaned)
    steps: dict[str, Callable[[], object]] = {
        "voice.quote_intervals": lambda: quote_intervals(sentences, cleaned),
        "numbers.side_by_side": lambda: side_by_side(numbers),
        "quotes.find_quotes": lambda: [find_quotes(d) for d in cleaned],
        "tone.hedge_counts": lambda: hedge_counts(sentences, markers, cleaned),
        "speakers.speaker_actors": lambda: speaker_actors(quotes, mentions),
        "alignment.align_sentences": lambda: align_sentences(sentences),
        "framing.aligned_pairs": lambda: aligned_pairs(alignment, sentences),
        "alignment.lead_table": lambda: lead_table(sentences, status, alignment),
        "tone.actor_tone": lambda: actor_tone(tone, mentions),
    }
    out = {}
    for name, step in steps.items():
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            step()
            runs.append(time.perf_counter() - started)
        out[name] = min(runs)  # the least disturbed run on a shared machine
        if memory:
            tracemalloc.start()
            step()
            out[f"{name} MB"] = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
    return out


def main() -> None:
    """Print the table of times and exponents."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="also each function's peak (MB)")
    options = parser.parse_args()
    sizes = options.sizes
    rows = {size: timings(event(size), options.repeat, options.memory) for size in sizes}
    table = pd.DataFrame(rows)
    table.columns = [f"{size} KB" for size in sizes]
    ratio = table.iloc[:, -1] / table.iloc[:, 0]
    table["exponent"] = [math.log(r) / math.log(sizes[-1] / sizes[0]) for r in ratio]
    print(table.round(3).to_string())


if __name__ == "__main__":
    main()
