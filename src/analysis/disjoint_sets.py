"""Disjoint sets (union-find with path halving; Tarjan 1975, "Efficiency of a good but not linear set
union algorithm", JACM 22(2)): the smallest member of a set is always its root, so groups are
deterministic."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)


class DisjointSets(Generic[Item]):
    """Sets of ``items`` joined pairwise; items must be comparable (the smallest is the root)."""

    def __init__(self, items: Iterable[Item]) -> None:
        """One singleton set per item, in the given order."""
        self.parent: dict[Item, Item] = {item: item for item in items}

    def find(self, item: Item) -> Item:
        """The root (smallest member) of ``item``'s set."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: Item, b: Item) -> bool:
        """Merge the sets of ``a`` and ``b``; whether they were apart."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.parent[max(root_a, root_b)] = min(root_a, root_b)  # type: ignore[type-var]
        return True

    def groups(self) -> list[list[Item]]:
        """The sets, each in item order, ordered by their first item."""
        found: dict[Item, list[Item]] = {}
        for item in self.parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
