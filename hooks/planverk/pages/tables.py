"""The measures table as HTML: one renderer for the status table and every list of measures.

Raw HTML (not Markdown) because a table may hold 10,000 rows: Python-Markdown would parse
every cell; here the rows are one template loop (templates/measure_rows.html). Links are
computed for the URL style of the build, and every value is escaped. Rows carry data-*
attributes for the table script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from .. import model as m
from .. import progress
from ..changes import previous_entry
from ..templating import Link, render
from .base import Ctx, commas

COLUMNS = {
    "plan": "Plan",
    "number": "Nr.",
    "title": "Tiltak",
    "group": "Gruppe",
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


class _Party(NamedTuple):
    href: str  # "" for a party named by text only
    name: str
    abbreviation: str  # "" when the organisation has none of its own
    text: str


class _Row(NamedTuple):
    """What a row of the measures table shows, flat (a template looks up each dot at run time);
    links only for the columns asked for."""

    plan_id: str
    status_id: str
    orgs: str
    overdue: bool
    progress: str
    plan_title: str
    plan_link: Link | None
    number: str  # as the table shows it ("" unnumbered)
    order: int  # the source's order, which sorting by number follows
    title: str
    title_link: Link | None
    group_href: str
    group_label: str
    group_order: int
    leads: list[tuple[Markup, _Party]]  # (separator, party): see base.commas
    partners: list[tuple[Markup, _Party]]
    first_party: str
    period_key: str
    period_text: str
    status: m.Status | None
    draft: bool
    before: m.Status | None
    moved: str
    as_of: str
    no_status: str = ""  # what the status cell says without a status: «Ikke rapportert» or «Ingen statusrapport»
    percent: str = ""  # per cent complete, as shown ("40 %"), where the report gives it


def measures_table(ctx: Ctx, measures: Sequence[m.Measure], spec: TableSpec) -> str:
    return ctx.html("measures_table.html", spec=spec, columns=COLUMNS, rows=measure_rows(ctx, measures, spec.columns))


def measure_rows(ctx: Ctx, measures: Sequence[m.Measure], columns: tuple[str, ...]) -> Markup:
    """The table rows alone (escaped HTML), for a table whose frame comes from a template."""
    return render("measure_rows.html", rows=[_row(ctx, x, columns) for x in measures], columns=columns, labels=COLUMNS)


def _row(ctx: Ctx, measure: m.Measure, columns: tuple[str, ...]) -> _Row:
    plan = ctx.corpus.plans[measure.plan_id]
    found = ctx.index.entry(measure)
    status = found[1].status if found else None
    group = measure.group
    responsibility = measure.responsibility
    leads, partners = (_parties(ctx, responsibility.leading), _parties(ctx, responsibility.partners)) \
        if "responsible" in columns else ([], [])
    before, moved = None, ""
    if "previous" in columns:
        previous = previous_entry(plan, measure)
        before = previous[1].status if previous else None
        if before is not None and status is not None and (step := progress.step(before, status)):
            moved = "fram" if step > 0 else "tilbake"
    period = measure.period
    return _Row(
        plan.id, status.filter_key if status else "ingen-rapport",
        " ".join(sorted({o.id for o in responsibility.organisations})),
        ctx.index.is_overdue(measure), ctx.index.progress(measure),
        plan.title, Link(ctx.url(plan.ref), ctx.text(plan.title)) if "plan" in columns else None,
        measure.number_text, ctx.index.order(measure), measure.title,
        Link(ctx.url(measure.ref), ctx.text(measure.title)) if "title" in columns else None,
        ctx.url(group.ref) if "group" in columns else "", group.designation, ctx.index.order(group),
        leads, partners, responsibility.parties[0].label if responsibility.parties else "",
        f"{period.start}-{period.end or 9999}" if period else "9999", period.text if period else "",
        status, bool(found and found[0].draft), before, moved, found[0].as_of if found else "",
        progress.no_status(plan), progress.percent_text(found[1].percent) if found else "")


def _parties(ctx: Ctx, parties: Sequence[m.Party]) -> list[tuple[Markup, _Party]]:
    return commas(_party(ctx, p) for p in parties)


def _party(ctx: Ctx, party: m.Party) -> _Party:
    org = party.organisation
    if org is None:
        return _Party("", "", "", party.text or "")
    abbreviation = org.abbreviation if org.abbreviation and org.abbreviation != org.name else ""
    return _Party(ctx.url(org.ref), org.name, abbreviation or "", "")
