"""Norwegian search in the browser: inflected forms find the base form; æ, ø and å work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


def search(page, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    field.type(query, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    return [t.strip() for t in page.locator(".md-search-result__article h1, .md-search-result__article h2").all_inner_texts()]


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
    titles = search(page, query)
    assert titles
    marked = page.locator(".md-search-result mark").all_inner_texts()
    assert any(m.lower().startswith(expected) for m in marked), (query, marked[:10])


def test_search_without_stemming_would_miss(page, served):
    """The base form itself is found, and the inflected query reaches the measure page."""
    page.goto(served["public"])
    search(page, "ungdomsstraffen")
    links = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("tiltak-23" in href or "vestfold" in href for href in links), links


def test_search_with_keyboard_only(page, served):
    page.goto(served["public"])
    page.keyboard.press("/")
    page.keyboard.type("skolemegling", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tiltak-20/**")
    assert "Tiltak 20:" in page.locator("article h1").inner_text()
