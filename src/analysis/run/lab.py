"""Open the notebooks interactively: ``make lab`` (``python -m analysis lab``).

Installs the project kernel ``analysis`` (:mod:`analysis.run.kernel`: this very interpreter,
``PYTHONHASHSEED=0``) into this environment (``sys.prefix/share/jupyter/kernels``, never the user's
home), then starts JupyterLab on
``127.0.0.1`` in ``notebooks/`` with that kernel as the default, opening ``01_clean.ipynb``. The notebooks'
parameters default to the seed event, so they open (and run) on it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from analysis import config
from analysis.run.kernel import KERNEL_NAME, kernel_spec

FIRST_NOTEBOOK = "01_clean.ipynb"


def install_kernel(prefix: Path | str = sys.prefix) -> Path:
    """Install the ``analysis`` kernel under ``prefix/share/jupyter/kernels``; return its folder."""
    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as folder:
        (Path(folder) / "kernel.json").write_text(json.dumps(kernel_spec(), indent=1), "utf-8")
        installed = KernelSpecManager().install_kernel_spec(folder, KERNEL_NAME, prefix=str(prefix))
    return Path(installed)


def lab_argv(port: int | None = None, open_browser: bool = True) -> list[str]:
    """The JupyterLab command line: local only, in ``notebooks/``, the project kernel by default."""
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={config.NOTEBOOKS}",
        f"--MultiKernelManager.default_kernel_name={KERNEL_NAME}",
        f"--LabApp.default_url=/lab/tree/{FIRST_NOTEBOOK}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root; local only
        argv.append("--ServerApp.allow_root=True")
    if port is not None:
        argv.append(f"--ServerApp.port={port}")
    if not open_browser:
        argv.append("--no-browser")
    return argv


def start_lab(port: int | None = None, open_browser: bool = True) -> None:
    """Install the kernel, then replace this process with JupyterLab (Ctrl-C stops it)."""
    install_kernel()
    argv = lab_argv(port, open_browser)
    os.execv(argv[0], argv)
