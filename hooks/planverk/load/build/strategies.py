"""strategies/<id>.yml: a strategy and its mission, vision, values, goals, areas and sections."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from ... import model as m
from .. import convert
from ..cursor import Cursor
from .known import Known

T = TypeVar("T")
Placed = list[tuple[T, Cursor]]  # entities with where each is in the file


def placed(items: list[dict[str, Any]], at: Cursor, make: Callable[[dict[str, Any], Cursor], T | None]) -> Placed[T]:
    """``make`` for each item of the list at ``at``; the items it could build, with their cursor."""
    return [(found, cur) for j, x in enumerate(items) if (found := make(x, cur := at.at(j))) is not None]


def strategy(cur: Cursor, known: Known) -> m.Strategy | None:
    d = cur.file.data
    sid = d["id"]
    registry = known.registry
    src = known.source(d["source"], cur.at("source"))
    owner = known.org(d["owner"], cur.at("owner"))

    def source_of(raw: dict[str, Any], at: Cursor) -> m.Source | None:
        return known.child_source(raw.get("source"), at.at("source"), src)

    def md(text: str | None, *path: str | int) -> str | None:
        return convert.prose(text, cur.at(*path))

    def items(block: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = d.get(block, {}).get("items", [])
        registry.unique(found, cur.at(block, "items"))
        return found

    intro = _introduction(d["introduction"], cur.at("introduction"), source_of) if "introduction" in d else None
    mission = None
    if "mission" in d:
        mtext = md(d["mission"]["text"], "mission", "text") or ""
        if msrc := source_of(d["mission"], cur.at("mission")):
            mission = m.Mission(strategy_id=sid, title=d["mission"]["title"], text=mtext, source=msrc)
    vision = None
    if "vision" in d:
        v = d["vision"]
        explanations = _only(placed(v.get("explanations", []), cur.at("vision", "explanations"), lambda e, at: _block(e, at, source_of)))
        vtext = md(v.get("text"), "vision", "text")
        if vsrc := source_of(v, cur.at("vision")):
            vision = m.Vision(strategy_id=sid, title=v["title"], text=vtext, explanations=explanations, source=vsrc)
    values = placed(items("values"), cur.at("values", "items"), lambda x, at: (
        m.Value(id=x["id"], strategy_id=sid, name=x["name"], statements=tuple(x["statements"]), source=s)
        if (s := source_of(x, at)) else None))
    service_goals = placed(items("service_goals"), cur.at("service_goals", "items"), lambda x, at: (
        m.ServiceGoal(id=x["id"], strategy_id=sid, title=x["title"], qualities=tuple(x.get("qualities", [])), source=s)
        if (s := source_of(x, at)) else None))
    user_goals = placed(items("user_goals"), cur.at("user_goals", "items"), lambda x, at: (
        m.UserGoal(id=x["id"], strategy_id=sid, title=x["title"], source=s) if (s := source_of(x, at)) else None))
    focus_areas = placed(items("focus_areas"), cur.at("focus_areas", "items"), lambda x, at: (
        m.FocusArea(id=x["id"], strategy_id=sid, title=x["title"], source=s) if (s := source_of(x, at)) else None))
    registry.unique(d.get("sections", []), cur.at("sections"))
    sections = placed(d.get("sections", []), cur.at("sections"), lambda x, at: _section(x, sid, at, source_of))
    drivers = _drivers(d["drivers"], sid, cur.at("drivers"), known, source_of) if "drivers" in d else None
    areas = placed(items("areas"), cur.at("areas", "items"), lambda a, at: _area(a, sid, at, known, source_of(a, at), src))
    pyramid = d.get("pyramid", {})
    for j, layer in enumerate(pyramid.get("layers", [])):
        if layer not in d:
            cur.at("pyramid", "layers", j).error(f"laget '{layer}' har ingen '{layer}'-blokk i denne strategien")
    period = convert.period(d["period"], cur.at("period"))
    if owner is None or src is None or period is None:
        registry.fail(*_refs(d))
        return None
    found = m.Strategy(
        id=sid, title=d["title"], owner=owner, period=period, source=src,
        themes=known.themes_of(d.get("themes"), cur), introduction=intro, mission=mission, vision=vision,
        values_intro=md(d.get("values", {}).get("intro"), "values", "intro"), values=_only(values),
        service_goals_intro=md(d.get("service_goals", {}).get("intro"), "service_goals", "intro"),
        common_qualities=tuple(d.get("service_goals", {}).get("common_qualities", [])), service_goals=_only(service_goals),
        user_goals_intro=md(d.get("user_goals", {}).get("intro"), "user_goals", "intro"), user_goals=_only(user_goals),
        focus_areas_intro=md(d.get("focus_areas", {}).get("intro"), "focus_areas", "intro"), focus_areas=_only(focus_areas),
        pyramid_description=md(pyramid.get("description"), "pyramid", "description"), pyramid_layers=tuple(pyramid.get("layers", [])),
        sections=_only(sections), drivers=drivers, areas_intro=md(d.get("areas", {}).get("intro"), "areas", "intro"),
        areas_future_title=d.get("areas", {}).get("future_title"), areas=_only(areas))
    registry.register(found, cur)
    for part, block in [(mission, "mission"), (vision, "vision"), (drivers, "drivers")]:
        if part is not None:
            registry.register(part, cur.at(block))
    for group in (values, service_goals, user_goals, focus_areas, areas, sections):
        for entity, at in group:
            registry.register(entity, at)
    for area, at in areas:
        for k, goal in enumerate(area.goals):  # an area is built only with all its goals
            registry.register(goal, at.at("goals", k))
    registry.fail(*(ref for ref in _refs(d) if ref not in registry.entities))  # parts that could not be built
    return found


def _refs(d: dict[str, Any]) -> list[str]:
    """The refs of the strategy and every part of it that has one, as the data defines them."""
    sid = d["id"]
    refs = [f"strategy:{sid}", *(f"{kind}:{sid}" for kind, block in (("mission", "mission"), ("vision", "vision"),
                                                                        ("drivers", "drivers")) if block in d)]
    for kind, block in (("value", "values"), ("service-goal", "service_goals"), ("user-goal", "user_goals"),
                        ("focus-area", "focus_areas"), ("area", "areas")):
        refs += [f"{kind}:{sid}/{x['id']}" for x in d.get(block, {}).get("items", [])]
    refs += [f"section:{sid}/{x['id']}" for x in d.get("sections", [])]
    refs += [f"goal:{sid}/{a['id']}/{g['id']}" for a in d.get("areas", {}).get("items", []) for g in a["goals"]]
    return refs


def _only(pairs: Placed[T]) -> tuple[T, ...]:
    return tuple(found for found, _ in pairs)


def _introduction(i: dict[str, Any], cur: Cursor, source_of: SourceOf) -> m.Introduction | None:
    sig = i.get("signatory")
    text = convert.prose(i["text"], cur.at("text")) or ""
    source = source_of(i, cur)
    if source is None:
        return None
    return m.Introduction(title=i.get("title"), text=text, closing=i.get("closing"), place=i.get("place"), date=i.get("date"),
                          signatory=m.Signatory(name=sig["name"], title=sig.get("title")) if sig else None, source=source)


SourceOf = Callable[[dict[str, Any], Cursor], m.Source | None]


def _block(e: dict[str, Any], cur: Cursor, source_of: SourceOf) -> m.TextBlock | None:
    text = convert.prose(e["text"], cur.at("text")) or ""
    source = source_of(e, cur)
    return m.TextBlock(title=e.get("title"), text=text, source=source) if source else None


def _section(x: dict[str, Any], sid: str, cur: Cursor, source_of: SourceOf) -> m.Section | None:
    text = convert.prose(x["text"], cur.at("text")) or ""
    source = source_of(x, cur)
    return m.Section(id=x["id"], strategy_id=sid, title=x["title"], text=text, source=source) if source else None


def _drivers(dv: dict[str, Any], sid: str, cur: Cursor, known: Known,
             source_of: SourceOf) -> m.Drivers | None:
    known.registry.unique(dv["categories"], cur.at("categories"))
    known.registry.unique([x for c in dv["categories"] for x in c["items"]], cur.at("items"))
    intro = convert.prose(dv.get("intro"), cur.at("intro"))
    reconstruction = convert.prose(dv.get("reconstruction"), cur.at("reconstruction"))
    source = source_of(dv, cur)
    if source is None:
        return None
    categories = tuple(m.DriverCategory(id=c["id"], title=c["title"],
                                        drivers=tuple(m.Driver(id=x["id"], title=x["title"], category_id=c["id"]) for x in c["items"]))
                       for c in dv["categories"])
    return m.Drivers(strategy_id=sid, title=dv["title"], intro=intro, reconstruction=reconstruction, categories=categories, source=source)


def _area(a: dict[str, Any], sid: str, cur: Cursor, known: Known, asrc: m.Source | None, src: m.Source | None) -> m.StrategicArea | None:
    known.registry.unique(a["goals"], cur.at("goals"))
    goals = []
    for k, g in enumerate(a["goals"]):
        known.registry.unique(g["subgoals"], cur.at("goals", k, "subgoals"))
        gsrc = known.child_source(g.get("source"), cur.at("goals", k, "source"), asrc)
        if gsrc is not None:
            goals.append(m.Goal(id=g["id"], strategy_id=sid, area_id=a["id"], title=g["title"],
                                subgoals=tuple(m.SubGoal(id=s["id"], text=s["text"]) for s in g["subgoals"]), source=gsrc))
    future = convert.prose(a.get("future"), cur.at("future"))
    future_source = known.child_source(a["future_source"], cur.at("future_source"), src) if a.get("future_source") else None
    themes = known.themes_of(a.get("themes"), cur)
    if asrc is None or len(goals) < len(a["goals"]) or (a.get("future_source") and future_source is None):
        return None
    return m.StrategicArea(id=a["id"], strategy_id=sid, title=a["title"], future=future, future_source=future_source,
                           goals=tuple(goals), themes=themes, source=asrc)

