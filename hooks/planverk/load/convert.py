"""Field converters: a value of the data, at a cursor, into a model value, with its errors.

Each takes what it reads as arguments (the tables it resolves against, the registry that
reports unresolved keys) and keeps no state. Where a value cannot be converted the error is
reported and ``None`` returned: nothing is invented in its place.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .. import model as m
from ..prose import link_targets
from .cursor import Cursor
from .registry import Registry

# Prose is rendered to HTML in the core (prose.py), where MkDocs does not rewrite links:
# only absolute web and mail addresses, and anchors, are allowed.
_SAFE_URL = re.compile(r"(https?://|mailto:|#)", re.I)  # used with .match: the start of the target


def source(raw: dict[str, Any], cur: Cursor, documents: dict[str, m.Document], registry: Registry) -> m.Source | None:
    """An entity's own ``source`` (``cur`` is at the source mapping): it must name its document."""
    return _source(raw, cur, documents, registry, None)


def inherited_source(raw: dict[str, Any] | None, cur: Cursor, documents: dict[str, m.Document], registry: Registry,
                     parent: m.Source | None) -> m.Source | None:
    """A child's ``source``: its own where given, else the document (and page) of ``parent``.

    ``parent`` is None only when the parent's source could not be converted; that was reported
    there, so a child that inherits from it gets None without a second error.
    """
    if raw is None:
        return parent
    if raw.get("document") is None and parent is None:
        return None
    return _source(raw, cur, documents, registry, parent)


def _source(raw: dict[str, Any], cur: Cursor, documents: dict[str, m.Document], registry: Registry,
            parent: m.Source | None) -> m.Source | None:
    doc_id = raw.get("document")
    if doc_id is None:
        if parent is None:
            cur.error("mangler 'document' (det er ingenting å arve det fra)")
            return None
        document: m.Document | None = parent.document
    else:
        document = registry.resolve(documents, doc_id, cur.at("document"), "document")
    if document is None:
        return None
    page = raw.get("page")
    if page is not None and not document.has_pages:
        cur.at("page").error(f"side {page} er oppgitt, men dokumentet '{document.id}' har ikke sidetall (has_pages: false)")
    return m.Source(document=document, page=page)


def period(raw: dict[str, Any] | None, cur: Cursor) -> m.Period | None:
    if raw is None:
        return None
    found = m.Period(start=raw["start"], end=raw["end"], text=raw["text"])
    if found.start is not None and found.end is not None and found.start > found.end:
        cur.at("end").error(f"perioden slutter ({found.end}) før den begynner ({found.start}); forventet start ≤ end")
    return found


def prose(text: str | None, cur: Cursor) -> str | None:
    """A prose field: every link target, as the renderer reads it, must be absolute or an anchor."""
    if text is None:
        return None
    for url in link_targets(text):
        if not _SAFE_URL.match(url):
            at = text.find(url)
            cur.error(f"lenkemålet {url!r} er ikke tillatt; forventet en absolutt http(s)- eller mailto-adresse, "
                      f"eller et #anker", line=cur.line_in(text, max(at, 0)))
    return text


def notes(raw: list[dict[str, Any]] | None, cur: Cursor) -> tuple[m.Note, ...]:
    """Internal notes, newest first (only the internal build has any: the field is x-internal)."""
    found = [m.Note(date=n["date"], author=n["author"], kind=n.get("kind"), text=prose(n["text"], cur.at(k, "text")) or "")
             for k, n in enumerate(raw or [])]
    for k, note in enumerate(found):
        try:
            datetime.date.fromisoformat(note.date)
        except ValueError:
            cur.at(k, "date").error(f"datoen {note.date!r} finnes ikke i kalenderen; forventet \"ÅÅÅÅ-MM-DD\" med en dato som finnes")
    return tuple(sorted(found, key=lambda n: n.date, reverse=True))


def organisation(key: str | None, cur: Cursor, organisations: dict[str, m.Organisation], registry: Registry) -> m.Organisation | None:
    return registry.resolve(organisations, key, cur, "organisation")


def themes(ids: list[str] | None, cur: Cursor, table: dict[str, m.Theme], registry: Registry) -> tuple[m.Theme, ...]:
    """``cur`` is at the entity; its ``themes`` list holds theme ids."""
    found = (registry.resolve(table, t, cur.at("themes", i), "theme") for i, t in enumerate(ids or []))
    return tuple(t for t in found if t is not None)


def responsibility(raw: dict[str, Any], cur: Cursor, roles: tuple[m.Role, ...], organisations: dict[str, m.Organisation],
                   registry: Registry) -> m.Responsibility:
    by_id = {r.id: r for r in roles}
    parties = []
    for k, p in enumerate(raw["parties"]):
        role = registry.resolve(by_id, p["role"], cur.at("parties", k, "role"), "role")
        org = organisation(p.get("org"), cur.at("parties", k, "org"), organisations, registry)
        if role is not None:
            parties.append(m.Party(role=role, organisation=org, text=p.get("text")))
    stated = raw.get("stated", True)
    if stated and not raw["parties"]:
        cur.at("parties").error("ansvaret har ingen parter; forventet minst én part, eller «stated: false» når kilden ikke sier "
                                "hvem som har ansvaret")
    if not stated and raw["parties"]:
        cur.at("stated").error("«stated: false» sier at kilden ikke oppgir ansvaret, men parties har parter; "
                               "forventet en tom liste (parties: []) eller at stated fjernes")
    return m.Responsibility(summary=raw.get("summary"), text=raw.get("text"), parties=tuple(parties), stated=stated)
