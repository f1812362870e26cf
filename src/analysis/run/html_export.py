"""HTML pages of an executed notebook: with code, and without (for readers), offline.

The template (``templates/offline_lab``) is JupyterLab's without CDN scripts, so pages open offline.
nbconvert is imported only when a page is made, so a no-op run never loads it.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any

from analysis import config
from analysis.atomic import write_text

#: One export at a time through the shared exporters (they keep per-notebook state while rendering).
EXPORT_LOCK = threading.Lock()


def export_html(notebook_path: Path) -> list[Path]:
    """Export an executed notebook to HTML twice: with code and without (``.nocode.html``).

    The two exporters are made once per process (:func:`html_exporters`): making one compiles its
    Jinja templates again, about a third of a small notebook's export.
    """
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    written = []
    with EXPORT_LOCK:
        for suffix, exporter in html_exporters():
            body, _ = exporter.from_notebook_node(
                notebook, resources={"metadata": {"name": notebook_path.stem}}
            )
            written.append(write_text(notebook_path.with_suffix(suffix), body))
    return written


@functools.cache
def html_exporters() -> tuple[tuple[str, Any], ...]:
    """The HTML exporters of :func:`export_html` with their file suffixes: with code, and without
    code or output prompts (``.nocode.html``, no "Out[3]:" for readers)."""
    from nbconvert import HTMLExporter

    return tuple(
        (
            suffix,
            HTMLExporter(
                template_name="offline_lab",
                extra_template_basedirs=[str(config.PACKAGE_DIR / "templates")],
                exclude_input=exclude_input,
                exclude_output_prompt=exclude_input,
            ),
        )
        for suffix, exclude_input in ((".html", False), (".nocode.html", True))
    )
