"""The fast paths of the framing layer (issue 15, linear cost) equal their simple definitions.

Each test builds small inputs from hand-written sentence fragments (hypothesis picks and orders them)
and compares the fast function with the direct, quadratic definition it replaced. No timing here:
speed is measured in ``benchmarks/scaling_check.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.disjoint_sets import DisjointSets
from analysis.ingest.manifest import Article
from analysis.measures import alignment_pairs
from analysis.measures.alignment import (
    ALIGNMENT_COLUMNS,
    PARTIAL_THRESHOLD,
    SENTENCE_KEYS,
    SHARED_TERMS_SHOWN,
    align_sentences,
    classify_sentences,
)
from analysis.measures.alignment_pairs import MAX_PARTNERS
from analysis.measures.alignment_weights import (
    background_matrix,
    fact_similarity,
    similarity_matrix,
    tfidf_matrix,
)
from analysis.measures.numbers import match_numbers, numbers_table, side_by_side
from analysis.measures.numbers import matching as number_matching
from analysis.measures.numbers.matching import MATCH_STATUSES, MISSING
from analysis.measures.quotes.spans import WORD as TITLE_WORD
from analysis.measures.quotes.spans import title_like
from analysis.measures.sentence_features import token_units, unit_features, unit_names
from analysis.measures.speakers import Mentions
from analysis.measures.speakers.mentions import overlapping_spans
from analysis.measures.tone import mention_sentences
from analysis.measures.voice import quote_intervals, sentence_quotes
from analysis.tables.clean_layer import sentences_table
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Block, Document
from analysis.text.intervals import IntervalUnion
from analysis.text.names.candidates import _sentence_initial as sentence_initial
from analysis.text.quotemarks import is_quoted, quoted_spans

RULES = load_rules()
FRAGMENTS = [
    "The minister said 12 people were killed and 40 injured.",
    '"We will not rest," said President Maria Lopez.',
    "Iran's foreign ministry and the Texas governor said about 300 officers came.",
    "Opposition leader Ahmed Khan and his deputy Sara Khan criticised the response.",
    "“This is a dark day,” Lopez added, “and we will stand together.”",
    "According to officials, the toll may rise to 45, she said.",
    "Khan and President Rohani said the budget was cut by 20 percent.",
    'He said: "The country mourns with the 12 families.',
]
SETTINGS = settings(
    derandomize=True,
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
paragraph = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join)


def document(raw: str, outlet: str) -> Document:
    article = Article(
        "ev", outlet, "title", "2020-01-01", Path(f"{outlet}.txt"), "en", "en", "", "", ""
    )
    tracked, blocks, changes = clean_text(raw, RULES, {})
    return Document(article, raw, tracked, blocks, changes)


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda pair: (pair[0], sum(pair))),
    max_size=20,
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(0, 15))
@example([(0, 5), (5, 9), (7, 20)], 5, 3)  # touching spans do not overlap; a long one reaches back
def test_overlapping_spans_equal_all_pairs(taken: list, start: int, length: int) -> None:
    """The local look-up finds exactly the spans an all-pairs scan finds (sorted, numbered)."""
    numbered = sorted((a, b, number) for number, (a, b) in enumerate(taken))
    reach = max((b - a for a, b, _ in numbered), default=0)
    end = start + length
    expected = [span for span in numbered if span[0] < end and start < span[1]]
    assert overlapping_spans(numbered, start, end, reach) == expected


@SETTINGS
@given(article_text)
def test_mention_position_equals_list_index(text: str) -> None:
    mentions = Mentions(text, [(0, len(text))], quoted_spans(text))
    for mention in mentions.items:
        assert mentions.position(mention) == mentions.items.index(mention)


def same_fact_simple(a: dict, b: dict) -> bool:
    """The pairwise definition of "the same fact" for two numbers of equal value."""
    if a["family"] != b["family"]:
        return False
    if a["family"] == "number":
        return a["outlet"] == b["outlet"]
    if a["role"] or b["role"]:
        return a["role"] == b["role"]
    if a["kind"] != b["kind"]:
        return False
    if a["unit"] in ("people", "count"):
        return bool(a["class"]) and a["class"] == b["class"]
    return True


def same_value_groups_simple(records: list[dict]) -> list[list[int]]:
    """Every pair of equal value compared (quadratic in a repetitive article), then joined."""
    union = DisjointSets(range(len(records)))
    for a in range(len(records)):
        for b in range(a + 1, len(records)):
            same_value = (records[a]["family"], records[a]["key"]) == (
                records[b]["family"],
                records[b]["key"],
            )
            if same_value and same_fact_simple(records[a], records[b]):
                union.join(a, b)
    return [sorted(members) for members in union.groups()]


NUMBER_SENTENCES = [
    "Officials said 12 people were killed.",
    "At least 12 soldiers were killed in the attack.",
    "About 12 people attended the meeting.",
    "Twelve civilians were injured.",
    "The talks lasted 12 days.",
    "The plan costs 12 million dollars.",
    "He counted 12 and then 12 again.",
    "Some 12 trucks crossed the border, and 12 more waited.",
    "Police said 12 of them were wounded.",
]
number_text = st.lists(
    st.lists(st.sampled_from(NUMBER_SENTENCES), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=4,
).map("\n\n".join)


@SETTINGS
@given(number_text, number_text, number_text)
def test_numbers_match_by_key_as_by_pairs(first: str, second: str, third: str) -> None:
    """Numbers joined by their fact key get the match ids and statuses of the pairwise test."""
    numbers = numbers_table([document(first, "A"), document(second, "B"), document(third, "C")])
    fast = match_numbers(numbers)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(number_matching, "_same_value_groups", same_value_groups_simple)
        simple = match_numbers(numbers)
    pd.testing.assert_frame_equal(fast, simple)


def side_by_side_simple(matched: pd.DataFrame) -> pd.DataFrame:
    """The direct definition: filter every match's rows by outlet (quadratic in pandas calls)."""
    outlets = sorted(matched["outlet"].unique()) if len(matched) else []
    rank = {status: index for index, status in enumerate(MATCH_STATUSES)}
    rows = []
    for identifier, group in matched.groupby("match_id", sort=True):
        row = {"match_id": identifier, "kind": group["kind"].iloc[0], "unit": group["unit"].iloc[0]}
        for outlet in outlets:
            part = group[group["outlet"] == outlet]
            shown = [
                text if not counted else display(text, counted, evidence)
                for text, counted, evidence in zip(
                    part["text"], part["counted"], part["evidence"], strict=True
                )
            ]
            row[outlet] = "; ".join(dict.fromkeys(shown)) or MISSING
        row["status"] = group["status"].iloc[0]
        rows.append(row)
    rows.sort(key=lambda row: (rank[row["status"]], row["match_id"]))  # stable
    return pd.DataFrame(rows, columns=["match_id", "kind", "unit", *outlets, "status"])


