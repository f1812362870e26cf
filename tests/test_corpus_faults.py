"""Faults and hostile content in corpus runs (``analysis run --corpus``): SIGKILL midway, a second run on
the same outputs, an unwritable output folder, HTML in manifest values.

Uses the toy corpus of ``test_corpus.py`` (four copies of the seed event and one broken event) with
partitions of two articles; the stamps and partition markers, which hash the library sources (they may
be edited while the test runs), are compared without that hash (as in ``test_faults.py``). About a
minute.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_corpus import make_corpus
from test_faults import (
    REFERENCE_TIMEOUT,
    TIMEOUT_FACTOR,
    _kill_tree,
    _temporary_dir,
    _visible_partials,
)

from analysis.__main__ import main
from analysis.atomic import TEMPORARY
from analysis.run.lock import output_lock

HOSTILE = '<img src=x onerror="alert(1)">VOA'
KILL_AT = (0.1, 0.5)  # fractions of the reference run: during the extraction, during the notebook


def _command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus),
            "--processed", str(out / "processed"), "--reports", str(out / "reports"),
            "--partition-size", "2", "--no-progress"]  # fmt: skip


def _digests(out: Path) -> dict[str, str]:
    digests = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name == ".lock":
            continue
        data = path.read_bytes()
        if path.name == ".fingerprint.json" or path.parent.name == "_done":
            record = json.loads(data)
            record.pop("fingerprint")
            data = json.dumps(record).encode()
        elif path.name == ".fingerprint":
            data = b"hash of inputs"
        digests[path.relative_to(out).as_posix()] = hashlib.sha256(data).hexdigest()
    return digests


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The toy corpus with VOA renamed to an HTML snippet that would run script if it were not escaped."""
    corpus = make_corpus(tmp_path_factory.mktemp("hostile") / "toy")
    manifest = corpus / "manifest.csv"
    with open(manifest, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["outlet"] = HOSTILE if row["outlet"] == "VOA" else row["outlet"]
    with open(manifest, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return corpus


@pytest.fixture(scope="module")
def reference(
    hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict, float]:
    """The reference run's outputs, their digests and its duration (timeouts scale with it)."""
    out = tmp_path_factory.mktemp("reference")
    started = time.monotonic()
    done = subprocess.run(_command(hostile_corpus, out), capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"}, timeout=REFERENCE_TIMEOUT,
                          check=False)  # fmt: skip
    assert done.returncode == 1, done.stderr  # the broken event is reported
    return out, _digests(out), time.monotonic() - started


def test_html_in_an_outlet_name_is_shown_as_text(reference: tuple[Path, dict, float]) -> None:
    out = reference[0]
    for name in ("04_corpus.html", "04_corpus.nocode.html"):
        html = (out / "reports" / "corpus" / "toy" / name).read_text(encoding="utf-8")
        assert '<img src=x onerror="alert(1)">' not in html
        assert "&lt;img src=x onerror=" in html


@pytest.mark.parametrize("fraction", KILL_AT)
def test_sigkill_then_rerun_is_byte_identical(
    hostile_corpus: Path, reference: tuple[Path, dict, float], tmp_path: Path, fraction: float
) -> None:
    out = reference[0].parent / f"killed-{fraction}"
    command = _command(hostile_corpus, out)
    killed_env = {**os.environ, "PYTHONHASHSEED": "0", "TMPDIR": _temporary_dir(out)}
    process = subprocess.Popen(command, env=killed_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    time.sleep(fraction * reference[2])
    _kill_tree(process)
    assert _visible_partials(out) == []
    timeout = TIMEOUT_FACTOR * reference[2]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "0"})  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert not [p for p in out.rglob("*") if TEMPORARY.match(p.name)]
    # the executed notebook records its output paths, so compare it only after mapping the folder
    expected = reference[1]
    got = _digests(out)
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if got[name] != expected[name]]
    assert all(name.endswith((".ipynb", ".html")) for name in differing), differing


def test_second_run_on_the_same_outputs_stops_with_a_clear_message(
    hostile_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = tmp_path / "processed" / "corpus" / "toy"
    with output_lock(tables):
        status = main(_command(hostile_corpus, tmp_path)[3:])
    assert status == 1
    assert "another run is writing" in capsys.readouterr().err


def test_write_error_is_clear_and_previous_outputs_stay(
    hostile_corpus: Path,
    reference: tuple[Path, dict, float],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A write failing midway (a full or read-only disk, simulated: this test may run as root) stops the
    run with the path and the reason; every previous output is still there, unchanged."""
    out = tmp_path / "out"
    shutil.copytree(reference[0], out)
    before = _digests(out)
    real_write = Path.write_bytes

    def failing(path: Path, data: bytes) -> int:
        if "part-00001" in path.name:  # the temporary file of a table's part 1
            raise OSError(errno.EROFS, "Read-only file system")
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    status = main([*_command(hostile_corpus, out)[3:], "--force"])
    assert status == 1
    error = capsys.readouterr().err
    assert "cannot write" in error and "part-00001.parquet" in error and "Read-only" in error
    assert _digests(out) == before
    assert not [p for p in out.rglob("*") if TEMPORARY.match(p.name)]
