"""One printable page per plan and per strategy: everything in reading order, for the
browser's "print to PDF" (the print stylesheet hides nav and search and shows link targets)."""

from __future__ import annotations

from .. import model as m
from ..text import html_text, md_text
from .base import Ctx, Page, source_html, title_of


def plan_print_path(plan: m.Plan) -> str:
    return f"handlingsplaner/{plan.id}/utskrift.md"


def strategy_print_path(strategy: m.Strategy) -> str:
    return f"strategier/{strategy.id}/utskrift.md"


def _heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {md_text(text)} {{#{anchor}}}"


def plan_print_page(ctx: Ctx, plan: m.Plan) -> Page:
    body = [f"# {md_text(plan.title)}", f"*{md_text(plan.subtitle)}*" if plan.subtitle else "",
            ctx.fragment(f'<p class="pv-print-note">Utskriftsversjon av {ctx.a(plan, plan.title)}: hele planen i lesrekkefølge.</p>'),
            ctx.prose(plan.description)]
    report = plan.latest_report
    if report:
        body.append(f"Status per {md_text(ctx.when(report.as_of))} ({md_text(report.title)}).")
    for package in plan.packages:
        body.append(_heading(2, title_of(package), package.id))
        if package.description:
            body.append(ctx.prose(package.description))
        for measure in plan.measures_in(package):
            found = ctx.index.entry(measure)
            facts = ["Ansvarlig: " + ", ".join(ctx.text(p.label) + ("" if p.role.id == "ansvarlig" else f" ({html_text(p.role.label.lower())})")
                                                for p in measure.responsibility.parties),
                     f"Periode: {html_text(measure.period.text) if measure.period else 'ikke oppgitt'}"]
            if found:
                facts.append(f"Status: {ctx.badge(found[1].status)}" + (' <span class="pv-overdue">Forfalt</span>' if ctx.index.is_overdue(measure) else ""))
            body += [_heading(3, title_of(measure), measure.id),
                     ctx.fragment('<ul class="pv-facts">' + "".join(f"<li>{f}</li>" for f in facts) + "</ul>"),
                     ctx.prose_html(measure.description, footnotes=measure.id)]
            if found and found[1].narrative:
                entry = found[1]
                body += [f"**Status per {md_text(ctx.when(found[0].as_of))}:**",
                         ctx.prose_html(entry.narrative, footnotes=measure.id, references=entry.references)]
            body.append(ctx.fragment(source_html(ctx, measure.source)))
    return ctx.page(f"{plan.title} – utskrift", "\n\n".join(b for b in body if b), description=f"{plan.title}: hele planen for utskrift",
                    hide=("navigation", "toc"), search_exclude=True, edit=ctx.edit(plan.ref))


def strategy_print_page(ctx: Ctx, s: m.Strategy) -> Page:
    body = [f"# {md_text(s.title)}",
            ctx.fragment(f'<p class="pv-print-note">Utskriftsversjon av {ctx.a(s, s.title)}: hele strategien i lesrekkefølge.</p>')]
    if s.introduction:
        body += [f"## {md_text(s.introduction.title or 'Innledning')}", ctx.prose(s.introduction.text)]
        sign = [x for x in [s.introduction.closing, s.introduction.place, ctx.when(s.introduction.date),
                            s.introduction.signatory.name if s.introduction.signatory else None,
                            s.introduction.signatory.title if s.introduction.signatory else None] if x]
        if sign:
            body.append("  \n".join(md_text(x) for x in sign))
    if s.pyramid_description:
        body += ["## Styringspyramiden", ctx.prose(s.pyramid_description)]
    if s.mission:
        body += [f"## {md_text(s.mission.title)}", ctx.prose(s.mission.text)]
    if s.vision:
        body += [f"## Visjon: {md_text(s.vision.title)}", ctx.prose(s.vision.text)]
        for block in s.vision.explanations:
            body += [f"### {md_text(block.title)}" if block.title else "", ctx.prose(block.text)]
    if s.values:
        body += ["## Verdier", ctx.prose(s.values_intro)]
        for value in s.values:
            body += [f"### {md_text(value.name)}", "\n".join(f"- {md_text(x)}" for x in value.statements)]
    for label, intro, items in (("Brukermål", s.user_goals_intro, s.user_goals), ("Tjenestemål", s.service_goals_intro, s.service_goals),
                                ("Satsingsområder", s.focus_areas_intro, s.focus_areas)):
        if items:
            body += [f"## {label}", ctx.prose(intro), "\n".join(f"- {md_text(x.title)}" for x in items)]
    for section in s.sections:
        body += [f"## {md_text(section.title)}", ctx.prose(section.text)]
    if s.drivers:
        body += [f"## {md_text(s.drivers.title)}", ctx.prose(s.drivers.intro)]
        for cat in s.drivers.categories:
            body += [f"### {md_text(cat.title)}", "\n".join(f"- {md_text(d.title)}" for d in cat.drivers)]
    if s.areas:
        body += ["## Strategiske områder", ctx.prose(s.areas_intro)]
        for area in s.areas:
            body += [f"### {md_text(area.title)}", ctx.prose(area.future)]
            for goal in area.goals:
                body += [f"#### {md_text(goal.title)}", "\n".join(f"{i}. {md_text(g.text)}" for i, g in enumerate(goal.subgoals, 1))]
    body.append(ctx.fragment(source_html(ctx, s.source)))
    return ctx.page(f"{s.title} – utskrift", "\n\n".join(b for b in body if b), description=f"{s.title}: hele strategien for utskrift",
                    hide=("navigation", "toc"), search_exclude=True, edit=ctx.edit(s.ref))
