"""All generated pages of a corpus, as Markdown strings (pure: no MkDocs import)."""

from __future__ import annotations

from .. import model as m
from .. import urls
from ..abbr import Abbreviations
from ..index import Index
from .base import Ctx, Page
from .opendata import open_data_page
from .organisations import organisation_pages
from .plans import plan_pages
from .printable import plan_print_page, plan_print_path, strategy_print_page, strategy_print_path
from .site_pages import document_pages, errata_page, glossary_page, home_page, news_pages, theme_pages
from .status import status_pages
from .strategies import strategies_index, strategy_pages

__all__ = ["Page", "build_pages"]


def build_pages(corpus: m.Corpus, *, directory_urls: bool = True, index: Index | None = None,
                abbr: Abbreviations | None = None) -> list[Page]:
    ctx = Ctx.create(corpus, directory_urls=directory_urls, index=index, abbr=abbr)
    pages = [home_page(ctx.at(urls.HOME)), *status_pages(ctx)]
    pages += organisation_pages(ctx)
    pages.append(strategies_index(ctx.at(urls.STRATEGIES)))
    for strategy in corpus.strategies.values():
        pages += strategy_pages(ctx, strategy)
        pages.append(strategy_print_page(ctx.at(strategy_print_path(strategy)), strategy))
    pages.append(plans_index(ctx.at(urls.PLANS)))
    for plan in corpus.plans.values():
        pages += plan_pages(ctx, plan)
        pages.append(plan_print_page(ctx.at(plan_print_path(plan)), plan))
    pages += theme_pages(ctx)
    pages += news_pages(ctx)
    pages.append(glossary_page(ctx.at(urls.GLOSSARY)))
    pages.append(errata_page(ctx.at(urls.ERRATA)))
    pages.append(open_data_page(ctx.at(urls.OPEN_DATA)))
    pages += document_pages(ctx)
    return pages


def plans_index(ctx: Ctx) -> Page:
    from ..text import plural

    lines = [f"- {ctx.link(p)} – {ctx.org_link(p.owner)}, {plural(len(p.measures), 'tiltak', 'tiltak')}" for p in ctx.corpus.plans.values()]
    return ctx.page("Handlingsplaner", "# Handlingsplaner\n\n" + "\n".join(lines)
                + f"\n\n[Alle tiltak i statusoversikten]({ctx.to(urls.STATUS)})", description="Handlingsplanene og tiltakene deres")
