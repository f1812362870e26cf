"""Tests for analysis.text.cleaning: blocks, clean text, provenance and offsets back into the raw text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from analysis import config
from analysis.ingest.load import load_event
from analysis.ingest.manifest import Article, articles
from analysis.tables.clean_layer import sentences_table
from analysis.text.cleaning import clean_text, quote_spacing_edits
from analysis.text.cleaning_rules import Rule
from analysis.text.document import Document, Sentence
from analysis.text.offsets import Tracked

# A saved web page: furniture, a headline, a photo caption, curly and French-spaced quotes, a short
# sub-heading, a paragraph wrapped over two lines, a share bar and a line printed twice.
PAGE_LINES = [
    "Skip to content",  # 1 furniture
    "Menu",  # 2 furniture
    "",  # 3
    "Border Force Agreed After Talks",  # 4 headline
    "",  # 5
    "Leaders meet in Tehran on Monday. (Presidency Office via AP)",  # 6 caption
    "",  # 7
    "The two leaders agreed on a \u201cjoint force\u201d to guard the border.",  # 8 curly quotes
    "",  # 9
    "Porous border",  # 10 sub-heading
    "",  # 11
    'Officials said the force would be " ready soon ". Talks lasted two days',  # 12 French spacing
    "  and ended on Tuesday.",  # 13 same paragraph
    "",  # 14
    "Share on Facebook",  # 15 share bar
    "",  # 16
    "A guard patrols the border.",  # 17
    "",  # 18
    "A guard patrols the border.",  # 19 repeated
]
PAGE = "\n".join(PAGE_LINES)

EXPECTED_BLOCKS = [
    ("headline", "Border Force Agreed After Talks"),
    ("paragraph", 'The two leaders agreed on a "joint force" to guard the border.'),
    ("heading", "Porous border"),
    (
        "paragraph",
        'Officials said the force would be "ready soon". Talks lasted two days and ended on Tuesday.',
    ),
    ("paragraph", "A guard patrols the border."),
]

EXPECTED_CHANGES = [  # (rule, action, 1-based raw line, number of edits)
    ("furniture_navigation", "dropped", 1, 1),
    ("furniture_navigation", "dropped", 2, 1),
    ("photo_caption_credit", "dropped", 6, 1),
    ("curly_double_quotes", "changed", 8, 2),
    ("quote_spacing", "changed", 12, 2),
    ("furniture_share_bar", "dropped", 15, 1),
    ("repeated_line", "dropped", 19, 1),
]


def letters(text: str) -> str:
    return "".join(re.findall(r"\w", text))


def line_offset(number: int) -> int:
    """Raw offset where 1-based line ``number`` of PAGE starts."""
    return sum(len(line) + 1 for line in PAGE_LINES[: number - 1])


@pytest.fixture(scope="module")
def page(rules: list[Rule]):
    return clean_text(PAGE, rules, {"language": "en", "original_language": "en", "outlet": "X"})


def test_page_blocks_and_clean_text(page) -> None:
    tracked, blocks, _ = page
    assert [(block.kind, block.text) for block in blocks] == EXPECTED_BLOCKS
    assert tracked.text == "\n\n".join(text for _, text in EXPECTED_BLOCKS)
    for block in blocks:
        assert tracked.text[block.start : block.end] == block.text


def test_page_provenance(page) -> None:
    _, _, changes = page
    assert [(c.rule, c.action, c.line, c.count) for c in changes] == EXPECTED_CHANGES
    for change in changes:
        if change.action == "dropped":
            line = PAGE_LINES[change.line - 1].strip()
            assert change.before == line
            assert change.after == ""
            start = line_offset(change.line) + PAGE_LINES[change.line - 1].index(line)
            assert (change.raw_start, change.raw_end) == (start, start + len(line))
        else:
            assert change.raw_start == line_offset(change.line)
            assert change.before != change.after
        assert change.why


def test_page_changed_paragraphs_are_logged_before_and_after(page) -> None:
    _, _, changes = page
    curly, spacing = (c for c in changes if c.action == "changed")
    assert curly.before == PAGE_LINES[7]
    assert curly.after == 'The two leaders agreed on a "joint force" to guard the border.'
    assert spacing.before == (
        'Officials said the force would be " ready soon ". Talks lasted two days and ended on Tuesday.'
    )
    assert spacing.after == EXPECTED_BLOCKS[3][1]
    assert (spacing.raw_start, spacing.raw_end) == (line_offset(12), line_offset(14) - 1)


def test_page_blocks_map_back_to_raw_with_the_same_letters(page) -> None:
    tracked, blocks, _ = page
    assert [block.raw_start for block in blocks] == [line_offset(n) for n in (4, 8, 10, 12, 17)]
    for block in blocks:
        assert tracked.raw_span(block.start, block.end) == (block.raw_start, block.raw_end)
        assert letters(PAGE[block.raw_start : block.raw_end]) == letters(block.text)


@pytest.mark.parametrize(
    ("clean", "raw"),
    [
        ('"joint force"', "\u201cjoint force\u201d"),
        ('a "joint force" to', "a \u201cjoint force\u201d to"),
        ('"ready soon"', '" ready soon "'),
        ('be "ready soon".', 'be " ready soon ".'),
        ("days and ended", "days\n  and ended"),
    ],
)
def test_page_changed_spans_map_back_to_raw(page, clean: str, raw: str) -> None:
    tracked, _, _ = page
    start = tracked.text.index(clean)
    raw_start, raw_end = tracked.raw_span(start, start + len(clean))
    assert PAGE[raw_start:raw_end] == raw
    assert letters(PAGE[raw_start:raw_end]) == letters(clean)


def test_page_every_letter_maps_to_itself(page) -> None:
    tracked, _, _ = page
    for index, char in enumerate(tracked.text):
        source = PAGE[tracked.starts[index] : tracked.ends[index]]
        if re.match(r"\w", char):
            assert source == char, (index, char, source)
        else:
            assert letters(source) == "", (index, char, source)


def test_page_cleaning_is_idempotent(page, rules: list[Rule]) -> None:
    tracked, blocks, _ = page
    again, again_blocks, again_changes = clean_text(tracked.text, rules, {})
    assert again.text == tracked.text
    assert again_changes == ()
    assert [(b.kind, b.text) for b in again_blocks] == [(b.kind, b.text) for b in blocks]


def test_nfc_composes_and_maps_the_cluster(rules: list[Rule]) -> None:
    raw = "The Jai\u0308ch al-Adl group, said officials."
    tracked, _, changes = clean_text(raw, rules, {})
    assert tracked.text == "The Ja\u00efch al-Adl group, said officials."
    assert [(c.rule, c.count) for c in changes] == [("unicode_nfc", 1)]
    index = tracked.text.index("\u00ef")
    assert tracked.raw_span(index, index + 1) == (6, 8)


def test_empty_and_furniture_only_text(rules: list[Rule]) -> None:
    tracked, blocks, changes = clean_text("", rules, {})
    assert (tracked.text, blocks, changes) == ("", (), ())
    tracked, blocks, changes = clean_text("Menu\n\nAdvertisement\n", rules, {})
    assert tracked.text == ""
    assert blocks == ()
    assert [(c.line, c.rule) for c in changes] == [
        (1, "furniture_navigation"),
        (3, "furniture_navigation"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a " b " c', 'a "b" c'),
        ('" We are determined, "the minister said.', '"We are determined," the minister said.'),
        ('odd " number', 'odd " number'),
        ('"x" and " y "', '"x" and "y"'),
        ("no quotes", "no quotes"),
    ],
)
def test_quote_spacing_edits(text: str, expected: str) -> None:
    tracked = Tracked.from_raw(text, 0, len(text)).apply(quote_spacing_edits(text))
    assert tracked.text == expected


def test_block_kinds(rules: list[Rule]) -> None:
    raw = "\n\n".join(
        [
            "A Headline Without A Full Stop",
            "Short heading",
            "A sentence that ends like one.",
            "Is this a heading?",
            'A "quoted" label',
            "one two three four five six seven eight nine",
        ]
    )
    _, blocks, _ = clean_text(raw, rules, {})
    assert [block.kind for block in blocks] == [
        "headline",
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]


# --- the document model: sentences, tokens and quoted intervals built once -------------------------


def document(raw: str, rules: list[Rule]) -> Document:
    article = Article("ev", "T", "t", "2020-01-01", Path("ev/t_one.txt"), "en", "en", "", "", "")
    return Document(article, raw, *clean_text(raw, rules, {}))


def test_document_sentences_number_over_all_blocks(rules: list[Rule]) -> None:
    doc = document(
        'Border Talks\n\nHe came. She left.\n\nThey said "we will stay." Then no.', rules
    )
    assert doc.id == "t_one"
    assert [(s.index, s.block, s.block_kind, s.text) for s in doc.sentences] == [
        (0, 0, "headline", "Border Talks"),
        (1, 1, "paragraph", "He came."),
        (2, 1, "paragraph", "She left."),
        (3, 2, "paragraph", 'They said "we will stay."'),
        (4, 2, "paragraph", "Then no."),
    ]
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    assert doc.sentences is doc.sentences  # built once
    assert [s.text for s in doc.body_sentences] == [s.text for s in doc.sentences[1:]]
    assert [[t.text for t in tokens] for tokens in doc.tokens[:2]] == [
        ["Border", "Talks"],
        ["He", "came"],
    ]
    assert doc.words == tuple([t.text.lower() for t in tokens] for tokens in doc.tokens)
    assert doc.words[0] == ["border", "talks"]
    quote = doc.text.index('"we')
    assert doc.quoted == ((), (), ((quote, quote + len('"we will stay."')),))


def test_document_sentence_of_a_span(rules: list[Rule]) -> None:
    doc = document("He came. She left.\n\nThey stayed.", rules)
    left = doc.text.index("left")
    assert doc.sentence_of(left, left + 4) == Sentence(1, 0, "paragraph", 9, 18, "She left.")
    assert doc.sentence_of(0, 0).index == 0
    assert doc.sentence_of(doc.text.index("stayed"), len(doc.text)).index == 2
    with pytest.raises(ValueError, match="no sentence contains"):
        doc.sentence_of(3, 12)  # across a sentence boundary


def test_seed_document_sentences_are_the_sentences_table(
    seed_event: dict[str, Document],
) -> None:
    cleaned = list(seed_event.values())
    table = sentences_table(cleaned)
    for doc in cleaned:
        rows = table[table["article"] == doc.id]
        assert list(rows["sentence"]) == [s.index for s in doc.sentences]
        assert list(zip(rows["start"], rows["end"], rows["text"], strict=True)) == [
            (s.start, s.end, s.text) for s in doc.sentences
        ]
        assert list(rows["words"]) == [len(tokens) for tokens in doc.tokens]
        assert len(doc.sentences) > 10


# --- the seed event --------------------------------------------------------------------------------


def test_voa_drops_captions_and_furniture(seed_event: dict[str, Document]) -> None:
    voa = seed_event["VOA"]
    text = voa.text
    assert "via AP" not in text
    assert "Breaking News" not in text
    assert "Accessibility links" not in text
    assert "courtesy photo" not in text
    assert "Sa\u2019adabad" not in text and "Sa'adabad" not in text  # only in the dropped captions
    assert voa.blocks[0].kind == "headline"
    assert voa.headline == "Pakistan, Iran to Set Up Joint Security Force"
    raw_lines = voa.raw.split("\n")
    courtesy = [n for n, line in enumerate(raw_lines, 1) if "(courtesy photo)" in line]
    assert len(courtesy) == 2 and raw_lines[courtesy[0] - 1] == raw_lines[courtesy[1] - 1]
    dropped = {c.line: c.rule for c in voa.changes if c.action == "dropped"}
    assert all(number in dropped for number in courtesy)
    via_ap = [n for n, line in enumerate(raw_lines, 1) if "via AP)" in line]
    assert len(via_ap) == 1 and dropped[via_ap[0]] == "photo_caption_credit"


def test_rfi_drops_share_bar_and_fixes_french_quotes(seed_event: dict[str, Document]) -> None:
    rfi = seed_event["RFI"]
    for line in rfi.text.split("\n"):
        assert "Tweeter" not in line and "republish" not in line
    spaced = '" joint rapid reaction force to fight terrorism "'
    tight = '"joint rapid reaction force to fight terrorism"'
    assert spaced in rfi.raw
    assert spaced not in rfi.text
    assert rfi.text.count(tight) == 1
    start = rfi.text.index(tight)
    raw_start, raw_end = rfi.raw_span(start, start + len(tight))
    assert rfi.raw[raw_start:raw_end] == spaced
    assert '" terrorist "' not in rfi.text and 'foreign "terrorist" organization.' in rfi.text


def test_rfi_headings(seed_event: dict[str, Document]) -> None:
    rfi = seed_event["RFI"]
    kinds = {block.text: block.kind for block in rfi.blocks}
    assert kinds["Porous border"] == "heading"
    assert kinds["Close cooperation"] == "heading"
    assert [b.text for b in rfi.blocks if b.kind != "paragraph"] == [
        "Porous border",
        "Close cooperation",
    ]
    assert rfi.headline == rfi.article.title == ""  # no headline in the saved text nor the manifest


def test_seed_blocks_map_back_to_raw_with_the_same_letters(
    seed_event: dict[str, Document],
) -> None:
    for item in seed_event.values():
        assert item.blocks
        for block in item.blocks:
            assert letters(item.raw[block.raw_start : block.raw_end]) == letters(block.text)
        for change in item.changes:
            assert letters(item.raw[change.raw_start : change.raw_end]) == letters(change.before)
            if change.action == "changed":
                assert letters(change.after) == letters(change.before)


def test_seed_cleaning_is_idempotent(seed_event: dict[str, Document], rules: list[Rule]) -> None:
    for item in seed_event.values():
        context = {
            "language": item.article.language,
            "original_language": item.article.original_language,
            "outlet": item.article.outlet,
        }
        again, _, changes = clean_text(item.text, rules, context)
        assert again.text == item.text
        assert changes == ()


def test_cleaning_does_not_modify_raw_files() -> None:
    listed = articles(config.DATA_RAW, config.DEFAULT_EVENT)

    def digests() -> dict[str, tuple[str, int]]:
        return {
            str(a.path): (
                hashlib.sha256(a.path.read_bytes()).hexdigest(),
                a.path.stat().st_mtime_ns,
            )
            for a in listed
        }

    before = digests()
    cleaned = load_event(config.DEFAULT_EVENT)
    assert len(cleaned) == 2
    assert digests() == before
    for article in listed:
        assert before[str(article.path)][0] == article.sha256


def test_an_article_on_one_line_ending_like_a_caption_is_not_dropped(rules: list[Rule]) -> None:
    """A drop-line rule drops a caption, not a whole article saved as one line (issue 15)."""
    sentence = "The harbour council met on Monday and agreed to rebuild the old ferry pier. "
    story = sentence * 20 + "Workers repair the pier in Bergen. (AP Photo/Ola Berg)"
    caption = "Workers repair the pier in Bergen. (AP Photo/Ola Berg)"
    for raw, kept in [(story, True), (caption, False)]:
        tracked, _blocks, changes = clean_text(raw + "\n", rules, {})
        assert bool(tracked.text.strip()) is kept, [change.rule for change in changes]
