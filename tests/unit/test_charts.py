"""Pictures from the data: the status bars with legend and labels, and a plan's statuses from
report to report as a chart with its data table (driven by the data and a literal second report)."""

from __future__ import annotations

import re

from corpora import second_report
from planverk import charts, urls
from planverk.changes import compare
from planverk.pages.base import Ctx
from planverk.pages.plans import plan_page, status_trend
from planverk.pages.summary import report_counts, report_parts, status_summary


def _cells(row: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]


def test_segments_show_counts_only_where_they_fit():
    parts = charts.segments([("a", "A", 1), ("b", "B", 0), ("c", "C", 99)], 100)
    assert [(p.key, p.count, p.share) for p in parts] == [("a", 1, 1.0), ("c", 99, 99.0)]
    assert [p.show_count for p in parts] == [False, True]
    assert charts.segments([("a", "A", 1)], 0) == []


def test_summary_has_a_legend_and_keeps_overdue_out_of_the_total(public_corpus):
    plan = next(p for p in public_corpus.plans.values() if p.reports)
    ctx = Ctx.create(public_corpus).at(urls.page_of(plan.ref))
    html = ctx.fragments[int(re.search(r"(\d+)", status_summary(ctx, [("Alle", plan.measures)], first_col="Gruppe",
                                                                     caption="x")).group(1))]
    legend = html[:html.index("<table")]
    assert plan.scale is not None
    for status in plan.scale.statuses:  # one plan: its scale's statuses, each in its class's colour and shape
        assert f"pv-bar__part--{status.look}" in legend and status.label in legend
    assert "Herav forfalt" in legend
    head = _cells(re.search(r"<thead>(.*?)</thead>", html).group(1))
    assert head.index("Totalt") == len(plan.scale.statuses) + 1 + ("Uten status" in head)
    assert head[head.index("Totalt") + 1] == "Herav forfalt"
    row = _cells(re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S).group(1))
    counts = [int(c) for c in row[1:head.index("Totalt")]]
    assert sum(counts) == int(row[head.index("Totalt")]) == len(plan.measures)
    assert int(row[head.index("Herav forfalt")]) == sum(1 for x in plan.measures if ctx.index.is_overdue(x))
    shown = re.findall(r'<span class="pv-bar__count">(\d+)</span>', row_html := re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S).group(1))
    assert shown and all(int(n) in counts for n in shown)
    assert 'class="pv-bar" aria-hidden="true"' in row_html


def test_one_report_draws_no_trend(public_corpus):
    for plan in public_corpus.plans.values():
        if len(plan.reports) < 2:
            assert status_trend(Ctx.create(public_corpus).at(urls.page_of(plan.ref)), plan) == ""


def test_two_reports_draw_the_statuses_from_report_to_report_with_a_table(tmp_path):
    corpus = second_report(tmp_path).load()
    plan = next(p for p in corpus.plans.values() if len(p.reports) >= 2)
    ctx = Ctx.create(corpus).at(urls.page_of(plan.ref))
    body = plan_page(ctx, plan).full_body
    figure = body[body.index('<figure class="pv-trend"'):body.index("</figure>", body.index('<figure class="pv-trend"'))]
    chart = figure[:figure.index("</div>\n<ul")]
    assert chart.count('class="pv-trend__row"') == len(plan.reports)
    labels = re.findall(r'<span class="pv-trend__label">([^<]+)</span>', chart)
    assert labels == [ctx.when(r.as_of) for r in plan.reports]  # oldest first
    table = figure[figure.index("<table"):]
    head = _cells(re.search(r"<thead>(.*?)</thead>", table).group(1))
    rows = [_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])]
    assert len(rows) == len(plan.reports)
    for report, row in zip(plan.reports, rows, strict=False):
        assert row[0].startswith(report.title)
        expected = report_counts(ctx, plan, report, report_parts(ctx, plan))
        for status in corpus.vocabulary.statuses:
            assert int(row[head.index(status.label)]) == sum(
                1 for x in plan.measures if (e := report.entry(x.id)) and e.status.id == status.id
            )
            assert int(row[head.index(status.label)]) == expected[status.key]
        assert int(row[-1]) == len(plan.measures) == sum(int(c) for c in row[1:-1])
    assert rows[0][1:] != rows[1][1:]  # the second report moved something, and the table shows it
    kinds = [c.kind for c in compare(plan, plan.reports[0], plan.reports[1])]
    moves = re.search(r'<ul class="pv-trend__moves">(.*?)</ul>', figure, re.S).group(1)
    assert f"{kinds.count('status-fram')} fram i status" in moves
