"""Pictures in a real browser: the pyramid's links are reached by keyboard in order and the
picture fits a 360 px phone; the new pages pass axe."""

from __future__ import annotations

import pytest
from test_accessibility import violations

from support import screenshot


@pytest.fixture(scope="module")
def strategy(public_corpus):
    return next(s for s in public_corpus.strategies.values() if s.pyramid_layers)


def test_pyramid_links_are_reached_in_order_by_keyboard(page, served, strategy):
    page.goto(served["public"] + f"strategier/{strategy.id}/")
    links = page.locator("svg.pv-pyramid-svg a")
    assert links.count() == len(strategy.pyramid_layers)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    listed = page.locator("details.pv-pyramid-text li a")
    assert [listed.nth(i).get_attribute("href") for i in range(listed.count())] == hrefs
    links.first.focus()
    reached = [page.evaluate("() => document.activeElement.getAttribute('href')")]
    for _ in hrefs[1:]:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('href')"))
    assert reached == hrefs
    outline = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('polygon')).strokeWidth")
    assert outline == "4px"  # a visible focus mark on the focused layer
    target = page.evaluate("() => new URL(document.activeElement.getAttribute('href'), document.baseURI).href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_pyramid_fits_a_phone(browser, served, strategy):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="nb-NO")
    page = context.new_page()
    page.goto(served["public"] + f"strategier/{strategy.id}/")
    svg = page.locator("svg.pv-pyramid-svg")
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    label = page.locator("svg.pv-pyramid-svg text.pv-pyramid-svg__label").first
    assert label.bounding_box()["height"] >= 10  # still readable after scaling down
    screenshot(page, "phone-strategy-pyramid")
    context.close()


@pytest.mark.parametrize("path", ["plan-print", "strategy-print", "apne-data/"])
def test_new_pages_have_no_wcag_violations(page, served, path, public_corpus, strategy):
    plan = next(iter(public_corpus.plans))
    path = {"plan-print": f"handlingsplaner/{plan}/utskrift/", "strategy-print": f"strategier/{strategy.id}/utskrift/"}.get(path, path)
    page.goto(served["public"] + path)
    found = violations(page)
    assert not found, "\n".join(found)
