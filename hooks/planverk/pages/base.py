"""What every page builder shares: the Page record and a rendering context with link helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from .. import charts
from .. import model as m
from .. import urls
from ..abbr import Abbreviations
from ..index import Index
from ..prose import Prose
from ..templating import render
from ..text import html_text, md_text, year_month, yaml_str


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # docs-relative Markdown path
    title: str  # plain text (unescaped)
    body: str  # Markdown without front matter
    description: str = ""
    edit: str | None = None  # data file (repo-relative) the page comes from
    tags: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    search_boost: float | None = None
    search_exclude: bool = False  # listing pages that only repeat what entity pages say
    fragments: tuple[str, ...] = ()  # HTML blocks that bypass Markdown, see Ctx.fragment
    template: str | None = None  # a template of overrides/ instead of main.html
    meta: tuple[tuple[str, str], ...] = ()  # more front matter (plain strings)

    @property
    def full_body(self) -> str:
        """The body with its HTML fragments in place (what the built page shows)."""
        return expand(self.body, self.fragments)

    @property
    def markdown(self) -> str:
        lines = ["---", f"title: {yaml_str(self.title)}"]
        if self.description:
            lines.append(f"description: {yaml_str(self.description)}")
        if self.tags:
            lines.append("tags:")
            lines.extend(f"  - {yaml_str(t)}" for t in self.tags)
        if self.hide:
            lines.append("hide:")
            lines.extend(f"  - {h}" for h in self.hide)
        if self.template:
            lines.append(f"template: {yaml_str(self.template)}")
        lines.extend(f"{key}: {yaml_str(value)}" for key, value in self.meta)
        if self.search_boost:
            lines.append(f"search:\n  boost: {self.search_boost}")
        elif self.search_exclude:
            lines.append("search:\n  exclude: true")
        lines.append("---")
        return "\n".join(lines) + "\n\n" + self.body.strip() + "\n"


_FRAGMENT = re.compile(r"<!-- planverk-fragment:(\d+) -->")


def expand(html: str, fragments: tuple[str, ...]) -> str:
    """Put a page's HTML fragments in place of their placeholders (after Markdown ran)."""
    if not fragments:
        return html
    return _FRAGMENT.sub(lambda mt: fragments[int(mt.group(1))], html)


def title_of(entity: m.Entity | m.SubGoal) -> str:
    """How an entity is named in links and headings (plain text): its title, with the number
    of a measure or package and the abbreviation of an organisation."""
    if isinstance(entity, m.Measure):
        return f"Tiltak {entity.number}: {entity.title}"
    if isinstance(entity, m.Package):
        return f"{entity.label} {entity.number}: {entity.title}"
    if isinstance(entity, m.Organisation):
        return f"{entity.name} ({entity.abbreviation})" if entity.abbreviation and entity.abbreviation != entity.name else entity.name
    return entity.title


KIND_LABEL = {
    "org": "Organisasjon", "strategy": "Strategi", "mission": "Samfunnsoppdrag", "vision": "Visjon",
    "value": "Verdi", "service-goal": "Tjenestemål", "user-goal": "Brukermål", "focus-area": "Satsingsområde",
    "area": "Strategisk område", "goal": "Mål", "section": "Tekst", "drivers": "Drivkrefter", "plan": "Handlingsplan",
    "package": "Tiltaksgruppe", "measure": "Tiltak", "news": "Nyhet", "theme": "Tema", "term": "Ordliste",
    "report": "Statusrapport",
}


