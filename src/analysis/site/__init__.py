"""The reader's site: a static view of the processed tables that opens from disk.

:func:`build_site` writes, under ``reports/``:

* ``index.html``: every event with its outlets and dates, key findings (:mod:`.findings`), and links to
  the event page, the executed notebooks' HTML (with and without code) and the figures;
* ``<event_id>/index.html``: the clean articles side by side, one column per outlet, with highlight
  layers that can be switched on and off (quotes by speaker with their source and cue, label families by
  voice and the terms of label discrepancies linked from their finding, shared and unique
  sentences with their counterparts, numbers with mismatches marked, frame indicators in the margin), a
  legend with the counts of each layer per outlet, and the event's figures;
* ``_site/site.css`` and ``_site/site.js``: the only style sheet and script (no CDN, no network).

Pages come from Jinja2 templates with autoescaping on, so any article text shows as text. The layout of an
event is :func:`analysis.site.layout.event_view`: a pure view of ``data/processed/<event_id>/``. Output is
deterministic (sorted inputs, no dates) and every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2

from analysis import config
from analysis.atomic import write_text
from analysis.site.data import LAYERS, figures, has_event, notebooks
from analysis.site.findings import Finding, key_findings
from analysis.site.layout import event_view
from analysis.site.view import EventView

__all__ = [
    "ASSETS_DIR",
    "LAYERS",
    "build_event_page",
    "build_site",
    "environment",
    "event_view",
    "key_findings",
    "render_event",
    "render_index",
]

SITE_DIR = Path(__file__).resolve().parent
TEMPLATES = SITE_DIR / "templates"
STATIC = SITE_DIR / "static"
#: Folder under ``reports/`` that receives the style sheet and script.
ASSETS_DIR = "_site"
ASSETS = ("site.css", "site.js")


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the site: package templates, autoescape on, undefined is an error."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_event(
    view: EventView, figure_list: list[dict[str, str]], notebook_list: list[dict[str, str]]
) -> str:
    """The HTML of one event page."""
    return (
        environment()
        .get_template("event.html")
        .render(
            view=view,
            layers=LAYERS,
            figures=figure_list,
            notebooks=notebook_list,
            findings=key_findings(view.tables),
            assets=f"../{ASSETS_DIR}",
            home="../index.html",
        )
    )


def render_index(events: list[dict[str, object]]) -> str:
    """The HTML of the site's front page."""
    return environment().get_template("index.html").render(events=events, assets=ASSETS_DIR)


def _summary(view: EventView, findings: list[Finding], reports_root: Path) -> dict[str, object]:
    articles = [article for column in view.columns for article in column.articles]
    dates = sorted({article.date for article in articles if article.date})
    return {
        "event_id": view.event_id,
        "page": f"{view.event_id}/index.html",
        "dates": dates,
        "columns": view.columns,
        "findings": findings,
        "notebooks": notebooks(view.event_id, reports_root),
        "figures": figures(view.event_id, reports_root),
    }


def build_event_page(
    event_id: str,
    processed_root: Path | str = config.DATA_PROCESSED,
    reports_root: Path | str = config.REPORTS,
) -> tuple[Path, EventView]:
    """Write ``reports/<event_id>/index.html``; return its path and the view it shows."""
    reports_root = Path(reports_root)
    view = event_view(event_id, config.processed_dir(event_id, Path(processed_root)))
    html = render_event(view, figures(event_id, reports_root), notebooks(event_id, reports_root))
    path = write_text(config.report_dir(event_id, reports_root) / "index.html", html)
    return path, view


def build_site(
    event_ids: Iterable[str] | None = None,
    processed_root: Path | str = config.DATA_PROCESSED,
    reports_root: Path | str = config.REPORTS,
) -> list[Path]:
    """Write the site for ``event_ids`` (default: every event folder under ``processed_root``).

    Events without processed tables are left out. Returns the written paths, index last.
    """
    processed_root, reports_root = Path(processed_root), Path(reports_root)
    if event_ids is None:
        candidates = (
            (p.name for p in processed_root.iterdir() if p.is_dir())
            if processed_root.is_dir()
            else ()
        )
    else:
        candidates = iter(event_ids)
    chosen = sorted({e for e in candidates if has_event(config.processed_dir(e, processed_root))})
    written = [
        write_text(reports_root / ASSETS_DIR / name, (STATIC / name).read_text(encoding="utf-8"))
        for name in ASSETS
    ]
    summaries = []
    for event_id in chosen:
        path, view = build_event_page(event_id, processed_root, reports_root)
        written.append(path)
        summaries.append(_summary(view, key_findings(view.tables), reports_root))
    written.append(write_text(reports_root / "index.html", render_index(summaries)))
    return written