def display(text: str, counted: str, evidence: str) -> str:
    """The shown form of one number (as ``side_by_side`` documents it)."""

    rest = str(evidence).split("]]", 1)[-1]
    index = rest.find(counted)
    if 0 <= index <= 12 and not re.search(r"[,.;:()]", rest[:index]):
        return text + rest[: index + len(counted)]
    return f"{text} ({counted})"


@SETTINGS
@given(article_text, article_text)
def test_side_by_side_equals_filter_per_outlet(first: str, second: str) -> None:
    matched = match_numbers(numbers_table([document(first, "A"), document(second, "B")]))
    pd.testing.assert_frame_equal(side_by_side(matched), side_by_side_simple(matched))


def quote_intervals_simple(sentences: pd.DataFrame, cleaned: list[Document]) -> list:
    """The direct definition: each sentence's block quotes, looked up by a filter per sentence."""
    by_id = {item.id: item for item in cleaned}
    return [
        sentence_quotes(list(by_id[row.article].quoted[int(row.block)]), row.start, row.end)
        for row in sentences.itertuples(index=False)
    ]


@SETTINGS
@given(article_text, article_text)
def test_quote_intervals_equal_per_sentence_lookup(first: str, second: str) -> None:
    cleaned = [document(first, "A"), document(second, "B")]
    sentences = sentences_table(cleaned)
    expected = quote_intervals_simple(sentences, cleaned)
    assert quote_intervals(sentences, cleaned) == expected
    assert quote_intervals(sentences) == expected  # rebuilt from the sentences: whole blocks given