@dataclass
class Ctx:
    """Rendering context for one page: knows where the page is, so links come out relative."""

    corpus: m.Corpus
    index: Index
    prose_renderer: Prose
    abbr: Abbreviations
    directory_urls: bool = True
    path: str = ""
    fragments: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, corpus: m.Corpus, *, directory_urls: bool = True, index: Index | None = None,
               abbr: Abbreviations | None = None) -> "Ctx":
        """The context for ``corpus``; a build passes the index and abbreviations it made once."""
        abbr = abbr or Abbreviations(corpus.terms)
        return cls(corpus, index or Index(corpus), Prose(abbr), abbr, directory_urls)

    def at(self, path: str) -> "Ctx":
        return Ctx(self.corpus, self.index, self.prose_renderer, self.abbr, self.directory_urls, path)

    def text(self, value: str) -> str:
        """Plain text for our own HTML: escaped, abbreviations as <abbr title>."""
        return self.abbr.html(value)

    def prose_html(self, text: str | None, *, footnotes: str | None = None, references: tuple[m.Reference, ...] = ()) -> str:
        """A prose field rendered once (cached) and placed as a fragment."""
        html = self.prose_renderer.html(text, footnotes=footnotes, references=references)
        return self.fragment(f'<div class="pv-prose">{html}</div>') if html else ""

    def url(self, ref: str) -> str:
        """URL of ``ref``'s page relative to this page, for our own HTML (the one way to
        link an entity there: MkDocs does not rewrite links in raw HTML)."""
        return self.page_url(urls.page_of(ref), anchor=urls.anchor_of(ref))

    def a(self, entity: m.Entity, text: str | None = None) -> str:
        """An HTML link to an entity's page."""
        label = text if text is not None else title_of(entity)
        return f'<a href="{self.url(entity.ref)}">{self.text(label)}</a>'

    def page_url(self, md_path: str, anchor: str | None = None) -> str:
        """URL of a fixed page relative to this page, for our own HTML."""
        return urls.site_href(md_path, start=self.path, directory_urls=self.directory_urls, anchor=anchor)

    def a_page(self, md_path: str, text: str, query: str = "") -> str:
        """An HTML link to a fixed page."""
        return f'<a href="{self.page_url(md_path)}{query}">{self.text(text)}</a>'

    def fragment(self, html: str) -> str:
        """A placeholder for a block of our own HTML that Markdown need not parse.

        The big tables (10,000 rows in the status table) are escaped HTML already; passing
        them through Python-Markdown's raw-HTML parser cost more than the rest of the page.
        """
        self.fragments.append(html)
        return f"<!-- planverk-fragment:{len(self.fragments) - 1} -->"

    def page(self, title: str, body: str, **options) -> "Page":
        return Page(self.path, title, body, fragments=tuple(self.fragments), **options)

    def when(self, date: str | None) -> str:
        return year_month(date)

    def edit(self, ref: str) -> str | None:
        return self.corpus.files.get(ref)

    # links

    def href(self, ref: str) -> str:
        return urls.href(ref, start=self.path)

    def to(self, md_path: str, anchor: str | None = None) -> str:
        return urls.relative(md_path, start=self.path) + (f"#{anchor}" if anchor else "")

    def link(self, entity: m.Entity, text: str | None = None) -> str:
        label = md_text(text if text is not None else title_of(entity))
        return f"[{label}]({self.href(entity.ref)})"

    def org_link(self, org: m.Organisation, *, short: bool = False) -> str:
        return self.link(org, org.label if short else None)

    def party(self, party: m.Party) -> str:
        return self.org_link(party.organisation) if party.organisation else md_text(party.text or "")

    # status

    def badge(self, status: m.Status) -> str:
        """Status as text with an icon shape per status: never colour alone."""
        return (f'<span class="pv-status pv-status--{status.id}" data-rank="{status.rank}">'
                f'<span class="pv-status__icon" aria-hidden="true"></span>{html_text(status.label)}</span>')

    # provenance

    def source_line(self, source: m.Source) -> str:
        """Where the entity comes from: document (linked) and page."""
        return self.fragment(source_html(self, source))

    def prose(self, text: str | None, *, footnotes: str | None = None) -> str:
        """A prose field as sanitised HTML (a fragment): prose never goes through Python-Markdown."""
        return self.prose_html(text, footnotes=footnotes)

    @cached_property
    def statuses(self) -> tuple[m.Status, ...]:
        return self.corpus.vocabulary.statuses


def document_page(document: m.Document) -> str:
    return urls.page_of(document.ref)


# --- shared fragments -----------------------------------------------------------------------


def related(ctx: Ctx, ref: str, heading: str = "Relasjoner") -> str:
    """Both directions of every relation of ``ref`` as an HTML fragment (with its heading)."""
    out_rel = ctx.index.relations_from.get(ref, ())
    in_rel = ctx.index.relations_to.get(ref, ())
    if not out_rel and not in_rel:
        return ""
    items = [f"<li>{html_text(r.kind.label)}: {ctx.a(ctx.corpus.get(r.to_ref))} — «{ctx.text(r.quote)}»"
             + (f" ({ctx.text(r.note)})" if r.note else "") + "</li>" for r in out_rel]
    items += [f"<li>{html_text(r.kind.inverse_label)}: {ctx.a(ctx.corpus.get(r.from_ref))} — «{ctx.text(r.quote)}»</li>" for r in in_rel]
    return f"## {heading}\n\n" + ctx.fragment(f'<ul class="pv-related">{"".join(items)}</ul>')


