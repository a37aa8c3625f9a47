"""Print: the print stylesheet hides the site's chrome, and the printable plan and strategy are
documents to hand out: a cover, the status summary first, the document's name and page
numbers in the running heads (CSS @page margin boxes, checked in the PDF Chromium prints)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from planverk.text import year_month
from support import REPO, screenshot

ARTIFACTS = REPO / "test-artifacts" / "print"


def _pdf(page, name: str) -> list[str]:
    """The page printed to PDF as Chromium prints it (A4 from the CSS), one text per PDF page."""
    data = page.pdf(prefer_css_page_size=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(data)
    # NFKC: the PDF's font has ligatures ("ﬂ" for "fl")
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(io.BytesIO(data)).pages]


def _body(text: str, title: str, number: int, total: int) -> str:
    """A printed page's text without its running head and page number."""
    return text.replace(f"Side {number} av {total}", "", 1).replace(title, "", 1).strip()


@pytest.fixture(scope="module")
def plan(public_corpus):
    return next(p for p in public_corpus.plans.values() if p.reports)


def test_print_media_hides_navigation_and_keeps_status_text(page, served, plan, public_corpus):
    page.goto(served["public"] + f"handlingsplaner/{plan.id}/utskrift/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".pv-print-note"):
        assert not page.locator(selector).first.is_visible(), selector
    badge = page.locator(".pv-status").first
    assert badge.is_visible() and badge.inner_text().strip() in {s.label for s in public_corpus.vocabulary.statuses}
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    after = page.locator("article a[href^='http']").first.evaluate("e => getComputedStyle(e, '::after').content")
    assert "http" in after
    assert page.locator("article h3").count() == len(plan.measures)
    screenshot(page, "print-plan")


def test_printable_plan_is_a_document_to_hand_out(page, served, plan):
    page.goto(served["public"] + f"handlingsplaner/{plan.id}/utskrift/")
    page.emulate_media(media="print")
    cover = page.locator("article .pv-cover")
    assert cover.evaluate("e => getComputedStyle(e).breakAfter") == "page"
    assert page.evaluate("() => document.querySelector('article').innerText.trim()").startswith(cover.inner_text().strip()[:20])
    pages = _pdf(page, f"plan-{plan.id}")
    total = len(pages)
    assert total >= 3
    report = plan.latest_report
    status = f"Status per {year_month(report.as_of)}"
    assert plan.title in pages[0] and plan.owner.name in pages[0] and status in pages[0]
    assert "Side 1" not in pages[0] and not pages[0].startswith(plan.title)  # no running head on the cover
    for number, text in enumerate(pages[1:], 2):
        assert text.startswith(plan.title), number  # the running head
        assert f"Side {number} av {total}" in text, number
    second = _body(pages[1], plan.title, 2, total)
    assert second.startswith("Status") and "Herav forfalt" in second  # the summary comes first
    assert all(not _body(t, plan.title, n, total).startswith("Utskriftsversjon") for n, t in enumerate(pages, 1))
    measures = [i for i, t in enumerate(pages) if re.search(rf"Tiltak {plan.measures[0].number}: ", t)]
    assert measures and measures[0] > 1  # the measures come after the status pages


def test_printable_strategy_has_cover_running_heads_and_the_pyramid(page, served, public_corpus):
    strategy = next(s for s in public_corpus.strategies.values() if s.pyramid_layers)
    page.goto(served["public"] + f"strategier/{strategy.id}/utskrift/")
    page.emulate_media(media="print")
    svg = page.locator("article svg.pv-pyramid-svg")
    assert svg.is_visible() and svg.locator("a").count() == len(strategy.pyramid_layers)
    assert not page.locator("article details.pv-pyramid-text").is_visible()  # the picture prints, not its text twin
    box = svg.bounding_box()
    assert box["width"] > 200
    pages = _pdf(page, f"strategy-{strategy.id}")
    total = len(pages)
    assert strategy.title in pages[0] and strategy.owner.name in pages[0] and "Side 1" not in pages[0]
    for number, text in enumerate(pages[1:], 2):
        assert text.startswith(strategy.title) and f"Side {number} av {total}" in text, number
    screenshot(page, "print-strategy")
