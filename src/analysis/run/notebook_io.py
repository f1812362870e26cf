"""Executed notebooks without run-specific noise, so that reruns are byte-identical.

papermill and nbclient record timestamps, durations, absolute paths and a random id for the injected
parameters cell; :func:`normalise` removes or fixes them. The result is written as nbformat JSON.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

from analysis.atomic import write_text

INJECTED_CELL_ID = "injected-parameters"


def normalise(notebook: NotebookNode, source_name: str) -> NotebookNode:
    """Strip timings and paths from papermill/nbclient metadata; give cells stable ids."""
    papermill = notebook.metadata.get("papermill")
    if papermill is not None:
        notebook.metadata["papermill"] = {
            "input_path": source_name,
            "parameters": papermill.get("parameters", {}),
            "version": papermill.get("version"),
        }
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell["id"] = INJECTED_CELL_ID
        elif not cell.get("id"):
            cell["id"] = f"cell-{index}"
    return notebook


def write_notebook(notebook: NotebookNode, target: Path) -> Path:
    """Write a notebook atomically as nbformat 4 JSON (trailing newline)."""
    text = nbformat.writes(notebook, version=4)
    return write_text(target, text if text.endswith("\n") else text + "\n")
