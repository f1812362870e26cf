"""A Jupyter kernel spec named ``python3`` that points at this very interpreter.

Jupyter resolves a kernel name through several folders (``JUPYTER_PATH`` first, then the user's own),
so a ``python3`` spec left by another installation could run notebooks in the wrong environment.
:func:`current_env_kernel` puts a spec for ``sys.executable`` first on the search path while it is active.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

KERNEL_NAME = "python3"


@contextlib.contextmanager
def current_env_kernel() -> Iterator[str]:
    """Within the block, kernel ``python3`` runs ``sys.executable``; yields the kernel name."""
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as folder:
        spec_dir = Path(folder) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (analysis)",
            "language": "python",
            "metadata": {"debugger": False},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        previous = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [folder, previous]))
        try:
            yield KERNEL_NAME
        finally:
            if previous is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = previous
