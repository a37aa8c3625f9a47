"""The measures table as HTML: one renderer for the status table and every list of measures.

Raw HTML (not Markdown) because a table may hold 10,000 rows: Python-Markdown would parse
every cell; here each row is a few string joins. Links are computed for the URL style of
the build, and every value is escaped. Rows carry data-* attributes for the table script.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..changes import previous_entry
from ..text import html_text
from .base import Ctx
from .internal import draft_tag

COLUMNS = {
    "plan": "Plan",
    "number": "Nr.",
    "title": "Tiltak",
    "package": "Tiltaksgruppe",
    "responsible": "Ansvarlig",
    "period": "Periode",
    "status": "Status",
    "previous": "Forrige status",
    "reported": "Rapportdato",
    "overdue": "Forfalt",
}


@dataclass(frozen=True)
class TableSpec:
    columns: tuple[str, ...]
    caption: str
    table_id: str
    sortable: bool = True


def measures_table(ctx: Ctx, measures: list[m.Measure] | tuple[m.Measure, ...], spec: TableSpec) -> str:
    head = "".join(f'<th scope="col" data-col="{c}">{COLUMNS[c]}</th>' for c in spec.columns)
    body = measure_rows(ctx, measures, spec.columns)
    attrs = ' data-sortable="true"' if spec.sortable else ""
    return ctx.fragment(f'<div class="pv-table-wrap" tabindex="0" role="region" aria-labelledby="{spec.table_id}-caption">\n'
                        f'<table class="pv-table" id="{spec.table_id}"{attrs}>\n'
                        f'<caption id="{spec.table_id}-caption">{html_text(spec.caption)}</caption>\n'
                        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>")


def measure_rows(ctx: Ctx, measures: list[m.Measure] | tuple[m.Measure, ...], columns: tuple[str, ...]) -> str:
    """The table rows alone (escaped HTML), for a table whose frame comes from a template."""
    return "\n".join(_row(ctx, measure, columns) for measure in measures)


def _row(ctx: Ctx, measure: m.Measure, columns: tuple[str, ...]) -> str:
    plan = ctx.corpus.plans[measure.plan_id]
    found = ctx.index.entry(measure)
    overdue = ctx.index.is_overdue(measure)
    orgs = " ".join(sorted({o.id for o in measure.responsibility.organisations}))
    status_id = found[1].status.id if found else "ingen-rapport"
    attrs = (f'data-plan="{html_text(plan.id)}" data-status="{status_id}" data-orgs="{html_text(orgs)}"'
             f' data-overdue="{"ja" if overdue else "nei"}" data-progress="{ctx.index.progress(measure)}"')
    cells = []
    for col in columns:
        if col == "plan":
            cells.append(f'<td data-sort="{html_text(plan.title)}"><a href="{ctx.url(plan.ref)}">{ctx.text(plan.title)}</a></td>')
        elif col == "number":
            cells.append(f'<td data-sort="{measure.number}">{measure.number}</td>')
        elif col == "title":
            cells.append(f'<td data-sort="{html_text(measure.title)}"><a href="{ctx.url(measure.ref)}">{ctx.text(measure.title)}</a></td>')
        elif col == "package":
            pkg = measure.package
            cells.append(f'<td data-sort="{html_text(pkg.number)}"><a href="{ctx.url(pkg.ref)}">'
                         f'{html_text(pkg.label)} {html_text(pkg.number)}</a></td>')
        elif col == "responsible":
            cells.append(f'<td data-sort="{html_text(_first_label(measure))}">{_responsible(ctx, measure)}</td>')
        elif col == "period":
            period = measure.period
            key = f"{period.start}-{period.end or 9999}" if period else "9999"
            cells.append(f'<td data-sort="{key}">{html_text(period.text) if period else "Ikke oppgitt"}</td>')
        elif col == "status":
            if found:
                status = found[1].status
                cells.append(f'<td data-sort="{status.rank}">{ctx.badge(status)}{draft_tag(found[0])}</td>')
            else:
                cells.append('<td data-sort="-1"><span class="pv-status pv-status--ingen">Ingen statusrapport</span></td>')
        elif col == "previous":
            before = previous_entry(plan, measure)
            if before is None:
                cells.append('<td data-sort="-1">–</td>')
            else:
                status = before[1].status
                moved = ""
                if found and found[1].status.rank != status.rank:
                    moved = ' <span class="pv-change">' + ("fram" if found[1].status.rank > status.rank else "tilbake") + "</span>"
                cells.append(f'<td data-sort="{status.rank}">{ctx.badge(status)}{moved}</td>')
        elif col == "reported":
            date = found[0].as_of if found else ""
            cells.append(f'<td data-sort="{date}">{html_text(ctx.when(date)) if date else "–"}</td>')
        elif col == "overdue":
            cells.append('<td data-sort="1"><span class="pv-overdue">Forfalt</span></td>' if overdue else '<td data-sort="0">Nei</td>')
    # Each cell names its column (data-label): below the phone breakpoint a row is a card.
    cells = [f'<td data-label="{COLUMNS[c]}"' + cell[3:] for c, cell in zip(columns, cells)]
    return f"<tr {attrs}>{''.join(cells)}</tr>"


def _first_label(measure: m.Measure) -> str:
    parties = measure.responsibility.parties
    return parties[0].label if parties else ""


def _responsible(ctx: Ctx, measure: m.Measure) -> str:
    def one(party: m.Party) -> str:
        if party.organisation is None:
            return html_text(party.text or "")
        org = party.organisation
        label = (f'<abbr title="{html_text(org.name)}">{html_text(org.abbreviation)}</abbr>'
                 if org.abbreviation and org.abbreviation != org.name else html_text(org.name))
        return f'<a href="{ctx.url(org.ref)}">{label}</a>'

    leads = [one(p) for p in measure.responsibility.leading]
    partners = [one(p) for p in measure.responsibility.partners]
    out = ", ".join(leads)
    if partners:
        out += f'<span class="pv-partners">{" i samarbeid med " if leads else "Samarbeid: "}{", ".join(partners)}</span>'
    return out
