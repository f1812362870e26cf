"""Hostile-input benchmark (issue 15): nested, unbalanced quotation marks and huge actor files.

``quotes``: the seed event with its VOA article replaced by ``--paragraphs`` paragraphs of nested and
unbalanced quotation marks (hand-written fragments below, in a seeded order, each paragraph numbered
so the cleaning keeps it; 3,000 paragraphs are about 330 KB); times cleaning, the quotation layer,
quote extraction with speakers, actor mentions, hedges and tone by voice: the steps that read
quotation marks. (Sentence alignment, the slowest step of notebook 02 on such repetitive text, is
measured by ``benchmarks/size_bench.py`` and ``scaling_check.py``.)

``sentence``: the same, with the VOA article replaced by one paragraph of ``--sizes`` clauses and
no sentence end (hand-written clauses below, joined by commas and "and"; 1,000 clauses are about
55 KB): a text the sentence splitter cannot cut, so every step that scans to a sentence's end meets
one huge sentence.

``aliases``: the seed event with an ``actors.yaml`` of ``--aliases`` surface forms (made-up person
names, five forms per actor: full name, initial + surname, surname, middle initial, title); times
:func:`analysis.measures.actors.actor_mentions` (reading the file, grouping the aliases with the
candidates of the text, finding the mentions).

Each size runs in a child process, which reports its time and peak resident memory (``ru_maxrss``).
The growth exponent is the slope of log(time) over log(size) from the first to the last size
(1 = linear, 2 = quadratic).

    python benchmarks/hostile_input_bench.py quotes --sizes 750 1500 3000
    python benchmarks/hostile_input_bench.py sentence --sizes 250 500 1000
    python benchmarks/hostile_input_bench.py aliases --sizes 1000 10000 100000

Texts and files are made at run time in a temporary folder; nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import config

#: Paragraph fragments with nested, unbalanced and mixed quotation marks (written for this benchmark).
QUOTE_FRAGMENTS = [
    '"He said \'they "never" came back, and left.',
    "\u201cThe outer quote \u2018holds an inner \u201cdeeper one\u2019 that never closes.",
    "'A single mark opens here and the minister said nothing more.",
    'The spokesman said: "We will \u201cwin\u201d and \u2018they\u2019 will lose',
    '" a stray mark starts the line, said officials, "and another one',
    "\u00abGuillemets \u201cmixed with\u201d curly\u00bb marks, she added \u201cin a hurry.",
    "Nobody's quote ends here' said the \"police chief\" of the city.",
    "\u201cOne\u201d \u201ctwo\u201d \u201cthree\u201d \u2018four \u201cfive\u2019 six\u201d seven.",
]
#: Clauses of a sentence that never ends (written for this benchmark).
CLAUSES = [
    "the minister said the border would stay open",
    'officials warned that "the talks" could fail',
    "Anna Berg, who runs the harbour, told reporters the ferry was late",
    "critics called the plan a costly mistake",
    "the report found that prices rose",
    "he insisted, again, that nothing had changed",
]
GIVEN = ["Amir", "Bella", "Carlos", "Dana", "Emre", "Farah", "Goran", "Hana", "Ivo", "Jun"]
SYLLABLES = ["ka", "lo", "mi", "ren", "sta", "vo", "zu", "bar", "del", "nix", "por", "tum",
             "qui", "fel", "gor", "hal", "jas", "wen", "yor", "xan"]  # fmt: skip


def quotes_text(paragraphs: int) -> str:
    """``paragraphs`` numbered paragraphs of one or two fragments each, in a seeded order."""
    chooser = random.Random(15)
    parts = [
        f"In part {index}, " + " ".join(chooser.choices(QUOTE_FRAGMENTS, k=chooser.choice((1, 2))))
        for index in range(paragraphs)
    ]
    return "\n\n".join(parts) + "\n"


def sentence_text(clauses: int) -> str:
    """One paragraph of ``clauses`` numbered clauses and no sentence end, in a seeded order."""
    chooser = random.Random(15)
    parts = [f"in part {index} {chooser.choice(CLAUSES)}" for index in range(clauses)]
    return "It began when " + ", and ".join(parts) + "\n"


def actor_file_text(aliases: int) -> str:
    """An actor file with ``aliases`` surface forms: made-up people, five forms each."""
    surnames = ("".join(parts).capitalize() for parts in itertools.product(SYLLABLES, repeat=4))
    lines = []
    for number, surname in zip(range(math.ceil(aliases / 5)), surnames, strict=False):
        given = GIVEN[number % len(GIVEN)]
        forms = [
            f"{given[0]}. {surname}",
            surname,
            f"{given} Q. {surname}",
            f"Dr. {given} {surname}",
        ]
        lines.append(f"- name: {given} {surname}\n  type: person\n  aliases: {json.dumps(forms)}")
    return "\n".join(lines) + "\n"


def measure_quotes(text: str) -> dict[str, float]:
    """Seconds of each stage on the event whose VOA article is ``text``."""
    from analysis.ingest.load import load_event
    from analysis.measures.actors import actor_mentions
    from analysis.measures.quotes import quotes_table
    from analysis.measures.tone import hedge_counts, load_hedge_codebook, sentence_tone
    from analysis.tables.clean_layer import sentences_table
    from analysis.text.cleaning import clean_decoded
    from analysis.text.cleaning_rules import load_rules

    seed = load_event(config.DEFAULT_EVENT)
    rules, times = load_rules(config.CLEANING_RULES), {}
    started = time.perf_counter()
    cleaned = [clean_decoded(seed[0].article, text, rules), seed[1]]
    times["clean"] = time.perf_counter() - started
    steps = {
        "quoted spans": lambda: [len(document.quoted) for document in cleaned],
        "quotes_table": lambda: quotes_table(cleaned),
        "actor_mentions": lambda: actor_mentions(cleaned, discover=False),
        "hedge_counts": lambda: hedge_counts(
            sentences_table(cleaned), load_hedge_codebook(), cleaned
        ),
        "sentence_tone": lambda: sentence_tone(sentences_table(cleaned), cleaned),
    }
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        times[name] = time.perf_counter() - started
    times["KB"] = len(text.encode("utf-8")) / 1000
    return times


def measure_aliases(aliases: int) -> dict[str, float]:
    """Seconds of :func:`actor_mentions` on the seed event with an actor file of ``aliases`` forms."""
    from analysis.ingest.load import load_event
    from analysis.measures.actors import actor_mentions

    cleaned = load_event(config.DEFAULT_EVENT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actors.yaml"
        path.write_text(actor_file_text(aliases), encoding="utf-8")
        started = time.perf_counter()
        mentions = actor_mentions(cleaned, path)
        seconds = time.perf_counter() - started
    return {"actor_mentions": seconds, "mentions": float(len(mentions))}


def child(kind: str, size: int) -> None:
    """Measure one size and print the result as JSON (run in a child process)."""
    if kind == "aliases":
        times = measure_aliases(size)
    else:
        times = measure_quotes(quotes_text(size) if kind == "quotes" else sentence_text(size))
    times["peak_MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["quotes", "sentence", "aliases"])
    parser.add_argument("--sizes", type=int, nargs="+", required=True)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=1800.0)
    args = parser.parse_args()
    if args.child:
        child(args.kind, args.sizes[0])
        return
    rows = {}
    for size in args.sizes:
        command = [sys.executable, __file__, args.kind, "--child", "--sizes", str(size)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{size}: stopped after {args.timeout:.0f} s", flush=True)
            continue
        if done.returncode != 0:
            print(f"{size}: failed: {done.stderr.strip().splitlines()[-1]}", flush=True)
            continue
        rows[size] = json.loads(done.stdout.strip().splitlines()[-1])
        print(size, {key: round(value, 2) for key, value in rows[size].items()}, flush=True)
    if len(rows) >= 2:
        first, last = min(rows), max(rows)
        for key in rows[first]:
            if key not in ("peak_MB", "KB", "mentions") and rows[first][key] > 0:
                exponent = math.log(rows[last][key] / rows[first][key]) / math.log(last / first)
                print(f"exponent {key}: {exponent:.2f}")


if __name__ == "__main__":
    main()
