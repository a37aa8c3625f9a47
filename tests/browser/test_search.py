"""Search in the browser on the real data: the right page first, every word matched, Norwegian.

Expectations come from the loaded model wherever they can (every organisation's
abbreviation and former names, every plan and theme title, every status, every measure
number), so the tests hold for any valid data. Queries end in a space where a test checks
the all-words rule: a word still being typed also matches as a beginning.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import expect

from planverk import urls
from planverk.pages import build_pages
from planverk.search import documents
from planverk.search.text import STOPWORDS, stem, terms, words


def search(page, query: str) -> list[dict]:
    """Results of one query as [{url, title, text}], the site-relative URL without ?h=."""
    field = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    field.click()
    field.fill("")
    field.press("End")  # Material sends the query on keyup; an empty one clears the results
    expect(meta).to_have_text("Skriv søkeord", timeout=10_000)
    field.fill(query)
    field.press("End")
    expect(meta).not_to_have_text("Skriv søkeord", timeout=10_000)
    items = page.locator(".md-search-result__item").evaluate_all(
        """els => els.map(e => ({href: e.querySelector('a').href,
                                 title: e.querySelector('h1, h2').innerText,
                                 text: e.querySelector('article').innerText}))""")
    base = page.url.split("#")[0]
    root = urljoin(base, "/")
    return [
        {"url": urlparse(i["href"])._replace(query="").geturl().replace(root, ""), "title": i["title"], "text": i["text"]} for i in items
    ]


@pytest.fixture(scope="module")
def public_docs(public_corpus):
    return {d.url: d for d in documents(public_corpus, build_pages(public_corpus), [], directory_urls=True)}


def _page_url(ref: str) -> str:
    return urls.url_of(urls.page_of(ref))


def doc_terms(doc) -> set[str]:
    return set(terms(" ".join((doc.title, *doc.names, *doc.keywords, *doc.headings, doc.text))))


def assert_all_words(results, query, docs):
    wanted = {stem(w) for w in words(query)} - ({stem(w) for w in STOPWORDS} if set(words(query)) - STOPWORDS else set())
    for r in results:
        doc = docs.get(r["url"])
        if doc is None:
            continue  # a hand-written page (not in the model's list)
        missing = wanted - doc_terms(doc)
        assert not missing or doc.status, (query, r["url"], missing)


def top(results, n=3) -> list[str]:
    return [r["url"] for r in results[:n]]


@pytest.mark.parametrize("query, expected", [
    ("ungdomsstraffen", "ungdomsstraff"),   # finds pages with the base form
    ("tiltakene", "tiltak"),
    ("kommunene", "kommune"),
    ("økt", "økt"),
    ("konfliktrådene", "konfliktråd"),
    ("omdømmet", "omdømme"),
])
def test_inflected_norwegian_query_finds_base_form(page, served, query, expected):
    page.goto(served["public"])
    assert search(page, query)
    marked = page.locator(".md-search-result mark").all_inner_texts()
    assert any(m.lower().startswith(expected) for m in marked), (query, marked[:10])


def test_realistic_queries_put_the_expected_page_first(page, served, public_corpus, public_docs):
    page.goto(served["public"])
    # the status overview by the word readers use for it
    assert top(search(page, "statusoversikt "), 1) == [urls.url_of(urls.STATUS)]
    # a plan by its title, with and without its small words
    for plan in public_corpus.plans.values():
        for query in (plan.title, " ".join(w for w in words(plan.title) if w not in STOPWORDS)):
            results = search(page, query + " ")
            assert top(results, 1) == [_page_url(plan.ref)], (query, top(results))
            assert_all_words(results, query, public_docs)
    # a phrase from the text: the page with the exact phrase comes before those with the words apart
    results = search(page, "vold i nære relasjoner ")
    assert_all_words(results, "vold i nære relasjoner", public_docs)
    with_phrase = [u for u, d in public_docs.items() if "vold i nære relasjoner" in (d.title + " " + d.text).lower()]
    if with_phrase:
        assert top(results, 1)[0] in with_phrase
        assert top(search(page, '"vold i nære relasjoner"'), 1)[0] in with_phrase
    assert not any("næringsliv" in r["title"].lower() and r["url"] not in with_phrase for r in results)


def test_themes_and_abbreviations_find_their_pages(page, served, public_corpus, public_docs):
    page.goto(served["public"])
    for theme in public_corpus.themes.values():
        results = search(page, theme.title + " ")
        assert _page_url(theme.ref) in top(results), (theme.title, top(results))
    slt = [t for t in public_corpus.themes.values() if "SLT" in t.title.split()]
    for theme in slt:
        assert _page_url(theme.ref) in top(search(page, "SLT ")), top(search(page, "SLT "))


def test_every_organisation_is_found_by_abbreviation_and_former_names(page, served, public_corpus, public_docs):
    page.goto(served["public"])
    checked = 0
    for org in public_corpus.organisations.values():
        url = _page_url(org.ref)
        if url not in public_docs:
            continue
        for query in [org.abbreviation, *(f.name for f in org.former_names)]:
            if not query:
                continue
            results = search(page, query + " ")
            assert url in top(results), (query, top(results))
            assert not results[0]["url"].startswith(("rettelser", "kilder")), (query, top(results))
            checked += 1
    assert checked


def test_measure_numbers_find_their_measures(page, served, public_corpus):
    page.goto(served["public"])
    by_number: dict[int, set[str]] = {}
    for plan in public_corpus.plans.values():
        for measure in plan.measures:
            by_number.setdefault(measure.number, set()).add(_page_url(measure.ref))
    for number, expected in sorted(by_number.items())[:40]:
        results = search(page, f"tiltak {number} ")
        assert set(top(results, len(expected))) == expected, (number, top(results, len(expected)))


def test_status_words_find_measures_with_that_status_only(page, served, public_corpus):
    from planverk.index import Index

    index = Index(public_corpus)
    status_of = {}
    for plan in public_corpus.plans.values():
        for measure in plan.measures:
            latest = index.entry(measure)
            status_of[_page_url(measure.ref)] = latest[1].status.label if latest else None
    page.goto(served["public"])
    used = sorted({s for s in status_of.values() if s})
    assert used
    for label in used:
        results = search(page, label.lower() + " ")
        assert results, label
        assert {status_of.get(r["url"]) for r in results} == {label}, (label, [r["url"] for r in results[:5]])


def _inflected_title_word(public_corpus, public_docs):
    """(measure, a word of its title in a form no page has, that stems like the title's word)."""
    text = " ".join(" ".join((d.title, d.text)) for d in public_docs.values()).casefold()
    for plan in public_corpus.plans.values():
        for measure in plan.measures:
            for word in sorted(words(measure.title), key=len, reverse=True):
                for ending in ("en", "ene", "er"):
                    form = word + ending
                    if len(word) >= 7 and stem(form) == stem(word) and form not in text:
                        return measure, form
    pytest.fail("no measure title has a word whose inflected form stems alike")


def test_search_without_stemming_would_miss(page, served, public_corpus, public_docs):
    """A form of a title word that no page has still reaches the measure page."""
    measure, form = _inflected_title_word(public_corpus, public_docs)
    page.goto(served["public"])
    results = search(page, form)
    assert _page_url(measure.ref) in [r["url"] for r in results], (form, results[:5])


def test_search_with_keyboard_only(page, served, public_corpus):
    plan = max(public_corpus.plans.values(), key=lambda p: len(p.measures))
    measure = plan.measures[len(plan.measures) // 2]
    page.goto(served["public"])
    page.keyboard.press("/")
    page.keyboard.type(measure.title, delay=5)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{_page_url(measure.ref)}**")
    assert f"Tiltak {measure.number}:" in page.locator("article h1").inner_text()


def test_search_dialog_has_a_norwegian_name(page, served):
    page.goto(served["public"])
    assert page.locator(".md-search").get_attribute("aria-label") == "Søk"


def test_internal_content_is_found_only_in_the_internal_handbook(page, served, internal_corpus):
    names = [p.name for plan in internal_corpus.plans.values() for m in plan.measures if m.contacts for p in m.contacts.persons]
    if not names:
        pytest.skip("the data has no internal contact persons")
    page.goto(served["internal"])
    assert search(page, names[0] + " ")
    page.goto(served["public"])
    search(page, names[0] + " ")
    assert page.locator(".md-search-result__item").count() == 0


def test_results_come_while_the_key_is_still_held_down(page, served, public_corpus):
    """The query goes to the worker when the text changes (docs/javascripts/search/input.js), not
    when Material hears the key let go: a reader sees results for the letter just typed."""
    plan = next(iter(public_corpus.plans.values()))
    page.goto(served["public"])
    page.keyboard.press("/")
    page.keyboard.type(plan.title[:-1], delay=5)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.locator(".md-search-result__meta").evaluate("el => el.textContent = 'venter'")
    page.keyboard.down(plan.title[-1])  # the last letter: pressed, not let go
    expect(page.locator(".md-search-result__meta")).not_to_have_text("venter", timeout=5_000)
    assert page.locator("input.md-search__input").input_value() == plan.title
    page.keyboard.up(plan.title[-1])
