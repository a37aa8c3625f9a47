"""axe-core with the WCAG 2.1 A and AA rules on every kind of page, in the public and offline builds."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import screenshot

KINDS = {
    "front": "index",
    "organisation": "organisasjoner/jd",
    "organisations": "organisasjoner/index",
    "strategy": "strategier/konfliktradet-2023-2025/index",
    "vision": "strategier/konfliktradet-2023-2025/visjon",
    "value": "strategier/konfliktradet-2023-2025/verdier/kvalitet",
    "area": "strategier/kriminalomsorgen-2021-2026/omrader/omdomme/index",
    "goal": "strategier/kriminalomsorgen-2021-2026/omrader/omdomme/attraktiv-arbeidsplass",
    "drivers": "strategier/kriminalomsorgen-2021-2026/drivkrefter",
    "plan": "handlingsplaner/gode-krefter/index",
    "package": "handlingsplaner/gode-krefter/tiltakspakke-1",
    "measure": "handlingsplaner/gode-krefter/tiltak-17",
    "changes": "handlingsplaner/gode-krefter/endringer",
    "status": "status",
    "glossary": "ordliste",
    "news": "nyheter/vestfold-slt-samarbeidsmote",
    "theme": "tema/slt",
    "errata": "rettelser",
    "source": "kilder/gode-krefter-statusrapport-2011",
    "accessibility": "tilgjengelighetserklaering",
    "about": "om-nettstedet",
}
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
AXE = Axe()


def violations(page) -> list[str]:
    result = AXE.run(page, options=RULES)
    return [f"{v['id']} ({v['impact']}): {v['help']} – " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in result.response["violations"]]


def url(base: str, path: str, directory_urls: bool) -> str:
    if directory_urls:
        return base + ("" if path == "index" else path.removesuffix("/index").removesuffix("index") + "/")
    return base + path + ".html"


@pytest.mark.parametrize("kind", KINDS)
def test_public_pages_have_no_wcag_violations(page, served, kind):
    page.goto(url(served["public"], KINDS[kind], True))
    found = violations(page)
    screenshot(page, f"public-{kind}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("kind", ["front", "measure", "status", "strategy", "glossary"])
def test_offline_pages_have_no_wcag_violations(page, sites, kind):
    page.goto(url(sites["offline"].site.as_uri() + "/", KINDS[kind], False))
    found = violations(page)
    assert not found, "\n".join(found)


def test_internal_marking_has_no_wcag_violations(page, served):
    page.goto(served["internal"] + "handlingsplaner/radikalisering/tiltak-11/")
    assert page.locator(".admonition.internal").is_visible()
    found = violations(page)
    screenshot(page, "internal-measure")
    assert not found, "\n".join(found)


def test_search_results_have_no_wcag_violations(page, served):
    page.goto(served["public"])
    page.keyboard.press("/")
    page.keyboard.type("tiltak", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    found = violations(page)
    assert not found, "\n".join(found)
