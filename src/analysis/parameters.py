"""Check notebook parameters before a run: papermill only warns about an unknown name and runs on defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError

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
        expected = _TYPES.get(str(declared[name].get("inferred_type_name")))
        if expected is not None and (isinstance(value, bool) and expected is not bool or not isinstance(value, expected)):
            raise InputError(
                notebook,
                f"parameter {name!r} must be {declared[name]['inferred_type_name']}, got {type(value).__name__}",
            )
