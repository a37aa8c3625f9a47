"""The site navigation, built from the model: organisation → document → area or group → item.

Measures are not in the nav: each is listed on its group page and in the status table.
Material embeds the whole nav in every page, so a nav with thousands of measures would make
the build quadratic (architecture.md: 3,000 flat pages took 252 s); this nav grows with
the number of plans, groups and strategy elements only.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from . import model as m
from . import urls

NavItem = str | dict[str, Any]


def _section(title: str, items: list[NavItem]) -> dict[str, list[NavItem]]:
    return {html.escape(title): items}  # Material renders nav titles unescaped


def build_nav(corpus: m.Corpus, *, extra_pages: Sequence[tuple[str, str]] = (), internal_pages: Sequence[str] = ()) -> list[NavItem]:
    """The nav; ``internal_pages`` (docs/intern/, internal handbook only) get a section of their own."""
    strategies: list[NavItem] = [urls.STRATEGIES]
    for s in corpus.strategies.values():
        items: list[NavItem] = [urls.page_of(s.ref)]
        if s.mission:
            items.append(urls.page_of(s.mission.ref))
        if s.vision:
            items.append(urls.page_of(s.vision.ref))
        for label, group in (("Verdier", s.values), ("Brukermål", s.user_goals), ("Tjenestemål", s.service_goals),
                             ("Satsingsområder", s.focus_areas)):
            if group:
                items.append(_section(label, [urls.page_of(x.ref) for x in group]))
        for area in s.areas:
            items.append(_section(area.title, [urls.page_of(area.ref), *(urls.page_of(g.ref) for g in area.goals)]))
        if s.drivers:
            items.append(urls.page_of(s.drivers.ref))
        items += [urls.page_of(x.ref) for x in s.sections]
        strategies.append(_section(s.title, items))
    plans: list[NavItem] = [urls.PLANS]
    for p in corpus.plans.values():
        plans.append(_section(p.title, [urls.page_of(p.ref), urls.status_plan_page(p.id), *_groups(p, p.top_groups()),
                                        urls.changes_page(p.ref)]))
    organisations: list[NavItem] = [
        urls.ORGANISATIONS,
        *(urls.page_of(o.ref) for o in sorted(corpus.organisations.values(), key=lambda o: o.name.casefold())),
    ]
    themes: list[NavItem] = [urls.THEMES, *(urls.page_of(t.ref) for t in corpus.themes.values())]
    news: list[NavItem] = [urls.NEWS, *(urls.page_of(n.ref) for n in corpus.news.values())]
    sources: list[NavItem] = [urls.SOURCES, *(urls.page_of(d.ref) for d in corpus.documents.values())]
    nav: list[NavItem] = [
        urls.HOME,
        urls.STATUS,
        *([_section("Intern håndbok", list(internal_pages))] if internal_pages else []),
        _section("Handlingsplaner", plans),
        _section("Strategier", strategies),
        _section("Organisasjoner", organisations),
        _section("Temaer", themes),
        _section("Nyheter", news),
        _section("Om innholdet", [urls.GLOSSARY, urls.ERRATA, urls.OPEN_DATA, _section("Kilder", sources), *(p for _, p in extra_pages)]),
    ]
    return nav


def _groups(plan: m.Plan, groups: tuple[m.Group, ...]) -> list[NavItem]:
    """A plan's groups as the tree they are: a group with groups inside is a section."""
    out: list[NavItem] = []
    for group in groups:
        inner = plan.subgroups(group)
        page = urls.page_of(group.ref)
        out.append(_section(group.title, [page, *_groups(plan, inner)]) if inner else page)
    return out


def homes(corpus: m.Corpus) -> dict[str, str]:
    """Pages kept out of the nav -> the nav page they belong under.

    A measure belongs under its group page (a sub-measure under its measure): the hook makes
    that page its parent, so the breadcrumbs read plan › group › measure and the nav opens at the group. Other pages
    outside the nav (printable versions) fall back to their folder's index page in the hook.
    """
    return {urls.page_of(x.ref): urls.page_of(x.parent.ref if x.parent else x.group.ref)
            for p in corpus.plans.values() for x in p.all_measures}


def nav_paths(nav: Sequence[NavItem]) -> set[str]:
    """Every page path in a nav made by :func:`build_nav`."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
            continue
        for value in item.values():
            found |= {value} if isinstance(value, str) else nav_paths(value)
    return found
