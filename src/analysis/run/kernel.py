"""The project's Jupyter kernel, ``analysis``: this very interpreter, quiet, hash seed fixed.

Jupyter resolves a kernel name through several folders (``JUPYTER_PATH`` first, then the user's own), so
a spec left by another installation could run notebooks in the wrong environment.
:func:`current_env_kernel` puts a spec for ``sys.executable`` first on the search path while it is active
(runs and ``refresh-notebooks``); :mod:`analysis.run.lab` installs the same spec into the environment for
JupyterLab. The kernel starts through :mod:`analysis.run.kernel_launcher`, which drops two log lines that
are noise here (the loopback TCP transport warning, the interrupt jupyter_client sends before shutdown).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

KERNEL_NAME = "analysis"
KERNEL_DISPLAY_NAME = "Python (analysis)"
LAUNCHER = "analysis.run.kernel_launcher"


def kernel_spec() -> dict[str, object]:
    """The kernel spec (``kernel.json``): this interpreter, the quiet launcher, ``PYTHONHASHSEED=0``."""
    return {
        "argv": [sys.executable, "-m", LAUNCHER, "-f", "{connection_file}"],
        "display_name": KERNEL_DISPLAY_NAME,
        "language": "python",
        "env": {"PYTHONHASHSEED": "0"},
        "metadata": {"debugger": True},
    }


@contextlib.contextmanager
def current_env_kernel() -> Iterator[str]:
    """Within the block, kernel ``analysis`` runs ``sys.executable``; yields the kernel name."""
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as folder:
        spec_dir = Path(folder) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        (spec_dir / "kernel.json").write_text(json.dumps(kernel_spec()), encoding="utf-8")
        previous = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [folder, previous]))
        try:
            yield KERNEL_NAME
        finally:
            if previous is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = previous
