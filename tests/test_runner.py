"""Integration tests of the runner on the seed event: outputs, no-op rerun, byte-identical rerun, errors."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis import config
from analysis.atomic import write_tables
from analysis.errors import InputError
from analysis.measures.actors import ACTOR_FILE_NAME
from analysis.run import runner
from analysis.run.notebook_setup import measure_table, notebook_setup
from analysis.run.parameters import check_parameters

EVENT = config.DEFAULT_EVENT
HTML_RAW = Path(__file__).parent / "fixtures" / "html_corpus"
HTML_EVENT = "2021-03-14_aldermoor-bridge"


def _digests(*folders: Path) -> dict[str, str]:
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, runner.RunResult]:
    root = tmp_path_factory.mktemp("run")
    processed, reports = root / "processed", root / "reports"
    result = runner.run_event(EVENT, processed_root=processed, reports_root=reports)
    return processed, reports, result


def test_run_writes_notebooks_html_figures_and_tables(first_run) -> None:
    processed, reports, result = first_run
    assert result.executed
    event_reports = reports / EVENT
    for name in runner.NOTEBOOKS:
        stem = name.removesuffix(".ipynb")
        for suffix in (".ipynb", ".html", ".nocode.html"):
            assert (event_reports / f"{stem}{suffix}").stat().st_size > 0
    for figure in ("readability", "fightin_words", "label_families"):
        assert (event_reports / "figures" / f"{figure}.svg").is_file()
        assert (event_reports / "figures" / f"{figure}.png").is_file()
    tables = {path.name for path in (processed / EVENT).glob("*.csv")}
    assert {"articles.csv", "provenance.csv", "style.csv", "keyness.csv", "labels.csv"} <= tables


def test_nocode_html_hides_the_code(first_run) -> None:
    _, reports, _ = first_run
    with_code = (reports / EVENT / "02_compare.html").read_text(encoding="utf-8")
    without = (reports / EVENT / "02_compare.nocode.html").read_text(encoding="utf-8")
    assert "compare_tables" in with_code
    assert "compare_tables" not in without


def test_executed_notebook_carries_no_run_specific_metadata(first_run) -> None:
    _, reports, _ = first_run
    notebook = nbformat.read(reports / EVENT / "01_clean.ipynb", as_version=4)
    papermill = notebook.metadata["papermill"]
    assert set(papermill) == {"input_path", "parameters", "version"}
    assert papermill["parameters"]["event_id"] == EVENT
    text = (reports / EVENT / "01_clean.ipynb").read_text(encoding="utf-8")
    assert "start_time" not in text and "duration" not in text
    assert str(config.PROJECT_ROOT) not in text
    ids = [cell["id"] for cell in notebook.cells]
    assert "injected-parameters" in ids


def test_rerun_with_nothing_changed_executes_nothing(first_run, monkeypatch) -> None:
    processed, reports, _ = first_run
    before = _digests(processed, reports)

    def no_kernel(*args, **kwargs):
        raise AssertionError("a notebook was executed")

    monkeypatch.setattr(runner, "execute_notebook", no_kernel)
    result = runner.run_event(EVENT, processed_root=processed, reports_root=reports)
    assert not result.executed
    assert _digests(processed, reports) == before


def test_missing_output_makes_the_run_stale(first_run, tmp_path) -> None:
    _, reports, _ = first_run
    stamp_path = reports / EVENT / runner.FINGERPRINT_FILE
    recorded = json.loads(stamp_path.read_text(encoding="utf-8"))
    assert runner._up_to_date(stamp_path, recorded["fingerprint"])
    assert not runner._up_to_date(stamp_path, "another-fingerprint")
    figure = reports / EVENT / "figures" / "readability.png"
    kept = tmp_path / "readability.png"
    shutil.move(figure, kept)
    try:
        assert not runner._up_to_date(stamp_path, recorded["fingerprint"])
    finally:
        shutil.move(kept, figure)


def test_forced_rerun_is_byte_identical(first_run) -> None:
    processed, reports, _ = first_run
    before = _digests(processed, reports)
    result = runner.run_event(EVENT, processed_root=processed, reports_root=reports, force=True)
    assert result.executed
    assert _digests(processed, reports) == before


def test_unknown_parameter_is_an_error_naming_the_notebook() -> None:
    notebook = config.NOTEBOOKS / "02_compare.ipynb"
    with pytest.raises(InputError, match=r"02_compare\.ipynb.*unknown parameter 'event'"):
        check_parameters(notebook, {"event": EVENT})


def test_wrong_parameter_type_is_an_error() -> None:
    with pytest.raises(InputError, match="must be str, got int"):
        check_parameters(config.NOTEBOOKS / "01_clean.ipynb", {"event_id": 42})


def test_failing_notebook_names_notebook_and_cell(tmp_path) -> None:
    parameters = new_code_cell('event_id = "x"')
    parameters.metadata["tags"] = ["parameters"]
    notebook = new_notebook(
        cells=[parameters, new_code_cell("1 + 1"), new_code_cell("raise ValueError('boom')")]
    )
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    source = tmp_path / "broken.ipynb"
    nbformat.write(notebook, source)
    with pytest.raises(
        runner.NotebookFailed, match=r"broken\.ipynb failed in cell .*ValueError: boom"
    ):
        runner.execute_notebook(source, tmp_path / "out" / "broken.ipynb", {"event_id": "y"})
    assert not (tmp_path / "out" / "broken.ipynb").exists()


def test_unknown_event_is_an_error() -> None:
    with pytest.raises(InputError, match="no event 'nope'"):
        runner.run(["nope"])


def test_fingerprint_changes_with_the_event_actor_file(tmp_path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(config.DATA_RAW, raw)
    parameters = {"event_id": EVENT}
    actor_file = raw / EVENT / ACTOR_FILE_NAME
    actor_file.unlink(missing_ok=True)
    without = runner.fingerprint(EVENT, raw, parameters, config.NOTEBOOKS)
    actor_file.write_text("actors:\n  - name: Imran Khan\n    type: person\n", encoding="utf-8")
    with_file = runner.fingerprint(EVENT, raw, parameters, config.NOTEBOOKS)
    assert with_file != without
    assert runner.fingerprint(EVENT, raw, parameters, config.NOTEBOOKS) == with_file


def _raw_with_a_binary_article(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(config.DATA_RAW, raw)
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    (raw / EVENT / "002_picture.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    with open(raw / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write(
            f"\n{EVENT},Third Outlet,,2019-04-22,en,en,,{EVENT}/002_picture.txt,{digest},\n"
        )
    return raw


def test_a_bad_article_is_reported_and_the_event_still_runs(tmp_path) -> None:
    raw = _raw_with_a_binary_article(tmp_path)
    runnable, problems = runner.check_events([EVENT], raw)
    assert runnable == [EVENT]
    assert len(problems) == 1 and "002_picture.txt" in str(problems[0])
    assert problems[0].row == 5  # the line of the file: the appended row follows a blank line


def test_the_cli_writes_the_errors_report_and_fails(tmp_path, monkeypatch, capsys) -> None:
    from analysis.__main__ import main

    raw = _raw_with_a_binary_article(tmp_path)
    ran = []
    monkeypatch.setattr(
        runner,
        "run_event",
        lambda event_id, *args, **kwargs: (
            ran.append(event_id) or runner.RunResult(event_id, False, ())
        ),
    )
    status = main(
        [
            "run",
            "--raw",
            str(raw),
            "--processed",
            str(tmp_path / "p"),
            "--reports",
            str(tmp_path / "r"),
        ]
    )
    assert status == 1 and ran == [EVENT]
    errors = (tmp_path / "r" / "errors.csv").read_text(encoding="utf-8")
    assert "002_picture.txt" in errors
    assert "002_picture.txt" in capsys.readouterr().err


def test_changing_only_the_event_writes_to_that_events_folders(tmp_path, monkeypatch) -> None:
    """papermill with only ``event_id`` (and a raw folder): the tables and figures go to the event's own
    folders, and the default (seed) event's existing outputs are left byte for byte as they were."""
    root = tmp_path / "root"
    seed_tables, seed_figures = root / "data" / "processed" / EVENT, root / "reports" / EVENT
    for folder in (seed_tables, seed_figures / "figures"):
        folder.mkdir(parents=True)
        (folder / "style.csv").write_text("outlet,measure,value\nVOA,words,1\n", encoding="utf-8")
    before = _digests(root)
    monkeypatch.setenv("ANALYSIS_ROOT", str(root))  # the kernels' config resolves under root
    for name in runner.NOTEBOOKS:
        parameters = {"event_id": HTML_EVENT, "raw_dir": str(HTML_RAW)}
        check_parameters(config.NOTEBOOKS / name, parameters)
        runner.execute_notebook(config.NOTEBOOKS / name, tmp_path / "executed" / name, parameters)
    assert _digests(seed_tables, seed_figures) == before
    tables = root / "data" / "processed" / HTML_EVENT
    for table in ("articles", "sentences", "style", "keyness", "labels", "quotes", "tone_summary"):
        assert (tables / f"{table}.csv").is_file() and (tables / f"{table}.parquet").is_file()
    assert (root / "reports" / HTML_EVENT / "figures" / "readability.svg").is_file()


