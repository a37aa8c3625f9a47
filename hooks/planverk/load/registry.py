"""Every entity by its ref, where it was defined, and references resolved against tables.

The first definition of a ref wins; a later one is an error that names the first one's file
and line. Ids must be unique within their list (``unique``), and a key that does not resolve
is an error that says what was expected, with the closest candidates.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from .. import model as m
from ..errors import format_path
from .cursor import Cursor, FieldPath

T = TypeVar("T")

# How a message names an unknown key of each kind, and the ref prefix of that kind (so that a
# public build can say when the target exists but is internal).
_UNKNOWN = {"organisation": "organisasjon", "theme": "tema", "plan": "plan", "group": "gruppe", "document": "dokument",
            "role": "rolle"}
_REF_PREFIX = {"organisation": "org", "theme": "theme", "plan": "plan", "document": "document"}


class Registry:
    def __init__(self) -> None:
        self.entities: dict[str, m.Entity] = {}  # ref -> entity
        self.where: dict[str, Cursor] = {}  # ref -> where it was defined (terms of organisations have none)
        # (file name, item path) of items already reported as duplicate ids in their list, so
        # that `register` does not report the same duplicate again
        self.duplicates: set[tuple[str, FieldPath]] = set()
        # (file name, id path) of ids already refused (reserved names, taken addresses)
        self.refused: set[tuple[str, FieldPath]] = set()
        # refs of entities in the data that could not be built, for an error reported there: a
        # reference to one is not also reported as unknown
        self.failed: set[str] = set()

    def register(self, entity: m.Entity, cur: Cursor) -> None:
        ref = entity.ref
        if ref in self.entities:
            if (cur.file.name, cur.path) in self.duplicates:
                return  # already reported by `unique`, with the line of the first one
            cur.at("id").error(f"id-en er brukt før: {ref} er allerede definert i {self.where[ref].where}")
            return
        self.entities[ref] = entity
        self.where[ref] = cur

    def fail(self, *refs: str) -> None:
        self.failed.update(refs)

    def known(self, ref: str) -> bool:
        """The ref names an entity of the data (built, or not built for an error already reported)."""
        return ref in self.entities or ref in self.failed

    def add(self, ref: str, entity: m.Entity) -> None:
        """An entity with no place of its own in a file (an organisation's abbreviation as a term)."""
        self.entities[ref] = entity

    def unique(self, items: list[dict[str, Any]], cur: Cursor) -> None:
        """The ids of the list at ``cur`` are unique; each repeat is reported at its id."""
        seen: dict[object, int] = {}
        for i, item in enumerate(items):
            ident = item.get("id")
            if ident in seen:
                first = cur.at(seen[ident])
                cur.at(i, "id").error(f"id-en '{ident}' er brukt før: {format_path(first.path)} på linje "
                                      f"{first.line} har den allerede; forventet en unik id")
                self.duplicates.add((cur.file.name, (*cur.path, i)))
            else:
                seen[ident] = i

    def listed(self, cur: Cursor | None, key: str) -> list[tuple[dict[str, Any], Cursor]]:
        """The items of the list ``key`` in the file at ``cur`` (none without the file), each
        with its cursor, after their ids are checked with :meth:`unique`."""
        if cur is None:
            return []
        items: list[dict[str, Any]] = cur.file.data[key]
        self.unique(items, cur.at(key))
        return [(item, cur.at(key, i)) for i, item in enumerate(items)]

    def resolve(self, table: dict[str, T], key: str | None, cur: Cursor, what: str, ref: str | None = None) -> T | None:
        """``table[key]``; a key that is not there is reported at ``cur`` (None: nothing to resolve)."""
        if key is None:
            return None
        if key not in table:
            prefix = _REF_PREFIX.get(what)
            ref = ref or (f"{prefix}:{key}" if prefix else None)
            if ref in self.failed:
                return None  # in the data, but not built: its own error says why
            cur.report.unresolved_ref(ref, what, str(key))
            known = ", ".join(sorted(table)[:12]) + (" …" if len(table) > 12 else "")
            close = difflib.get_close_matches(str(key), list(table), n=3)
            hint = f" (mente du {' eller '.join(repr(c) for c in close)}?)" if close else ""
            cur.error(f"ukjent {_UNKNOWN.get(what, what)} '{key}'{hint}; forventet en av: {known}")
            return None
        return table[key]
