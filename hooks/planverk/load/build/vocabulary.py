"""vocabulary.yml: statuses, responsibility roles and relation kinds."""

from __future__ import annotations

from ... import model as m
from ..files import File


def vocabulary(file: File | None) -> m.Vocabulary:
    data = file.data if file else {"statuses": [], "roles": [], "relation_kinds": []}
    statuses = tuple(m.Status(id=s["id"], label=s["label"], description=s["description"], done=s["done"], rank=i,
                              progress=s.get("progress", "ukjent"))
                     for i, s in enumerate(data["statuses"]))
    roles = tuple(m.Role(id=r["id"], label=r["label"], description=r["description"], leads=r.get("leads", False),
                         labels=tuple(sorted(r.get("labels", {}).items())))
                  for r in data["roles"])
    kinds = tuple(m.RelationKind(id=k["id"], label=k["label"], inverse_label=k["inverse_label"]) for k in data["relation_kinds"])
    return m.Vocabulary(statuses=statuses, roles=roles, relation_kinds=kinds)
