"""A reader clicking through the public site."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from planverk import urls
from planverk.index import Index
from support import screenshot


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().replace("¶", "").strip()


def _org_heading(org) -> str:
    return f"{org.name} ({org.abbreviation})" if org.abbreviation else org.name


def test_front_page_to_organisation_strategy_area_goal(page, served, public_corpus):
    strategy = next(s for s in public_corpus.strategies.values() if any(a.goals for a in s.areas))
    area = next(a for a in strategy.areas if a.goals)
    goal = area.goals[-1]
    page.goto(served["public"])
    page.locator("article").get_by_role("link", name=strategy.owner.name, exact=True).first.click()
    assert h1(page) == _org_heading(strategy.owner)
    page.goto(served["public"])
    page.locator("article").get_by_role("link", name=strategy.title, exact=True).first.click()
    assert h1(page) == strategy.title
    page.locator("article").get_by_role("link", name=area.title, exact=True).first.click()
    assert h1(page) == area.title
    page.locator("article").get_by_role("link", name=f"Mer om målet «{goal.title}»").click()
    assert h1(page) == goal.title
    assert page.url.endswith(f"/strategier/{strategy.id}/omrader/{area.id}/{goal.id}/")
    expect(page.locator("article ol li")).to_have_count(len(goal.subgoals))
    screenshot(page, "goal")


def test_measure_to_status_table_and_back(page, served, public_corpus):
    plan = max(public_corpus.plans.values(), key=lambda p: len(p.measures))
    measure = plan.measures[len(plan.measures) // 2]
    page.goto(served["public"] + f"handlingsplaner/{plan.id}/{measure.id}/")
    page.get_by_role("link", name="Alle tiltak i statusoversikten").click()
    assert "/status/" in page.url and f"plan={plan.id}" in page.url
    expect(page.locator("#statustabell tbody tr:visible")).to_have_count(len(plan.measures))
    page.locator("#statustabell").get_by_role("link", name=measure.title, exact=True).click()
    assert h1(page) == f"Tiltak {measure.number}: {measure.title}"


def test_responsible_body_to_its_measures(page, served, public_corpus):
    index = Index(public_corpus)
    measures = [(p, x) for p in public_corpus.plans.values() for x in p.measures]
    # an overdue measure if the data has one, and the body that leads it
    _plan, measure = next(((p, x) for p, x in measures if index.is_overdue(x)), measures[0])
    org = next(party.organisation for party in measure.responsibility.parties if party.organisation)
    named = [x for _, x in measures if any(party.organisation is org for party in x.responsibility.parties)]
    page.goto(served["public"] + f"organisasjoner/{org.id}/")
    assert h1(page) == _org_heading(org)
    rows = page.locator("article table.pv-table").first.locator("tbody tr")
    expect(rows).to_have_count(len(named))
    # by its address, not its title: two plans may have measures of the same title
    address = urls.url_of(urls.page_of(measure.ref))
    link = page.locator("article table.pv-table").first.locator(f'a[href$="/{address}"]')
    expect(link).to_have_text(measure.title)
    link.click()
    assert h1(page) == f"Tiltak {measure.number}: {measure.title}"
    if index.is_overdue(measure):
        expect(page.locator("article")).to_contain_text("Forfalt")
    page.get_by_role("link", name=re.compile("^" + re.escape(org.name))).first.click()
    assert h1(page) == _org_heading(org)
