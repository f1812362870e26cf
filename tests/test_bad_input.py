"""Bad input, one test per kind: every message names the file (and manifest row) and the problem.

Fixtures are tiny files in ``tests/fixtures/bad_input/`` (the several-MB article is made in ``tmp_path``).
Per-article problems are collected by ``load_event_checked`` and the rest of the event is still cleaned;
manifest problems raise ``InputError`` and stop the run. The kinds and behaviours are listed in
``tests/README.md``.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import os
import stat
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.ingest.decode import decode_article
from analysis.ingest.load import (
    PROBLEM_COLUMNS,
    Problem,
    failed,
    load_event,
    load_event_checked,
    problems_table,
    read_event,
    write_problems,
)
from analysis.ingest.manifest import articles, read_manifest
from analysis.run.parameters import check_parameters
from analysis.text.cleaning import clean_article
from analysis.text.cleaning_rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "bad_input"
NOTEBOOK = config.NOTEBOOKS / "01_clean.ipynb"
HEADER = ["event_id", "outlet", "title", "date", "language", "original_language", "path", "sha256"]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_event(
    tmp_path: Path,
    files: dict[str, bytes | str],
    language: dict[str, str] | None = None,
    extra_rows: list[dict[str, str]] | None = None,
) -> Path:
    """A raw folder with event ``ev``: one article per outlet (name -> fixture name or bytes)."""
    raw_dir = tmp_path / "raw"
    (raw_dir / "ev").mkdir(parents=True)
    rows = []
    for outlet, source in files.items():
        data = (FIXTURES / source).read_bytes() if isinstance(source, str) else source
        name = f"ev/{outlet.lower()}.txt"
        (raw_dir / name).write_bytes(data)
        rows.append({"event_id": "ev", "outlet": outlet, "title": "", "date": "2019-04-22",
                     "language": (language or {}).get(outlet, "en"), "original_language": "en",
                     "path": name, "sha256": sha(data)})  # fmt: skip
    rows += extra_rows or []
    with (raw_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return raw_dir


def bad_article(tmp_path: Path, fixture: str | bytes) -> tuple[Path, list, list[Problem]]:
    """Event with two good outlets and one bad one (``Bad``, manifest row 4); load it checked."""
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt", "Bad": fixture})
    cleaned, problems = load_event_checked("ev", raw_dir)
    return raw_dir, cleaned, problems


def assert_excluded(raw_dir: Path, cleaned: list, problems: list[Problem], kind: str, *fragments):
    """The bad article is excluded with a problem naming its file and row; the others are cleaned."""
    assert sorted(item.article.outlet for item in cleaned) == ["Alpha", "Beta"]
    excluded = [p for p in problems if p.action == "excluded"]
    assert len(excluded) == 1, problems
    problem = excluded[0]
    assert problem.path == str((raw_dir / "ev" / "bad.txt").resolve())
    assert problem.row == 4
    assert problem.kind == kind
    for fragment in fragments:
        assert fragment in problem.message, (fragment, problem.message)
    assert "bad.txt, row 4" in str(problem)
    assert failed(problems)


def repairs(problems: list[Problem]) -> list[str]:
    return [p.message for p in problems if p.action == "repaired"]


def clean_of(cleaned: list, outlet: str):
    return next(item for item in cleaned if item.article.outlet == outlet)


# --- the article's bytes -------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    raw_dir, cleaned, problems = bad_article(tmp_path, "empty.txt")
    assert_excluded(raw_dir, cleaned, problems, "empty", "is empty")


def test_whitespace_only(tmp_path: Path) -> None:
    raw_dir, cleaned, problems = bad_article(tmp_path, "whitespace.txt")
    assert_excluded(raw_dir, cleaned, problems, "empty", "only whitespace")


def test_png_named_txt(tmp_path: Path) -> None:
    raw_dir, cleaned, problems = bad_article(tmp_path, "image.png.txt")
    assert_excluded(raw_dir, cleaned, problems, "binary", "PNG image", "not text")


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    raw_dir, cleaned, problems = bad_article(tmp_path, b"abc\x00\x01\x02def" * 20)
    assert_excluded(raw_dir, cleaned, problems, "binary", "NUL bytes")


def test_utf16_with_bom(tmp_path: Path) -> None:
    _, cleaned, problems = bad_article(tmp_path, "utf16_bom.txt")
    assert not failed(problems)
    assert repairs(problems) == ["decoded as utf-16 (byte-order mark)"]
    assert "friends – café" in clean_of(cleaned, "Bad").text
    assert "\ufeff" not in clean_of(cleaned, "Bad").raw


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (FIXTURES / "good_a.txt").read_bytes()
    _, cleaned, problems = bad_article(tmp_path, data)
    assert repairs(problems) == ["UTF-8 byte-order mark removed"]
    assert clean_of(cleaned, "Bad").raw == (FIXTURES / "good_a.txt").read_text(encoding="utf-8")


def test_windows_1252_text(tmp_path: Path) -> None:
    _, cleaned, problems = bad_article(tmp_path, "cp1252.txt")
    assert not failed(problems)
    (message,) = repairs(problems)
    assert "not valid UTF-8" in message and "decoded as cp1252" in message
    assert problems[0].path.endswith("bad.txt") and problems[0].row == 4
    assert "café" in clean_of(cleaned, "Bad").text


def test_latin1_fallback_for_bytes_cp1252_leaves_undefined() -> None:
    decoded = decode_article("caf\u00e9 \x81".encode("latin-1"), "x.txt")
    assert decoded.encoding == "latin-1"
    assert decoded.text == "caf\u00e9 \x81"


def test_mojibake_is_repaired_and_recorded(tmp_path: Path) -> None:
    _, cleaned, problems = bad_article(tmp_path, "mojibake.txt")
    assert not failed(problems)
    assert repairs(problems) == ["mojibake repaired (ftfy, encoding fixes only)"]
    text = clean_of(cleaned, "Bad").raw
    assert "We\u2019re friends \u2014 at the caf\u00e9 too" in text
    assert "â€" not in text


def test_saved_html_page_named_txt_is_extracted(tmp_path: Path) -> None:
    _, cleaned, problems = bad_article(tmp_path, "saved_page.txt")
    assert not failed(problems)
    assert repairs(problems) == ["HTML page in a .txt file: main text extracted with trafilatura"]
    assert problems[0].path.endswith("bad.txt") and problems[0].row == 4
    item = clean_of(cleaned, "Bad")
    assert item.raw == "Border force\n\nThe two leaders said that they would set up a force."
    assert item.extracted is not None and item.extracted.title == "Border force"
    assert "<" not in item.text


def test_several_megabyte_article(tmp_path: Path) -> None:
    paragraph = (FIXTURES / "good_a.txt").read_text(encoding="utf-8").split("\n\n")[1]
    body = "\n\n".join(f"{index}. {paragraph.strip()}" for index in range(22_000))
    data = ("A Very Long Article\n\n" + body + "\n").encode("utf-8")
    assert len(data) > 5_000_000
    started = time.perf_counter()
    _, cleaned, problems = bad_article(tmp_path, data)
    elapsed = time.perf_counter() - started
    assert problems == []
    assert len(clean_of(cleaned, "Bad").paragraphs) == 22_000
    assert elapsed < 120, f"{elapsed:.0f} s for a 5 MB article"


def test_no_sentence_punctuation(tmp_path: Path) -> None:
    from analysis.tables.clean_layer import sentences_table

    _, cleaned, problems = bad_article(tmp_path, "no_punctuation.txt")
    assert problems == []
    sentences = sentences_table([clean_of(cleaned, "Bad")])
    assert len(sentences) >= 1
    assert "the first such force" in " ".join(sentences["text"])


def test_unbalanced_and_nested_quotes(tmp_path: Path) -> None:
    from analysis.measures.quotes import quotes_table
    from analysis.tables.clean_layer import sentences_table

    _, cleaned, problems = bad_article(tmp_path, "quotes.txt")
    assert problems == []
    item = clean_of(cleaned, "Bad")
    assert "never closes" in item.text
    assert len(sentences_table([item])) > 3
    quotes = quotes_table([item])  # must not raise on unbalanced or nested marks
    assert any("We are friends" in text for text in quotes["text"]), quotes["text"].tolist()


def test_control_and_zero_width_characters_are_removed_by_cleaning(tmp_path: Path) -> None:
    _, cleaned, problems = bad_article(tmp_path, "controls.txt")
    assert problems == []
    text = clean_of(cleaned, "Bad").text
    for char in "\x07\x0b\x1b\u200b\u200c\u200d\ufeff":
        assert char not in text, repr(char)
    assert "The two leaders said on Monday that they would set up a joint force" in text


def test_non_english_article_labelled_english(tmp_path: Path) -> None:
    raw_dir, cleaned, problems = bad_article(tmp_path, "french.txt")
    assert_excluded(raw_dir, cleaned, problems, "not-english", "not English (stop-word share 0.0")


def test_article_in_another_language_is_excluded(tmp_path: Path) -> None:
    raw_dir = make_event(
        tmp_path,
        {"Alpha": "good_a.txt", "Beta": "good_b.txt", "Bad": "french.txt"},
        language={"Bad": "fr"},
    )
    cleaned, problems = load_event_checked("ev", raw_dir)
    assert_excluded(raw_dir, cleaned, problems, "not-english", "'fr'", "only English")


# --- the event -----------------------------------------------------------------------------------


def test_event_left_with_one_outlet_is_dropped(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Bad": "image.png.txt"})
    cleaned, problems = load_event_checked("ev", raw_dir)
    assert cleaned == []
    assert [p.kind for p in problems] == ["binary", "too-few-outlets"]
    assert problems[1].path == str(raw_dir / "manifest.csv")
    assert "event 'ev' has 1 readable outlet(s) left (Alpha)" in problems[1].message
    with pytest.raises(InputError) as caught:
        load_event("ev", raw_dir)
    assert "bad.txt, row 3: is a PNG image" in str(caught.value)


def test_load_event_warns_and_drops_a_bad_article(tmp_path: Path) -> None:
    raw_dir = make_event(
        tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt", "Bad": "empty.txt"}
    )
    with pytest.warns(UserWarning, match=r"bad\.txt, row 4: is empty"):
        cleaned = load_event("ev", raw_dir)
    assert [item.article.outlet for item in cleaned] == ["Alpha", "Beta"]


def test_read_event_is_its_documents_by_outlet_and_its_manifest_rows(tmp_path: Path) -> None:
    raw_dir = make_event(
        tmp_path, {"Beta": "good_b.txt", "Bad": "empty.txt", "Alpha": "good_a.txt"}
    )
    event = read_event("ev", raw_dir)
    assert event.event_id == "ev"
    assert [doc.article.outlet for doc in event.documents] == ["Alpha", "Beta"]
    assert [article.outlet for article in event.articles] == ["Alpha", "Bad", "Beta"]
    assert [article.row for article in event.articles] == [4, 3, 2]
    assert [(p.kind, p.row) for p in event.problems] == [("empty", 3)]
    cleaned, problems = load_event_checked("ev", raw_dir)
    assert [doc.text for doc in cleaned] == [doc.text for doc in event.documents]
    assert list(event.problems) == problems


def test_read_event_left_with_one_outlet_has_no_documents(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Bad": "image.png.txt"})
    event = read_event("ev", raw_dir)
    assert event.documents == ()
    assert len(event.articles) == 2
    assert [p.kind for p in event.problems] == ["binary", "too-few-outlets"]


def test_manifest_event_with_one_outlet(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt"})
    with pytest.raises(InputError) as caught:
        load_event_checked("ev", raw_dir)
    assert caught.value.path == str(raw_dir / "manifest.csv")
    assert "event 'ev' has 1 outlet(s)" in caught.value.problem


def test_two_rows_for_the_same_outlet(tmp_path: Path) -> None:
    data = (FIXTURES / "good_b.txt").read_bytes()
    second = {"event_id": "ev", "outlet": "Alpha", "title": "", "date": "2019-04-22",
              "path": "ev/second.txt", "sha256": sha(data)}  # fmt: skip
    raw_dir = make_event(
        tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"}, extra_rows=[second]
    )
    (raw_dir / "ev" / "second.txt").write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    error = caught.value
    assert error.path == str(raw_dir / "manifest.csv")
    assert error.row == 2
    assert "rows 2, 4" in error.problem
    assert "more than one article from outlet 'Alpha'" in error.problem
    assert "ev/alpha.txt, ev/second.txt" in error.problem


# --- the manifest (hard errors: the run stops) ----------------------------------------------------


def test_manifest_row_points_to_missing_file(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    (raw_dir / "ev" / "beta.txt").unlink()
    with pytest.raises(InputError) as caught:
        load_event_checked("ev", raw_dir)
    assert caught.value.path == str(raw_dir / "manifest.csv")
    assert caught.value.row == 3
    assert "file 'ev/beta.txt' not found" in str(caught.value)


def test_checksum_mismatch(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    changed = raw_dir / "ev" / "beta.txt"
    changed.write_bytes(changed.read_bytes() + b" edited")
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    assert caught.value.path == str(changed.resolve())
    assert "checksum mismatch: manifest row 3 says" in caught.value.problem


def _rewrite_manifest(raw_dir: Path, edit) -> None:
    table = pd.read_csv(raw_dir / "manifest.csv", dtype=str, keep_default_na=False)
    edit(table).to_csv(raw_dir / "manifest.csv", index=False)


def test_manifest_missing_column(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    _rewrite_manifest(raw_dir, lambda table: table.drop(columns=["outlet"]))
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    assert str(caught.value) == f"{raw_dir / 'manifest.csv'}: missing required column(s): outlet"


def test_manifest_bad_date(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})

    def edit(table: pd.DataFrame) -> pd.DataFrame:
        table.loc[1, "date"] = "2019-02-30"
        return table

    _rewrite_manifest(raw_dir, edit)
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    assert caught.value.row == 3
    assert "date '2019-02-30' is not an ISO date" in str(caught.value)


def test_manifest_duplicate_id(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    _rewrite_manifest(raw_dir, lambda table: pd.concat([table, table.iloc[[0]]]))
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    assert caught.value.path == str(raw_dir / "manifest.csv")
    assert "duplicate row for ev / ev/alpha.txt" in caught.value.problem


# --- notebook parameters ---------------------------------------------------------------------------


def test_unknown_papermill_parameter() -> None:
    with pytest.raises(InputError) as caught:
        check_parameters(NOTEBOOK, {"event_idd": "ev"})
    assert caught.value.path == str(NOTEBOOK)
    assert "unknown parameter 'event_idd'" in caught.value.problem


def test_parameter_of_the_wrong_type() -> None:
    with pytest.raises(InputError) as caught:
        check_parameters(NOTEBOOK, {"event_id": 42})
    assert caught.value.path == str(NOTEBOOK)
    assert "parameter 'event_id' must be str, got int" in caught.value.problem


HOSTILE = [
    'ev"; import os; os.system("touch /tmp/pwned") #',
    "ev'''\nimport os\n'''",
    "line one\nline two\r\n\ttab \\ backslash \\",
    "__import__('os').remove('x')",
    'caf\u00e9 \u201cquoted\u201d \\"',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_string_parameter_stays_data(value: str) -> None:
    from papermill.parameterize import parameterize_notebook

    check_parameters(NOTEBOOK, {"event_id": value})  # a str: accepted, and must stay a str
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    injected = parameterize_notebook(
        notebook, {"event_id": value}, kernel_name="python3", language="python"
    )
    (cell,) = [c for c in injected.cells if "injected-parameters" in c.metadata.get("tags", [])]
    tree = ast.parse(cell.source)
    assignments = [node for node in tree.body if isinstance(node, ast.Assign)]
    assert len(assignments) == len(tree.body) == 1, cell.source  # one assignment, nothing else runs
    assert isinstance(assignments[0].value, ast.Constant)
    assert ast.literal_eval(assignments[0].value) == value


# --- the errors report, raw data and the seed event -----------------------------------------------


def test_errors_report_is_written_atomically(tmp_path: Path) -> None:
    _, _, problems = bad_article(tmp_path, "image.png.txt")
    target = tmp_path / "reports" / "errors.csv"
    write_problems(problems, target)
    table = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert list(table.columns) == PROBLEM_COLUMNS
    assert table.loc[0, "row"] == "4" and table.loc[0, "kind"] == "binary"
    assert table.loc[0, "path"].endswith("bad.txt")
    assert sorted(path.name for path in target.parent.iterdir()) == ["errors.csv"]  # no temp left
    write_problems([], target)
    assert target.read_text(encoding="utf-8") == ",".join(PROBLEM_COLUMNS) + "\n"
    assert problems_table([]).empty and not failed([])


def test_raw_files_are_never_written(tmp_path: Path) -> None:
    raw_dir = make_event(
        tmp_path,
        {"Alpha": "good_a.txt", "Beta": "mojibake.txt", "Gamma": "cp1252.txt", "Bad": "french.txt"},
    )
    files = sorted(path for path in raw_dir.rglob("*") if path.is_file())
    for path in files:
        path.chmod(stat.S_IRUSR)  # read-only: any write would fail (unless root)
    before = {path: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in files}
    try:
        cleaned, problems = load_event_checked("ev", raw_dir)
    finally:
        for path in files:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert len(cleaned) == 3 and failed(problems)
    assert before == {path: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in files}
    assert sorted(path for path in raw_dir.rglob("*") if path.is_file()) == files


def test_seed_event_loads_byte_identically() -> None:
    """The checked loader gives the same raw and clean texts as cleaning each article directly."""
    rules = load_rules(config.CLEANING_RULES)
    expected = [
        clean_article(article, rules) for article in articles(config.DATA_RAW, config.DEFAULT_EVENT)
    ]
    cleaned, problems = load_event_checked(config.DEFAULT_EVENT)
    assert problems == []
    assert [item.raw for item in cleaned] == [item.raw for item in expected]
    assert [item.text for item in cleaned] == [item.text for item in expected]
    assert [item.changes for item in cleaned] == [item.changes for item in expected]
    assert [item.text for item in load_event(config.DEFAULT_EVENT)] == [
        item.text for item in expected
    ]


# --- hostile, huge and odd input (issue 15) ------------------------------------------------------


def write_manifest(raw_dir: Path, rows: list[tuple[str, str, str]]) -> None:
    """A manifest for event ``ev`` from (outlet, path, title) rows; checksums from the files."""
    with (raw_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for outlet, path, title in rows:
            data = (raw_dir / path).read_bytes()
            writer.writerow(["ev", outlet, title, "2019-04-22", "en", "en", path, sha(data)])


def two_folders_event(tmp_path: Path) -> Path:
    """Event ``ev`` of two files named ``article.txt``, in ``ev/voa`` and ``ev/rfi``."""
    raw_dir = tmp_path / "raw"
    for outlet, fixture in (("voa", "good_a.txt"), ("rfi", "good_b.txt")):
        (raw_dir / "ev" / outlet).mkdir(parents=True)
        (raw_dir / "ev" / outlet / "article.txt").write_bytes((FIXTURES / fixture).read_bytes())
    write_manifest(raw_dir, [("VOA", "ev/voa/article.txt", ""), ("RFI", "ev/rfi/article.txt", "")])
    return raw_dir


def test_same_file_name_in_two_folders_keeps_two_articles(tmp_path: Path) -> None:
    from analysis.tables.clean_layer import write_clean_layer

    raw_dir = two_folders_event(tmp_path)
    cleaned = load_event("ev", raw_dir)
    assert len({item.id for item in cleaned}) == 2
    written = write_clean_layer(cleaned, tmp_path / "processed")
    for item in cleaned:
        assert written[f"clean/{item.id}"].read_text(encoding="utf-8") == item.text
    assert sorted(pd.read_csv(written["articles"])["article"]) == sorted(i.id for i in cleaned)


def test_same_file_name_in_two_folders_keeps_two_articles_in_a_corpus_run(tmp_path: Path) -> None:
    """The corpus tables take the event path's article ids (:func:`article_ids`), not file stems."""
    from analysis.corpus.extract import extract_partition
    from analysis.corpus.plan import plan_partitions
    from analysis.ingest.manifest import manifest_with_rows

    raw_dir = two_folders_event(tmp_path)
    event_ids = {item.article.outlet: item.id for item in load_event("ev", raw_dir)}
    [partition] = plan_partitions(manifest_with_rows(raw_dir))
    tables = extract_partition(partition, raw_dir)
    articles = tables["articles"]
    assert dict(zip(articles["outlet"], articles["article"], strict=True)) == event_ids
    assert len(set(event_ids.values())) == 2
    quoted = tables["quote_counts"].drop_duplicates(["outlet", "article"])
    assert set(zip(quoted["outlet"], quoted["article"], strict=True)) <= set(event_ids.items())


