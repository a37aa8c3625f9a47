"""'Status per …' and 'Sist endret …': from the data's reports and dates, never the clock."""

from __future__ import annotations

from corpora import Data, plan_with_groups, strategy_with_goals_linked_from_a_plan
from planverk import urls
from planverk.index import Index
from planverk.stamps import day, render, stamps, status_text
from planverk.text import year_month


def test_every_plan_page_names_its_report_and_month(public_corpus):
    found = stamps(public_corpus, Index(public_corpus))
    for plan in public_corpus.plans.values():
        for path in [urls.page_of(plan.ref), urls.status_plan_page(plan.id), *(urls.page_of(x.ref) for x in plan.measures)]:
            html = render(found[path], {}, 1318118400)
            if plan.latest_report is not None:
                assert f"Status per {year_month(plan.latest_report.as_of)}" in html or year_month(plan.latest_report.as_of) in html
            else:
                assert "Ingen statusrapport" in html
            assert "Sist endret 9. oktober 2011." in html


def test_plan_page_says_when_the_next_report_is_due(public_corpus):
    found = stamps(public_corpus, Index(public_corpus))
    for plan in public_corpus.plans.values():
        due = plan.latest_report.next_update if plan.latest_report else None
        html = render(found[urls.page_of(plan.ref)], {}, None)
        assert (f"Neste statusrapport: {due}" in html) == bool(due)


def test_last_changed_is_the_newest_of_the_pages_files_else_the_epoch(public_corpus):
    found = stamps(public_corpus, Index(public_corpus))
    plan = next(iter(public_corpus.plans.values()))
    stamp = found[urls.page_of(plan.ref)]
    dates = {f: 1318118400 + i * 86400 for i, f in enumerate(stamp.files)}
    assert f"Sist endret {day(max(dates.values()))}." in render(stamp, dates, None)
    assert "Sist endret" not in render(stamp, {}, None)


def test_status_text_lists_plans_whose_reports_differ(public_corpus):
    plans = tuple(public_corpus.plans.values())
    text = status_text(plans)
    reported = [p for p in plans if p.latest_report]
    if len({p.latest_report.as_of for p in reported}) > 1:
        assert all(p.title in text for p in reported)
    assert status_text(()) == ""


def test_every_page_of_a_strategy_has_its_line_and_files(tmp_path):
    data = Data(tmp_path)
    plan = plan_with_groups(data, sizes=(2,))
    strategy_with_goals_linked_from_a_plan(data, plan, linked={"mal-a": [1], "mal-b": []})
    data.files["strategies/strategi-a.yml"][1]["mission"] = {"title": "Samfunnsoppdrag", "text": "Oppdraget."}
    corpus = data.load()
    found = stamps(corpus, Index(corpus))
    strategy = corpus.strategies["strategi-a"]
    pages = {urls.page_of(p.ref) for p in strategy.parts if not urls.anchor_of(p.ref)}
    assert {"mission:strategi-a", "area:strategi-a/omrade-a", "goal:strategi-a/omrade-a/mal-b"} <= {p.ref for p in strategy.parts}
    assert len(pages) > 2 and pages <= set(found), "the strategy's own page, its area's and its goals'"
    for path in pages:
        assert found[path].files == (corpus.files[strategy.ref],), "made from the strategy's file alone"
        assert "Sist endret 9. oktober 2011." in render(found[path], {}, 1318118400)
