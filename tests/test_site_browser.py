"""The reader's site in a real browser: headless Chromium (Debian's package) driven by Playwright.

Opens the pages from disk with every non-``file:`` request blocked, and checks: no console errors, the
highlight counts equal the processed tables, a switched-off layer is hidden, selecting a sentence marks its
counterparts, a quote outlines its source and cue, the label discrepancy finding links to its marked terms,
the page works from the keyboard, and a hostile article runs no script. Screenshots are
saved to ``reports/screenshots/`` (or ``$SITE_SCREENSHOTS``) and their paths printed.

Skips, saying how to enable it, when Chromium or Playwright is missing. Playwright only drives the
browser: never run ``playwright install``; the executable is ``/usr/bin/chromium`` (or ``$CHROMIUM``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_site import (
    EVENT,
    HOSTILE_EVENT,
    IMG,
    SCRIPT,
    write_fake_outputs,
    write_hostile_event,
    write_seed_tables,
)

from analysis import config
from analysis.site import build_site
from analysis.site.data import read_tables

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
HOW = (
    "install Debian's Chromium (`apt-get update && apt-get install -y --no-install-recommends "
    "chromium`, as .ci/run does) and the dev extra (`make env` installs playwright from the lock)"
)
if not CHROMIUM.is_file():
    pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM}; {HOW}", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason=f"browser tests skipped: playwright is not installed; {HOW}"
)

#: Launch flags for Chromium as root on a CI machine (Playwright adds the remote-debugging pipe).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("SITE_SCREENSHOTS", config.REPORTS / "screenshots"))
TRANSPARENT = "rgba(0, 0, 0, 0)"

COUNT_HIGHLIGHTS = """() => {
  const out = {};
  for (const article of document.querySelectorAll('.article')) {
    const layers = {};
    for (const key of ['q', 'lab', 'num', 'fr']) {
      const ids = new Set();
      article.querySelectorAll('.text [data-' + key + ']').forEach((el) => {
        if (el.getClientRects().length) { el.dataset[key].split(' ').forEach((id) => ids.add(id)); }
      });
      layers[key] = ids.size;
    }
    layers.markers = article.querySelectorAll('.marker').length;
    layers.sentences = {};
    article.querySelectorAll('.sent').forEach((s) => {
      layers.sentences[s.dataset.status] = (layers.sentences[s.dataset.status] || 0) + 1;
    });
    out[article.dataset.article] = layers;
  }
  return out;
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("browser")
    processed, reports = root / "processed", root / "reports"
    write_seed_tables(processed)
    write_hostile_event(processed)
    write_fake_outputs(reports, EVENT)
    build_site([EVENT, HOSTILE_EVENT], processed, reports)
    return {"processed": processed, "reports": reports}


@pytest.fixture(scope="module")
def context() -> Iterator[object]:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=FLAGS,
                viewport={"width": 1400, "height": 1000},
            )
            blocked: list[str] = []

            def only_files(route) -> None:
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            browser.route("**/*", only_files)
            browser.blocked = blocked
            yield browser
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def open_page(context):
    opened = []

    def open_(path: Path):
        page = context.new_page()
        page.problems = []
        page.dialogs = []
        page.on(
            "console",
            lambda m: (
                page.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: page.problems.append(f"request failed: {r.url}"))

        def dialog(d) -> None:
            page.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()


def screenshot(page, name: str, **options) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), **options)
    print(f"screenshot: {path}")
    return path


def test_pages_load_without_errors_or_network(sites, open_page, context) -> None:
    reports = sites["reports"]
    for path in (reports / "index.html", reports / EVENT / "index.html"):
        page = open_page(path)
        assert page.problems == [], page.problems
        broken = page.evaluate(
            "() => [...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)"
        )
        assert broken == []
        assert page.evaluate("() => document.styleSheets.length") >= 1
    assert context.blocked == []
    index = open_page(reports / "index.html")
    shot = screenshot(index, "index.png", full_page=True)
    assert shot.stat().st_size > 0


def test_highlight_counts_equal_the_processed_tables(sites, open_page) -> None:
    tables = read_tables(sites["processed"] / EVENT)
    page = open_page(sites["reports"] / EVENT / "index.html")
    counts = page.evaluate(COUNT_HIGHLIGHTS)
    status = tables["sentence_status"]
    for article, found in counts.items():

        def rows(name: str, article: str = article) -> int:
            return int((tables[name]["article"] == article).sum())

        assert found["q"] == rows("quotes"), article
        assert found["lab"] == rows("label_uses"), article
        assert found["num"] == rows("numbers"), article
        assert found["fr"] == found["markers"] == rows("frame_indicators"), article
        expected = Counter(status[status["article"] == article]["status"])
        assert found["sentences"] == dict(expected), article
    assert set(counts) == set(tables["articles"]["article"])
    totals = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.legend-layer')].map("
        "s => [s.dataset.layer, [...s.querySelectorAll('tfoot td.num-col')].map(td => +td.textContent)]))"
    )
    outlets = sorted(tables["articles"]["outlet"])
    for layer, name in (("quotes", "quotes"), ("labels", "label_uses"), ("numbers", "numbers")):
        per_outlet = Counter(tables[name]["outlet"])
        assert totals[layer] == [per_outlet[o] for o in outlets], layer
    page.locator(".columns").scroll_into_view_if_needed()
    screenshot(page, "event.png")
    screenshot(page, "event-full.png", full_page=True)


