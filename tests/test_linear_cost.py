"""The fast paths of the framing layer (issue 15, linear cost) equal their simple definitions.

Each test builds small inputs from hand-written sentence fragments (hypothesis picks and orders them)
and compares the fast function with the direct, quadratic definition it replaced. No timing here:
speed is measured in ``benchmarks/scaling_check.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.ingest.manifest import Article
from analysis.measures.numbers import match_numbers, numbers_table, side_by_side
from analysis.measures.numbers.matching import MATCH_STATUSES, MISSING
from analysis.measures.speakers import Mentions
from analysis.measures.speakers.mentions import overlapping_spans
from analysis.measures.voice import quote_intervals, sentence_quotes
from analysis.tables.clean_layer import sentences_table
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document
from analysis.text.quotemarks import quoted_spans

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