def test_one_file_for_two_outlets_gives_unique_element_ids(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    from analysis.site import build_site
    from analysis.tables.clean_layer import write_clean_layer

    raw_dir = tmp_path / "raw"
    (raw_dir / "ev").mkdir(parents=True)
    (raw_dir / "ev" / "shared.txt").write_bytes((FIXTURES / "good_a.txt").read_bytes())
    write_manifest(raw_dir, [("VOA", "ev/shared.txt", ""), ("RFI", "ev/shared.txt", "")])
    write_clean_layer(load_event("ev", raw_dir), tmp_path / "processed" / "ev")
    build_site(["ev"], tmp_path / "processed", tmp_path / "reports")
    ids: list[str] = []

    class Ids(HTMLParser):
        def handle_starttag(self, tag, attrs) -> None:
            ids.extend(value for name, value in attrs if name == "id")

    Ids().feed((tmp_path / "reports" / "ev" / "index.html").read_text(encoding="utf-8"))
    assert ids and len(ids) == len(set(ids))


def test_manifest_with_byte_order_mark_is_read_and_fingerprints_every_file(tmp_path: Path) -> None:
    from analysis.run.runner import fingerprint

    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    manifest = raw_dir / "manifest.csv"
    text = manifest.read_text(encoding="utf-8")
    text = "\n".join(line.rsplit(",", 1)[0] + "," for line in text.splitlines())  # no checksums
    manifest.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert sorted(read_manifest(raw_dir)["outlet"]) == ["Alpha", "Beta"]
    before = fingerprint("ev", raw_dir, {}, config.NOTEBOOKS)
    (raw_dir / "ev" / "alpha.txt").write_text("An edited article.\n", encoding="utf-8")
    assert fingerprint("ev", raw_dir, {}, config.NOTEBOOKS) != before


def test_fingerprint_fails_closed_on_a_row_naming_no_file(tmp_path: Path) -> None:
    from analysis.run.runner import fingerprint

    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    _rewrite_manifest(raw_dir, lambda table: table.assign(path=["", *table["path"][1:]]))
    with pytest.raises(InputError, match="names no file"):
        fingerprint("ev", raw_dir, {}, config.NOTEBOOKS)
    with pytest.raises(InputError, match="no rows for event 'other'"):
        fingerprint("other", raw_dir, {}, config.NOTEBOOKS)


def test_duplicate_manifest_header_column(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    manifest = raw_dir / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("language,original_language", "title,original_language")
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="named twice in the header: title"):
        read_manifest(raw_dir)


def test_row_in_messages_is_the_line_of_the_file(tmp_path: Path) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    manifest = raw_dir / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",,", ',"a title\nover two lines",', 1)  # record 1: lines 2-3
    lines[2] = lines[2].replace("2019-04-22", "2019-02-30")  # record 2 starts on line 4
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    assert caught.value.row == 4 and "2019-02-30" in str(caught.value)


