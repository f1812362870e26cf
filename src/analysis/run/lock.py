"""One run at a time on the same outputs: an exclusive lock on the output folders.

:func:`output_lock` takes ``fcntl.flock`` on a lock file in each output root (``reports/.lock`` and
``data/processed/.lock``), always in the same order so that two waiting runs cannot deadlock. By default
it does not wait: a second run on the same outputs stops with :class:`LockBusy` ("another run is writing
reports/ (pid N); …"). ``wait=True`` (``python -m analysis run --wait``) blocks until the first run ends.

The lock belongs to the open file description, so the kernel releases it when the process ends in any way,
SIGKILL included: a killed run never leaves a stale lock behind. The lock file itself stays (it holds the
pid of the last run that took it, only for the message) and is not an output; deleting it between runs is
harmless (deleting it *during* a run would let a second run in). The notebook kernels papermill starts run
in their own session and do not hold the lock; when their runner is killed they notice within about a
second (ipykernel's parent poller) and exit.

One discipline for a root (``data/processed``, ``reports``) shared by event and corpus runs: a run
that writes across a root (an event run: its events, the site, ``errors.csv``) locks the root
*exclusively*; a corpus run writes only into ``<root>/corpus/<name>``, which it locks exclusively,
and holds the root's lock *shared* (:func:`corpus_root`). So corpus runs of different corpora run
side by side, while an event run and a corpus run on the same root never overlap. Each run removes
only the stale temporaries of the folders it writes (the runner: its events' folders and the roots'
own files; a corpus run: its corpus folder).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from analysis import config
from analysis.atomic import WriteError

LOCK_NAME = ".lock"
#: ``<root>/corpus/<name>``: the folder of one corpus run under a processed or reports root.
CORPUS_FOLDER = "corpus"


class LockBusy(RuntimeError):
    """Another process holds the lock on the output folders."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        return "pid unknown"
    return f"pid {pid}" if pid.isdigit() else "pid unknown"


def corpus_root(folder: Path | str) -> list[Path]:
    """The root a corpus folder ``<root>/corpus/<name>`` belongs to (none for another layout)."""
    folder = Path(folder).resolve()
    return [folder.parent.parent] if folder.parent.name == CORPUS_FOLDER else []


@contextlib.contextmanager
def output_lock(
    *folders: Path | str, wait: bool = False, shared: Iterable[Path | str] = ()
) -> Iterator[list[Path]]:
    """Hold an exclusive lock on every folder and a shared lock on every ``shared`` folder (both
    created if missing) for the duration of the block, taken in path order (no deadlock).

    Raises :class:`LockBusy` at once when another process holds a conflicting lock, unless ``wait``.
    """
    exclusive = {Path(folder).resolve() for folder in folders}
    modes = {Path(folder).resolve(): fcntl.LOCK_SH for folder in shared}
    modes.update(dict.fromkeys(exclusive, fcntl.LOCK_EX))
    with contextlib.ExitStack() as stack:
        taken = []
        for root in sorted(modes):
            path = root / LOCK_NAME
            try:
                root.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise WriteError(path, error) from None
            stack.callback(os.close, fd)
            try:
                fcntl.flock(fd, modes[root] | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                shown = config.relative(root)
                raise LockBusy(
                    f"another run is writing {shown}/ ({_holder(path)}); wait for it (or use "
                    f"--wait), or remove {config.relative(path)} if no such process is running "
                    "(a lock is never left by a killed run: the kernel releases it)"
                ) from None
            if modes[root] == fcntl.LOCK_EX:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            taken.append(path)
        yield taken
