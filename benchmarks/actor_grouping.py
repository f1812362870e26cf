"""Mention → actor grouping and per-actor word choice, scored against NewsWCL50's hand-coded concepts.

Gold: ``../shared/corpora/newswcl50-dev`` (``$NEWSWCL50_DIR``; events 0–4 of Hamborg, Zhukova & Gipp
2019, "Automated Identification of Media Bias by Word Choice and Labeling in News Articles", JCDL),
read at run time and skipped with a message when absent. Each coded mention is located in the clean
text through the realigned sentence files (``original/luisgarchi/2-matched``): the sentence is found
in the clean text, the mention in the sentence (the occurrence nearest the coded token position).

Measures, per part of a deterministic split by event (tuning: events 0, 2, 4; checking: 1, 3):

* **own-name B-cubed** (Bagga & Baldwin 1998, "Algorithms for scoring coreference chains"):
  precision, recall and F1 of the automatic actor of each gold mention that carries its concept's own
  name, against the gold concept, over the gold mentions that got an actor. A mention carries the
  own name when it is written as a proper name (every word capitalised after "the" and titles) and
  shares a word with the concept's head name (its most frequent such mention in the event).
  Concepts: code types ACTOR, ACTOR-I, COUNTRY and GROUP.
* **coverage**: the share of those own-name gold mentions that got any actor.
* **word choice**: the share of the gold's descriptive mentions (not the own name) of person and
  group concepts (ACTOR, ACTOR-I, GROUP) that overlap a term of the right actor (the actor most of
  the concept's own-name mentions got) in the same article, in ``actor_terms``.
* **long names**: automatic actors whose name has five or more words (headline phrases).

Seed (``data/raw``): the automatic grouping without ``actors.yaml`` scored with B-cubed against the
file's actors on the mentions the file finds, the actors found with and without the file, the label
discrepancies reported with and without it, and whether each transliteration pair lands in one
actor.

Usage: ``python benchmarks/actor_grouping.py [--events 0 1]``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.ingest.manifest import Article, articles
from analysis.measures.actor_terms import actor_terms
from analysis.measures.actors import actor_mentions, find_actor_file
from analysis.measures.label_discrepancies import label_discrepancies
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document

NEWSWCL50_DIR = Path(os.environ.get("NEWSWCL50_DIR", config.SHARED_CORPORA / "newswcl50-dev"))
SEED_DIR = config.PROJECT_ROOT / "data" / "raw"
TUNING_EVENTS = ("0", "2", "4")
CHECKING_EVENTS = ("1", "3")
NAMED_TYPES = ("ACTOR", "ACTOR-I", "COUNTRY", "GROUP")
DESCRIBED_TYPES = ("ACTOR", "ACTOR-I", "GROUP")
TITLE_LIKE = re.compile(r"^(?:the|mr|mrs|ms|dr|president|sen|senator|gov|rep|prime|minister)\.?$")
SEED_PAIRS = (("Rouhani", "Rohani"), ("Baluch", "Baloch"), ("Jaish", "Jaïch"),
              ("Sistan-Baluchistan", "Sistan-Baluchestan"))  # fmt: skip
_WORD = re.compile(r"\w+|[^\w\s]")


def _proper_words(mention: str) -> list[str]:
    """The words of a mention written as a proper name, lower-cased; [] when it is not one."""
    words = [w for w in re.split(r"\s+", mention.replace("'s", "").strip()) if w]
    while words and TITLE_LIKE.match(words[0].casefold()):
        words = words[1:]
    if not words or not all(w[:1].isupper() or w in ("of", "and", "al", "bin") for w in words):
        return []
    return [w.strip(".,").casefold() for w in words if w[:1].isupper()]


def own_name_flags(gold: pd.DataFrame) -> pd.Series:
    """Whether each gold mention carries its concept's own name (see the module docstring)."""
    words = gold["code_mention"].map(_proper_words)
    heads: dict[tuple[str, str], set[str]] = {}
    for key, group in gold.assign(words=words).groupby(["event_id", "code_name"]):
        proper = [" ".join(w) for w in group["words"] if w]
        if proper:
            head = sorted(Counter(proper).items(), key=lambda p: (-p[1], p[0]))[0][0]
            heads[key] = set(head.split())
    return pd.Series(
        [
            bool(w) and bool(set(w) & heads.get((e, c), set()))
            for w, e, c in zip(words, gold["event_id"], gold["code_name"], strict=True)
        ],
        index=gold.index,
    )


