"""Pages across the whole corpus: front page, glossary, themes, news, errata, source documents."""

from __future__ import annotations

from collections import defaultdict

from .. import model as m
from .. import urls
from ..text import md_text, plural
from .base import KIND_LABEL, Ctx, Page, block, document_page, related, title_of
from .summary import SummaryRow, status_summary


def home_page(ctx: Ctx) -> Page:
    c = ctx.corpus
    measures = tuple(x for p in c.plans.values() for x in p.measures)
    rows: list[SummaryRow] = [(ctx.a(p, p.title), p.measures) for p in c.plans.values()]
    links: list[tuple[str, dict[str, str]]] = [(urls.status_plan_page(p.id), {}) for p in c.plans.values()]
    if len(rows) > 1:
        rows.append(("Alle planer", measures))
        links.append((urls.STATUS, {}))
    body = [
        "# Strategier og handlingsplaner",
        "Her ser du hva det offentlige har lovet å gjøre i strategier og handlingsplaner, hvem som har ansvaret, "
        "og hvor langt arbeidet har kommet.",
        ctx.html(
            "doors.html",
            status_href=ctx.page_url(urls.STATUS),
            plans_href=ctx.page_url(urls.PLANS),
            orgs_href=ctx.page_url(urls.ORGANISATIONS),
        ),
        "## Status",
        status_summary(ctx, rows, first_col="Plan", caption="Antall tiltak per status i hver handlingsplan", links=links),
        "## Handlingsplaner",
        "\n".join(
            f"- {ctx.link(p)} – {md_text(p.subtitle or '')}"
            + (f" ({md_text(p.period.text)})" if p.period else "")
            + f", {plural(len(p.measures), 'tiltak', 'tiltak')}"
            for p in c.plans.values()
        ),
        "## Strategier",
        "\n".join(f"- {ctx.link(s)} – {ctx.org_link(s.owner)}" for s in c.strategies.values()),
        "## Organisasjoner",
        _org_overview(ctx),
        "## Nyheter" if c.news else "",
        "\n".join(f"- {ctx.link(n)}" for n in c.news.values()),
        f"Følg nyheter og nye statusrapporter med [RSS-strømmen]({ctx.to(urls.FEED)}).",
        "## Temaer",
        ", ".join(ctx.link(t) for t in c.themes.values()),
        "## Om innholdet",
        f"Her er {plural(len(c.strategies), 'strategi', 'strategier')} og {plural(len(c.plans), 'handlingsplan', 'handlingsplaner')} "
        f"med til sammen {len(measures)} tiltak. Alt er hentet fra "
        f"{plural(len(c.documents), 'offentlig dokument', 'offentlige dokumenter')}; se [kildene]({ctx.to(urls.SOURCES)}), "
        f"[rettelsene]({ctx.to(urls.ERRATA)}) vi har gjort i uttrekket, og [ordlisten]({ctx.to(urls.GLOSSARY)}).",
    ]
    return ctx.page("Forside", "\n\n".join(p for p in body if p),
                description="Strategier og handlingsplaner med tiltak, ansvar og status", hide=("toc",))


def _org_overview(ctx: Ctx) -> str:
    owners = {s.owner.id for s in ctx.corpus.strategies.values()} | {p.owner.id for p in ctx.corpus.plans.values()}
    lead = sorted((o for o in ctx.corpus.organisations.values() if o.id in owners or ctx.index.involvement.get(o.id)),
                  key=lambda o: o.name.casefold())
    return ("Organisasjoner som eier en strategi eller plan, eller har ansvar i et tiltak:\n\n"
            + "\n".join(f"- {ctx.link(o)}" for o in lead) + f"\n\n[Alle organisasjoner]({ctx.to(urls.ORGANISATIONS)})")


def glossary_page(ctx: Ctx) -> Page:
    lines = ["# Ordliste", "Forkortelser som brukes på nettstedet. Der det fulle navnet ikke står i kildene, er det merket."]
    for term in ctx.corpus.terms.values():
        org = ctx.corpus.organisations.get(term.organisation_id) if term.organisation_id else None
        text = ctx.link(org, term.expansion) if org else md_text(term.expansion)
        extra = f" {md_text(term.description)}" if term.description else ""
        note = " *(utvidelsen er lagt til av redaksjonen)*" if term.expansion_is_editorial else ""
        lines.append(f"{md_text(term.term)} {{#{term.id}}}\n:   {text}.{extra}{note}")
    return ctx.page("Ordliste", "\n\n".join(lines), description="Forkortelser og hva de står for")


def theme_pages(ctx: Ctx) -> list[Page]:
    index_ctx = ctx.at(urls.THEMES)
    lines = ["# Temaer", "Temaer som går på tvers av dokumentene."]
    for theme in ctx.corpus.themes.values():
        count = len(ctx.index.by_theme.get(theme.id, ()))
        lines.append(f"- {index_ctx.link(theme)} – {md_text(theme.description)} ({count})")
    lines.append("## Alle emneknagger\n\n<!-- material/tags -->")
    pages = [index_ctx.page("Temaer", "\n\n".join(lines), description="Temaer på tvers av strategier og planer")]
    for theme in ctx.corpus.themes.values():
        c = ctx.at(urls.page_of(theme.ref))
        grouped: dict[str, list[m.Entity]] = defaultdict(list)
        for entity in ctx.index.by_theme.get(theme.id, ()):
            grouped[entity.kind].append(entity)
        body = [f"# {md_text(theme.title)}", md_text(theme.description)]
        if not grouped:
            body.append("Ingen innhold er knyttet til dette temaet ennå.")
        for kind, entities in grouped.items():
            items = [(c.a(e, title_of(e)), "") for e in entities]
            body += [f"## {KIND_LABEL[kind]} ({len(entities)})", c.fragment(block("link_list", items))]
        body.append(f"[Alle temaer]({c.to(urls.THEMES)})")
        pages.append(c.page(theme.title, "\n\n".join(body), description=theme.description, edit=ctx.edit(theme.ref)))
    return pages


