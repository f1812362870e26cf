"""Saved web pages (``.html``): main text and metadata extracted with trafilatura, then cleaned as text.

The test corpus ``tests/fixtures/html_corpus/`` holds one invented event with two saved news pages (one
UTF-8, one windows-1252 as its ``<meta charset>`` declares) and one text article; ``pages/`` holds a page
without an article, listed in no manifest. All texts were written for these tests.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.ingest.decode import decode_html, read_article
from analysis.ingest.load import failed, load_event_checked
from analysis.ingest.web_page import Extracted, NoMainTextError, extract_html
from analysis.measures.labels import load_codebook
from analysis.tables.clean_layer import (
    offset_mismatches,
    provenance_table,
    sentences_table,
    write_clean_layer,
)
from analysis.tables.compare import keyness_table, label_table, style_table
from analysis.tables.framing import framing_tables
from analysis.text.document import Document

CORPUS = Path(__file__).parent / "fixtures" / "html_corpus"
EVENT = "2021-03-14_aldermoor-bridge"
HERALD = CORPUS / EVENT / "coastal_herald.html"
NORTHGATE = CORPUS / EVENT / "northgate_times.html"
NO_MAIN_TEXT = CORPUS / "pages" / "no_main_text.html"
HTML_OUTLETS = ["Coastal Herald", "Northgate Times"]


def extracted(path: Path) -> Extracted:
    decoded, result = read_article(path.read_bytes(), path)
    assert result is not None and decoded.text == result.text
    return result


def body_paragraphs(path: Path, encoding: str, body_class: str) -> list[str]:
    """The ``<p>`` texts inside the page's article body (the paragraphs extraction must keep)."""
    page = path.read_bytes().decode(encoding)
    body = re.search(rf'<div class="{body_class}">(.*?)</div>', page, re.DOTALL)
    assert body is not None
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", body.group(1))]


@pytest.fixture(scope="module")
def cleaned() -> list[Document]:
    items, problems = load_event_checked(EVENT, CORPUS)
    assert problems == []
    return items


def by_outlet(cleaned: list[Document], outlet: str) -> Document:
    return next(item for item in cleaned if item.article.outlet == outlet)


# --- extraction -------------------------------------------------------------------------------------


def test_extraction_keeps_every_body_paragraph() -> None:
    for path, encoding, body_class in ((HERALD, "utf-8", "story-body"),
                                       (NORTHGATE, "cp1252", "article-text")):  # fmt: skip
        blocks = extracted(path).text.split("\n\n")
        paragraphs = body_paragraphs(path, encoding, body_class)
        assert len(paragraphs) >= 10
        for paragraph in paragraphs:
            assert paragraph in blocks, (path.name, paragraph)


def test_extraction_drops_the_page_furniture() -> None:
    text = extracted(HERALD).text + extracted(NORTHGATE).text
    for furniture in ("cookies", "cookie", "Subscribe today", "Share on Facebook", "Copy link",
                      "Related stories", "Ferry timetable changes", "Comments (3)", "Told you so",
                      "restaurant owners", "All rights reserved", "Privacy policy", "newsletter",
                      "More from Regional", "Lifeboat crew", "Join the conversation",
                      "Neglect, plain and simple", "Most read", "Advertisement", "WhatsApp",
                      "Registered in England", "Tags:", "Puzzles"):  # fmt: skip
        assert furniture not in text, furniture


def test_title_is_the_first_block_as_in_a_text_article() -> None:
    for path in (HERALD, NORTHGATE):
        result = extracted(path)
        blocks = result.text.split("\n\n")
        assert blocks[0] == result.title
        assert blocks.count(result.title) == 1  # not repeated when the page body has the <h1>


def test_metadata_title_date_and_author() -> None:
    herald, northgate = extracted(HERALD), extracted(NORTHGATE)
    assert (herald.title, herald.date, herald.author) == (
        "Storm shuts Aldermoor harbour bridge for weeks", "2021-03-14", "Marta Lindqvist"
    )  # fmt: skip
    assert (northgate.title, northgate.date, northgate.author) == (
        "Aldermoor bridge closed after storm damage", "2021-03-14", "Daniel Okafor"
    )  # fmt: skip
    assert herald.extractor.startswith("trafilatura ")
    assert herald.chars_in == len(HERALD.read_text(encoding="utf-8"))
    assert herald.chars_out == len(herald.text)


