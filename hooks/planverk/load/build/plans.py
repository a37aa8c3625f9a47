"""plans/<id>.yml: a plan, its tree of groups and measures, and the status reports on it.

Groups and measures are flat lists in the file; ``parent`` (a group's) and ``group`` /
``parent`` (a measure's) make the tree. Either may name an item later in its list: the tree
is built from the references, not the order. The order of siblings is the file's order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ... import model as m
from .. import convert
from ..cursor import Cursor
from .known import Known
from .reports import report, scale_named

T = TypeVar("T")


def number(raw: object) -> str | None:
    """A number as written: the schema allows a string or a whole number (``21`` is "21")."""
    return None if raw is None else str(raw)


def plan(cur: Cursor, known: Known, reports: list[Cursor]) -> m.Plan | None:
    """``reports`` are the report files of every plan; this plan's are built with it."""
    d = cur.file.data
    pid = d["id"]
    registry = known.registry
    src = known.source(d["source"], cur.at("source"))
    owner = known.org(d["owner"], cur.at("owner"))
    registry.unique(d["groups"], cur.at("groups"))
    registry.unique(d["measures"], cur.at("measures"))
    group_ids = {g["id"] for g in d["groups"]}  # a group and a measure with one id: the URL check reports it
    measure_ids = {x["id"] for x in d["measures"]}

    groups = _tree(d["groups"], cur.at("groups"), "gruppe", lambda g, at, parent: _group(g, at, parent, pid, known, src))
    by_group = {g.id: g for g, _ in groups}

    top = [number(x.get("number")) for x in d["measures"] if x.get("parent") is None and x.get("number") is not None]
    per_group = len(set(top)) < len(top)  # "Mål 3, tiltak 1": numbers start again in each group

    def build_measure(x: dict[str, Any], at: Cursor, parent: m.Measure | None) -> m.Measure | None:
        if parent is not None:
            group: m.Group | None = parent.group
            if x.get("group") is not None and x["group"] != parent.group.id:
                at.at("group").error(f"et deltiltak hører til gruppen til tiltaket over seg ('{parent.group.id}'), men group sier "
                                     f"'{x['group']}'; forventet at group tas bort")
        elif x.get("group") is None:
            at.error("tiltaket har verken group (gruppen det hører til) eller parent (tiltaket det er et deltiltak av); "
                     "forventet én av dem")
            group = None
        elif x["group"] in group_ids:
            group = by_group.get(x["group"])  # None: the group has an error of its own
        else:
            group = registry.resolve(by_group, x["group"], at.at("group"), "group", ref=f"group:{pid}/{x['group']}")
        return _measure(x, pid, at, known, group, parent, src, per_group)

    measures = _tree(d["measures"], cur.at("measures"), "tiltak", build_measure, parent_key="parent", known_ids=measure_ids)
    _siblings_numbered_once(cur.at("groups"), [(g.parent.id if g.parent else "", g.number, at) for g, at in groups], "gruppen")
    _siblings_numbered_once(cur.at("measures"), [(x.parent.id if x.parent else f"group:{x.group.id}", x.number, at)
                                                 for x, at in measures], "tiltaket")
    failed = [f"measure:{pid}/{x['id']}" for x in d["measures"] if x["id"] not in {y.id for y, _ in measures}]
    failed += [f"group:{pid}/{g['id']}" for g in d["groups"] if g["id"] not in by_group]
    registry.fail(*failed)

    scale = scale_named(d.get("scale"), known, cur)
    built_reports = sorted(((r, rc) for rc in reports if rc.file.data["plan"] == pid
                            if (r := report(rc, known, measure_ids, scale, group_ids)) is not None),
                           key=lambda pair: (pair[0].as_of, pair[0].id))
    period = convert.period(d["period"], cur.at("period"))
    description = convert.prose(d["description"], cur.at("description")) or ""
    themes = known.themes_of(d.get("themes"), cur)
    notes = convert.notes(d.get("notes"), cur.at("notes"))
    if owner is None or src is None:
        registry.fail(f"plan:{pid}", *(f"group:{pid}/{g['id']}" for g in d["groups"]),
                      *(f"measure:{pid}/{x['id']}" for x in d["measures"]))
        return None
    found = m.Plan(id=pid, title=d["title"], subtitle=d.get("subtitle"), owner=owner, period=period, launched=d.get("launched"),
                   description=description, groups=_depth_first([g for g, _ in groups], lambda g: g.parent),
                   measures=tuple(x for x, _ in measures if x.parent is None),
                   sub_measures=tuple(x for x, _ in measures if x.parent is not None),
                   reports=tuple(r for r, _ in built_reports), themes=themes, source=src, notes=notes,
                   editorial=tuple(d.get("editorial", ())), scale=scale)
    registry.register(found, cur)
    places: list[tuple[m.Entity, Cursor]] = [*groups, *measures, *built_reports]
    for entity, at in places:  # each at its place in its file, for the line
        registry.register(entity, at)
    return found


