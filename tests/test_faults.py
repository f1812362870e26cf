"""Fault tolerance of ``python -m analysis run``: SIGKILL at any point, two runs at once, a failed write.

Every run goes to the same temporary output folders (the executed notebooks record their parameters, so
outputs are only comparable at the same path); a reference uninterrupted run is taken first and each test
compares its final outputs with it, byte for byte. Excluded from the comparison, as run-specific: the lock
files (``.lock``, holding the pid of the last run), the input hash inside ``.fingerprint.json`` and the
runner's other stamps (it covers the library sources, which may change while the test runs; the rest of
each stamp, such as its list of outputs, is compared) and, after a failed run, ``.fingerprint.json``
itself (removed when an event starts executing, so that the next run redoes the work). About 2 minutes
in all. Timeouts and kill points scale with the reference run's duration (the work), not a fixed clock,
so a loaded machine slows the test down instead of failing it.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.atomic import (
    TEMPORARY,
    WriteError,
    atomic_path,
    remove_stale_temporaries,
    write_tables,
)
from analysis.run.lock import LockBusy, output_lock
from analysis.run.notebook_setup import read_table
from analysis.run.runner import FINGERPRINT_FILE, STAMP_FILES

psutil = pytest.importorskip("psutil")

EVENT = config.DEFAULT_EVENT
KILL_AT = (0.05, 0.25, 0.5, 0.8)  # kill points, as fractions of the reference run's duration
TIMEOUT_FACTOR = 5  # a run may take this many times the reference run before it counts as hung
REFERENCE_TIMEOUT = 1800  # seconds: only a bound for a hung reference run
RUN_SPECIFIC = {".lock"}


def _command(out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "analysis",
        "run",
        "--event",
        EVENT,
        "--processed",
        str(out / "processed"),
        "--reports",
        str(out / "reports"),
        *extra,
    ]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0", **extra}


def _temporary_dir(out: Path) -> str:
    """The runs' TMPDIR, beside ``out``: what a killed run leaves (its kernel-spec and scratch
    folders, ``analysis-kernel-*``) stays in the test's folder instead of the machine's ``/tmp``."""
    folder = out.parent / f"{out.name}-tmp"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def _start(out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        _command(out, *extra),
        env=env or _env(TMPDIR=_temporary_dir(out)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _run(
    out: Path, *extra: str, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        _command(out, *extra),
        env=env or _env(TMPDIR=_temporary_dir(out)),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _no_escaped_exception(stderr: str) -> bool:
    """No traceback of the runner itself: an exception escaping the CLI always shows its
    ``__main__`` frame (a kernel's own stderr, inherited, may carry unrelated zmq noise)."""
    return not ("Traceback" in stderr and f"analysis{os.sep}__main__.py" in stderr)


def _kill_tree(process: subprocess.Popen) -> None:
    """SIGKILL the runner, its process group and every descendant (kernels run in their own session)."""
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    for child in children:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    process.communicate(timeout=30)
    psutil.wait_procs(children, timeout=10)


def _content(path: Path) -> bytes:
    """A file's bytes; for the runner's stamps, without the input hash (it covers the library sources,
    which may be edited while the test runs) but with what else they record (outputs, problems)."""
    data = path.read_bytes()
    if path.name in STAMP_FILES:
        record = json.loads(data)
        assert len(record.pop("fingerprint")) == 64
        data = json.dumps(record, sort_keys=True).encode()
    return data


def _digests(out: Path, skip: set[str] = RUN_SPECIFIC) -> dict[str, str]:
    return {
        path.relative_to(out).as_posix(): hashlib.sha256(_content(path)).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name not in skip
    }


def _visible_partials(out: Path) -> list[Path]:
    """Files that are not complete outputs and that a reader would see: any ``*.tmp`` not hidden."""
    return [
        path
        for path in out.rglob("*")
        if path.is_file()
        and (path.suffix == ".tmp" or ".tmp" in path.name)
        and not TEMPORARY.match(path.name)
    ]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path, float]:
    """The output folder every test uses, the digests of a reference run there, a saved copy and the
    timeout of a run (:data:`TIMEOUT_FACTOR` times the reference run's duration)."""
    root = tmp_path_factory.mktemp("faults")
    out = root / "out"
    started = time.monotonic()
    done = _run(out, timeout=REFERENCE_TIMEOUT)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    saved = root / "reference"
    shutil.copytree(out, saved)
    return out, _digests(out), saved, TIMEOUT_FACTOR * duration


