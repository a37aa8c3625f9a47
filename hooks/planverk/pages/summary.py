"""Counts of measures per status for groups of measures: the summary tables (a row per group, a
link from each count to the measures it counts), their stacked bars and the legend."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .. import charts, urls
from .. import model as m
from ..templating import Link, render
from .base import Ctx, title_of


def status_counts(ctx: Ctx, measures: Sequence[m.Measure]) -> dict[str, int]:
    counts = {s.id: 0 for s in ctx.statuses}
    counts["ingen"] = 0
    for measure in measures:
        found = ctx.index.entry(measure)
        counts[found[1].status.id if found else "ingen"] += 1
    return counts


SummaryRow = tuple[Link | str, Sequence[m.Measure]]  # a group's label (a link or plain text) and its measures


def status_summary(ctx: Ctx, rows: Sequence[SummaryRow], *, first_col: str, caption: str,
                   links: list[tuple[str, dict[str, str]]] | None = None) -> str:
    """A table of counts per status (one row per group: its label a link or plain text), the
    total, then apart from them the overdue count (a subset of the statuses, not added to the
    total) and a bar, with a legend.

    ``links`` gives, per row, the status page and filters of the measures the row counts: each
    non-zero count then links to the status table filtered to exactly those measures.
    """
    statuses = ctx.statuses
    counted = [(label, measures, status_counts(ctx, measures)) for label, measures in rows]
    has_none = any(counts["ingen"] for _, _, counts in counted)
    head = [first_col, *(s.label for s in statuses), *(["Uten status"] if has_none else []), "Totalt"]
    if any(found[0].draft for _, ms in rows for found in map(ctx.index.entry, ms) if found):
        caption += " (med status fra et utkast)"  # the internal handbook's drafts, see pages/internal.py
    view = []
    for i, (label, measures, counts) in enumerate(counted):
        total = len(measures)
        overdue = sum(1 for x in measures if ctx.index.is_overdue(x))
        target = links[i] if links else None
        cells = [_cell(ctx, target, counts[s.id], status=s.id) for s in statuses]
        if has_none:
            cells.append(_cell(ctx, target, counts["ingen"], status="ingen-rapport"))
        cells += [_cell(ctx, target, total), _cell(ctx, target, overdue, "pv-summary__aside", forfalt="ja")]
        view.append((label, cells, bar(ctx, counts, total)))
    return ctx.html("summary.html", legend=legend(ctx, has_none=has_none, overdue=True), caption=caption, head=head,
                    rows=view)


def _cell(ctx: Ctx, target: tuple[str, dict[str, str]] | None, n: int, css: str = "", **filters: str) -> tuple[int, str, str]:
    """A count, its CSS class, and a link to the status table filtered to what it counts (none for 0)."""
    href = ctx.page_url(target[0]) + urls.status_query(**target[1], **filters) if target and n else ""
    return n, css, href


def summary_groups(plan: m.Plan) -> tuple[m.Group, ...]:
    """The groups a plan's status summary has a row for: each group that holds measures
    itself or has no groups inside (a one-level plan: every group), in the source's order.
    A row counts the group's own measures, as the status table's group filter does."""
    return tuple(g for g in plan.groups if plan.measures_in(g) or not plan.subgroups(g))


def group_rows(ctx: Ctx, plan: m.Plan) -> list[SummaryRow]:
    """A summary row per group (``summary_groups``), its label a link to the group's page."""
    return [(ctx.a(g, title_of(g)), plan.measures_in(g)) for g in summary_groups(plan)]


def _parts(ctx: Ctx) -> list[tuple[str, str]]:
    return [(s.id, s.label) for s in ctx.statuses] + [("ingen", "Uten status")]


def legend(ctx: Ctx, *, has_none: bool, overdue: bool = False) -> Markup:
    """What the colours and patterns of the bars mean (the status badges' own colours)."""
    items = [(key, label) for key, label in _parts(ctx) if key != "ingen" or has_none]
    return render("legend.html", items=items, overdue=overdue)


def bar(ctx: Ctx, counts: dict[str, int], total: int, *, wide: bool = False) -> Markup:
    """A stacked bar with its counts where they fit; hidden from screen readers (the numbers
    are in the table cells beside it)."""
    if not total:
        return Markup()
    parts = charts.segments([(key, label, counts.get(key, 0)) for key, label in _parts(ctx)], total, bar_em=18 if wide else 10)
    return render("bar.html", segments=parts, wide=wide)
