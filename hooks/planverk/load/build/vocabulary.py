"""vocabulary.yml: status scales, responsibility roles and relation kinds."""

from __future__ import annotations

from typing import Any

from ... import model as m
from ..cursor import Cursor
from ..registry import Registry


def vocabulary(cur: Cursor | None, registry: Registry) -> m.Vocabulary:
    data = cur.file.data if cur else {"scales": [], "roles": [], "relation_kinds": []}
    if cur:
        registry.unique(data["scales"], cur.at("scales"))
    scales = tuple(_scale(s, i, cur.at("scales", i) if cur else None, registry) for i, s in enumerate(data["scales"]))
    roles = tuple(m.Role(id=r["id"], label=r["label"], description=r["description"], leads=r.get("leads", False),
                         labels=tuple(sorted(r.get("labels", {}).items())))
                  for r in data["roles"])
    kinds = tuple(m.RelationKind(id=k["id"], label=k["label"], inverse_label=k["inverse_label"]) for k in data["relation_kinds"])
    return m.Vocabulary(scales=scales, roles=roles, relation_kinds=kinds)


def _scale(raw: dict[str, Any], position: int, cur: Cursor | None, registry: Registry) -> m.Scale:
    """A scale's statuses; ids and labels unique within it. The first scale's statuses are
    filtered by their bare id (today's links), the others' by ``<scale>.<id>``."""
    if cur:
        registry.unique(raw["statuses"], cur.at("statuses"))
        labels: dict[str, int] = {}
        for j, s in enumerate(raw["statuses"]):
            if s["label"] in labels:
                cur.at("statuses", j, "label").error(
                    f"statusen '{s['label']}' står allerede i skalaen (statuses[{labels[s['label']]}]); "
                    "forventet et navn som er unikt i skalaen (rapportene skriver statusen med navnet)")
            labels.setdefault(s["label"], j)
    statuses = []
    seen: dict[str, int] = {}
    for i, s in enumerate(raw["statuses"]):
        progress = s["progress"]
        statuses.append(m.Status(id=s["id"], label=s["label"], description=s["description"], done=progress == "gjennomfort",
                                 rank=i, progress=progress, scale=raw["id"],
                                 key=s["id"] if position == 0 else f"{raw['id']}.{s['id']}", variant=seen.get(progress, 0)))
        seen[progress] = seen.get(progress, 0) + 1
    return m.Scale(id=raw["id"], label=raw["label"], statuses=tuple(statuses))