def test_quotation_ending_where_the_next_sentence_starts() -> None:
    """A sentence starting right at a quotation's end has no quoted interval (rebuilt block)."""
    sentences = pd.DataFrame(
        {
            "article": ["a", "a"],
            "sentence": [0, 1],
            "block": [0, 0],
            "start": [0, 4],
            "end": [4, 6],
            "text": ['"A."', "B."],
        }
    )
    assert quote_intervals(sentences) == [[(0, 4)], []]


# --- alias grouping: blocking (issue 15, 10,000 aliases) -------------------------------------------

NAME_PARTS = ["Hassan", "Hasan", "Rouhani", "Rohani", "Kim", "Jong", "Un", "Jong-un", "North",
              "Korea", "Islamic", "Revolutionary", "Guards", "Corps", "IRGC", "Mohammad",
              "Mohammed", "Khan", "Imran", "Pakistan", "Pakistani", "Clinton", "Bill", "A.",
              "Jr.", "President", "the", "Baloch", "Baluch", "Baluchistan", "Jaish", "al-Adl",
              "Jaïch", "Moon", "Jae-in", "UN", "United", "Nations"]  # fmt: skip
names_list = st.lists(
    st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=4).map(" ".join),
    min_size=2,
    max_size=14,
    unique=True,
)


def _maps(names: list[str]) -> tuple[dict, dict, dict]:
    from analysis.text.names import acronym, name_tokens, normalise_name

    return (
        {name: normalise_name(name) for name in names},
        {name: name_tokens(name) for name in names},
        {name: acronym(name) for name in names},
    )


@SETTINGS
@given(names_list, st.sampled_from([0.85, 0.7, 0.95]))
@example(["Kim", "Kim Jong Un", "IRGC", "Islamic Revolutionary Guards Corps", "Rohani",
          "Hassan Rouhani", "North", "North Korea", "Revolutionary Guards"], 0.85)  # fmt: skip
def test_blocking_keeps_every_pair_a_rule_links(names: list[str], threshold: float) -> None:
    """Every pair the link rules link (all pairs tried) shares a blocking key."""
    from analysis.text.names import is_acronym, link_rule
    from analysis.text.names.blocking import candidate_pairs

    norm, toks, acro = _maps(names)
    pairs = set(candidate_pairs(sorted(names), norm, toks, acro, is_acronym, threshold))
    for index, a in enumerate(sorted(names)):
        for b in sorted(names)[index + 1 :]:
            if link_rule(a, b, threshold, names) is not None:
                assert (a, b) in pairs, (a, b)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.lists(st.text("abcdeho ", min_size=1, max_size=14), min_size=2, max_size=12, unique=True),
    st.sampled_from([0.85, 0.75, 0.9]),
)
def test_fuzzy_blocking_keeps_every_pair_above_the_threshold(
    texts: list[str], threshold: float
) -> None:
    """Prefix filtering on bigrams misses no pair whose SequenceMatcher ratio reaches the threshold."""
    from difflib import SequenceMatcher

    from analysis.text.names.blocking import fuzzy_pairs

    names = sorted({" ".join(text.split()) for text in texts} - {""})
    norm = {name: name for name in names}
    toks = {name: tuple(name.split()) for name in names}
    pairs = fuzzy_pairs(names, norm, toks, threshold)
    for index, a in enumerate(names):
        for b in names[index + 1 :]:
            ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
            if len(toks[a]) == len(toks[b]) and ratio >= threshold:
                assert (a, b) in pairs, (a, b, ratio)


