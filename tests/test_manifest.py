"""Tests for analysis.ingest.manifest: validation errors name the manifest (or file) and the problem."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from analysis import config
from analysis.errors import InputError
from analysis.ingest.manifest import (
    ManifestError,
    articles,
    event_ids,
    file_sha256,
    read_manifest,
)
from analysis.ingest.manifest_issues import PREPARE_COMMAND, manifest_warnings, warning_lines

HEADER = ["event_id", "outlet", "title", "date", "language", "original_language", "path", "sha256"]
FILES = {
    "ev1/b.txt": "Second article.\n",
    "ev1/a.txt": "First article.\n",
    "ev0/c.txt": "Other event, one.\n",
    "ev0/d.txt": "Other event, two.\n",
}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def good_rows() -> list[dict[str, str]]:
    return [
        {"event_id": "ev1", "outlet": "Zeta", "title": "T1", "date": "2019-04-22",
         "language": "en", "original_language": "fr", "path": "ev1/b.txt",
         "sha256": sha(FILES["ev1/b.txt"])},
        {"event_id": "ev1", "outlet": "Alpha", "title": "", "date": "2019-04-21",
         "language": "", "original_language": "", "path": "ev1/a.txt",
         "sha256": sha(FILES["ev1/a.txt"])},
        {"event_id": "ev0", "outlet": "Beta", "title": "T3", "date": "2020-02-29",
         "language": "en", "original_language": "en", "path": "ev0/d.txt",
         "sha256": sha(FILES["ev0/d.txt"]).upper()},
        {"event_id": "ev0", "outlet": "Alpha", "title": "T4", "date": "2020-03-01",
         "language": "en", "original_language": "en", "path": "ev0/c.txt",
         "sha256": sha(FILES["ev0/c.txt"])},
    ]  # fmt: skip


def make_raw(tmp_path: Path, rows: list[dict[str, str]], header: list[str] = HEADER) -> Path:
    raw_dir = tmp_path / "raw"
    for name, text in FILES.items():
        path = raw_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    with (raw_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return raw_dir


def expect_error(raw_dir: Path, *fragments: str, row: int | None = None, path: Path | None = None):
    with pytest.raises(InputError) as caught:
        read_manifest(raw_dir)
    error = caught.value
    named = path if path is not None else raw_dir / "manifest.csv"
    assert error.path == str(named)
    assert str(named) in str(error)
    for fragment in fragments:
        assert fragment in error.problem, (fragment, error.problem)
    assert error.row == row
    return error


# --- a valid manifest ---------------------------------------------------------------------------


def test_valid_manifest_loads_sorted(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, good_rows())
    table = read_manifest(raw_dir)
    assert list(zip(table["event_id"], table["outlet"], table["path"], strict=True)) == [
        ("ev0", "Alpha", "ev0/c.txt"),
        ("ev0", "Beta", "ev0/d.txt"),
        ("ev1", "Alpha", "ev1/a.txt"),
        ("ev1", "Zeta", "ev1/b.txt"),
    ]
    assert list(table.index) == [0, 1, 2, 3]
    for column in ("url", "notes"):  # optional columns are added, empty
        assert list(table[column]) == ["", "", "", ""]
    assert event_ids(raw_dir) == ["ev0", "ev1"]


def test_articles_fill_defaults_and_resolve_paths(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, good_rows())
    found = articles(raw_dir, "ev1")
    assert [(a.outlet, a.path.name) for a in found] == [("Alpha", "a.txt"), ("Zeta", "b.txt")]
    alpha, zeta = found
    assert (alpha.language, alpha.original_language) == ("en", "en")  # empty -> en
    assert (zeta.language, zeta.original_language) == ("en", "fr")
    assert alpha.path == (raw_dir / "ev1" / "a.txt").resolve()
    assert alpha.read_raw() == "First article.\n"
    assert len(articles(raw_dir)) == 4
    with pytest.raises(InputError, match="no rows for event 'nope'"):
        articles(raw_dir, "nope")


def test_file_sha256_is_the_sha_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


# --- each problem is named ------------------------------------------------------------------------


def test_missing_manifest(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    expect_error(tmp_path / "raw", "manifest not found")


def test_missing_column(tmp_path: Path) -> None:
    header = [column for column in HEADER if column != "outlet"]
    raw_dir = make_raw(tmp_path, good_rows(), header=header)
    expect_error(raw_dir, "missing required column(s): outlet")


def test_only_event_outlet_and_path_are_required(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, good_rows(), header=["event_id", "outlet", "path"])
    table = read_manifest(raw_dir)
    assert set(table["title"]) == {""} and set(table["date"]) == {""}
    assert [a.language for a in articles(raw_dir, "ev0")] == ["en", "en"]
    (warning,) = manifest_warnings(raw_dir)  # no empty fields to list, but no checksums either
    assert warning.column == "sha256" and PREPARE_COMMAND in warning.problem


def test_empty_manifest_header_only(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, [])
    expect_error(raw_dir, "manifest has no rows")


def test_empty_manifest_file(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, [])
    (raw_dir / "manifest.csv").write_bytes(b"")
    expect_error(raw_dir, "cannot be read as CSV")


@pytest.mark.parametrize("date", ["2019-02-30", "22/04/2019", "2019-4-22", "2019-13-01"])
def test_bad_date(tmp_path: Path, date: str) -> None:
    rows = good_rows()
    rows[2]["date"] = date
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, f"date {date!r} is not an ISO date YYYY-MM-DD", row=4)


def test_empty_optional_fields_are_allowed_and_listed_as_warnings(tmp_path: Path) -> None:
    rows = good_rows()
    rows[2]["date"] = ""
    rows[3]["date"] = " "
    rows[3]["title"] = ""
    raw_dir = make_raw(tmp_path, [*rows], header=[*HEADER, "url"])
    assert len(read_manifest(raw_dir)) == 4  # no error
    found = {(w.row, w.column) for w in manifest_warnings(raw_dir)}
    urls = {(line, "url") for line in range(2, 6)}
    languages = {(3, "language")}
    assert found == {(4, "date"), (5, "date"), (3, "title"), (5, "title")} | urls | languages
    lines = warning_lines(manifest_warnings(raw_dir))
    assert f"{raw_dir / 'manifest.csv'}: empty date in rows 4, 5" in lines


def test_every_problem_is_reported_in_one_pass(tmp_path: Path) -> None:
    rows = good_rows()
    rows[0]["date"] = "22/04/2019"
    rows[1]["path"] = "ev1/absent.txt"
    rows[3]["outlet"] = ""
    raw_dir = make_raw(tmp_path, rows)
    with pytest.raises(ManifestError) as caught:
        read_manifest(raw_dir)
    issues = {(issue.row, issue.column) for issue in caught.value.issues}
    assert issues == {(2, "date"), (3, "path"), (5, "outlet")}
    assert caught.value.path == str(raw_dir / "manifest.csv")
    for issue in caught.value.issues:  # each named in the one message: file, row, column
        assert f"row {issue.row}, column {issue.column}: {issue.problem}" in str(caught.value)


def test_empty_sha256_stops_with_the_command_that_fills_it(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1]["sha256"] = ""
    raw_dir = make_raw(tmp_path, rows)
    error = expect_error(raw_dir, "sha256 is empty", PREPARE_COMMAND, row=3)
    assert error.issues[0].column == "sha256"


def test_missing_file(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1]["path"] = "ev1/absent.txt"
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, "file 'ev1/absent.txt' not found", row=3)


def test_checksum_mismatch_names_the_file(tmp_path: Path) -> None:
    rows = good_rows()
    wrong = sha("something else")
    rows[3]["sha256"] = wrong
    raw_dir = make_raw(tmp_path, rows)
    error = expect_error(
        raw_dir,
        "checksum mismatch",
        f"manifest row 5 says {wrong}",
        f"file has {sha(FILES['ev0/c.txt'])}",
        path=(raw_dir / "ev0" / "c.txt").resolve(),
    )
    assert error.row is None


@pytest.mark.parametrize("bad", ["abc123", "g" * 64, "a" * 63, "a" * 65])
def test_bad_sha_format(tmp_path: Path, bad: str) -> None:
    rows = good_rows()
    rows[0]["sha256"] = bad
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, f"sha256 {bad!r} is not a SHA-256 hex digest", row=2)


def test_path_escaping_the_folder(tmp_path: Path) -> None:
    rows = good_rows()
    rows[1]["path"] = "../x.txt"
    raw_dir = make_raw(tmp_path, rows)
    (tmp_path / "x.txt").write_text("outside\n", encoding="utf-8")  # exists, still refused
    expect_error(raw_dir, "path '../x.txt' points outside", row=3)


def test_absolute_path_outside_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("outside\n", encoding="utf-8")
    rows = good_rows()
    rows[1]["path"] = str(outside)
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, "points outside", row=3)


def test_event_with_one_outlet(tmp_path: Path) -> None:
    rows = good_rows()
    rows[0]["outlet"] = "Alpha"  # ev1 now has Alpha twice
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, "event 'ev1' has 1 outlet(s)", "at least 2")


def test_duplicate_row(tmp_path: Path) -> None:
    rows = good_rows()
    rows.append(dict(rows[0]))
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, "duplicate row for ev1 / ev1/b.txt", row=6)


@pytest.mark.parametrize("column", ["event_id", "outlet", "path"])
def test_empty_required_value(tmp_path: Path, column: str) -> None:
    rows = good_rows()
    rows[1][column] = "  "
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, f"empty {column}", row=3)


def test_bad_event_id(tmp_path: Path) -> None:
    rows = good_rows()
    rows[0]["event_id"] = "ev 1/x"
    raw_dir = make_raw(tmp_path, rows)
    expect_error(raw_dir, "event_id 'ev 1/x' must be letters", row=2)


def test_non_utf8_article_bytes(tmp_path: Path) -> None:
    raw_dir = make_raw(tmp_path, good_rows())
    latin1 = raw_dir / "ev1" / "a.txt"
    latin1.write_bytes("Caf\u00e9 noir".encode("latin-1"))
    rows = good_rows()
    rows[1]["sha256"] = file_sha256(latin1)
    make_raw(tmp_path, rows)
    latin1.write_bytes("Caf\u00e9 noir".encode("latin-1"))  # make_raw rewrote it
    (article,) = [a for a in articles(raw_dir, "ev1") if a.path.name == "a.txt"]
    with pytest.raises(InputError) as caught:
        article.read_raw()
    assert caught.value.path == str(latin1.resolve())
    assert "not valid UTF-8 (byte 3)" in str(caught.value)


# --- the project's own raw data ---------------------------------------------------------------------


def test_real_manifest_validates_and_checksums_match() -> None:
    table = read_manifest(config.DATA_RAW)
    assert config.DEFAULT_EVENT in set(table["event_id"])
    assert len(table) >= 2
    for row in table.itertuples():
        path = config.DATA_RAW / row.path
        assert len(row.sha256) == 64
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row.sha256, row.path
    seed = table[table["event_id"] == config.DEFAULT_EVENT]
    assert sorted(seed["outlet"]) == ["RFI", "VOA"]
