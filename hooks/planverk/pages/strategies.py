"""Strategies: the strategy page with its styringspyramide, and a page per element."""

from __future__ import annotations

from collections.abc import Sequence

from .. import charts, urls
from .. import model as m
from ..index import Coverage
from ..templating import render
from ..text import md_text, plural
from .base import Ctx, Page, block, related, title_of
from .printable import strategy_print_path

LAYER_LABEL = {
    "mission": "Samfunnsoppdrag", "vision": "Visjon", "user_goals": "Brukermål", "service_goals": "Tjenestemål",
    "focus_areas": "Satsingsområder", "values": "Verdier", "areas": "Strategiske områder",
}


LAYER_UNIT = {
    "values": ("verdi", "verdier"), "user_goals": ("brukermål", "brukermål"), "service_goals": ("tjenestemål", "tjenestemål"),
    "focus_areas": ("satsingsområde", "satsingsområder"), "areas": ("strategisk område", "strategiske områder"),
}


def strategy_pages(ctx: Ctx, strategy: m.Strategy) -> list[Page]:
    s = strategy
    pages = [strategy_page(ctx.at(urls.page_of(s.ref)), s)]
    if s.mission:
        c = ctx.at(urls.page_of(s.mission.ref))
        pages.append(_simple(c, s, s.mission, s.mission.title, [c.prose(s.mission.text, source=s.source)]))
    if s.vision:
        c = ctx.at(urls.page_of(s.vision.ref))
        parts = [block("statement", s.vision.title), c.prose(s.vision.text, source=s.source)]
        for explanation in s.vision.explanations:
            parts += [f"## {md_text(explanation.title)}" if explanation.title else "", c.prose(explanation.text, source=s.source)]
        pages.append(_simple(c, s, s.vision, "Visjon", parts, heading=f"Visjon: {s.vision.title}"))
    for value in s.values:
        c = ctx.at(urls.page_of(value.ref))
        parts = ["\n".join(f"- {md_text(x)}" for x in value.statements), _siblings(c, "Verdiene", s.values, value),
                 "## Om verdiene\n\n" + c.prose(s.values_intro, source=s.source) if s.values_intro else ""]
        pages.append(_simple(c, s, value, value.name, parts, heading=f"Verdi: {value.name}"))
    for goal in s.service_goals:
        c = ctx.at(urls.page_of(goal.ref))
        qualities = [*s.common_qualities, *goal.qualities]
        parts = [("Tjenesten skal være: " + ", ".join(md_text(q) for q in qualities) + ".") if qualities else "",
                 _siblings(c, "Tjenestemålene", s.service_goals, goal),
                 "## Om tjenestemålene\n\n" + c.prose(s.service_goals_intro, source=s.source) if s.service_goals_intro else ""]
        pages.append(_simple(c, s, goal, goal.title, parts, heading=f"Tjenestemål: {goal.title}"))
    for user_goal in s.user_goals:
        c = ctx.at(urls.page_of(user_goal.ref))
        parts = [_siblings(c, "Brukermålene", s.user_goals, user_goal),
                 "## Om brukermålene\n\n" + c.prose(s.user_goals_intro, source=s.source) if s.user_goals_intro else ""]
        pages.append(_simple(c, s, user_goal, user_goal.title, parts, heading=f"Brukermål: {user_goal.title}"))
    for focus in s.focus_areas:
        c = ctx.at(urls.page_of(focus.ref))
        parts = [_siblings(c, "Satsingsområdene", s.focus_areas, focus),
                 "## Om satsingsområdene\n\n" + c.prose(s.focus_areas_intro, source=s.source) if s.focus_areas_intro else ""]
        pages.append(_simple(c, s, focus, focus.title, parts, heading=f"Satsingsområde: {focus.title}"))
    for section in s.sections:
        c = ctx.at(urls.page_of(section.ref))
        pages.append(_simple(c, s, section, section.title, [c.prose(section.text, source=s.source)]))
    if s.drivers:
        pages.append(drivers_page(ctx.at(urls.page_of(s.drivers.ref)), s, s.drivers))
    for area in s.areas:
        pages.append(area_page(ctx.at(urls.page_of(area.ref)), s, area))
        pages += [goal_page(ctx.at(urls.page_of(goal.ref)), s, area, goal) for goal in area.goals]
    return pages


def strategies_index(ctx: Ctx) -> Page:
    lines = [f"- {ctx.link(s)} – {ctx.org_link(s.owner)}, {md_text(s.period.text)}" for s in ctx.corpus.strategies.values()]
    return ctx.page("Strategier", "# Strategier\n\n" + "\n".join(lines), description="Virksomhetsstrategiene")


def _simple(c: Ctx, strategy: m.Strategy, entity: m.Entity, title: str, parts: list[str], *,
            heading: str | None = None) -> Page:
    """The page of ``entity``; ``c`` is the context at its page, which ``parts`` were made with (their fragments)."""
    body = [f"# {md_text(heading or title)}", f"Del av {c.link(strategy)}.", *parts, related(c, entity.ref),
            c.source_line(entity.source) if entity.source else ""]
    return c.page(heading or title, "\n\n".join(p for p in body if p),
                description=f"{strategy.title}: {heading or title}", edit=c.edit(entity.ref))