def test_actor_file_aliases_are_compared_only_with_the_texts_names() -> None:
    """Thousands of actor-file aliases: every compared pair holds a name of the text, so the number
    of comparisons grows linearly with the aliases (and a text name still meets its alias)."""
    from analysis.text.names import is_acronym
    from analysis.text.names.blocking import candidate_pairs

    file_names = [f"{given} {surname}" for given in ("Amir", "Bella", "Carlos", "Dana")
                  for surname in ("Rohani", "Rouhani", "Rohanny", "Rohane", "Karimi", "Karimy")]  # fmt: skip
    file_names += ["Rohani", "Karimi", "IRGC", "Islamic Revolutionary Guards Corps"]
    text_names = ["Amir Rohany", "Guards"]
    names = sorted(file_names + text_names)
    norm, toks, acro = _maps(names)
    pairs = candidate_pairs(names, norm, toks, acro, is_acronym, 0.85, fixed=set(file_names))
    assert pairs and all(set(pair) & set(text_names) for pair in pairs)
    assert ("Amir Rohani", "Amir Rohany") in pairs
    everything = candidate_pairs(names, norm, toks, acro, is_acronym, 0.85)
    assert ("Amir Rohani", "Amir Rouhani") in everything  # without fixed names they meet


# --- quotations: nested and unbalanced marks over many paragraphs (issue 15) -------------------------

