"""themes.yml and glossary.yml; an organisation's abbreviation is a term too."""

from __future__ import annotations

from ... import model as m
from .. import convert
from ..cursor import Cursor
from ..registry import Registry


def themes(cur: Cursor | None, registry: Registry) -> dict[str, m.Theme]:
    out: dict[str, m.Theme] = {}
    for t, at in registry.listed(cur, "themes"):
        theme = m.Theme(id=t["id"], title=t["title"], description=t["description"])
        out[theme.id] = theme
        registry.register(theme, at)
    return out


def terms(cur: Cursor | None, organisations: dict[str, m.Organisation], documents: dict[str, m.Document],
          registry: Registry) -> dict[str, m.Term]:
    """The glossary, in the order of the terms themselves (case-insensitive)."""
    out: dict[str, m.Term] = {}
    for org in organisations.values():
        if org.abbreviation and org.abbreviation != org.name:
            out[org.id] = m.Term(id=org.id, term=org.abbreviation, expansion=org.name, description=None,
                                 expansion_is_editorial=org.expansion_is_editorial, source=org.source, organisation_id=org.id)
    spelled = {t.term: t for t in out.values()}
    for t, at in registry.listed(cur, "terms"):
        if t["id"] in out or t["term"] in spelled:
            at.at("term").error(f"'{t['term']}' er allerede forkortelsen til en organisasjon; definer den én gang, i organisations.yml")
            continue
        source = convert.source(t["source"], at.at("source"), documents, registry)
        if source is None:
            continue
        out[t["id"]] = m.Term(id=t["id"], term=t["term"], expansion=t["expansion"], description=t.get("description"),
                              expansion_is_editorial=t.get("expansion_is_editorial", False), source=source)
    for term in out.values():
        registry.add(term.ref, term)
    return dict(sorted(out.items(), key=lambda kv: kv[1].term.casefold()))
