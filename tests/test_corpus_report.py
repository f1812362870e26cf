"""``analysis run --corpus``: the corpus notebook, its HTML and figures, exit status, byte-identical reruns."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from test_corpus import EVENTS, digests, make_corpus

from analysis import config
from analysis.__main__ import main
from analysis.corpus.report import corpus_folders


@pytest.fixture(scope="module")
def run_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """A toy corpus (one event with an empty article) run through the command line once."""
    root = tmp_path_factory.mktemp("corpus-report")
    corpus = make_corpus(root / "toy")
    status = main(["run", "--corpus", str(corpus), "--processed", str(root / "processed"),
                   "--reports", str(root / "reports"), "--no-progress", "--partition-size", "4"])  # fmt: skip
    return corpus, root, status


def test_bad_article_makes_the_exit_status_1(run_once: tuple[Path, Path, int]) -> None:
    assert run_once[2] == 1


def test_notebook_html_figures_and_tables_are_written(run_once: tuple[Path, Path, int]) -> None:
    _, root, _ = run_once
    report = root / "reports" / "corpus" / "toy"
    assert {p.name for p in report.iterdir()} >= {
        "04_corpus.ipynb", "04_corpus.html", "04_corpus.nocode.html", "figures",
    }  # fmt: skip
    assert {p.name for p in (report / "figures").glob("*.svg")} >= {
        "corpus_style.svg", "corpus_keyness.svg", "corpus_labels.svg", "corpus_tone.svg",
    }  # fmt: skip
    html = (report / "04_corpus.html").read_text(encoding="utf-8")
    assert "Outlet profiles across a corpus" in html and '<script src="http' not in html
    tables = root / "processed" / "corpus" / "toy" / "tables"
    assert len(list((tables / "articles").glob("part-*.parquet"))) == 3


def test_forced_rerun_is_byte_identical_and_plain_rerun_executes_nothing(
    run_once: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, root, _ = run_once
    before = {**digests(root / "processed"), **digests(root / "reports")}
    main(["run", "--corpus", str(corpus), "--processed", str(root / "processed"),
          "--reports", str(root / "reports"), "--no-progress"])  # fmt: skip
    assert "0 extracted" in capsys.readouterr().out
    assert {**digests(root / "processed"), **digests(root / "reports")} == before
    main(["run", "--corpus", str(corpus), "--processed", str(root / "processed"),
          "--reports", str(root / "reports"), "--no-progress", "--force"])  # fmt: skip
    assert "3 extracted" in capsys.readouterr().out
    after = {**digests(root / "processed"), **digests(root / "reports")}
    changed = sorted(name for name in before if before[name] != after.get(name))
    assert changed == [], changed


def test_unknown_event_for_event_reports_is_a_clear_error(
    run_once: tuple[Path, Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, root, _ = run_once
    status = main(["run", "--corpus", str(corpus), "--processed", str(root / "processed"),
                   "--reports", str(root / "reports"), "--no-progress", "--event", "2019-01-05_broken"])  # fmt: skip
    assert status == 1
    assert "no analysed event 2019-01-05_broken" in capsys.readouterr().err


def test_refresh_notebooks_command_runs_without_corpus_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``refresh-notebooks`` has none of ``run``'s options; it must still reach the runner."""
    from analysis.run import runner

    refreshed: list[bool] = []
    monkeypatch.setattr(runner, "refresh_notebooks", lambda: refreshed.append(True) or [])
    assert main(["refresh-notebooks"]) == 0
    assert refreshed == [True]


def test_corpus_notebook_folders_derive_from_the_corpus_unless_given(tmp_path: Path) -> None:
    """Only ``corpus_dir`` given: the tables and figures go to that corpus's folders, not another's."""
    corpus, out, figures = corpus_folders(tmp_path / "news-2020")
    assert corpus == (tmp_path / "news-2020").resolve()
    assert out == config.DATA_PROCESSED / "corpus" / "news-2020"
    assert figures == config.REPORTS / "corpus" / "news-2020" / "figures"
    _, out, figures = corpus_folders(tmp_path / "news-2020", tmp_path / "out", tmp_path / "figs")
    assert (out, figures) == (tmp_path / "out", tmp_path / "figs")


def test_no_comparison_and_event_reports_render_and_link(tmp_path: Path) -> None:
    """One event, ``--no-comparison --event-reports``: the corpus notebook renders with the comparison
    sections marked as skipped, and links the event's page of the reader's site, which is built."""
    corpus = make_corpus(tmp_path / "one", broken_event=False)
    manifest = corpus / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    kept = [lines[0], *(line for line in lines[1:] if line.startswith(EVENTS[0]))]
    manifest.write_text("\n".join(kept) + "\n", encoding="utf-8")
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    status = main(["run", "--corpus", str(corpus), "--processed", str(processed), "--reports",
                   str(reports), "--no-progress", "--no-comparison", "--event-reports",
                   "--jobs", "1"])  # fmt: skip
    assert status == 0
    assert (reports / EVENTS[0] / "index.html").is_file() and (reports / "index.html").is_file()
    html = (reports / "corpus" / "one" / "04_corpus.nocode.html").read_text(encoding="utf-8")
    for section in ("attribution verbs (share of attributed quotes)", "selection"):
        assert html.count(f"Section “{section}” skipped") == 2  # the table and the figure
    assert "Section “quotes” skipped" not in html  # words inside quotation marks need no comparison
    assert f'href="../../{EVENTS[0]}/index.html"' in html
    assert "Traceback" not in html


def test_committed_corpus_notebook_names_the_seed_folder() -> None:
    notebook = json.loads((config.NOTEBOOKS / "04_corpus.ipynb").read_text(encoding="utf-8"))
    shown = html.unescape(
        "".join(
            "".join(output.get("data", {}).get("text/markdown", ""))
            for cell in notebook["cells"]
            for output in cell.get("outputs", [])
        )
    )  # user text is shown escaped (literal_code), so read it as a browser would
    assert "**Corpus** <code>data/raw</code>" in shown and "notebooks/data" not in shown


def test_interval_table_prints_whole_numbers_as_integers() -> None:
    import pandas as pd

    from analysis.corpus.profiles import PROFILE_COLUMNS, interval_table

    profiles = pd.DataFrame(
        [["style", "words", "A", 458.0, float("nan"), float("nan"), 1, 1],
         ["style", "words", "B", 457.5, 450.0, 465.25, 3, 3]],
        columns=PROFILE_COLUMNS,
    )  # fmt: skip
    table = interval_table(profiles, "style")
    assert table.loc["words"].tolist() == ["458", "457.50 [450, 465.25]"]
