"""The status pages: sorting, filters with several values and progress shortcuts, counts that link
to what they count, reset and copy link, the view kept in the URL, every row without JavaScript,
the phone layout and axe. Expectations come from the data (any valid corpus), never from today's
counts."""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from corpora import Data, measure, plan_with_custom_scale
from planverk import urls
from planverk.index import Index
from support import screenshot

ROWS = "#statustabell tbody tr"
COUNT = "#statusfilter output"
PAGE = 50  # rows the script draws at first (docs/javascripts/statustabell.js)


def measures(corpus):
    return [x for p in corpus.plans.values() for x in p.measures]


def status_of(index, measure) -> str:
    found = index.entry(measure)
    return found[1].status.filter_key if found else "ingen-rapport"


def shown(page) -> int:
    """The number of measures the count says match (the rows may be a first page of them)."""
    text = page.locator(COUNT).inner_text()
    match = re.match(r"Viser ([\d\s\u00a0]+) av ([\d\s\u00a0]+) tiltak", text)
    assert match, text
    return int(re.sub(r"\D", "", match.group(1)))


def columns(page) -> list[str]:
    return page.locator("#statustabell thead th").evaluate_all("ths => ths.map(t => t.getAttribute('data-col'))")


def keys(page, col: str) -> list[str]:
    index = columns(page).index(col)
    return page.locator(ROWS).evaluate_all(f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort'))")


def test_sort_by_each_column(page, served, public_corpus):
    page.goto(served["public"] + "status/")
    total = len(measures(public_corpus))
    expect(page.locator(ROWS)).to_have_count(min(total, PAGE))
    for col in columns(page):
        header = page.locator(f'#statustabell th[data-col="{col}"]')
        header.get_by_role("button").click()
        expect(header).to_have_attribute("aria-sort", "ascending")
        ascending = keys(page, col)
        header.get_by_role("button").click()
        expect(header).to_have_attribute("aria-sort", "descending")
        descending = keys(page, col)
        assert len(ascending) == min(total, PAGE)
        in_order = page.evaluate("""(vals) => { const c = new Intl.Collator('nb', {numeric: true, sensitivity: 'base'});
            const cmp = (a, b) => { const na = Number(a), nb = Number(b);
              if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb; return c.compare(a, b); };
            return vals.every((v, i) => i === 0 || cmp(vals[i - 1], v) <= 0); }""", ascending)
        assert in_order, (col, ascending)
        if total <= PAGE:
            assert descending == list(reversed(ascending)), col
        assert f"sorter={col}" in page.url and "retning=descending" in page.url


def test_several_values_and_the_not_done_shortcut_follow_the_data(page, served, public_corpus):
    index = Index(public_corpus)
    everything = measures(public_corpus)
    page.goto(served["public"] + "status/")
    expect(page.locator(COUNT)).to_have_text(re.compile(r"^Viser"))
    caption = page.locator("#statustabell caption")
    base_caption = caption.inner_text()

    page.get_by_role("button", name="Ikke gjennomført").click()
    not_done = [x for x in everything if index.progress(x) != "gjennomfort"]
    assert shown(page) == len(not_done)
    assert page.get_by_role("button", name="Ikke gjennomført").get_attribute("aria-pressed") == "true"
    assert all(p != "gjennomfort" for p in page.locator(ROWS).evaluate_all("rs => rs.map(r => r.dataset.progress)"))
    assert caption.inner_text() != base_caption and "ikke gjennomført" in caption.inner_text()
    assert "framdrift=" in page.url

    # two statuses at once (the two most frequent ones): rows with either status
    counts = Counter(status_of(index, x) for x in everything)
    two = [s for s, _ in counts.most_common(2)]
    page.get_by_role("button", name="Nullstill filtre").click()
    page.locator("#statusfilter summary", has_text="Status").click()
    for status_id in two:
        page.locator(f'#statusfilter input[name="status"][value="{status_id}"]').check()
    assert shown(page) == sum(counts[s] for s in two)
    assert set(page.locator(ROWS).evaluate_all("rs => rs.map(r => r.dataset.status)")) <= set(two)
    assert re.search(r"status=[^&]*" + re.escape(two[0]), page.url) and re.search(r"status=[^&]*" + re.escape(two[1]), page.url)

    # a shared link opens the same view
    url = page.url
    page.goto(url)
    assert shown(page) == sum(counts[s] for s in two)
    for status_id in two:
        expect(page.locator(f'#statusfilter input[name="status"][value="{status_id}"]')).to_be_checked()


def test_progress_shortcut_in_a_link(page, served, public_corpus):
    index = Index(public_corpus)
    page.goto(served["public"] + "status/?framdrift=ikke-gjennomfort")
    assert shown(page) == sum(1 for x in measures(public_corpus) if index.progress(x) != "gjennomfort")
    page.goto(served["public"] + "status/?framdrift=gjennomfort")
    assert shown(page) == sum(1 for x in measures(public_corpus) if index.progress(x) == "gjennomfort")


def count_links(page) -> list[tuple[str, int]]:
    return page.locator(".pv-summary td a").evaluate_all("as => as.map(a => [a.href, Number(a.textContent)])")


@pytest.mark.parametrize("where", ["front", "plan", "organisation", "status"])
def test_every_count_links_to_the_table_it_counts(page, served, public_corpus, where):
    if where == "front":
        path = ""
    elif where == "plan":
        plan = max(public_corpus.plans.values(), key=lambda p: len(p.measures))
        path = urls.url_of(urls.page_of(plan.ref))
    elif where == "organisation":
        index = Index(public_corpus)
        org = max(public_corpus.organisations.values(), key=lambda o: len(index.involvement.get(o.id, ())))
        path = urls.url_of(urls.page_of(org.ref))
    else:
        path = "status/"
    page.goto(served["public"] + path)
    links = count_links(page)
    assert links, f"no linked counts on {path!r}"
    for href, number in links[:40]:
        page.goto(href)
        assert shown(page) == number, href
        assert page.locator(ROWS).count() == min(number, PAGE), href


def test_reset_and_copy_link(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served["public"] + "status/?forfalt=ja&sorter=number&retning=descending")
    total = int(re.sub(r"\D", "", page.locator(COUNT).inner_text().split(" av ")[1]))
    page.get_by_role("button", name="Kopier lenke til denne visningen").click()
    expect(page.locator(".pv-copied")).to_have_text("Lenken er kopiert.")
    # Material's anchor tracking may add a #section to the address as the page scrolls
    assert page.evaluate("navigator.clipboard.readText()").split("#")[0] == page.url.split("#")[0]
    assert "forfalt=ja" in page.url
    page.get_by_role("button", name="Nullstill filtre").click()
    assert "?" not in page.url
    assert shown(page) == total
    expect(page.locator("#statusfilter input[name=forfalt]")).not_to_be_checked()
    assert page.locator('#statustabell th[aria-sort]').count() == 0
    context.close()


def test_filter_and_sort_with_keyboard_only(page, served):
    page.goto(served["public"] + "status/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == "framdrift":
            break
    else:
        pytest.fail("the progress filter is not reachable with Tab")
    value = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(f"framdrift={value}"))
    assert set(page.locator(ROWS).evaluate_all("rs => rs.map(r => r.dataset.progress)")) <= {value}
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.classList.contains('pv-sort')"):
            break
    else:
        pytest.fail("no sort button reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#statustabell th[aria-sort=ascending]")).to_have_count(1)


