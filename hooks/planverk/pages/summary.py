"""Counts of measures per status for groups of measures: the summary tables (a row per group, a
link from each count to the measures it counts), their stacked bars and the legend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .. import charts, urls
from .. import model as m
from ..progress import CLASSES, progress_class
from ..templating import Link, render
from .base import Ctx, title_of


@dataclass(frozen=True, slots=True)
class Part:
    """A column of the counts: a status (all measures on one scale) or a progress class
    (measures on several scales), or the measures without a status."""

    key: str  # what status_counts counts under
    label: str
    look: str  # the CSS name of its colour and shape (pv-bar__part--…)
    filters: tuple[tuple[str, str], ...]  # the status table's filter that shows what it counts


NONE = "ingen"  # the key of the measures without a status


def scales_of(ctx: Ctx, measures: Sequence[m.Measure]) -> set[str]:
    """The status scales the statuses of ``measures`` are on: their plans' and their reports'."""
    plans = {x.plan_id for x in measures}
    found = {p.scale.id for pid in plans if (p := ctx.corpus.plans[pid]).scale is not None}
    found |= {f[1].status.scale for x in measures if (f := ctx.index.entry(x))}
    return found


def parts(ctx: Ctx, measures: Sequence[m.Measure]) -> list[Part]:
    """The columns for counting ``measures``: the statuses of their scale when they share one,
    else the progress classes (every scale maps each status to one); then the unreported."""
    scales = scales_of(ctx, measures)
    scale = ctx.corpus.vocabulary.scale(next(iter(scales))) if len(scales) == 1 else None
    if scale is None:  # a measure without a status is of unknown progress (planverk.progress)
        return [Part(k, v, k, (("framdrift", k),)) for k, v in CLASSES.items()]
    return [*(Part(s.key, s.label, s.look, (("status", s.key),)) for s in scale.statuses),
            Part(NONE, "Uten status", NONE, (("status", "ingen-rapport"),))]


def count_key(ctx: Ctx, measure: m.Measure, by_status: bool) -> str:
    if not by_status:
        return ctx.index.progress(measure)
    found = ctx.index.entry(measure)
    return found[1].status.key if found else NONE


def status_counts(ctx: Ctx, measures: Sequence[m.Measure], columns: Sequence[Part] | None = None) -> dict[str, int]:
    columns = parts(ctx, measures) if columns is None else columns
    by_status = not any(dict(p.filters).get("framdrift") for p in columns)
    counts = {p.key: 0 for p in columns}
    counts.setdefault(NONE, 0)
    for measure in measures:
        key = count_key(ctx, measure, by_status)
        counts[key] = counts.get(key, 0) + 1
    return counts


def report_parts(ctx: Ctx, plan: m.Plan) -> list[Part]:
    """The columns for counting a plan's reports one by one (the chart of its reports): its
    scale's statuses when every report is on it, else the progress classes."""
    scales = {r.scale.id for r in plan.reports if r.scale} | ({plan.scale.id} if plan.scale else set())
    if len(scales) != 1:
        return [Part(k, v, k, ()) for k, v in CLASSES.items()]
    scale = ctx.corpus.vocabulary.scale(next(iter(scales)))
    assert scale is not None
    return [*(Part(s.key, s.label, s.look, ()) for s in scale.statuses), Part(NONE, "Uten status", NONE, ())]