def _locate(sentence: str, mention: str, token_start: int) -> int:
    """Character offset of ``mention`` in ``sentence`` nearest the coded token position, or -1."""
    hits = [m.start() for m in re.finditer(re.escape(mention), sentence)]
    if not hits:
        return -1
    return min(hits, key=lambda h: (abs(len(_WORD.findall(sentence[:h])) - token_start), h))


def gold_spans(document: Document, sentence_file: Path, annotation_file: Path) -> pd.DataFrame:
    """The article's coded mentions with offsets ``start:end`` into ``document.text`` (unlocated ones
    dropped; their number is in ``attrs['unlocated']``)."""
    lines = sentence_file.read_text(encoding="utf-8").split("\n")
    table = pd.read_csv(annotation_file, dtype={"event_id": str})
    text, rows, missing = document.text, [], 0
    for row in table.to_dict("records"):
        sentence, mention = lines[row["sentence"]], str(row["code_mention"])
        base = text.find(sentence)
        at = _locate(sentence, mention, int(row["start"])) if base >= 0 else -1
        if at < 0:
            missing += 1
            continue
        rows.append({**row, "article": document.id, "g_start": base + at,
                     "g_end": base + at + len(mention)})  # fmt: skip
    found = pd.DataFrame(rows)
    found.attrs["unlocated"] = missing
    return found


def match_spans(gold: pd.DataFrame, spans: pd.DataFrame) -> list[str]:
    """Per gold row, the actor of the predicted span overlapping it most in its article ('' none)."""
    by_article = defaultdict(list)
    for row in spans[["article", "start", "end", "actor"]].itertuples(index=False):
        by_article[row.article].append((row.start, row.end, row.actor))
    found = []
    for article, start, end in zip(gold["article"], gold["g_start"], gold["g_end"], strict=True):
        best = max(
            ((min(end, e) - max(start, s), a) for s, e, a in by_article[article]),
            default=(0, ""),
        )
        found.append(best[1] if best[0] > 0 else "")
    return found


