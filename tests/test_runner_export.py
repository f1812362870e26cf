"""The runner's notebook pipeline: each notebook exported beside the next one's execution, with
HTML exporters made once per process and giving the bytes fresh ones give."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import config
from analysis.atomic import WriteError
from analysis.run import runner
from analysis.run.html_export import export_html


def _notebook(path: Path, title: str, value: str) -> Path:
    """A small executed-looking notebook: a heading, a code cell with an output, a table."""
    notebook = new_notebook(
        cells=[
            new_markdown_cell(f"# {title}\n\nSome *words* and a [link](https://example.org)."),
            new_code_cell(
                "total = 1 + 1\ntotal",
                execution_count=1,
                outputs=[
                    new_output("execute_result", {"text/plain": value}, execution_count=1),
                    new_output("stream", name="stdout", text=f"{title} printed\n"),
                ],
            ),
            new_code_cell(
                "table",
                execution_count=2,
                outputs=[
                    new_output(
                        "display_data",
                        {"text/html": f"<table><tr><td>{value}</td></tr></table>"},
                    )
                ],
            ),
        ]
    )
    notebook.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    nbformat.write(notebook, path)
    return path


def _fresh_export(path: Path) -> list[str]:
    """The pages a newly made exporter pair writes (what the runner did before reusing them)."""
    notebook = nbformat.read(path, as_version=4)
    pages = []
    for exclude in (False, True):
        exporter = HTMLExporter(
            template_name="offline_lab",
            extra_template_basedirs=[str(config.PACKAGE_DIR / "templates")],
            exclude_input=exclude,
            exclude_output_prompt=exclude,
        )
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
        pages.append(body)
    return pages


def test_reused_exporters_write_the_bytes_of_fresh_ones(tmp_path: Path) -> None:
    first = _notebook(tmp_path / "first.ipynb", "First", "2")
    second = _notebook(tmp_path / "second.ipynb", "Second notebook", "42")
    for path in (first, second, first):  # a page must not carry anything of the one before
        written = export_html(path)
        assert [page.name for page in written] == [f"{path.stem}.html", f"{path.stem}.nocode.html"]
        assert [page.read_text("utf-8") for page in written] == _fresh_export(path)
    with_code, without = (page.read_text("utf-8") for page in export_html(second))
    code = 'class="highlight hl-ipython3"'
    assert code in with_code and code not in without


def _fake_runner(monkeypatch: pytest.MonkeyPatch, fail: str | None = None) -> list[str]:
    """Replace the kernel and the exporter by recorders; ``fail``: that notebook raises."""
    events: list[str] = []

    def execute(source: Path, target: Path, parameters: dict[str, Any]) -> Path:
        if source.stem == fail:
            events.append(f"fail {source.stem}")
            raise runner.NotebookFailed(f"{source.name} failed in cell 1")
        events.append(f"execute {source.stem}")
        target.write_text(source.stem, encoding="utf-8")
        return target

    def export(path: Path) -> list[Path]:
        events.append(f"export {path.stem} in {threading.current_thread().name.split('_')[0]}")
        page = path.with_suffix(".html")
        page.write_text(path.read_text("utf-8"), encoding="utf-8")
        return [page]

    monkeypatch.setattr(runner, "execute_notebook", execute)
    monkeypatch.setattr(runner, "export_html", export)
    return events


def test_every_notebook_runs_in_order_and_is_exported_in_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _fake_runner(monkeypatch)
    sources = [tmp_path / f"{name}.ipynb" for name in ("a", "b", "c")]
    written = runner.execute_and_export(sources, tmp_path, {})
    executions = [event for event in events if event.startswith("execute")]
    assert executions == ["execute a", "execute b", "execute c"]
    assert sorted(e for e in events if e.startswith("export")) == [
        f"export {name} in export-html" for name in ("a", "b", "c")
    ]
    assert events.index("export c in export-html") > events.index("execute c")
    assert [path.name for path in written] == [
        "a.ipynb",
        "a.html",
        "b.ipynb",
        "b.html",
        "c.ipynb",
        "c.html",
    ]
    assert all(path.is_file() for path in written)


def test_a_failing_notebook_is_raised_after_the_previous_export_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _fake_runner(monkeypatch, fail="b")
    sources = [tmp_path / f"{name}.ipynb" for name in ("a", "b", "c")]
    with pytest.raises(runner.NotebookFailed, match=r"b\.ipynb"):
        runner.execute_and_export(sources, tmp_path, {})
    assert (tmp_path / "a.html").is_file()  # the export beside the failure still finished
    assert "execute c" not in events


def test_an_export_error_is_raised_by_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_runner(monkeypatch)

    def broken(path: Path) -> list[Path]:
        raise WriteError(path.with_suffix(".html"), OSError(28, "No space left on device"))

    monkeypatch.setattr(runner, "export_html", broken)
    with pytest.raises(WriteError, match="No space left"):
        runner.execute_and_export([tmp_path / "a.ipynb", tmp_path / "b.ipynb"], tmp_path, {})
