"""axe-core with the WCAG 2.1 A and AA rules on every kind of page, in the public and offline builds."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from axe_playwright_python.sync_playwright import Axe

from planverk import urls
from planverk.index import Index
from planverk.load import load
from support import DATA, screenshot

# Every kind of page, each found in the data (the first of its kind; the measure is an overdue one
# where the data has one, so the overdue mark is checked too).
KIND_NAMES = ["front", "organisation", "organisations", "strategy", "vision", "value", "area", "goal", "drivers", "plan",
         "group", "measure", "changes", "status", "glossary", "news", "theme", "errata", "source", "accessibility", "about"]
FIXED = {"front": "index", "organisations": "organisasjoner/index", "status": "status", "glossary": "ordliste",
         "errata": "rettelser", "accessibility": "tilgjengelighetserklaering", "about": "om-nettstedet"}


def page_of_kind(corpus, kind: str) -> str:
    if kind in FIXED:
        return FIXED[kind]
    strategies = list(corpus.strategies.values())
    plan = max(corpus.plans.values(), key=lambda p: len(p.measures))
    index = Index(corpus)
    entity = {
        "organisation": lambda: next(party.organisation for p in corpus.plans.values() for x in p.measures
                                     for party in x.responsibility.parties if party.organisation),
        "strategy": lambda: strategies[0],
        "vision": lambda: next(s.vision for s in strategies if s.vision),
        "value": lambda: next(v for s in strategies for v in s.values),
        "area": lambda: next(a for s in strategies for a in s.areas),
        "goal": lambda: next(g for s in strategies for g in s.goals),
        "drivers": lambda: next(s.drivers for s in strategies if s.drivers),
        "plan": lambda: plan,
        "group": lambda: plan.groups[0],
        "measure": lambda: next((x for x in plan.measures if index.is_overdue(x)), plan.measures[0]),
        "news": lambda: next(iter(corpus.news.values())),
        "theme": lambda: next(iter(corpus.themes.values())),
    }
    if kind == "source":
        return f"kilder/{plan.source.document.id}"
    if kind == "changes":
        return f"handlingsplaner/{plan.id}/endringer"
    return urls.page_of(entity[kind]().ref).removesuffix(".md")


class _Kinds(Mapping):
    """kind -> the path of its page in the data (loaded on first use; iterating needs only the names)."""

    def __init__(self) -> None:
        self._paths: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._paths is None:
            corpus = load(DATA, "public")
            self._paths = {kind: page_of_kind(corpus, kind) for kind in KIND_NAMES}
        return self._paths

    def __getitem__(self, kind: str) -> str:
        return self._all()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(KIND_NAMES)

    def __len__(self) -> int:
        return len(KIND_NAMES)


KINDS = _Kinds()


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


def test_internal_marking_has_no_wcag_violations(page, served, internal_corpus):
    measure = next(x for p in internal_corpus.plans.values() for x in p.measures if x.contacts or x.notes)
    page.goto(served["internal"] + urls.url_of(urls.page_of(measure.ref)))
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
