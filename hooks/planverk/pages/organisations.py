"""One page per organisation / responsible body, and the list of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import model as m
from .. import urls
from ..text import md_text, plural
from .base import Ctx, Page, related, title_of
from .summary import SummaryRow, status_summary
from .tables import TableSpec, measures_table


def organisation_pages(ctx: Ctx) -> list[Page]:
    pages = [organisation_page(ctx.at(urls.page_of(o.ref)), o) for o in ctx.corpus.organisations.values()]
    return [organisations_index(ctx.at(urls.ORGANISATIONS)), *pages]


def organisations_index(ctx: Ctx) -> Page:
    groups: dict[str, list[m.Organisation]] = defaultdict(list)
    for org in ctx.corpus.organisations.values():
        groups[org.category].append(org)
    body = ["# Organisasjoner",
            f"Alle {len(ctx.corpus.organisations)} departementer, direktorater, råd og andre som kildene nevner som ansvarlige "
            "eller aktører, gruppert etter type. Tallet viser hvor mange tiltak organisasjonen er med i."]
    for kind in sorted(groups, key=str.casefold):
        body.append(f"## {md_text(kind[:1].upper() + kind[1:])}")
        items = sorted(groups[kind], key=lambda o: o.name.casefold())
        body.append("\n".join(f"- {ctx.link(o)}" + _count(ctx, o) for o in items))
    return ctx.page("Organisasjoner", "\n\n".join(body), description="Organisasjonene i strategiene og handlingsplanene")


def _count(ctx: Ctx, org: m.Organisation) -> str:
    count = len({i.measure.ref for i in ctx.index.involvement.get(org.id, ())})
    return f" – {plural(count, 'tiltak', 'tiltak')}" if count else ""


def organisation_page(ctx: Ctx, org: m.Organisation) -> Page:
    corpus = ctx.corpus
    facts = [f"- **Type:** {md_text(org.category)}"]
    if org.abbreviation and org.abbreviation != org.name:
        facts.append(f"- **Forkortelse:** {md_text(org.abbreviation)}")
    if org.expansion_is_editorial:
        facts.append("- **Merk:** det fulle navnet står ikke i kildene; det er lagt til av redaksjonen.")
    if org.parent_id:
        facts.append(f"- **Hører under:** {ctx.org_link(corpus.organisations[org.parent_id])}")
    children = ctx.index.children.get(org.id, ())
    if children:
        facts.append("- **Underliggende:** " + ", ".join(ctx.org_link(c) for c in children))
    for former in org.former_names:
        facts.append(f"- **Tidligere navn:** {md_text(former.name)} (brukt i [{md_text(former.source.document.title)}]"
                     f"({ctx.to(urls.page_of(former.source.document.ref))}))")
    if org.other_names:
        facts.append("- **Også kalt:** " + ", ".join(md_text(n) for n in org.other_names))
    body = [f"# {md_text(title_of(org))}", "\n".join(facts)]

    strategies: list[m.Entity] = [s for s in corpus.strategies.values() if s.owner.id == org.id]
    plans: list[m.Entity] = [p for p in corpus.plans.values() if p.owner.id == org.id]
    if strategies or plans:
        body.append("## Strategier og planer")
        body.append("\n".join(f"- {ctx.link(x)}" for x in [*strategies, *plans]))

    involvement = ctx.index.involvement.get(org.id, ())
    if involvement:
        by_role: dict[str, list[m.Measure]] = defaultdict(list)  # role label -> measures and sub-measures
        role_ids: dict[str, str] = {}
        for inv in involvement:
            by_role[inv.role_label].append(inv.measure)
            role_ids[inv.role_label] = inv.role_id
        measures = tuple(dict.fromkeys(i.measure for i in involvement))
        body.append(f"## Tiltak ({len(measures)})")

        def counted(ms: Sequence[m.Measure]) -> tuple[m.Measure, ...]:
            return tuple(x for x in ms if x.parent is None)  # what the linked status table has rows for
        rows: list[SummaryRow] = [(role, counted(ms)) for role, ms in by_role.items()]
        links = [(urls.STATUS, {"ansvarlig": org.id, "rolle": role_ids[role]}) for role in by_role]
        if len(rows) > 1:
            rows.append(("Alle", counted(measures)))
            links.append((urls.STATUS, {"ansvarlig": org.id, "rolle": "alle"}))
        body.append(status_summary(ctx, rows, first_col="Rolle", caption=f"Status for tiltakene {org.label} er med i",
                                   links=links))
        for role, ms in by_role.items():
            spec = TableSpec(("plan", "number", "title", "responsible", "period", "status", "overdue"),
                             f"{role}: tiltak {org.label} er med i", f"tiltak-{_slug(role)}")
            body.append(f"### {md_text(role)}")
            body.append(measures_table(ctx, ms, spec))
        body.append(f"[Se tiltakene i statusoversikten]({ctx.to(urls.STATUS)}?ansvarlig={org.id})")

    published = [n for n in corpus.news.values() if n.publisher.id == org.id]
    if published:
        body.append("## Nyheter")
        body.append("\n".join(f"- {ctx.link(n)}" for n in published))
    documents = [d for d in corpus.documents.values() if d.publisher_id == org.id]
    if documents:
        body.append("## Kildedokumenter")
        body.append("\n".join(f"- [{md_text(d.title)}]({ctx.to(urls.page_of(d.ref))})" for d in documents))
    body.append(related(ctx, org.ref, "Omtalt i"))
    body.append(ctx.source_line(org.source))
    return ctx.page(title_of(org), "\n\n".join(p for p in body if p), description=f"{org.name}: strategier, planer og tiltak",
                    edit=ctx.edit(org.ref), hide=("toc",))  # the measures table needs the width


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("ø", "o").replace("å", "a").replace("æ", "ae")

