"""One printable page per plan and per strategy: a document to hand out, for the browser's
"print to PDF". A cover (what, who issued it, which status), then for a plan the status
summary first, then everything in reading order. Running heads (the document's name) and page
numbers come from overrides/print.html and stylesheets/print.css (CSS @page margin boxes).
In the internal build a plan's measures carry their internal contact persons."""

from __future__ import annotations

from markupsafe import Markup

from .. import model as m
from .. import urls
from ..templating import render
from ..text import md_text
from .base import Ctx, Page, block, commas, source_html, title_of
from .internal import notes_html
from .summary import SummaryRow, status_summary, summary_groups

TEMPLATE = "print.html"


def plan_print_path(plan: m.Plan) -> str:
    return urls.print_page(plan.ref)


def strategy_print_path(strategy: m.Strategy) -> str:
    return urls.print_page(strategy.ref)


def css_string(text: str) -> str:
    """``text`` for inside a CSS string: every character but ASCII letters, digits and spaces
    as a six-digit hex escape, so nothing from data can end the string or the <style>."""
    return "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):06x}" for c in " ".join(text.split()))


def _heading(level: int, text: str, anchor: str, css: str = "") -> str:
    return f"{'#' * level} {md_text(text)} {{#{anchor}{' .' + css if css else ''}}}"


def _cover(ctx: Ctx, entity: m.Plan | m.Strategy, *, kind: str, subtitle: str | None, facts: list[tuple[str, str]],
           what: str, short: str) -> str:
    href = ctx.url(entity.ref)
    return ctx.html("cover.html", id="forside", kind=kind, title=entity.title, subtitle=subtitle, facts=facts,
                    what=what, short=short, href=href)


def _contacts(ctx: Ctx, measure: m.Measure) -> Markup:
    """The internal contact persons and notes (only the internal corpus has them)."""
    notes = notes_html(ctx, measure.notes)
    if not measure.contacts:
        return notes
    persons = [(p.name, p.organisation.label if p.organisation else None) for p in measure.contacts.persons]
    return render("internal_contacts.html", text=measure.contacts.text, persons=persons) + notes


def _measure(ctx: Ctx, measure: m.Measure) -> str:
    """Everything under a measure's heading as one fragment: a plan's 500 measures as one block
    each, not five, took Python-Markdown 60 ms for the page instead of 155 ms."""
    found = ctx.index.entry(measure)
    parties = commas((ctx.text(p.label), "" if p.role.leads else p.role.label.lower()) for p in measure.responsibility.parties)
    # each block with what Python-Markdown put after it: a blank line after raw HTML, a line break after a paragraph
    blocks = [(block("print_facts", parties, measure.period.text if measure.period else "", found[1].status if found else None,
                     ctx.index.is_overdue(measure)), "\n\n"),
              (_contacts(ctx, measure), "\n\n"),
              (ctx.prose_block(measure.description, footnotes=measure.id, source=measure.source), "\n\n")]
    if found and found[1].narrative:
        entry = found[1]
        blocks += [(Markup("<p><strong>{}</strong></p>").format(ctx.text(f"Status per {ctx.when(found[0].as_of)}:")), "\n"),
                   (ctx.prose_block(entry.narrative, footnotes=measure.id, references=entry.references, source=entry.source), "\n\n")]
    blocks.append((source_html(ctx, measure.source), ""))
    return ctx.fragment(Markup().join(html + after for html, after in blocks if html))


def plan_print_page(ctx: Ctx, plan: m.Plan) -> Page:
    report = plan.latest_report
    status = f"Status per {ctx.when(report.as_of)} ({report.title})" if report else "Ingen statusrapport ennå"
    if report and report.draft:
        status += " – utkast, ikke publisert"  # internal handbook only
    facts = [("Utgitt av", plan.owner.name)]
    if plan.period:
        facts.append(("Periode", plan.period.text))
    facts += [("Status", status), ("Tiltak", f"{len(plan.measures)}")]
    if report and report.next_update:
        facts.append(("Neste oppdatering", report.next_update))
    rows: list[SummaryRow] = [(title_of(g), plan.measures_in(g)) for g in summary_groups(plan)]
    rows.append(("Alle", plan.measures))
    from .plans import status_trend  # plans imports this module for its links

    body = [_cover(ctx, plan, kind="Handlingsplan", subtitle=plan.subtitle, facts=facts, what="planen", short="planen"),
            "## Status {#status}",
            (f"{md_text(status)}." if report else "Planen har ingen statusrapport i dataene ennå; tiltakene står uten status."),
            status_summary(ctx, rows, first_col="Gruppe", caption=f"Status for tiltakene i {plan.title}") if report else "",
            status_trend(ctx, plan),
            "## Innhold {#innhold}",
            "\n".join(f"{'    ' * g.depth}- [{md_text(title_of(g))}](#{g.id})" for g in plan.groups),
            "## Om planen {#om-planen}" if plan.description else "",
            ctx.prose(plan.description, source=plan.source)]
    in_group: dict[str, list[m.Measure]] = {}  # a group's measures, each followed by its sub-measures
    for x in plan.all_measures:
        in_group.setdefault(x.path[0].group.id, []).append(x)
    for group in plan.groups:
        level = min(2 + group.depth, 5)  # measures one level below their group
        body.append(_heading(level, title_of(group), group.id, "pv-part" if group.parent is None else ""))  # print: a page per part
        if group.description:
            body.append(ctx.prose(group.description, source=group.source))
        for measure in in_group.get(group.id, ()):
            body += [_heading(min(level + 1 + len(measure.path) - 1, 6), title_of(measure), measure.id), _measure(ctx, measure)]
    return ctx.page(f"{plan.title} – utskrift", "\n\n".join(b for b in body if b), description=f"{plan.title}: hele planen for utskrift",
                    hide=("navigation", "toc"), search_exclude=True, edit=ctx.edit(plan.ref), template=TEMPLATE,
                    meta=(("pv_running_head", css_string(plan.title)),))