NESTED_QUOTES = [
    '"He said \'they "never" came back, and left.',
    "\u201cThe outer quote \u2018holds an inner \u201cdeeper one\u2019 that never closes.",
    'The spokesman said: "We will \u201cwin\u201d and \u2018they\u2019 will lose',
    '" a stray mark starts the line, said officials, "and another one',
    "\u201cOne\u201d \u201ctwo\u201d \u2018three \u201cfour\u2019 five\u201d six.",
]
nested_article = st.lists(
    st.lists(st.sampled_from(NESTED_QUOTES), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=8,
).map("\n\n".join)


@SETTINGS
@given(nested_article)
def test_paragraph_index_of_quotations_equals_the_article_scan(text: str) -> None:
    """Attribution looks up a quotation's paragraph neighbours in ``block_spans`` instead of scanning
    every quotation of the article (quadratic over 3,000 paragraphs): the index holds exactly the
    spans of each block, in text order."""
    from analysis.measures.quotes.context import ArticleContext
    from analysis.measures.quotes.verbs import load_verb_classes, reporting_verbs

    article = ArticleContext(document(text, "A"), reporting_verbs(load_verb_classes()))
    for block in {span.block for span in article.spans}:
        scanned = [span for span in article.spans if span.block == block]
        assert [id(span) for span in article.block_spans[block]] == [id(s) for s in scanned]


def shared_terms_simple(
    left: np.ndarray, right: np.ndarray, vocabulary: list[str], labels: dict[str, str]
) -> str:
    """The top shared features of a pair from its dense rows (as documented in align_sentences)."""
    contribution: dict[str, float] = {}
    for column in np.nonzero((left > 0) & (right > 0))[0]:
        label = labels.get(vocabulary[column], vocabulary[column])
        contribution[label] = contribution.get(label, 0.0) + float(left[column] * right[column])
    ranked = sorted(contribution, key=lambda label: (-round(contribution[label], 12), label))
    return ";".join(ranked[:SHARED_TERMS_SHOWN])


def align_sentences_simple(
    sentences: pd.DataFrame, partial_threshold: float, weighting: str
) -> pd.DataFrame:
    """The all-pairs definition: dense weights, every pair's similarity, pairs kept by threshold."""
    table = sentences.sort_values(SENTENCE_KEYS, kind="stable").reset_index(drop=True)
    rows = []
    for event_id, event in table.groupby("event_id", sort=True):
        body = (event["block_kind"] == "paragraph").tolist()
        units = [token_units(text) for text in event["text"]]
        names = unit_names(units, body)
        featured = [unit_features(sentence_units, names) for sentence_units in units]
        features, labels = [f for f, _ in featured], [w for _, w in featured]
        if weighting == "background":
            weights, vocabulary, _ = background_matrix(features, labels, names)
            similarity = fact_similarity(weights, vocabulary, names)
        else:
            weights, vocabulary, _ = tfidf_matrix(features)
            similarity = similarity_matrix(weights)
        outlets = event["outlet"].to_numpy()
        heading = (event["block_kind"] == "heading").to_numpy()
        keep = (similarity >= partial_threshold) & (similarity > 0)
        keep &= (outlets[:, None] != outlets[None, :]) & (heading[:, None] == heading[None, :])
        for i, j in zip(*np.nonzero(keep), strict=True):
            rows.append(
                {
                    "event_id": event_id,
                    "outlet": outlets[i],
                    "article": event["article"].iloc[i],
                    "sentence": int(event["sentence"].iloc[i]),
                    "other_outlet": outlets[j],
                    "other_article": event["article"].iloc[j],
                    "other_sentence": int(event["sentence"].iloc[j]),
                    "similarity": float(similarity[i, j]),
                    "shared_terms": shared_terms_simple(
                        weights[i], weights[j], vocabulary, labels[i]
                    ),
                }
            )
    order = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


headed_text = st.lists(
    st.one_of(paragraph, st.sampled_from(["Porous border", "Talks in Tehran"])),
    min_size=1,
    max_size=6,
).map("\n\n".join)


@SETTINGS
@given(headed_text, headed_text, article_text, st.sampled_from(["background", "idf"]))
def test_alignment_equals_all_pairs(first: str, second: str, third: str, weighting: str) -> None:
    """On ordinary events (no sentence with MAX_PARTNERS partners in one outlet) the inverted
    index gives exactly the all-pairs table: pairs, similarities, shared features."""
    cleaned = [document(first, "A"), document(second, "B"), document(third, "C")]
    sentences = sentences_table(cleaned)
    fast = align_sentences(sentences, partial_threshold=0.05, weighting=weighting)
    simple = align_sentences_simple(sentences, 0.05, weighting)
    pd.testing.assert_frame_equal(fast, simple)


def test_repeated_articles_keep_each_sentences_best_partners() -> None:
    """Two articles repeating one sentence beyond MAX_PARTNERS times: every pair kept is an
    all-pairs pair with its similarity; each sentence keeps its MAX_PARTNERS best partners (the
    earliest on ties); the table stays within 2 × MAX_PARTNERS rows per sentence; the statuses
    equal the all-pairs statuses."""
    copies = MAX_PARTNERS + 10
    texts = [
        "\n\n".join(f"Update {n}. The minister said people were killed." for n in range(copies)),
        "\n\n".join(f"Report {n}. The minister said people were killed." for n in range(copies)),
    ]
    cleaned = [document(texts[0], "A"), document(texts[1], "B")]
    sentences = sentences_table(cleaned)
    fast = align_sentences(sentences)
    simple = align_sentences_simple(sentences, PARTIAL_THRESHOLD, "background")
    assert len(simple) > 2 * copies * copies  # all-pairs: every copy with every copy
    keys = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    both = fast.merge(simple, on=keys, suffixes=("", "_all"), validate="one_to_one")
    assert len(both) == len(fast) < len(simple)  # the copies beyond the cap are left out
    assert len(fast) <= 2 * 2 * MAX_PARTNERS * copies
    assert (both["similarity"] == both["similarity_all"]).all()
    ranked = simple.sort_values(["similarity", "other_sentence"], ascending=[False, True])
    best = ranked.groupby(["outlet", "sentence"]).head(MAX_PARTNERS)
    assert len(best.merge(fast, on=keys)) == len(best)
    pd.testing.assert_frame_equal(
        classify_sentences(sentences, fast), classify_sentences(sentences, simple)
    )


@SETTINGS
@given(headed_text, headed_text, article_text, st.sampled_from(["background", "idf"]))
def test_pairs_found_through_shortened_lists_keep_exact_similarities(
    first: str, second: str, third: str, weighting: str
) -> None:
    """With every posting list shortened to one champion, each pair still listed carries its
    all-pairs similarity (rescored over all its shared features)."""
    cleaned = [document(first, "A"), document(second, "B"), document(third, "C")]
    sentences = sentences_table(cleaned)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(alignment_pairs, "CHAMPIONS", 1)
        fast = align_sentences(sentences, partial_threshold=0.05, weighting=weighting)
    simple = align_sentences_simple(sentences, 0.05, weighting)
    keys = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    both = fast.merge(simple, on=keys, suffixes=("", "_all"), validate="one_to_one")
    assert len(both) == len(fast)
    assert (both["similarity"] == both["similarity_all"]).all()


def repeated_event(copies: int) -> pd.DataFrame:
    """Two articles repeating one sentence ``copies`` times, each copy after a numbered one."""
    texts = [
        "\n\n".join(f"Update {n}. The minister said people were killed." for n in range(copies)),
        "\n\n".join(f"Report {n}. The minister said people were killed." for n in range(copies)),
    ]
    return sentences_table([document(texts[0], "A"), document(texts[1], "B")])


def test_champion_lists_keep_the_work_linear_and_the_similarities_exact(monkeypatch) -> None:
    """Posting lists shortened to CHAMPIONS (here 8; MAX_PARTNERS 3): two articles of copies
    still keep each sentence's best partners (the earliest on ties) with their all-pairs
    similarities and the all-pairs statuses, while the pairs scored grow linearly with the copies
    (all pairs: quadratically)."""
    monkeypatch.setattr(alignment_pairs, "MAX_PARTNERS", 3)
    monkeypatch.setattr(alignment_pairs, "CHAMPIONS", 8)
    scored: list[int] = []
    dot_products = alignment_pairs._dot_products

    def counted(*args):
        result = dot_products(*args)
        scored.append(len(result[0]))
        return result

    monkeypatch.setattr(alignment_pairs, "_dot_products", counted)
    work = []
    for copies in (40, 80):
        scored.clear()
        sentences = repeated_event(copies)
        fast = align_sentences(sentences)
        work.append(sum(scored))
    simple = align_sentences_simple(sentences, PARTIAL_THRESHOLD, "background")
    keys = [*SENTENCE_KEYS, "other_outlet", "other_article", "other_sentence"]
    both = fast.merge(simple, on=keys, suffixes=("", "_all"), validate="one_to_one")
    assert len(both) == len(fast) <= 2 * 3 * len(sentences)  # 3 best each way, both directions
    assert (both["similarity"] == both["similarity_all"]).all()
    ranked = simple.sort_values(["similarity", "other_sentence"], ascending=[False, True])
    best = ranked.groupby(["outlet", "sentence"]).head(3)
    assert len(best.merge(fast, on=keys)) == len(best)
    pd.testing.assert_frame_equal(
        classify_sentences(sentences, fast), classify_sentences(sentences, simple)
    )
    assert work[1] <= 2.2 * work[0]  # all pairs: 4 ×


def mention_sentences_simple(mentions: pd.DataFrame, tone: pd.DataFrame) -> pd.DataFrame:
    """The direct definition: every mention × sentence of its article, filtered."""
    pairs = mentions.merge(tone, on="article", how="inner")
    inside = (pairs["start"] <= pairs["sentence_start"]) & (pairs["sentence_end"] <= pairs["end"])
    covers = (pairs["sentence_start"] <= pairs["start"]) & (pairs["end"] <= pairs["sentence_end"])
    return pairs[inside | covers].reset_index(drop=True)


@SETTINGS
@given(article_text, article_text, st.randoms(use_true_random=False))
def test_mention_sentences_equal_merge(first: str, second: str, chooser) -> None:
    """Mentions (their own spans and their sentences' spans, shuffled) meet the same sentences, in
    the same order, as the merge over every mention × sentence pair."""
    cleaned = [document(first, "A"), document(second, "B")]
    tone = sentences_table(cleaned)[["outlet", "article", "sentence", "start", "end"]]
    spans = [
        (row.article, f"actor {n % 3}", start, end)
        for n, row in enumerate(tone.itertuples(index=False))
        for start, end in [(row.start, row.end), (row.start + 1, min(row.end, row.start + 4))]
    ]
    spans.append((tone["article"].iloc[0], "actor 0", 0, int(tone["end"].max())))  # covers all
    spans.append(("elsewhere", "actor 1", 0, 5))  # an article without sentences
    chooser.shuffle(spans)
    mentions = pd.DataFrame(spans, columns=["article", "actor", "sentence_start", "sentence_end"])
    pd.testing.assert_frame_equal(
        mention_sentences(mentions, tone), mention_sentences_simple(mentions, tone)
    )


def title_like_simple(block: Block) -> bool:
    """``title_like`` as first written: every word of the block read."""
    if block.kind != "paragraph":
        return True
    words = TITLE_WORD.findall(block.text)
    capitalised = sum(w[:1].isupper() for w in words)
    return (
        4 <= len(words) <= 25 and capitalised >= 0.7 * len(words) and not block.text.endswith(".")
    )


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["Iran", "Border", "talks", "Force", "a", "Khan's", "U.S."]), max_size=40
    ),
    stop=st.sampled_from(["", ".", "?"]),
)
def test_title_test_reads_at_most_26_words_with_the_same_answer(
    words: list[str], stop: str
) -> None:
    """A quoted span's block is tested for a title per span; a one-line article of megabytes must
    not be re-read each time, so ``title_like`` stops after 26 words, with the same answer."""
    text = " ".join(words) + stop
    block = Block("paragraph", text, 0, len(text), 0, len(text))
    assert title_like(block) == title_like_simple(block)


