"""Matching numbers across outlets: same fact, reported alike or differently, different value, one
outlet only (see :mod:`analysis.measures.numbers`, "Matching across outlets")."""

from __future__ import annotations

import re

import pandas as pd

from analysis.disjoint_sets import DisjointSets
from analysis.measures.numbers.phrases import head_class
from analysis.measures.numbers.values import format_value

MATCH_STATUSES = ("reported alike", "different description", "different value", "one outlet only")
MISSING = "—"


def _normalised(counted: str, approx: str) -> tuple[str, str]:
    words = [w for w in re.findall(r"[\w'-]+", counted.lower()) if w not in ("the", "a", "an")]
    return " ".join(words), approx.lower()


def _same_fact(a: dict, b: dict) -> bool:
    if a["unit"] != b["unit"] or a["kind"] != b["kind"]:
        return False
    if a["unit"] == "number":
        return a["outlet"] == b["outlet"]  # bare numbers: repeated mentions within an outlet only
    if a["unit"] == "people" and a["kind"] == "casualty":
        return True
    if a["unit"] in ("people", "count"):
        return bool(a["class"]) and a["class"] == b["class"]
    return True


def match_numbers(numbers: pd.DataFrame) -> pd.DataFrame:
    """``numbers`` plus ``match_id`` and ``status``, matched within each event (module docstring)."""
    table = numbers.reset_index(drop=True)
    match_id = [""] * len(table)
    status = [""] * len(table)
    events = table["event_id"] if "event_id" in table.columns else pd.Series([""] * len(table))
    for _, index in sorted(table.groupby(events.to_numpy(), sort=True).indices.items()):
        records = [
            {
                "outlet": table.at[i, "outlet"],
                "unit": table.at[i, "unit"],
                "kind": table.at[i, "kind"],
                "key": round(float(table.at[i, "value"]), 9),
                "class": head_class(str(table.at[i, "head"] or "")),
                "described": _normalised(str(table.at[i, "counted"]), str(table.at[i, "approx"])),
            }
            for i in index
        ]
        for local, (identifier, label) in enumerate(_match_event(records)):
            match_id[index[local]], status[index[local]] = identifier, label
    return table.assign(match_id=match_id, status=status)


def _match_event(records: list[dict]) -> list[tuple[str, str]]:
    """Match id and status of each number of one event."""
    size = len(records)
    result = [("", "")] * size
    union = DisjointSets(range(size))
    buckets: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        buckets.setdefault((record["unit"], record["key"]), []).append(index)
    for members in buckets.values():
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if _same_fact(records[a], records[b]):
                    union.join(a, b)
    single: list[list[int]] = []
    for members in union.groups():
        first = records[members[0]]
        parts = [first["kind"], first["unit"], format_value(first["key"])]
        if first["unit"] in ("people", "count") and first["kind"] != "casualty":
            parts.append(min(records[i]["class"] for i in members) or "-")
        if first["unit"] == "number":
            parts.append(first["outlet"])
        identifier = "/".join(parts)
        if len({records[i]["outlet"] for i in members}) >= 2:
            alike = len({records[i]["described"] for i in members}) == 1
            label = MATCH_STATUSES[0] if alike else MATCH_STATUSES[1]
        else:
            label = MATCH_STATUSES[3]
            if first["unit"] != "number":
                single.append(members)
        for i in members:
            result[i] = (identifier, label)
    # one-outlet facts sharing unit, kind and a head class across outlets: different values
    merge = DisjointSets(range(len(single)))
    classes = [{records[i]["class"] for i in members} - {""} for members in single]
    for x, members_x in enumerate(single):
        row_x = records[members_x[0]]
        for y in range(x + 1, len(single)):
            row_y = records[single[y][0]]
            if (
                row_x["outlet"] != row_y["outlet"]
                and row_x["unit"] == row_y["unit"]
                and row_x["kind"] == row_y["kind"]
                and classes[x] & classes[y]
            ):
                merge.join(x, y)
    for groups in merge.groups():
        rows = [i for group in groups for i in single[group]]
        if len({records[i]["outlet"] for i in rows}) < 2:
            continue
        first = records[rows[0]]
        shared = sorted(set.intersection(*(classes[g] for g in groups)) or classes[groups[0]])
        values = "~".join(format_value(v) for v in sorted({records[i]["key"] for i in rows}))
        identifier = "/".join([first["kind"], first["unit"], shared[0], values])
        for i in rows:
            result[i] = (identifier, MATCH_STATUSES[2])
    return result


def _display(row: pd.Series) -> str:
    """The surface text and what it counts, as the sentence says it where possible."""
    text, counted = row["text"], row["counted"]
    if not counted:
        return text
    rest = str(row["evidence"]).split("]]", 1)[-1]
    index = rest.find(counted)
    if 0 <= index <= 12 and not re.search(r"[,.;:()]", rest[:index]):
        return text + rest[: index + len(counted)]
    return f"{text} ({counted})"


def side_by_side(matched: pd.DataFrame) -> pd.DataFrame:
    """One row per match: kind, unit, one column per outlet (text + counted phrase, or "—"), status."""
    outlets = sorted(matched["outlet"].unique()) if len(matched) else []
    rank = {status: index for index, status in enumerate(MATCH_STATUSES)}
    rows = []
    for identifier, group in matched.groupby("match_id", sort=True):
        row = {
            "match_id": identifier,
            "kind": group["kind"].iloc[0],
            "unit": group["unit"].iloc[0],
        }
        for outlet in outlets:
            shown = [_display(r) for _, r in group[group["outlet"] == outlet].iterrows()]
            row[outlet] = "; ".join(dict.fromkeys(shown)) or MISSING
        row["status"] = group["status"].iloc[0]
        rows.append(row)
    table = pd.DataFrame(rows, columns=["match_id", "kind", "unit", *outlets, "status"])
    order = table["status"].map(rank) if len(table) else table["status"]
    return (
        table.assign(_rank=order)
        .sort_values(["_rank", "match_id"], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
