"""``make lab``: JupyterLab starts on 127.0.0.1 in notebooks/ with the project kernel, then stops."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis import config
from analysis.run.kernel import KERNEL_NAME
from analysis.run.lab import install_kernel, lab_argv

TOKEN = "analysis-test-token"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"token {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def _wait_until_serving(server: subprocess.Popen, port: int) -> None:
    """Poll until the server answers; the wait ends when the process dies, not on a clock."""
    while server.poll() is None:
        try:
            _get(port, "/api/status")
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"JupyterLab exited with {server.returncode} before serving")


def test_kernel_is_installed_into_the_environment_not_the_home(tmp_path: Path) -> None:
    installed = install_kernel(prefix=tmp_path)
    assert installed == tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME
    spec = json.loads((installed / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][0] == sys.executable
    assert spec["env"]["PYTHONHASHSEED"] == "0"


def test_committed_notebooks_ask_for_the_project_kernel() -> None:
    for path in sorted(config.NOTEBOOKS.glob("*.ipynb")):
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert metadata["kernelspec"]["name"] == KERNEL_NAME, path.name


def test_make_lab_runs_the_lab_command() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "lab"],
        cwd=config.PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "python -m analysis lab" in dry_run.stdout


def test_lab_serves_the_notebooks_with_the_project_kernel(tmp_path: Path) -> None:
    install_kernel(prefix=tmp_path)
    port = _free_port()
    argv = [*lab_argv(port, open_browser=False), f"--IdentityProvider.token={TOKEN}"]
    env = {
        **os.environ,
        "JUPYTER_PATH": str(tmp_path / "share" / "jupyter"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
    }
    server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_serving(server, port)
        specs = _get(port, "/api/kernelspecs")
        assert specs["default"] == KERNEL_NAME
        assert specs["kernelspecs"][KERNEL_NAME]["spec"]["argv"][0] == sys.executable
        listing = {item["name"] for item in _get(port, "/api/contents")["content"]}
        assert {"01_clean.ipynb", "04_corpus.ipynb"} <= listing  # served from notebooks/
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # pragma: no cover - a hung server is killed
            server.kill()
            pytest.fail("JupyterLab did not stop on SIGTERM")
