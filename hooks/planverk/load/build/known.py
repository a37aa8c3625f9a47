"""What the builders of plans, strategies, reports, news and relations resolve against.

Each builder gets what it resolves against as arguments: the vocabulary, documents,
organisations and themes (as :class:`Known`) exist before anything that cites them can be
built, so there is no order to remember.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ... import model as m
from .. import convert
from ..cursor import Cursor
from ..registry import Registry


@dataclass(frozen=True)
class Known:
    """The tables that plans, strategies, reports, news and relations resolve against."""

    registry: Registry
    vocabulary: m.Vocabulary
    documents: dict[str, m.Document]
    organisations: dict[str, m.Organisation]
    themes: dict[str, m.Theme]

    def source(self, raw: dict[str, Any], cur: Cursor) -> m.Source | None:
        return convert.source(raw, cur, self.documents, self.registry)

    def child_source(self, raw: dict[str, Any] | None, cur: Cursor, parent: m.Source | None) -> m.Source | None:
        return convert.inherited_source(raw, cur, self.documents, self.registry, parent)

    def org(self, key: str | None, cur: Cursor) -> m.Organisation | None:
        return convert.organisation(key, cur, self.organisations, self.registry)

    def themes_of(self, ids: list[str] | None, cur: Cursor) -> tuple[m.Theme, ...]:
        return convert.themes(ids, cur, self.themes, self.registry)

    def responsibility(self, raw: dict[str, Any], cur: Cursor) -> m.Responsibility:
        return convert.responsibility(raw, cur, self.vocabulary.roles, self.organisations, self.registry)
