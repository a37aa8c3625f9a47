"""All generated pages of a corpus, as Markdown strings (pure: no MkDocs import)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from .. import model as m
from .. import urls
from ..abbr import Abbreviations
from ..forks import in_order
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
                abbr: Abbreviations | None = None, processes: int = 1,
                html: Callable[[Page], Page] | None = None) -> list[Page]:
    """Every generated page, in the site's order; ``processes`` > 1 shares the work out over
    forked processes (planverk/forks.py) with the same result. ``html`` (a
    :class:`~planverk.pages.html.Converter`) gives pages their HTML in the same processes."""
    ctx = Ctx.create(corpus, directory_urls=directory_urls, index=index, abbr=abbr)
    jobs: list[Callable[[], list[Page]]] = [
        lambda: [home_page(ctx.at(urls.HOME)), *status_pages(ctx)],
        lambda: organisation_pages(ctx),
        lambda: [strategies_index(ctx.at(urls.STRATEGIES))],
    ]
    for strategy in corpus.strategies.values():
        jobs.append(functools.partial(_strategy, ctx, strategy))
    jobs.append(lambda: [plans_index(ctx.at(urls.PLANS))])
    for plan in corpus.plans.values():
        jobs.append(functools.partial(_plan, ctx, plan))
    jobs.append(lambda: [*theme_pages(ctx), *news_pages(ctx), glossary_page(ctx.at(urls.GLOSSARY)), errata_page(ctx.at(urls.ERRATA)),
                         open_data_page(ctx.at(urls.OPEN_DATA)), *document_pages(ctx)])
    if html is not None:
        jobs = [functools.partial(_with_html, job, html) for job in jobs]
    return in_order(jobs, processes=processes)


def _with_html(job: Callable[[], list[Page]], html: Callable[[Page], Page]) -> list[Page]:
    return [html(page) for page in job()]


def _strategy(ctx: Ctx, strategy: m.Strategy) -> list[Page]:
    return [*strategy_pages(ctx, strategy), strategy_print_page(ctx.at(strategy_print_path(strategy)), strategy)]


def _plan(ctx: Ctx, plan: m.Plan) -> list[Page]:
    return [*plan_pages(ctx, plan), plan_print_page(ctx.at(plan_print_path(plan)), plan)]


def plans_index(ctx: Ctx) -> Page:
    from ..text import plural

    lines = [f"- {ctx.link(p)} – {ctx.org_link(p.owner)}, {plural(len(p.measures), 'tiltak', 'tiltak')}" for p in ctx.corpus.plans.values()]
    return ctx.page("Handlingsplaner", "# Handlingsplaner\n\n" + "\n".join(lines)
                + f"\n\n[Alle tiltak i statusoversikten]({ctx.to(urls.STATUS)})", description="Handlingsplanene og tiltakene deres")