def _reset(out: Path, saved: Path | None = None) -> None:
    shutil.rmtree(out, ignore_errors=True)
    if saved is not None:
        shutil.copytree(saved, out)


# ------------------------------------------------------------------------------------ library units


def test_atomic_write_failure_keeps_the_old_file_and_no_temporary(tmp_path) -> None:
    target = tmp_path / "table.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_write_error_names_the_path_and_the_reason(tmp_path, monkeypatch) -> None:
    target = tmp_path / "figures" / "readability.svg"

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("analysis.atomic.tempfile.mkstemp", refuse)
    expected = r"cannot write .*figures/readability\.svg: Permission denied"
    with pytest.raises(WriteError, match=expected), atomic_path(target) as tmp:
        tmp.write_text("x", encoding="utf-8")
    assert isinstance(WriteError(target, PermissionError(13, "x")), OSError)


def test_tables_are_written_as_csv_and_full_precision_parquet_same_bytes_twice(tmp_path) -> None:
    import pandas as pd

    table = pd.DataFrame(
        {
            "outlet": ["RFI", "VOA", "VOA"],
            "value": [1 / 3, 2.0, float("nan")],
            "count": [1, 2, 3],
            "other": pd.array([4, None, 6], dtype="Int64"),
        },
        index=[2, 0, 1],  # a sorted table keeps its row labels; the files do not
    )
    written = write_tables(tmp_path / "first", {"style": table})
    assert sorted(path.name for path in written.values()) == ["style.csv", "style.parquet"]
    assert "RFI,0.333333,1,4\n" in written["style"].read_text(encoding="utf-8")  # CSV: 6 digits
    pd.testing.assert_frame_equal(
        read_table(tmp_path / "first", "style"), table.reset_index(drop=True), check_exact=True
    )
    again = write_tables(tmp_path / "second", {"style": table})
    for name, path in written.items():
        assert again[name].read_bytes() == path.read_bytes()
    assert not [path for path in (tmp_path / "first").iterdir() if TEMPORARY.match(path.name)]


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path) -> None:
    (tmp_path / "figures").mkdir()
    stale = [
        tmp_path / ".articles.csv.ab_cd123.tmp",
        tmp_path / "figures" / ".tone.svg.x1y2z3w4.tmp",
    ]
    kept = [tmp_path / "articles.csv", tmp_path / ".fingerprint.json", tmp_path / "notes.tmp"]
    for path in stale + kept:
        path.write_text("x", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path) == sorted(stale)
    assert all(path.exists() for path in kept) and not any(path.exists() for path in stale)
    assert remove_stale_temporaries(tmp_path / "missing") == []


