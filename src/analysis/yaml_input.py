"""YAML written by users (``actors.yaml``), read with bounds: size, aliases, error excerpts.

``yaml.safe_load`` builds no objects of arbitrary classes, but a few hundred bytes of anchors and
aliases (the "billion laughs") describe a document whose printed or walked form is exponentially
large, and PyYAML's error messages quote the offending text. :func:`load_user_yaml` therefore refuses
a file above :data:`MAX_BYTES`, composes the node graph first and refuses it when its expansion (every
alias counted as a copy of what it names) exceeds :data:`MAX_NODES` nodes or is recursive, and cuts
every message to :data:`MAX_MESSAGE` characters. The limits are far above any real actor file
(100,000 aliases of ~20 characters are ~3 MB and ~200,000 nodes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from analysis.errors import InputError

MAX_BYTES = 16 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_MESSAGE = 300


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def expanded_size(root: yaml.Node) -> int:
    """Nodes of the document with every alias expanded (memoised, so linear in the graph's size).

    Raises :class:`yaml.YAMLError` above :data:`MAX_NODES` or for a recursive document.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_NODES:
                raise yaml.YAMLError(f"expands to more than {MAX_NODES:,} nodes (YAML aliases)")
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise yaml.YAMLError("is recursive (a YAML alias inside what it names)")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def excerpt(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` on one line, at most ``limit`` characters (with `` …`` when cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + " …"


def load_user_yaml(path: Path | str, what: str) -> Any:
    """The YAML document of ``path`` (``what`` names it in messages, e.g. "actor file").

    Raises :class:`InputError` naming the file for an unreadable, too large or alias-bomb file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"{what} is {size:,} bytes; the limit is {MAX_BYTES:,}")
        text = path.read_text(encoding="utf-8")
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            expanded_size(node)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except RecursionError:
        raise InputError(path, f"cannot read {what}: nested too deeply") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read {what}: {excerpt(str(error))}") from None
