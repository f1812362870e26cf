"""Main text and metadata of a saved web page, extracted with trafilatura.

Trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL-IJCNLP 2021 System Demonstrations, 122-131) finds the article body of a
page by its markup and text density, and reads the title, date and author from ``<meta>`` tags, JSON-LD
and the page itself.

Kept: the paragraphs, sub-headings, block quotes and list items of the article body, one block each,
separated by a blank line (as in a text article); the page title is put first, as a text article's
headline is, unless the body already starts with it. Dropped: navigation, share bars, cookie banners,
related-article lists, adverts, footers, readers' comments (``include_comments=False``), tables
(``include_tables=False``: cells of news tables are not prose and would become fragments of sentences),
images, links and formatting. Settings:

- ``favor_precision=True``: saved news pages carry a lot of page furniture, and a page without an article
  (a consent wall, a JavaScript shell) then yields nothing rather than its menus passed off as text. The
  cost is that a short, link-heavy paragraph may be dropped; the provenance table records the characters
  in and out of every extraction.
- ``deduplicate=False``: trafilatura's deduplication keeps a process-wide LRU cache of the text seen, so a
  second call could drop what the first one kept; without it every call depends on its input only.
- Dates: ``htmldate`` on the page markup only (``extensive_search=False``: no guessing from dates in the
  text) and a fixed latest date instead of today's, so that the result does not depend on the day.
- Trafilatura is only given the decoded HTML string, never a URL: nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml.etree import _Element

from analysis.errors import InputError

LATEST_DATE = "2100-12-31"
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": LATEST_DATE}


class NoMainTextError(InputError):
    """No main text could be extracted from a saved web page."""


@dataclass(frozen=True)
class Extracted:
    """The main text of a web page (blocks separated by a blank line) and its metadata."""

    text: str
    title: str | None
    date: str | None  # ISO YYYY-MM-DD
    author: str | None
    extractor: str  # e.g. "trafilatura 2.3.1"
    chars_in: int  # characters of the decoded HTML
    chars_out: int  # characters of ``text``


def extractor_version() -> str:
    """Name and version of the extractor, as recorded in the provenance table."""
    import trafilatura

    return f"trafilatura {trafilatura.__version__}"


def extract_html(html: str, path: Path | str) -> Extracted:
    """Extract the main text and metadata of the page ``html``; raise :class:`NoMainTextError` naming
    ``path`` when there is none."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=True,
        date_extraction_params=dict(_DATE_PARAMS),
        output_format="python",
    )
    blocks = _blocks(document.body) if document is not None else []
    if not blocks:
        raise NoMainTextError(
            path, f"no main text could be extracted from the HTML page ({extractor_version()})"
        )
    title = document.title or None
    if title and blocks[0] != title:
        blocks.insert(0, title)
    text = "\n\n".join(blocks)
    return Extracted(
        text=text,
        title=title,
        date=document.date or None,
        author=document.author or None,
        extractor=extractor_version(),
        chars_in=len(html),
        chars_out=len(text),
    )


def _blocks(body: _Element | None) -> list[str]:
    """Text of each top-level element of trafilatura's body tree (each list item on its own)."""
    from trafilatura.xml import xmltotxt

    if body is None:
        return []
    elements = []
    for child in body:
        elements.extend(child.findall("item") if child.tag == "list" else [child])
    texts = (xmltotxt(element, False).strip() for element in elements)
    return [text for text in texts if text]
