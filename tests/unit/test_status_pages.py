"""The status pages and the rules behind them, on the real data and on small literal variations."""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from corpora import Data, measure
from planverk import model as m
from planverk import progress, urls
from planverk.index import Index
from planverk.pages.base import Ctx
from planverk.pages.status import status_data_files, status_overview, status_plan_page
from planverk.pages.summary import status_summary


def _data(script: str) -> dict:
    return json.loads(script[script.index("push(") + 5:script.rindex(")")])


def test_overview_has_no_rows_but_loads_every_plans_data(public_corpus):
    page = status_overview(Ctx.create(public_corpus).at(urls.STATUS))
    body = page.full_body
    assert page.title == "Statusoversikt" and not page.search_exclude
    assert "<tr data-plan=" not in body
    for plan in public_corpus.plans.values():
        assert f'<script src="data/{plan.id}.js" defer></script>' in body
        assert f"Status: {plan.title}" in body  # the list of plan status pages, for readers without JavaScript


def test_plan_page_has_the_whole_table(public_corpus):
    for plan in public_corpus.plans.values():
        page = status_plan_page(Ctx.create(public_corpus).at(urls.status_plan_page(plan.id)), plan)
        assert page.title == f"Status: {plan.title}"
        assert page.body.count("<tr data-plan=") == 0  # the table bypasses Markdown as a fragment
        assert page.full_body.count(f'<tr data-plan="{plan.id}"') == len(plan.measures)
        assert f'<script src="../data/{plan.id}.js" defer></script>' in page.full_body


@pytest.mark.parametrize("directory_urls", [True, False])
def test_data_scripts_hold_every_measure_with_its_rules(public_corpus, directory_urls):
    index = Index(public_corpus)
    files = dict(status_data_files(public_corpus, directory_urls=directory_urls))
    statuses = public_corpus.vocabulary.statuses
    for plan in public_corpus.plans.values():
        data = _data(files[urls.status_data_file(plan.id)])
        assert [r[1] for r in data["rows"]] == [x.number for x in plan.measures]
        for x, row in zip(plan.measures, data["rows"], strict=True):
            assert data["base"] + row[0] == urls.site_path(urls.page_of(x.ref), directory_urls=directory_urls)
            found = index.entry(x)
            assert (statuses[row[8]].id if row[8] >= 0 else None) == (found[1].status.id if found else None)
            assert row[11] == (1 if index.is_overdue(x) else 0)
            assert row[12] == index.progress(x)


def _measure(period: m.Period | None) -> m.Measure:
    return m.Measure(id="t", plan_id="p", number=1, group=None, title="T", overview_title=None,  # type: ignore[arg-type]
                     responsibility=m.Responsibility(None, None, ()), actors=(), period=period, overview_period=None,
                     description="", themes=(), contacts=None, source=None)  # type: ignore[arg-type]


def _report(year: str, status: m.Status) -> tuple[m.StatusReport, m.StatusEntry]:
    entry = m.StatusEntry("t", status, None, (), None)  # type: ignore[arg-type]
    return m.StatusReport("r", "p", "R", f"{year}-08", None, None, None, (entry,), None), entry  # type: ignore[arg-type]


def test_progress_rules():
    going = m.Status("igangsatt", "Igangsatt", "", False, 2, "pagar")
    done = m.Status("gjennomfort", "Gjennomført", "", True, 3, "gjennomfort")
    ended = _measure(m.Period(2009, 2009, "2009"))
    running = _measure(m.Period(2009, 2014, "2009–2014"))
    assert progress.progress_class(running, *_report("2011", going)) == "pagar"
    assert progress.progress_class(ended, *_report("2011", going)) == "forsinket"  # overdue: delayed whatever its status
    assert progress.is_overdue(ended, *_report("2011", going))
    assert not progress.is_overdue(ended, *_report("2011", done))
    assert progress.progress_class(ended, *_report("2011", done)) == "gjennomfort"
    assert not progress.is_overdue(ended, *_report("2009", going))  # the period's last year is not over
    assert progress.progress_class(ended, None, None) == "ukjent"
    assert not progress.is_overdue(_measure(None), *_report("2011", going))


def test_vocabulary_carries_progress_classes(public_corpus):
    for status in public_corpus.vocabulary.statuses:
        assert status.progress in progress.CLASSES
        assert (status.progress == progress.DONE) == status.done


def test_status_query():
    assert urls.status_query() == ""
    assert urls.status_query(plan="a", status=["x", "y"]) == "?plan=a&status=x,y"
    assert urls.status_query(forfalt="ja", ansvarlig="kd", rolle="alle") == "?ansvarlig=kd&rolle=alle&forfalt=ja"
    with pytest.raises(KeyError):
        urls.status_query(nope="1")


def test_summary_counts_link_to_what_they_count(public_corpus):
    ctx = Ctx.create(public_corpus).at(urls.HOME)
    index = Index(public_corpus)
    plans = list(public_corpus.plans.values())
    status_summary(ctx, [("x", p.measures) for p in plans], first_col="Plan", caption="c",
                   links=[(urls.status_plan_page(p.id), {}) for p in plans])
    html = ctx.fragments[-1]
    rows = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>")[1], re.S)
    assert len(rows) == len(plans)
    for plan, row in zip(plans, rows, strict=False):
        for href, count in re.findall(r'<a href="([^"]+)">(\d+)</a>', row):
            parts = urlsplit(href.replace("&amp;", "&"))
            assert parts.path == urls.url_of(urls.status_plan_page(plan.id))
            query = {k: v[0].split(",") for k, v in parse_qs(parts.query).items()}
            chosen = [
                x
                for x in plan.measures
                if (not query.get("status") or (index.entry(x)[1].status.id if index.entry(x) else "ingen-rapport") in query["status"])
                and (not query.get("forfalt") or index.is_overdue(x))
            ]
            assert len(chosen) == int(count), href
        assert not re.findall(r"<td>([1-9]\d*)</td>", row)  # every non-zero count is a link


def test_status_data_escapes_nothing_into_html(public_corpus):
    """The data scripts are JSON in a script file; a title with markup stays text (the script uses textContent)."""
    plan = next(iter(public_corpus.plans.values()))
    evil = dataclasses.replace(plan.measures[0], title="<img src=x onerror=alert(1)>")
    corpus = dataclasses.replace(public_corpus, plans={**public_corpus.plans,
                                 plan.id: dataclasses.replace(plan, measures=(evil, *plan.measures[1:]))})
    files = dict(status_data_files(corpus, directory_urls=True))
    assert _data(files[urls.status_data_file(plan.id)])["rows"][0][2] == "<img src=x onerror=alert(1)>"
    page = status_plan_page(Ctx.create(corpus).at(urls.status_plan_page(plan.id)), corpus.plans[plan.id])
    assert "<img src=x" not in page.full_body and "&lt;img src=x onerror=alert(1)&gt;" in page.full_body


def test_the_table_script_is_told_which_roles_lead(tmp_path):
    # statustabell.js puts the parties of these roles first as responsible; the rest "i samarbeid med"
    data = Data(tmp_path)
    for role in data.vocabulary["roles"]:
        role["leads"] = role["id"] == "samarbeidspart"
    data.plan("plan-a", measures=[measure(1)])
    corpus = data.load()
    body = status_overview(Ctx.create(corpus).at(urls.STATUS)).full_body
    config = json.loads(re.search(r"data-config='([^']*)'", body).group(1).replace("&#34;", '"').replace("&amp;", "&"))
    assert config["leads"] == ["samarbeidspart"]