def test_every_row_is_there_without_javascript(browser, served, public_corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["public"] + "status/")
    for plan in public_corpus.plans.values():
        link = page.locator("article").get_by_role("link", name=f"Status: {plan.title}")
        expect(link).to_have_count(1)
    assert not page.locator("#statusfilter").is_visible()
    for plan in public_corpus.plans.values():
        page.goto(served["public"] + urls.url_of(urls.status_plan_page(plan.id)) + "?status=x")
        assert page.locator(ROWS).count() == len(plan.measures)
        assert page.locator(f"{ROWS}:visible").count() == len(plan.measures)
        numbers = page.locator(f"{ROWS} td:first-child").all_inner_texts()
        assert numbers == [str(x.number) for x in plan.measures]
        assert page.title().startswith(f"Status: {plan.title}")
    context.close()


def test_plan_status_page_is_the_plans_table(page, served, public_corpus):
    for plan in public_corpus.plans.values():
        page.goto(served["public"] + urls.url_of(urls.status_plan_page(plan.id)))
        assert shown(page) == len(plan.measures)
        assert set(page.locator(ROWS).evaluate_all("rs => rs.map(r => r.dataset.plan)")) <= {plan.id}
        if plan.measures:
            page.locator(f"{ROWS}").first.locator('td[data-label="Tiltak"] a').click()
            assert page.locator("h1").inner_text().startswith("Tiltak ")


BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article table td, article table th, article table caption')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const re = /[^\\s\\-\\u2013\\u2014\\/,]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

CONTROLS_OUTSIDE = """() => Array.from(document.querySelectorAll('#statusfilter input, #statusfilter button, #statusfilter summary'))
  .filter(e => e.getClientRects().length)
  .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
  .map(e => e.outerHTML.slice(0, 80))"""


def phone_paths(corpus) -> dict[str, str]:
    plan = max(corpus.plans.values(), key=lambda p: len(p.measures))
    index = Index(corpus)
    org = max(corpus.organisations.values(), key=lambda o: len(index.involvement.get(o.id, ())))
    return {"front": "", "status": "status/", "plan-status": urls.url_of(urls.status_plan_page(plan.id)),
            "plan": urls.url_of(urls.page_of(plan.ref)), "group": urls.url_of(urls.page_of(plan.groups[0].ref)),
            "organisation": urls.url_of(urls.page_of(org.ref))}


