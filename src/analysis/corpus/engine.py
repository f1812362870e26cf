"""Where partitions run: in this process, on a local Dask cluster, or on an existing one.

The same function (:func:`analysis.corpus.extract.extract_partition`) runs everywhere; only the placement
changes, so the tables are byte-identical whichever engine computed them (tested with a real two-worker
``LocalCluster``). Dask (Rocklin 2015, "Dask: Parallel Computation with Blocked algorithms and Task
Scheduling", SciPy 2015) is used through ``dask.distributed`` futures: at most two partitions per worker
are in flight and each result is handed back (and written by the caller) as soon as it is done, so memory
stays flat however large the corpus is.

Workers read the articles themselves, so with ``scheduler=ADDRESS`` the corpus folder must be visible at the
same path on every worker (a shared file system, as usual for Dask file input); the results come back to
this process, which writes them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import TypeVar

Spec = TypeVar("Spec")
Result = TypeVar("Result")
IN_FLIGHT_PER_WORKER = 2


def run_local(
    work: Callable[[Spec], Result], specs: Sequence[Spec]
) -> Iterator[tuple[Spec, Result]]:
    """Run ``work`` on every spec in this process, in order."""
    for spec in specs:
        yield spec, work(spec)


def run_dask(
    work: Callable[[Spec], Result],
    specs: Sequence[Spec],
    workers: int = 2,
    scheduler: str | None = None,
) -> Iterator[tuple[Spec, Result]]:
    """Run ``work`` on ``dask.distributed``: a new ``LocalCluster`` of ``workers`` single-threaded
    processes, or the cluster at ``scheduler``. Yields results as they complete."""
    from distributed import Client, LocalCluster, as_completed

    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            os.environ.setdefault("PYTHONHASHSEED", "0")  # inherited by the worker processes
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    host="127.0.0.1",
                )
            )
            client = stack.enter_context(Client(cluster))
        slots = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        pending = iter(specs)
        futures = as_completed()
        spec_of = {}

        def submit(spec: Spec) -> None:
            # scattered, so the task refers to the spec by key: the scheduler remembers its last
            # computations, and would otherwise keep every recent spec (a partition's rows) alive
            [data] = client.scatter([spec], hash=False)
            future = client.submit(work, data, pure=False)
            spec_of[future.key] = spec, data
            futures.add(future)

        for spec in itertools.islice(pending, slots):
            submit(spec)
        for future in futures:
            result = future.result()
            spec, data = spec_of.pop(future.key)
            future.release()
            data.release()
            for following in itertools.islice(pending, 1):
                submit(following)
            yield spec, result