def _tree(items: list[dict[str, Any]], cur: Cursor, what: str, build: Callable[[dict[str, Any], Cursor, Any], T | None],
          parent_key: str = "parent", known_ids: set[str] | None = None) -> list[tuple[T, Cursor]]:
    """Build ``items`` so that each one's parent (``item[parent_key]``, an id in the same list)
    is built before it; returns (built, cursor) in the file's order. An unknown parent and a
    cycle are errors at the item; an item whose parent failed fails without a second error."""
    raw = {x["id"]: (x, cur.at(k)) for k, x in enumerate(items)}
    built: dict[str, T | None] = {}
    state: dict[str, str] = {}

    def visit(ident: str) -> T | None:
        if ident in built:
            return built[ident]
        x, at = raw[ident]
        parent_id = x.get(parent_key)
        parent: T | None = None
        if parent_id is not None:
            if parent_id not in raw:
                known = ", ".join(sorted(raw)[:12]) + (" …" if len(raw) > 12 else "")
                at.at(parent_key).error(f"ukjent {what} '{parent_id}' som {parent_key}; forventet id-en til et annet {what} i samme "
                                        f"plan: {known}")
                built[ident] = None
                return None
            if state.get(parent_id) == "visiting" or parent_id == ident:
                at.at(parent_key).error(f"{parent_key} '{parent_id}' gir en sirkel: {what} '{ident}' ligger da inni seg selv; "
                                        "forventet et tre uten sirkler")
                built[ident] = None
                return None
            state[ident] = "visiting"
            parent = visit(parent_id)
            if parent is None:
                built[ident] = None
                return None
        state[ident] = "done"
        built[ident] = build(x, at, parent)
        return built[ident]

    out = []
    for ident, (_, at) in raw.items():
        result = visit(ident)
        if result is not None:
            out.append((result, at))
    return out


def _depth_first(items: list[T], parent_of: Callable[[T], T | None]) -> tuple[T, ...]:
    """Each item followed by its children, siblings in the given order."""
    children: dict[int, list[T]] = {}
    roots = []
    for x in items:
        p = parent_of(x)
        if p is None:
            roots.append(x)
        else:
            children.setdefault(id(p), []).append(x)

    def walk(x: T) -> list[T]:
        return [x, *(y for c in children.get(id(x), ()) for y in walk(c))]
    return tuple(y for r in roots for y in walk(r))


def _siblings_numbered_once(cur: Cursor, items: list[tuple[str, str | None, Cursor]], what: str) -> None:
    """A number is unique among its siblings (the same parent); unnumbered items are fine."""
    seen: dict[tuple[str, str], Cursor] = {}
    for parent, num, at in items:
        if num is None:
            continue
        first = seen.setdefault((parent, num), at)
        if first is not at:
            at.at("number").error(f"nummeret «{num}» er brukt før på samme nivå (linje {first.line}); forventet et nummer som er "
                                  f"unikt blant {what}s søsken, eller number: null om kilden ikke nummererer")