def test_notebook_setup_derives_folders_from_the_event_unless_given(tmp_path) -> None:
    import pandas as pd

    derived = notebook_setup(EVENT, "data/raw")
    assert derived.processed == config.processed_dir(EVENT)
    assert derived.figures == config.figures_dir(EVENT)
    assert derived.outlets == ["RFI", "VOA"] and len(derived.cleaned) == derived.article_count == 2
    write_tables(tmp_path / "tables", {"articles": pd.DataFrame({"outlet": ["VOA", "RFI", "VOA"]})})
    given = notebook_setup(
        EVENT, "data/raw", str(tmp_path / "tables"), str(tmp_path / "figures"), load_event=False
    )
    assert (given.processed, given.figures) == (tmp_path / "tables", tmp_path / "figures")
    assert given.outlets == ["RFI", "VOA"] and given.article_count == 3 and given.cleaned == []


def test_measure_table_prints_counts_as_integers() -> None:
    long = pd.DataFrame(
        [
            ("B", "mattr", 0.871),
            ("A", "mattr", 0.8),
            ("A", "words", 458.0),
            ("B", "words", 594.0),
            ("A", "sentences", 23.0),
        ],
        columns=["outlet", "measure", "value"],
    )
    table = measure_table(long)
    assert list(table.index) == ["mattr", "words", "sentences"]  # first-seen order
    assert list(table.columns) == ["A", "B"]
    assert table.loc["words"].tolist() == ["458", "594"]
    assert table.loc["sentences"].tolist() == ["23", ""]  # B has no value
    assert table.loc["mattr"].tolist() == ["0.80", "0.87"]
    assert "458.00" not in table.to_string() and "458.00" not in table.to_html()
