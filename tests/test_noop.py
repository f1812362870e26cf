"""A rerun with nothing changed starts no kernel and rewrites nothing; a changed input reruns its step.

Not timed: the speed of the no-op rerun is measured by ``benchmarks/report_bench.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import config
from analysis.measures import actors
from analysis.run import runner

EVENT = config.DEFAULT_EVENT
HEAVY = ("papermill", "nbformat", "nbconvert", "jinja2", "matplotlib")


class Executed(RuntimeError):
    """Raised by the patched ``execute_notebook``: a notebook would have run."""


def _state(*folders: Path) -> dict[str, tuple[int, bytes]]:
    """mtime and bytes of every file, the lock files (pid of the last run) left out."""
    return {
        str(path): (path.stat().st_mtime_ns, path.read_bytes())
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


def _no_kernel(*args: object, **kwargs: object) -> Path:
    raise Executed("a notebook was executed")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Processed and reports folders after one full run of the seed event."""
    root = tmp_path_factory.mktemp("noop")
    processed, reports = root / "processed", root / "reports"
    results, _ = runner.run([EVENT], processed_root=processed, reports_root=reports)
    assert results[0].executed
    return processed, reports


def test_second_run_starts_no_kernel_and_rewrites_nothing(outputs, monkeypatch) -> None:
    processed, reports = outputs
    before = _state(processed, reports)
    monkeypatch.setattr(runner, "execute_notebook", _no_kernel)
    results, problems = runner.run([EVENT], processed_root=processed, reports_root=reports)
    assert [result.executed for result in results] == [False] and problems == []
    assert _state(processed, reports) == before


def test_noop_command_imports_no_notebook_or_site_library(outputs) -> None:
    processed, reports = outputs
    code = (
        "import sys\nfrom analysis.__main__ import main\n"
        f"status = main(['run', '--processed', {str(processed)!r}, '--reports', {str(reports)!r}])\n"
        f"print(status, sorted(name for name in {HEAVY!r} if name in sys.modules))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert f"{EVENT}: up to date, skipped" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_errors_report_is_written_again_when_missing(outputs, monkeypatch) -> None:
    processed, reports = outputs
    errors = reports / runner.ERRORS_FILE
    kept = errors.read_bytes()
    errors.unlink()
    monkeypatch.setattr(runner, "execute_notebook", _no_kernel)
    runner.run([EVENT], processed_root=processed, reports_root=reports)
    assert errors.read_bytes() == kept


def test_a_changed_notebook_reruns_the_event(outputs, monkeypatch, tmp_path) -> None:
    processed, reports = outputs
    notebooks = tmp_path / "notebooks"
    shutil.copytree(config.NOTEBOOKS, notebooks)
    stamp_path = reports / EVENT / runner.FINGERPRINT_FILE
    stamp = stamp_path.read_bytes()
    monkeypatch.setattr(runner, "execute_notebook", _no_kernel)
    same = runner.run_event(
        EVENT, processed_root=processed, reports_root=reports, notebooks_dir=notebooks
    )
    assert not same.executed
    notebook = notebooks / "02_compare.ipynb"
    content = json.loads(notebook.read_text(encoding="utf-8"))
    content["cells"][-1]["source"] = [*content["cells"][-1]["source"], "\n"]
    notebook.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    try:
        with pytest.raises(Executed):
            runner.run_event(
                EVENT, processed_root=processed, reports_root=reports, notebooks_dir=notebooks
            )
    finally:
        stamp_path.write_bytes(stamp)


def test_a_changed_processed_table_rebuilds_the_site_only(outputs, monkeypatch) -> None:
    processed, reports = outputs
    table = processed / EVENT / "numbers.csv"
    original = table.read_bytes()
    pages = _state(reports / "_site") | {"index": (0, (reports / "index.html").read_bytes())}
    monkeypatch.setattr(runner, "execute_notebook", _no_kernel)
    assert not runner.update_site([EVENT], processed, reports)
    table.write_bytes(original + b"\n")
    try:
        assert runner.update_site([EVENT], processed, reports)
        assert not runner.update_site([EVENT], processed, reports)
    finally:
        table.write_bytes(original)
    assert runner.update_site([EVENT], processed, reports)
    assert (reports / "index.html").read_bytes() == pages["index"][1]


def test_a_changed_raw_file_redoes_the_article_check(tmp_path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(config.DATA_RAW, raw)
    before = runner.check_fingerprint(raw, None)
    assert runner.check_fingerprint(raw, None) == before
    article = next((raw / EVENT).glob("*.txt"))
    article.write_bytes(article.read_bytes() + b" ")
    assert runner.check_fingerprint(raw, None) != before
    assert runner.check_fingerprint(raw, [EVENT]) != runner.check_fingerprint(raw, None)


def test_actor_file_name_matches_the_actors_module() -> None:
    assert runner.ACTOR_FILE_NAME == actors.ACTOR_FILE_NAME