def strategy_print_page(ctx: Ctx, s: m.Strategy) -> Page:
    from .strategies import pyramid  # strategies imports this module for its links

    facts = [("Utgitt av", s.owner.name), ("Periode", s.period.text)]
    if s.introduction and s.introduction.date:
        facts.append(("Datert", ctx.when(s.introduction.date)))
    body = [_cover(ctx, s, kind="Strategi", subtitle=None, facts=facts, what="strategien", short="strategien")]
    if s.introduction:
        body += [f"## {md_text(s.introduction.title or 'Innledning')}", ctx.prose(s.introduction.text, source=s.source)]
        sign = [x for x in [s.introduction.closing, s.introduction.place, ctx.when(s.introduction.date),
                            s.introduction.signatory.name if s.introduction.signatory else None,
                            s.introduction.signatory.title if s.introduction.signatory else None] if x]
        if sign:
            body.append("  \n".join(md_text(x) for x in sign))
    if s.pyramid_layers or s.pyramid_description:
        body += ["## Styringspyramiden", ctx.fragment(pyramid(ctx, s)) if s.pyramid_layers else "",
                 ctx.prose(s.pyramid_description, source=s.source)]
    if s.mission:
        body += [f"## {md_text(s.mission.title)}", ctx.prose(s.mission.text, source=s.source)]
    if s.vision:
        body += [f"## Visjon: {md_text(s.vision.title)}", ctx.prose(s.vision.text, source=s.source)]
        for block in s.vision.explanations:
            body += [f"### {md_text(block.title)}" if block.title else "", ctx.prose(block.text, source=s.source)]
    if s.values:
        body += ["## Verdier", ctx.prose(s.values_intro, source=s.source)]
        for value in s.values:
            body += [f"### {md_text(value.name)}", "\n".join(f"- {md_text(x)}" for x in value.statements)]
    for label, intro, items in (("Brukermål", s.user_goals_intro, s.user_goals), ("Tjenestemål", s.service_goals_intro, s.service_goals),
                                ("Satsingsområder", s.focus_areas_intro, s.focus_areas)):
        if items:
            body += [f"## {label}", ctx.prose(intro, source=s.source), "\n".join(f"- {md_text(x.title)}" for x in items)]
    for section in s.sections:
        body += [f"## {md_text(section.title)}", ctx.prose(section.text, source=s.source)]
    if s.drivers:
        body += [f"## {md_text(s.drivers.title)}", ctx.prose(s.drivers.intro, source=s.source)]
        for cat in s.drivers.categories:
            body += [f"### {md_text(cat.title)}", "\n".join(f"- {md_text(d.title)}" for d in cat.drivers)]
    if s.areas:
        body += ["## Strategiske områder", ctx.prose(s.areas_intro, source=s.source)]
        for area in s.areas:
            body += [f"### {md_text(area.title)}", ctx.prose(area.future, source=s.source)]
            for goal in area.goals:
                body += [f"#### {md_text(goal.title)}", "\n".join(f"{i}. {md_text(g.text)}" for i, g in enumerate(goal.subgoals, 1))]
    body.append(ctx.fragment(source_html(ctx, s.source)))
    return ctx.page(f"{s.title} – utskrift", "\n\n".join(b for b in body if b), description=f"{s.title}: hele strategien for utskrift",
                    hide=("navigation", "toc"), search_exclude=True, edit=ctx.edit(s.ref), template=TEMPLATE,
                    meta=(("pv_running_head", css_string(s.title)),))