def news_pages(ctx: Ctx) -> list[Page]:
    index_ctx = ctx.at(urls.NEWS)
    items = sorted(ctx.corpus.news.values(), key=lambda n: (n.date or "", n.id), reverse=True)
    lines = [
        "# Nyheter",
        "\n".join(f"- {index_ctx.link(n)} – {md_text(ctx.when(n.date) or 'udatert')}, {index_ctx.org_link(n.publisher)}" for n in items),
    ]
    pages = [index_ctx.page("Nyheter", "\n\n".join(lines), description="Nyheter om strategiene og tiltakene")]
    for item in items:
        c = ctx.at(urls.page_of(item.ref))
        facts = [
            f"Publisert av {c.org_link(item.publisher)}, "
            + (md_text(c.when(item.date)) if item.date else "udatert (kilden oppgir ingen dato)")
            + "."
        ]
        if item.title_is_editorial:
            facts.append("*Kilden har ingen overskrift; overskriften er laget av redaksjonen.*")
        body = [f"# {md_text(item.title)}", "\n\n".join(facts), c.prose(item.body, source=item.source),
                related(c, item.ref, "Saken gjelder"),
                "## Temaer\n\n" + ", ".join(c.link(t) for t in item.themes) if item.themes else "", c.source_line(item.source)]
        pages.append(c.page(item.title, "\n\n".join(p for p in body if p), description=item.title,
                          edit=ctx.edit(item.ref), tags=tuple(t.title for t in item.themes)))
    return pages


def errata_page(ctx: Ctx) -> Page:
    by_doc: dict[str, list[m.Erratum]] = defaultdict(list)
    for e in ctx.corpus.errata:
        by_doc[e.document.id].append(e)
    body = ["# Rettelser",
            "Kildene er tekst hentet ut av PDF-filer og nettsider. Her er hver rettelse vi har gjort i uttrekket: skrivefeil, "
            "ord som var delt over linjeskift, tekst som ikke er innhold (sidetall, topptekst, bildetekst) og overskrifter vi har "
            "gjenopprettet. Linjenummeret viser til linjen i tekstuttrekket av kilden."]
    for doc_id, errata in by_doc.items():
        document = ctx.corpus.documents[doc_id]
        rows = [(e, _show(e.original), ctx.text(e.corrected) if e.corrected else "", ctx.text(e.note or ""))
                for e in sorted(errata, key=lambda e: (e.line or 0, e.original))]
        body += [f"## [{md_text(document.title)}]({ctx.to(document_page(document))})",
                 ctx.html("errata.html", title=document.title, errata=rows)]
    return ctx.page("Rettelser", "\n\n".join(body), description="Rettelser gjort i kildetekstene")


def _show(text: str) -> str:
    shown = text.replace("\n", " ⏎ ").replace("\t", " ⇥ ")
    return shown if len(shown) <= 160 else shown[:157] + "…"


def document_pages(ctx: Ctx) -> list[Page]:
    index_ctx = ctx.at(urls.SOURCES)
    lines = [
        "# Kilder",
        "Dokumentene innholdet er hentet fra. Hver side viser hva som kom fra dokumentet og hva som gikk tapt i uttrekket.",
    ]
    lines.append("\n".join(f"- [{md_text(d.title)}]({index_ctx.to(document_page(d))})" for d in ctx.corpus.documents.values()))
    pages = [index_ctx.page("Kilder", "\n\n".join(lines), description="Kildedokumentene")]
    for doc in ctx.corpus.documents.values():
        c = ctx.at(document_page(doc))
        publisher = ctx.corpus.organisations[doc.publisher_id]
        facts = [f"- **Type:** {md_text(doc.kind)}", f"- **Utgiver:** {c.org_link(publisher)}",
                 f"- **Dato:** {md_text(c.when(doc.date)) if doc.date else 'ikke oppgitt'}",
                 f"- **Sidetall i kilden:** {'ja' if doc.has_pages else 'nei'}"]
        body = [f"# {md_text(doc.title)}", "\n".join(facts)]
        if doc.extraction_note:
            body.append(f"!!! note \"Om uttrekket\"\n    {md_text(doc.extraction_note)}")
        errata = [e for e in ctx.corpus.errata if e.document.id == doc.id]
        if errata:
            body.append(f"[{plural(len(errata), 'rettelse', 'rettelser')} i denne kilden]({c.to(urls.ERRATA)})")
        grouped: dict[str, list[m.Entity]] = defaultdict(list)
        for entity in ctx.index.by_document.get(doc.id, ()):
            if entity.kind in KIND_LABEL:
                grouped[entity.kind].append(entity)
        body.append("## Innhold fra dokumentet")
        for kind, entities in grouped.items():
            if kind in ("theme", "term"):
                continue
            items = [(c.a(e, title_of(e)), _page(e)) for e in entities]
            body += [f"### {KIND_LABEL[kind]} ({len(entities)})", c.fragment(block("link_list", items))]
        pages.append(c.page(doc.title, "\n\n".join(body), description=f"Kildedokument: {doc.title}", edit="data/documents.yml",
                            search_exclude=True))
    return pages


def _page(entity: object) -> str:
    source = getattr(entity, "source", None)
    return f" (side {source.page})" if source is not None and source.page else ""
