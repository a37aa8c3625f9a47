"""The status overview (Statusoversikt) and one static status page per plan (Status: <plan>).

At 10,000 measures a single HTML table was 10.9 MB and took 11 s to load, so:
- the overview carries no rows; the table script renders them, a page at a time, from one
  small data script per plan (scripts, not fetch, so the offline bundle works from file://);
- each plan's status page has the plan's whole table as HTML, so every row can be read
  without JavaScript; the overview lists the plans with their counts and links to them;
- every filter lives in the URL (urls.status_query), so shared links open the same view.
"""

from __future__ import annotations

import json
import posixpath

from markupsafe import Markup

from .. import model as m
from .. import urls
from ..progress import CLASSES, sort_key
from ..text import md_text, plural
from .base import Ctx, Page, title_of
from .internal import draft_notice, drafts_used
from .summary import SummaryRow, group_rows, report_figures, scales_of, status_summary, summary_groups
from .tables import COLUMNS, measure_rows

TABLE_ID = "statustabell"
NO_REPORT = "ingen-rapport"  # the status filter's value for measures without a status report


def status_pages(ctx: Ctx) -> list[Page]:
    pages = [status_overview(ctx.at(urls.STATUS))]
    pages += [status_plan_page(ctx.at(urls.status_plan_page(p.id)), p) for p in ctx.corpus.plans.values()]
    return pages


def _root(ctx: Ctx) -> str:
    """The relative path from this page to the site's root folder ('../', '../../' or '')."""
    return "../" * urls.site_path(ctx.path, directory_urls=ctx.directory_urls).count("/")