def test_lock_is_exclusive_and_names_the_holder(tmp_path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom analysis.run.lock import output_lock\n"
            "with output_lock(sys.argv[1]):\n    print('locked', flush=True)\n    time.sleep(60)\n",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        busy = rf"another run is writing .*\(pid {holder.pid}\)"
        with pytest.raises(LockBusy, match=busy), output_lock(tmp_path):
            pass
        os.killpg(holder.pid, signal.SIGKILL)  # the kernel releases a dead process's lock
        holder.wait(timeout=10)
        with output_lock(tmp_path) as taken:
            assert taken == [tmp_path.resolve() / ".lock"]
    finally:
        if holder.poll() is None:
            os.killpg(holder.pid, signal.SIGKILL)
            holder.wait(timeout=10)
        holder.stdout.close()


# ------------------------------------------------------------------------------ whole runs, killed


def test_sigkill_at_any_point_then_a_rerun_is_byte_identical(outputs) -> None:
    out, reference, _, timeout = outputs
    _reset(out)
    for fraction in KILL_AT:
        process = _start(out)
        time.sleep(fraction * timeout / TIMEOUT_FACTOR)
        _kill_tree(process)
        assert _visible_partials(out) == [], f"partial file visible after a kill at {fraction:.0%}"
    done = _run(out, timeout=timeout)  # no --wait: a killed run leaves no lock behind
    assert done.returncode == 0, done.stderr
    assert not [p for p in out.rglob("*.tmp")], "the rerun left temporaries"
    assert _digests(out) == reference


def test_two_runs_at_once_one_stops_one_waits_outputs_identical(outputs) -> None:
    out, reference, _, timeout = outputs
    _reset(out)
    first, waiting = _start(out), None
    lock_file = out / "reports" / ".lock"
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if lock_file.is_file() and lock_file.read_text(encoding="ascii").strip() == str(
                first.pid
            ):
                break
            assert first.poll() is None, first.communicate()[1]
            time.sleep(0.1)
        else:
            pytest.fail("the first run never took the lock")
        second = _run(out, timeout=timeout)
        assert second.returncode == 1
        assert "another run is writing" in second.stderr and f"(pid {first.pid})" in second.stderr
        assert "Traceback" not in second.stderr
        waiting = _start(out, "--wait")
        _, first_err = first.communicate(timeout=timeout)
        assert first.returncode == 0, first_err
        waited_out, waited_err = waiting.communicate(timeout=timeout)
        assert waiting.returncode == 0, waited_err
        assert f"{EVENT}: up to date, skipped" in waited_out
    finally:
        for process in (first, waiting):
            if process is not None and process.poll() is None:
                _kill_tree(process)
    assert _digests(out) == reference


# ------------------------------------------------------------------------------ a write that fails

FAULT_HOOK = """
import builtins, os
_folder = os.path.realpath(os.environ["ANALYSIS_FAULT_READONLY"])


def _inside(path):
    try:
        return os.path.realpath(os.fspath(path)).startswith(_folder + os.sep)
    except TypeError:
        return False


def _deny(path):
    raise PermissionError(13, "Permission denied", os.fspath(path))


_open, _os_open, _replace = builtins.open, os.open, os.replace


def _guarded_open(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+") and _inside(file):
        _deny(file)
    return _open(file, mode, *args, **kwargs)


def _guarded_os_open(path, flags, *args, **kwargs):
    if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _inside(path):
        _deny(path)
    return _os_open(path, flags, *args, **kwargs)


def _guarded_replace(src, dst, *args, **kwargs):
    if _inside(dst):
        _deny(dst)
    return _replace(src, dst, *args, **kwargs)


builtins.open, os.open, os.replace = _guarded_open, _guarded_os_open, _guarded_replace
"""


def test_write_error_is_reported_and_previous_outputs_stay(outputs, tmp_path) -> None:
    out, reference, saved, timeout = outputs
    _reset(out, saved)
    figures = out / "reports" / EVENT / "figures"
    before = _digests(out)
    env = _env()
    if os.geteuid() == 0:
        # root writes into read-only folders: make the folder read-only for the runner and its kernels
        # by a sitecustomize that refuses every write below it (PermissionError, as chmod would give)
        hook = tmp_path / "hook"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(FAULT_HOOK, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")]))
        env["ANALYSIS_FAULT_READONLY"] = str(figures)
    else:
        figures.chmod(0o555)
    try:
        done = _run(out, "--force", timeout=timeout, env=env)
    finally:
        figures.chmod(0o755)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("error: "), done.stderr
    # the failed event is reported on its own line, naming the unwritable figure and the cause
    assert any(f"{EVENT}/figures/" in line and "Permission denied" in line for line in lines), (
        done.stderr
    )
    assert _no_escaped_exception(done.stderr), done.stderr
    # this run's records (errors.csv names the failed event; the check stamp) change; no output does
    errors = (out / "reports" / "errors.csv").read_text(encoding="utf-8")
    assert "notebook-failed" in errors and EVENT in errors, errors
    records = RUN_SPECIFIC | {FINGERPRINT_FILE, "errors.csv", ".checked.json"}
    after = _digests(out, records)
    assert after == _digests(saved, records)
    assert not [p for p in out.rglob("*.tmp")]
    assert before == reference


# ------------------------------------------------- hostile, huge and odd input (issue 15): tables

CSV_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("\r\n,\"'=+-@\t;|"),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    max_size=12,
)


@given(st.lists(st.tuples(CSV_TEXT, st.integers(-5, 5)), min_size=1, max_size=6))
@settings(derandomize=True, max_examples=200, deadline=None)
def test_every_csv_table_reads_back_equal(rows) -> None:
    """Property: a table of arbitrary text (lone CR, CRLF, delimiter, quotes, formula starts) and
    numbers, written by ``write_tables``, is read back from its CSV by the site exactly as written."""
    import tempfile

    import pandas as pd

    from analysis.site.data import read_tables

    rows = [("x", 0), *rows]  # one letter: the text column stays text when read back
    table = pd.DataFrame(rows, columns=["text", "number"])
    with tempfile.TemporaryDirectory() as folder:
        write_tables(folder, {"quotes": table})
        back = read_tables(folder)["quotes"]
    assert back["text"].tolist() == table["text"].tolist()
    assert back["number"].tolist() == table["number"].tolist()


def test_formula_cells_are_escaped_in_csv_and_kept_in_parquet(tmp_path) -> None:
    import pandas as pd

    from analysis.site.data import read_tables

    texts = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "'=z", "plain - text"]
    table = pd.DataFrame({"outlet": texts, "value": [-1.5] * len(texts), "n": [-3] * len(texts)})
    written = write_tables(tmp_path, {"quotes": table})
    with written["quotes"].open(encoding="utf-8", newline="") as handle:
        cells = [row[0] for row in csv.reader(handle)][1:]
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t")] == []
    assert cells[-1] == "plain - text"
    assert "-1.5,-3" in written["quotes"].read_text(encoding="utf-8")  # numbers are not escaped
    pd.testing.assert_frame_equal(read_table(tmp_path, "quotes"), table)  # Parquet: untouched
    assert read_tables(tmp_path)["quotes"]["outlet"].tolist() == texts  # the site shows the text


