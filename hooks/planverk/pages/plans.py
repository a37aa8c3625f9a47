"""Action plans, their groups and measures, and the status table over every measure."""

from __future__ import annotations

import itertools

from markupsafe import Markup

from .. import model as m
from .. import urls
from ..changes import LABELS as CHANGE_LABELS
from ..changes import compare
from ..index import Coverage
from ..labels import labels, page_language
from ..text import indent, md_text, plural
from .base import Ctx, Page, block, bullet_links, commas, editorial_note, related, source_link, title_of
from .internal import draft_notice, drafts_used, entry_notes_block, last_published_before, notes_block, report_notes
from .printable import plan_print_path
from .summary import bar, group_rows, legend, report_counts, report_figures, report_parts, status_summary, summary_groups
from .tables import TableSpec, measures_table


def plan_pages(ctx: Ctx, plan: m.Plan) -> list[Page]:
    pages = [plan_page(ctx.at(urls.page_of(plan.ref)), plan), changes_page(ctx.at(changes_path(plan)), plan)]
    pages += [group_page(ctx.at(urls.page_of(g.ref)), plan, g) for g in plan.groups]
    measures = plan.all_measures  # sub-measures have pages too, each after its measure
    for i, measure in enumerate(measures):
        prev = measures[i - 1] if i else None
        nxt = measures[i + 1] if i + 1 < len(measures) else None
        pages.append(measure_page(ctx.at(urls.page_of(measure.ref)), plan, measure, prev, nxt))
    return pages


def _report_line(ctx: Ctx, plan: m.Plan) -> str:
    report = plan.latest_report
    if report is None:
        return "Planen har ingen statusrapport i dataene ennå; tiltakene står uten status."
    earlier = "Det finnes ingen tidligere statusrapport å sammenligne med." if len(plan.reports) == 1 else (
        f"Planen har {len(plan.reports)} statusrapporter.")
    draft = " Rapporten er et **utkast** som ikke er publisert." if report.draft else ""
    return (f"Status er hentet fra **{md_text(report.title)}** (status per {md_text(ctx.when(report.as_of))}).{draft} {earlier}")


def plan_page(ctx: Ctx, plan: m.Plan) -> Page:
    facts = [f"- **Eier:** {ctx.org_link(plan.owner)}"]
    if plan.period:
        facts.append(f"- **Periode:** {md_text(plan.period.text)}")
    if plan.launched:
        facts.append(f"- **Lagt fram:** {md_text(ctx.when(plan.launched))}")
    sub = f" med {plural(len(plan.sub_measures), 'deltiltak', 'deltiltak')}" if plan.sub_measures else ""
    facts.append(f"- **Tiltak:** {len(plan.measures)}{sub} i {plural(len(plan.groups), 'gruppe', 'grupper')}")
    reports = []
    for report in plan.reports:
        line = f"- {'**Utkast:** ' if report.draft else ''}{md_text(report.title)}: status per {md_text(ctx.when(report.as_of))}"
        if report.published:
            line += f", publisert {md_text(ctx.when(report.published))}"
        if report.next_update:
            line += f". Neste oppdatering: {md_text(report.next_update)}"
        reports.append(line)
        if report.description:
            reports += ["", indent(ctx.prose(report.description, source=report.source))]
    rows = group_rows(ctx, plan)
    rows.append(("Alle", plan.measures))
    here = urls.status_plan_page(plan.id)
    links = [*((here, {"gruppe": g.id}) for g in summary_groups(plan)), (here, {})]
    body = [
        f"# {md_text(plan.title)}",
        f"*{md_text(plan.subtitle)}*" if plan.subtitle else "",
        editorial_note(ctx, plan),
        draft_notice(ctx, drafts_used(ctx, plan.measures)),
        "\n".join(facts),
        notes_block(ctx, plan.notes),
        ctx.prose(plan.description, source=plan.source),
        "## Status",
        _report_line(ctx, plan),
        report_figures(ctx, plan),
        status_summary(ctx, rows, first_col="Gruppe", caption=f"Status for tiltakene i {plan.title}", links=links),
        "### Fra rapport til rapport" if len(plan.reports) > 1 else "",
        status_trend(ctx, plan),
        f"Sorter og filtrer tiltakene på [planens statusside]({ctx.to(here)}).",
        "## Statusrapporter" if reports else "",
        "\n".join(reports) if reports else "",
        f"[Endringer mellom statusrapportene]({ctx.to(changes_path(plan))})",
        f"## {md_text(group_heading(plan))}",
        _group_list(ctx, plan),
        f"## Tiltak ({len(plan.measures)})",
        measures_table(ctx, plan.measures, TableSpec(("number", "title", "group", "responsible", "period", "status", "overdue"),
                                                     f"Alle tiltak i {plan.title}", f"tiltak-{plan.id}")),
        "## Kobling til strategiske mål",
        _coverage(ctx, plan),
        related(ctx, plan.ref),
        f"[Utskriftsvennlig versjon av hele planen]({ctx.to(plan_print_path(plan))})",
        ctx.source_line(plan.source),
    ]
    return ctx.page(plan.title, _join(body), description=f"{plan.title}: {plan.subtitle or ''} – tiltak og status",
                edit=ctx.edit(plan.ref), tags=tuple(t.title for t in plan.themes))


