"""Every measure page links to the measure before and after it in its plan (by the plan's order)."""

from __future__ import annotations

import re

from planverk import urls
from planverk.model import Corpus
from support import Build


def _link_after(html: str, word: str) -> str | None:
    found = re.search(rf"{word}:\s*<a href=\"([^\"]+)\"", html)
    return found.group(1) if found else None


def test_measure_pages_link_to_the_previous_and_the_next_measure(sites: dict[str, Build], public_corpus: Corpus) -> None:
    checked = 0
    for plan in public_corpus.plans.values():
        pages = [urls.url_of(urls.page_of(measure.ref)) for measure in plan.measures]
        for i, url in enumerate(pages):
            html = sites["public"].html(url + "index.html")
            previous = _link_after(html, "Forrige")
            following = _link_after(html, "Neste")
            here = urls.page_of(plan.measures[i].ref)
            expected_previous = urls.site_href(urls.page_of(plan.measures[i - 1].ref), start=here, directory_urls=True) if i else None
            expected_next = (urls.site_href(urls.page_of(plan.measures[i + 1].ref), start=here, directory_urls=True)
                             if i + 1 < len(pages) else None)
            assert (previous, following) == (expected_previous, expected_next), url
            checked += 1
    assert checked == sum(len(plan.measures) for plan in public_corpus.plans.values()) > 0