def test_site_build_names_a_damaged_table(tmp_path) -> None:
    from analysis.errors import InputError
    from analysis.site import build_site

    event = tmp_path / "processed" / "ev"
    event.mkdir(parents=True)
    (event / "articles.csv").write_text(
        "event_id,outlet,article,title,date\nev,VOA,voa,,2019-04-22\n", encoding="utf-8"
    )
    (event / "blocks.csv").write_text(
        "outlet,article,block,kind,start,end,text\nVOA,voa,0,paragraph,0,,Text\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"blocks\.csv: record 1: column 'end' holds ''"):
        build_site(["ev"], tmp_path / "processed", tmp_path / "reports")


# ------------------------------------------------ hostile, huge and odd input (issue 15): events


def test_a_failing_event_is_reported_and_the_others_still_run(tmp_path, capsys) -> None:
    """Event ``bad`` fails in notebook 02 (its actor file is not YAML); event ``good`` still runs,
    the errors report names the event, notebook and cell, the site is written, the exit status is 1."""
    from analysis.__main__ import main

    seed = config.DATA_RAW / EVENT
    raw = tmp_path / "raw"
    lines = ["event_id,outlet,title,date,path"]
    for event in ("bad", "good"):
        shutil.copytree(seed, raw / event)
        for outlet, name in (
            ("VOA", "000_5a7501a11d1dcd97.txt"),
            ("RFI", "001_2e6ec9803f784069.txt"),
        ):
            lines.append(f"{event},{outlet},,2019-04-22,{event}/{name}")
    (raw / "bad" / "actors.yaml").write_text("- name: [unclosed\n", encoding="utf-8")
    (raw / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = tmp_path / "reports"
    status = main(
        ["run", "--raw", str(raw), "--processed", str(tmp_path / "p"), "--reports", str(reports)]
    )
    assert status == 1
    assert "good: executed" in capsys.readouterr().out
    assert (reports / "good" / "03_figures.html").is_file()
    with (reports / "errors.csv").open(encoding="utf-8", newline="") as handle:
        failures = [row for row in csv.DictReader(handle) if row["kind"] == "notebook-failed"]
    assert len(failures) == 1
    message = failures[0]["message"]
    assert "'bad'" in message and "02_compare.ipynb failed in cell" in message, message
    assert "actors.yaml" in message
    assert (reports / "index.html").is_file() and (reports / "good" / "index.html").is_file()


def test_event_run_keeps_a_corpus_runs_temporaries_and_excludes_it(tmp_path) -> None:
    """An event run on a root removes only its own stale temporaries (not the in-progress files of a
    corpus run under ``<root>/corpus/``), and stops while a corpus run holds the root."""
    from analysis.run.runner import run

    fixtures = Path(__file__).parent / "fixtures" / "bad_input"
    raw = tmp_path / "raw"
    (raw / "ev").mkdir(parents=True)
    shutil.copy(fixtures / "good_a.txt", raw / "ev" / "alpha.txt")
    (raw / "ev" / "empty.txt").write_bytes(b"")  # the event is dropped: no notebook runs
    (raw / "manifest.csv").write_text(
        "event_id,outlet,title,date,path\n"
        "ev,Alpha,,2019-04-22,ev/alpha.txt\nev,Empty,,2019-04-22,ev/empty.txt\n",
        encoding="utf-8",
    )
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    corpus_part = processed / "corpus" / "c" / "tables" / ".part-00047.parquet.abcd1234.tmp"
    own = processed / "ev" / ".articles.csv.abcd1234.tmp"
    for path in (corpus_part, own):
        path.parent.mkdir(parents=True)
        path.write_bytes(b"in progress")
    run(["ev"], raw, processed, reports)
    assert corpus_part.is_file() and not own.exists()
    from analysis.run.lock import corpus_root

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom analysis.run.lock import corpus_root, output_lock\n"
         "with output_lock(sys.argv[1], shared=corpus_root(sys.argv[1])):\n"
         "    print('locked', flush=True)\n    time.sleep(60)\n",
         str(corpus_part.parent.parent)],
        stdout=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert corpus_root(corpus_part.parent.parent) == [processed.resolve()]
        with pytest.raises(LockBusy, match="another run is writing"):
            run(["ev"], raw, processed, reports)
        with output_lock(processed / "corpus" / "d", shared=[processed]):
            pass  # another corpus run on the same root may run beside it
    finally:
        os.killpg(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        holder.stdout.close()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_prints_one_line_removes_temporaries_and_stops_kernels(tmp_path, stop) -> None:
    """Ctrl-C, and SIGTERM alike (``kill``, ``timeout``, a cancelled CI job): one line, exit 130,
    no temporary left in the outputs or in TMPDIR (kernel-spec and scratch folders), kernels
    stopped."""
    out = tmp_path / "out"
    process = _start(out)
    try:
        runner = psutil.Process(process.pid)
        deadline = time.monotonic() + 60
        children = []
        while not children and time.monotonic() < deadline:
            time.sleep(0.1)  # wait for the first kernel
            children = runner.children(recursive=True)
        assert children, "no kernel started"
        time.sleep(1.0)  # the kernel is executing notebook 01
        os.kill(process.pid, stop)  # SIGINT: what Ctrl-C sends to the foreground process
        _stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            _kill_tree(process)
    assert process.returncode == 130, stderr
    # the runner's own output is one line, last; no traceback of the runner (the kernel, told to stop,
    # may log its interrupted cell: that is the kernel's log, not the runner's)
    runner_lines = [line for line in stderr.splitlines() if not line.startswith("[IPKernelApp]")]
    assert runner_lines[-1].startswith("interrupted: "), stderr  # a kernel may log after it
    assert [line for line in stderr.splitlines() if line.startswith("interrupted")] != []
    assert "analysis/__main__.py" not in stderr and "papermill/execute.py" not in stderr
    assert not [path for path in out.rglob("*") if TEMPORARY.match(path.name)]
    _gone, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, alive
    assert not list(Path(_temporary_dir(out)).glob("analysis-kernel-*"))
