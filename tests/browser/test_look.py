"""Phones, breadcrumbs, the Norwegian 404 and best-practice axe, over every page kind the look covers.

At 390×844 no page scrolls sideways and no word in a table is broken inside itself; a
breadcrumb trail leads from every page below the top back to the front page; the 404 page is
Norwegian with search and a way back. Screenshots of the main page kinds (phone and
desktop) go to test-artifacts/screenshots/look-*.png for reviewers.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import KINDS, url

from support import SHOTS, screenshot

# The status overview's table is another module's (test_status_table.py); every other kind here.
PHONE_KINDS = [k for k in KINDS if k != "status"]
MAIN_KINDS = ["front", "status", "plan", "measure", "organisation", "strategy"]
BEST_PRACTICE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                 "resultTypes": ["violations"]}

# Words in table cells that the layout broke across lines: a word (split at spaces, hyphens
# and slashes, where a break is allowed) whose letters lie on more than one line.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.md-content table th, .md-content table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-–\\/]+/g;
      let m;
      while ((m = re.exec(node.data)) !== null) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO", device_scale_factor=1)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PHONE_KINDS)
def test_no_page_scrolls_sideways_on_a_phone(phone, served, kind):
    phone.goto(url(served["public"], KINDS[kind], True))
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= phone.evaluate("window.innerWidth"), f"{kind}: the page is {width} px wide at 390 px"


# Every form control on the page (the header's menu and search buttons, the content's forms and
# toggles, the footer's) lies inside the viewport, whole. The closed nav drawer and search
# dialog are off screen by design and not part of the page until opened.
CONTROLS_OUTSIDE = """() => [...document.querySelectorAll(
    ':is(.md-header, .md-content, .md-footer) :is(input, button, select, textarea, summary, label[for])')]
  .filter(e => !e.closest('.md-search') && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && (r.left < 0 || r.right > window.innerWidth); })
  .map(e => e.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("kind", [*PHONE_KINDS, "404"])
def test_every_form_control_fits_a_360_px_phone(browser, served, kind):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served["public"] + "404.html" if kind == "404" else url(served["public"], KINDS[kind], True))
    outside = page.evaluate(CONTROLS_OUTSIDE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), kind
    context.close()
    assert not outside, f"{kind}: controls outside a 360 px screen: {outside}"


@pytest.mark.parametrize("width", [360, 390, 1280])
@pytest.mark.parametrize("kind", [k for k in PHONE_KINDS if k in ("front", "plan", "group", "organisation", "organisations",
                                                                  "strategy", "errata", "changes", "drivers")])
