"""What every page builder shares: the Page record and a rendering context with link helpers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import count
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup

from .. import model as m
from .. import urls
from ..abbr import Abbreviations
from ..index import Index
from ..labels import SITE_LANGUAGE, editorial
from ..prose import Prose
from ..templating import Link, macros, render
from ..text import md_text, meta_text, yaml_str, year_month

if TYPE_CHECKING:
    from .html import Html

T = TypeVar("T")


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
    html: Html | None = None  # its HTML, made with the page where it could be (planverk/pages/html.py)

    @property
    def full_body(self) -> str:
        """The body with its HTML fragments in place (what the built page shows)."""
        return expand(self.body, self.fragments)

    @property
    def source(self) -> str:
        """The Markdown MkDocs converts: the body after the front matter (``mkdocs.utils.meta.get_data``)."""
        return self.body.strip() + "\n"

    def _front(self) -> Iterator[tuple[str, Any]]:
        """The front matter's fields in order, their text as written (unescaped)."""
        yield "title", self.title
        if self.description:
            yield "description", self.description
        if self.tags:
            yield "tags", list(self.tags)
        if self.hide:
            yield "hide", list(self.hide)
        if self.template:
            yield "template", self.template
        yield from self.meta
        if self.search_boost:
            yield "search", {"boost": self.search_boost}
        elif self.search_exclude:
            yield "search", {"exclude": True}

    @property
    def front_matter(self) -> dict[str, Any]:
        """The front matter as MkDocs reads it from :attr:`markdown` into ``page.meta``: text
        HTML-escaped (tests/site/test_made_pages.py compares)."""
        def text(value: Any) -> Any:
            return meta_text(value) if isinstance(value, str) else value
        return {key: [text(v) for v in value] if isinstance(value, list) else text(value) for key, value in self._front()}

    @property
    def markdown(self) -> str:
        """The page as a Markdown file: its front matter, then its source."""
        lines = ["---"]
        for key, value in self._front():
            if isinstance(value, list):  # Material's names in hide are written bare
                lines.append(f"{key}:")
                lines.extend(f"  - {v if key == 'hide' else yaml_str(v)}" for v in value)
            elif isinstance(value, dict):
                lines.append(f"{key}:")
                lines.extend(f"  {k}: {json.dumps(v)}" for k, v in value.items())
            else:
                lines.append(f"{key}: {yaml_str(value)}")
        lines.append("---")
        return "\n".join(lines) + "\n\n" + self.source


_COMMA, _NOTHING = Markup(", "), Markup()


def commas(items: Iterable[T]) -> list[tuple[Markup, T]]:
    """Each item with what comes before it in a comma-separated list (nothing for the first): a
    template then needs no loop.first (a loop context per list made a measure page 30 % slower).
    Markup, as a plain string's spaces would be trimmed like data's."""
    return [(_COMMA if i else _NOTHING, item) for i, item in enumerate(items)]


def block(name: str, *args: object, **values: object) -> Markup:
    """The macro ``name`` of templates/blocks.html (the small blocks every entity page has)."""
    made: Markup = getattr(macros("blocks.html"), name)(*args, **values)  # autoescape: macros return Markup
    return made


_FRAGMENT = re.compile(r"<!-- planverk-fragment:(\d+):(\d+) -->")


def expand(html: str, fragments: tuple[str, ...]) -> str:
    """Put a page's HTML fragments in place of their placeholders (after Markdown ran)."""
    if not fragments:
        return html
    return _FRAGMENT.sub(lambda mt: fragments[int(mt.group(1))], html)


def title_of(entity: m.Entity | m.SubGoal) -> str:
    """How an entity is named in links and headings (plain text): its title, with the number
    of a measure or group and the abbreviation of an organisation."""
    if isinstance(entity, m.Measure):
        return f"{entity.designation}: {entity.title}" if entity.designation else entity.title
    if isinstance(entity, m.Group):
        return f"{entity.designation}: {entity.title}"
    if isinstance(entity, m.Organisation):
        return f"{entity.name} ({entity.abbreviation})" if entity.abbreviation and entity.abbreviation != entity.name else entity.name
    return entity.title