@pytest.mark.parametrize("kind", ["front", "status", "plan-status", "plan", "group", "organisation"])
@pytest.mark.parametrize("width", [360, 390, 414])
def test_phone_no_sideways_scroll_no_broken_words(browser, served, public_corpus, kind, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="nb-NO", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served["public"] + phone_paths(public_corpus)[kind])
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), \
        page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert page.evaluate(BROKEN_WORDS) == []
    if kind in ("status", "plan-status"):
        for details in page.locator("#statusfilter details").all():
            details.locator("summary").click()
        assert page.evaluate(CONTROLS_OUTSIDE) == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.evaluate(BROKEN_WORDS) == []
    if width == 390:
        screenshot(page, f"phone-{kind}")
    context.close()


def test_phone_shows_each_measure_as_a_card(browser, served, public_corpus):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served["public"] + "status/")
    row = page.locator(ROWS).first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    labels = row.locator("td").evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    for label in ("Status", "Ansvarlig", "Periode"):
        assert f'"{label}"' in labels
    for cell in row.locator("td").all():
        if cell.get_attribute("data-label") in ("Status", "Ansvarlig", "Periode"):
            assert cell.is_visible()
    context.close()


AXE = Axe()
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
         "resultTypes": ["violations"]}


@pytest.mark.parametrize("kind", ["status", "plan-status"])
@pytest.mark.parametrize("width", [1280, 390])
def test_status_pages_have_no_axe_violations(browser, served, public_corpus, kind, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.goto(served["public"] + phone_paths(public_corpus)[kind] + "?framdrift=ikke-gjennomfort")
    for details in page.locator("#statusfilter details").all():
        details.locator("summary").click()
    result = AXE.run(page, context={"include": [["article"]]}, options=RULES)
    found = [f"{v['id']}: {v['help']} – " + "; ".join(n["target"][0] for n in v["nodes"][:5])
             for v in result.response["violations"]]
    assert not found, "\n".join(found)
    context.close()


# --- plans on different status scales in one table (a literal corpus, built once) -------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _built_and_served(data: Data, tmp):
    """Build ``data`` and serve the site on 127.0.0.1 while the fixture lives: yields (base URL, corpus)."""
    build = data.build(tmp / "build")
    assert build.returncode == 0, build.output
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", data.load()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def two_scales(tmp_path_factory):
    """plan-a on the four-value scale and plan-b on six values, with percent and a partial report,
    built and served: (base URL, corpus)."""
    tmp = tmp_path_factory.mktemp("two-scales")
    data = Data(tmp)
    data.plan("plan-a", title="Planen med fire trinn", scale="fire-trinn",
              measures=[measure(1, period=(2022, 2026)), measure(2, period=(2022, 2026))])
    data.report("plan-a-2023-06", plan="plan-a", as_of="2023-06", statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført"})
    plan_with_custom_scale(data)
    yield from _built_and_served(data, tmp)


def test_two_scales_filter_by_status_within_a_scale_and_by_class_across(page, two_scales):
    base, corpus = two_scales
    index = Index(corpus)
    everything = measures(corpus)
    page.goto(base + "status/")
    expect(page.locator(ROWS)).to_have_count(len(everything))
    options = page.locator('#statusfilter input[name="status"]').evaluate_all("xs => xs.map(x => x.parentNode.textContent.trim())")
    assert "I rute (Seks trinn)" in options and "Igangsatt (Fire trinn)" in options
    b = corpus.plans["plan-b"]
    one = next(e.status for e in b.latest_report.entries if e.status.label == "I rute")
    page.goto(base + "status/?status=" + one.filter_key)
    expected = [x for x in everything if status_of(index, x) == one.filter_key]
    expect(page.locator(ROWS)).to_have_count(len(expected))
    expect(page.locator(f"{ROWS} .pv-status--{one.look}")).to_have_count(len(expected))
    page.goto(base + "status/?framdrift=pagar")
    expected = [x for x in everything if index.progress(x) == "pagar"]
    expect(page.locator(ROWS)).to_have_count(len(expected))
    plans = set(page.locator(ROWS).evaluate_all("rows => rows.map(r => r.getAttribute('data-plan'))"))
    assert plans == {x.plan_id for x in expected} and len(plans) > 1  # one class, two scales
    page.goto(base + "status/?status=gjennomfort")  # a bare id: the first scale's status only
    expected = [x for x in everything if status_of(index, x) == "gjennomfort"]
    expect(page.locator(ROWS)).to_have_count(len(expected))
    assert {x.plan_id for x in expected} == {"plan-a"}


def test_percent_and_not_reported_are_drawn_by_the_script(page, two_scales):
    base, corpus = two_scales
    plan = corpus.plans["plan-b"]
    report = plan.latest_report
    page.goto(base + urls.url_of(urls.status_plan_page(plan.id)))
    expect(page.locator("#statusfilter")).to_be_visible()
    rows = page.locator(ROWS)
    expect(rows).to_have_count(len(plan.measures))
    for i, x in enumerate(plan.measures):
        entry = report.entry(x.id)
        cell = rows.nth(i).locator('td[data-label="Status"]')
        if entry is None:
            expect(cell).to_have_text("Ikke rapportert")
        else:
            expect(cell.locator(".pv-status")).to_have_text(entry.status.label)
            percent = cell.locator(".pv-percent")
            if entry.percent is None:
                expect(percent).to_have_count(0)
            else:
                expect(percent).to_have_text(f"{entry.percent:g} %".replace(".", ","))


# --- the first rows before every plan's data script has run (a literal corpus, built once) ----

# Every table body the script puts in, as it goes in: how many plans' data scripts had run
# (MutationObserver callbacks run after each script) and each row's plan, status and place in
# the default order (the number column's sort key). The page's own empty body comes before any.
RECORD_DRAWS = """(() => {
  window.__drawn = [];
  new MutationObserver(() => {
    const body = document.querySelector('#statustabell tbody');
    if (!body || body === window.__lastBody || !(window.planverkStatus || []).length) return;  // not the page's own
    window.__lastBody = body;
    window.__drawn.push({plans: (window.planverkStatus || []).length,
      rows: Array.from(body.rows, r => [r.dataset.plan, r.dataset.status, Number(r.querySelector('td[data-label="Nr."]').dataset.sort)])});
  }).observe(document, {childList: true, subtree: true});
})();"""


@pytest.fixture(scope="module")
def two_large_plans(tmp_path_factory):
    """Two plans of more than a page of measures each, most of them «Igangsatt», built and
    served: (base URL, corpus)."""
    tmp = tmp_path_factory.mktemp("two-large")
    data = Data(tmp)
    for plan_id, size in (("plan-a", 3 * PAGE // 2 + 5), ("plan-b", PAGE + 10)):
        data.plan(plan_id, scale="fire-trinn", measures=[measure(n, period=(2022, 2026)) for n in range(1, size + 1)])
        data.report(f"{plan_id}-2023-06", plan=plan_id, as_of="2023-06",
                    statuses={f"tiltak-{n}": "Gjennomført" if n % 4 == 0 else "Igangsatt" for n in range(1, size + 1)})
    yield from _built_and_served(data, tmp)


def drawn(page, base: str, query: str) -> tuple[list[dict], dict]:
    page.add_init_script(RECORD_DRAWS)
    page.goto(base + "status/" + query)
    expect(page.locator(COUNT)).to_have_text(re.compile(r"^Viser"))
    config = page.evaluate("JSON.parse(document.querySelector('#statusvisning').dataset.config)")
    return page.evaluate("window.__drawn"), config


def test_first_rows_come_with_the_first_plan_and_honour_the_link(page, two_large_plans):
    base, corpus = two_large_plans
    index = Index(corpus)
    draws, config = drawn(page, base, "")
    first = corpus.plans[config["plans"][0][0]]
    assert draws[0]["plans"] == 1, draws[0]["plans"]  # drawn before the other plan's data script ran
    assert draws[0]["rows"] == [[first.id, status_of(index, x), i] for i, x in enumerate(first.measures[:PAGE])]
    assert draws[-1]["rows"] == draws[0]["rows"]
    assert shown(page) == len(measures(corpus))

    # a filter in the link holds from the first rows drawn
    status = Counter(status_of(index, x) for x in first.measures).most_common(1)[0][0]
    draws, _ = drawn(page, base, "?status=" + status)
    assert draws[0]["plans"] == 1
    assert all(row[1] == status for d in draws for row in d["rows"]), draws
    assert draws[-1]["rows"] == [[first.id, status, i] for i, x in enumerate(first.measures) if status_of(index, x) == status][:PAGE]
    assert shown(page) == sum(1 for x in measures(corpus) if status_of(index, x) == status)


def test_a_sort_in_the_link_waits_for_every_plan(page, two_large_plans):
    base, corpus = two_large_plans
    draws, config = drawn(page, base, "?sorter=plan&retning=descending")
    assert all(d["plans"] == len(config["plans"]) for d in draws), [d["plans"] for d in draws]
    last = corpus.plans[config["plans"][-1][0]]
    assert {row[0] for row in draws[-1]["rows"]} == {last.id}  # the last plan first
    expect(page.locator('#statustabell th[data-col="plan"]')).to_have_attribute("aria-sort", "descending")