def _group_list(ctx: Ctx, plan: m.Plan) -> str:
    """The plan's groups as a (nested) list, each with how many measures it holds in all."""
    lines = []
    for g in plan.groups:
        n = len(plan.measures_in(g, deep=True))
        lines.append(f"{'    ' * g.depth}- {ctx.link(g)} ({plural(n, 'tiltak', 'tiltak')})")
    return "\n".join(lines)


def _group_facts(ctx: Ctx, group: m.Group) -> str:
    """What the source says at the group's own level: responsibility and period."""
    facts = []
    if group.responsibility is not None:
        if group.responsibility.parties:
            for role in ctx.corpus.vocabulary.roles:
                names = [ctx.org_link(p.organisation) if p.organisation else md_text(p.text or "")
                         for p in group.responsibility.parties if p.role.id == role.id]
                if names:
                    facts.append(f"- **{md_text(role.label)}:** {', '.join(names)}")
        else:
            facts.append("- **Ansvar:** ikke oppgitt i kilden")
    if group.period is not None:
        facts.append(f"- **Periode:** {md_text(group.period.text)}")
    return "\n".join(facts)


def group_page(ctx: Ctx, plan: m.Plan, group: m.Group) -> Page:
    measures = plan.measures_in(group)
    inner = plan.subgroups(group)
    spec = TableSpec(("number", "title", "responsible", "period", "status", "overdue"),
                     f"Tiltakene i {group.designation[:1].lower()}{group.designation[1:]}", f"tiltak-{group.id}")
    body = [
        f"# {md_text(title_of(group))}",
        editorial_note(ctx, group),
        draft_notice(ctx, drafts_used(ctx, plan.measures_in(group, deep=True))),
        "Del av " + " i ".join([*(ctx.link(g) for g in reversed(group.path[:-1])), ctx.link(plan)]) + ".",
        _group_facts(ctx, group),
        notes_block(ctx, group.notes),
        ctx.prose(group.description, source=group.source),
        report_figures(ctx, plan, group.id, scope="i gruppen", measures=plan.measures_in(group, deep=True)),
        f"## {md_text(group_heading(plan, inner))}" if inner else "",
        bullet_links(ctx, inner, lambda g: f" ({plural(len(plan.measures_in(g, deep=True)), 'tiltak', 'tiltak')})") if inner else "",
        f"## Tiltak ({len(measures)})" if measures or not inner else "",
        measures_table(ctx, measures, spec) if measures else ("" if inner else "Ingen tiltak i denne gruppen."),
        related(ctx, group.ref),
        ctx.source_line(group.source),
    ]
    return ctx.page(title_of(group), _join(body), description=f"{plan.title}: {group.title}",
                    edit=ctx.edit(group.ref), hide=("toc",))  # the measures table needs the width