@pytest.mark.parametrize("column", ["status", "article", "manifest_row"])
def test_manifest_column_named_like_a_project_column(tmp_path: Path, column: str) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    _rewrite_manifest(raw_dir, lambda table: table.assign(**{column: "x"}))
    with pytest.raises(InputError, match=f"column\\(s\\) {column} are added by the project"):
        read_manifest(raw_dir)


@pytest.mark.parametrize("event_id", ["index.html", "corpus", "errors.csv"])
def test_event_id_colliding_with_the_site_is_rejected(tmp_path: Path, event_id: str) -> None:
    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Beta": "good_b.txt"})
    _rewrite_manifest(raw_dir, lambda table: table.assign(event_id=event_id))
    with pytest.raises(InputError, match="is the name of a file or folder of the site") as caught:
        read_manifest(raw_dir)
    assert [issue.row for issue in caught.value.issues] == [2, 3]  # every row named, in one pass


@pytest.mark.parametrize(
    "option", [["--partition-size", "0"], ["--workers", "-3"], ["--jobs", "0"], ["--workers", "x"]]
)
def test_option_values_are_validated(tmp_path: Path, option: list[str], capsys) -> None:
    from analysis.__main__ import main

    with pytest.raises(SystemExit) as stopped:
        main(["run", "--corpus", str(tmp_path), *option])
    assert stopped.value.code == 2
    assert option[0] in capsys.readouterr().err