def _file_href(ctx: Ctx, path: str) -> str:
    """Relative URL from this page to a generated file (not a page)."""
    here = urls.site_path(ctx.path, directory_urls=ctx.directory_urls)
    return posixpath.relpath(path, posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/") or ".")


def _columns(ctx: Ctx, plans: list[m.Plan], *, with_plan: bool) -> tuple[str, ...]:
    with_history = any(len(p.reports) > 1 for p in plans)
    return (*(("plan",) if with_plan else ()), "number", "title", "group", "responsible", "period", "status",
            *(("previous",) if with_history else ()), "reported", "overdue")


def _config(ctx: Ctx, plans: list[m.Plan], *, fixed_plan: m.Plan | None) -> dict[str, object]:
    """What the table script needs besides the rows: labels for filters, captions and cells."""
    measures = [x for p in plans for x in p.measures]
    # every status of every scale, in the order the data scripts' rows count them (_status_table)
    statuses: list[list[object]] = [[s.filter_key, s.label, sort_key(s), s.look, s.rank, s.scale] for s in ctx.statuses]
    used = scales_of(ctx, measures)
    several = len(used) > 1
    options = [[s.filter_key, f"{s.label} ({scale.label})" if several else s.label]
               for scale in ctx.corpus.vocabulary.scales if scale.id in used for s in scale.statuses]
    if any(ctx.index.entry(x) is None for x in measures):
        none = "Ikke rapportert" if all(p.reports for p in plans) else "Ingen statusrapport"
        statuses.append([NO_REPORT, none, -1, "ingen", -1, ""])
        options.append([NO_REPORT, none])
    present = {ctx.index.progress(x) for x in measures}
    orgs = sorted({o for x in measures for o in x.responsibility.organisations} | {o for x in measures for o in x.actors},
                  key=lambda o: o.name.casefold())
    return {
        "root": _root(ctx),
        "suffix": "/" if ctx.directory_urls else ".html",
        "plans": [[p.id, p.title] for p in plans],
        "fixedPlan": fixed_plan.id if fixed_plan else "",
        "groups": [[g.id, title_of(g)] for g in summary_groups(fixed_plan)] if fixed_plan else [],  # the group filter
        "statuses": statuses,  # [filter key, label, sort key, look, rank in its scale, scale]
        "statusOptions": options,  # the status filter: the statuses of the scales the plans use
        "classes": [[k, v] for k, v in CLASSES.items() if k in present or k in ("ikke-startet", "pagar", "forsinket", "gjennomfort")],
        "roles": [[r.id, r.label] for r in ctx.corpus.vocabulary.roles] + [["aktor", "Aktør"]],
        "leads": [r.id for r in ctx.corpus.vocabulary.roles if r.leads],  # the roles shown as responsible
        "orgs": [[o.id, f"{o.abbreviation} – {o.name}" if o.abbreviation and o.abbreviation != o.name else o.name] for o in orgs],
        "caption": "Alle tiltak i alle handlingsplaner" if fixed_plan is None else f"Alle tiltak i {fixed_plan.title}",
        "total": len(measures),
    }


def _filters(ctx: Ctx, plans: list[m.Plan], *, fixed_plan: m.Plan | None, columns: tuple[str, ...],
             static_rows: Markup) -> str:
    config = _config(ctx, plans, fixed_plan=fixed_plan)
    return ctx.html("status_table.html", table_id=TABLE_ID, config=config, columns=[(c, COLUMNS[c]) for c in columns],
                    static_rows=static_rows, scripts=[_file_href(ctx, urls.status_data_file(p.id)) for p in plans])


def _reports(ctx: Ctx, plans: list[m.Plan]) -> str:
    return "\n".join(f"- {md_text(p.title)}: {'**Utkast:** ' if p.latest_report.draft else ''}{md_text(p.latest_report.title)}, "
                     f"status per {md_text(ctx.when(p.latest_report.as_of))}"
                     if p.latest_report else f"- {md_text(p.title)}: ingen statusrapport" for p in plans)


def status_overview(ctx: Ctx) -> Page:
    corpus = ctx.corpus
    plans = list(corpus.plans.values())
    measures = [x for p in plans for x in p.measures]
    rows: list[SummaryRow] = [(ctx.a(p, p.title), p.measures) for p in plans]
    links: list[tuple[str, dict[str, str]]] = [(urls.status_plan_page(p.id), {}) for p in plans]
    if len(rows) > 1:
        rows.append(("Alle planer", tuple(measures)))
        links.append((urls.STATUS, {}))
    orgs = sorted({o for x in measures for o in x.responsibility.organisations}, key=lambda o: o.label.casefold())
    responsible = {o.id: tuple(dict.fromkeys(i.measure for i in ctx.index.involvement.get(o.id, ())
                                             if i.role is not None and i.measure.parent is None)) for o in orgs}  # the table's rows
    matrix = [(ctx.a(o, o.label), responsible[o.id]) for o in orgs]
    plan_pages = "\n".join(f"- [Status: {md_text(p.title)}]({ctx.to(urls.status_plan_page(p.id))}) – "
                           f"{plural(len(p.measures), 'tiltak', 'tiltak')}" for p in plans)
    body = [
        "# Statusoversikt",
        draft_notice(ctx, drafts_used(ctx, measures), what="En del av statusene i tabellen"),
        f"Tabellen viser alle {len(measures)} tiltak i {plural(len(plans), 'handlingsplan', 'handlingsplaner')}. "
        "Et tiltak er markert som **forfalt** når perioden var over ved rapportdatoen uten at tiltaket var gjennomført. "
        "Tallene i tabellene under er lenker til tiltakene de teller.",
        _reports(ctx, plans),
        "Last ned alle tiltak: " + " · ".join(f"[{label}]({ctx.to(path)})" for path, label in (
            ("data/tiltak.xlsx", "Excel"), ("data/tiltak.csv", "CSV"), ("data/tiltak.json", "JSON"),
            ("data/datapackage.json", "datapakke (Frictionless)"), (urls.OPEN_DATA, "om filene og kolonnene"))),
        "## Status per plan",
        status_summary(ctx, rows, first_col="Plan", caption="Antall tiltak per status og plan", links=links),
        "## Alle tiltak",
        "Hver plan har også en egen statusside med hele tabellen:\n\n" + plan_pages,
        _filters(ctx, plans, fixed_plan=None, columns=_columns(ctx, plans, with_plan=True), static_rows=Markup()),
        "## Status per ansvarlig",
        "Et tiltak med flere ansvarlige telles hos hver av dem.",
        status_summary(ctx, matrix, first_col="Ansvarlig", caption="Antall tiltak per status og ansvarlig",
                       links=[(urls.STATUS, {"ansvarlig": o.id}) for o in orgs]),
    ]
    return ctx.page("Statusoversikt", "\n\n".join(p for p in body if p),
                    description="Status for alle tiltak i alle handlingsplaner", hide=("navigation", "toc"))


def status_plan_page(ctx: Ctx, plan: m.Plan) -> Page:
    columns = _columns(ctx, [plan], with_plan=False)
    table = measure_rows(ctx, plan.measures, columns)
    here = urls.status_plan_page(plan.id)
    rows = group_rows(ctx, plan)
    links: list[tuple[str, dict[str, str]]] = [(here, {"gruppe": g.id}) for g in summary_groups(plan)]
    rows.append(("Alle", plan.measures))
    links.append((here, {}))
    report = plan.latest_report
    body = [
        f"# Status: {md_text(plan.title)}",
        (f"Status for tiltakene i {ctx.link(plan)} etter **{md_text(report.title)}** (status per {md_text(ctx.when(report.as_of))})."
         if report else f"{ctx.link(plan)} har ingen statusrapport i dataene ennå; tiltakene står uten status."),
        f"Se også [statusoversikten over alle planer]({ctx.to(urls.STATUS)}).",
        report_figures(ctx, plan),
        status_summary(ctx, rows, first_col="Gruppe", caption=f"Antall tiltak per status i {plan.title}", links=links),
        f"## Alle tiltak ({len(plan.measures)})",
        _filters(ctx, [plan], fixed_plan=plan, columns=columns, static_rows=table),
    ]
    return ctx.page(f"Status: {plan.title}", "\n\n".join(p for p in body if p),
                    description=f"Status for alle tiltak i {plan.title}", hide=("navigation", "toc"))


def status_data_files(corpus: m.Corpus, *, directory_urls: bool) -> list[tuple[str, str]]:
    """One script per plan with its rows, compact (arrays, ids into small tables)."""
    ctx = Ctx.create(corpus, directory_urls=directory_urls)
    out = []
    statuses = {(s.scale, s.id): i for i, s in enumerate(ctx.statuses)}
    for plan in ctx.corpus.plans.values():
        def path(md: str) -> str:
            return urls.site_path(md, directory_urls=ctx.directory_urls)

        base = f"handlingsplaner/{plan.id}/"
        groups = {g.id: i for i, g in enumerate(plan.groups)}
        orgs: dict[str, list[str]] = {}
        rows = []
        for measure in plan.measures:
            found = ctx.index.entry(measure)
            before = _previous(ctx, plan, measure)
            for org in (*measure.responsibility.organisations, *measure.actors):
                orgs.setdefault(org.id, [org.label, org.name, path(urls.page_of(org.ref))])
            parties = [[p.organisation.id if p.organisation else "", "" if p.organisation else (p.text or ""), p.role.id]
                       for p in measure.responsibility.parties]
            period = measure.period
            measure_path = path(urls.page_of(measure.ref))
            row = [
                measure_path.removeprefix(base) if measure_path.startswith(base) else "/" + measure_path,
                measure.number_text, measure.title, groups[measure.group.id], parties, [o.id for o in measure.actors],
                period.text if period else "", f"{period.start}-{period.end or 9999}" if period else "9999",
                statuses[found[1].status.scale, found[1].status.id] if found else -1,
                statuses[before.scale, before.id] if before else -1,
                found[0].as_of if found else "", 1 if ctx.index.is_overdue(measure) else 0, ctx.index.progress(measure),
            ]
            if found and found[1].percent is not None:  # only where the report gives it: no null on every row
                row.append(found[1].percent)
            rows.append(row)
        data = {
            "id": plan.id, "title": plan.title, "path": path(urls.page_of(plan.ref)), "base": base,
            "groups": [[g.id, g.designation, path(urls.page_of(g.ref)), i] for i, g in enumerate(plan.groups)],
            "reports": {r.as_of: ctx.when(r.as_of) for r in plan.reports},
            "drafts": [r.as_of for r in plan.reports if r.draft],  # the internal handbook's draft reports
            "orgs": orgs, "rows": rows,
        }
        # < > & as \u escapes: the text is inert even if a file is ever inlined or sniffed as HTML.
        text = (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
        out.append((urls.status_data_file(plan.id),
                    "(window.planverkStatus = window.planverkStatus || []).push(" + text + ");\n"))
    return out


def _previous(ctx: Ctx, plan: m.Plan, measure: m.Measure) -> m.Status | None:
    from ..changes import previous_entry

    before = previous_entry(plan, measure)
    return before[1].status if before else None
