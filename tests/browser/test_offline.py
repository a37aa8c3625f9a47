"""The offline bundle opened from file:// with every non-file request aborted and recorded."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import screenshot


@pytest.fixture
def offline(browser, sites):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    attempted: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page, sites["offline"].site.as_uri(), attempted
    context.close()
    assert not attempted, f"network requests from the offline bundle: {attempted}"
    assert not errors, errors


def test_pages_load_and_navigate(offline, public_corpus):
    page, root, _ = offline
    plan = max(public_corpus.plans.values(), key=lambda p: len(p.measures))
    package = [p for p in plan.groups if plan.measures_in(p)][-1]  # the last package that has measures
    measure = plan.measures_in(package)[0]
    page.goto(root + "/index.html")
    assert "Strategier og handlingsplaner" in page.locator("article h1").inner_text()
    page.locator("article").get_by_role("link", name=plan.title, exact=True).first.click()
    assert page.url.endswith(f"handlingsplaner/{plan.id}/index.html")
    page.locator("article").get_by_role("link", name=f"{package.designation}: {package.title}").first.click()
    page.locator("article table").get_by_role("link", name=measure.title, exact=True).click()
    assert f"Tiltak {measure.number}:" in page.locator("article h1").inner_text()
    screenshot(page, "offline-measure")


def test_search_works_offline(offline, public_corpus):
    page, root, _ = offline
    plan = next(iter(public_corpus.plans.values()))
    page.goto(root + f"/handlingsplaner/{plan.id}/{plan.measures[0].id}.html")
    expect(page.locator(".md-search")).to_be_visible()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type("tiltakene", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 3
    assert page.locator(".md-search-result mark").count() > 3  # highlighted, from the stemmed index


def test_offline_search_ranks_like_the_public_site(offline, public_corpus):
    """The same index and worker from file:// (through the iframe-worker shim): each plan by its title, first."""
    page, root, _ = offline
    page.goto(root + "/index.html")
    field = page.locator("input.md-search__input")
    for plan in public_corpus.plans.values():
        field.click()
        field.fill("")
        field.press("End")
        expect(page.locator(".md-search-result__meta")).to_have_text("Skriv søkeord", timeout=10_000)
        field.fill(plan.title + " ")
        field.press("End")
        first = page.locator(".md-search-result__link").first
        expect(first).to_be_visible(timeout=10_000)
        assert f"handlingsplaner/{plan.id}/index.html" in first.get_attribute("href"), plan.title
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handlingsplaner/**")


def test_table_filter_works_offline(offline):
    page, root, _ = offline
    page.goto(root + "/status.html")
    page.locator("#statusfilter summary", has_text="Status").click()
    page.locator('#statusfilter input[name="status"][value="ikke-igangsatt"]').check()
    expect(page).to_have_url(re.compile("status=ikke-igangsatt"))
    statuses = page.locator("#statustabell tbody tr").evaluate_all("rs => rs.map(r => r.dataset.status)")
    assert statuses and set(statuses) == {"ikke-igangsatt"}  # the rows come from data scripts, from file://