def _siblings(ctx: Ctx, label: str, items: Sequence[m.Entity], current: m.Entity) -> str:
    if len(items) < 2:
        return ""
    return f"## {label}\n\n" + "\n".join(
        f"- **{md_text(title_of(x))}** (denne siden)" if x is current else f"- {ctx.link(x)}" for x in items)


def pyramid(ctx: Ctx, strategy: m.Strategy) -> str:
    """The styringspyramide drawn as an SVG from the data (top layer narrowest, each layer a
    link to its page or its section of the strategy page), with the layers as a text list."""
    if not strategy.pyramid_layers:
        return ""
    home = urls.page_of(strategy.ref)
    layers = []
    for layer in strategy.pyramid_layers:
        ref = _layer_ref(strategy, layer)
        href = ctx.url(ref) if ref else ctx.page_url(home, anchor=layer.replace("_", "-"))
        layers.append(charts.Layer(LAYER_LABEL[layer], _layer_detail(strategy, layer), href))
    return render("pyramid.html", p=charts.pyramid(layers), id=f"pyramide-{strategy.id}")


def _layer_ref(strategy: m.Strategy, layer: str) -> str | None:
    if layer == "mission" and strategy.mission:
        return strategy.mission.ref
    if layer == "vision" and strategy.vision:
        return strategy.vision.ref
    return None  # groups link to their section on the strategy page


def _layer_detail(strategy: m.Strategy, layer: str) -> str:
    if layer == "vision" and strategy.vision:
        return strategy.vision.title
    counts = {"values": len(strategy.values), "service_goals": len(strategy.service_goals), "user_goals": len(strategy.user_goals),
              "focus_areas": len(strategy.focus_areas), "areas": len(strategy.areas)}
    if layer == "mission" and strategy.mission:
        return strategy.mission.title if strategy.mission.title != LAYER_LABEL["mission"] else ""
    return plural(counts[layer], LAYER_UNIT[layer][0], LAYER_UNIT[layer][1]) if counts.get(layer) else ""


def strategy_page(ctx: Ctx, s: m.Strategy) -> Page:
    body = [f"# {md_text(s.title)}",
            f"- **Organisasjon:** {ctx.org_link(s.owner)}\n- **Periode:** {md_text(s.period.text)}"]
    if s.pyramid_layers:
        body += ["## Styringspyramiden", ctx.fragment(pyramid(ctx, s)), ctx.prose(s.pyramid_description, source=s.source)]
    elif s.source.document.extraction_note and "styringspyramide" in s.source.document.extraction_note.lower():
        body.append("!!! note \"Styringspyramiden\"\n    Kildedokumentet har en styringspyramide som grafikk, men den gikk tapt da teksten "
                    "ble hentet ut av dokumentet, og lagene er ikke beskrevet i teksten. Den er derfor ikke gjengitt her.")
    if s.introduction:
        intro = s.introduction
        body += [f"## {md_text(intro.title)}" if intro.title else "## Innledning", ctx.prose(intro.text, source=s.source)]
        sign = [x for x in [intro.closing, ", ".join(filter(None, [intro.place, ctx.when(intro.date)]))] if x]
        if intro.signatory:
            sign.append(intro.signatory.name + (f", {intro.signatory.title}" if intro.signatory.title else ""))
        if sign:
            body.append("  \n".join(md_text(x) for x in sign))
    if s.mission:
        body += ['## Samfunnsoppdrag {#mission}', f"{ctx.link(s.mission, 'Les samfunnsoppdraget')}"]
    if s.vision:
        body += ["## Visjon {#vision}", block("statement", s.vision.title), ctx.link(s.vision, "Om visjonen")]
    groups: list[tuple[str, str, tuple[m.Entity, ...]]] = [
        ("Verdier", "values", s.values),
        ("Brukermål", "user-goals", s.user_goals),
        ("Tjenestemål", "service-goals", s.service_goals),
        ("Satsingsområder", "focus-areas", s.focus_areas),
    ]
    for label, anchor, items in groups:
        if items:
            body += [f"## {label} {{#{anchor}}}", "\n".join(f"- {ctx.link(x)}" for x in items)]
    if s.areas:
        body += ["## Strategiske områder {#areas}", ctx.prose(s.areas_intro, source=s.source)]
        for area in s.areas:
            body.append(f"- {ctx.link(area)}\n" + "\n".join(f"    - {ctx.link(g)}" for g in area.goals))
    if s.drivers:
        body += ["## Drivkrefter", f"{ctx.link(s.drivers)} ({plural(s.drivers.count, 'drivkraft', 'drivkrefter')} i "
                                    f"{plural(len(s.drivers.categories), 'kategori', 'kategorier')})"]
    if s.sections:
        body += ["## Mer fra strategien", "\n".join(f"- {ctx.link(x)}" for x in s.sections)]
    body += ["## Dekning: mål med tiltak", _coverage(ctx, s), related(ctx, s.ref),
             f"[Utskriftsvennlig versjon av hele strategien]({ctx.to(strategy_print_path(s))})", ctx.source_line(s.source)]
    return ctx.page(s.title, "\n\n".join(p for p in body if p), description=f"{s.title}: visjon, verdier, mål og strategiske områder",
                edit=ctx.edit(s.ref), tags=tuple(t.title for t in s.themes))


