"""Tests for ``python -m analysis manifest``: a folder of new articles becomes a runnable event."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from analysis import config
from analysis.__main__ import main
from analysis.errors import InputError
from analysis.ingest.load import load_event_checked
from analysis.ingest.manifest import read_manifest
from analysis.ingest.prepare import prepare_manifest
from analysis.run import runner

ARTICLES = {  # hand-written, three outlets of one invented event
    "Harbour Daily": "Flood gates closed at noon.\n\nThe mayor said the city was ready for the storm.\n",
    "Valley Post": "The storm reached the coast on Monday.\n\nOfficials closed the flood gates early.\n",
    "North Wire": "Residents left their homes before the storm.\n\nThe flood gates held overnight.\n",
}
EVENT = "2024-05-01_harbour-storm"


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "manifest.csv"
    }


def _new_event(raw: Path) -> None:
    (raw / EVENT).mkdir(parents=True)
    for outlet, text in ARTICLES.items():
        (raw / EVENT / f"{outlet}.txt").write_text(text, encoding="utf-8")


def test_three_new_files_become_a_runnable_event_with_one_command(tmp_path, capsys) -> None:
    raw = tmp_path / "raw"
    _new_event(raw)
    before = _digests(raw)
    assert main(["manifest", str(raw)]) == 0
    assert "3 row(s) added" in capsys.readouterr().out
    assert _digests(raw) == before  # article files untouched
    table = read_manifest(raw)  # valid: checksums filled, events and outlets from the layout
    assert sorted(table["outlet"]) == sorted(ARTICLES)
    assert set(table["event_id"]) == {EVENT}
    documents, problems = load_event_checked(EVENT, raw)
    assert len(documents) == 3 and problems == []


def test_existing_rows_stay_and_only_new_files_are_added(tmp_path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(config.DATA_RAW, raw)
    original = (raw / "manifest.csv").read_text(encoding="utf-8")
    seed_fingerprint = runner.fingerprint(config.DEFAULT_EVENT, raw, {}, config.NOTEBOOKS)
    _new_event(raw)
    prepared = prepare_manifest(raw)
    assert sorted(prepared.added) == sorted(f"{EVENT}/{name}.txt" for name in ARTICLES)
    assert prepared.filled == ()
    updated = (raw / "manifest.csv").read_text(encoding="utf-8")
    assert updated.startswith(original)  # existing rows kept byte for byte
    assert read_manifest(raw)["event_id"].nunique() == 2
    # the seed event's fingerprint depends on its own rows only: it does not re-execute
    assert runner.fingerprint(config.DEFAULT_EVENT, raw, {}, config.NOTEBOOKS) == seed_fingerprint
    again = prepare_manifest(raw)
    assert again.added == () and (raw / "manifest.csv").read_text(encoding="utf-8") == updated


def test_empty_checksum_is_filled_and_other_fields_kept(tmp_path) -> None:
    raw = tmp_path / "raw"
    _new_event(raw)
    prepare_manifest(raw)
    manifest = raw / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    fields = lines[1].split(",")
    fields[header.index("title")] = "Gates closed"
    fields[header.index("sha256")] = ""
    manifest.write_text("\n".join([lines[0], ",".join(fields), *lines[2:]]) + "\n", "utf-8")
    with pytest.raises(InputError, match="python -m analysis manifest"):
        read_manifest(raw)
    prepared = prepare_manifest(raw)
    assert prepared.filled == (fields[header.index("path")],) and prepared.added == ()
    assert "Gates closed" in set(read_manifest(raw)["title"])


def test_event_and_outlet_from_options(tmp_path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text("A story.\n", encoding="utf-8")
    with pytest.raises(InputError, match="--event-id"):
        prepare_manifest(raw)
    assert not (raw / "manifest.csv").exists()  # nothing written on an error
    prepared = prepare_manifest(raw, event_id="ev", outlet="Wire")
    assert prepared.added == ("story.txt",)
    assert "ev,Wire" in (raw / "manifest.csv").read_text(encoding="utf-8")


def test_fingerprint_changes_with_the_event_rows_only(tmp_path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(config.DATA_RAW, raw)
    before = runner.fingerprint(config.DEFAULT_EVENT, raw, {}, config.NOTEBOOKS)
    manifest = raw / "manifest.csv"
    manifest.write_text(manifest.read_text("utf-8").replace(",VOA,", ",Voice of America,"), "utf-8")
    assert runner.fingerprint(config.DEFAULT_EVENT, raw, {}, config.NOTEBOOKS) != before
