"""Matching numbers across outlets: same fact, reported alike or differently, different value, one
outlet only (see :mod:`analysis.measures.numbers`, "Matching across outlets")."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.disjoint_sets import DisjointSets
from analysis.measures.numbers.phrases import head_class
from analysis.measures.numbers.roles import PERSON_ROLES, number_role
from analysis.measures.numbers.values import format_value
from analysis.text.lexicon import GENERIC_COUNT_HEADS

MATCH_STATUSES = ("reported alike", "different description", "different value", "one outlet only")
MISSING = "—"


def _normalised(counted: str, approx: str) -> tuple[str, str]:
    words = [w for w in re.findall(r"[\w'-]+", counted.lower()) if w not in ("the", "a", "an")]
    return " ".join(words), approx.lower()


def _fact_key(record: dict) -> tuple | None:
    """What two numbers of equal value share when they count the same thing in the same role; None
    for a number that matches no other (people or a count with no class of what is counted)."""
    family, key = record["family"], record["key"]
    if family == "number":
        return (family, key, "outlet", record["outlet"])  # bare numbers: within an outlet only
    if record["role"]:
        return (family, key, "role", record["role"])
    if record["unit"] in ("people", "count"):
        return (family, key, "kind", record["kind"], record["class"]) if record["class"] else None
    return (family, key, "kind", record["kind"], "")


def match_numbers(numbers: pd.DataFrame) -> pd.DataFrame:
    """``numbers`` plus ``role``, ``match_id`` and ``status``, matched within each event (module doc)."""
    table = numbers.reset_index(drop=True)
    column = {name: table[name].tolist() for name in _READ}
    roles = [
        number_role(str(evidence), str(unit), str(kind), str(head or ""))
        for evidence, unit, kind, head in zip(
            column["evidence"], column["unit"], column["kind"], column["head"], strict=True
        )
    ]
    match_id = [""] * len(table)
    status = [""] * len(table)
    events = table["event_id"] if "event_id" in table.columns else pd.Series([""] * len(table))
    for _, index in sorted(table.groupby(events.to_numpy(), sort=True).indices.items()):
        records = [_record(column, i, roles[i]) for i in index]
        for local, (identifier, label) in enumerate(_match_event(records)):
            match_id[index[local]], status[index[local]] = identifier, label
    return table.assign(role=roles, match_id=match_id, status=status)


#: The columns of ``numbers`` a match reads, each read once as a list.
_READ = ("outlet", "unit", "kind", "value", "head", "counted", "approx", "evidence")


def _record(column: dict[str, list], i: int, role: str) -> dict:
    unit, head = column["unit"][i], str(column["head"][i] or "")
    return {
        "outlet": column["outlet"][i],
        "unit": unit,
        "family": "people" if role in PERSON_ROLES else unit,
        "kind": "casualty" if role in PERSON_ROLES else column["kind"][i],
        "role": role,
        "key": round(float(column["value"][i]), 9),
        "head": head,
        "class": head_class(head),
        "described": _normalised(str(column["counted"][i]), str(column["approx"][i])),
    }


def _same_value_groups(records: list[dict]) -> list[list[int]]:
    """Step 1: numbers of equal value that count the same thing in the same role (the same
    :func:`_fact_key`), joined."""
    union = DisjointSets(range(len(records)))
    first: dict[tuple, int] = {}
    for index, record in enumerate(records):
        key = _fact_key(record)
        if key is not None:
            union.join(first.setdefault(key, index), index)
    return [sorted(members) for members in union.groups()]


def _match_event(records: list[dict]) -> list[tuple[str, str]]:
    """Match id and status of each number of one event."""
    result = [("", "")] * len(records)
    groups = sorted(_same_value_groups(records))
    for members in groups:
        first = records[members[0]]
        parts = [first["kind"], first["family"], format_value(first["key"])]
        if first["role"]:
            parts.append(first["role"])
        elif first["unit"] in ("people", "count") and first["kind"] != "casualty":
            parts.append(min(records[i]["class"] for i in members) or "-")
        if first["family"] == "number":
            parts.append(first["outlet"])
        if len({records[i]["outlet"] for i in members}) >= 2:
            alike = len({records[i]["described"] for i in members}) == 1
            label = MATCH_STATUSES[0] if alike else MATCH_STATUSES[1]
        else:
            label = MATCH_STATUSES[3]
        for i in members:
            result[i] = ("/".join(parts), label)
    for cluster in _different_values(records, groups):
        rows = sorted(i for members in cluster for i in members)
        first = records[rows[0]]
        values = "~".join(format_value(v) for v in sorted({records[i]["key"] for i in rows}))
        identifier = "/".join([first["kind"], first["family"], first["role"], values])
        for i in rows:
            result[i] = (identifier, MATCH_STATUSES[2])
    return result


def _different_values(records: list[dict], groups: list[list[int]]) -> list[list[list[int]]]:
    """Step 2: groups with the same known role and family, from disjoint outlets and with compatible
    counted heads (one specific class at most: "soldiers" and "people" agree, "soldiers" and
    "civilians" do not), joined greedily in group order."""
    clusters: dict[tuple[str, str], list[tuple[set[str], set[str], list[list[int]]]]] = {}
    for members in groups:
        first = records[members[0]]
        if not first["role"] or first["family"] == "number":
            continue
        outlets = {records[i]["outlet"] for i in members}
        heads = {
            records[i]["class"] for i in members if records[i]["head"] not in GENERIC_COUNT_HEADS
        }
        found = clusters.setdefault((first["family"], first["role"]), [])
        for cluster_outlets, cluster_heads, cluster in found:
            if not cluster_outlets & outlets and len(cluster_heads | heads) <= 1:
                cluster_outlets |= outlets
                cluster_heads |= heads
                cluster.append(members)
                break
        else:
            found.append((set(outlets), set(heads), [members]))
    return [
        cluster for key in sorted(clusters) for _, _, cluster in clusters[key] if len(cluster) >= 2
    ]


def _display(row: Mapping[str, str]) -> str:
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
    """One row per match: kind, unit, one column per outlet (text + counted phrase, or "—"), status.

    One pass over the rows (grouped by match id, then by outlet), not a filter per match and outlet."""
    outlets = sorted(matched["outlet"].unique()) if len(matched) else []
    rank = {status: index for index, status in enumerate(MATCH_STATUSES)}
    records = matched.to_dict("records")
    rows = []
    for identifier, positions in sorted(matched.groupby("match_id", sort=True).indices.items()):
        first = records[positions[0]]
        row = {"match_id": identifier, "kind": first["kind"], "unit": first["unit"]}
        shown: dict[str, list[str]] = {outlet: [] for outlet in outlets}
        for position in positions:
            shown[records[position]["outlet"]].append(_display(records[position]))
        for outlet in outlets:
            row[outlet] = "; ".join(dict.fromkeys(shown[outlet])) or MISSING
        row["status"] = first["status"]
        rows.append(row)
    table = pd.DataFrame(rows, columns=["match_id", "kind", "unit", *outlets, "status"])
    order = table["status"].map(rank) if len(table) else table["status"]
    return (
        table.assign(_rank=order)
        .sort_values(["_rank", "match_id"], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