intervals = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@SETTINGS
@given(intervals, st.integers(-2, 80), st.integers(1, 10))
def test_interval_union_answers_as_a_scan_does(spans, offset: int, width: int) -> None:
    """Membership and overlap by bisection equal the scans over every interval they replace."""
    union = IntervalUnion(spans)
    assert (offset in union) == is_quoted(offset, spans)
    end = offset + width
    assert union.overlaps(offset, end) == any(
        start < end and offset < stop for start, stop in spans
    )


def sentence_initial_simple(text: str, start: int) -> bool:
    """The definition with copies of the text before ``start`` (quadratic in a huge paragraph)."""
    before = text[:start].rstrip()
    if before and before[-1] == '"' and (len(before) == 1 or not before[-2].isalnum()):
        return True
    before = before.rstrip("\"'([").rstrip()
    return not before or before[-1] in ".!?:\n" or before.endswith(('."', ".'", '?"', '!"'))


@SETTINGS
@given(st.text(alphabet=" \n\"'([.!?:aA1,", max_size=12), st.data())
def test_sentence_initial_reads_back_without_copying(text: str, data) -> None:
    """The local backward look equals the definition on copies of the preceding text."""
    start = data.draw(st.integers(0, len(text)))
    assert sentence_initial(text, start) == sentence_initial_simple(text, start)
