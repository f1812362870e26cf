"""Evidence strings: the sentence behind a number, with the span that produced it marked ``[[…]]``."""

from __future__ import annotations


def mark(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` marked ``[[…]]`` (offsets relative to ``text``)."""
    return f"{text[:start]}[[{text[start:end]}]]{text[end:]}"