STYLE = "(el, prop) => getComputedStyle(el)[prop]"


def test_switching_a_layer_off_hides_it(sites, open_page) -> None:
    page = open_page(sites["reports"] / EVENT / "index.html")
    boxes = page.locator("input[data-layer]")
    on = [boxes.nth(i).get_attribute("data-layer") for i in range(boxes.count())]
    assert [layer for layer in on if page.locator(f"#layer-{layer}").is_checked()] == ["quotes"]
    screenshot(page, "event-first-view.png")  # one layer on: readable at first sight
    for layer in on:
        page.locator(f"#layer-{layer}").check()
    checks = {
        "quotes": (".article .q.qk-speech", "backgroundColor", TRANSPARENT),
        "labels": (".article .lab", "outlineStyle", "none"),
        "numbers": (".article .num", "boxShadow", "none"),
        "sentences": (".article .sent.ss-shared", "textDecorationLine", "none"),
    }
    for layer, (selector, prop, off) in checks.items():
        element = page.locator(selector).first
        assert element.evaluate(STYLE, prop) != off, layer
        page.locator(f"#layer-{layer}").uncheck()
        assert page.evaluate("() => document.documentElement.className").count(f"hide-{layer}")
        assert element.evaluate(STYLE, prop) == off, layer
        page.locator(f"#layer-{layer}").check()
        assert element.evaluate(STYLE, prop) != off, layer
    marker = page.locator(".article .marker").first
    assert marker.is_visible()
    page.locator("#layer-frames").uncheck()
    assert not marker.is_visible()
    for layer in checks:
        page.locator(f"#layer-{layer}").uncheck()
    page.locator(".columns").scroll_into_view_if_needed()
    screenshot(page, "event-all-layers-off.png")


def test_selecting_a_sentence_marks_its_counterparts(sites, open_page) -> None:
    tables = read_tables(sites["processed"] / EVENT)
    alignment = tables["alignment"]
    matches = alignment.groupby(["article", "sentence"])["other_sentence"].transform("size")
    ranked = alignment.assign(matches=matches)
    row = ranked.sort_values(
        ["matches", "similarity", "article", "sentence"], ascending=False
    ).iloc[0]  # the sentence with the most counterparts: they are listed with separators
    ids = {
        article: f"a{i}"
        for i, article in enumerate(
            tables["articles"].sort_values(["outlet", "article"])["article"]
        )
    }
    source = f"{ids[row.article]}-s{row.sentence}"
    expected = {
        f"{ids[r.other_article]}-s{r.other_sentence}"
        for r in alignment[
            (alignment["article"] == row.article) & (alignment["sentence"] == row.sentence)
        ].itertuples()
    }
    page = open_page(sites["reports"] / EVENT / "index.html")
    page.locator(f"#{source}").focus()
    page.keyboard.press("Enter")
    assert page.locator(f"#{source}").get_attribute("aria-pressed") == "true"
    marked = set(
        page.evaluate("() => [...document.querySelectorAll('.counterpart')].map(e => e.id)")
    )
    assert marked == expected
    status = page.locator("#selection").inner_text()
    assert f"similarity {row.similarity:.2f}" in status
    assert status.count("similarity") == len(expected) and status.count(" | ") == len(expected) - 1
    screenshot(page, "event-selected.png")
    page.keyboard.press("Escape")
    assert page.locator(".selected, .counterpart").count() == 0


def test_keyboard_reaches_switches_and_sentences(sites, open_page) -> None:
    page = open_page(sites["reports"] / EVENT / "index.html")
    page.locator("#layer-quotes").focus()
    page.keyboard.press("Space")
    assert not page.locator("#layer-quotes").is_checked()
    assert "hide-quotes" in page.evaluate("() => document.documentElement.className")
    page.locator("#clear-selection").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('sent')"):
            break
    else:
        pytest.fail("Tab never reached a sentence")
    page.keyboard.press("Enter")
    assert page.locator(".sent.selected").count() == 1
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") not in (
        "none",
        "",
    )


def test_print_layout_hides_the_controls(sites, open_page) -> None:
    page = open_page(sites["reports"] / EVENT / "index.html")
    page.emulate_media(media="print")
    assert not page.locator(".toolbar").is_visible()
    assert page.locator(".legend-layer").first.is_visible()
    overflow = page.locator(".articles").first.evaluate(STYLE, "overflowY")
    assert overflow == "visible"
    screenshot(page, "event-print.png", full_page=True)


