"""Hostile user text in the notebooks' HTML, in a real browser: no script runs.

One event made from the seed articles, with outlets, a title, an actor and article text that carry
script: ``<script>``, ``<img onerror>``, ``<svg onload>``, Markdown ``javascript:`` links and
spreadsheet formulas. The whole event pipeline (notebooks 01–03, HTML with and without code) and the
corpus notebook (04) run on it; every generated HTML file is then opened in headless Chromium (Debian's
package, driven by Playwright, every non-``file:`` request blocked). The test listens for what a
running script does (dialogs, console messages, page errors) and looks for ``javascript:`` links in the
DOM, not for strings in the file.

Skips, saying how to enable it, when Chromium or Playwright is missing (see ``test_site_browser.py``).
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from analysis import config
from analysis.run.runner import execute_notebook, export_html, run

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
EVENT = "2019-04-22_hostile"
SEED = config.DATA_RAW / config.DEFAULT_EVENT
#: Each string calls alert with its own number, so a failure says which one ran.
OUTLETS = {
    "000_5a7501a11d1dcd97.txt": "<script>alert(1)</script>VOA",
    "001_2e6ec9803f784069.txt": "<img src=x onerror=alert(2)>[RFI](javascript:alert(3))",
}
TITLE = '<svg onload=alert(4)></svg>=HYPERLINK("http://x") [t](javascript:alert(5))'
ACTOR = "<img src=y onerror=alert(6)>Iran"
ARTICLE_TAIL = (
    "\n\nOfficials said <script>alert(7)</script> and <img src=z onerror=alert(8)> on Monday, "
    "and [a link](javascript:alert(9)) was shared.\n"
)


def write_hostile_event(raw: Path) -> None:
    """The seed articles (text + hostile tail) under hostile outlets, title and actor."""
    folder = raw / EVENT
    folder.mkdir(parents=True)
    rows = []
    for name, outlet in OUTLETS.items():
        data = (SEED / name).read_bytes() + ARTICLE_TAIL.encode()
        (folder / name).write_bytes(data)
        rows.append(
            {"event_id": EVENT, "outlet": outlet, "title": TITLE, "date": "2019-04-22",
             "language": "en", "original_language": "en", "path": f"{EVENT}/{name}",
             "sha256": hashlib.sha256(data).hexdigest()}
        )  # fmt: skip
    actors = (SEED / "actors.yaml").read_text(encoding="utf-8")
    actors = actors.replace("- name: Iran\n", f"- name: {ACTOR!r}\n", 1)
    (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def generated_html(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every HTML file the event run and the corpus notebook write for the hostile event."""
    root = tmp_path_factory.mktemp("hostile_html")
    raw, processed, reports = root / "raw", root / "processed", root / "reports"
    write_hostile_event(raw)
    results, problems = run([EVENT], raw, processed, reports)
    assert [result.event_id for result in results] == [EVENT], problems
    corpus_out = reports / "corpus"
    notebook = execute_notebook(
        config.NOTEBOOKS / "04_corpus.ipynb",
        corpus_out / "04_corpus.ipynb",
        {
            "corpus_dir": str(raw),
            "out_dir": str(processed / "corpus"),
            "figures_dir": str(corpus_out / "figures"),
            "resamples": 50,
        },
    )
    export_html(notebook)
    pages = sorted(reports.rglob("*.html"))
    notebooks = [page for page in pages if page.name != "index.html"]
    assert len(notebooks) == 8, pages  # 4 notebooks, with and without code
    return pages


def test_no_script_runs_in_any_generated_html(generated_html: list[Path]) -> None:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    ran: dict[str, list[str]] = {}
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS
            )
            browser.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file:") else route.abort()
                ),
            )
            for path in generated_html:
                page = browser.new_page()
                seen: list[str] = []
                page.on(
                    "dialog", lambda d, seen=seen: (seen.append(f"dialog {d.message}"), d.dismiss())
                )
                page.on("console", lambda m, seen=seen: seen.append(f"console {m.type}: {m.text}"))
                page.on("pageerror", lambda e, seen=seen: seen.append(f"page error: {e}"))
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                page.wait_for_timeout(200)
                links = page.eval_on_selector_all(
                    "a[href]",
                    "els => els.map(a => a.href).filter(h => h.trim().toLowerCase()"
                    ".startsWith('javascript:'))",
                )
                seen += [f"javascript link {link}" for link in links]
                if seen:
                    ran[path.name] = seen
                page.close()
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert ran == {}
