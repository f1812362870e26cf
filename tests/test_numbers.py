"""Numbers and facts: quantity extraction (patterns, exclusions, offsets) and matching across outlets."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest.manifest import Article, articles
from analysis.measures.numbers import (
    COLUMNS,
    MATCH_STATUSES,
    MISSING,
    extract_numbers,
    find_quantities,
    head_class,
    lemma,
    match_numbers,
    numbers_table,
    side_by_side,
)
from analysis.text.cleaning import clean_article, clean_text
from analysis.text.cleaning_rules import load_rules
from analysis.text.document import Document, Sentence


def make_article(text: str, outlet: str = "VOA", stem: str = "000_test", event: str = "ev"):
    """A clean article built from ``text`` with no cleaning rules (paragraphs split on blank lines)."""
    tracked, blocks, changes = clean_text(text, [])
    article = Article(
        event, outlet, "title", "2019-04-22", Path(f"{stem}.txt"), "en", "en", "", "", ""
    )
    return Document(article, text, tracked, blocks, changes)


def only(sentence: str):
    found = find_quantities(sentence)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# --- extraction patterns ----------------------------------------------------------------------------
# sentence, text, value, unit, approx, counted, head, kind
# fmt: off
PATTERNS = [
    # digits, thousands separators, decimals
    ("Pakistan has 2,000 troops on the border.", "2,000", 2000, "people", "", "troops", "troop", "people"),
    ("Growth was 2.5 percent last year.", "2.5 percent", 2.5, "percent", "", "", "", "percent"),
    # approximators
    ("More than 1,200 people fled, officials said.", "More than 1,200", 1200, "people", "more than", "people", "people", "people"),
    ("Nearly 300 soldiers were deployed.", "Nearly 300", 300, "people", "nearly", "soldiers", "soldier", "people"),
    ("At least 40 refugees arrived.", "At least 40", 40, "people", "at least", "refugees", "refugee", "people"),
    ("Rebels seized 10,000-plus rifles.", "10,000-plus", 10000, "count", "or more", "rifles", "rifle", "other"),
    ("They found 10 or more rifles.", "10 or more", 10, "count", "or more", "rifles", "rifle", "other"),
    # ranges (value is the lower bound)
    ("About 10-12 soldiers were deployed.", "About 10-12", 10, "people", "about; range", "soldiers", "soldier", "people"),
    ("Between 10 and 12 refugees arrived.", "10 and 12", 10, "people", "range", "refugees", "refugee", "people"),
    ("Two or three militants escaped.", "Two or three", 2, "people", "range", "militants", "militant", "people"),
    # spelled-out numbers and multipliers
    ("Iran and Pakistan host about six million Afghan refugees.", "about six million", 6e6, "people", "about", "Afghan refugees", "refugee", "people"),
    ("He named two hundred and fifty delegates.", "two hundred and fifty", 250, "people", "", "delegates", "delegate", "people"),
    ("Twenty-five students attended.", "Twenty-five", 25, "people", "", "students", "student", "people"),
    ("A dozen journalists came.", "A dozen", 12, "people", "", "journalists", "journalist", "people"),
    ("Dozens of protesters gathered.", "Dozens", 24, "people", "dozens", "protesters", "protester", "people"),
    ("Scores of villagers left.", "Scores", 40, "people", "scores", "villagers", "villager", "people"),
    ("Tens of thousands of people marched.", "Tens of thousands", 20000, "people", "tens of thousands", "people", "people", "people"),
    ("Only half a million people voted.", "half a million", 5e5, "people", "", "people", "people", "people"),
    ("Half of the refugees are children.", "Half", 0.5, "fraction", "", "refugees", "refugee", "percent"),
    ("Two-thirds of the voters agreed.", "Two-thirds", 2 / 3, "fraction", "", "voters", "voter", "percent"),
    ("They counted 1.2bn passengers.", "1.2bn", 1.2e9, "people", "", "passengers", "passenger", "people"),
    # money
    ("It includes a $10 billion Saudi oil refinery and petrochemical complex.", "$10 billion", 1e10, "money:USD", "", "Saudi oil refinery", "refinery", "money"),
    ("The firm raised $1.2bn last year.", "$1.2bn", 1.2e9, "money:USD", "", "", "", "money"),
    ("It costs $5m.", "$5m", 5e6, "money:USD", "", "", "", "money"),
    ("Riyadh pledged billions of dollars in new investments.", "billions of dollars", 2e9, "money:USD", "billions", "", "", "money"),
    ("The plan costs 2.5 million euros.", "2.5 million euros", 2.5e6, "money:EUR", "", "", "", "money"),
    ("The fine was 3,000 Pakistani rupees.", "3,000 Pakistani rupees", 3000, "money:PKR", "", "", "", "money"),
    ("The fine was 3,000 rupees.", "3,000 rupees", 3000, "money:rupee", "", "", "", "money"),
    ("He paid 10 million rials.", "10 million rials", 1e7, "money:rial", "", "", "", "money"),
    ("They pledged Rs 500 crore for roads.", "Rs 500 crore", 5e9, "money:rupee", "", "", "", "money"),
    ("The bill was €40 million.", "€40 million", 4e7, "money:EUR", "", "", "", "money"),
    # distances and areas (units are not converted)
    ("Both share a frontier of more than 900-kilometers.", "more than 900-kilometers", 900, "distance:km", "more than", "frontier", "frontier", "distance"),
    ("The road runs 900 km through the desert.", "900 km", 900, "distance:km", "", "", "", "distance"),
    ("The pipe is 900 kilometres long.", "900 kilometres long", 900, "distance:km", "", "", "", "distance"),
    ("It is a 560-mile frontier.", "560-mile", 560, "distance:mile", "", "frontier", "frontier", "distance"),
    ("It covers 1,500 square kilometers.", "1,500 square kilometers", 1500, "area:km2", "", "", "", "distance"),
    # percentages
    ("Unemployment rose to 7.5% in March.", "7.5%", 7.5, "percent", "", "", "", "percent"),
    ("Inflation hit 40 per cent.", "40 per cent", 40, "percent", "", "", "", "percent"),
    ("Over 50 percent of the vote went to him.", "Over 50 percent", 50, "percent", "over", "vote", "vote", "percent"),
    ("Support fell 5 percentage points.", "5 percentage points", 5, "percentage_point", "", "", "", "percent"),
    # durations
    ("He noted his two-day visit to Iran.", "two-day", 2, "duration:day", "", "visit", "visit", "duration"),
    ("He served 14 years in prison.", "14 years", 14, "duration:year", "", "", "", "duration"),
    ("The talks lasted six hours.", "six hours", 6, "duration:hour", "", "", "", "duration"),
    # counts of people and casualties
    ("Pakistan asked Iran to act after last week's killing of 14 Pakistani soldiers.", "14", 14, "people", "", "Pakistani soldiers", "soldier", "casualty"),
    ("A car bombing killed 27 members of the Islamic Revolutionary Guards Corps (IRGC).", "27", 27, "people", "", "members of the Islamic Revolutionary Guards Corps", "member", "casualty"),
    ("Baloch separatists had killed 14 soldiers and members of the Pakistani security forces the day before.", "14", 14, "people", "", "soldiers and members of the Pakistani security forces", "soldier", "casualty"),
    ("A car bomb attack killed 27 Iranian soldiers in the province.", "27", 27, "people", "", "Iranian soldiers", "soldier", "casualty"),
    ("Fourteen policemen were wounded.", "Fourteen", 14, "people", "", "policemen", "policeman", "casualty"),
    ("The blast that killed 27 shocked the country.", "27", 27, "people", "", "", "", "casualty"),
    ("He killed one soldier.", "one", 1, "people", "", "soldier", "soldier", "casualty"),
    ("They came from three Baluch terrorist organizations based in Iran.", "three", 3, "count", "", "Baluch terrorist organizations", "organization", "other"),
    ("Some 500 people attended, and 3 of the victims were children.", "Some 500", 500, "people", "some", "people", "people", "people"),
    ("A 14-member delegation arrived.", "14", 14, "people", "", "member delegation", "member", "people"),
    ("Two Soldiers Killed", "Two", 2, "people", "", "Soldiers", "soldier", "casualty"),
    # a number that counts nothing
    ("Iran could increase by ten the volume of electricity.", "ten", 10, "number", "", "", "", "other"),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "approx", "counted", "head", "kind"), PATTERNS
)
def test_extraction_patterns(sentence, text, value, unit, approx, counted, head, kind) -> None:
    found = [q for q in find_quantities(sentence) if q.text == text]
    assert found, [q.text for q in find_quantities(sentence)]
    quantity = found[0]
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.approx, quantity.counted, quantity.head, quantity.kind) == (
        unit,
        approx,
        counted,
        head,
        kind,
    )
    assert sentence[quantity.start : quantity.end] == text


NEGATIVES = [
    "Both countries announced Monday, April 22, their willingness to cooperate.",
    "It happened on 22 April 2019.",
    "In 2019 the talks failed.",
    "The 2018 budget was cut.",
    "Shares rose in the 1990s and the '90s.",
    "In his 60s, he retired.",
    "He left at 3 p.m. on Monday.",
    "He left at 3pm.",
    "He left at 10:30.",
    "A 25-year-old man was arrested.",
    "The man, 45 years old, was arrested.",
    "John Smith, 45, was arrested.",
    "He died at the age of 30.",
    "She was the first woman to win, and the 14th overall.",
    "He is one of the leaders.",
    "No one was hurt.",
    "One official said the talks failed.",
    "They help one another.",
    "The F-16 crashed near Route 66.",
    "UN Resolution 2231 was adopted at No. 10.",
    "The team won 3-2 in the 2019-20 season.",
    "Two years ago, talks failed.",
    "The Group of Seven met.",
    "Several soldiers and many refugees left.",
    "They used 4G networks in Gwadar on Friday.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_quantities(sentence) -> None:
    assert [q.text for q in find_quantities(sentence)] == []


def test_ordinal_shaped_fraction_is_a_count_but_the_ordinal_is_not() -> None:
    assert only("A third of the soldiers left.").value == pytest.approx(1 / 3)
    assert find_quantities("The third of April was calm.") == []


def test_year_with_a_count_or_currency_stays_a_quantity() -> None:
    assert only("About 2000 people came.").value == 2000
    assert only("It cost $1999.").unit == "money:USD"
    assert only("Pakistan sent 2019 soldiers.").unit == "people"


def test_capitalised_number_word_counts_in_headlines_only() -> None:
    item = make_article("Two Soldiers Killed\n\nThe Group of Seven met. Two soldiers died.")
    table = extract_numbers(item)
    assert table["text"].tolist() == ["Two", "Two"]
    assert [item.blocks[0].kind, item.blocks[1].kind] == ["headline", "paragraph"]


def test_lemma_and_head_class() -> None:
    assert [
        lemma(w) for w in ["soldiers", "members", "refugees", "casualties", "men", "people"]
    ] == [
        "soldier",
        "member",
        "refugee",
        "casualty",
        "man",
        "people",
    ]
    assert lemma("policemen") == "policeman"
    assert head_class("member") == head_class("soldier") == head_class("troop") == "soldier"
    assert head_class("migrant") == head_class("refugee") == "refugee"
    assert head_class("refinery") == "refinery"


# --- the table: columns, offsets, evidence ----------------------------------------------------------


def test_extract_numbers_columns_offsets_and_evidence() -> None:
    text = (
        "Militants killed 14 soldiers on April 22, 2019.\n\n"
        "Iran and Pakistan host about six million Afghan refugees. The $10 billion refinery is new."
    )
    item = make_article(text, outlet="RFI", stem="001_x", event="ev1")
    table = extract_numbers(item)
    assert list(table.columns) == COLUMNS
    assert table["text"].tolist() == ["14", "about six million", "$10 billion"]
    assert table["number"].tolist() == [0, 1, 2]
    assert set(table["outlet"]) == {"RFI"} and set(table["article"]) == {"001_x"}
    assert set(table["event_id"]) == {"ev1"}
    for row in table.itertuples():
        assert item.text[row.start : row.end] == row.text
        assert row.sentence_start <= row.start < row.end <= row.sentence_end
        sentence = item.text[row.sentence_start : row.sentence_end]
        left, right = row.start - row.sentence_start, row.end - row.sentence_start
        assert row.evidence == f"{sentence[:left]}[[{row.text}]]{sentence[right:]}"
    second = table.iloc[1]
    assert second["start"] == text.index("about six million")
    assert second["evidence"].startswith("Iran and Pakistan host [[about six million]] Afghan")


def test_numbers_table_sorted_and_empty() -> None:
    items = [
        make_article("Militants killed 14 soldiers.", outlet="VOA", stem="000_a"),
        make_article("Militants killed 27 soldiers.", outlet="RFI", stem="001_b"),
    ]
    table = numbers_table(items)
    assert table["outlet"].tolist() == ["RFI", "VOA"]
    empty = numbers_table([make_article("Nothing to count here.")])
    assert list(empty.columns) == COLUMNS and len(empty) == 0
    matched = match_numbers(empty)
    assert list(matched.columns) == [*COLUMNS, "role", "match_id", "status"]
    assert list(side_by_side(matched).columns) == ["match_id", "kind", "unit", "status"]


# --- matching on synthetic two-outlet tables -------------------------------------------------------


def row(outlet, value, unit, kind, counted, head, approx="", text=None, event="ev", start=0):
    text = text if text is not None else f"{value:g}"
    return {
        "event_id": event,
        "outlet": outlet,
        "article": f"{outlet.lower()}_1",
        "number": 0,
        "value": float(value),
        "text": text,
        "start": start,
        "end": start + len(text),
        "unit": unit,
        "approx": approx,
        "counted": counted,
        "head": head,
        "kind": kind,
        "sentence_start": start,
        "sentence_end": start + 100,
        "evidence": ("Militants killed " if kind == "casualty" else "") + f"[[{text}]] {counted}.",
    }


def status_of(matched: pd.DataFrame) -> dict[tuple[str, float], str]:
    return {(r.outlet, r.value): r.status for r in matched.itertuples()}


def test_reported_alike() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 14, "people", "casualty", "Pakistani soldiers", "soldier"),
            row("RFI", 14, "people", "casualty", "Pakistani soldiers", "soldier"),
        ]
    )
    matched = match_numbers(table)
    assert matched["status"].tolist() == ["reported alike"] * 2
    assert matched["match_id"].nunique() == 1


def test_different_description_keeps_both_descriptions() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 27, "people", "casualty", "members of the IRGC", "member"),
            row("RFI", 27, "people", "casualty", "Iranian soldiers", "soldier"),
            row("VOA", 6e6, "people", "people", "Afghan refugees", "refugee", approx="about"),
            row("RFI", 6e6, "people", "people", "Afghan migrants", "migrant"),
        ]
    )
    matched = match_numbers(table)
    assert matched["status"].tolist() == ["different description"] * 4
    assert matched["match_id"].nunique() == 2
    wide = side_by_side(matched).set_index("match_id")
    assert wide.loc["casualty/people/27/killed", "VOA"] == "27 members of the IRGC"
    assert wide.loc["casualty/people/27/killed", "RFI"] == "27 Iranian soldiers"


def test_approximator_difference_is_a_different_description() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 900, "distance:km", "distance", "", "", approx="more than"),
            row("RFI", 900, "distance:km", "distance", "", ""),
        ]
    )
    assert match_numbers(table)["status"].tolist() == ["different description"] * 2


def test_same_value_incompatible_heads_are_not_matched() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 2, "count", "other", "countries", "country"),
            row("RFI", 2, "count", "other", "organizations", "organization"),
            row("VOA", 3, "people", "people", "refugees", "refugee"),
            row("RFI", 3, "people", "people", "soldiers", "soldier"),
            row("VOA", 10, "number", "other", "", ""),
            row("RFI", 10, "number", "other", "", ""),
        ]
    )
    matched = match_numbers(table)
    assert set(matched["status"]) == {"one outlet only"}
    assert matched["match_id"].nunique() == 6


def test_different_value_needs_same_kind_and_compatible_head() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 14, "people", "casualty", "Pakistani soldiers", "soldier"),
            row("RFI", 20, "people", "casualty", "troops", "troop"),
            row("VOA", 5, "people", "people", "refugees", "refugee"),
            row("RFI", 7, "people", "people", "soldiers", "soldier"),
            row("RFI", 9, "people", "people", "civilians", "civilian"),
        ]
    )
    matched = match_numbers(table)
    statuses = status_of(matched)
    assert statuses[("VOA", 14)] == statuses[("RFI", 20)] == "different value"
    assert matched.loc[matched["value"] == 14, "match_id"].iloc[0] == "casualty/people/killed/14~20"
    assert statuses[("VOA", 5)] == statuses[("RFI", 7)] == statuses[("RFI", 9)] == "one outlet only"


def test_different_value_not_for_bare_numbers_or_other_kinds() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 14, "people", "casualty", "soldiers", "soldier"),
            row("RFI", 300, "people", "people", "soldiers", "soldier"),
            row("VOA", 4, "number", "other", "", ""),
            row("RFI", 5, "number", "other", "", ""),
        ]
    )
    assert set(match_numbers(table)["status"]) == {"one outlet only"}


def test_matching_is_within_an_event() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 14, "people", "casualty", "soldiers", "soldier", event="a"),
            row("RFI", 14, "people", "casualty", "soldiers", "soldier", event="b"),
        ]
    )
    assert match_numbers(table)["status"].tolist() == ["one outlet only"] * 2


def test_match_ids_do_not_depend_on_row_order() -> None:
    rows = [
        row("VOA", 14, "people", "casualty", "Pakistani soldiers", "soldier", start=10),
        row("RFI", 14, "people", "casualty", "soldiers", "soldier", start=20),
        row("VOA", 3, "count", "other", "organizations", "organization", start=30),
        row("RFI", 1e10, "money:USD", "money", "refinery", "refinery", start=40),
        row("VOA", 20, "people", "casualty", "troops", "troop", start=50),
        row("RFI", 25, "people", "casualty", "troops", "troop", start=60),
    ]
    first = match_numbers(pd.DataFrame(rows))
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    second = match_numbers(pd.DataFrame(shuffled))

    def ids(table: pd.DataFrame) -> dict:
        return {(r.outlet, r.start): (r.match_id, r.status) for r in table.itertuples()}

    assert ids(first) == ids(second)
    assert ids(first)[("VOA", 30)] == ("other/count/3/organization", "one outlet only")


def test_side_by_side_shape_and_placeholder() -> None:
    table = pd.DataFrame(
        [
            row("VOA", 14, "people", "casualty", "Pakistani soldiers", "soldier"),
            row("RFI", 14, "people", "casualty", "soldiers", "soldier"),
            row(
                "VOA",
                1e10,
                "money:USD",
                "money",
                "Saudi oil refinery",
                "refinery",
                text="$10 billion",
            ),
        ]
    )
    wide = side_by_side(match_numbers(table))
    assert list(wide.columns) == ["match_id", "kind", "unit", "RFI", "VOA", "status"]
    assert wide["status"].tolist() == ["different description", "one outlet only"]
    money = wide.iloc[1]
    assert money["RFI"] == MISSING
    assert money["VOA"] == "$10 billion Saudi oil refinery"
    assert list(MATCH_STATUSES) == [
        "reported alike",
        "different description",
        "different value",
        "one outlet only",
    ]


# --- the seed event ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_numbers(seed_event) -> pd.DataFrame:
    return match_numbers(numbers_table(list(seed_event.values())))


def test_seed_offsets_hold(seed_event, seed_numbers) -> None:
    for item in seed_event.values():
        rows = seed_numbers[seed_numbers["outlet"] == item.article.outlet]
        assert len(rows) > 0
        for r in rows.itertuples():
            assert item.text[r.start : r.end] == r.text


def pick(table: pd.DataFrame, outlet: str, value: float) -> pd.Series:
    rows = table[(table["outlet"] == outlet) & (table["value"] == value)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("value", "voa", "rfi"),
    [
        (14, "Pakistani soldiers", "soldiers and members of the Pakistani security forces"),
        (27, "members of the Islamic Revolutionary Guards Corps", "Iranian soldiers"),
    ],
)
def test_seed_casualties_match_with_different_descriptions(seed_numbers, value, voa, rfi) -> None:
    voa_row, rfi_row = pick(seed_numbers, "VOA", value), pick(seed_numbers, "RFI", value)
    assert voa_row["counted"] == voa and rfi_row["counted"] == rfi
    assert voa_row["kind"] == rfi_row["kind"] == "casualty"
    assert voa_row["match_id"] == rfi_row["match_id"]
    assert voa_row["status"] == rfi_row["status"] == "different description"
    wide = side_by_side(seed_numbers).set_index("match_id")
    assert wide.loc[voa_row["match_id"], "VOA"] == f"{value} {voa}"
    assert wide.loc[voa_row["match_id"], "RFI"] == f"{value} {rfi}"
    assert wide.loc[voa_row["match_id"], "status"] == "different description"


def test_seed_money_and_refugees_are_voa_only(seed_numbers) -> None:
    money = pick(seed_numbers, "VOA", 1e10)
    assert (money["text"], money["unit"], money["counted"]) == (
        "$10 billion",
        "money:USD",
        "Saudi oil refinery",
    )
    refugees = pick(seed_numbers, "VOA", 6e6)
    assert (refugees["text"], refugees["approx"], refugees["counted"], refugees["head"]) == (
        "about six million",
        "about",
        "Afghan refugees",
        "refugee",
    )
    assert money["status"] == refugees["status"] == "one outlet only"
    wide = side_by_side(seed_numbers).set_index("match_id")
    assert wide.loc[money["match_id"], "RFI"] == MISSING
    assert wide.loc[refugees["match_id"], "VOA"] == "about six million Afghan refugees"


def test_seed_other_voa_quantities(seed_numbers) -> None:
    voa = seed_numbers[seed_numbers["outlet"] == "VOA"].set_index("text")
    assert voa.loc["more than 900-kilometers", "unit"] == "distance:km"
    assert voa.loc["more than 900-kilometers", "approx"] == "more than"
    assert voa.loc["two-day", "unit"] == "duration:day"
    assert voa.loc["three", "counted"] == "Baluch terrorist organizations"
    rfi = seed_numbers[seed_numbers["outlet"] == "RFI"]
    assert not rfi["text"].str.contains("22").any()  # "Monday, April 22" is a date


# --- BASIL smoke test --------------------------------------------------------------------------------


@pytest.mark.corpus
def test_basil_every_article_extracts_with_exact_offsets(basil: Path) -> None:
    rules = load_rules()
    listed = articles(basil)
    assert len(listed) == 150
    cleaned = [clean_article(article, rules) for article in listed]
    texts = {(item.article.event_id, item.article.path.stem): item.text for item in cleaned}
    table = numbers_table(cleaned)
    assert len(table) > 0
    for r in table.itertuples():
        text = texts[(r.event_id, r.article)]
        assert text[r.start : r.end] == r.text
        assert f"[[{r.text}]]" in r.evidence
    matched = match_numbers(table)
    assert set(matched["status"]) <= set(MATCH_STATUSES)
    assert (matched["match_id"] != "").all()


def test_extract_numbers_reads_the_documents_sentences() -> None:
    """Sentences come from the document (built once), not from a second split: a document whose
    sentence layer is one sentence per block gives that sentence's offsets to every quantity."""
    item = make_article("Militants attacked. They killed 14 soldiers. Police came.")
    block = item.blocks[0]
    item.__dict__["sentences"] = (Sentence(0, 0, block.kind, block.start, block.end, block.text),)
    row = extract_numbers(item).iloc[0]
    assert (row["sentence_start"], row["sentence_end"]) == (block.start, block.end)
