"""organisations.yml: ministries, agencies, municipalities and their parents."""

from __future__ import annotations

from ... import model as m
from .. import convert
from ..cursor import Cursor
from ..registry import Registry


def organisations(cur: Cursor | None, documents: dict[str, m.Document], registry: Registry) -> dict[str, m.Organisation]:
    out: dict[str, m.Organisation] = {}
    listed = registry.listed(cur, "organisations")
    for o, at in listed:
        former = tuple(m.FormerName(name=f["name"], source=s) for j, f in enumerate(o.get("former_names", []))
                       if (s := convert.source(f["source"], at.at("former_names", j, "source"), documents, registry)))
        source = convert.source(o["source"], at.at("source"), documents, registry)
        if source is None:
            registry.fail(f"org:{o['id']}")
            continue
        org = m.Organisation(
            id=o["id"], abbreviation=o.get("abbreviation"), name=o["name"], category=o["kind"], parent_id=o.get("parent"),
            former_names=former, other_names=tuple(o.get("other_names", [])),
            expansion_is_editorial=o.get("expansion_is_editorial", False), internal=o.get("internal", False), source=source)
        out[org.id] = org
        registry.register(org, at)
    for o, at in listed:
        if o.get("parent") is not None:
            registry.resolve(out, o["parent"], at.at("parent"), "organisation")
    return out
