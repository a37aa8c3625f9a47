"""The internal handbook in a real browser: the «Intern» mark stays in view on a phone after
scrolling and is on every printed page; notes and draft marks pass axe; the public site has none."""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_accessibility import violations

from internal_fixture import add_internal_content
from support import DATA, build_site, screenshot

PHONE = {"width": 390, "height": 844}
PAGES = ["", "intern/", "intern/samle-inn-status/", "status/", "PLAN"]  # PLAN: the first plan in the data


def first_plan(corpus) -> str:
    return f"handlingsplaner/{next(iter(corpus.plans))}/"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """The internal handbook built from a copy of data/ with notes on every level and a draft."""
    root = tmp_path_factory.mktemp("internal-browser")
    shutil.copytree(DATA, root / "data")
    ids = add_internal_content(root / "data")
    build = build_site(root / "site", config="mkdocs.internal.yml", data=root / "data")
    assert build.returncode == 0, build.output
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler, directory=str(build.site)))
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", ids
    server.shutdown()
    server.server_close()


def _in_view(page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} has no box"
    # A page wider than the phone is zoomed out: what is on screen is the layout viewport.
    view = page.evaluate("({width: window.innerWidth, height: window.innerHeight})")
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"], box
    return box


@pytest.mark.parametrize("path", PAGES)
def test_intern_mark_stays_in_view_on_a_phone_after_scrolling(phone, served, path, internal_corpus):
    phone.goto(served["internal"] + (first_plan(internal_corpus) if path == "PLAN" else path))
    mark = phone.locator(".pv-intern-mark")
    assert mark.is_visible() and mark.inner_text().strip().lower() == "intern"
    _in_view(phone, ".pv-intern-mark")
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    phone.wait_for_function("window.scrollY > 0")
    assert mark.is_visible()
    _in_view(phone, ".pv-intern-mark")
    assert mark.evaluate("e => getComputedStyle(e).position") == "fixed"
    screenshot(phone, "internal-phone-" + (path.strip("/").replace("/", "-") or "front"))


def test_phone_scrolls_the_banner_away_but_not_the_mark(phone, served):
    phone.goto(served["internal"] + "status/")
    phone.evaluate("window.scrollTo(0, 3000)")
    phone.wait_for_function("window.scrollY >= 1000")
    banner = phone.locator(".pv-internal-banner").bounding_box()
    assert banner is None or banner["y"] + banner["height"] <= 0, "the banner scrolls away; the mark is what stays"
    _in_view(phone, ".pv-intern-mark")


def test_intern_mark_on_every_printed_page(page, served, internal_corpus):
    plan = max(internal_corpus.plans.values(), key=lambda p: len(p.measures))  # long enough for several pages
    page.goto(served["internal"] + f"handlingsplaner/{plan.id}/utskrift/")
    page.emulate_media(media="print")
    mark = page.locator(".pv-intern-mark")
    assert mark.is_visible() and page.locator(".pv-internal-banner").is_visible()
    # Chromium repeats a fixed box on every printed page; the content leaves its column free.
    assert mark.evaluate("e => getComputedStyle(e).position") == "fixed"
    box = mark.bounding_box()
    content = page.locator("article").bounding_box()
    assert content["x"] + content["width"] <= box["x"], "the mark would cover the text"
    assert mark.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page/") + pdf.count(b"/Type /Page ") > 1


def test_public_pages_have_no_intern_mark_or_internal_metadata(page, served):
    page.goto(served["public"])
    assert page.locator(".pv-intern-mark").count() == 0
    assert page.locator('meta[name="planverk-audience"]').get_attribute("content") == "offentlig"
    assert page.locator('meta[name="robots"]').count() == 0


@pytest.mark.parametrize("which", ["plan", "measure", "changes", "status"])
def test_notes_and_draft_marks_have_no_wcag_violations(page, phone, fixture_site, which):
    base, ids = fixture_site
    path = {"plan": f"handlingsplaner/{ids['plan']}/", "measure": f"handlingsplaner/{ids['plan']}/{ids['measure']}/",
            "changes": f"handlingsplaner/{ids['plan']}/endringer/", "status": "status/"}[which]
    for view in (page, phone):
        view.goto(base + path)
        assert view.locator(".pv-draft").first.is_visible()
        if which in ("plan", "measure"):
            assert view.locator(".pv-notes").first.is_visible()
        if which == "status":  # the rows the script draws from the data scripts mark the draft's status too
            view.goto(f"{base}{path}?plan={ids['plan']}&gruppe={ids['group']}")
            row = view.locator("#statustabell tbody tr").filter(has=view.locator(f'a[href$="/{ids["measure"]}/"]'))
            assert row.locator(".pv-draft-tag").inner_text() == "Utkast"
        found = violations(view)
        assert not found, "\n".join(found)
    screenshot(phone, f"internal-fixture-{which}-phone")


@pytest.mark.parametrize("path", ["intern/", "intern/samle-inn-status/"])
def test_internal_pages_have_no_wcag_violations(page, served, path):
    page.goto(served["internal"] + path)
    found = violations(page)
    assert not found, "\n".join(found)
