"""The print stylesheet: no nav, no search, link targets as text, status readable without colour."""

from __future__ import annotations

from support import screenshot


def test_print_media_hides_navigation_and_keeps_status_text(page, served):
    page.goto(served["public"] + "handlingsplaner/gode-krefter/utskrift/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    badge = page.locator(".pv-status").first
    assert badge.is_visible() and badge.inner_text().strip() in ("Igangsatt", "Gjennomført", "Ikke igangsatt", "Under planlegging")
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    after = page.locator("article a[href^='http']").first.evaluate("e => getComputedStyle(e, '::after').content")
    assert "http" in after
    assert page.locator("article h3").count() == 35
    screenshot(page, "print-plan")
