"""plans/<id>.yml: a plan, its packages and measures, and the status reports on it."""

from __future__ import annotations

from typing import Any

from ... import model as m
from .. import convert
from ..cursor import Cursor
from .known import Known
from .reports import report


def plan(cur: Cursor, known: Known, reports: list[Cursor]) -> m.Plan | None:
    """``reports`` are the report files of every plan; this plan's are built with it."""
    d = cur.file.data
    pid = d["id"]
    registry = known.registry
    src = known.source(d["source"], cur.at("source"))
    owner = known.org(d["owner"], cur.at("owner"))
    registry.unique(d["packages"], cur.at("packages"))
    registry.unique(d["measures"], cur.at("measures"))
    packages: dict[str, m.Package] = {}
    package_places: list[tuple[m.Package, Cursor]] = []
    for j, p in enumerate(d["packages"]):
        at = cur.at("packages", j)
        description = convert.prose(p.get("description"), at.at("description"))
        notes = convert.notes(p.get("notes"), at.at("notes"))
        source = known.child_source(p.get("source"), at.at("source"), src)
        if source is None:
            registry.fail(f"package:{pid}/{p['id']}")
            continue
        pkg = m.Package(id=p["id"], plan_id=pid, number=p["number"], label=p["label"], title=p["title"],
                        description=description, source=source, notes=notes)
        package_places.append((pkg, at))
        packages.setdefault(pkg.id, pkg)
    package_ids = {p["id"] for p in d["packages"]}
    numbers: dict[int, int] = {}
    measure_places: list[tuple[m.Measure, Cursor]] = []
    for j, x in enumerate(d["measures"]):
        at = cur.at("measures", j)
        if x["number"] in numbers:
            at.at("number").error(f"tiltaksnummeret {x['number']} er brukt før (første gang i measures[{numbers[x['number']]}])")
        numbers.setdefault(x["number"], j)
        built = _measure(x, pid, at, known, packages, package_ids, src)
        if built is not None:
            measure_places.append((built, at))
        else:
            registry.fail(f"measure:{pid}/{x['id']}")
    ids = {x["id"] for x in d["measures"]}  # a measure that could not be built is still not unknown
    built_reports = sorted(((r, rc) for rc in reports if rc.file.data["plan"] == pid if (r := report(rc, known, ids)) is not None),
                           key=lambda pair: (pair[0].as_of, pair[0].id))
    period = convert.period(d["period"], cur.at("period"))
    description = convert.prose(d["description"], cur.at("description")) or ""
    themes = known.themes_of(d.get("themes"), cur)
    notes = convert.notes(d.get("notes"), cur.at("notes"))
    if owner is None or src is None:
        registry.fail(f"plan:{pid}", *(f"package:{pid}/{p['id']}" for p in d["packages"]),
                      *(f"measure:{pid}/{x['id']}" for x in d["measures"]))
        return None
    found = m.Plan(id=pid, title=d["title"], subtitle=d.get("subtitle"), owner=owner, period=period, launched=d.get("launched"),
                   description=description, packages=tuple(packages.values()),
                   measures=tuple(sorted((x for x, _ in measure_places), key=lambda x: x.number)),
                   reports=tuple(r for r, _ in built_reports), themes=themes, source=src, notes=notes)
    registry.register(found, cur)
    places: list[tuple[m.Entity, Cursor]] = [*package_places, *measure_places, *built_reports]
    for entity, at in places:  # each at its place in its file, for the line
        registry.register(entity, at)
    return found


def _measure(x: dict[str, Any], pid: str, cur: Cursor, known: Known, packages: dict[str, m.Package], package_ids: set[str],
             src: m.Source | None) -> m.Measure | None:
    """``packages`` are the plan's packages as built; ``package_ids`` all in the file (one
    that could not be built is not unknown: its own error says why)."""
    package = packages.get(x["package"])
    if x["package"] not in package_ids:
        package = known.registry.resolve(packages, x["package"], cur.at("package"), "package", ref=f"package:{pid}/{x['package']}")
    contacts = None
    if x.get("contacts"):
        c = x["contacts"]
        contacts = m.Contacts(text=c["text"], persons=tuple(
            m.Person(name=p["name"], organisation=known.org(p.get("organisation"), cur.at("contacts", "persons", k, "organisation")))
            for k, p in enumerate(c["persons"])))
    actors = tuple(o for o in (known.org(a, cur.at("actors", k)) for k, a in enumerate(x.get("actors", []))) if o)
    source = known.child_source(x.get("source"), cur.at("source"), src)
    responsibility = known.responsibility(x["responsibility"], cur.at("responsibility"))
    period = convert.period(x["period"], cur.at("period"))
    overview_period = convert.period(x.get("overview_period"), cur.at("overview_period"))
    description = convert.prose(x["description"], cur.at("description")) or ""
    themes = known.themes_of(x.get("themes"), cur)
    notes = convert.notes(x.get("notes"), cur.at("notes"))
    if package is None or source is None:
        return None
    return m.Measure(id=x["id"], plan_id=pid, number=x["number"], package=package, title=x["title"],
                     overview_title=x.get("overview_title"), responsibility=responsibility, actors=actors, period=period,
                     overview_period=overview_period, description=description, themes=themes, contacts=contacts,
                     source=source, notes=notes)
