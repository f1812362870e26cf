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
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from analysis import config
from analysis.atomic import WriteError

LOCK_NAME = ".lock"


class LockBusy(RuntimeError):
    """Another process holds the lock on the output folders."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        return "pid unknown"
    return f"pid {pid}" if pid.isdigit() else "pid unknown"


@contextlib.contextmanager
def output_lock(*folders: Path | str, wait: bool = False) -> Iterator[list[Path]]:
    """Hold an exclusive lock on every folder (created if missing) for the duration of the block.

    Raises :class:`LockBusy` at once when another process holds one of them, unless ``wait``.
    """
    roots = sorted({Path(folder).resolve() for folder in folders})
    with contextlib.ExitStack() as stack:
        taken = []
        for root in roots:
            path = root / LOCK_NAME
            try:
                root.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise WriteError(path, error) from None
            stack.callback(os.close, fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                shown = config.relative(root)
                raise LockBusy(
                    f"another run is writing {shown}/ ({_holder(path)}); wait for it (or use "
                    f"--wait), or remove {config.relative(path)} if no such process is running "
                    "(a lock is never left by a killed run: the kernel releases it)"
                ) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            taken.append(path)
        yield taken
