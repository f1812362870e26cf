"""The reader's site: a pure, escaped, deterministic view of the processed tables.

The seed event's tables are computed here through the library (as notebooks 01 and 02 do), so the tests
need no earlier ``make report``. A synthetic event whose article contains markup checks the escaping and
the nesting of overlapping highlights.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.ingest.load import load_event
from analysis.measures.labels import load_codebook
from analysis.run import runner
from analysis.site import build_site, environment
from analysis.site.cells import cell_text, ordered, slug
from analysis.site.data import PALETTE, SENTENCE_STATUSES, read_tables
from analysis.site.discrepancies import side_article
from analysis.site.findings import key_findings, voice_phrase
from analysis.site.layout import event_view
from analysis.site.spans import by_frequency, categories
from analysis.tables.clean_layer import write_clean_layer
from analysis.tables.compare import compare_tables, write_compare_layer
from analysis.tables.framing import framing_tables, write_framing_layer

EVENT = config.DEFAULT_EVENT
HOSTILE_EVENT = "2000-01-01_hostile"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PWN = '<img src=x onerror="window.__pwned = 1">'
VOID = {"meta", "link", "img", "input", "br", "hr", "source"}


# ---------------------------------------------------------------- fixtures (also used by the browser test)


def write_seed_tables(processed_root: Path) -> Path:
    """The processed tables of the seed event, written as notebooks 01 and 02 write them."""
    out = config.processed_dir(EVENT, processed_root)
    cleaned = load_event(EVENT)
    families = load_codebook()
    write_clean_layer(cleaned, out)
    write_framing_layer(framing_tables(cleaned, label_families=families), out)
    write_compare_layer(compare_tables(cleaned, families), out)
    return out


def write_fake_outputs(reports_root: Path, event_id: str) -> None:
    """Notebook HTML and a figure where the runner puts them, so the site links to them."""
    folder = config.report_dir(event_id, reports_root)
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    for name in ("01_clean.html", "01_clean.nocode.html", "02_compare.html"):
        (folder / name).write_text("<p>notebook</p>", encoding="utf-8")
    (folder / "figures" / "coverage.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    (folder / "figures" / "coverage.png").write_bytes(b"")


def hostile_text() -> tuple[str, list[tuple[str, int, int]]]:
    """A clean text with markup in it; its blocks as (kind, start, end)."""
    blocks = [
        ("headline", f"Breaking {SCRIPT} news & more"),
        ("paragraph", f'He said "the {IMG} attack was terrorism" on Monday. Then 14 died {PWN}.'),
        ("paragraph", 'Nothing "here" matches. </p></div><b>bold?</b> &amp; done.'),
    ]
    text, spans = "", []
    for kind, block in blocks:
        if text:
            text += "\n\n"
        spans.append((kind, len(text), len(text) + len(block)))
        text += block
    return text, spans


def write_hostile_event(
    processed_root: Path, outlets: tuple[str, ...] = ("<b>Evil</b>", "Plain")
) -> Path:
    """A synthetic event of two outlets whose texts, names and terms carry HTML and script."""
    out = config.processed_dir(HOSTILE_EVENT, processed_root)
    (out / "clean").mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, object]]] = defaultdict(list)
    for number, outlet in enumerate(outlets):
        article = f"00{number}_article"
        text, blocks = hostile_text()
        (out / "clean" / f"{article}.txt").write_text(text, encoding="utf-8")
        base = {"event_id": HOSTILE_EVENT, "outlet": outlet, "article": article}
        rows["articles"].append(
            {
                **base,
                "date": "2000-01-01",
                "language": "en",
                "original_language": "en",
                "headline": text[blocks[0][1] : blocks[0][2]],
            }
        )
        sentence = 0
        for index, (kind, start, end) in enumerate(blocks):
            rows["blocks"].append(
                {
                    **base,
                    "block": index,
                    "kind": kind,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                }
            )
            pieces = [(start, end)]
            if kind == "paragraph" and index == 1:
                cut = text.index("Then", start)
                pieces = [(start, cut - 1), (cut, end)]
            for s_start, s_end in pieces:
                rows["sentences"].append(
                    {
                        **base,
                        "sentence": sentence,
                        "block": index,
                        "block_kind": kind,
                        "start": s_start,
                        "end": s_end,
                        "text": text[s_start:s_end],
                    }
                )
                rows["sentence_status"].append(
                    {
                        **base,
                        "sentence": sentence,
                        "status": ("shared", "partly shared", "unique")[sentence % 3],
                    }
                )
                sentence += 1
        quote_start = text.index("the <img")
        quote_end = text.index('" on Monday')
        terror = text.index("terrorism")
        script = text.index(SCRIPT)
        then = text.index("Then 14")
        he, said = text.index("He said"), text.index("said")
        rows["quotes"] += [
            {
                **base,
                "quote": 0,
                "quotation": 0,
                "start": quote_start,
                "end": quote_end,
                "text": text[quote_start:quote_end],
                "kind": "direct",
                "speaker": "<i>Mr X</i>",
                "actor": "<i>Mr X</i>",
                "speaker_mention": "He",
                "verb": "say",
                "source_start": he,
                "source_end": he + 2,
                "cue_start": said,
                "cue_end": said + 4,
            },
            # crosses the sentence boundary: it must be split, not break the nesting
            {
                **base,
                "quote": 1,
                "quotation": 1,
                "start": terror,
                "end": then + 4,
                "text": text[terror : then + 4],
                "kind": "scare",
                "speaker": "",
                "actor": "",
                "speaker_mention": "",
                "verb": "",
                "source_start": -1,
                "source_end": -1,
                "cue_start": -1,
                "cue_end": -1,
            },
        ]
        rows["label_uses"].append(
            {
                **base,
                "family": "terrorism",
                "term": "<u>terrorism</u>",
                "voice": "quoted",
                "start": terror,
                "end": terror + len("terrorism"),
                "sentence": 1,
            }
        )
        rows["numbers"].append(
            {
                **base,
                "number": 0,
                "value": 14,
                "text": "14",
                "start": then + 5,
                "end": then + 7,
                "counted": "<script>",
                "status": "different value",
                "match_id": "m/14",
            }
        )
        rows["frame_indicators"] += [
            {
                **base,
                "sentence": 0,
                "frame": "conflict",
                "question": "C1",
                "indicator": "hostility",
                "cue": SCRIPT,
                "start": script,
                "end": script + len(SCRIPT),
            },
            {
                **base,
                "sentence": 1,
                "frame": "conflict",
                "question": "C1",
                "indicator": "hostility",
                "cue": "attack was terrorism",
                "start": terror - 11,
                "end": terror + 9,
            },
        ]
    first, second = "000_article", "001_article"
    rows["label_discrepancies"] = [hostile_discrepancy(outlets, rows["sentences"])]
    rows["alignment"] = [
        {
            "event_id": HOSTILE_EVENT,
            "outlet": outlets[0],
            "article": first,
            "sentence": 0,
            "other_outlet": outlets[1],
            "other_article": second,
            "other_sentence": 0,
            "similarity": 1.0,
            "shared_terms": "</script><b>x</b>",
        },
        {
            "event_id": HOSTILE_EVENT,
            "outlet": outlets[1],
            "article": second,
            "sentence": 0,
            "other_outlet": outlets[0],
            "other_article": first,
            "other_sentence": 0,
            "similarity": 1.0,
            "shared_terms": "</script><b>x</b>",
        },
    ]
    for name, table in rows.items():
        pd.DataFrame(table).to_csv(out / f"{name}.csv", index=False)
    return out


def hostile_discrepancy(outlets: tuple[str, ...], sentences: list[dict[str, object]]) -> dict:
    """The same hostile actor labelled "terrorism" by the first outlet, "<script>" by the second."""
    text, _ = hostile_text()
    terror = text.index("terrorism")
    evidence = next(row["text"] for row in sentences if row["sentence"] == 1)
    side = {"start": terror, "end": terror + len("terrorism"), "evidence": evidence}
    return {
        "event_id": HOSTILE_EVENT,
        "actor": "<b>Evil</b> front",
        "outlet": outlets[0],
        "families": "terrorism",
        "terms": "<u>terrorism</u>",
        **side,
        "other_outlet": outlets[1],
        "other_families": "<i>separatism</i>",
        "other_terms": SCRIPT,
        **{f"other_{key}": value for key, value in side.items()},
    }


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("site")
    processed, reports = root / "processed", root / "reports"
    write_seed_tables(processed)
    write_fake_outputs(reports, EVENT)
    build_site([EVENT], processed, reports)
    return processed, reports


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    processed, reports = root / "processed", root / "reports"
    write_hostile_event(processed)
    build_site([HOSTILE_EVENT], processed, reports)
    return processed, reports


# ---------------------------------------------------------------- a small HTML reader


class Page(HTMLParser):
    """Well-formedness check and the facts the tests compare: highlights, sentences, block texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []
        self.ids: dict[str, set[tuple[str, str]]] = defaultdict(set)  # layer -> (article, id)
        self.dom_ids: Counter[str] = Counter()
        self.sentences: Counter[tuple[str, str]] = Counter()  # (article, status)
        self.markers: Counter[str] = Counter()  # article -> margin markers
        self.block_texts: dict[str, list[str]] = defaultdict(list)
        self.tags: Counter[str] = Counter()
        self.links: list[str] = []
        self.text: list[str] = []

    def _article(self) -> str:
        return next((a["data-article"] for t, a in reversed(self.stack) if "data-article" in a), "")

    def _in_block_text(self) -> bool:
        return any("text" in a.get("class", "").split() for _, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        for key in ("href", "src"):
            if key in attributes:
                self.links.append(attributes[key])
        classes = attributes.get("class", "").split()
        if "id" in attributes:
            self.dom_ids[attributes["id"]] += 1
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        article = self._article()
        if not article:
            return
        if "text" in classes:
            self.block_texts[article].append("")
        if "sent" in classes:
            self.sentences[(article, attributes.get("data-status", ""))] += 1
        if "marker" in classes:
            self.markers[article] += 1
            return
        for layer in ("q", "qsrc", "qcue", "lab", "ld", "num", "fr"):
            if f"data-{layer}" in attributes:
                assert layer in classes, attributes
                for ident in attributes[f"data-{layer}"].split():
                    self.ids[layer].add((article, ident))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_block_text() and self.stack and self.stack[-1][0] not in {"a"}:
            self.block_texts[self._article()][-1] += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.errors == [] and page.stack == [], (page.errors, page.stack)
    return page


def per_article(table: pd.DataFrame) -> Counter[str]:
    return Counter(table["article"].astype(str)) if len(table) else Counter()


# ---------------------------------------------------------------- the seed event


def test_site_writes_index_event_page_and_assets(seed_site) -> None:
    _, reports = seed_site
    for path in ("index.html", f"{EVENT}/index.html", "_site/site.css", "_site/site.js"):
        assert (reports / path).stat().st_size > 0, path


def test_pages_are_well_formed_and_load_nothing_from_outside(seed_site) -> None:
    _, reports = seed_site
    for path in (reports / "index.html", reports / EVENT / "index.html"):
        page = parse(path)
        for link in page.links:
            assert "://" not in link and not link.startswith("//"), link
            target = link.split("#", 1)[0]
            if target:
                assert (path.parent / target).exists(), f"{path.name} links to missing {link}"


def test_index_lists_outlets_findings_and_links(seed_site) -> None:
    _, reports = seed_site
    html = (reports / "index.html").read_text(encoding="utf-8")
    links = parse(reports / "index.html").links
    assert f"{EVENT}/index.html" in links
    assert f"{EVENT}/01_clean.html" in links and f"{EVENT}/01_clean.nocode.html" in links
    assert f"{EVENT}/figures/coverage.svg" in links and f"{EVENT}/figures/coverage.png" in links
    for outlet in ("RFI", "VOA"):
        assert f"</span>{outlet}</th>" in html
    assert "2019-04-22" in html
    assert html.count("<li>“") + html.count("<li>") >= 3


def test_highlight_counts_equal_the_tables(seed_site) -> None:
    processed, reports = seed_site
    tables = read_tables(processed / EVENT)
    page = parse(reports / EVENT / "index.html")
    for layer, name in (
        ("q", "quotes"),
        ("lab", "label_uses"),
        ("num", "numbers"),
        ("fr", "frame_indicators"),
    ):
        found = Counter(article for article, _ in page.ids[layer])
        assert found == per_article(tables[name]), name
    assert page.markers == per_article(tables["frame_indicators"])
    status = tables["sentence_status"]
    assert page.sentences == Counter(zip(status["article"], status["status"], strict=True))


def test_quote_ids_are_the_quote_numbers(seed_site) -> None:
    processed, reports = seed_site
    quotes = read_tables(processed / EVENT)["quotes"]
    page = parse(reports / EVENT / "index.html")
    assert page.ids["q"] == {(str(r.article), str(r.quote)) for r in quotes.itertuples()}


def test_blocks_render_their_text_exactly(seed_site) -> None:
    processed, reports = seed_site
    blocks = read_tables(processed / EVENT)["blocks"]
    page = parse(reports / EVENT / "index.html")
    for article, group in blocks.groupby("article"):
        assert page.block_texts[article] == list(group.sort_values("start")["text"]), article


def test_legend_totals_equal_the_tables(seed_site) -> None:
    processed, _ = seed_site
    view = event_view(EVENT, processed / EVENT)
    tables = read_tables(processed / EVENT)
    sources = {
        "quotes": "quotes",
        "labels": "label_uses",
        "sentences": "sentence_status",
        "numbers": "numbers",
        "frames": "frame_indicators",
    }
    for legend in view.legends:
        table = tables[sources[legend.layer]]
        expected = Counter(table["outlet"])
        assert legend.totals == tuple(expected[o] for o in view.outlets), legend.layer
        if legend.layer != "quotes":  # quotes count each quote once by speaker and once by kind
            uses = [e.counts for e in legend.entries if e.group != "label discrepancy"]
            assert tuple(map(sum, zip(*uses, strict=True))) == legend.totals


def test_counterparts_come_from_the_alignment(seed_site) -> None:
    processed, _ = seed_site
    view = event_view(EVENT, processed / EVENT)
    alignment = read_tables(processed / EVENT)["alignment"]
    assert sum(len(v) for v in view.counterparts.values()) == len(alignment)
    ids = {c.outlet: c.articles[0].dom_id for c in view.columns}
    row = alignment.sort_values("similarity", ascending=False).iloc[0]
    best = view.counterparts[f"{ids[row.outlet]}-s{row.sentence}"][0]
    assert best["id"] == f"{ids[row.other_outlet]}-s{row.other_sentence}"


def test_key_findings_name_the_voice_of_terror_words(seed_site) -> None:
    processed, _ = seed_site
    findings = key_findings(read_tables(processed / EVENT))
    assert 3 <= len(findings) <= 4
    labels = findings[0].text
    assert "RFI uses them only inside quotes" in labels
    assert "VOA uses them mostly in its own narration" in labels


def test_voice_phrase() -> None:
    assert voice_phrase(0, 3).startswith("uses them only inside quotes")
    assert voice_phrase(3, 0).startswith("uses them only in its own narration")
    assert voice_phrase(2, 1).startswith("uses them mostly in its own narration")
    assert voice_phrase(1, 2).startswith("uses them mostly inside quotes")
    assert voice_phrase(0, 0) == "does not use them"


def test_categories_rank_by_frequency_and_cycle_the_palette() -> None:
    ranked = by_frequency(["b", "a", "b", "c", "a", "b"])
    assert ranked == ["b", "a", "c"]  # most frequent first, ties by name
    many = categories([f"s{i}" for i in range(len(PALETTE) + 1)], "qs")
    assert many.classes["s0"] == "qs-0" and many.classes[f"s{len(PALETTE)}"] == f"qs-{len(PALETTE)}"
    assert many.colours[f"s{len(PALETTE)}"] == many.colours["s0"] == PALETTE[0]
    assert many.colour_rules("--q")[1] == ("qs-1", "--q", PALETTE[1])


def test_cells_text_slug_and_known_order() -> None:
    assert cell_text(float("nan")) == "" and cell_text(None) == "" and cell_text(3) == "3"
    assert slug("Partly shared!") == "partly-shared" and slug("!!") == "x"
    assert ordered(["unique", "zeta", "shared", "alpha"], SENTENCE_STATUSES) == [
        "shared",
        "unique",
        "alpha",
        "zeta",
    ]


def test_site_is_byte_identical_on_rebuild(seed_site, tmp_path) -> None:
    processed, reports = seed_site

    def digests() -> dict[str, str]:
        return {
            str(p.relative_to(reports)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(reports.rglob("*.html")) + sorted((reports / "_site").glob("*"))
        }

    before = digests()
    build_site([EVENT], processed, reports)
    assert digests() == before


def test_templates_autoescape() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


# ---------------------------------------------------------------- hostile article


def test_hostile_article_is_shown_as_text(hostile_site) -> None:
    _, reports = hostile_site
    for path in (reports / "index.html", reports / HOSTILE_EVENT / "index.html"):
        html = path.read_text(encoding="utf-8")
        for raw in (SCRIPT, IMG, "<b>Evil</b>", "<i>Mr X</i>", "<u>terrorism</u>", "</p></div><b>"):
            assert raw not in html, (path.name, raw)
        page = parse(path)
        assert page.tags["img"] == 0 and page.tags["b"] == 0 and page.tags["i"] == 0
        assert page.tags["script"] == (2 if path.parent.name == HOSTILE_EVENT else 0)
    event_html = (reports / HOSTILE_EVENT / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in event_html
    assert "\\u003c/script\\u003e" in event_html  # shared terms inside the JSON data


def test_hostile_article_text_survives_intact(hostile_site) -> None:
    processed, reports = hostile_site
    blocks = read_tables(processed / HOSTILE_EVENT)["blocks"]
    page = parse(reports / HOSTILE_EVENT / "index.html")
    for article, group in blocks.groupby("article"):
        assert page.block_texts[article] == list(group["text"])
    assert page.ids["q"] == {(a, i) for a in ("000_article", "001_article") for i in ("0", "1")}
    assert len(page.ids["fr"]) == 4 and len(page.ids["num"]) == 2 and len(page.ids["lab"]) == 2


def test_overlapping_spans_nest_and_carry_every_layer(hostile_site) -> None:
    processed, _ = hostile_site
    view = event_view(HOSTILE_EVENT, processed / HOSTILE_EVENT)
    article = view.columns[0].articles[0]
    paragraph = article.blocks[1]
    segments = [
        seg
        for run in paragraph.runs
        for seg in (run.sentence.segments if run.sentence else [run.segment])
    ]
    word = next(seg for seg in segments if seg.text == "terrorism")
    assert set(word.classes.split()) >= {"q", "lab", "fr", "lf-0", "lv-quoted"}
    # the innermost quote (the scare quote starting at "terrorism") colours it; both ids are carried
    assert dict(word.data)["q"] == "0 1" and "qk-scare" in word.classes.split()
    # the scare quote crosses the sentence boundary: split into pieces inside each sentence
    quoted_runs = [
        run
        for run in paragraph.runs
        if any(
            "q" in s.classes.split()
            for s in (run.sentence.segments if run.sentence else [run.segment])
        )
    ]
    assert len(quoted_runs) == 3  # sentence 1, the space between, sentence 2
    assert (
        "".join(seg.text for seg in segments)
        == hostile_text()[0][hostile_text()[1][1][1] : hostile_text()[1][1][2]]
    )


def test_any_number_of_outlets_gets_one_column_each(tmp_path) -> None:
    outlets = ("A", "B", "C", "D", "E")
    write_hostile_event(tmp_path / "processed", outlets)
    view = event_view(HOSTILE_EVENT, tmp_path / "processed" / HOSTILE_EVENT)
    assert [c.outlet for c in view.columns] == list(outlets)
    assert len({c.colour for c in view.columns}) == len(outlets)


def test_missing_tables_give_empty_layers(tmp_path) -> None:
    folder = write_hostile_event(tmp_path / "processed")
    for name in (
        "quotes",
        "label_uses",
        "label_discrepancies",
        "numbers",
        "frame_indicators",
        "alignment",
        "sentence_status",
    ):
        (folder / f"{name}.csv").unlink()
    written = build_site(None, tmp_path / "processed", tmp_path / "reports")
    assert tmp_path / "reports" / HOSTILE_EVENT / "index.html" in written
    page = parse(tmp_path / "reports" / HOSTILE_EVENT / "index.html")
    assert not any(page.ids.values())


def test_missing_clean_text_is_rebuilt_from_the_blocks(tmp_path) -> None:
    folder = write_hostile_event(tmp_path / "processed")
    for path in (folder / "clean").glob("*.txt"):
        path.unlink()
    (folder / "speakers.csv").write_text(
        "outlet,actor,quotes,quoted_words,share_of_quoted_words\nA,B,1,2,\n"
    )
    build_site([HOSTILE_EVENT], tmp_path / "processed", tmp_path / "reports")
    page = parse(tmp_path / "reports" / HOSTILE_EVENT / "index.html")
    blocks = read_tables(folder)["blocks"]
    for article, group in blocks.groupby("article"):
        assert page.block_texts[article] == list(group["text"])
    assert len(page.ids["q"]) == 4


# ---------------------------------------------------------------- the runner builds the site


def test_run_rebuilds_the_site_when_every_event_is_up_to_date(
    hostile_site, monkeypatch, tmp_path
) -> None:
    processed, _ = hostile_site
    reports = tmp_path / "reports"
    calls = []

    def skipped(event_id, raw_dir, processed_root, reports_root, force=False):
        calls.append(event_id)
        return runner.RunResult(event_id, executed=False, outputs=())

    monkeypatch.setattr(runner, "run_event", skipped)
    monkeypatch.setattr("analysis.ingest.manifest.event_ids", lambda raw: [HOSTILE_EVENT])
    monkeypatch.setattr(runner, "check_events", lambda event_ids, raw_dir: (event_ids, []))
    results, _ = runner.run(processed_root=processed, reports_root=reports)
    assert calls == [HOSTILE_EVENT] and not results[0].executed
    assert (reports / "index.html").is_file()
    assert (reports / HOSTILE_EVENT / "index.html").is_file()


# ---------------------------------------------------------------- attribution and label discrepancies


def spans_of(quotes: pd.DataFrame, start: str, end: str) -> set[tuple[str, str]]:
    """(article, quote) of the quotes with a non-empty ``start``:``end`` span."""
    found = quotes[(quotes[start] >= 0) & (quotes[end] > quotes[start])]
    return {(str(row.article), str(row.quote)) for row in found.itertuples()}


def test_quote_sources_and_cues_are_marked_with_their_quote_ids(seed_site) -> None:
    processed, reports = seed_site
    quotes = read_tables(processed / EVENT)["quotes"]
    page = parse(reports / EVENT / "index.html")
    assert page.ids["qsrc"] == spans_of(quotes, "source_start", "source_end") != set()
    assert page.ids["qcue"] == spans_of(quotes, "cue_start", "cue_end") != set()
    legend = next(legend for legend in event_view(EVENT, processed / EVENT).legends)
    counts = {entry.key: sum(entry.counts) for entry in legend.entries}
    assert counts["part:source"] == len(spans_of(quotes, "source_start", "source_end"))
    assert counts["part:cue"] == len(spans_of(quotes, "cue_start", "cue_end"))


def test_every_dom_id_is_unique_and_every_evidence_link_resolves(seed_site, hostile_site) -> None:
    for reports, event in ((seed_site[1], EVENT), (hostile_site[1], HOSTILE_EVENT)):
        page = parse(reports / event / "index.html")
        assert [key for key, count in page.dom_ids.items() if count > 1] == []
        evidence = [link[1:] for link in page.links if "-ld" in link]
        assert evidence and all(page.dom_ids[target] == 1 for target in evidence), event


def article_segments(article) -> list:
    return [
        segment
        for block in article.blocks
        for run in block.runs
        for segment in (run.sentence.segments if run.sentence else [run.segment])
    ]


def test_label_discrepancy_terms_are_marked_in_both_outlets(seed_site) -> None:
    processed, _ = seed_site
    view = event_view(EVENT, processed / EVENT)
    table = view.tables["label_discrepancies"]
    assert len(table) and len(view.evidence["label_discrepancies.csv"]) == len(table)
    articles = {a.outlet: a for column in view.columns for a in column.articles}
    for index, row in enumerate(table.itertuples()):
        for outlet, start, end in (
            (row.outlet, row.start, row.end),
            (row.other_outlet, row.other_start, row.other_end),
        ):
            article = articles[outlet]
            segments = article_segments(article)
            anchor = f"{article.dom_id}-ld{index}"
            first = next(i for i, s in enumerate(segments) if anchor in s.anchors)
            ident = str(index)
            marked = itertools.takewhile(
                lambda s, ident=ident: ident in dict(s.data).get("ld", "").split(),
                segments[first:],
            )
            text = (processed / EVENT / "clean" / f"{article.article}.txt").read_text("utf-8")
            assert "".join(s.text for s in marked) == text[start:end]
            links = [
                link.href
                for item in view.evidence["label_discrepancies.csv"]
                for link in item.links
            ]
            assert f"#{anchor}" in links


def test_hostile_discrepancy_and_attribution_are_marked_as_text(hostile_site) -> None:
    _, reports = hostile_site
    page = parse(reports / HOSTILE_EVENT / "index.html")
    both = ("000_article", "001_article")
    assert page.ids["ld"] == {(article, "0") for article in both}
    assert page.ids["qsrc"] == page.ids["qcue"] == {(article, "0") for article in both}
    html = (reports / HOSTILE_EVENT / "index.html").read_text(encoding="utf-8")
    assert '&lt;b&gt;Evil&lt;/b&gt; front: <a class="evidence-link"' in html


def test_a_side_found_in_two_articles_is_left_unmarked() -> None:
    sentences = pd.DataFrame(
        {
            "outlet": ["A", "A", "B"],
            "article": ["a1", "a2", "b1"],
            "start": [0, 0, 0],
            "end": [20, 20, 20],
            "text": ["Rebels attacked it.", "Rebels attacked it.", "Rebels attacked it."],
        }
    )
    assert side_article(sentences, "B", (0, 6), "Rebels attacked it.") == "b1"
    assert side_article(sentences, "A", (0, 6), "Rebels attacked it.") == ""
    assert side_article(sentences, "B", (0, 6), "Another sentence.") == ""
    assert side_article(sentences, "B", (15, 25), "") == ""
