"""Where every page lives: typed ref -> docs-relative Markdown path (and anchor).

URLs are readable and stable, built from ids only: /handlingsplaner/gode-krefter/tiltak-21/.
Every page path of the site is spelled here, and the names an id must not take.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

_STRATEGY_CHILD = {
    "mission": "samfunnsoppdrag.md",
    "vision": "visjon.md",
    "drivers": "drivkrefter.md",
}
_STRATEGY_GROUP = {
    "value": "verdier",
    "service-goal": "tjenestemal",
    "user-goal": "brukermal",
    "focus-area": "satsingsomrader",
}

HOME = "index.md"
STATUS = "status.md"
GLOSSARY = "ordliste.md"
ERRATA = "rettelser.md"
ORGANISATIONS = "organisasjoner/index.md"
STRATEGIES = "strategier/index.md"
PLANS = "handlingsplaner/index.md"
THEMES = "tema/index.md"
NEWS = "nyheter/index.md"
ABOUT = "om-nettstedet.md"
ACCESSIBILITY = "tilgjengelighetserklaering.md"
OPEN_DATA = "apne-data.md"
SOURCES = "kilder/index.md"
FEED = "feed.xml"  # the RSS feed (planverk/feed.py), linked from the front page and the open-data page
_SOURCES_FOLDER = "kilder/"
# Pages with a fixed address: no entity may take one (the hand-written ones are in docs/).
FIXED_PAGES = (HOME, STATUS, GLOSSARY, ERRATA, ORGANISATIONS, STRATEGIES, PLANS, THEMES, NEWS, ABOUT, ACCESSIBILITY, SOURCES)
# Page names a strategy folder already uses: a section id must not take one.
RESERVED_STRATEGY_PAGES = frozenset({"index", "omrader", "utskrift", *(name[:-len(".md")] for name in _STRATEGY_CHILD.values()),
                                     *_STRATEGY_GROUP.values()})


# The status overview's filters as URL parameters (the table script reads and writes the same).
STATUS_FILTERS = ("plan", "gruppe", "status", "framdrift", "ansvarlig", "rolle", "forfalt")


def status_plan_page(plan_id: str) -> str:
    """The static status page of one plan: its whole table, usable without JavaScript."""
    return f"status/{plan_id}.md"


def status_data_file(plan_id: str) -> str:
    """The script with one plan's rows for the status table (a script, so it loads from file://)."""
    return f"status/data/{plan_id}.js"


def status_query(**filters: str | list[str] | tuple[str, ...] | None) -> str:
    """'?plan=a&status=b,c' for the status pages; several values of one filter are comma-separated."""
    parts = []
    for name in STATUS_FILTERS:
        value = filters.pop(name, None)
        if isinstance(value, (list, tuple)):
            value = ",".join(value)
        if value:
            parts.append(f"{name}={quote(value, safe=',')}")
    if filters:
        raise KeyError(f"unknown status filters: {sorted(filters)}")
    return "?" + "&".join(parts) if parts else ""


def page_of(ref: str) -> str:
    """The Markdown path of the page that shows ``ref`` (a goal shows on its own page)."""
    kind, _, path = ref.partition(":")
    parts = path.split("/")
    if kind == "org":
        return f"organisasjoner/{parts[0]}.md"
    if kind == "strategy":
        return f"strategier/{parts[0]}/index.md"
    if kind in _STRATEGY_CHILD:
        return f"strategier/{parts[0]}/{_STRATEGY_CHILD[kind]}"
    if kind in _STRATEGY_GROUP:
        return f"strategier/{parts[0]}/{_STRATEGY_GROUP[kind]}/{parts[1]}.md"
    if kind == "section":
        return f"strategier/{parts[0]}/{parts[1]}.md"
    if kind == "area":
        return f"strategier/{parts[0]}/omrader/{parts[1]}/index.md"
    if kind == "goal":
        return f"strategier/{parts[0]}/omrader/{parts[1]}/{parts[2]}.md"
    if kind == "plan":
        return f"handlingsplaner/{parts[0]}/index.md"
    if kind in ("group", "measure"):  # one folder: a plan's group and measure ids differ
        return f"handlingsplaner/{parts[0]}/{parts[1]}.md"
    if kind == "report":
        return changes_page(f"plan:{parts[0]}")  # a report is shown where its changes are
    if kind == "news":
        return f"nyheter/{parts[0]}.md"
    if kind == "theme":
        return f"tema/{parts[0]}.md"
    if kind == "term":
        return GLOSSARY
    if kind == "document":
        return f"{_SOURCES_FOLDER}{parts[0]}.md"
    raise KeyError(f"no page for reference {ref!r}")


def changes_page(plan_ref: str) -> str:
    """The page of the changes between a plan's status reports."""
    return page_of(plan_ref).replace("/index.md", "/endringer.md")


def print_page(ref: str) -> str:
    """The printable copy of a whole plan or strategy."""
    return page_of(ref).replace("/index.md", "/utskrift.md")


def is_source_page(md_path: str) -> bool:
    """A page of the sources: their index or one source document."""
    return md_path.startswith(_SOURCES_FOLDER)


def anchor_of(ref: str) -> str | None:
    kind, _, path = ref.partition(":")
    if kind == "term":
        return path
    return None


def href(ref: str, *, start: str) -> str:
    """Relative Markdown link from the page at ``start`` to ``ref``."""
    return relative(page_of(ref), start=start) + (f"#{anchor_of(ref)}" if anchor_of(ref) else "")


def relative(target: str, *, start: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(start) or ".")


def url_of(md_path: str) -> str:
    """The site URL (directory style) of a Markdown path: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"


def site_path(md_path: str, *, directory_urls: bool) -> str:
    """The built file's URL path: 'a/b.md' -> 'a/b/' (directory URLs) or 'a/b.html'."""
    if directory_urls:
        return url_of(md_path)
    return md_path[: -len(".md")] + ".html"


def site_href(target: str, *, start: str, directory_urls: bool, anchor: str | None = None) -> str:
    """Relative URL between two built pages, for raw HTML that MkDocs does not rewrite.

    Hand-rolled instead of posixpath.relpath, which normalised and made both paths absolute on
    every call: 300,000 links at 10,000 measures took 10 s of a build.
    """
    to = site_path(target, directory_urls=directory_urls)
    here = site_path(start, directory_urls=directory_urls)
    base = here.split("/")[:-1]  # the folder the page is served from
    parts = to.split("/")
    common = 0
    for a, b in zip(base, parts, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:])
    if not rel:
        rel = "./" if directory_urls else parts[-1]
    elif to.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")