def _group(g: dict[str, Any], at: Cursor, parent: m.Group | None, pid: str, known: Known, src: m.Source | None) -> m.Group | None:
    source = known.child_source(g.get("source"), at.at("source"), parent.source if parent else src)
    description = convert.prose(g.get("description"), at.at("description"))
    notes = convert.notes(g.get("notes"), at.at("notes"))
    responsibility = known.responsibility(g["responsibility"], at.at("responsibility")) if g.get("responsibility") else None
    period = convert.period(g.get("period"), at.at("period"))
    if source is None:
        return None
    return m.Group(id=g["id"], plan_id=pid, number=number(g.get("number")), label=g["label"], title=g["title"],
                   description=description, source=source, parent=parent, goal=g.get("goal", False),
                   responsibility=responsibility, period=period, notes=notes, editorial=tuple(g.get("editorial", ())))


_NOT_STATED = m.Responsibility(summary=None, text=None, parties=(), stated=False)


def names(num: str | None, group: m.Group, parent: m.Measure | None, per_group: bool) -> tuple[str, str]:
    """(number_text, designation) of a measure: how tables and headings name it.

    A sub-measure is named after its parent ("Tiltak 3 a"), unless its own number already
    starts with the parent's ("3.1"); in a plan that numbers per group, a measure is named
    after its group as the source does ("Mål 3, tiltak 1")."""
    if num is None:
        return "", ""
    if parent is not None:
        if not parent.number_text or num.startswith(parent.number_text):
            text = num
        else:
            text = f"{parent.number_text} {num}"
        return text, (f"Tiltak {text}" if not parent.designation or parent.designation.startswith("Tiltak ") else
                      f"{parent.designation} {num}")
    if per_group and group.number is not None:
        text = f"{group.label} {group.number}, tiltak {num}"
        return text, text
    return num, f"Tiltak {num}"


def _measure(x: dict[str, Any], pid: str, cur: Cursor, known: Known, group: m.Group | None, parent: m.Measure | None,
             src: m.Source | None, per_group: bool) -> m.Measure | None:
    contacts = None
    if x.get("contacts"):
        c = x["contacts"]
        contacts = m.Contacts(text=c["text"], persons=tuple(
            m.Person(name=p["name"], organisation=known.org(p.get("organisation"), cur.at("contacts", "persons", k, "organisation")))
            for k, p in enumerate(c["persons"])))
    actors = tuple(o for o in (known.org(a, cur.at("actors", k)) for k, a in enumerate(x.get("actors", []))) if o)
    inherited = parent.source if parent else src  # a top-level measure's place is the plan's document
    source = known.child_source(x.get("source"), cur.at("source"), inherited)
    raw = x.get("responsibility")
    responsibility = known.responsibility(raw, cur.at("responsibility")) if raw is not None else _NOT_STATED
    period = convert.period(x.get("period"), cur.at("period"))
    overview_period = convert.period(x.get("overview_period"), cur.at("overview_period"))
    description = convert.prose(x.get("description"), cur.at("description")) or ""
    themes = known.themes_of(x.get("themes"), cur)
    notes = convert.notes(x.get("notes"), cur.at("notes"))
    if group is None or source is None:
        return None
    num = number(x.get("number"))
    number_text, designation = names(num, group, parent, per_group)
    return m.Measure(id=x["id"], plan_id=pid, number=num, number_text=number_text, designation=designation, group=group,
                     title=x["title"],
                     overview_title=x.get("overview_title"), responsibility=responsibility, actors=actors, period=period,
                     overview_period=overview_period, description=description, themes=themes, contacts=contacts,
                     source=source, notes=notes, parent=parent, editorial=tuple(x.get("editorial", ())))