def b_cubed(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of two clusterings of the same items (Bagga & Baldwin 1998)."""
    if not gold:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(gold, predicted, strict=True))
    g_size, p_size = Counter(gold), Counter(predicted)
    precision = sum(n * n / p_size[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / g_size[g] for (g, _), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def newswcl_article(row: dict) -> Article:
    """The :class:`Article` of a NewsWCL50 manifest row (blank dates, which the manifest check
    refuses, read as 1970-01-01; nothing here uses the date)."""
    return Article(
        event_id=row["event_id"], outlet=row["outlet"], title=row["title"],
        date=row["date"] or "1970-01-01", path=(NEWSWCL50_DIR / row["path"]).resolve(),
        language="en", original_language="en", url=row["url"], sha256="", notes="",
    )  # fmt: skip


def event_scores(event_id: str) -> tuple[dict, pd.DataFrame]:
    """Scores of one NewsWCL50 event and its automatic actors' mentions."""
    manifest = pd.read_csv(NEWSWCL50_DIR / "manifest.csv", dtype=str, keep_default_na=False)
    manifest = manifest[manifest["event_id"] == event_id]
    rules = load_rules()
    cleaned = [clean_article(newswcl_article(row), rules) for row in manifest.to_dict("records")]
    golds = []
    for row, document in zip(manifest.to_dict("records"), cleaned, strict=True):
        golds.append(gold_spans(document, NEWSWCL50_DIR / row["matched_sent_file"],
                                NEWSWCL50_DIR / row["matched_ann_file"]))  # fmt: skip
    gold = pd.concat(golds, ignore_index=True)
    gold = gold[gold["code_type"].isin(NAMED_TYPES)].reset_index(drop=True)
    gold["own"] = own_name_flags(gold)
    mentions = actor_mentions(cleaned, discover=False)
    gold["actor"] = match_spans(gold, mentions)
    own = gold[gold["own"]]
    got = own[own["actor"] != ""]
    right = {
        concept: Counter(group["actor"]).most_common(1)[0][0]
        for concept, group in got.groupby("code_name")
    }
    terms = actor_terms(cleaned, mentions)
    described = gold[~gold["own"] & gold["code_type"].isin(DESCRIBED_TYPES)].copy()
    landed = 0
    for concept, group in described.groupby("code_name"):
        if concept in right:
            hits = match_spans(group, terms[terms["actor"] == right[concept]])
            landed += sum(1 for hit in hits if hit)
    long_names = sorted({a for a in mentions["actor"] if len(a.split()) >= 5})
    return {
        "event": event_id,
        "own": len(own),
        "own_matched": len(got),
        "gold": list(got["code_name"]),
        "predicted": list(got["actor"]),
        "described": len(described),
        "described_landed": landed,
        "long_names": long_names,
        "unlocated": sum(g.attrs["unlocated"] for g in golds),
    }, mentions


def part_line(name: str, scores: list[dict]) -> str:
    """One Markdown table row of a part of the split."""
    gold = [f"{s['event']}:{g}" for s in scores for g in s["gold"]]
    predicted = [f"{s['event']}:{p}" for s in scores for p in s["predicted"]]
    precision, recall, f1 = b_cubed(gold, predicted)
    own = sum(s["own"] for s in scores)
    described = sum(s["described"] for s in scores)
    landed = sum(s["described_landed"] for s in scores)
    long_names = sum(len(s["long_names"]) for s in scores)
    events = ",".join(s["event"] for s in scores)
    return (
        f"| {name} ({events}) | {own} | {precision:.3f} | {recall:.3f} | {f1:.3f} | "
        f"{len(gold) / own:.3f} | {landed / max(described, 1):.3f} ({landed}/{described}) | "
        f"{long_names} |"
    )


def seed_report() -> list[str]:
    """The seed event: automatic grouping against actors.yaml, and the transliteration pairs."""
    rules = load_rules()
    cleaned = [clean_article(article, rules) for article in articles(SEED_DIR)]
    with_file = actor_mentions(cleaned, find_actor_file(cleaned))
    without = actor_mentions(cleaned, discover=False)
    filed = with_file[with_file["source"] == "file"].rename(columns={"start": "g_start",
                                                                     "end": "g_end"})  # fmt: skip
    auto = match_spans(filed, without)
    pairs = [(g, p) for g, p in zip(filed["actor"], auto, strict=True) if p]
    precision, recall, f1 = b_cubed([g for g, _ in pairs], [p for _, p in pairs])
    lines = [
        f"- seed, without actors.yaml vs the file's actors: B-cubed P {precision:.3f} R "
        f"{recall:.3f} F1 {f1:.3f}, coverage {len(pairs) / max(len(filed), 1):.3f} "
        f"({len(pairs)}/{len(filed)} file mentions); actors: {with_file['actor'].nunique()} with "
        f"the file, {without['actor'].nunique()} without",
    ]
    for name, mentions in (("with", with_file), ("without", without)):
        found = label_discrepancies(actor_terms(cleaned, mentions), cleaned)
        shown = [f"{r.actor}: {r.outlet} {r.families} ({r.terms}) / {r.other_outlet} "
                 f"{r.other_families} ({r.other_terms})" for r in found.itertuples()]  # fmt: skip
        lines.append(f"- seed, {name} actors.yaml, label discrepancies: {shown or 'none'}")
    for left, right in SEED_PAIRS:
        words = [re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])") for word in (left, right)]
        actors = [
            sorted(set(without.loc[without["mention"].str.contains(w), "actor"])) for w in words
        ]
        in_text = [any(w.search(document.text) for document in cleaned) for w in words]
        verdict = "one actor" if actors[0] and actors[0] == actors[1] else "apart"
        if not all(in_text):
            verdict = "not both in the clean text"
        lines.append(f"- seed, without actors.yaml, {left}/{right}: {verdict} "
                     f"{actors[0]} / {actors[1]}")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the scores (Markdown) of the tuning and checking parts and of the seed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", nargs="*", default=[*TUNING_EVENTS, *CHECKING_EVENTS])
    args = parser.parse_args(argv)
    print("\n".join(seed_report()))
    if not (NEWSWCL50_DIR / "manifest.csv").is_file():
        print(f"NewsWCL50 not found at {NEWSWCL50_DIR}: skipped.")
        return 0
    scores = {event: event_scores(event)[0] for event in sorted(args.events)}
    print("\n| part (events) | own-name gold | B³ P | B³ R | B³ F1 | coverage | word choice | "
          "long names |\n|---|---|---|---|---|---|---|---|")  # fmt: skip
    for name, events in (("tuning", TUNING_EVENTS), ("checking", CHECKING_EVENTS)):
        chosen = [scores[e] for e in events if e in scores]
        if chosen:
            print(part_line(name, chosen))
    for score in scores.values():
        print(f"event {score['event']}: unlocated gold {score['unlocated']}; long names "
              f"{score['long_names'][:6]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
