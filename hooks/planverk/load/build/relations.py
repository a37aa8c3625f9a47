"""relations/*.yml: typed links between any two entities, each with the quote that states it."""

from __future__ import annotations

from typing import Iterable

from ... import model as m
from ..cursor import Cursor
from .known import Known


def relations(files: list[Cursor], known: Known) -> Iterable[m.Relation]:
    kinds = {k.id: k for k in known.vocabulary.relation_kinds}
    seen: dict[tuple[str, str, str], Cursor] = {}
    for cur in files:
        for j, r in enumerate(cur.file.data["relations"]):
            at = cur.at("relations", j)
            ok = True
            for end in ("from", "to"):
                if not known.registry.known(r[end]):
                    ok = False
                    cur.report.unresolved_ref(r[end], "enheten", r[end])
                    at.at(end).error(f"henvisningen '{r[end]}' peker ikke på noen enhet")
            key = (r["from"], r["to"], r["kind"])
            if key in seen:
                at.error(f"relasjonen {r['from']} {r['kind']} {r['to']} står to ganger (også i {seen[key].where}); oppgi den én gang")
                continue
            seen[key] = at
            if ok and not all(ref in known.registry.entities for ref in (r["from"], r["to"])):
                ok = False  # an end that could not be built; its error says why
            if r["from"] == r["to"]:
                at.at("to").error("en relasjon kan ikke peke på seg selv (from og to er like)")
                ok = False
            source = known.source(r["source"], at.at("source")) if ok else None
            if source is not None:
                yield m.Relation(from_ref=r["from"], to_ref=r["to"], kind=kinds[r["kind"]], quote=r["quote"], note=r.get("note"),
                                 source=source)
