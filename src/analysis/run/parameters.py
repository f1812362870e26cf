"""Check notebook parameters before a run: papermill only warns about an unknown name and runs on defaults."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from analysis.errors import InputError

_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list, "dict": dict}


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """The parameters the notebook's ``parameters`` cell declares, as papermill infers them."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    if not declared:
        raise InputError(notebook, "has no cell tagged 'parameters'")
    return declared


def check_parameters(notebook: Path, parameters: dict[str, Any]) -> None:
    """Raise naming the notebook when a parameter is unknown or has the wrong type."""
    declared = declared_parameters(notebook)
    for name, value in parameters.items():
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise InputError(notebook, f"unknown parameter {name!r} (declared: {known})")
        type_name = declared_type(declared[name])
        expected = _TYPES.get(type_name)
        wrong_bool = isinstance(value, bool) and expected is not bool
        if expected is not None and (wrong_bool or not isinstance(value, expected)):
            raise InputError(
                notebook, f"parameter {name!r} must be {type_name}, got {type(value).__name__}"
            )


def declared_type(declaration: dict[str, Any]) -> str:
    """The parameter's type: its annotation if it has one, else the type of its literal default."""
    annotated = str(declaration.get("inferred_type_name"))
    if annotated != "None":
        return annotated
    try:
        return type(ast.literal_eval(declaration.get("default", ""))).__name__
    except (ValueError, SyntaxError):
        return "unknown"