def test_event_given_twice_is_checked_once(tmp_path: Path, capsys) -> None:
    from analysis.__main__ import main

    raw_dir = make_event(tmp_path, {"Alpha": "good_a.txt", "Bad": "empty.txt"})
    out = ["--processed", str(tmp_path / "processed"), "--reports", str(tmp_path / "reports")]
    assert main(["run", "--event", "ev", "--event", "ev", "--raw", str(raw_dir), *out]) == 1
    problems = [line for line in capsys.readouterr().err.splitlines() if line.startswith("problem")]
    assert len(problems) == 2, problems  # the empty article and the event left with one outlet


def test_decomposed_accents_raise_no_offset_mismatch(tmp_path: Path) -> None:
    from analysis.tables.clean_layer import offset_mismatches, sentences_table

    accented = "The Cafe\u0301 Ame\u0301lie in Orle\u0301ans was closed by the re\u0301gime.\n\n"
    data = accented.encode() + (FIXTURES / "good_a.txt").read_bytes()
    raw_dir = make_event(tmp_path, {"Alpha": data, "Beta": "good_b.txt"})
    cleaned = load_event("ev", raw_dir)
    assert "Caf\u00e9" in clean_of(cleaned, "Alpha").text  # cleaning composed it (NFC)
    assert offset_mismatches(cleaned, sentences_table(cleaned)).empty