KIND_LABEL = {
    "org": "Organisasjon", "strategy": "Strategi", "mission": "Samfunnsoppdrag", "vision": "Visjon",
    "value": "Verdi", "service-goal": "Tjenestemål", "user-goal": "Brukermål", "focus-area": "Satsingsområde",
    "area": "Strategisk område", "goal": "Mål", "section": "Tekst", "drivers": "Drivkrefter", "plan": "Handlingsplan",
    "group": "Gruppe", "measure": "Tiltak", "news": "Nyhet", "theme": "Tema", "term": "Ordliste",
    "report": "Statusrapport",
}


@dataclass
class Ctx:
    """Rendering context for one page: knows where the page is, so links come out relative,
    and holds the page's HTML fragments.

    A fragment's placeholder names the context that made it (``serial``): :meth:`page` refuses
    a body with a placeholder of another context, or with a fragment missing or placed twice,
    so a fragment can never land on another page. Make one context per page with :meth:`at`.
    """

    corpus: m.Corpus
    index: Index
    prose_renderer: Prose
    abbr: Abbreviations
    directory_urls: bool = True
    path: str = ""
    fragments: list[str] = field(default_factory=list)
    serial: int = 0
    _serials: Iterator[int] = field(default_factory=lambda: count(1), repr=False)
    _done: bool = False

    @classmethod
    def create(cls, corpus: m.Corpus, *, directory_urls: bool = True, index: Index | None = None,
               abbr: Abbreviations | None = None) -> Ctx:
        """The context for ``corpus``; a build passes the index and abbreviations it made once."""
        abbr = abbr or Abbreviations(corpus.terms)
        return cls(corpus, index or Index(corpus), Prose(abbr), abbr, directory_urls)

    def at(self, path: str) -> Ctx:
        """A fresh context for the page at ``path`` (its own fragments)."""
        return Ctx(self.corpus, self.index, self.prose_renderer, self.abbr, self.directory_urls, path,
                   serial=next(self._serials), _serials=self._serials)

    def text(self, value: str) -> Markup:
        """Plain text for our own HTML: escaped, abbreviations as <abbr title>."""
        return Markup(self.abbr.html(value))

    def prose_block(self, text: str | None, *, footnotes: str | None = None,
                    references: tuple[m.Reference, ...] = (), source: m.Source | None = None) -> Markup:
        """A prose field as sanitised HTML in its block (rendered once, cached); empty without text.
        The one way a page shows prose: :class:`Prose` is the one renderer. ``source`` is where
        the text comes from: text in another language than the site's (a nynorsk plan's) gets
        ``lang`` on its block, so a screen reader reads it in its own language."""
        html = self.prose_renderer.html(text, footnotes=footnotes, references=references)
        if not html:
            return Markup()
        language = source.document.language if source is not None else SITE_LANGUAGE
        return block("prose", Markup(html), lang="" if language == SITE_LANGUAGE else language)

    def prose(self, text: str | None, *, footnotes: str | None = None, references: tuple[m.Reference, ...] = (),
              source: m.Source | None = None) -> str:
        """A prose field placed as a fragment: prose never goes through Python-Markdown."""
        block = self.prose_block(text, footnotes=footnotes, references=references, source=source)
        return self.fragment(block) if block else ""

    def url(self, ref: str) -> str:
        """URL of ``ref``'s page relative to this page, for our own HTML (the one way to
        link an entity there: MkDocs does not rewrite links in raw HTML)."""
        return self.page_url(urls.page_of(ref), anchor=urls.anchor_of(ref))

    def a(self, entity: m.Entity, text: str | None = None) -> Link:
        """A link to an entity's page, for a template."""
        return Link(self.url(entity.ref), self.text(text if text is not None else title_of(entity)))

    def page_url(self, md_path: str, anchor: str | None = None) -> str:
        """URL of a fixed page relative to this page, for our own HTML."""
        return urls.site_href(md_path, start=self.path, directory_urls=self.directory_urls, anchor=anchor)

    def a_page(self, md_path: str, text: str, query: str = "") -> Link:
        """A link to a fixed page, for a template."""
        return Link(self.page_url(md_path) + query, self.text(text))

    def fragment(self, html: str) -> str:
        """A placeholder for a block of our own HTML that Markdown need not parse.

        The big tables (10,000 rows in the status table) are escaped HTML already; passing
        them through Python-Markdown's raw-HTML parser cost more than the rest of the page.
        """
        if self._done:
            raise ValueError(f"{self.path}: a fragment made after the page was made")
        self.fragments.append(html)
        return f"<!-- planverk-fragment:{len(self.fragments) - 1}:{self.serial} -->"

    def html(self, template: str, **values: object) -> str:
        """The template rendered and placed as a fragment."""
        return self.fragment(render(template, **values))

    def page(self, title: str, body: str, **options: Any) -> Page:
        """The page of this context; every fragment it made must be in ``body`` once, and no other."""
        placed = [(int(n), int(serial)) for n, serial in _FRAGMENT.findall(body)]
        if sorted(placed) != [(n, self.serial) for n in range(len(self.fragments))]:
            raise ValueError(f"{self.path}: the body's fragments {placed} are not the page's own "
                             f"({len(self.fragments)} made by context {self.serial})")
        self._done = True
        return Page(self.path, title, body, fragments=tuple(self.fragments), **options)

    def when(self, date: str | None) -> str:
        return year_month(date)

    def edit(self, ref: str) -> str | None:
        return self.corpus.files.get(ref)

    # links in Markdown

    def href(self, ref: str) -> str:
        return urls.href(ref, start=self.path)

    def to(self, md_path: str, anchor: str | None = None) -> str:
        return urls.relative(md_path, start=self.path) + (f"#{anchor}" if anchor else "")

    def link(self, entity: m.Entity, text: str | None = None) -> str:
        label = md_text(text if text is not None else title_of(entity))
        return f"[{label}]({self.href(entity.ref)})"

    def org_link(self, org: m.Organisation, *, short: bool = False) -> str:
        return self.link(org, org.label if short else None)

    def source_line(self, source: m.Source) -> str:
        """Where the entity comes from: document (linked) and page, as a fragment."""
        return self.fragment(source_html(self, source))

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
    items = [(r.kind.label, ctx.a(ctx.corpus.get(r.to_ref)), ctx.text(r.quote), ctx.text(r.note) if r.note else None)
             for r in out_rel]
    items += [(r.kind.inverse_label, ctx.a(ctx.corpus.get(r.from_ref)), ctx.text(r.quote), None) for r in in_rel]
    return f"## {heading}\n\n" + ctx.fragment(block("related", items))


def source_link(ctx: Ctx, source: m.Source) -> Link:
    return ctx.a_page(document_page(source.document), source.document.title)


def source_html(ctx: Ctx, source: m.Source) -> Markup:
    return block("source", source_link(ctx, source), source.page)


def editorial_note(ctx: Ctx, entity: m.Plan | m.Group | m.Measure, language: str = SITE_LANGUAGE) -> str:
    """The line that says which of the entity's fields the editors wrote (none: "")."""
    note = editorial(entity.editorial, language)
    return ctx.fragment(block("editorial", note)) if note else ""


def bullet_links(ctx: Ctx, entities: Sequence[m.Entity], extra: Callable[[Any], str] | None = None) -> str:
    lines = []
    for entity in entities:
        tail = extra(entity) if extra else ""
        lines.append(f"- {ctx.link(entity)}{tail}")
    return "\n".join(lines)