def test_no_word_in_a_table_is_broken(browser, served, kind, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.goto(url(served["public"], KINDS[kind], True))
    broken = page.evaluate(BROKEN_WORDS)
    context.close()
    assert not broken, f"{kind} at {width} px breaks words inside themselves: {broken[:10]}"


def test_tables_wider_than_a_phone_scroll_in_a_named_region(phone, served):
    phone.goto(url(served["public"], KINDS["plan"], True))
    regions = phone.locator(".md-content .pv-table-wrap")
    assert regions.count() > 0
    for i in range(regions.count()):
        region = regions.nth(i)
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    bare = phone.evaluate("[...document.querySelectorAll('.md-content table.pv-summary')]"
                          ".filter(t => !t.closest('.pv-table-wrap')).length")
    assert bare == 0


@pytest.mark.parametrize("kind", [k for k in KINDS if k not in ("front", "status")])  # both at the top level
def test_breadcrumbs_lead_back_to_the_front_page(page, served, kind):
    page.goto(url(served["public"], KINDS[kind], True))
    trail = page.locator("nav.md-path[aria-label='Du er her']")
    assert trail.count() == 1, f"{kind}: no breadcrumb trail"
    links = trail.locator("a")
    assert links.first.inner_text().strip() == "Forside"
    links.first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == served["public"].rstrip("/")


def test_measure_breadcrumbs_and_nav_show_plan_and_group(page, served):
    page.goto(url(served["public"], KINDS["measure"], True))
    crumbs = [t.strip() for t in page.locator("nav.md-path a").all_inner_texts()]
    plan = page.locator(".pv-facts a").first.inner_text().strip() if page.locator(".pv-facts a").count() else None
    assert len(crumbs) >= 4, crumbs  # Forside › Handlingsplaner › plan › group
    if plan:
        assert plan in crumbs
    active = page.locator(".md-nav--primary .md-nav__item--active > a.md-nav__link").all_inner_texts()
    assert crumbs[-1] in [a.strip() for a in active], (crumbs, active)


def test_the_404_page_is_norwegian_with_search_and_a_way_back(page, served):
    # The test server does not serve 404.html for a missing path as a web server would; open it.
    page.goto(served["public"] + "404.html")
    assert page.locator("h1").inner_text().strip() == "Fant ikke siden"
    assert page.locator("html").get_attribute("lang") == "nb"
    page.get_by_label("Søk etter det du lette etter").fill("tiltak")
    page.get_by_role("button", name="Søk", exact=True).click()
    page.wait_for_load_state()
    assert "q=tiltak" in page.url
    page.goto(served["public"] + "404.html")
    page.get_by_role("link", name="Gå til forsiden").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == served["public"].rstrip("/")


def test_landmarks_are_named_in_norwegian(page, served):
    page.goto(url(served["public"], KINDS["plan"], True))
    labels = page.evaluate("[...document.querySelectorAll('nav[aria-label]')].map(n => n.getAttribute('aria-label'))")
    assert "Header" not in labels and "Footer" not in labels
    assert "Toppfelt" in labels


def test_no_developer_chrome_on_the_public_site(page, served):
    page.goto(url(served["public"], KINDS["measure"], True))
    assert page.locator(".md-source, .md-content__button").count() == 0
    page.goto(served["internal"] + KINDS["measure"].removesuffix("index") + "/")
    edit = page.locator("a.md-content__button[href*='/data/']")
    assert edit.count() == 1 and edit.get_attribute("href").endswith(".yml")


def test_publisher_in_header_and_footer(page, served, sites):
    page.goto(served["public"])
    assert page.locator(".pv-site-name").first.is_visible()
    footer = page.locator(".pv-footer")
    assert footer.get_by_role("link", name="Tilgjengelighetserklæring").count() == 1
    assert footer.locator(".pv-footer__publisher").inner_text().strip()


def _axe(browser, served, kind: str, width: int) -> list[dict]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.goto(served["public"] + "404.html" if kind == "404" else url(served["public"], KINDS[kind], True))
    result = Axe().run(page, options=BEST_PRACTICE).response
    context.close()
    return result["violations"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", [*PHONE_KINDS, "404"])
def test_axe_with_best_practice_rules(browser, served, kind, width):
    found = [f"{v['id']}: {v['help']} – " + "; ".join(str(n["target"]) for n in v["nodes"][:4])
             for v in _axe(browser, served, kind, width)]
    assert not found, "\n".join(found)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _shoot(browser, base: str, kind: str, prefix: str) -> None:
    for name, viewport in (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})):
        context = browser.new_context(viewport=viewport, locale="nb-NO")
        page = context.new_page()
        page.goto(url(base, KINDS[kind], True))
        screenshot(page, f"{prefix}-{kind}-{name}")
        context.close()


@pytest.mark.parametrize("kind", MAIN_KINDS)
def test_screenshots_of_the_main_page_kinds(browser, served, kind):
    """look-after-*.png always; look-before-*.png too when PLANVERK_BEFORE_SITE names an older
    build's public site folder (for the issue note: build main at 8ddada7 in a clone)."""
    _shoot(browser, served["public"], kind, "look-after")
    before = os.environ.get("PLANVERK_BEFORE_SITE")
    if before:
        handler = functools.partial(_Quiet, directory=before)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            _shoot(browser, f"http://127.0.0.1:{server.server_address[1]}/", kind, "look-before")
        finally:
            server.shutdown()
            server.server_close()
    assert (SHOTS / f"look-after-{kind}-phone.png").stat().st_size > 0