def _coverage(ctx: Ctx, s: m.Strategy) -> str:
    """Which goals have measures linked to them in the data, and which have none."""
    goals = Coverage(ctx.index).goals(s)
    if not goals:
        return ""
    covered = [(g, refs) for g, refs in goals if refs]
    summary = (f"{len(covered)} av {len(goals)} mål har tiltak koblet til seg i dataene; "
               f"{len(goals) - len(covered)} har ingen.")
    rows = [(ctx.a(g), [ctx.a(ctx.corpus.get(r)) for r in refs]) for g, refs in goals]
    return summary + "\n\n" + ctx.html("coverage.html", goals=rows)


def drivers_page(ctx: Ctx, s: m.Strategy, drivers: m.Drivers) -> Page:
    cats = drivers.categories
    depth = max(len(c.drivers) for c in cats)
    rows = [[(c.id, c.drivers[i].id, ctx.text(c.drivers[i].title)) if i < len(c.drivers) else (c.id, "", "")
             for c in cats] for i in range(depth)]
    table = ctx.html("drivers.html", title=drivers.title, count=drivers.count, categories=cats, rows=rows)
    lists = "\n\n".join(f"### {md_text(c.title)}\n\n" + "\n".join(f"- {md_text(d.title)}" for d in c.drivers) for c in cats)
    body = [f"# {md_text(drivers.title)}", f"Del av {ctx.link(s)}.", ctx.prose(drivers.intro, source=s.source), table,
            "## Drivkreftene per kategori", lists,
            "## Slik er tabellen gjenskapt\n\n" + ctx.prose(drivers.reconstruction, source=s.source) if drivers.reconstruction else "",
            ctx.source_line(drivers.source)]
    return ctx.page(drivers.title, "\n\n".join(p for p in body if p), description=f"{s.title}: drivkrefter", edit=ctx.edit(drivers.ref))


def area_page(ctx: Ctx, s: m.Strategy, area: m.StrategicArea) -> Page:
    body = [f"# {md_text(area.title)}", f"Strategisk område i {ctx.link(s)}."]
    if area.future:
        body += [f"## {md_text(s.areas_future_title or 'Ønsket situasjon')}", ctx.prose(area.future, source=s.source)]
        if area.future_source:
            body.append(ctx.source_line(area.future_source))
    body.append("## Mål og delmål")
    for goal in area.goals:
        body.append(f"### {md_text(goal.title)} {{#{goal.id}}}")
        body.append(_subgoals(ctx, goal, prefix=f"{goal.id}-"))
        body.append(ctx.link(goal, f"Mer om målet «{goal.title}»"))
    others = [a for a in s.areas if a is not area]
    body += [
        "## Andre strategiske områder",
        "\n".join(f"- {ctx.link(a)}" for a in others),
        related(ctx, area.ref),
        ctx.source_line(area.source),
    ]
    return ctx.page(area.title, "\n\n".join(p for p in body if p), description=f"{s.title}: {area.title}",
                edit=ctx.edit(area.ref), tags=tuple(t.title for t in area.themes))


def _subgoals(ctx: Ctx, goal: m.Goal, *, prefix: str) -> str:
    """The delmål as a numbered list, each item with a stable anchor (#delmal-2, or
    #<goal>-delmal-2 on the area page, which lists several goals)."""
    return ctx.fragment(block("subgoals", prefix, [(sg.id, ctx.text(sg.text)) for sg in goal.subgoals]))


def goal_page(ctx: Ctx, s: m.Strategy, area: m.StrategicArea, goal: m.Goal) -> Page:
    body = [f"# {md_text(goal.title)}", f"Mål under {ctx.link(area)} i {ctx.link(s)}.", "## Delmål",
            _subgoals(ctx, goal, prefix="")]
    rel = related(ctx, goal.ref, "Tiltak og relasjoner")
    body.append(rel or "## Tiltak og relasjoner\n\nIngen tiltak i dataene er koblet til dette målet.")
    siblings = [g for g in area.goals if g is not goal]
    body += ["## Andre mål i området", "\n".join(f"- {ctx.link(g)}" for g in siblings), ctx.source_line(goal.source)]
    return ctx.page(goal.title, "\n\n".join(p for p in body if p), description=f"{s.title}: {area.title} – {goal.title}",
                edit=ctx.edit(goal.ref))