def test_declared_windows_1252_page_decodes() -> None:
    decoded = decode_html(NORTHGATE.read_bytes(), NORTHGATE)
    assert decoded.encoding == "cp1252" and decoded.repairs == []
    text = extracted(NORTHGATE).text
    for fragment in ("Aldermoor\u2019s harbour", "\u201cat least six weeks\u201d",
                     "Caf\u00e9 Rivi\u00e8re", "H\u00e9l\u00e8ne Marchetti", "\u00a31.8m"):  # fmt: skip
        assert fragment in text, fragment


@pytest.mark.parametrize(
    "head",
    [
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        "<meta charset=latin1>",
        "<META CHARSET='windows-1252'>",
    ],
)
def test_declared_charset_forms_and_latin1_labels_mean_windows_1252(head: str) -> None:
    data = f"<html><head>{head}</head><body><p>caf\u00e9 \u2019</p></body></html>".encode("cp1252")
    decoded = decode_html(data, "page.html")
    assert decoded.encoding == "cp1252" and "caf\u00e9 \u2019" in decoded.text


def test_byte_order_mark_wins_over_the_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>caf\u00e9</p></body></html>'
    decoded = decode_html(b"\xef\xbb\xbf" + page.encode("utf-8"), "page.html")
    assert decoded.encoding == "utf-8-sig" and "caf\u00e9" in decoded.text


def test_wrong_declared_charset_falls_back_and_is_recorded() -> None:
    data = b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body></html>'
    decoded = decode_html(data, "page.html")
    assert decoded.encoding == "cp1252" and "caf\u00e9" in decoded.text
    assert decoded.repairs == ["not valid UTF-8 (byte 53); decoded as cp1252"]


def test_extraction_is_deterministic() -> None:
    page = HERALD.read_text(encoding="utf-8")
    first = extract_html(page, HERALD)
    extract_html(NORTHGATE.read_bytes().decode("cp1252"), NORTHGATE)  # no state carried over
    assert extract_html(page, HERALD) == first
    assert extract_html(page, HERALD) == first  # a third call: nothing is deduplicated across calls


def test_page_without_main_text_is_a_clear_error() -> None:
    with pytest.raises(NoMainTextError) as caught:
        extract_html(NO_MAIN_TEXT.read_text(encoding="utf-8"), NO_MAIN_TEXT)
    assert isinstance(caught.value, InputError)
    assert caught.value.path == str(NO_MAIN_TEXT)
    assert "no main text could be extracted" in str(caught.value)


def test_htm_suffix_is_a_web_page() -> None:
    _, result = read_article(HERALD.read_bytes(), "saved/page.HTM")
    assert result is not None and result.title.startswith("Storm shuts")


# --- the event --------------------------------------------------------------------------------------


def copy_corpus(tmp_path: Path, extra: Path | None = None) -> Path:
    """The test corpus in ``tmp_path``, with ``extra`` as a fourth outlet (manifest row 5)."""
    raw_dir = tmp_path / "raw"
    shutil.copytree(CORPUS / EVENT, raw_dir / EVENT)
    manifest = (CORPUS / "manifest.csv").read_text(encoding="utf-8")
    if extra is not None:
        shutil.copy(extra, raw_dir / EVENT / extra.name)
        digest = hashlib.sha256(extra.read_bytes()).hexdigest()
        manifest += f"{EVENT},Bayview Daily,,2021-03-14,en,en,,{EVENT}/{extra.name},{digest},\n"
    (raw_dir / "manifest.csv").write_text(manifest, encoding="utf-8")
    return raw_dir


def test_page_without_main_text_is_excluded_and_the_rest_runs(tmp_path: Path) -> None:
    raw_dir = copy_corpus(tmp_path, NO_MAIN_TEXT)
    items, problems = load_event_checked(EVENT, raw_dir)
    assert sorted(item.article.outlet for item in items) == [*HTML_OUTLETS, "Ridgeline Radio"]
    (problem,) = problems
    assert problem.kind == "no-main-text" and problem.action == "excluded" and problem.row == 5
    assert problem.path == str((raw_dir / EVENT / "no_main_text.html").resolve())
    assert "no_main_text.html, row 5: no main text could be extracted" in str(problem)
    assert failed(problems)


