"""Quote recall and speaker accuracy of analysis.measures.quotes on BASIL (dev half), against its phrase spans.

BASIL (Fan et al. 2019, "In Plain Sight: Media Bias Through the Lens of Factual Reporting", EMNLP 2019)
marks bias spans with ``quote`` (yes/no) and ``speaker``. The corpus is read at run time from
``../shared/corpora/basil-dev`` (or ``BASIL_DIR``) and never copied into the repository.

Measures (the GenderGapTracker's criterion, Asr et al. 2021: a gold span counts as found when an
extracted quotation covers at least 0.3 of it):

* quote recall: share of ``quote=yes`` spans covered ≥ 0.3 by an extracted direct or partial quote
  (also reported: with indirect reports counted too);
* speaker accuracy: for ``quote=yes`` spans whose gold speaker is a named person, share where the best
  covering extracted record (direct/partial, else indirect) names a speaker with the same normalised
  last name; among the found spans (GenderGapTracker-comparable) and over all such spans (end to end).

Run: ``.venv/bin/python benchmarks/quote_accuracy.py [--out figures.json] [--errors]`` (``--errors``
prints the missed spans and wrong speakers by path and offsets, without article text).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.ingest.manifest import articles
from analysis.measures.quotes import extract_quotes
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared speaker check, when imported
from speaker_names import non_name_speakers, summary

BASIL_DIR = Path(os.environ.get("BASIL_DIR", config.SHARED_CORPORA / "basil-dev"))
OVERLAP = 0.3
#: Last words of BASIL speaker labels that name a group, not a person ("Tea_Party", "Obama_campaign").
GROUP_WORDS = frozenset({"campaign", "party", "lawmakers", "democrats", "republicans", "officials",
                         "companies", "catholics", "plaintiffs", "protestors", "naacp", "now"})  # fmt: skip


def is_named_person(label: str) -> bool:
    """BASIL speaker labels of a named person: two capitalised words, not a group ("Rick_Perry")."""
    parts = label.split("_")
    return (
        len(parts) == 2
        and not label.startswith("other_")
        and all(p[:1].isupper() and not p.isupper() for p in parts)
        and parts[-1].lower() not in GROUP_WORDS
    )


def last_name(name: str) -> str:
    """Lower-case last word without accents or punctuation."""
    words = re.findall(r"[^\W\d_][\w'-]*", name.replace("_", " "))
    if not words:
        return ""
    folded = unicodedata.normalize("NFKD", words[-1]).encode("ascii", "ignore").decode()
    return folded.lower()


def clean_offsets(
    starts: np.ndarray, ends: np.ndarray, raw_start: int, raw_end: int
) -> tuple[int, int]:
    """Clean-text span of the characters whose raw range lies inside ``[raw_start, raw_end)``."""
    inside = np.nonzero((starts >= raw_start) & (ends <= raw_end))[0]
    if not len(inside):
        return -1, -1
    return int(inside[0]), int(inside[-1]) + 1


def evaluate(basil: Path = BASIL_DIR) -> tuple[dict[str, float], pd.DataFrame]:
    """Run extraction on every BASIL dev article; return the figures and the per-span table."""
    began = time.perf_counter()
    rules = load_rules()
    cleaned = {article.path.resolve(): clean_article(article, rules) for article in articles(basil)}
    extracted = {path: extract_quotes(item) for path, item in cleaned.items()}
    seconds = time.perf_counter() - began
    spans = pd.read_csv(basil / "derived" / "phrase_spans.csv", dtype=str, keep_default_na=False)
    spans = spans[spans["quote"] == "yes"].reset_index(drop=True)
    rows = []
    for span in spans.itertuples():
        path = (basil / span.path).resolve()
        item = cleaned[path]
        start, end = clean_offsets(
            np.asarray(item.tracked.starts), np.asarray(item.tracked.ends),
            int(span.doc_start), int(span.doc_end),
        )  # fmt: skip
        quotes = extracted[path]
        length = max(1, end - start)
        overlap = (np.minimum(quotes["end"], end) - np.maximum(quotes["start"], start)).clip(
            lower=0
        )
        share = overlap / length
        found = quotes[share >= OVERLAP].assign(share=share[share >= OVERLAP])
        direct = found[found["kind"].isin(["direct", "partial"])].sort_values(
            "share", ascending=False
        )
        indirect = found[found["kind"] == "indirect"].sort_values("share", ascending=False)
        best = direct.iloc[0] if len(direct) else (indirect.iloc[0] if len(indirect) else None)
        speaker = "" if best is None else best["speaker"]
        named = is_named_person(span.speaker)
        rows.append(
            {
                "path": span.path,
                "ann_id": span.ann_id,
                "start": start,
                "end": end,
                "gold_speaker": span.speaker,
                "named_person": named,
                "found_direct": bool(len(direct)),
                "found_any": bool(len(direct) or len(indirect)),
                "kind": "" if best is None else best["kind"],
                "speaker": speaker,
                "speaker_right": named
                and best is not None
                and any(last_name(s) == last_name(span.speaker) for s in speaker.split("; ") if s),
            }
        )
    table = pd.DataFrame(rows)
    not_names = Counter()
    for path, quotes in extracted.items():
        not_names.update(non_name_speakers(cleaned[path].text, quotes))
    named = table[table["named_person"]]
    named_found = named[named["found_any"]]
    figures = {
        "articles": len(cleaned),
        "quote_spans": len(table),
        "quote_recall": round(table["found_direct"].mean(), 4),
        "quote_recall_with_indirect": round(table["found_any"].mean(), 4),
        "named_speaker_spans": len(named),
        "named_speaker_spans_found": len(named_found),
        "speaker_accuracy_found": round(named_found["speaker_right"].mean(), 4)
        if len(named_found)
        else 0.0,
        "speaker_accuracy_all": round(named["speaker_right"].mean(), 4) if len(named) else 0.0,
        "extracted_records": int(sum(len(q) for q in extracted.values())),
        "speakers_not_names": summary(not_names),
        "seconds": round(seconds, 2),
    }
    return figures, table


def main(argv: list[str] | None = None) -> int:
    """Print the figures and write them as JSON (``--out``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basil", type=Path, default=BASIL_DIR)
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--errors", action="store_true", help="also print the missed and wrong spans"
    )
    args = parser.parse_args(argv)
    if not (args.basil / "manifest.csv").is_file():
        print(f"BASIL corpus not found at {args.basil} (set BASIL_DIR)", file=sys.stderr)
        return 2
    figures, table = evaluate(args.basil)
    for key, value in figures.items():
        print(f"{key:28s} {value}")
    if args.out is not None:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        with pd.option_context("display.width", 200, "display.max_rows", 500):
            print(table[~table["found_direct"]].to_string())
            named = table[table["named_person"] & ~table["speaker_right"]]
            print(named.to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
