"""What search knows about each page, taken from the model (never from the built HTML).

One :class:`SearchDoc` per page a reader can land on: its URL, title, the words that name
it (keywords: a measure's number, an organisation's abbreviation and former names, a
status), its headings and its text. Measures, the pages that scale with the data, are made
from the model alone; the few other pages from their generated Markdown body (the page's
own prose), leaving out the HTML tables (fragments) that only list other entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import model as m
from .. import urls
from ..index import Index
from ..pages.base import Page

# Ranking classes (the worker multiplies a document's score by the factor in worker.js):
ENTITY = "e"   # an entity's own page (measure, plan, organisation, theme, strategy element)
LISTING = "l"  # overviews and indexes (status overview, lists of plans, organisations)
EDITOR = "x"   # pages for editors: corrections, sources
TERM = "t"     # a glossary entry (a section of the glossary page)

_EDITOR_PAGES = {urls.ERRATA}
_LISTING_PAGES = {urls.HOME, urls.STATUS, urls.ORGANISATIONS, urls.STRATEGIES, urls.PLANS, urls.THEMES, urls.NEWS, urls.GLOSSARY}
# Extra names of pages that readers call by another word.
_PAGE_KEYWORDS = {
    urls.STATUS: ("statusoversikt", "statustabell", "status for alle tiltak"),
    urls.ERRATA: ("rettelser", "errata", "korrigeringer"),
    urls.GLOSSARY: ("ordliste", "forkortelser", "begreper"),
}


@dataclass(frozen=True, slots=True)
class SearchDoc:
    url: str  # site-relative URL, as Material's search results expect it ("a/b/" or "a/b.html")
    title: str
    kind: str  # ENTITY, LISTING, EDITOR or TERM
    keywords: tuple[str, ...]
    headings: tuple[str, ...]
    text: str
    status: str | None = None  # a measure's current status id: found by status words
    names: tuple[str, ...] = ()  # the entity's own other names (abbreviation, former names): rank as its title


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE = re.compile(r"\[\^[^\]]*\]:?")
_ATTR = re.compile(r"\{:?[^}]*\}")
_TAG = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


_MARKUP_CHARS = "*_`|>#"


def plain(markdown: str | None) -> str:
    """Markdown (prose or a generated page body) as plain text for the index and snippets.

    Each pattern runs only where its first character occurs: at 10,000 measures this runs
    over some 20 MB of text."""
    if not markdown:
        return ""
    text = markdown
    if "<" in text:
        text = _TAG.sub(" ", text)  # our fragment placeholders are HTML comments: tags too
    if "[" in text:
        text = _LINK.sub(r"\1", _FOOTNOTE.sub("", text))
    if "{" in text:
        text = _ATTR.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    for c in _MARKUP_CHARS:
        if c in text:
            text = text.replace(c, " ")
    return " ".join(text.split())


def _split_headings(body: str) -> tuple[tuple[str, ...], str]:
    headings, rest = [], []
    for line in body.splitlines():
        if line.startswith("#"):
            headings.append(plain(line.lstrip("#")))
        else:
            rest.append(line)
    return tuple(h for h in headings if h), plain("\n".join(rest))


def _org_names(org: m.Organisation) -> tuple[str, ...]:
    names = [org.name]
    if org.abbreviation:
        names.append(org.abbreviation)
    names += [f.name for f in org.former_names]
    names += list(org.other_names)
    return tuple(names)


def _measure_doc(url: str, title: str, measure: m.Measure, plan: m.Plan, index: Index, internal: bool) -> SearchDoc:
    groups = measure.group.path
    keywords = [*([measure.designation.lower()] if measure.designation else []), *(g.title for g in groups),
                *(g.designation for g in groups)]
    text = [plain(measure.description)]
    status = None
    latest = index.entry(measure)
    if latest is not None:
        _report, entry = latest
        status = entry.status.filter_key
        if entry.narrative:
            text.append(plain(entry.narrative))
    responsibility = measure.responsibility
    for org in (*responsibility.organisations, *measure.actors):
        keywords += [org.name, org.abbreviation or ""]
    for party in responsibility.parties:
        if party.text:
            keywords.append(party.text)
    if responsibility.summary:
        text.append(plain(responsibility.summary))
    if responsibility.text:
        text.append(plain(responsibility.text))
    keywords += [t.title for t in measure.themes]
    if measure.period:
        text.append(measure.period.text)
    text.append(plan.title)
    if internal:
        text.append(_notes_text(measure.notes))
        text += [_notes_text(e.notes) for _, e in index.history(measure) if e is not None and e.notes]
        if measure.contacts:
            text.append(plain(measure.contacts.text))
            text += [p.name for p in measure.contacts.persons]
    return SearchDoc(url, title, ENTITY, tuple(dict.fromkeys(k for k in keywords if k)), (), " ".join(t for t in text if t), status)


def _notes_text(notes: tuple[m.Note, ...]) -> str:
    """Internal notes (internal handbook only): author and text."""
    return " ".join(f"{n.author}: {plain(n.text)}" for n in notes)


def _page_doc(url: str, page: Page, kind: str, keywords: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> SearchDoc:
    headings, text = _split_headings(page.body)
    headings = tuple(h for h in headings if h != page.title)
    return SearchDoc(url, page.title, kind, keywords + _PAGE_KEYWORDS.get(page.path, ()), headings, text, names=names)


def _url(md_path: str, directory_urls: bool) -> str:
    return urls.site_path(md_path, directory_urls=directory_urls)


def documents(corpus: m.Corpus, pages: list[Page], handwritten: list[tuple[str, str]], *,
              directory_urls: bool, index: Index | None = None) -> list[SearchDoc]:
    """Every searchable page, in a stable order (the generated pages' order, then hand-written).

    ``handwritten`` holds (docs-relative path, Markdown source) of the pages in docs/ that the
    build includes; internal hand-written pages (docs/intern/) only reach here in the internal
    build, and never when ``corpus.audience`` is public.
    """
    index = index or Index(corpus)
    by_page: dict[str, m.Entity] = {}
    for ref, each in corpus.entities.items():
        try:
            path = urls.page_of(ref)
        except KeyError:
            continue
        if urls.anchor_of(ref) is None:
            by_page.setdefault(path, each)
    internal = corpus.internal
    docs: list[SearchDoc] = []
    for page in pages:
        if page.search_exclude and page.path != urls.STATUS and not urls.is_source_page(page.path):
            continue  # printable copies and changes pages repeat what entity pages say
        url = _url(page.path, directory_urls)
        entity = by_page.get(page.path)
        if isinstance(entity, m.Measure):
            docs.append(_measure_doc(url, page.title, entity, corpus.plans[entity.plan_id], index, internal))
        elif isinstance(entity, m.Organisation):
            docs.append(_page_doc(url, page, ENTITY, names=_org_names(entity)))
        elif isinstance(entity, m.Plan):
            keywords = (entity.subtitle or "", *(_org_names(entity.owner)))
            docs.append(_page_doc(url, page, ENTITY, tuple(k for k in keywords if k)))
        elif page.path == urls.GLOSSARY:
            docs.append(_page_doc(url, page, LISTING))
            for term in corpus.terms.values():
                docs.append(SearchDoc(f"{url}#{urls.anchor_of(term.ref)}", f"{term.term} – {term.expansion}", TERM,
                                      (), (), plain(term.description)))
        elif page.path in _EDITOR_PAGES or urls.is_source_page(page.path):
            docs.append(_page_doc(url, page, EDITOR))
        elif page.path in _LISTING_PAGES:
            docs.append(_page_doc(url, page, LISTING))
        else:
            docs.append(_page_doc(url, page, ENTITY))
        if internal and isinstance(entity, (m.Plan, m.Group)) and entity.notes:  # a fragment, not in the page's Markdown
            docs[-1] = replace(docs[-1], text=f"{docs[-1].text} {_notes_text(entity.notes)}")
    for path, source in handwritten:
        if not internal and path.startswith("intern/"):
            continue
        body = _FRONT_MATTER.sub("", source, count=1)
        title = _front_title(source) or next((plain(line.lstrip("#")) for line in body.splitlines() if line.startswith("# ")), path)
        docs.append(_page_doc(_url(path, directory_urls), Page(path=path, title=title, body=body), ENTITY))
    return docs


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.M)


def _front_title(source: str) -> str | None:
    front = _FRONT_MATTER.match(source)
    if not front:
        return None
    found = _TITLE.search(front.group(0))
    return found.group(1) if found else None
