"""Attribution accuracy of analysis.measures.quotes on PolNeAR's training split (complete gold).

PolNeAR (Newell, Margolin & Ruths 2018, "An Attribution Relations Corpus for Political News", LREC 2018)
annotates every attribution of 840 political news articles from 7 outlets as Source, Cue and Content
(Pareti 2016's scheme). It is read at run time from ``../shared/corpora/polnear-train`` (or
``POLNEAR_DIR``) and never copied into the repository. One annotation file per article (the first by
name when two annotators did the article).

Split: an article belongs to the **tuning** part when the first byte of the SHA-256 of its file name is
even, else to the **checking** part (deterministic, about half each). Rules are changed only after
reading tuning-part errors (``--errors`` prints tuning-part errors only).

Measures (the GenderGapTracker's criterion, Asr et al. 2021, "The Gender Gap Tracker", PLOS ONE: spans
match when they overlap by at least 0.3):

* **direct**: gold contents that open with a quotation mark (direct and partial quotations; an indirect
  clause holding a quoted phrase, PolNeAR's mixed content, counts under *all* only) against extracted
  ``direct``/``partial`` records; an extracted record is right when ≥ 0.3 of it lies inside gold
  contents that carry quotation marks anywhere (mixed contents included).
  Recall: a gold content is found when extracted records cover ≥ 0.3 of its characters.
* **all**: every gold content against every extracted ``direct``/``partial``/``indirect`` record, the
  same way (any gold content counts for precision).
* **source**: of the found gold contents, the share whose best-covering record (the most characters
  of the content covered; of equals, the shortest record, so an inner report is judged by its own
  record and not by the outer report that contains it) names the gold Source:
  the last word of one surface form is a word of the other (case-folded, the gold's curly apostrophe
  read as the clean text's straight one: "O’Donnell" is "O'Donnell", and a possessive's ending dropped:
  "Trump’s" is "Trump"; a gold Source "he" is matched
  by a record whose source mention is "he", not by the resolved name); a gold content without Source
  counts as right when the record has no source mention either.
* **actor**: as *source*, but a record also counts as right when its resolved speaker (the actor a
  pronoun or description was resolved to) names a gold Source that is a name or a description
  (``"...," he said`` resolved to Khan against a gold Source "Khan"); a gold pronoun is judged by
  the mention only. *source* judges the local mention, *actor* the resolution as well.
* **named**: of the found gold direct quotations (a content opening with a quotation mark) whose
  gold Source is named (opens with a capitalised word other than a determiner or pronoun: *Sen.
  Bernie Sanders*, *Republican strategist Ryan Williams*), the share that *actor* counts right: the
  issue's "speaker right of found named-person spans" (BASIL-style), measured on PolNeAR.
* **cue**: of the found gold contents, the share whose best record's reporting verb is a word of the gold
  Cue (any inflection listed for the lemma in the codebook, a phrasal one by its verb: a record
  cued by *call for* is right against a gold Cue *called for*; before 2026-12-08 a phrasal
  lemma's inflections were compared whole with the gold's single words and never counted right).
* **speed**: extraction seconds divided by cleaning seconds in the same process (a machine-independent
  ratio: compare it before and after a change).

Run: ``.venv/bin/python benchmarks/attribution_accuracy.py [--sample N] [--out f.json] [--errors]``.
``--errors`` prints counts of the missed gold contents by their cue (tuning part only) and the wrong
sources, by file and offsets (no article text beyond the cue and source words).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from speaker_names import non_name_speakers, summary

from analysis import config
from analysis.ingest.manifest import Article
from analysis.measures.quotes import extract_quotes, load_verb_classes
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules

POLNEAR_DIR = Path(os.environ.get("POLNEAR_DIR", config.SHARED_CORPORA / "polnear-train"))
OVERLAP = 0.3
MARKED = re.compile("[\"\u201c\u201d]|''|``")
QUOTED = re.compile(rf"\s*(?:{MARKED.pattern})")
SPEECH = ("direct", "partial", "indirect")
WORDS = re.compile(r"[^\W_][\w'-]*")
NAMED_SOURCE = re.compile(r"(?!(?:The|A|An|He|She|It|They|I|We|This|That|One|Another)\b)[A-Z][a-z]")
PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we", "you", "who", "which", "that"})


@dataclass(frozen=True)
class Gold:
    """One gold attribution: content pieces, source and cue (raw offsets and surface text)."""

    content: tuple[tuple[int, int], ...]
    content_text: str
    source: tuple[tuple[int, int], ...]
    source_text: str
    cue: tuple[tuple[int, int], ...]
    cue_text: str


def split_of(name: str) -> str:
    """'tuning' or 'checking', from the SHA-256 of the article name (deterministic)."""
    return "tuning" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "checking"


def read_ann(path: Path) -> list[Gold]:
    """The attributions of one brat file (``E`` lines tying ``T`` spans)."""
    spans: dict[str, tuple[tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind_offsets = fields[1].split(" ", 1)
            pieces = tuple(
                (int(a), int(b))
                for a, b in (p.split() for p in kind_offsets[1].split(";") if p.strip())
            )
            spans[fields[0]] = (pieces, fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            events.append({role: ref for role, ref in roles.items()})
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""), ((), ""))
        cue = spans.get(roles.get("Cue", ""), ((), ""))
        gold.append(Gold(content[0], content[1], source[0], source[1], cue[0], cue[1]))
    return gold


def polnear_articles(root: Path, sample: int | None) -> list[tuple[Article, str, Path]]:
    """(article, outlet, annotation file) for every PolNeAR article, or every n-th for a sample."""
    meta = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    rows = []
    for row in meta.sort_values("filename").itertuples():
        annotations = sorted((root / "attributions").glob(f"{row.filename}_*.ann"))
        text = root / "text" / f"{row.filename}.txt"
        if not annotations or not text.is_file():
            continue
        article = Article(
            "polnear", row.publisher, row.title, row.publication_date, text, "en", "en", "", "", ""
        )
        rows.append((article, row.publisher, annotations[0]))
    if sample and sample < len(rows):
        step = len(rows) / sample
        rows = [rows[int(i * step)] for i in range(sample)]
    return rows


def to_clean(
    starts: np.ndarray, ends: np.ndarray, pieces: tuple[tuple[int, int], ...]
) -> np.ndarray:
    """Boolean mask over clean characters whose raw range lies inside any of ``pieces``."""
    mask = np.zeros(len(starts), dtype=bool)
    for raw_start, raw_end in pieces:
        mask |= (starts >= raw_start) & (ends <= raw_end)
    return mask


def last_words(text: str) -> tuple[str, set[str]]:
    """Last word and all words of a surface form, case-folded."""
    found = WORDS.findall(text.replace("\u2019", "'"))
    words = [re.sub(r"'s?$", "", w.lower()) for w in found]
    return (words[-1] if words else ""), set(words)


def source_right(gold_source: str, mention: str) -> bool:
    """Whether an extracted source mention names the gold Source (see the module docstring)."""
    if not gold_source.strip():
        return not mention.strip()
    gold_last, gold_words = last_words(gold_source)
    ours_last, ours_words = last_words(mention)
    return bool(ours_last) and (ours_last in gold_words or gold_last in ours_words)


def actor_right(gold_source: str, speaker: str) -> bool:
    """Whether the resolved speaker names a gold Source that is a name or a description (a gold
    pronoun names no one, so only the mention criterion can judge it)."""
    words = [w.lower() for w in WORDS.findall(gold_source)]
    if not words or (len(words) == 1 and words[0] in PRONOUNS):
        return False
    return any(source_right(gold_source, name) for name in speaker.split("; ") if name)


def named_source(gold_source: str) -> bool:
    """Whether a gold Source is named: it opens with a capitalised word that is no determiner or
    pronoun ("Sen. Bernie Sanders", not "The senator" or "He")."""
    return NAMED_SOURCE.match(gold_source.strip()) is not None


def best_record(records: pd.DataFrame, lo: int, hi: int) -> pd.Series:
    """The record covering most of ``[lo, hi)``; of equals, the shortest (an inner report's own
    record, not the outer report that contains it)."""
    overlap = (np.minimum(records["end"], hi) - np.maximum(records["start"], lo)).clip(lower=0)
    widest = overlap[overlap == overlap.max()].index
    return records.loc[(records["end"] - records["start"]).loc[widest].idxmin()]


def score_article(doc, quotes: pd.DataFrame, gold: list[Gold], forms: dict[str, set[str]]) -> dict:
    """Per-article counts for every measure."""
    starts, ends = np.asarray(doc.tracked.starts), np.asarray(doc.tracked.ends)
    size = len(starts)
    masks = [to_clean(starts, ends, g.content) for g in gold]
    direct_gold = [bool(QUOTED.match(g.content_text)) for g in gold]
    union_all = np.zeros(size, dtype=bool)
    union_direct = np.zeros(size, dtype=bool)
    for mask, g in zip(masks, gold, strict=True):
        union_all |= mask
        if MARKED.search(g.content_text):
            union_direct |= mask
    speech = quotes[quotes["kind"].isin(SPEECH)]
    cover = {"all": np.zeros(size, dtype=bool), "direct": np.zeros(size, dtype=bool)}
    counts = Counter()
    for record in speech.itertuples():
        length = max(1, record.end - record.start)
        scope = ("all", "direct") if record.kind in ("direct", "partial") else ("all",)
        for name in scope:
            cover[name][record.start : record.end] = True
            union = union_all if name == "all" else union_direct
            counts[f"{name}_pred"] += 1
            counts[f"{name}_pred_right"] += (
                union[record.start : record.end].sum() / length >= OVERLAP
            )
    errors = []
    for g, mask, is_direct in zip(gold, masks, direct_gold, strict=True):
        total = mask.sum()
        if not total:
            continue
        for name in ("all", "direct") if is_direct else ("all",):
            counts[f"{name}_gold"] += 1
            found = (cover[name] & mask).sum() / total >= OVERLAP
            counts[f"{name}_gold_found"] += found
        found = (cover["all"] & mask).sum() / total >= OVERLAP
        if not found:
            errors.append(("missed", g))
            continue
        index = np.nonzero(mask)[0]
        lo, hi = int(index[0]), int(index[-1]) + 1
        best = best_record(speech, lo, hi)
        counts["source_n"] += 1
        right = source_right(g.source_text, str(best["speaker_mention"]))
        counts["source_right"] += right
        actor = right or actor_right(g.source_text, str(best["speaker"]))
        counts["actor_right"] += actor
        if is_direct and named_source(g.source_text):
            counts["named_n"] += 1
            counts["named_right"] += actor
        if not right:
            errors.append(("source", g, str(best["speaker_mention"])))
        counts["cue_right"] += cue_right(str(best["verb"]), g.cue_text, forms)
    counts["errors"] = errors
    return counts


def cue_forms() -> dict[str, set[str]]:
    """Lemma -> the verb word of each of its inflections in the codebook (a phrasal form by its verb:
    *called for* -> *called*; a noun cue's forms count as its cue words too)."""
    forms: dict[str, set[str]] = {}
    for section in ("classes", "noun_cues"):
        for verb_class in load_verb_classes(section=section).values():
            for lemma, inflections in verb_class.verbs.items():
                forms.setdefault(lemma, set()).update(form.split()[0] for form in inflections)
    return forms


def cue_right(verb: str, gold_cue: str, forms: dict[str, set[str]]) -> bool:
    """Whether a record's cue lemma is a word of the gold Cue (see the module docstring)."""
    cue_words = {w.lower() for w in WORDS.findall(gold_cue)}
    return bool(forms.get(verb, set()) & cue_words)


def ratio(a: float, b: float) -> float:
    """a / b rounded, 0 when b is 0."""
    return round(a / b, 4) if b else 0.0


def figures_of(counts: Counter) -> dict[str, float]:
    """P/R/F1 for direct and all; source, actor, named-speaker and cue accuracy from summed
    counts."""
    out: dict[str, float] = {"articles": counts["articles"]}
    for name in ("direct", "all"):
        p = ratio(counts[f"{name}_pred_right"], counts[f"{name}_pred"])
        r = ratio(counts[f"{name}_gold_found"], counts[f"{name}_gold"])
        out[f"{name}_gold"] = counts[f"{name}_gold"]
        out[f"{name}_P"], out[f"{name}_R"] = p, r
        out[f"{name}_F1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    out["source_acc"] = ratio(counts["source_right"], counts["source_n"])
    out["actor_acc"] = ratio(counts["actor_right"], counts["source_n"])
    out["named_acc"] = ratio(counts["named_right"], counts["named_n"])
    out["cue_acc"] = ratio(counts["cue_right"], counts["source_n"])
    return out


def evaluate(
    root: Path, sample: int | None, only: str | None = None
) -> tuple[dict, list, dict[str, Counter]]:
    """Run extraction on PolNeAR; figures per split and outlet, the tuning-part errors and the
    speakers that are no names, per split (:mod:`speaker_names`) (``only``: that part's articles
    alone)."""
    rules = load_rules()
    forms = cue_forms()
    groups: dict[str, Counter] = {}
    errors: list = []
    not_names: dict[str, Counter] = {"tuning": Counter(), "checking": Counter()}
    clean_seconds = extract_seconds = 0.0
    for article, outlet, ann in polnear_articles(root, sample):
        if only is not None and split_of(article.path.stem) != only:
            continue
        began = time.perf_counter()
        doc = clean_article(article, rules)
        middle = time.perf_counter()
        quotes = extract_quotes(doc)
        extract_seconds += time.perf_counter() - middle
        clean_seconds += middle - began
        counts = score_article(doc, quotes, read_ann(ann), forms)
        part = split_of(article.path.stem)
        not_names[part].update(non_name_speakers(doc.text, quotes))
        if part == "tuning":
            errors.extend((ann.name, *e) for e in counts["errors"])
        del counts["errors"]
        counts["articles"] = 1
        for key in ("all", part, f"{part}:{outlet}"):
            groups.setdefault(key, Counter()).update(counts)
    figures = {key: figures_of(groups[key]) for key in sorted(groups)}
    figures["speed"] = {
        "clean_seconds": round(clean_seconds, 2),
        "extract_seconds": round(extract_seconds, 2),
        "extract_over_clean": ratio(extract_seconds, clean_seconds),
    }
    return figures, errors, not_names


def print_errors(errors: list) -> None:
    """Missed gold contents by cue, and wrong sources (tuning part only)."""
    missed = Counter(e[2].cue_text.lower() for e in errors if e[1] == "missed")
    print("missed contents by cue (tuning):", sum(missed.values()))
    for cue, n in missed.most_common(60):
        print(f"  {n:4d} {cue}")
    wrong = Counter((e[2].source_text.lower(), e[3].lower()) for e in errors if e[1] == "source")
    print("wrong sources (gold, ours) (tuning):", sum(wrong.values()))
    for (gold, ours), n in wrong.most_common(60):
        print(f"  {n:4d} {gold!r} -> {ours!r}")


def main(argv: list[str] | None = None) -> int:
    """Print the figures per split and outlet; write them as JSON (``--out``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR_DIR)
    parser.add_argument("--sample", type=int, help="every n-th article, this many (default all)")
    parser.add_argument("--out", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--errors", action="store_true", help="also print tuning-part errors")
    parser.add_argument("--part", choices=("tuning", "checking"), help="only this part (quicker)")
    args = parser.parse_args(argv)
    if not (args.polnear / "metadata.tsv").is_file():
        print(f"PolNeAR not found at {args.polnear} (set POLNEAR_DIR)", file=sys.stderr)
        return 2
    figures, errors, not_names = evaluate(args.polnear, args.sample, args.part)
    table = pd.DataFrame({k: v for k, v in figures.items() if k != "speed"}).T
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.to_string())
    print("speed", figures["speed"])
    for part, found in not_names.items():
        print(f"speakers that are no names ({part}):\n{summary(found)}")
    if args.out is not None:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        print_errors(errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
