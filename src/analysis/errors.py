"""Errors that name the file and the problem, so a user can fix their input."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input: names the offending file (and row, where there is one) and what is wrong."""

    def __init__(self, path: Path | str, problem: str, row: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.row = row
        where = f"{self.path}, row {row}" if row is not None else self.path
        super().__init__(f"{where}: {problem}")