def test_hostile_article_runs_no_script_and_shows_as_text(sites, open_page) -> None:
    page = open_page(sites["reports"] / HOSTILE_EVENT / "index.html")
    page.locator(".article .sent").first.click()
    assert page.dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".article img, .article b, .article script").count() == 0
    text = page.locator(".article").first.inner_text()
    assert SCRIPT in text and IMG in text
    assert page.get_by_text(SCRIPT).first.is_visible()
    assert "</script><b>x</b>" in page.locator("#selection").inner_text()
    assert page.problems == [], page.problems
    screenshot(page, "hostile.png")


def test_a_quote_shows_its_source_and_cue(sites, open_page) -> None:
    quotes = read_tables(sites["processed"] / EVENT)["quotes"]
    quote = quotes[(quotes["source_start"] >= 0) & (quotes["cue_start"] >= 0)].iloc[0]
    page = open_page(sites["reports"] / EVENT / "index.html")
    article = page.locator(f'.article[data-article="{quote.article}"]')
    source = article.locator(f'.qsrc[data-qsrc~="{quote.quote}"]').first
    cue = article.locator(f'.qcue[data-qcue~="{quote.quote}"]').first
    assert source.evaluate(STYLE, "borderBottomStyle") == "double"  # quotes: the first view's layer
    assert cue.evaluate(STYLE, "fontVariantCaps") == "small-caps"
    assert "verb:" in cue.get_attribute("title") and "quote" in source.get_attribute("title")
    article.locator(f'.q[data-q~="{quote.quote}"]').first.hover()
    for part in (source, cue):
        assert "quote-on" in part.get_attribute("class")
        assert part.evaluate(STYLE, "outlineStyle") == "solid"
    screenshot(page, "event-quote-attribution.png")
    page.locator("#layer-quotes").uncheck()
    assert source.evaluate(STYLE, "borderBottomStyle") == "none"


def test_the_discrepancy_finding_links_to_both_marked_terms(sites, open_page) -> None:
    table = read_tables(sites["processed"] / EVENT)["label_discrepancies"]
    page = open_page(sites["reports"] / EVENT / "index.html")
    links = page.locator(".findings .evidence-link")
    assert links.count() == 2 * len(table)
    assert not page.locator("#layer-labels").is_checked()
    for index in range(links.count()):
        link = links.nth(index)
        link.click()
        assert page.locator("#layer-labels").is_checked()
        mark = page.locator(f"{link.get_attribute('href')} + .ld")
        assert mark.is_visible()
        assert mark.evaluate(STYLE, "backgroundImage") != "none"
        assert mark.evaluate(STYLE, "outlineStyle") == "solid"  # the link's target
        assert table.iloc[0]["actor"] in (mark.get_attribute("title") or "")
    screenshot(page, "event-label-discrepancy.png")


def test_hostile_evidence_and_attribution_run_no_script(sites, open_page) -> None:
    page = open_page(sites["reports"] / HOSTILE_EVENT / "index.html")
    page.locator(".article .q[data-q]").first.hover()
    assert page.locator(".article .qsrc.quote-on").count() == 1
    page.locator(".findings .evidence-link").first.click()
    assert page.locator(".article .ld").first.is_visible()
    assert page.dialogs == [] and page.evaluate("() => window.__pwned") is None
    assert page.locator(".findings b, .findings i, .findings script").count() == 0
    assert "<b>Evil</b> front" in page.locator(".findings").inner_text()
    assert page.problems == [], page.problems


def test_legend_tables_fit_three_long_outlet_names(open_page, tmp_path) -> None:
    outlets = ("Northern Herald", "Radio Kestrel", "Valley Post Daily")
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    write_hostile_event(processed, outlets)
    build_site([HOSTILE_EVENT], processed, reports)
    page = open_page(reports / HOSTILE_EVENT / "index.html")
    headers = page.evaluate(
        "() => [...document.querySelectorAll('.legend-layer thead th.num-col')]"
        ".map(th => [th.textContent, th.getBoundingClientRect().width, th.scrollWidth])"
    )
    assert {text for text, _, _ in headers} == set(outlets)
    for text, width, needed in headers:
        assert needed <= width + 1, text  # the whole name shows, on one or two lines
        lines = page.evaluate(
            "(name) => { const th = [...document.querySelectorAll('.legend-layer thead th')]"
            ".find(t => t.textContent === name); const r = document.createRange();"
            " r.selectNodeContents(th); return r.getClientRects().length; }",
            text,
        )
        assert lines <= len(text.split()), text  # broken between words, never inside one
    sections = page.evaluate(
        "() => [...document.querySelectorAll('.legend-layer')]"
        ".map(s => s.scrollWidth <= s.clientWidth + 1)"
    )
    assert all(sections)  # no table wider than its box (nothing cut or scrolled away)
    page.locator(".legend").scroll_into_view_if_needed()
    screenshot(page, "event-legend-three-outlets.png")
