"""How the site writes a table's cells: text of a cell, readable names, CSS-safe slugs, counts."""

from __future__ import annotations

from collections import Counter

import pandas as pd


def cell_text(value: object) -> str:
    """A cell as text; a missing cell (None, NaN) is ''."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def pretty(name: str) -> str:
    """A snake_case name with spaces (``human_interest`` → ``human interest``)."""
    return name.replace("_", " ")


def ordered(values: list[str], known: tuple[str, ...]) -> list[str]:
    """``known`` values first in their order, then any others sorted."""
    return [v for v in known if v in values] + sorted(v for v in set(values) if v not in known)


def slug(value: str) -> str:
    """``value`` lower-cased, every character but letters and digits a dash ('x' if empty)."""
    return "".join(c if c.isalnum() else "-" for c in value.lower()).strip("-") or "x"


def per_outlet(
    table: pd.DataFrame, outlets: tuple[str, ...], mask: pd.Series | None = None
) -> tuple[int, ...]:
    """Rows of ``table`` (those of ``mask`` if given) per outlet, in the order of ``outlets``."""
    if table.empty:
        return tuple(0 for _ in outlets)
    selected = table if mask is None else table[mask]
    counts = Counter(selected["outlet"].astype(str))
    return tuple(counts.get(outlet, 0) for outlet in outlets)