def test_math_text_in_an_outlet_name_draws(tmp_path: Path) -> None:
    """Notebook 03 draws from ``setup.table`` and ``setup.outlets``: an outlet with broken math text
    (``$\\alpha$-$\\beta{$``) is drawn as text."""
    from analysis import figures
    from analysis.atomic import write_tables
    from analysis.run.notebook_setup import notebook_setup

    outlet = r"$\alpha$-$\beta{$"
    style = pd.DataFrame(
        [{"outlet": name, "measure": measure, "value": 10.0}
         for name in (outlet, "VOA") for measure in ("flesch_reading_ease", "words")]
    )  # fmt: skip
    articles = pd.DataFrame({"event_id": ["ev", "ev"], "outlet": [outlet, "VOA"]})
    write_tables(tmp_path / "p", {"style": style, "articles": articles})
    setup = notebook_setup("ev", str(tmp_path), str(tmp_path / "p"), str(tmp_path / "f"), False)
    figure = figures.plot_readability(setup.table("style"), outlets=setup.outlets)
    svg, _png = figures.save_figure(figure, tmp_path / "readability")
    assert svg.stat().st_size > 0


def test_actor_file_alias_bomb_is_refused_with_a_short_message(tmp_path: Path) -> None:
    from analysis.measures.actors import load_actor_file

    levels = ['&a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 8):  # 10**7 strings once expanded, from 700 bytes
        levels.append(f"&a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    path = tmp_path / "actors.yaml"
    path.write_text(
        f"- {{name: A, type: person, notes: [{', '.join(levels)}]}}\n"
        "- {name: Iran, type: *a7}\n",  # the type's repr in the error message: 70 MB
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="expands to more than") as caught:
        load_actor_file(path)
    assert len(str(caught.value)) < 500


def test_actor_file_size_and_nesting_are_bounded(tmp_path: Path, monkeypatch) -> None:
    from analysis import yaml_input
    from analysis.measures.actors import load_actor_file

    path = tmp_path / "actors.yaml"
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nested too deeply|cannot read actor file"):
        load_actor_file(path)
    path.write_text("- name: Iran\n  type: country\n", encoding="utf-8")
    monkeypatch.setattr(yaml_input, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="the limit is 10"):
        load_actor_file(path)