def measure_page(ctx: Ctx, plan: m.Plan, measure: m.Measure, prev: m.Measure | None, nxt: m.Measure | None) -> Page:
    """A measure: facts, plan text, status narrative, relations, provenance.

    Measures are the pages there are thousands of, so everything but the two prose fields
    is our own HTML (a fragment): Markdown handles only what the schema marks as Markdown.
    """
    found = ctx.index.entry(measure)
    language = m.language_of(measure)
    t = labels(language)
    roles = []
    for role in ctx.corpus.vocabulary.roles:
        parties = [_name(ctx, p.organisation, p.text) for p in measure.responsibility.parties if p.role.id == role.id]
        if parties:
            roles.append((role.label_in(language), commas(parties)))
    wording = measure.responsibility.text or measure.responsibility.summary
    facts = ctx.fragment(block(
        "measure_facts", t=t, stated=measure.responsibility.stated,
        plan=ctx.a(plan), group_label=measure.group.label, group=ctx.a(measure.group),
        parent=ctx.a(measure.parent) if measure.parent else None,
        roles=roles, wording=ctx.text(wording) if wording else "",
        actors=commas(_name(ctx, o, None) for o in measure.actors),
        period=measure.period.text if measure.period else "",
        overview_period=measure.overview_period.text if measure.overview_period else "",
        found=found, report_title=ctx.text(found[0].title) if found else "",
        overdue=bool(found) and ctx.index.is_overdue(measure),
        latest=plan.latest_report, latest_title=ctx.text(plan.latest_report.title) if plan.latest_report else ""))
    status_block = []
    if found:
        report, entry = found
        status_block = [f"## {t['status_per']} {md_text(ctx.when(report.as_of))}" + (f" ({t['draft'].lower()})" if report.draft else ""),
                        ctx.prose(entry.narrative, footnotes=measure.id, references=entry.references, source=entry.source)
                        or t["no_status_text"]]
    history = ctx.index.history(measure)
    if len(history) > 1:
        status_block += [f"## {t['history']}", ctx.fragment(block("timeline", history))]
    internal = []
    if measure.contacts:
        inner = [md_text(measure.contacts.text)]
        if measure.contacts.persons:
            inner.append("\n".join(f"- {md_text(p.name)}" + (f", {ctx.org_link(p.organisation, short=True)}" if p.organisation else "")
                                   for p in measure.contacts.persons))
        internal = ['!!! internal "Intern: kontaktpersoner"', indent("\n\n".join(inner))]
    themes = (f"## {t['themes']}\n\n" + ctx.fragment(block("links_paragraph", commas(ctx.a(th) for th in measure.themes)))
              if measure.themes else "")
    body = [
        f"# {md_text(title_of(measure))}",
        editorial_note(ctx, measure, language),
        draft_notice(ctx, [found[0]] if found and found[0].draft else []),
        facts,
        "\n".join(internal),
        notes_block(ctx, measure.notes),
        f"## {t['in_plan']}",
        ctx.prose(measure.description, footnotes=measure.id, source=measure.source),
        *_parts(ctx, plan, measure, t),
        *status_block,
        entry_notes_block(ctx, report_notes(history), title="merknader til statusrapportene", anchor="intern-merknader-status"),
        related(ctx, measure.ref, t["relations"]),
        themes,
        ctx.fragment(block("source_pager", source_link(ctx, measure.source), measure.source.page,
                           ctx.a(prev) if prev else None, ctx.a(nxt) if nxt else None,
                           ctx.a_page(urls.STATUS, t["all_measures"], f"?plan={plan.id}"), t=t)),
    ]
    description = f"{plan.title}, {measure.designation[:1].lower()}{measure.designation[1:]}: {measure.title}" \
        if measure.designation else f"{plan.title}: {measure.title}"
    return ctx.page(title_of(measure), _join(body), description=description, edit=ctx.edit(measure.ref),
                    tags=tuple(th.title for th in measure.themes), meta=page_language(language))


def _parts(ctx: Ctx, plan: m.Plan, measure: m.Measure, t: dict[str, str]) -> list[str]:
    """The measure's sub-measures, linked, each with its status where a report gives one."""
    parts = plan.parts_of(measure)
    if not parts:
        return []
    items = []
    for x in parts:
        found = ctx.index.entry(x)
        items.append((ctx.a(x, title_of(x)), f" ({found[1].status.label})" if found else ""))
    return [f"## {t['sub_measures']} ({len(parts)})", ctx.fragment(block("link_list", items))]


def _name(ctx: Ctx, org: m.Organisation | None, text: str | None) -> tuple[str, Markup | str]:
    """(href, label) of a party: a link to its organisation, or its text without a link ("" as href)."""
    if org is None:
        return "", text or ""
    link = ctx.a(org)
    return link.href, link.label


def _coverage(ctx: Ctx, plan: m.Plan) -> str:
    unlinked = Coverage(ctx.index).unlinked_measures(plan)
    if not unlinked and any(g.goal for g in plan.groups):
        return "Alle tiltakene i planen står under et mål i planen eller er koblet til minst ett strategisk mål."
    if not unlinked:
        return "Alle tiltakene i planen er koblet til minst ett strategisk mål."
    if len(unlinked) == len(plan.measures):
        return (f"Ingen av de {len(plan.measures)} tiltakene er koblet til et mål i en strategi i dataene. "
                "Koblinger legges inn som relasjoner der en kilde sier at et tiltak bidrar til et mål.")
    return (f"{plural(len(unlinked), 'tiltak', 'tiltak')} av {len(plan.measures)} er ikke koblet til noe strategisk mål:\n\n"
            + ctx.fragment(block("link_list", [(ctx.a(x), "") for x in unlinked])))


_MOVES = (("status-fram", "fram i status", "fram i status"), ("status-tilbake", "tilbake i status", "tilbake i status"),
          ("lagt-til", "nytt i rapporten", "nye i rapporten"), ("fjernet", "ikke med i rapporten", "ikke med i rapporten"))


