"""The project kernel: runs quietly (no transport warning, no shutdown interrupt line)."""

from __future__ import annotations

import logging
import re

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis.run import runner
from analysis.run.kernel import KERNEL_NAME, kernel_spec
from analysis.run.kernel_launcher import QuietKernelLog


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("IPKernelApp", logging.ERROR, __file__, 1, message, None, None)


def test_the_filter_drops_only_the_two_noise_lines() -> None:
    quiet = QuietKernelLog()
    assert not quiet.filter(_record("KeyboardInterrupt caught in kernel."))
    assert not quiet.filter(_record("Kernel is running over TCP without encryption. All ..."))
    assert quiet.filter(_record("Exception in message handler:"))


def test_a_notebook_run_prints_no_kernel_noise(tmp_path, capfd) -> None:
    source = tmp_path / "tiny.ipynb"
    notebook = new_notebook(cells=[new_code_cell("total = 1 + 1\ntotal")])
    notebook.metadata["kernelspec"] = {
        "name": KERNEL_NAME,
        "display_name": "k",
        "language": "python",
    }
    nbformat.write(notebook, source)
    runner.execute_notebook(source, tmp_path / "out.ipynb", {})
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert executed.cells[0].outputs[0]["data"]["text/plain"] == "2"
    captured = capfd.readouterr()
    assert "without encryption" not in captured.err + captured.out
    assert "KeyboardInterrupt" not in captured.err + captured.out
    assert kernel_spec()["argv"][2] == "analysis.run.kernel_launcher"
    with_code, without = (
        path.read_text("utf-8") for path in runner.export_html(tmp_path / "out.ipynb")
    )
    prompt = re.compile(r"OutputPrompt[^>]*>Out\[")
    assert prompt.search(with_code) and not prompt.search(without)  # no prompts for readers
