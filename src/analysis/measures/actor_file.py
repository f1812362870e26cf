"""The optional, editable actor file of an event (``<event folder>/actors.yaml``): a list of
``{name, type, aliases}`` that fixes the canonical name, the type and the aliases of the event's main
actors (see :mod:`analysis.measures.actors`); never required."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import InputError
from analysis.text.document import Document
from analysis.text.names import is_acronym
from analysis.yaml_input import excerpt, load_user_yaml

ACTOR_FILE_NAME = "actors.yaml"
ACTOR_TYPES = ("person", "organisation", "country", "place", "group", "other")
_TYPE_SPELLINGS = {"organization": "organisation"}


@dataclass(frozen=True)
class Actor:
    """An actor of an event: canonical name, type, and the surface forms that name it."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    source: str = "file"  # "file" (actors.yaml) or "auto" (found in the text)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name and the aliases, in file order, without duplicates."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


# --- the actor file --------------------------------------------------------------------------------


def find_actor_file(cleaned: Sequence[Document]) -> Path | None:
    """``<event folder>/actors.yaml`` of the event's first article, if it exists."""
    if not cleaned:
        return None
    path = cleaned[0].article.path.parent / ACTOR_FILE_NAME
    return path if path.is_file() else None


def _surface_key(surface: str) -> str:
    return surface if is_acronym(surface) else surface.casefold()


def load_actor_file(path: Path | str) -> list[Actor]:
    """Read an actor file: a YAML list of ``{name, type, aliases}`` (``notes`` allowed).

    An empty file means no actors. Errors (:class:`InputError`) name the file, the entry and the
    problem: unreadable YAML, not a list, a missing or empty name, an unknown type, aliases that are
    not a list of strings, unknown keys, or one surface form listed under two actors.
    """
    path = Path(path)
    document = load_user_yaml(path, "actor file")  # bounded: size, aliases, message length
    if document is None:
        return []
    if isinstance(document, dict) and set(document) == {"actors"}:
        document = document["actors"] or []
    if not isinstance(document, list):
        raise InputError(
            path,
            "expected a list of actors ({name, type, aliases}), got " + type(document).__name__,
        )
    actors: list[Actor] = []
    owner: dict[str, str] = {}
    for number, entry in enumerate(document, start=1):
        actor = _parse_entry(path, number, entry)
        for surface in actor.surfaces:
            key = _surface_key(surface)
            if key in owner and owner[key] != actor.name:
                raise InputError(
                    path,
                    f"entry {number} ({actor.name!r}): {surface!r} is already a name or alias "
                    f"of {owner[key]!r}",
                )
            owner[key] = actor.name
        actors.append(actor)
    return actors


def _parse_entry(path: Path, number: int, entry: object) -> Actor:
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise InputError(path, f"{where}: expected a mapping with name, type, aliases")
    unknown = sorted(set(map(str, entry)) - {"name", "type", "aliases", "notes"})
    if unknown:
        raise InputError(path, f"{where}: unknown key(s) {', '.join(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(path, f"{where}: 'name' must be a non-empty string")
    where = f"{where} ({excerpt(name.strip(), 80)!r})"
    kind = entry.get("type")
    kind = _TYPE_SPELLINGS.get(kind, kind) if isinstance(kind, str) else kind
    if kind not in ACTOR_TYPES:
        raise InputError(
            path, f"{where}: type {entry.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}"
        )
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and alias.strip() for alias in aliases
    ):
        raise InputError(path, f"{where}: 'aliases' must be a list of non-empty strings")
    return Actor(name.strip(), kind, tuple(alias.strip() for alias in aliases), "file")