def report_counts(ctx: Ctx, plan: m.Plan, report: m.StatusReport, columns: Sequence[Part]) -> dict[str, int]:
    """Measures of the plan per column in ``report``; those it leaves out under "ingen" (or, by
    progress class, as unknown)."""
    by_status = any(p.key == NONE for p in columns)
    counts = {p.key: 0 for p in columns}
    counts.setdefault(NONE, 0)
    for measure in plan.measures:
        entry = report.entry(measure.id)
        key = (entry.status.key if entry else NONE) if by_status else progress_class(measure, report, entry)
        counts[key] = counts.get(key, 0) + 1
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
    columns = parts(ctx, [x for _, ms in rows for x in ms])
    counted = [(label, measures, status_counts(ctx, measures, columns)) for label, measures in rows]
    has_none = any(counts[NONE] for _, _, counts in counted)
    shown = [p for p in columns if p.key != NONE or has_none]
    head = [first_col, *(p.label for p in shown), "Totalt"]
    if any(found[0].draft for _, ms in rows for found in map(ctx.index.entry, ms) if found):
        caption += " (med status fra et utkast)"  # the internal handbook's drafts, see pages/internal.py
    view = []
    for i, (label, measures, counts) in enumerate(counted):
        total = len(measures)
        overdue = sum(1 for x in measures if ctx.index.is_overdue(x))
        target = links[i] if links else None
        cells = [_cell(ctx, target, counts[p.key], **dict(p.filters)) for p in shown]
        cells += [_cell(ctx, target, total), _cell(ctx, target, overdue, "pv-summary__aside", forfalt="ja")]
        view.append((label, cells, bar(ctx, counts, total, columns=columns)))
    return ctx.html("summary.html", legend=legend(ctx, has_none=has_none, overdue=True, columns=columns), caption=caption,
                    head=head, rows=view)


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


def legend(ctx: Ctx, *, has_none: bool, overdue: bool = False, columns: Sequence[Part] | None = None) -> Markup:
    """What the colours and patterns of the bars mean (the status badges' own colours)."""
    columns = parts(ctx, ctx.index.measures) if columns is None else columns
    items = [(p.look, p.label) for p in columns if p.key != NONE or has_none]
    return render("legend.html", items=items, overdue=overdue)


def bar(ctx: Ctx, counts: dict[str, int], total: int, *, wide: bool = False, columns: Sequence[Part] | None = None) -> Markup:
    """A stacked bar with its counts where they fit; hidden from screen readers (the numbers
    are in the table cells beside it)."""
    if not total:
        return Markup()
    columns = parts(ctx, ctx.index.measures) if columns is None else columns
    segments = charts.segments([(p.look, p.label, counts.get(p.key, 0)) for p in columns], total, bar_em=18 if wide else 10)
    return render("bar.html", segments=segments, wide=wide)


def report_figures(ctx: Ctx, plan: m.Plan, group: str | None = None, *, scope: str = "",
                   measures: Sequence[m.Measure] | None = None) -> str:
    """What the plan's latest report says of the plan (``group`` None: with every group's
    summaries) or of one group (its id): how many measures it covers when not all, and its
    summary figures. Empty when there is nothing to say (no report, all covered, no summaries).
    ``measures``: the group's, where the caller has them (else found by :func:`in_group`)."""
    report = plan.latest_report
    if report is None:
        return ""
    if measures is None:
        measures = plan.measures if group is None else tuple(x for x in plan.measures if in_group(x, group))
    covered = sum(1 for x in measures if report.entry(x.id) is not None)
    summaries = [x for x in report.summaries if group is None or x.group == group]
    if covered == len(measures) and not summaries:
        return ""
    groups = {g.id: g for g in plan.groups}
    view = [(x.text, ctx.a(groups[x.group], groups[x.group].designation) if group is None and x.group in groups else None)
            for x in sorted(summaries, key=lambda x: x.group is not None)]
    unreported = sum(1 for x in measures if ctx.index.entry(x) is None)
    return ctx.html("report_figures.html", report_title=report.title, as_of=report.as_of,
                    covered=covered if covered < len(measures) else None, total=len(measures), scope=scope, summaries=view,
                    unreported=unreported, older=len(measures) - covered - unreported)


def in_group(measure: m.Measure, group: str) -> bool:
    """Whether a measure is in the group a report summary names (by its id), at any depth: the
    one place that resolves a summary's group."""
    return any(g.id == group for g in measure.group.path)