def test_html_articles_carry_the_extraction(cleaned: list[Document]) -> None:
    for outlet in HTML_OUTLETS:
        item = by_outlet(cleaned, outlet)
        assert item.extracted is not None and item.raw == item.extracted.text
        assert item.headline == item.extracted.title
    assert by_outlet(cleaned, "Ridgeline Radio").extracted is None


def test_sentence_offsets_map_back_into_the_extracted_text(cleaned: list[Document]) -> None:
    sentences = sentences_table(cleaned)
    assert set(sentences["outlet"]) == {*HTML_OUTLETS, "Ridgeline Radio"}
    assert offset_mismatches(cleaned, sentences).empty
    herald = by_outlet(cleaned, "Coastal Herald")
    rows = sentences[sentences["outlet"] == "Coastal Herald"]
    assert len(rows) >= 15
    for row in rows.itertuples():
        assert 0 <= row.raw_start < row.raw_end <= len(herald.raw)
        assert herald.text[row.start : row.end] == row.text


def test_provenance_has_one_extraction_row_per_page(cleaned: list[Document]) -> None:
    table = provenance_table(cleaned)
    rows = table[table["rule"] == "html_extraction"].set_index("outlet")
    assert sorted(rows.index) == HTML_OUTLETS
    herald = rows.loc["Coastal Herald"]
    assert herald["action"] == "extracted" and herald["raw_start"] == 0
    assert herald["raw_end"] == len(by_outlet(cleaned, "Coastal Herald").raw)
    assert herald["before"] == f"{len(HERALD.read_text(encoding='utf-8'))} characters of HTML"
    for found in ("title: Storm shuts Aldermoor harbour bridge for weeks", "date: 2021-03-14",
                  "author: Marta Lindqvist"):  # fmt: skip
        assert found in herald["after"]
    assert "trafilatura" in herald["why"]
    first = table.groupby("outlet").head(1).set_index("outlet")["rule"]
    assert first["Northgate Times"] == "html_extraction"  # before the cleaning rules' rows


def test_clean_layer_is_written_for_html_articles(cleaned: list[Document], tmp_path) -> None:
    written = write_clean_layer(cleaned, tmp_path)
    clean = (tmp_path / "clean" / "coastal_herald.txt").read_text(encoding="utf-8")
    assert clean.startswith("Storm shuts Aldermoor harbour bridge for weeks\n\nThe harbour bridge")
    articles = pd.read_csv(written["articles"]).set_index("outlet")
    assert (
        articles.loc["Northgate Times", "headline"] == "Aldermoor bridge closed after storm damage"
    )
    assert articles.loc["Northgate Times", "paragraphs"] == 11


def test_html_articles_are_analysed_like_text_ones(cleaned: list[Document]) -> None:
    tables = framing_tables(cleaned)
    quotes = tables["quotes"]
    for outlet, words, speaker in (
        ("Coastal Herald", "People simply will not", "Tom Abbott"),
        ("Northgate Times", "I know how much disruption", "Priya Raman"),
        ("Ridgeline Radio", "I would rather keep it closed", "Priya Raman"),
    ):
        item = by_outlet(cleaned, outlet)
        found = quotes[(quotes["outlet"] == outlet) & quotes["text"].str.startswith(words)]
        assert len(found) == 1, (outlet, quotes[quotes["outlet"] == outlet]["text"].tolist())
        row = found.iloc[0]
        assert (row["kind"], row["speaker"]) == ("direct", speaker)
        assert item.text[row["start"] : row["end"]] == row["text"]
    status = tables["sentence_status"]
    shared = status[status["status"] != "unique"]
    assert set(shared["outlet"]) == {*HTML_OUTLETS, "Ridgeline Radio"}
    assert set(tables["coverage"]["outlet"]) == {*HTML_OUTLETS, "Ridgeline Radio"}
    assert set(tables["numbers"]["outlet"]) >= set(HTML_OUTLETS)
    assert set(style_table(cleaned)["outlet"]) == {*HTML_OUTLETS, "Ridgeline Radio"}
    assert set(keyness_table(cleaned)["outlet"]) == {*HTML_OUTLETS, "Ridgeline Radio"}
    assert set(label_table(cleaned, load_codebook())["outlet"]) == {
        *HTML_OUTLETS,
        "Ridgeline Radio",
    }


def test_html_bytes_are_left_untouched(tmp_path: Path) -> None:
    raw_dir = copy_corpus(tmp_path)
    files = sorted(raw_dir.rglob("*.html"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    load_event_checked(EVENT, raw_dir)
    assert before == {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