def status_trend(ctx: Ctx, plan: m.Plan) -> str:
    """How the plan's statuses moved from report to report, as a chart with its data table
    (only for a plan with two or more reports)."""
    if len(plan.reports) < 2:
        return ""
    columns = report_parts(ctx, plan)
    counted = [(r, report_counts(ctx, plan, r, columns)) for r in plan.reports]
    has_none = any(c["ingen"] for _, c in counted)
    shown = [p for p in columns if p.key != "ingen" or has_none]
    rows = [{"title": r.title, "when": ctx.when(r.as_of), "counts": [c[p.key] for p in shown], "total": len(plan.measures),
             "bar": bar(ctx, c, len(plan.measures), wide=True, columns=columns)} for r, c in counted]
    moves = []
    for older, newer in zip(plan.reports, plan.reports[1:], strict=False):
        kinds: list[str] = [c.kind for c in compare(plan, older, newer)]
        text = ", ".join(f"{kinds.count(k)} {one if kinds.count(k) == 1 else many}" for k, one, many in _MOVES if kinds.count(k))
        moves.append({"before": ctx.when(older.as_of), "after": ctx.when(newer.as_of),
                      "text": f"{text} (av {len(plan.measures)} tiltak)" if text else "ingen tiltak endret status"})
    head = [p.label for p in shown]
    return ctx.html("trend.html", id=f"utvikling-{plan.id}", rows=rows, head=head, moves=moves,
                    legend=legend(ctx, has_none=has_none, columns=columns))


def changes_path(plan: m.Plan) -> str:
    return urls.changes_page(plan.ref)


def changes_page(ctx: Ctx, plan: m.Plan) -> Page:
    """What changed from each published status report to the next; in the internal handbook,
    also what a draft report would change from the last published one."""
    published = plan.published_reports
    body = [f"# Endringer i {md_text(plan.title)}", draft_notice(ctx, list(plan.drafts), what="En del av denne siden"),
            f"Hva som endret seg fra én statusrapport til den neste i {ctx.link(plan)}."]
    if not published:
        body.append("Planen har ingen publisert statusrapport ennå.")
    elif len(published) == 1:
        only = published[0]
        body.append(f"Planen har bare én statusrapport, **{md_text(only.title)}** (status per {md_text(ctx.when(only.as_of))}). "
                    "Det finnes ingen tidligere rapport å sammenligne med, så ingen endringer kan vises ennå. "
                    "Når en ny rapport legges til, vises endringene her.")
    for older, newer in itertools.pairwise(published):
        body.append(f"## Fra {md_text(ctx.when(older.as_of))} til {md_text(ctx.when(newer.as_of))} {{#{newer.id}}}")
        body += _changes(ctx, plan, older, newer)
    for draft in plan.drafts:
        before = last_published_before(plan, draft)
        body.append(f"## Utkast: {md_text(draft.title)} {{#{draft.id}}}")
        if before is None:
            body.append(f"Utkastet **{md_text(draft.title)}** (status per {md_text(ctx.when(draft.as_of))}) har ingen publisert "
                        "rapport før seg å sammenlignes med.")
            continue
        body.append("Hva utkastet vil endre fra den sist publiserte rapporten når det publiseres.")
        body += _changes(ctx, plan, before, draft)
    return ctx.page(
        f"Endringer i {plan.title}",
        _join(body),
        search_exclude=True,
        description=f"{plan.title}: endringer mellom statusrapportene",
        edit=ctx.edit(plan.latest_report.ref) if plan.latest_report else ctx.edit(plan.ref),
    )


def _changes(ctx: Ctx, plan: m.Plan, older: m.StatusReport, newer: m.StatusReport) -> list[str]:
    found = compare(plan, older, newer)
    newer_title = newer.title + (" (utkast)" if newer.draft else "")
    out = [f"Fra {md_text(older.title)} til {md_text(newer_title)}: {plural(len(found), 'endring', 'endringer')}."]
    if found:
        changes = [(c.kind, ctx.a(c.measure, title_of(c.measure)), CHANGE_LABELS[c.kind], ctx.text(c.before or "–"),
                    ctx.text(c.after) if c.after else "") for c in found]
        out.append(ctx.html("changes.html", older=older.title, newer=newer_title, changes=changes, report=newer))
    return out


def group_heading(plan: m.Plan, groups: tuple[m.Group, ...] | None = None) -> str:
    """'Tiltakspakke' -> 'Tiltakspakker', 'Prioriteringsområde' -> 'Prioriteringsområder'."""
    labels = sorted({g.label for g in (groups if groups is not None else plan.top_groups())})
    if len(labels) != 1:
        return "Grupper av tiltak"
    label = labels[0]
    return label + ("r" if label.endswith("e") else "er")


def _join(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p and p.strip())
