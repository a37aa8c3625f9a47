"""A reader clicking through the public site."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support import screenshot


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().replace("¶", "").strip()


def test_front_page_to_organisation_strategy_area_goal(page, served):
    page.goto(served["public"])
    page.locator("article").get_by_role("link", name="Kriminalomsorgen", exact=True).first.click()
    assert h1(page) == "Kriminalomsorgen"
    page.goto(served["public"])
    page.locator("article").get_by_role("link", name="Virksomhetsstrategi for kriminalomsorgen 2021–2026").click()
    assert h1(page) == "Virksomhetsstrategi for kriminalomsorgen 2021–2026"
    page.locator("article").get_by_role("link", name="Omdømme", exact=True).click()
    assert h1(page) == "Omdømme"
    page.locator("article").get_by_role("link", name="Mer om målet «Attraktiv arbeidsplass»").click()
    assert h1(page) == "Attraktiv arbeidsplass"
    assert page.url.endswith("/strategier/kriminalomsorgen-2021-2026/omrader/omdomme/attraktiv-arbeidsplass/")
    expect(page.locator("article ol li")).to_have_count(3)
    screenshot(page, "goal")


def test_measure_to_status_table_and_back(page, served):
    page.goto(served["public"] + "handlingsplaner/gode-krefter/tiltak-21/")
    page.get_by_role("link", name="Alle tiltak i statusoversikten").click()
    assert "/status/" in page.url and "plan=gode-krefter" in page.url
    expect(page.locator("#statustabell tbody tr:visible")).to_have_count(35)
    page.locator("#statustabell").get_by_role("link", name="Økt bruk av konfliktråd for lovbrytere mellom 15 og 18 år").click()
    assert h1(page).startswith("Tiltak 21: Økt bruk av konfliktråd")


def test_responsible_body_to_its_measures(page, served):
    page.goto(served["public"] + "organisasjoner/kd/")
    assert h1(page) == "Kunnskapsdepartementet (KD)"
    rows = page.locator("article table.pv-table tbody tr")
    assert rows.count() >= 5
    page.locator("article table.pv-table").first.get_by_role("link", name="Arbeid for å få flere til å fullføre videregående opplæring").click()
    assert h1(page).startswith("Tiltak 17:")
    expect(page.locator("article")).to_contain_text("Forfalt")
    page.get_by_role("link", name=re.compile("^Kunnskapsdepartementet")).first.click()
    assert h1(page) == "Kunnskapsdepartementet (KD)"
