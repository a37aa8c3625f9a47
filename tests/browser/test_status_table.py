"""The status table: sort by every column, filter by plan, status and responsible body, the
filter kept in the URL, keyboard use, and every row without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support import screenshot

COLUMNS = ["plan", "number", "title", "package", "responsible", "period", "status", "reported", "overdue"]


def keys(page, col: str) -> list[str]:
    index = COLUMNS.index(col)
    return page.locator("#statustabell tbody tr:visible").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort') || r.cells[{index}].textContent.trim())")


def ordered(values: list[str]) -> bool:
    def k(v):
        try:
            return (0, float(v), "")
        except ValueError:
            return (1, 0.0, v.casefold())
    return [k(v) for v in values] == sorted(k(v) for v in values) or all(k(a) <= k(b) for a, b in zip(values, values[1:]))


@pytest.mark.parametrize("col", COLUMNS)
def test_sort_by_each_column(page, served, col):
    page.goto(served["public"] + "status/")
    header = page.locator(f'#statustabell th[data-col="{col}"]')
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    ascending = keys(page, col)
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    descending = keys(page, col)
    assert len(ascending) == 38
    collator = page.evaluate("""(vals) => { const c = (a, b) => { const na = Number(a), nb = Number(b);
        if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb;
        return a.localeCompare(b, 'nb', {numeric: true, sensitivity: 'base'}); };
        return vals.every((v, i) => i === 0 || c(vals[i - 1], v) <= 0); }""", ascending)
    assert collator, ascending
    assert descending == list(reversed(ascending)) or sorted(descending) == sorted(ascending)
    assert f"sorter={col}" in page.url


def test_filter_by_plan_status_and_responsible_kept_in_url(page, served):
    page.goto(served["public"] + "status/")
    rows = page.locator("#statustabell tbody tr:visible")
    expect(rows).to_have_count(38)
    page.select_option("#statusfilter select[name=plan]", "gode-krefter")
    expect(rows).to_have_count(35)
    page.select_option("#statusfilter select[name=status]", "gjennomfort")
    expect(rows).to_have_count(11)
    page.select_option("#statusfilter select[name=ansvarlig]", "kd")
    expect(rows).to_have_count(3)  # KD: tiltak 16, 20, 30
    assert "plan=gode-krefter" in page.url and "status=gjennomfort" in page.url and "ansvarlig=kd" in page.url
    numbers = page.locator("#statustabell tbody tr:visible td:nth-child(2)").all_inner_texts()
    assert numbers == ["16", "20", "30"]
    page.reload()
    expect(rows).to_have_count(3)
    expect(page.locator("#statusfilter select[name=status]")).to_have_value("gjennomfort")
    expect(page.locator("#statusfilter output")).to_have_text("Viser 3 av 38 tiltak")
    screenshot(page, "status-filtered")


def test_overdue_filter(page, served):
    page.goto(served["public"] + "status/?forfalt=ja")
    expect(page.locator("#statustabell tbody tr:visible")).to_have_count(1)
    assert page.locator("#statustabell tbody tr:visible td:nth-child(2)").inner_text() == "17"


def test_shared_link_opens_the_same_view(page, served):
    page.goto(served["public"] + "status/?plan=radikalisering&sorter=number&retning=descending")
    assert page.locator("#statustabell tbody tr:visible td:nth-child(2)").all_inner_texts() == ["26", "22", "11"]
    expect(page.locator('#statustabell th[data-col="number"]')).to_have_attribute("aria-sort", "descending")


def test_filter_and_sort_with_keyboard_only(page, served):
    page.goto(served["public"] + "status/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == "plan":
            break
    else:
        pytest.fail("the plan filter is not reachable with Tab")
    page.keyboard.press("ArrowDown")  # first option after "Alle"
    expect(page.locator("#statustabell tbody tr:visible")).to_have_count(35)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.classList.contains('pv-sort')"):
            break
    page.keyboard.press("Enter")
    expect(page.locator('#statustabell th[data-col="plan"]')).to_have_attribute("aria-sort", "ascending")


def test_every_row_is_there_without_javascript(browser, served):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["public"] + "status/?plan=radikalisering")
    assert page.locator("#statustabell tbody tr").count() == 38
    assert page.locator("#statustabell tbody tr:visible").count() == 38
    assert not page.locator("#statusfilter").is_visible()
    context.close()