def source_html(ctx: Ctx, source: m.Source) -> str:
    page = f", side {source.page}" if source.page else ""
    return f'<p class="pv-source">Kilde: {ctx.a_page(document_page(source.document), source.document.title)}{page}</p>'


def status_counts(ctx: Ctx, measures: tuple[m.Measure, ...] | list[m.Measure]) -> dict[str, int]:
    counts = {s.id: 0 for s in ctx.statuses}
    counts["ingen"] = 0
    for measure in measures:
        found = ctx.index.entry(measure)
        counts[found[1].status.id if found else "ingen"] += 1
    return counts


def status_summary(ctx: Ctx, rows: list[tuple[str, tuple[m.Measure, ...]]], *, first_col: str, caption: str,
                   links: list[tuple[str, dict[str, str]]] | None = None) -> str:
    """A table of counts per status (one row per group), the total, then apart from them the
    overdue count (a subset of the statuses, not added to the total) and a bar, with a legend.

    ``links`` gives, per row, the status page and filters of the measures the row counts: each
    non-zero count then links to the status table filtered to exactly those measures.
    """
    statuses = ctx.statuses
    has_none = any(status_counts(ctx, ms)["ingen"] for _, ms in rows)
    head = [first_col, *(s.label for s in statuses), *(["Uten status"] if has_none else []), "Totalt"]
    if any(found[0].draft for _, ms in rows for found in map(ctx.index.entry, ms) if found):
        caption += " (med status fra et utkast)"  # the internal handbook's drafts, see pages/internal.py
    # A scroll container (a focusable, named region) so that a phone scrolls the table, not the page.
    lines = [f'<div class="pv-table-wrap" tabindex="0" role="region" aria-label="{html_text(caption)}">',
             f"<table class=\"pv-summary\"><caption>{html_text(caption)}</caption>",
             "<thead><tr>" + "".join(f'<th scope="col">{html_text(h)}</th>' for h in head)
             + '<th scope="col" class="pv-summary__aside">Herav forfalt</th><th scope="col">Fordeling</th></tr></thead><tbody>']
    for i, (label_html, measures) in enumerate(rows):
        counts = status_counts(ctx, measures)
        total = len(measures)
        overdue = sum(1 for x in measures if ctx.index.is_overdue(x))
        target = links[i] if links else None

        def count(n: int, css: str = "", **filters: str) -> str:
            if not target or not n:
                return str(Markup("<td{}>{}</td>").format(Markup(f' class="{css}"') if css else "", n))
            href = ctx.page_url(target[0])
            return str(Markup('<td{}><a href="{}">{}</a></td>').format(
                Markup(f' class="{css}"') if css else "", href + urls.status_query(**target[1], **filters), n))

        cells = [f'<th scope="row">{label_html}</th>']
        cells += [count(counts[s.id], status=s.id) for s in statuses]
        if has_none:
            cells.append(count(counts["ingen"], status="ingen-rapport"))
        cells += [count(total), count(overdue, "pv-summary__aside", forfalt="ja"), f"<td>{bar(ctx, counts, total)}</td>"]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table></div>")
    return ctx.fragment(legend(ctx, has_none=has_none, overdue=True) + "\n" + "\n".join(lines))


def _parts(ctx: Ctx) -> list[tuple[str, str]]:
    return [(s.id, s.label) for s in ctx.statuses] + [("ingen", "Uten status")]


def legend(ctx: Ctx, *, has_none: bool, overdue: bool = False) -> str:
    """What the colours and patterns of the bars mean (the status badges' own colours)."""
    items = [(key, label) for key, label in _parts(ctx) if key != "ingen" or has_none]
    return render("legend.html", items=items, overdue=overdue)


def bar(ctx: Ctx, counts: dict[str, int], total: int, *, wide: bool = False) -> str:
    """A stacked bar with its counts where they fit; hidden from screen readers (the numbers
    are in the table cells beside it)."""
    if not total:
        return ""
    parts = charts.segments([(key, label, counts.get(key, 0)) for key, label in _parts(ctx)], total, bar_em=18 if wide else 10)
    return render("bar.html", segments=parts, wide=wide)


def bullet_links(ctx: Ctx, entities: Sequence[m.Entity], extra=None) -> str:
    lines = []
    for entity in entities:
        tail = extra(entity) if extra else ""
        lines.append(f"- {ctx.link(entity)}{tail}")
    return "\n".join(lines)
